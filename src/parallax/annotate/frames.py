"""Framing language: hedges, distancing attributions and loaded terms.

Cues come from the lexicon ``lexicons/frames.tsv`` (documented in ``docs/frames.md``)
plus two rules that need context:

* **distancing attribution**: "which Western media have described as X", "what
  state media called X", "whom critics labelled as X". The span covers the
  attribution ("Western media have described as"); the described term X (up to the
  next punctuation, at most eight words) is kept in ``cue``. Loaded words inside X
  are not the outlet's own framing and are not flagged.
* **"alleged" before a noun** ("the alleged attack") is distancing; "he alleged that"
  is a verb and is not.

Quoted speech: a hedge or loaded word inside a direct or partial quote belongs to the
speaker, not the outlet, and is skipped; a distancing cue inside a quote is kept with
"(in quote)" appended to its ``cue``. Quote spans come from ``article.quotes`` when the
quotes stage ran, else from quotation marks found in the text (paired within a line).

:func:`find_frames` is pure; :class:`FrameStage` is the seam a model-backed
classifier would replace.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from typing import Iterable, Sequence

from ..model import FRAME_KINDS, Article, Frame, Quote, Span

_LEXICON_FILE = "frames.tsv"


def _load_lexicon() -> tuple[tuple[str, str, str], ...]:
    text = resources.files("parallax.annotate").joinpath("lexicons", _LEXICON_FILE).read_text(encoding="utf-8")
    rows: list[tuple[str, str, str]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 2 or parts[0] not in FRAME_KINDS:
            raise ValueError(
                f"lexicons/{_LEXICON_FILE} line {number}: expected 'kind<TAB>pattern<TAB>note' with kind in "
                f"{FRAME_KINDS}, got {line!r}; fix the line"
            )
        rows.append((parts[0], parts[1], parts[2] if len(parts) > 2 else ""))
    return tuple(rows)


#: (kind, pattern, note) rows of the frames lexicon, read once at import.
LEXICON: tuple[tuple[str, str, str], ...] = _load_lexicon()

# One alternation without groups, run on the lower-cased text (much faster than named groups with
# IGNORECASE); the entry that matched is found afterwards from the matched words.
_LEXICON_ALTERNATION = "|".join(f"(?:{pattern})" for _, pattern, _ in LEXICON)
_LEXICON_RX = re.compile(f"\\b(?:{_LEXICON_ALTERNATION})\\b")
_LEXICON_RX_ANYCASE = re.compile(f"\\b(?:{_LEXICON_ALTERNATION})\\b", re.IGNORECASE)
_ENTRY_RX = tuple(re.compile(pattern, re.IGNORECASE) for _, pattern, _ in LEXICON)


def _entry_of(matched: str) -> int:
    for i, rx in enumerate(_ENTRY_RX):
        if rx.fullmatch(matched):
            return i
    return -1  # pragma: no cover - the alternation only matches entries
_ATTRIBUTION = re.compile(
    r"\b(?:which|what|whom)\s+"
    r"(?P<attr>(?:[\w'’-]+\s+){1,4}?(?:ha(?:ve|s|d)\s+(?:been\s+)?)?"
    r"(?:described|called|labell?ed|branded|termed|dubbed|characteri[sz]ed|portrayed|painted|referred\s+to)"
    r"(?:\s+(?:it|them|him|her))?(?:\s+as)?)\s+"
    r"(?P<term>[^.,;:!?()\n]{1,80})",
    re.IGNORECASE,
)
_ALLEGED = re.compile(r"\b(?:the|an|a|his|her|their|its|this|these|those)\s+(?P<w>alleged)\s+(?=[a-z])", re.IGNORECASE)
# Necessary substrings of a match of _ATTRIBUTION / _ALLEGED in lower-cased text, free of "i" and
# "s" (the letters that IGNORECASE also matches with dotless i and long s): cheap prefilters.
_ATTRIBUTION_HINT = re.compile(r"bed|called|label|branded|termed|dubbed|character|portrayed|nted|referred")
_QUOTED = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"|‘[^’\n]{2,}’(?!\w)")


def _quoted_spans(text: str, quotes: Iterable[Quote | Span]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    given = False
    for q in quotes:
        given = True
        if isinstance(q, Quote) and q.kind == "indirect":
            continue  # paraphrase: the words are the outlet's
        spans.append((q.start, q.end))
    if not given:
        spans = [m.span() for m in _QUOTED.finditer(text)]
    return spans


def _inside(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def find_frames(text: str, sentences: Sequence[Span] | None = None, quotes: Iterable[Quote | Span] = ()) -> list[Frame]:
    """Hedges, distancing cues and loaded terms of ``text``, sorted by position.

    ``quotes`` (quote records or spans) mark speech that is not the outlet's; when
    empty, quotation marks in the text are used. ``sentences`` is accepted for the
    stage seam and not needed by the rules.
    """
    quoted = _quoted_spans(text, quotes)
    frames: list[Frame] = []
    described: list[tuple[int, int]] = []
    lowered = text.lower()
    same_length = len(lowered) == len(text)
    attribution = (
        _ATTRIBUTION.finditer(text)
        if not same_length or ("wh" in lowered and _ATTRIBUTION_HINT.search(lowered))
        else ()
    )
    for m in attribution:
        term = " ".join(m["term"].split()[:8])
        cue = f"described as: {term}"
        if _inside(m.start("attr"), m.end("attr"), quoted):
            cue += " (in quote)"
        frames.append(Frame(m.start("attr"), m.end("attr"), "distancing", cue))
        described.append((m.start("term"), m.end("term")))
    for m in _ALLEGED.finditer(text) if not same_length or "alleged" in lowered else ():
        s, e = m.span("w")
        if _inside(s, e, quoted):
            continue  # "alleged" in a quote is the speaker's word
        frames.append(Frame(s, e, "distancing", "alleged"))
    matches = _LEXICON_RX.finditer(lowered) if same_length else _LEXICON_RX_ANYCASE.finditer(text)
    entries: dict[str, int] = {}
    for m in matches:
        s, e = m.span()
        cue = re.sub(r"\s+", " ", m.group().lower())
        if cue not in entries:
            entries[cue] = _entry_of(cue)
        kind = LEXICON[entries[cue]][0]
        if kind == "distancing":
            if _inside(s, e, quoted):
                cue += " (in quote)"
        elif _inside(s, e, quoted) or _inside(s, e, described):
            continue
        frames.append(Frame(s, e, kind, cue))
    frames.sort(key=lambda f: (f.start, f.end))
    return frames


@dataclass(frozen=True, slots=True)
class FrameStage:
    """Pipeline stage: sets ``article.frames`` with :func:`find_frames`, using quotes when present.

    English only: an article whose ``language`` is set and is not English is returned
    with a note instead of frames.
    """

    name: str = "frames"
    requires: tuple[str, ...] = ("sentences",)
    provides: tuple[str, ...] = ("frames",)

    def __call__(self, article: Article) -> Article:
        lang = (article.language or "").lower()
        if lang and not lang.startswith("en"):
            note = f"{self.name}: skipped, language {article.language!r} is not supported"
            return article.replace(frames=(), notes=article.notes + (note,))
        quotes: Iterable[Quote | Span] = article.quotes if "quotes" in article.annotated else ()
        frames = find_frames(article.text, article.sentences, quotes)
        return article.replace(frames=tuple(frames))
