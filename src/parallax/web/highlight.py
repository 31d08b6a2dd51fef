"""Annotations and findings drawn in place: an article's text with ``<mark>`` spans from offsets.

Spans may overlap (a figure inside a claim inside a conflicting passage): the text is cut at
every span boundary and each piece carries the classes of every span covering it, so the
markup never nests and never breaks. Every piece of text is escaped here; the result is
:class:`markupsafe.Markup` the templates insert as is.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape

from ..compare import Comparison
from ..model import Article

__all__ = ["LAYERS", "Mark", "annotation_marks", "finding_marks", "highlight", "target_mark"]

#: Every layer a mark can belong to, with the legend shown beside highlighted text.
LAYERS: dict[str, str] = {
    "claim": "numeric claim",
    "figure": "conflicting figure",
    "conflict": "conflicting passage",
    "quote": "quote",
    "frame": "framing (hedge, distancing, loaded word)",
    "reuse": "copied passage",
    "target": "the evidence you followed",
}


@dataclass(frozen=True, slots=True)
class Mark:
    """A ``[start, end)`` span of an article's text to highlight as ``layer``, with a hover label."""

    start: int
    end: int
    layer: str
    label: str = ""


def _figure(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else str(value)


def annotation_marks(article: Article) -> list[Mark]:
    """The article's own annotations: claims, quotes and frames."""
    marks: list[Mark] = []
    for c in article.claims:
        words = " ".join(w for w in (c.qualifier, _figure(c.value), c.unit, c.predicate) if w)
        extra = ", ".join(x for x in (c.source and f"source {c.source}", c.as_of and f"as of {c.as_of}") if x)
        marks.append(Mark(c.start, c.end, "claim", f"claim: {words}" + (f" ({extra})" if extra else "")))
    for q in article.quotes:
        marks.append(Mark(q.start, q.end, "quote", f"{q.kind} quote" + (f" by {q.speaker}" if q.speaker else "")))
    for f in article.frames:
        marks.append(Mark(f.start, f.end, "frame", f"frame: {f.kind}" + (f" ({f.cue})" if f.cue else "")))
    return marks


def finding_marks(comparison: Comparison, article_id: str) -> list[Mark]:
    """Spans of ``article_id`` that findings point at: conflicting passages and figures, copied text."""
    marks: list[Mark] = []
    for finding in comparison.findings:
        if finding.kind not in ("conflict", "reuse"):
            continue
        for e in finding.evidence:
            if e.article != article_id:
                continue
            if finding.kind == "reuse":
                role = e.get("role")
                marks.append(Mark(e.start, e.end, "reuse", f"copied passage ({role})" if role else "copied passage"))
                continue
            marks.append(Mark(e.start, e.end, "conflict", f"conflict: {finding.summary}"))
            value_span = e.get("value_span")
            if isinstance(value_span, (list, tuple)) and len(value_span) == 2:
                source = e.get("source")
                label = f"conflicting figure: {_figure(e.get('value'))}" + (f" according to {source}" if source else "")
                marks.append(Mark(int(value_span[0]), int(value_span[1]), "figure", label))
    return marks


def target_mark(article: Article, at: str | None) -> Mark | None:
    """The span named by an evidence link (``?at=START-END``), when it fits the text."""
    if not at:
        return None
    start_s, sep, end_s = at.partition("-")
    if not sep or not start_s.isdigit() or not end_s.isdigit():
        return None
    start, end = int(start_s), int(end_s)
    if start >= end or end > len(article.text):
        return None
    return Mark(start, end, "target", "the evidence you followed")


def highlight(text: str, marks: Iterable[Mark]) -> Markup:
    """``text`` escaped, each run covered by marks wrapped in one ``<mark class="...">``.

    The first run of a ``target`` mark gets ``id="hl"`` so a link can jump to it.
    """
    n = len(text)
    spans: Sequence[Mark] = [m for m in marks if 0 <= m.start < m.end and m.start < n]
    if not spans:
        return Markup(escape(text))
    cuts = sorted({0, n, *(m.start for m in spans), *(min(m.end, n) for m in spans)})
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for k, m in enumerate(spans):
        starts.setdefault(m.start, []).append(k)
        ends.setdefault(min(m.end, n), []).append(k)
    active: set[int] = set()
    out: list[str] = []
    anchored = False
    for left, right in pairwise(cuts):
        active.difference_update(ends.get(left, ()))
        active.update(starts.get(left, ()))
        piece = escape(text[left:right])
        if not active:
            out.append(piece)
            continue
        covering = [spans[k] for k in sorted(active)]
        layers = sorted({m.layer for m in covering}, key=lambda layer: list(LAYERS).index(layer))
        labels = list(dict.fromkeys(m.label for m in covering if m.label))
        anchor = ""
        if "target" in layers and not anchored:
            anchor, anchored = ' id="hl"', True
        out.append(
            f'<mark class="{" ".join(layers)}"{anchor} title="{escape(" · ".join(labels))}">{piece}</mark>'
        )
    return Markup("".join(out))
