"""Numeric claims: a quantity with its qualifier, unit, predicate, attributed source and as-of date.

"The Syrian Observatory for Human Rights reported that the operation had killed at least
1,068 civilians" becomes ``Claim(value=1068, qualifier="at least", unit="civilians",
predicate="killed", source="Syrian Observatory for Human Rights")``.

How each field is found (rules; docs/claims.md has the full list and the decisions):

* **span**: the sentence that carries the number (sentences come trimmed from the
  ``sentences`` stage), so every claim can be shown in context; ``value_span`` is the
  number itself ("1,068", "$2 million", "10-20").
* **value / upper**: :func:`parallax.annotate.numbers.find_numbers`; ranges give ``upper``.
  Numbers inside a date the ``dates`` stage found are skipped, as are four-digit years
  unless a counted noun follows or a qualifier precedes ("2000 troops", "some 2000").
* **qualifier**: the words right before the number ("at least", "over" → "more than",
  "almost" → "nearly", "some" → "about" ...) or right after it ("1,000 or more").
* **unit**: ``"%"`` or a currency code from the number; else the counted noun after it,
  lower-cased as written ("civilians"), skipping modifiers ("1,500 Alawite civilians").
  :func:`normalize_unit` gives the singular form used to align claims.
* **predicate**: the nearest verb or noun of the predicate lexicon in the same clause,
  written canonically ("have died" → "died", "the death toll rose to" → "died").
  Durations ("13 years of civil war") are claims with a time unit and no predicate.
* **source**: the attribution of the sentence ("X reported that", "according to X",
  "..., X said", "figures from X", "X's figures", "X put the toll at"), kept only when it is a
  noun phrase that names an entity, a proper name, a known official body or role ("health
  ministry", "police"), or a definite description referring back to an entity named earlier
  ("the group" → "Coastal Monitoring Group"). Pronouns and clause fragments give ``None``.
* **as_of**: the date right after a changed figure ("rose to 41 on Wednesday"), a "by/as of"
  date, the date of the attribution ("said on Tuesday"), a sentence-opening date, or the
  publication date for a present-tense attribution ("according to X"); never the date of the
  event itself ("killed 23 late on Monday") nor the start of a period ("since March 6").

A claim is kept only when it has a unit or a predicate: a bare number with neither
("at 10", "Syria's 14") says nothing that can be compared.

The stage is rule-based and stateless; a model-backed extractor can replace
:class:`ClaimStage` behind the same ``Article -> Article`` seam.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from importlib.resources import files
from types import MappingProxyType
from typing import Iterable, Mapping, Sequence

from ..model import Article, Claim, DateMention, Entity, Span
from .numbers import NumberMention, find_numbers, number_hints

__all__ = [
    "ClaimStage",
    "find_claims",
    "normalize_unit",
    "predicate_class",
]


def _read_lexicon(name: str) -> list[list[str]]:
    text = (files("parallax.annotate") / "lexicons" / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


#: counted noun → (canonical singular, class), from ``lexicons/units.txt``.
UNITS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {row[0]: (row[1], row[2]) for row in _read_lexicon("units.txt")}
)
#: predicate surface form → (canonical predicate, class, part of speech), from ``lexicons/predicates.txt``.
PREDICATES: Mapping[str, tuple[str, str, str]] = MappingProxyType(
    {row[0]: (row[1], row[2], row[3]) for row in _read_lexicon("predicates.txt")}
)
_SINGULAR_UNITS = frozenset(
    s for s, (canon, _) in UNITS.items() if s == canon and len(s) > 2 and any(o != s and UNITS[o][0] == s for o in UNITS)
)
_PREDICATE_CLASSES = MappingProxyType({canon: cls for canon, cls, _ in PREDICATES.values()})

#: Words before a number → the qualifier written on the claim (model.QUALIFIERS).
QUALIFIER_WORDS: Mapping[str, str] = MappingProxyType(
    {
        "at least": "at least", "no fewer than": "at least", "no less than": "at least",
        "not less than": "at least", "a minimum of": "at least", "a total of at least": "at least",
        "more than": "more than", "over": "more than", "upwards of": "more than", "in excess of": "more than",
        "just over": "more than", "well over": "more than", "above": "more than", "exceeding": "more than",
        "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
        "just shy of": "nearly", "approaching": "nearly", "some": "about", "about": "about",
        "around": "about", "approximately": "about", "roughly": "about", "an estimated": "about",
        "estimated": "about", "circa": "about", "up to": "up to", "as many as": "up to",
        "as much as": "up to", "as high as": "up to", "fewer than": "fewer than", "less than": "fewer than",
        "under": "fewer than", "below": "fewer than", "at most": "at most", "no more than": "at most",
        "not more than": "at most", "a maximum of": "at most", "exactly": "exactly", "precisely": "exactly",
    }
)  # fmt: skip
_QUALIFIER_BEFORE_RE = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, QUALIFIER_WORDS), key=len, reverse=True)) + r")\s+$",
    re.IGNORECASE,
)
_PARTICLE_OVER_RE = re.compile(r"\b(?:run|ran|hand|handed|handing|took|take|taken|turn|turned|taking|won|win)\s+$", re.I)
_QUALIFIER_AFTER_RE = re.compile(r"(\+|-plus\b|\s+or\s+more\b|\s+or\s+so\b|\s+plus\b)", re.IGNORECASE)
_QUALIFIER_AFTER = {"+": "at least", "-plus": "at least", "or more": "at least", "or so": "about", "plus": "at least"}

#: Verbs that attribute a figure to a source ("X reported", "X estimates").
SOURCE_VERBS = (
    "said says say reported reports report estimated estimates estimate announced announces stated "
    "told tells claimed claims confirmed confirms added adds noted wrote writes tweeted posted"
).split()
_AUX = (
    r"(?:(?:has|have|had|also|earlier|later|previously|separately|now|then|last\s+week|has\s+since|first"
    r"|initially|originally|subsequently|again|already|officially|publicly)\s+)*"
)
_SOURCE_VERB_RE = re.compile(r"\b" + _AUX + r"(" + "|".join(SOURCE_VERBS) + r")\b")
#: "X has put the toll at 30", "X raised its count to 44": the subject gives the figure.
_TOLL_VERB_RE = re.compile(
    r"\b" + _AUX + r"(put|puts|putting|raised|raises|raising|revised|revises|lowered|lowers|updated|updates)\s+"
    r"(?:its|the|their|his|her)\s+(?:(?:own|official|latest|death|casualty)\s+)?(?:toll|count|tally|figure|estimate)\b"
)
_PASSIVE_BEFORE_RE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
#: Attributions in the present tense speak at publication time ("according to X", "X says").
_PRESENT_VERBS = frozenset("says say reports report estimates estimate claims tells writes adds notes puts".split())
_PHRASE_VERB_RE = re.compile(
    r"\b(?:said|says|told|stated|announced|added|confirmed|show|shows|showed|shown|suggest|suggests|indicate|"
    r"indicates|put|puts|were|was|is|are|has|have|had)\b"
)
_ACCORDING_RE = re.compile(r"\b(?:according\s+to|citing|cited\s+by|quoted\s+by)\s+", re.IGNORECASE)
_FIGURES_FROM_RE = re.compile(
    r"\b(?:figures|data|statistics|estimates|numbers|tallies|a\s+tally|a\s+count|a\s+report|reports|"
    r"a\s+statement|a\s+survey|records)\s+(?:from|by|of|compiled\s+by|released\s+by|published\s+by|issued\s+by)\s+",
    re.IGNORECASE,
)
_POSSESSIVE_FIGURES_RE = re.compile(
    r"(['’]s?)\s+(?:latest\s+|own\s+|official\s+|new\s+|updated\s+)?"
    r"(?:figures|data|statistics|tally|count|estimates?|toll|death\s+toll|numbers|report)\b",
    re.IGNORECASE,
)
#: Pronouns and vague heads that cannot be a source by themselves.
_NOT_SOURCES = frozenset(
    "he she it they we i you this that these those which who what there one some others it's study data figures "
    "statistics documents numbers records report reports survey photos images video videos footage".split()
)
_LEADING_DET_RE = re.compile(r"^(?:the|a|an|and|but|while|as|so)(?:\s+|$)", re.IGNORECASE)
_NOT_SUBJECT_START = frozenset(
    "was were is are be been being has have had will would can could may might must also then who which "
    "that when where after before if on in at by for with from to of into per".split()
)
_TRAILING_NOISE_RE = re.compile(
    r"(?:\s+(?:on|late|early|last|this|in\s+a|in\s+its|in\s+an|in\s+their)\b.*|\s+(?:on\s+)?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight)\b.*"
    r"|\s+(?:also|earlier|later|previously|separately|now|then|first|initially|originally|subsequently|again"
    r"|already|officially|publicly|has|have|had|would|will))$",
    re.IGNORECASE,
)
_SOURCE_STOP_RE = re.compile(r"[,;:.!?()\[\]\"“”]|\s[–—-]\s|\s(?:that|as|who|which|and\s+said)\s")

#: Words that may stand between a number and its counted noun ("1,500 more Alawite civilians").
_UNIT_MODIFIERS = frozenset(
    """
    more other others additional further extra new young old elderly armed unarmed innocent foreign local
    international unidentified unknown suspected alleged confirmed registered displaced wounded injured dead
    missing detained fellow senior junior active regular reserve full-time part-time male female small large
    big major minor heavy light military civilian government opposition rebel security
    evacuated trapped stranded rescued identified named unnamed reported documented recorded verified
    """.split()
)
_NOT_NOUNS = frozenset(
    """
    was has is its his hers this thus always perhaps unless across whereas less plus minus yes
    as us does goes towards afterwards besides sometimes times whereas its' percent news series
    species means various previous serious numerous famous anonymous dangerous obvious enormous
    thirds quarters fifths sixths eighths tenths halves
    """.split()
)
_WORD_AFTER_RE = re.compile(r"\s+((?:[A-Z]\.){2,}|[A-Za-z][A-Za-z'’-]*)")  # "10 U.S. citizens": U.S. is one word
_ATTACHED_UNIT_RE = re.compile(r"(km|kg|cm|mm|mph|kph|ha|MW|GW|kW|kWh|bpd)\b")
_DETERMINER_BEFORE_RE = re.compile(
    r"\b(?:the|these|those|its|their|his|her|our|your|my|both|all|first|last|next|past|previous|"
    r"other|another|every|each|per)\s+$",
    re.IGNORECASE,
)
_PERIOD_START_RE = re.compile(r"\b(?:since|from|between|after|before|starting|beginning)\s+(?:\w+\s+)?$", re.I)
_CLAUSE_BREAK_RE = re.compile(r"[;:]|\s[–—]\s")
_PREDICATE_RE = re.compile(
    r"\b(" + "|".join(sorted((re.escape(p).replace(r"\ ", r"\s+") for p in PREDICATES), key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_ELLIPSIS_RE = re.compile(r"[^.;:]{0,60}?(?:,|\band)\s+(?:another\s+|at\s+least\s+|more\s+than\s+|some\s+)?")
_CHANGE_GAP_RE = re.compile(r"\s+(?:(?:by|to|from|at|some|about|around|nearly|almost|more\s+than|over|"
                            r"at\s+least|roughly|an\s+estimated|a\s+record|a\s+total\s+of)\s+)*")
#: Nouns that name a count of victims: a figure they give counts people ("the death toll rose to 41").
_TOLL_NOUNS = frozenset({"death toll", "toll", "deaths", "fatalities", "casualties", "injuries"})
_NUMBER_OF_RE = re.compile(r"\b(?:number|count|total|tally)\s+of\s+(?:[a-z-]+\s+)?([a-z]+)\s+$", re.IGNORECASE)
_TOLL_UPDATE_BEFORE_RE = re.compile(
    r"\b(?:put|puts|putting|raised|raises|raising|revised|revises|lowered|lowers|updated|updates|brought|brings)\s+"
    r"(?:its|the|their|his|her)\s+(?:(?:own|official|latest|new)\s+)?"
    r"(death\s+toll|casualty\s+toll|toll|count|tally|figure|estimate)\s+(?:(?:up|down|upward|downward)\s+)?"
    r"(?:to|at)\s+(?:(?:at\s+least|more\s+than|over|about|around|nearly|almost|some|roughly)\s+)?$",
    re.IGNORECASE,
)
#: Words that never stand in a source noun phrase: verbs, pronouns, clause words ("said it", "extension is").
_CLAUSE_WORDS = frozenset(
    """
    is are was were be been being am has have had will would can could may might must shall should do does did
    not no nobody nothing everyone everybody someone somebody anyone it he she they we i you us them him me
    this these those that which who whom whose what if whether because when while where there here said says
    say told tells according two three four five six seven eight nine ten than
    """.split()
)
_CONTRACTION_RE = re.compile(r"['’](?:ll|re|ve|d|m)$")
_HEAD_PREPOSITIONS = frozenset("of in at from for on near with".split())
_POSSESSIVE_DETS = frozenset("its their his her our my your".split())
_ED_ADJECTIVES = frozenset(
    "armed united unnamed unidentified embattled concerned affected elected appointed organised organized "
    "so-called self-styled".split()
)
_NAME_PARTICLES = frozenset("of for and the de del la le al al- bin ibn von van der on in".split())
_QUANTIFIER_SUBJECTS = frozenset("many most several some few all both others people".split())
#: Heads of a noun phrase that names an official body or a role: a source even when no entity is named
#: ("the health ministry", "police", "local officials", "rescuers").
_ROLE_HEADS = frozenset(
    """
    ministry ministries police officials official authorities authority government army military navy
    spokesman spokeswoman spokesperson spokespeople minister ministers prosecutors prosecutor investigators
    doctors medics paramedics rescuers firefighters hospital hospitals coroner witnesses residents activists
    observers sources service services witnesses coastguard council court judiciary agency office department command
    forces regulator regulators inspectors police officers officers governor mayor president premier
    """.split()
)
_PERSON_HEADS = frozenset("spokesman spokeswoman spokesperson official officials".split())
#: Modifiers of a definite description that need not appear in the name it refers back to.
_GENERIC_MODIFIERS = frozenset(
    """
    independent local national international state official main regional provincial federal central
    country's nation's government top senior private public british-based new own
    """.split()
)
_DATE_GAP_RE = re.compile(r"[\s,]*(?:(?:late|early|earlier|later|on|this|last|by|as\s+of)\s+)*", re.IGNORECASE)
_BY_DATE_RE = re.compile(
    r"\b(?:by|as\s+of|as\s+at|until|through)\s+(?:(?:late|early)\s+(?:on\s+)?)?$", re.IGNORECASE
)
_BY_START_RE = re.compile(r"(?:by|as\s+of|as\s+at|until)\s", re.IGNORECASE)
_INITIAL_DATE_RE = re.compile(r"[\W_]*(?:(?:on|by|as\s+of|until|late|early)\s+)*", re.IGNORECASE)
_COMMA_AFTER_RE = re.compile(r"\s*,")
_PREDICATE_WINDOW = 80  # characters between a number and its predicate, at most
#: Between two figures of one list: "12 men and three", "10 US citizens and two".
_LIST_GAP_RE = re.compile(r"\s+(?:[A-Za-z.'’-]+\s+){0,3}(?:and|or)\s+(?:(?:at\s+least|about|some|nearly)\s+)?")
#: A coordinated clause between a figure and a later predicate: the predicate is that clause's.
_COORDINATION_RE = re.compile(r"\s(?:and|but|while|whereas|or)\s", re.IGNORECASE)
#: An aside right after a figure, between commas, dashes or brackets ("84 people, including 10 children,").
_INSERTION_RE = re.compile(r"\s*(?:,[^,;:]{1,80},|\s[\u2013\u2014][^\u2013\u2014;:]{1,80}[\u2013\u2014]|\([^()]{1,80}\))")


@dataclass(frozen=True, slots=True)
class ClaimStage:
    """The ``claims`` stage: ``article.claims`` from its sentences, entities and dates."""

    name: str = "claims"
    requires: tuple[str, ...] = ("sentences", "entities", "dates")
    provides: tuple[str, ...] = ("claims",)

    def __call__(self, article: Article) -> Article:
        lang = article.language
        if lang and lang.lower().split("-")[0] != "en":
            return article.replace(notes=article.notes + (f"claims: skipped, language {lang!r} is not supported",))
        claims = find_claims(article.text, article.sentences, article.entities, article.dates, article.published)
        return article.replace(claims=tuple(claims))


def normalize_unit(unit: str | None) -> str | None:
    """The singular, canonical form of a unit for aligning claims: "civilians" → "civilian", "people" → "person"."""
    if unit is None:
        return None
    low = unit.lower()
    if low in UNITS:
        return UNITS[low][0]
    if unit.isupper() or low in ("%", "percentage points"):
        return unit
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if re.search(r"(?:ss|sh|ch|x|z)es$", low):
        return low[:-2]
    if low.endswith("s") and not low.endswith("ss"):
        return low[:-1]
    return low


def predicate_class(predicate: str | None) -> str | None:
    """The class a canonical predicate belongs to ("killed" and "died" → "death"), or ``None``."""
    return _PREDICATE_CLASSES.get(predicate) if predicate else None


def _line_spans(text: str) -> list[Span]:
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append(Span(s, e))
    return spans


def _unit_class(unit: str | None) -> str | None:
    if unit is None:
        return None
    entry = UNITS.get(unit.lower())
    return entry[1] if entry else None


def _find_unit(text: str, num: NumberMention, hi: int) -> tuple[str | None, int]:
    """The counted noun after the number, and where it ends (``num.end`` when there is none)."""
    if num.unit is not None:
        return num.unit, num.end
    attached = _ATTACHED_UNIT_RE.match(text, num.end, hi)
    if attached:
        return attached.group(1), attached.end()
    pos = num.end
    fallback: tuple[str, int] | None = None
    for _ in range(4):
        m = _WORD_AFTER_RE.match(text, pos, hi)
        if not m:
            break
        word = m.group(1)
        low = word.lower()
        nxt = _WORD_AFTER_RE.match(text, m.end(), hi)
        if nxt is not None:
            two = f"{low} {nxt.group(1).lower()}"
            if two in UNITS:
                return two, nxt.end()
        if low in UNITS:
            return low, m.end()
        if low in _UNIT_MODIFIERS or low.endswith("-based") or low.endswith("-old"):
            pos = m.end()
            continue
        if word[0].isupper():
            if fallback is None and pos == num.end and _looks_plural(low):
                fallback = (word, m.end())  # "3 Americans"; not "40 Steve Parsons" (a photo credit)
            pos = m.end()
            continue
        if _looks_plural(low) and low not in PREDICATES:
            return low, m.end()
        break
    if fallback is not None:
        return fallback
    return None, num.end


def _looks_plural(low: str) -> bool:
    if low.endswith("men") and len(low) > 5 and low not in ("specimen", "abdomen", "regimen"):
        return True  # "fishermen", "gunmen", "firemen"
    return (
        len(low) > 3
        and low.endswith("s")
        and not low.endswith(("ss", "us", "is", "'s", "’s"))
        and low not in _NOT_NOUNS
    )


def _qualifier(text: str, lo: int, num: NumberMention, unit_end: int, hi: int) -> str | None:
    m = _QUALIFIER_BEFORE_RE.search(text, max(lo, num.start - 24), num.start)
    if m:
        word = re.sub(r"\s+", " ", m.group(1).lower())
        if not (word == "over" and _PARTICLE_OVER_RE.search(text, max(lo, m.start() - 12), m.start())):
            return QUALIFIER_WORDS[word]
    for pos in (num.end, unit_end):
        after = _QUALIFIER_AFTER_RE.match(text, pos, hi)
        if after:
            return _QUALIFIER_AFTER[re.sub(r"\s+", " ", after.group(1).strip().lower())]
    return None


@dataclass(frozen=True, slots=True)
class _Predicate:
    """The predicate found for one figure: its canonical form, whether it came from a change or level verb
    ("rose to", "put the toll at"), and the counted noun its subject names ("the number of people killed")."""

    canon: str
    changed: bool = False
    subject_unit: str | None = None


def _subject_predicate(
    text: str, lo: int, verb_start: int, found: Sequence[re.Match[str]]
) -> tuple[str, str | None] | None:
    """What a change verb's subject counts: "the death toll (rose)" → died, "the number of people killed
    (rose)" → killed with unit "people". The nearest such cue in the clause before the verb."""
    breaks = [m.end() for m in _CLAUSE_BREAK_RE.finditer(text, lo, verb_start)]
    clause_lo = breaks[-1] if breaks else lo
    for m in reversed(found):
        if m.end() > verb_start or m.start() < clause_lo:
            continue
        canon, cls, pos = PREDICATES[_norm(m.group(1))]
        if cls in ("change", "level"):
            continue
        if pos == "noun":
            return canon, ("people" if cls in ("death", "injury") and _norm(m.group(1)) in _TOLL_NOUNS else None)
        number_of = _NUMBER_OF_RE.search(text, max(clause_lo, m.start() - 40), m.start())
        if number_of:
            return canon, number_of.group(1).lower()
    return None


