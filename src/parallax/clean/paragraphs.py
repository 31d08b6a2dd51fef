"""Plain text into paragraphs, each with its character offset in the text.

Paragraphs are blocks separated by blank lines. Inside a block, lines that look
hard-wrapped (all about the same width, none very long) are joined with a space;
otherwise every line is its own paragraph. That covers both files written one
paragraph per line and files wrapped at a fixed width.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Lines longer than this are never taken for hard-wrapped lines.
WRAP_WIDTH_MAX = 100
#: A wrapped block's lines are at least this wide (shorter ones are separate lines).
WRAP_WIDTH_MIN = 40

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*(?:\n[ \t\u00a0]*)+")
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u2013\u2014]|\d{1,2}[.)])\s")
_SENTENCE_END = re.compile(r"[.!?:;,][\"'\u201d\u2019)\]]*$")
_TRUNCATED = re.compile(r"(?:\.\.\.|\u2026)[\"'\u201d\u2019)\]]*$")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph: its text (stripped, wrapped lines joined) and its ``[offset, end)`` in the source."""

    text: str
    offset: int
    end: int


def normalize_newlines(text: str) -> str:
    """``\\r\\n``, ``\\r`` and Unicode line/paragraph separators become ``\\n``."""
    return _NEWLINES.sub("\n", text)


def _is_wrapped(lines: list[str]) -> bool:
    """True when the lines of one block are a hard-wrapped paragraph."""
    if len(lines) < 2:
        return False
    widths = [len(line.rstrip()) for line in lines]
    body, last = widths[:-1], widths[-1]
    widest = max(body)
    if widest > WRAP_WIDTH_MAX or min(body) < WRAP_WIDTH_MIN or last > widest + 8:
        return False
    if min(body) < 0.6 * widest:
        return False
    if any(_BULLET.match(line) for line in lines[1:]):
        return False
    # Two lines are weak evidence: ask for a first line that is clearly wrapped.
    return not (len(lines) == 2 and widest < 60)


def _lines_with_offsets(block: str, start: int) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    pos = start
    for line in block.split("\n"):
        if line.strip():
            lead = len(line) - len(line.lstrip())
            out.append((line.strip(), pos + lead))
        pos += len(line) + 1
    return out


def split_paragraphs(text: str, *, start: int = 0) -> list[Paragraph]:
    """Paragraphs of ``text`` (newlines already normalised); offsets count from ``start``."""
    blocks: list[tuple[str, int]] = []
    pos = 0
    for m in _BLANK_LINE.finditer(text):
        blocks.append((text[pos : m.start()], pos))
        pos = m.end()
    blocks.append((text[pos:], pos))
    paragraphs: list[Paragraph] = []
    for block, offset in blocks:
        lines = _lines_with_offsets(block, start + offset)
        if not lines:
            continue
        if _is_wrapped([line for line, _ in lines]):
            joined = " ".join(line for line, _ in lines)
            paragraphs.append(Paragraph(joined, lines[0][1], lines[-1][1] + len(lines[-1][0])))
        else:
            paragraphs.extend(Paragraph(line, off, off + len(line)) for line, off in lines)
    return paragraphs


def looks_like_headline(line: str) -> bool:
    """A short line without sentence punctuation at its end, starting like a title."""
    line = line.strip()
    words = line.split()
    if not words or len(words) > 20 or len(line) > 200:
        return False
    first = line.lstrip("\"'\u201c\u2018([")[:1]
    if not first or not (first.isupper() or first.isdigit()):
        return False
    if _TRUNCATED.search(line):
        return False
    if line.endswith("?") or line.rstrip("\"'\u201d\u2019").endswith("?"):
        return len(words) <= 16
    return not _SENTENCE_END.search(line)


def split_title(text: str) -> tuple[str | None, int]:
    """The headline on the first line of ``text``, if it looks like one, and where the body starts.

    The first line is a title only when it is headline-like and more text follows.
    """
    stripped = text.lstrip()
    lead = len(text) - len(stripped)
    first, sep, rest = stripped.partition("\n")
    if not sep or not rest.strip() or not looks_like_headline(first):
        return None, 0
    return first.strip(), lead + len(first) + 1
