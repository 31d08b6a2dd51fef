"""Bylines and credit lines at the edges of an article body.

Recognised whole paragraphs (only the first two and last three kept paragraphs are
looked at):

* ``By Jane Doe`` / ``By Jane Doe and John Roe, Reuters`` / ``BY JANE DOE``
* ``Jane Doe for The Daily X`` (the outlet is taken too)
* ``Jane Doe | The Daily X``
* ``Reporting by X; Editing by Y``, ``(Additional reporting by X)``
* ``Photo: X/Agency``
* ``Jane Doe is a senior correspondent at X.``, ``Jane Doe is CNN's digital correspondent ...
  Follow her on Twitter @jdoe`` (author bios; one without an article must say where the
  author works: ``Jane Doe is senior editor at The Daily X.``)
* contribution lines: ``Jane Doe contributed to this report.``, ``Doe reported from Kabul.``,
  ``Contributing: Jane Doe``, ``- With assistance by Jane Doe``, ``(h/t The Daily X)``,
  ``Information from: The Daily X, http://...``, agencies on their own (``Reuters - AP - AFP``)
* a dateline with an update time: ``Xinhua | Updated: 2017-09-15 21:45``
* a signature: ``- Jane Doe.``

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
        "order",
        "reprints",
        "print",
        "article",
        "share",
        "subscribe",
        "comments",
        "email",
        "follow",
        "related",
        "read",
        # words of a title-cased headline that are never part of a person's name ("Visa Program Up for
        # Renewal Amid Allegations of Fraud" is a headline, not "Name for Outlet")
        "up", "down", "out", "over", "into", "with", "from", "after", "before", "amid", "against",
        "about", "off", "under", "is", "are", "was", "were", "be", "not", "new", "how", "why", "what",
        "when", "who", "where", "than",
    ]
)
_TOKEN = re.compile(r"^(?:[A-Z]\.){1,3}$|^[^\W\d_][\w'\u2019.-]*$")

_CREDIT = re.compile(
    r"^\(?\s*[-\u2013\u2014]?\s*(?:(?:(?:additional |further )?reporting|writing|editing|compiled|edited"
    r"|written|translated|research|graphics|video|produced|with (?:additional )?assistance)\s+by\b"
    r"|story\s+by\s+(?-i:[A-Z][a-z])|additional reporting (?:by|from)\b|contributing\s*:"
    r"|information from\s*:|h/t\b)",
    re.IGNORECASE,
)
# "Jane Doe contributed to this report.", "The Associated Press contributed reporting.", "Jane Doe contributed
# from Beijing.", "Doe reported from Washington; Roe, from Kabul."
_CONTRIBUTED = re.compile(
    r"^[A-Z].{0,250}?\bcontributed (?:(?:reporting|research)"
    r"(?: (?:to|for) this (?:report|story|article|post))?(?: from [A-Z][^.]{0,60})?"
    r"|to this (?:report|story|article|post|piece))\.?$"
    r"|^(?P<names>[A-Z][\w.'\u2019-]+(?: [A-Z][\w.'\u2019-]+){1,3}(?:(?:,| and) [A-Z][\w.'\u2019-]+"
    r"(?: [A-Z][\w.'\u2019-]+){1,3})*) contributed(?: from [A-Z][\w .,'\u2019-]{1,60})?\.?$"
)
_REPORTED_FROM = re.compile(
    r"^[A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+){0,3}"
    r"(?:(?:,| and) [A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+){0,3})*"
    r" reported from [A-Z][^;]{1,120}(?:;\s*[A-Z][\w'\u2019 -]+,? from [A-Z][^;]{1,60})*\.?$"
)
# News agencies named on their own ("Reuters - AP - AFP") or an editor's initials ("jm/dm (AFP, dpa)").
_AGENCIES = re.compile(
    r"^(?:(?:reuters|ap|afp|dpa|xinhua|agencies|ians|pti|efe|ansa|kyodo|yonhap|tass|upi|associated press"
    r"|bloomberg)\s*(?:[-\u2013\u2014/,&|]|\band\b)?\s*)+\.?$"
    r"|^[a-z]{1,4}(?:/[a-z]{1,4})+\s*\((?:[A-Za-z]+(?:,\s*|\s*(?=\))))+\)\.?$",
    re.IGNORECASE,
)
# "Xinhua | Updated: 2017-09-15 21:45", "<headline> Updated: 2016-07-15 13:14 By Agencies(China Daily USA)".
_DATELINE = re.compile(r"\bupdated\s*:\s*\d{4}-\d{2}-\d{2}\b", re.IGNORECASE)
_DATELINE_MAX_WORDS = 40
# A signature at the end of an item: "- Jane Doe.", "— Reuters".
_SIGNATURE = re.compile(r"^[-\u2013\u2014]\s*(?P<rest>[^-\u2013\u2014].*?)\.?$")
_PHOTO = re.compile(
    r"^\(?\s*(?:photo(?:graph)?s?|image|picture|pictured|illustration|video|cover photo|main photo|"
    r"top photo|header image)(?:\s+credits?)?\s*[:/\u2013\u2014-]\s*\S",
    re.IGNORECASE,
)
_BIO = re.compile(
    r"^(?P<name>[^,]{3,60}?)(?:, [^,]{3,80},)? (?:is|was|has been) (?:(?:an?|the) )?"
    r"(?:[A-Z][\w.&-]*['\u2019]s )?(?:[\w-]+ ){0,4}"
    r"(?:correspondent|reporter|journalist|editor|writer|columnist|contributor|"
    r"analyst|producer|photographer|author|fellow|researcher|commentator|freelancer|critic|co-host|"
    r"editor-at-large|economist)\b"
    r"|^(?P<name2>[^,]{3,60}?)(?:, [^,]{3,80},)? is a member of [^.]{0,60}\b(?i:board of contributors)\b",
)
# A bio without an article ("Jane Doe is senior editor at X") must name where the author works.
_BIO_BARE = re.compile(r" (?:is|was|has been) (?!an? |the |[A-Z][\w.&-]*['\u2019]s )")
_BIO_WHERE = re.compile(r"\b(?:at|of|for) [A-Z]|-at-large\b")
_BIO_END = re.compile(r"[.!]$|@\w+$|\S+@\S+\.\w+$")
_BY = re.compile(r"^by\s+(?P<rest>.+?)\s*$", re.IGNORECASE)
_FOR = re.compile(r"^(?P<names>.+?)\s+for\s+(?P<org>.+?)\.?\s*$")
_PIPE = re.compile(r"^(?P<names>[^|]+?)\s*[|\u2022\u00b7]\s*(?P<org>[^|]+?)\s*$")
_AND = re.compile(r"\s*(?:,\s*and\s+|\s+and\s+|\s*&\s*|,\s+)")
_CREDIT_MAX_WORDS = 40


@dataclass(frozen=True, slots=True)
class Byline:
    """A byline or credit paragraph: the author(s), the outlet it names, and what it is."""

    kind: str  # byline | credit | photo | bio | dateline
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
    m = _CONTRIBUTED.match(t)
    if m:
        names = _names(m.group("names")) if m.group("names") else None
        return Byline("credit", author=_join(names) if names else None)
    if _REPORTED_FROM.match(t) or (n_words <= 8 and _AGENCIES.match(t)):
        return Byline("credit")
    if n_words <= _DATELINE_MAX_WORDS and _DATELINE.search(t):
        return Byline("dateline")
    if _PHOTO.match(t) and n_words <= 20:
        return Byline("photo")
    m = _BIO.match(t)
    if m and _BIO_END.search(t):
        name = m.group("name") or m.group("name2")
        bare = m.group("name") and _BIO_BARE.match(t[len(name) :]) and not _BIO_WHERE.search(t)
        if is_name(name) and not bare:
            return Byline("bio", author=name)
    if n_words <= 6:
        m = _SIGNATURE.match(t)
        if m:
            rest = m.group("rest")
            names = _names(rest)
            if names:
                return Byline("byline", author=_join(names))
            if is_outlet(rest) and _AGENCIES.match(rest):
                return Byline("credit")
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