def _predicate(
    text: str,
    lo: int,
    hi: int,
    num: NumberMention,
    unit_end: int,
    found: Sequence[re.Match[str]],
    others: Sequence[NumberMention] = (),
) -> _Predicate | None:
    """The canonical predicate nearest the number within its clause, preferring a noun over a change verb.

    A predicate after the number never reaches past another figure or into a coordinated clause: in
    "two people remain trapped and more than 50 were injured", "injured" belongs to the 50, not to the
    two."""
    update = _TOLL_UPDATE_BEFORE_RE.search(text, max(lo, num.start - 80), num.start)
    if update:  # "raised its count to 44", "has put the toll at 30"
        noun = _norm(update.group(1))
        if noun in PREDICATES:
            return _Predicate(PREDICATES[noun][0], True, "people")
        subject = _subject_predicate(text, lo, update.start(), found)
        if subject is not None:
            return _Predicate(subject[0], True, subject[1] or "people")
        return _Predicate("rose", True)
    best: tuple[int, re.Match[str]] | None = None
    for m in found:
        if m.end() <= num.start:
            gap_lo, gap_hi = m.end(), num.start
            if "," in text[gap_lo:gap_hi] or _COORDINATION_RE.search(text, gap_lo, gap_hi):
                continue  # "injured after the ferry hit the pier, trapping five people", "20 died and 45 were
                # injured": the predicate before is another clause's
        elif m.start() >= unit_end:
            gap_lo, gap_hi = unit_end, m.start()
            inserted = _INSERTION_RE.match(text, gap_lo, gap_hi)  # "84 people, including 10 children, were killed"
            rest = inserted.end() if inserted else gap_lo
            if any(rest <= o.start < gap_hi for o in others) or _COORDINATION_RE.search(text, rest, gap_hi):
                continue  # "trapping five people and injuring another 40": "injuring" is not the five's
        elif m.start() >= num.end and m.end() <= unit_end:
            gap_lo = gap_hi = num.end  # "2,300 evacuated residents", "12 wounded soldiers"
        else:
            continue
        if gap_hi - gap_lo > _PREDICATE_WINDOW or _CLAUSE_BREAK_RE.search(text, gap_lo, gap_hi):
            continue
        if PREDICATES[_norm(m.group(1))][1] in ("change", "level") and not (
            m.end() <= num.start and _CHANGE_GAP_RE.fullmatch(text, m.end(), num.start)
        ):
            continue  # "rose 12%", "rose to 1,500", "stood at 300" — not "jumped down ... 100 people"
        dist = gap_hi - gap_lo
        if best is None or dist < best[0]:
            best = (dist, m)
    if best is None:
        return None
    canon, cls, _ = PREDICATES[_norm(best[1].group(1))]
    if cls in ("change", "level"):
        subject = _subject_predicate(text, lo, best[1].start(), found)
        if subject is not None:
            return _Predicate(subject[0], True, subject[1])
        return _Predicate(canon, True)
    return _Predicate(canon)


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.lower())


