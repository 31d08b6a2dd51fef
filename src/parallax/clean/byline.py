"""Bylines and credit lines at the edges of an article body.

Recognised whole paragraphs (only the first two and last three kept paragraphs are
looked at):

* ``By Jane Doe`` / ``By Jane Doe and John Roe, Reuters`` / ``BY JANE DOE``
* ``Jane Doe for The Daily X`` (the outlet is taken too)
* ``Jane Doe | The Daily X``
* ``Reporting by X; Editing by Y``, ``(Additional reporting by X)``
* ``Photo: X/Agency``
* ``Jane Doe is a senior correspondent at X.`` (an author bio)

A name is 2 to 4 capitalised tokens, with particles (al-, de, van, bin, O') allowed,
so a news sentence such as "Putin for his part denied it." is never a byline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PARTICLES = frozenset(
    [
        "al",
        "el",
        "de",
        "del",
        "della",
        "der",
        "den",
        "di",
        "da",
        "das",
        "dos",
        "du",
        "la",
        "le",
        "van",
        "von",
        "bin",
        "ibn",
        "bint",
        "ben",
        "abu",
        "st.",
        "st",
        "y",
        "e",
        "zu",
        "ter",
    ]
)
#: Capitalised words that do not start or make up a person's name in a byline.
_NOT_NAME = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "you",
        "i",
        "his",
        "her",
        "their",
        "our",
        "my",
        "president",
        "prime",
        "minister",
        "minister",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "king",
        "queen",
        "pope",
        "kremlin",
        "government",
        "police",
        "army",
        "state",
        "states",
        "news",
        "said",
        "says",
        "on",
        "in",
        "at",
        "of",
        "for",
        "and",
        "but",
        "or",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "today",
        "yesterday",
        "reporting",
        "editing",
        "photo",
    ]
)
_TOKEN = re.compile(r"^(?:[A-Z]\.){1,3}$|^[^\W\d_][\w'\u2019.-]*$")

_CREDIT = re.compile(
    r"^\(?\s*(?:(?:additional |further )?reporting|writing|editing|compiled|edited|written|"
    r"translated|research|graphics|video|produced)\s+by\b",
    re.IGNORECASE,
)
_PHOTO = re.compile(
    r"^\(?\s*(?:photo(?:graph)?s?|image|picture|pictured|illustration|video|cover photo|main photo|"
    r"top photo|header image)(?:\s+credits?)?\s*[:/\u2013\u2014-]\s*\S",
    re.IGNORECASE,
)
_BIO = re.compile(
    r"^(?P<name>.{3,60}?) (?:is|was|has been) (?:an?|the) "
    r"(?:[\w-]+ ){0,4}(?:correspondent|reporter|journalist|editor|writer|columnist|contributor|"
    r"analyst|producer|photographer|author|fellow|researcher|commentator|freelancer|critic)\b",
)
_BY = re.compile(r"^by\s+(?P<rest>.+?)\s*$", re.IGNORECASE)
_FOR = re.compile(r"^(?P<names>.+?)\s+for\s+(?P<org>.+?)\.?\s*$")
_PIPE = re.compile(r"^(?P<names>[^|]+?)\s*[|\u2022\u00b7]\s*(?P<org>[^|]+?)\s*$")
_AND = re.compile(r"\s*(?:,\s*and\s+|\s+and\s+|\s*&\s*|,\s+)")
_CREDIT_MAX_WORDS = 40


@dataclass(frozen=True, slots=True)
class Byline:
    """A byline or credit paragraph: the author(s), the outlet it names, and what it is."""

    kind: str  # byline | credit | photo | bio
    author: str | None = None
    outlet: str | None = None


def is_name(text: str) -> bool:
    """2 to 4 capitalised tokens (particles allowed): "Jane Doe", "Bashar al-Assad", "Ludwig van Beethoven"."""
    tokens = text.split()
    if not 2 <= len(tokens) <= 5:
        return False
    capitals = 0
    for i, tok in enumerate(tokens):
        low = tok.lower()
        if low in _PARTICLES or (low.startswith(("al-", "el-")) and len(tok) > 3):
            if i == 0 and low in _PARTICLES:
                return False
            if low.startswith(("al-", "el-")):
                capitals += 1
            continue
        if not _TOKEN.match(tok) or not tok[0].isupper():
            return False
        if low.strip(".") in _NOT_NAME:
            return False
        capitals += 1
    return 2 <= capitals <= 4


def _names(text: str) -> list[str] | None:
    parts = [p.strip() for p in _AND.split(text.strip()) if p.strip()]
    if not parts or len(parts) > 4 or not all(is_name(p) for p in parts):
        return None
    return parts


def is_outlet(text: str) -> bool:
    """A short capitalised name: "TROIB News", "The Daily X", "Reuters", "AFP"."""
    text = text.strip().rstrip(".")
    tokens = text.split()
    if not 1 <= len(tokens) <= 6 or not tokens[0][:1].isupper() or tokens[0] in {"A", "An"}:
        return False
    for tok in tokens:
        if tok.lower() in {"of", "the", "and", "&", "for", "de", "la", "el", "al"}:
            continue
        if not tok[:1].isupper() and not tok[:1].isdigit():
            return False
        if not re.fullmatch(r"[\w.&'\u2019/-]+", tok):
            return False
    return True


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def parse_byline(text: str) -> Byline | None:
    """What the paragraph is as a byline or credit line, or None when it is not one."""
    t = text.strip()
    n_words = len(t.split())
    if not t or n_words > _CREDIT_MAX_WORDS:
        return None
    if _CREDIT.match(t):
        m = re.search(r"\bby\s+(.+?)(?:[;.)]|\s+editing\b|$)", t, re.IGNORECASE)
        names = _names(m.group(1)) if m else None
        return Byline("credit", author=_join(names) if names else None)
    if _PHOTO.match(t) and n_words <= 20:
        return Byline("photo")
    m = _BIO.match(t)
    if m and is_name(m.group("name")) and t.endswith((".", "!")):
        return Byline("bio", author=m.group("name"))
    if n_words > 14:
        return None
    m = _BY.match(t)
    if m:
        rest = m.group("rest").rstrip(".")
        names = _names(rest)
        if names:
            return Byline("byline", author=_join(names))
        head, sep, tail = rest.rpartition(",")
        if not sep:
            head, sep, tail = rest.rpartition(" - ")
        if not sep:
            head, sep, tail = rest.rpartition("|")
        names = _names(head) if sep else None
        if names and is_outlet(tail):
            return Byline("byline", author=_join(names), outlet=tail.strip().rstrip("."))
        return None
    for pattern in (_FOR, _PIPE):
        m = pattern.match(t)
        if m:
            names = _names(m.group("names"))
            if names and is_outlet(m.group("org")):
                return Byline("byline", author=_join(names), outlet=m.group("org").strip().rstrip("."))
    return None
