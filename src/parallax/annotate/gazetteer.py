"""The lexicons behind entity finding: places, organisations, groups, titles, names.

Every table is a plain-text file under ``lexicons/`` that we compiled ourselves and
that says in its header what it holds. :func:`load_gazetteer` reads them into one
frozen :class:`Gazetteer`; :func:`default_gazetteer` caches the packaged one (the
tables are constant, so the cache is not mutable state anyone can observe).

Names are looked up by :func:`name_key`, which makes "the Kremlin", "Kremlin's",
"al-Assad" / "Assad" and "U.S." / "US" meet on one key.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Iterator, Mapping

#: Where the packaged lexicons live.
LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"

#: Arabic (and similar) articles that prefix a surname: "al-Assad" is matched as "Assad".
NAME_ARTICLES = frozenset({"al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ed", "es", "et"})

#: Lower-case particles that may stand inside a personal name: "Charles de Gaulle", "Osama bin Laden".
NAME_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "abu", "ben", "de", "del", "della", "der", "den", "da", "di", "do", "dos", "das",
     "du", "la", "le", "van", "von", "ter", "y"}
)

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_POSSESSIVE_RE = re.compile(r"'s?$")
_DOTTED_ACRONYM_RE = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]?$")
_KEY_SPLIT_RE = re.compile(r"[\s\-]+")
_ACRONYM_RE = re.compile(r"^[A-Z][A-Z0-9&]{1,6}$")


@functools.lru_cache(maxsize=16384)
def name_key(surface: str) -> str:
    """The matching key of a name: articles, possessives, dots and case folded away.

    >>> name_key("the Kremlin's") == name_key("Kremlin")
    True
    >>> name_key("Bashar al-Assad") == name_key("Bashar Assad")
    True

    Short all-capital tokens keep their case, so the acronym "US" and the pronoun "us"
    (or "WHO" and "who") never share a key. A pure function of its argument, so the
    results are kept in a bounded cache: an article asks for the same few keys often.
    """
    if surface.isalpha():
        return surface if _ACRONYM_RE.match(surface) else surface.casefold()
    s = surface.translate(_APOSTROPHES).strip().rstrip(".,;:")
    if s[:4].lower() == "the ":
        s = s[4:]
    s = _POSSESSIVE_RE.sub("", s)
    out: list[str] = []
    for tok in _KEY_SPLIT_RE.split(s):
        if not tok:
            continue
        if _DOTTED_ACRONYM_RE.match(tok) and len(tok) > 2:
            tok = tok.replace(".", "").upper()
        else:
            tok = tok.rstrip(".")
        if tok.lower() in NAME_ARTICLES:
            continue
        out.append(tok if _ACRONYM_RE.match(tok) else tok.casefold())
    return " ".join(out) if out else s.casefold()


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """A known name: its canonical form, kind and the country it belongs to (for links)."""

    name: str
    kind: str  # place | org | group
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Every lexicon the entity finder reads, as read-only lookups."""

    entries: Mapping[str, GazetteerEntry]  # name_key(surface) -> entry
    demonyms: Mapping[str, str]  # "Syrian" -> "Syria" (adjectives; case-sensitive surface)
    group_adjectives: Mapping[str, str]  # "Alawite" -> "Alawites"
    titles: Mapping[str, str]  # "President" / "spokesman" / "Mr." -> gender hint m | f | -
    given_names: Mapping[str, str]  # "Donald" -> "m"
    org_words: frozenset[str]  # phrase ending with one is an organisation
    strong_org_words: frozenset[str]  # phrase containing one anywhere is an organisation
    place_words: frozenset[str]  # phrase ending with one is a place
    function_words: frozenset[str]  # capitalised words that are never names
    adjectives: frozenset[str] = frozenset()  # capitalised adjectives that are not names alone ("Western")
    person_names: frozenset[str] = frozenset()  # name_key tokens of well-known people's surnames ("trump")
    max_title_words: int = 3
    countries: frozenset[str] = frozenset()  # canonical country names ("Russia"): a country may be a speaker
    capitals: frozenset[str] = frozenset()  # capitals ("Moscow"): metonymy for a government ("Moscow said")

    def lookup(self, surface: str) -> GazetteerEntry | None:
        return self.entries.get(name_key(surface))

    def title_gender(self, title: str) -> str | None:
        """``m``/``f`` for a gendered title or role ("Mrs.", "spokeswoman"), else ``None``."""
        g = self.titles.get(title)
        return g if g in ("m", "f") else None