def _clean_source(text: str, s: int, e: int) -> tuple[int, int] | None:
    """Trim a candidate source phrase ``text[s:e]`` to its noun phrase; ``None`` when it is not one."""
    phrase = text[s:e]
    stripped = phrase.strip()
    s += len(phrase) - len(phrase.lstrip())
    e = s + len(stripped)
    while True:
        m = _LEADING_DET_RE.match(text[s:e])
        if not m:
            break
        s += m.end()
    m = _TRAILING_NOISE_RE.search(text[s:e])
    if m:
        e = s + m.start()
    candidate = text[s:e]
    words = candidate.split()
    if not words or len(words) > 9 or any(ch.isdigit() for ch in candidate):
        return None
    if candidate.lower() in _NOT_SOURCES or words[0].lower() in _NOT_SOURCES:
        return None
    if words[0][0].islower() and (words[0] in PREDICATES or words[0] in _NOT_SUBJECT_START or words[0].endswith("ed")):
        return None  # a verb phrase ("was leaving the hospital"), not a noun phrase
    return s, e


def _subject_before(text: str, lo: int, verb_start: int) -> tuple[int, int] | None:
    """The noun phrase before a reporting verb: the nearest comma-free stretch that is not an appositive
    ("X, a UK-based monitor, said") or a relative clause ("X, who took office last year, said").
    The subject of an object relative ("..., which the monitor says killed 47") is taken."""
    pieces: list[tuple[int, int, str]] = []  # (start, end, the separator that opens the piece)
    start, opener = lo, ""
    for m in _SOURCE_STOP_RE.finditer(text, lo, verb_start):
        pieces.append((start, m.start(), opener))
        start, opener = m.end(), m.group().strip()
    pieces.append((start, verb_start, opener))
    inside_commas = False
    for i, (s, e, opener) in enumerate(reversed(pieces)):
        chunk = text[s:e].strip()
        if not chunk:
            inside_commas = True  # "..., said": look further back
            continue
        if inside_commas and (re.match(r"(?:a|an)\s", chunk) or opener in ("who", "which")):
            continue
        if opener in ("who", "which", "that"):
            if i == 0 and re.match(r"(?:the\s|[A-Z])", chunk):
                return _clean_source(text, s, e)  # "which the Coastal Monitoring Group says"
            continue
        return _clean_source(text, s, e)
    return None


