"""Repeated text: truncated teasers and duplicate paragraphs.

* A teaser fragment: a sentence at the end of a paragraph that stops in an ellipsis
  ("This correspondence follows...") while another paragraph starts with (or holds)
  the same words in full. Only the fragment goes; the rest of its paragraph stays.
* A teaser paragraph: a whole paragraph that is a truncated copy of another one.
* A repeated paragraph: the second and later copies of the same paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

#: A fragment must have this many words before it is matched against other paragraphs.
MIN_TEASER_WORDS = 3
#: ... and a whole paragraph ending in an ellipsis this many.
MIN_TEASER_PARAGRAPH_WORDS = 5
#: A paragraph without an ellipsis must have this many words to count as a truncated copy.
MIN_PREFIX_WORDS = 12
#: Repeated paragraphs shorter than this (in words) are left alone: list items, recipe
#: steps and interview questions repeat legitimately; repeated news paragraphs are longer.
MIN_REPEAT_WORDS = 15

_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|\u2026|\. \. \.)[\"'\u201d\u2019)\]]*\s*$")
# Where a sentence may start: after ., !, ? (and closing quotes) and a space.
_SENTENCE_BREAK = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[^\W_a-z])")
_SPACE = re.compile(r"\s+")
_BULLET = re.compile(r"^(?:[-*\u2022\u2013\u2014]|\d{1,2}[.)])\s")
# How a statement ends (a question, list item or recipe line may repeat on purpose).
_STATEMENT_END = re.compile(r"[.!][\"'\u201d\u2019)]*$")
# How a complete paragraph ends; a truncated copy stops mid-sentence.
_CLOSED = re.compile(r"[.!?)\]:;][\"'\u201d\u2019)]*$")


def _is_prose(norm: str) -> bool:
    """A repeated paragraph worth removing: a long statement, not a list item or question."""
    return (
        len(norm.split()) >= MIN_REPEAT_WORDS
        and not _BULLET.match(norm)
        and bool(_STATEMENT_END.search(norm))
    )


@dataclass(frozen=True, slots=True)
class Repeat:
    """One repeat found: paragraph ``index``, ``[start, end)`` inside it, kind and reason."""

    index: int
    start: int
    end: int
    kind: str  # teaser | other
    reason: str


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def _fragment_start(text: str, end: int) -> int:
    """Start of the sentence that ends at ``end``."""
    start = 0
    for m in _SENTENCE_BREAK.finditer(text, 0, end):
        if m.end() < end:
            start = m.end()
    return start


def find_repeats(texts: Sequence[str]) -> list[Repeat]:
    """Teasers and repeated paragraphs among ``texts`` (the kept paragraphs, in order)."""
    norms = [_norm(t) for t in texts]
    repeats: list[Repeat] = []
    gone: set[int] = set()
    seen: dict[str, int] = {}
    for i, norm in enumerate(norms):
        if norm in seen and _is_prose(norm):
            repeats.append(Repeat(i, 0, len(texts[i]), "other", "repeated paragraph"))
            gone.add(i)
        else:
            seen.setdefault(norm, i)
    for i, text in enumerate(texts):
        if i in gone:
            continue
        m = _ELLIPSIS.search(text)
        if m:
            start = _fragment_start(text, m.start())
            stem = _norm(text[start : m.start()])
            if len(stem.split()) < MIN_TEASER_WORDS:
                continue
            others = [j for j in range(len(texts)) if j != i and j not in gone]
            full = next((j for j in others if norms[j].startswith(stem) and len(norms[j]) > len(stem)), None)
            if full is None:
                full = next((j for j in others if stem in norms[j] and len(norms[j]) > len(stem)), None)
            if full is None:
                continue
            where = "a later" if full > i else "an earlier"
            if start == 0:
                if len(stem.split()) < MIN_TEASER_PARAGRAPH_WORDS:
                    continue
                repeats.append(Repeat(i, 0, len(text), "teaser", f"truncated copy of {where} paragraph"))
                gone.add(i)
            else:
                repeats.append(
                    Repeat(
                        i,
                        start,
                        len(text),
                        "teaser",
                        f"truncated teaser repeated in full by {where} paragraph",
                    )
                )
            continue
        if len(norms[i].split()) >= MIN_PREFIX_WORDS and not _CLOSED.search(norms[i]):
            for j, other in enumerate(norms):
                if (
                    j != i
                    and j not in gone
                    and len(other) > len(norms[i])
                    and other.startswith(norms[i])
                    and not other[len(norms[i])].isalnum()
                ):
                    where = "a later" if j > i else "an earlier"
                    repeats.append(Repeat(i, 0, len(text), "teaser", f"truncated copy of {where} paragraph"))
                    gone.add(i)
                    break
    return sorted(repeats, key=lambda r: (r.index, r.start))