def _rows(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            yield [c.strip() for c in line.split("\t")]


def _alts(cell: str) -> list[str]:
    return [] if cell in ("", "-") else [a.strip() for a in cell.split("|") if a.strip()]


def load_gazetteer(directory: Path | str = LEXICON_DIR) -> Gazetteer:
    """Read the lexicon files in ``directory`` (the packaged ones by default)."""
    d = Path(directory)
    entries: dict[str, GazetteerEntry] = {}
    demonyms: dict[str, str] = {}
    group_adj: dict[str, str] = {}
    countries: set[str] = set()
    capitals: set[str] = set()

    def add(surface: str, entry: GazetteerEntry) -> None:
        entries.setdefault(name_key(surface), entry)

    for row in _rows(d / "countries.tsv"):
        country, capital, adjs, nouns, others = (row + ["-"] * 5)[:5]
        add(country, GazetteerEntry(country, "place", None))
        countries.add(country)
        for alt in _alts(others):
            add(alt, GazetteerEntry(country, "place", None))
        if capital not in ("", "-") and capital != country:
            add(capital, GazetteerEntry(capital, "place", country))
            capitals.add(capital)
        for adj in _alts(adjs):
            demonyms.setdefault(adj, country)
        for noun in _alts(nouns):
            add(noun, GazetteerEntry(noun, "group", country))
    for row in _rows(d / "places.tsv"):
        name, country, others = (row + ["-"] * 3)[:3]
        c = None if country == "-" else country
        add(name, GazetteerEntry(name, "place", c))
        for alt in _alts(others):
            add(alt, GazetteerEntry(name, "place", c))
    for row in _rows(d / "orgs.tsv"):
        name, others, country = (row + ["-"] * 3)[:3]
        c = None if country == "-" else country
        add(name, GazetteerEntry(name, "org", c))
        for alt in _alts(others):
            add(alt, GazetteerEntry(name, "org", c))
    for row in _rows(d / "groups.tsv"):
        name, others, adjs = (row + ["-"] * 3)[:3]
        add(name, GazetteerEntry(name, "group", None))
        for alt in _alts(others):
            add(alt, GazetteerEntry(name, "group", None))
        for adj in _alts(adjs):
            group_adj.setdefault(adj, name)

    titles: dict[str, str] = {}
    for row in _rows(d / "titles.txt"):
        word, gender = (row + ["-"])[:2]
        titles.setdefault(word, gender or "-")
    given: dict[str, str] = {}
    for row in _rows(d / "given_names.tsv"):
        name, gender = (row + ["-"])[:2]
        given.setdefault(name, gender)

    org_words: set[str] = set()
    strong: set[str] = set()
    for row in _rows(d / "org_words.txt"):
        w = row[0]
        if w.startswith("*"):
            w = w[1:]
            strong.add(w)
        org_words.add(w)
    place_words = {row[0] for row in _rows(d / "place_words.txt")}
    function_words: set[str] = set()
    for row in _rows(d / "function_words.txt"):
        function_words.update(" ".join(row).split())

    adjectives: set[str] = set()
    for row in _rows(d / "adjectives.txt"):
        adjectives.update(" ".join(row).split())

    for w in list(function_words):
        if "'" in w:
            function_words.add(w.replace("'", "’"))
    surnames: set[str] = set()
    for row in _rows(d / "people.tsv"):
        toks = name_key(row[0]).split()
        if toks:
            surnames.add(toks[-1])

    return Gazetteer(
        entries=MappingProxyType(entries),
        demonyms=MappingProxyType(demonyms),
        group_adjectives=MappingProxyType(group_adj),
        titles=MappingProxyType(titles),
        given_names=MappingProxyType(given),
        org_words=frozenset(org_words),
        strong_org_words=frozenset(strong),
        place_words=frozenset(place_words),
        function_words=frozenset(function_words),
        adjectives=frozenset(adjectives),
        person_names=frozenset(surnames),
        max_title_words=max(len(t.split()) for t in titles) if titles else 1,
        countries=frozenset(countries),
        capitals=frozenset(capitals),
    )


@functools.cache
def default_gazetteer() -> Gazetteer:
    """The packaged lexicons, read once per process."""
    return load_gazetteer()


__all__ = ["Gazetteer", "GazetteerEntry", "LEXICON_DIR", "default_gazetteer", "load_gazetteer", "name_key"]