def _phrase_after(text: str, start: int, hi: int) -> tuple[int, int] | None:
    stop = _SOURCE_STOP_RE.search(text, start, hi)
    end = stop.start() if stop else hi
    verb = _PHRASE_VERB_RE.search(text, start, end)
    if verb:
        end = verb.start()  # "figures from the UN show ...": the verb ends the phrase
    return _clean_source(text, start, end)


@dataclass(frozen=True, slots=True)
class _Source:
    """The attribution of a sentence: the name written on claims, its span, the cue, and its tense."""

    name: str
    span: Span
    cue: tuple[int, int]
    present: bool


def _attribution(text: str, lo: int, hi: int, entities: Sequence[Entity]) -> _Source | None:
    """The source this sentence attributes its figures to, if any: the first candidate phrase that is a
    noun phrase naming an entity, a known role ("the health ministry", "police") or, as a definite
    description ("the group"), an organisation named earlier in the text."""

    def resolved(span: tuple[int, int] | None, cue: tuple[int, int], present: bool) -> _Source | None:
        if span is None:
            return None
        name = _source_name(text, span, entities)
        return _Source(name, Span(*span), cue, present) if name else None

    for m in _ACCORDING_RE.finditer(text, lo, hi):
        found = resolved(_phrase_after(text, m.end(), hi), (m.start(), m.end()), True)
        if found:
            return found
    for m in _FIGURES_FROM_RE.finditer(text, lo, hi):
        found = resolved(_phrase_after(text, m.end(), hi), (m.start(), m.end()), False)
        if found:
            return found
    for m in _POSSESSIVE_FIGURES_RE.finditer(text, lo, hi):
        found = resolved(_subject_before(text, lo, m.start()), (m.start(), m.end()), False)
        if found:
            return found
    verbs = sorted(
        [*_SOURCE_VERB_RE.finditer(text, lo, hi), *_TOLL_VERB_RE.finditer(text, lo, hi)], key=lambda m: m.start()
    )
    for m in verbs:
        verb_start = m.start()
        if _PASSIVE_BEFORE_RE.search(text, max(lo, verb_start - 24), verb_start):
            continue  # "is estimated to cost", "was reported": passive, no source
        cue = (m.start(1), m.end(1))
        present = m.group(1) in _PRESENT_VERBS
        before = text[max(lo, verb_start - 3) : verb_start]
        if before.endswith(", ") or before.endswith(",\u201d ") or (verb_start - lo > 0 and before.endswith("” ")):
            # "..., said the health ministry" (inverted)
            found = resolved(_phrase_after(text, m.end(), hi), cue, present)
            if found:
                return found
        found = resolved(_subject_before(text, lo, verb_start), cue, present)
        if found:
            return found
    return None


