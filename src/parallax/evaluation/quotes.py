"""Quotes and speakers scored against PolNeAR attributions (the issue 3 quality gate).

Run as ``python -m parallax.evaluation.quotes [--split dev|train] [--limit N] [--json] [--by-publisher]``.

PolNeAR (Newell et al., LREC 2018) has one JSON object per article × annotator, with
``attributions[{type, source[{start,end}], cue[...], content[...]}]`` as character
offsets into ``text``. How it is scored (see ``docs/quotes.md``):

* **Annotators**: every annotation file is scored on its own against the same
  predictions, and counts are summed over files (micro-average); a doc annotated
  twice counts twice.
* **Predicted attributions**: quotes that share a ``cue_span`` (a quote split by
  "he said", a partial quote inside the reported clause it belongs to) form one
  predicted attribution whose content is the union of their spans; a quote without
  a cue is an attribution on its own.
* **Match**: a predicted attribution matches a gold one when its content overlaps
  the gold content by at least half of the gold's characters. Matching is one to
  one (largest overlaps first), so a duplicate prediction is a false positive.
* **Speaker**: correct when a predicted speaker span overlaps a gold source span, or
  the predicted speaker name contains the gold source's last token (as a word,
  case-insensitive). A gold attribution without a source wants no predicted speaker.
* **Unattributed quotes**: a quote with neither speaker nor cue (a title, a scare
  quote nobody is said to have said) is a quotation, not an attribution, and is
  left out of the predictions; ``--count-unattributed`` counts it too.
* **Direct**: gold attributions whose content begins with a quotation mark;
  predictions "look direct" when one of their quotes has kind ``direct``. Only
  these are paired for the direct figures; partial and indirect predictions are
  scored in the "all attributions" figures.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..annotate.quotes import find_quotes
from ..annotate.sentences import split_sentences
from ..model import Entity, Quote, Span

DEFAULT_DATA = (
    Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "polnear" / "polnear-train-dev.jsonl.gz"
)

_QUOTE_START = ("“", '"', "‘", "'", "«", "„", "``")


# --------------------------------------------------------------------------- inputs


def annotate_inputs(text: str) -> tuple[list[Span], list[Entity]]:
    """Sentences and entities for :func:`find_quotes`: the project's stages when present.

    Until ``parallax.annotate.entities`` exists, a minimal private entity finder stands
    in (capitalised names, last-name aliases); it is used here and in tests only.
    """
    sentences = split_sentences(text)
    try:
        from ..annotate.entities import find_entities  # type: ignore[attr-defined]
    except ImportError:
        return sentences, _fallback_entities(text)
    return sentences, list(find_entities(text, sentences))


_NAME = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.\s+)?[A-Z][\w'’-]*(?:\s+(?:(?:al|bin|de|van|von|la)-?\s?)?[A-Z][\w'’-]*)*"
)
_NOT_NAMES = frozenset(
    [
        "The",
        "A",
        "An",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "You",
        "His",
        "Her",
        "Its",
        "Their",
        "Our",
        "But",
        "And",
        "Or",
        "So",
        "If",
        "In",
        "On",
        "At",
        "For",
        "From",
        "As",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "Here",
        "What",
        "When",
        "Where",
        "Why",
        "How",
        "Who",
        "While",
        "After",
        "Before",
        "Since",
        "Still",
        "Yet",
        "Also",
        "Asked",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "According",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
)
_ORG_WORDS = frozenset(
    [
        "Kremlin",
        "Department",
        "Party",
        "Times",
        "News",
        "Post",
        "House",
        "Council",
        "Forces",
        "Observatory",
        "Ministry",
        "Committee",
        "University",
        "Inc",
        "Co",
        "Corp",
        "Company",
        "Campaign",
        "Court",
        "Congress",
        "Senate",
        "Agency",
        "Office",
        "Association",
        "Network",
        "Group",
        "Bank",
        "Fund",
        "Press",
        "Journal",
        "Institute",
        "Foundation",
        "Commission",
        "Administration",
        "Bureau",
        "Service",
    ]
)


def _fallback_entities(text: str) -> list[Entity]:
    found: dict[str, list[Span]] = {}
    kinds: dict[str, str] = {}
    for m in _NAME.finditer(text):
        words = m.group().split()
        while words and words[0].rstrip(".") in _NOT_NAMES:
            words.pop(0)
        if not words:
            continue
        name = " ".join(words)
        start = m.end() - len(name)
        titled = m.group().split()[0].rstrip(".") in ("Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen")
        org = any(w.strip("’'s") in _ORG_WORDS for w in words)
        kind = "org" if org else ("person" if titled or len(words) >= 2 else "other")
        found.setdefault(name, []).append(Span(start, m.end()))
        if kinds.get(name) != "person":
            kinds[name] = kind
    canonical: dict[str, str] = {}
    for name in found:
        canonical[name] = name
        if " " not in name:
            full = [n for n in found if kinds[n] == "person" and n.split()[-1] == name]
            if len(full) == 1:
                canonical[name] = full[0]
                kinds[full[0]] = "person"
    entities: dict[str, tuple[list[str], list[Span]]] = {}
    for name, spans in found.items():
        c = canonical[name]
        aliases, mentions = entities.setdefault(c, ([], []))
        if name != c:
            aliases.append(name)
        mentions.extend(spans)
    return [
        Entity(name=c, kind=kinds[c], aliases=tuple(a), mentions=tuple(sorted(ms, key=lambda s: s.start)))
        for c, (a, ms) in entities.items()
    ]


# --------------------------------------------------------------------------- scoring


@dataclass(frozen=True, slots=True)
class _Pred:
    spans: tuple[tuple[int, int], ...]
    speaker_spans: tuple[tuple[int, int], ...]
    names: tuple[str, ...]
    direct: bool


@dataclass(frozen=True, slots=True)
class _Gold:
    spans: tuple[tuple[int, int], ...]
    sources: tuple[tuple[int, int], ...]
    source_last: str | None
    direct: bool

    @property
    def chars(self) -> int:
        return sum(e - s for s, e in self.spans)


@dataclass(frozen=True, slots=True)
class Counts:
    gold: int
    predicted: int
    matched: int
    speaker: int

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_f1(self) -> float:
        p = self.speaker / self.predicted if self.predicted else 0.0
        r = self.speaker / self.gold if self.gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(asdict(self).values(), asdict(other).values())))

    def summary(self) -> dict[str, float | int]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "speaker_f1": round(self.speaker_f1, 4),
        }


@dataclass(frozen=True, slots=True)
class QuoteEval:
    split: str
    files: int
    docs: int
    direct: Counts
    all: Counts
    ms_per_article: float
    words_per_article: float
    #: ``{publisher: (direct, all)}``, the same counts per PolNeAR publisher
    publishers: dict[str, tuple[Counts, Counts]] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        return {
            "split": self.split,
            "files": self.files,
            "docs": self.docs,
            "direct": self.direct.summary(),
            "all": self.all.summary(),
            "ms_per_article": round(self.ms_per_article, 3),
            "words_per_article": round(self.words_per_article, 1),
            "publishers": {
                name: {"direct": d.summary(), "all": a.summary()}
                for name, (d, a) in sorted(self.publishers.items())
            },
        }


def group_predictions(quotes: Sequence[Quote], unattributed: bool = False) -> list[_Pred]:
    """Quotes sharing a cue span are one attribution; the rest stand alone.

    A quote with neither speaker nor cue is a quotation we could not attribute, not an
    attribution; it is left out unless ``unattributed``.
    """
    groups: dict[Any, list[Quote]] = {}
    for i, q in enumerate(quotes):
        if not unattributed and q.cue_span is None and q.speaker_span is None:
            continue
        key = (q.cue_span.start, q.cue_span.end) if q.cue_span is not None else ("alone", i)
        groups.setdefault(key, []).append(q)
    preds = []
    for members in groups.values():
        spans = _union([(q.start, q.end) for q in members])
        preds.append(
            _Pred(
                spans=tuple(spans),
                speaker_spans=tuple(
                    {(q.speaker_span.start, q.speaker_span.end) for q in members if q.speaker_span}
                ),
                names=tuple({q.speaker for q in members if q.speaker}),
                direct=any(q.kind == "direct" for q in members),
            )
        )
    return preds


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _gold(text: str, attributions: Sequence[dict[str, Any]]) -> list[_Gold]:
    out = []
    for a in attributions:
        spans = tuple((c["start"], c["end"]) for c in a.get("content", ()) if c["end"] > c["start"])
        if not spans:
            continue
        sources = tuple((s["start"], s["end"]) for s in a.get("source", ()) if s["end"] > s["start"])
        last = None
        if sources:
            words = re.findall(r"\w[\w-]*", text[sources[-1][0] : sources[-1][1]])
            if words:
                last = re.sub(r"(?:'s|’s)$", "", words[-1]).lower()
        first = text[spans[0][0] : spans[0][1]].lstrip()
        out.append(_Gold(spans, sources, last, first.startswith(_QUOTE_START)))
    return out


def _overlap(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _speaker_ok(p: _Pred, g: _Gold) -> bool:
    if not g.sources:
        return not p.speaker_spans
    if _overlap(p.speaker_spans, g.sources) > 0:
        return True
    if g.source_last:
        for name in p.names:
            if g.source_last in (w.lower() for w in re.findall(r"\w[\w-]*", name)):
                return True
    return False


def score(preds: Sequence[_Pred], golds: Sequence[_Gold]) -> Counts:
    """One-to-one matching of predicted and gold attributions, largest overlaps first."""
    pairs = []
    for gi, g in enumerate(golds):
        need = g.chars / 2
        for pi, p in enumerate(preds):
            ov = _overlap(p.spans, g.spans)
            if ov > 0 and ov >= need:
                pairs.append((ov, gi, pi))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    matched = speaker = 0
    for _ov, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        matched += 1
        speaker += _speaker_ok(preds[pi], golds[gi])
    return Counts(len(golds), len(preds), matched, speaker)


def _rows(path: Path, split: str) -> Iterator[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("compartment") == split:
                yield row


def evaluate(
    split: str = "dev", limit: int | None = None, path: Path = DEFAULT_DATA, unattributed: bool = False
) -> QuoteEval:
    """Score :func:`find_quotes` on a PolNeAR split (``limit`` = first N documents).

    ``unattributed=True`` also counts quotes without speaker or cue as predictions.
    """
    if not path.exists():
        raise FileNotFoundError(f"{path}: PolNeAR data not found; put polnear-train-dev.jsonl.gz there")
    cache: dict[str, list[_Pred]] = {}
    direct = Counts(0, 0, 0, 0)
    total = Counts(0, 0, 0, 0)
    publishers: dict[str, tuple[Counts, Counts]] = {}
    seconds = 0.0
    words = 0
    files = 0
    for row in _rows(path, split):
        doc_id, text = row["doc_id"], row["text"]
        if doc_id not in cache:
            if limit is not None and len(cache) >= limit:
                continue
            sentences, entities = annotate_inputs(text)
            t0 = time.perf_counter()
            quotes = find_quotes(text, sentences, entities)
            seconds += time.perf_counter() - t0
            words += len(text.split())
            cache[doc_id] = group_predictions(quotes, unattributed)
        preds = cache[doc_id]
        golds = _gold(text, row.get("attributions", ()))
        files += 1
        both = score(preds, golds)
        only_direct = score([p for p in preds if p.direct], [g for g in golds if g.direct])
        total = total + both
        direct = direct + only_direct
        d, a = publishers.get(row.get("publisher") or "?", (Counts(0, 0, 0, 0), Counts(0, 0, 0, 0)))
        publishers[row.get("publisher") or "?"] = (d + only_direct, a + both)
    n = max(len(cache), 1)
    return QuoteEval(split, files, len(cache), direct, total, 1000 * seconds / n, words / n, publishers)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m parallax.evaluation.quotes", description="Score quote detection on PolNeAR."
    )
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N documents")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="polnear-train-dev.jsonl.gz")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--by-publisher", action="store_true", help="also print the figures per publisher")
    parser.add_argument(
        "--count-unattributed",
        action="store_true",
        help="count quotes without speaker or cue as predictions too",
    )
    args = parser.parse_args(argv)
    try:
        result = evaluate(args.split, args.limit, args.data, args.count_unattributed)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    summary = result.summary()
    if args.json:
        print(json.dumps(summary, indent=2))
        return 0
    print(f"PolNeAR {result.split}: {result.docs} documents, {result.files} annotation files")
    for label, c in (("direct quotes", result.direct), ("all attributions", result.all)):
        print(
            f"  {label:17s} P {c.precision:.3f}  R {c.recall:.3f}  F1 {c.f1:.3f}  "
            f"quote+speaker F1 {c.speaker_f1:.3f}  (gold {c.gold}, predicted {c.predicted})"
        )
    print(f"  {result.ms_per_article:.3f} ms per article ({result.words_per_article:.0f} words on average)")
    if args.by_publisher:
        head = f"  {'publisher':12s} {'direct P/R/F1, +speaker':32s} {'all P/R/F1, +speaker':32s}"
        print(head + " gold direct/all")
        for name, (d, a) in sorted(result.publishers.items()):
            print(
                f"  {name:12s} {d.precision:.3f} {d.recall:.3f} {d.f1:.3f}  {d.speaker_f1:.3f}       "
                f"{a.precision:.3f} {a.recall:.3f} {a.f1:.3f}  {a.speaker_f1:.3f}       {d.gold}/{a.gold}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
