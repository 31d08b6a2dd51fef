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
  "..., X said", "figures from X", "X's figures"); the entity's canonical name when the
  source is an entity mention, else the phrase without its article ("health ministry").
  Pronouns are left unresolved (``None``).
* **as_of**: the value of the nearest resolved date in the sentence, unless it starts a
  period ("since March 6").

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
from .numbers import NUMBER_HINT_RE, NumberMention, find_numbers

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
_AUX = r"(?:(?:has|have|had|also|earlier|later|previously|separately|now|then|last\s+week|has\s+since)\s+)*"
_SOURCE_VERB_RE = re.compile(r"\b" + _AUX + r"(" + "|".join(SOURCE_VERBS) + r")\b")
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
    r"|\s+(?:also|earlier|later|previously|separately|now|then|has|have|had|would|will))$",
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
    """.split()
)
_NOT_NOUNS = frozenset(
    """
    was has is its his hers this thus always perhaps unless across whereas less plus minus yes
    as us does goes towards afterwards besides sometimes times whereas its' percent news series
    species means various previous serious numerous famous anonymous dangerous obvious enormous
    """.split()
)
_WORD_AFTER_RE = re.compile(r"\s+([A-Za-z][A-Za-z'’-]*)")
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
_PREDICATE_WINDOW = 80  # characters between a number and its predicate, at most


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
            if fallback is None and _looks_plural(low):
                fallback = (word, m.end())
            pos = m.end()
            continue
        if _looks_plural(low) and low not in PREDICATES:
            return low, m.end()
        break
    if fallback is not None:
        return fallback
    return None, num.end


def _looks_plural(low: str) -> bool:
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


def _predicate(
    text: str, lo: int, hi: int, num: NumberMention, unit_end: int, found: Sequence[re.Match[str]]
) -> str | None:
    """The canonical predicate nearest the number within its clause, preferring a noun over a change verb."""
    best: tuple[int, re.Match[str]] | None = None
    for m in found:
        if m.end() <= num.start:
            gap_lo, gap_hi = m.end(), num.start
        elif m.start() >= unit_end:
            gap_lo, gap_hi = unit_end, m.start()
        else:
            continue  # inside the number or its unit ("1,500 deaths" is unit + predicate: allowed below)
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
        for m in found:
            entry = PREDICATES[_norm(m.group(1))]
            if entry[2] == "noun" and m.end() <= best[1].start() and best[1].start() - m.end() < 40:
                return entry[0]
    return canon


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
    ("X, a UK-based monitor, said") or a relative clause ("X, who took office last year, said")."""
    pieces: list[tuple[int, int, str]] = []  # (start, end, the separator that opens the piece)
    start, opener = lo, ""
    for m in _SOURCE_STOP_RE.finditer(text, lo, verb_start):
        pieces.append((start, m.start(), opener))
        start, opener = m.end(), m.group().strip()
    pieces.append((start, verb_start, opener))
    inside_commas = False
    for s, e, opener in reversed(pieces):
        chunk = text[s:e].strip()
        if not chunk:
            inside_commas = True  # "..., said": look further back
            continue
        if inside_commas and (re.match(r"(?:a|an)\s", chunk) or opener in ("who", "which")):
            continue
        if opener in ("who", "which"):
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


def _attribution(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The span of the source this sentence attributes its figures to, if any."""
    m = _ACCORDING_RE.search(text, lo, hi)
    if m:
        found = _phrase_after(text, m.end(), hi)
        if found:
            return found
    m = _FIGURES_FROM_RE.search(text, lo, hi)
    if m:
        found = _phrase_after(text, m.end(), hi)
        if found:
            return found
    m = _POSSESSIVE_FIGURES_RE.search(text, lo, hi)
    if m:
        found = _subject_before(text, lo, m.start())
        if found:
            return found
    for m in _SOURCE_VERB_RE.finditer(text, lo, hi):
        verb_start = m.start()
        before = text[max(lo, verb_start - 3) : verb_start]
        if before.endswith(", ") or before.endswith(",\u201d ") or (verb_start - lo > 0 and before.endswith("” ")):
            # "..., said the health ministry" (inverted)
            inverted = _phrase_after(text, m.end(), hi)
            if inverted:
                return inverted
        found = _subject_before(text, lo, verb_start)
        if found:
            return found
    return None


def _source_name(text: str, span: tuple[int, int], entities: Sequence[Entity]) -> str:
    s, e = span
    best: tuple[int, str] | None = None
    for entity in entities:
        for mention in entity.mentions:
            overlap = min(e, mention.end) - max(s, mention.start)
            if overlap > 0 and overlap * 2 >= e - s and (best is None or overlap > best[0]):
                best = (overlap, entity.name)
    if best is not None:
        return best[1]
    return re.sub(r"\s+", " ", text[s:e])


def _as_of(text: str, lo: int, num: NumberMention, dates: Sequence[DateMention]) -> str | None:
    best: tuple[int, str] | None = None
    for d in dates:
        if d.value is None:
            continue
        if _PERIOD_START_RE.search(text, max(lo, d.start - 24), d.start):
            continue
        dist = d.start - num.end if d.start >= num.end else num.start - d.end
        if best is None or dist < best[0]:
            best = (dist, d.value)
    return best[1] if best else None


def _claims_in_sentence(
    text: str, lo: int, hi: int, entities: Sequence[Entity], dates: Sequence[DateMention]
) -> list[Claim]:
    numbers = find_numbers(text, lo, hi)
    if not numbers:
        return []
    sentence_dates = [d for d in dates if d.start < hi and lo < d.end]
    predicates: list[re.Match[str]] | None = None
    out: list[Claim] = []
    source: tuple[str, Span] | None | bool = False  # False: not looked for yet
    for num in numbers:
        if any(d.start < num.end and num.start < d.end for d in sentence_dates):
            continue  # part of a date ("March 10, 2025")
        unit, unit_end = _find_unit(text, num, hi)
        if unit is not None and unit in _SINGULAR_UNITS and num.value != 1 and num.upper is None:
            unit, unit_end = None, num.end  # "a 200,000 mile long filament", "a billion year orbit"
        if unit is None and num.kind == "count" and out and out[-1].unit and out[-1].value_span:
            # "20 people were killed and 45 wounded": the second figure counts the same noun
            if _ELLIPSIS_RE.fullmatch(text, out[-1].value_span.end, num.start) is not None:
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
        predicate = None if unit_cls == "time" else _predicate(text, lo, hi, num, unit_end, predicates)
        if unit is None and predicate is None:
            continue
        if source is False:
            span = _attribution(text, lo, hi)
            source = (_source_name(text, span, entities), Span(*span)) if span else None
        out.append(
            Claim(
                start=lo,
                end=hi,
                value=num.value,
                unit=unit,
                qualifier=qualifier,
                predicate=predicate,
                source=source[0] if source else None,
                as_of=_as_of(text, lo, num, sentence_dates),
                value_span=Span(num.start, num.end),
                source_span=source[1] if source else None,
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
    taken as one. ``entities`` give canonical source names, ``dates`` the as-of dates
    (both optional). ``published`` is accepted for interface symmetry: dates arrive
    already resolved from the ``dates`` stage, so it is not needed here.
    """
    del published
    spans = list(sentences) or _line_spans(text)
    hints = [m.start() for m in NUMBER_HINT_RE.finditer(text)]
    out: list[Claim] = []
    for sent in spans:
        i = bisect_left(hints, sent.start)
        if i < len(hints) and hints[i] < sent.end:  # most sentences have no number: skip them cheaply
            out.extend(_claims_in_sentence(text, sent.start, sent.end, entities, dates))
    return out