def _source_name(text: str, span: tuple[int, int], entities: Sequence[Entity]) -> str | None:
    """The name a source phrase stands for, or ``None`` when the phrase cannot be a source."""
    s, e = span
    best: tuple[int, str] | None = None
    for entity in entities:
        for mention in entity.mentions:
            overlap = min(e, mention.end) - max(s, mention.start)
            covers_head = mention.end >= e  # "Costa Rican officials" is officials, not Costa Rica
            if overlap > 0 and covers_head and overlap * 2 >= e - s and (best is None or overlap > best[0]):
                best = (overlap, entity.name)
    if best is not None:
        return best[1]
    phrase = re.sub(r"\s+", " ", text[s:e])
    words = phrase.split(" ")
    lows = [w.lower().strip("'’") for w in words]
    if any(w in _CLAUSE_WORDS or _CONTRACTION_RE.search(w) for w in lows):
        return None  # "said it", "extension is", "nobody can tell us if ..."
    if lows[0] in _POSSESSIVE_DETS:
        return None  # "its figure", "their count"
    for w, low in zip(words, lows):
        verb_like = low.endswith("ed") or (low.endswith("ing") and w is words[-1])
        if w[0].islower() and verb_like and low not in _ROLE_HEADS and low not in _ED_ADJECTIVES:
            return None  # "parliament voted", "figure included": a clause, not a noun phrase
    # the head stands before a prepositional phrase: "group of shop owners", "officials and witnesses in Nice"
    head_index = next((i - 1 for i in range(1, len(lows)) if lows[i] in _HEAD_PREPOSITIONS), len(lows) - 1)
    head = re.sub(r"['’]s?$", "", lows[head_index])
    indefinite = re.search(r"\b(?:a|an)\s+$", text[max(0, s - 4) : s], re.IGNORECASE) is not None
    proper = all(w[0].isupper() for w, low in zip(words, lows) if low not in _NAME_PARTICLES)
    if proper and not (len(words) == 1 and lows[0] in _QUANTIFIER_SUBJECTS):
        return phrase  # "Red Crescent", "VPT", "Rescuers"
    if not indefinite:
        ref = _back_reference(lows, head_index, s, entities)
        if ref is not None:
            return ref
    if not indefinite and (head in _ROLE_HEADS or (lows[0] in _ROLE_HEADS and "and" in lows)):
        return phrase  # "health ministry", "officials", "police"
    return None


def _back_reference(lows: Sequence[str], head_index: int, pos: int, entities: Sequence[Entity]) -> str | None:
    """The organisation a definite description refers back to: "the group" → the most recently mentioned
    entity whose name has a word starting with "group"; every specific modifier must match too
    ("the health ministry" never resolves to a "Defence Ministry")."""
    head = lows[head_index]
    if len(head) < 4 or head in _PERSON_HEADS:
        return None
    modifiers = [w for w in lows[:head_index] if w not in _GENERIC_MODIFIERS and not w.endswith("-based")]
    best: tuple[int, str] | None = None
    for entity in entities:
        name_words = [w.lower() for w in re.split(r"[\s-]+", entity.name)]
        if not any(w.startswith(head) for w in name_words):
            continue
        if not all(any(w.startswith(mod) for w in name_words) for mod in modifiers):
            continue
        last = max((m.start for m in entity.mentions if m.start < pos), default=-1)
        if last >= 0 and (best is None or last > best[0]):
            best = (last, entity.name)
    return best[1] if best else None


def _as_of(
    text: str,
    lo: int,
    num: NumberMention,
    unit_end: int,
    changed: bool,
    source: _Source | None,
    dates: Sequence[DateMention],
    published: str | None,
) -> str | None:
    """The date a figure is given for, tried in this order: a date right after a changed figure ("rose to
    41 on Wednesday"); "by/as of <date>"; the date of the attribution ("said on Tuesday", "On Monday, X
    said"); the publication date when the attribution is in the present tense ("according to X", "X says").
    A date of the event itself ("killed 23 people late on Monday", "Monday's explosion") is not an as-of."""
    resolved = [d for d in dates if d.value is not None and not _PERIOD_START_RE.search(text, max(lo, d.start - 24), d.start)]
    if changed:
        for d in resolved:
            if d.start >= unit_end and _DATE_GAP_RE.fullmatch(text, unit_end, d.start):
                return d.value
    for d in resolved:
        if _BY_DATE_RE.search(text, max(lo, d.start - 12), d.start) or _BY_START_RE.match(text, d.start, d.end):
            return d.value
    if source is not None:
        cue_start, cue_end = source.cue
        for d in resolved:
            after = d.start >= cue_end and _DATE_GAP_RE.fullmatch(text, cue_end, d.start)
            before = d.end <= cue_start and not text[d.end : cue_start].strip() and not source.present
            if after or before:
                return d.value
    for d in resolved:
        if _INITIAL_DATE_RE.fullmatch(text, lo, d.start) and _COMMA_AFTER_RE.match(text, d.end):
            return d.value  # "On Monday, ..." opens the sentence and holds for all of it
    if source is not None and source.present and published:
        return published[:10]
    return None


def _claims_in_sentence(
    text: str,
    lo: int,
    hi: int,
    entities: Sequence[Entity],
    dates: Sequence[DateMention],
    published: str | None,
) -> list[Claim]:
    numbers = find_numbers(text, lo, hi)
    if not numbers:
        return []
    sentence_dates = [d for d in dates if d.start < hi and lo < d.end]
    predicates: list[re.Match[str]] | None = None
    out: list[Claim] = []
    source: _Source | None | bool = False  # False: not looked for yet
    for num in numbers:
        if any(d.start < num.end and num.start < d.end for d in sentence_dates):
            continue  # part of a date ("March 10, 2025")
        unit, unit_end = _find_unit(text, num, hi)
        if unit is not None and unit in _SINGULAR_UNITS and num.value != 1 and num.upper is None:
            unit, unit_end = None, num.end  # "a 200,000 mile long filament", "a billion year orbit"
        if unit is None and num.kind == "count" and out and out[-1].unit and out[-1].value_span:
            # "20 people were killed and 45 wounded": the second figure counts the same noun
            after = _WORD_AFTER_RE.match(text, num.end, hi)
            own_noun = after is not None and after.group(1).lower() not in PREDICATES and (
                after.group(1)[0].isupper() or after.group(1).lower() in _UNIT_MODIFIERS
                or _looks_plural(after.group(1).lower())
            )  # "10 US citizens and two local crew members": the two count crew, not citizens
            if not own_noun and _ELLIPSIS_RE.fullmatch(text, out[-1].value_span.end, num.start) is not None:
                unit = out[-1].unit
        qualifier = _qualifier(text, lo, num, unit_end, hi)
        unit_cls = _unit_class(unit)
        if num.year_like and not (qualifier or unit_cls in ("person", "object", "place", "measure")):
            continue  # "in 2024", "the 2024 election"
        if num.written == "words":
            if unit is None:
                continue  # "two" alone is too often a pronoun or part of a phrase
            if qualifier is None and _DETERMINER_BEFORE_RE.search(text, max(lo, num.start - 12), num.start):
                continue  # "the two countries", "its three members": a reference, not a figure
        if predicates is None:
            predicates = list(_PREDICATE_RE.finditer(text, lo, hi))
        found = None if unit_cls == "time" else _predicate(text, lo, hi, num, unit_end, predicates, numbers)
        predicate = found.canon if found else None
        if predicate is None and unit_cls != "time" and out and out[-1].predicate and out[-1].value_span:
            prev = out[-1]
            # "arrested 12 men and three women", "killed 10 citizens and two crew members": one verb
            # before a list of figures counts them all
            if _LIST_GAP_RE.fullmatch(text, prev.value_span.end, num.start) and any(
                PREDICATES[_norm(m.group(1))][0] == prev.predicate and m.end() <= prev.value_span.start
                for m in predicates
            ):
                predicate = prev.predicate
        if found is not None and unit is None and found.subject_unit and num.kind == "count":
            unit = found.subject_unit  # "the death toll rose to 41" counts people
        if predicate is None and unit is not None and unit.lower() in PREDICATES:
            entry = PREDICATES[unit.lower()]
            if entry[2] == "noun":
                predicate = entry[0]  # "six more deaths"
        if unit is None and predicate is None:
            continue
        if source is False:
            source = _attribution(text, lo, hi, entities)
        src = source if isinstance(source, _Source) else None
        out.append(
            Claim(
                start=lo,
                end=hi,
                value=num.value,
                unit=unit,
                qualifier=qualifier,
                predicate=predicate,
                source=src.name if src else None,
                as_of=_as_of(
                    text, lo, num, unit_end, bool(found and found.changed), src, sentence_dates, published
                ),
                value_span=Span(num.start, num.end),
                source_span=src.span if src else None,
                upper=num.upper,
            )
        )
    return out


def find_claims(
    text: str,
    sentences: Iterable[Span],
    entities: Sequence[Entity] = (),
    dates: Sequence[DateMention] = (),
    published: str | None = None,
) -> list[Claim]:
    """Every numeric claim of ``text``, sentence by sentence, in text order.

    ``sentences`` are spans into ``text``; when there are none, each non-empty line is
    taken as one. ``entities`` give canonical source names and resolve back-references
    ("the group"), ``dates`` the as-of dates (both optional). ``published`` (ISO) is the
    as-of date of a figure attributed in the present tense ("according to X", "X says").
    """
    spans = list(sentences) or _line_spans(text)
    hints = number_hints(text)
    out: list[Claim] = []
    for sent in spans:
        i = bisect_left(hints, sent.start)
        if i < len(hints) and hints[i] < sent.end:  # most sentences have no number: skip them cheaply
            out.extend(_claims_in_sentence(text, sent.start, sent.end, entities, dates, published))
    return out
