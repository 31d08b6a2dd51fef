"""Exclusives: claims and quotes that only one independent outlet carries.

A candidate is a sentence of an article (not a copy) that makes a claim a reader would check:

* a numeric claim (a figure with a counted noun or a predicate; durations, distances and
  other measures of time and place are context, not claims);
* a direct or partial quote of at least :data:`MIN_QUOTE_WORDS` words by a named speaker;
* a specific newsworthy fact: a named entity with an event word (verb or event noun) or a figure.

Sentences with none of these (background, colour, filler) are never exclusives. A candidate
is *covered* — not exclusive — when another independent outlet carries it in any form; the
test is deliberately wide, because calling a shared fact exclusive is the error a reader
notices:

* a claim with the same value and counted noun, or a figure aligned with it (same measure and
  source, another value: that is an update or conflict);
* the same quote (verbatim, trimmed or altered);
* a sentence that states the same fact (:func:`consensus.fact_terms`, without the best-match
  requirement), or one at least ``exclusive_similarity`` similar.

Exclusives are ranked by importance (figures of death, injury and the like first, then other
figures, quotes, events; rare words; the lead of the article) and at most
``max_exclusives_per_article`` are reported per article, one per speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..annotate.claims import UNITS, normalize_unit, predicate_class
from ..model import Claim
from .align import ALIGNED_MEASURES, AlignedClaim, AlignedQuote, QuoteMatch
from .consensus import fact_terms, figure_keys, sentence_evidence, short
from .independence import Independence
from .model import Finding
from .settings import CompareSettings
from .story import Sentence, Story
from .text import NO_CONTENT_RE

#: Importance below which a candidate is context, not news (a lone event word with one actor, no lead).
MIN_IMPORTANCE = 2.5
#: Words a quote needs to be an exclusive on its own.
MIN_QUOTE_WORDS = 6
#: Units that measure the setting (how long ago, how far away, how big), not what happened.
_CONTEXT_UNITS = frozenset({"km", "km2", "m", "mile", "ft", "hectare", "acre"})
_NAMED_KINDS = frozenset({"person", "org", "place", "group"})


@dataclass(slots=True)
class _Candidate:
    sentence: Sentence
    claims: list[Claim] = field(default_factory=list)
    quotes: list[AlignedQuote] = field(default_factory=list)
    event: bool = False


def _is_claim(c: Claim) -> bool:
    unit_low = (c.unit or "").lower()
    if predicate_class(c.predicate) is None and (
        (unit_low in UNITS and UNITS[unit_low][1] == "time") or normalize_unit(c.unit) in _CONTEXT_UNITS
    ):
        return False
    return c.predicate is not None or c.unit is not None


def _claim_rank(c: Claim) -> float:
    """Figures of death, injury, arrests... first; then figures with a predicate; then counts."""
    cls = predicate_class(c.predicate)
    return 3.0 if cls in ALIGNED_MEASURES else 2.0 if cls is not None else 1.5


def _candidates(story: Story, ind: Independence, quotes: Sequence[AlignedQuote]) -> dict[int, _Candidate]:
    out: dict[int, _Candidate] = {}
    for i, a in enumerate(story.articles):
        if i in ind.copies:
            continue
        for c in a.claims:
            if _is_claim(c):
                s = story.sentence_at(i, c.value_span.start if c.value_span else c.start)
                out.setdefault(s.id, _Candidate(s)).claims.append(c)
        named = [m for m in story.mentions[i] if m[3] in _NAMED_KINDS]
        for s in story.sentences_of(i):
            if s.predicates and any(s.start <= m[0] < s.end for m in named):
                out.setdefault(s.id, _Candidate(s)).event = True
    for q in quotes:
        if q.article in ind.copies or not q.speaker or q.quote.kind == "indirect" or len(q.words) < MIN_QUOTE_WORDS:
            continue
        out.setdefault(q.sentence.id, _Candidate(q.sentence)).quotes.append(q)
    return out


#: Qualifiers that make a figure a rounding.
_APPROXIMATE = frozenset({"about", "nearly", "more than", "up to"})
#: Smallest figure matched within rounding when one side is approximate (below it, "about 5" and
#: "6" are as likely two counts of different things).
_ROUNDED_MIN = 10
_FIRST_PERSON_RE = re.compile(
    r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|me|my|we|We|us|our|Our|ourselves|you|You|your|Your|you're|you’re)\b"
)  # the writer, or the reader addressed: a column or an explainer's aside, not a report
_QUOTE_MARKS = "\"“”"


def _inside_marks(text: str, s: Sentence, pos: int) -> bool:
    """Whether ``pos`` stands between quotation marks within its sentence (a quote the stage did not mark)."""
    return sum(text.count(q, s.start, pos) for q in _QUOTE_MARKS) % 2 == 1


#: Words of institution names that say what kind of body it is, not which one ("University" in
#: "Temple University" and "Harvard University").
_GENERIC_NAME_WORDS = frozenset("""
university college school department ministry council party group company inc corp corporation bank
city state states national international united new north south east west association agency office
house court police army force forces committee commission authority service services news times post
club league union institute foundation center centre hospital airport station street church the of and
""".split())


def _name_words(name: str) -> list[str]:
    """The distinctive words of a name, lower-cased: "Temple University" -> ["temple"]."""
    return [w for w in re.findall(r"[^\W\d_]{3,}", name.casefold()) if w not in _GENERIC_NAME_WORDS]


#: Words in a row that, found in another outlet's text, show it carries the same sentence.
_GRAM = 4


def _family(c: Claim) -> str:
    """What kind of quantity a figure is, for matching it across outlets whatever noun it counts: a
    currency or percentage; people; else its counted noun below a thousand, any count above."""
    unit = normalize_unit(c.unit)
    if unit is not None and (unit.isupper() or unit in ("%", "percentage points")):
        return unit
    entry = UNITS.get((c.unit or "").lower())
    if entry is not None and entry[1] == "person":
        return "person"
    if unit is None and predicate_class(c.predicate) in ALIGNED_MEASURES:
        return "person"
    return "count" if float(c.value) >= 1000 else f"unit:{unit}"


def _word_grams(story: Story, group: Sequence[int]) -> dict[tuple[str, ...], set[int]]:
    """Every run of :data:`_GRAM` words of the story, with the independent outlets whose text holds it."""
    out: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for i, a in enumerate(story.articles):
        words = story.keyer.words(a.text)
        for k in range(len(words) - _GRAM + 1):
            out[tuple(words[k : k + _GRAM])].add(group[i])
    return out


def _carried_elsewhere(story: Story, s: Sentence, me: int, grams: dict[tuple[str, ...], set[int]]) -> bool:
    """Whether another independent outlet's text holds most of this sentence word for word (a shared tweet,
    a statement both quote, wire copy that alignment did not pair)."""
    words = story.keyer.words(story.text(s))
    runs = [tuple(words[k : k + _GRAM]) for k in range(len(words) - _GRAM + 1)]
    if len(runs) < 3:
        return False
    elsewhere = sum(1 for r in runs if grams.get(r, set()) - {me})
    return elsewhere * 2 >= len(runs)


def exclusive_findings(
    story: Story,
    ind: Independence,
    settings: CompareSettings,
    groups: dict[tuple[str, str], list[AlignedClaim]],
    quotes: Sequence[AlignedQuote],
    matches: Sequence[QuoteMatch],
    shared: frozenset[int] = frozenset(),
) -> list[Finding]:
    """Claims and quotes only one independent outlet carries; ``shared``: sentence ids already in consensus."""
    if ind.count < 2:
        return []
    group = ind.group
    values: dict[tuple[float, str | None], set[int]] = defaultdict(set)
    for i, a in enumerate(story.articles):
        for c in a.claims:
            values[(float(c.value), normalize_unit(c.unit))].add(group[i])
    aligned_sources: dict[tuple[tuple[str, str], str | None], set[int]] = defaultdict(set)
    for key, members in groups.items():
        for m in members:
            if m.source_key is not None:
                aligned_sources[(key, m.source_key)].add(group[m.article])
    matched_quotes: set[tuple[int, int]] = set()
    for match in matches:
        if not ind.dependent(match.a.article, match.b.article):
            matched_quotes.add((match.a.article, match.a.quote.start))
            matched_quotes.add((match.b.article, match.b.quote.start))
    speakers: dict[str, set[int]] = defaultdict(set)
    for q in quotes:
        if q.speaker:
            speakers[q.speaker.casefold()].add(q.article)
    facts = figure_keys(story)
    measures: dict[tuple[str, str], set[int]] = defaultdict(set)  # (measure, unit) -> outlets with a figure
    aligned_by_claim = {(x.article, x.claim.start, x.claim.value): x for xs in groups.values() for x in xs}
    for key, members in groups.items():
        for m in members:
            measures[key].add(group[m.article])
    large: list[tuple[float, bool, int, str]] = sorted(  # (value, approximate, outlet, family) of figures
        (float(c.value), c.qualifier in _APPROXIMATE, group[i], _family(c))
        for i, a in enumerate(story.articles) for c in a.claims if float(c.value) >= _ROUNDED_MIN
    )
    seen_words = _word_grams(story, group)

    def same_large_figure(c: Claim, me: int) -> bool:
        """A large figure another outlet gives too, whatever noun it counts ("143 million consumers" /
        "143 million people"), or within rounding when either is approximate ("roughly 145 million";
        from 10 up: "more than 80 people rushed to hospital" / "84 people taken to hospital")."""
        v = float(c.value)
        approximate = c.qualifier in _APPROXIMATE
        if v < _ROUNDED_MIN:
            return False
        tolerance = 0.1 if approximate else 0.02 if v >= 1000 else 0.0
        lo, hi = bisect_left(large, (v * (1 - 0.1) - 1e-9,)), bisect_left(large, (v * (1 + 0.1) + 1e-9,))
        family = _family(c)
        for w, approx, g, fam in large[lo:hi]:
            if g == me or fam != family:
                continue
            if min(v, w) < 100 and not (approximate or approx):
                continue  # two exact small counts: only the same value is the same figure
            if abs(w - v) <= v * max(tolerance, 0.1 if approx else 0.0):
                return True
        return False

    def covered(cand: _Candidate) -> bool:
        s = cand.sentence
        me = group[s.article]
        if s.id in shared:
            return True
        if NO_CONTENT_RE.search(story.text(s)):
            return True  # a note that someone did not answer: not news
        if _carried_elsewhere(story, s, me, seen_words):
            return True
        for c in cand.claims:
            if values[(float(c.value), normalize_unit(c.unit))] - {me}:
                return True
            if same_large_figure(c, me):
                return True
            aligned = aligned_by_claim.get((s.article, c.start, c.value))
            if aligned is not None and aligned.source_key is None and aligned.unit == "person" and (
                measures[aligned.key] - {me}
            ):
                return True  # the toll everyone gives, at another moment: an update or conflict, not news
            aligned = aligned_by_claim.get((s.article, c.start, c.value))
            if aligned is not None and aligned.source_key is not None and (
                aligned_sources[(aligned.key, aligned.source_key)] - {me}
            ):
                return True
        if any((s.article, q.quote.start) in matched_quotes for q in cand.quotes):
            return True
        for score, other in story.neighbours(s, settings.sentence_similarity_floor, 2):
            if group[other.article] == me:
                continue
            if score >= settings.exclusive_similarity:
                return True
            if fact_terms(story, s, other, {}, settings.min_shared_keys, facts) is not None:
                return True
        return False

    outlets_of_name: dict[str, set[int]] = defaultdict(set)
    for i, spans in enumerate(story.mentions):
        for m in spans:
            outlets_of_name[m[2]].add(group[i])
    common_names = frozenset(n for n, gs in outlets_of_name.items() if len(gs) >= 2)
    per_article: dict[int, list[tuple[float, Finding, str | None]]] = defaultdict(list)
    # what each independent outlet names and counts anywhere in its text: an exclusive must hold
    # something no other outlet has, not restate the story's core fact in its own words
    names_of: dict[str, set[int]] = defaultdict(set)
    for i, spans in enumerate(story.mentions):
        for m in spans:
            names_of[m[2]].add(group[i])
    values_of: dict[float, set[int]] = defaultdict(set)
    for i, a in enumerate(story.articles):
        for c in a.claims:
            for v in (c.value, c.upper):
                if v is not None:
                    values_of[float(v)].add(group[i])
    quoted_spans = [[(q.start, q.end) for q in a.quotes] for a in story.articles]

    words_of: dict[str, set[int]] = defaultdict(set)  # distinctive words of names -> outlets naming them
    for name, gs in names_of.items():
        for w in _name_words(name):
            words_of[w] |= gs

    def novel(cand: _Candidate) -> bool:
        """A name or figure of the sentence that no other independent outlet gives anywhere (a name
        counts as given when another outlet names it in part: "Temple" for "Temple University")."""
        s = cand.sentence
        me = group[s.article]
        for m in story.mentions[s.article]:
            if s.start <= m[0] < s.end and names_of[m[2]] == {me}:
                if not any(words_of[w] - {me} for w in _name_words(m[2])):
                    return True
        return any(values_of[float(c.value)] == {me} for c in cand.claims)

    def commentary(s: Sentence) -> bool:
        """The writer speaking in the first person outside any quote ("I suspect", "reminds us"): opinion."""
        text = story.articles[s.article].text
        for m in _FIRST_PERSON_RE.finditer(text, s.start, s.end):
            if not any(a <= m.start() < b for a, b in quoted_spans[s.article]) and not _inside_marks(text, s, m.start()):
                return True
        return False

    for cand in _candidates(story, ind, quotes).values():
        s = cand.sentence
        if len(s.keys) < (3 if cand.claims else 4) or covered(cand):
            continue
        if not cand.quotes and (not novel(cand) or commentary(s)):
            continue  # a restatement of what others report, or the writer's own view
        me = group[s.article]
        outlet = story.outlets[s.article]
        text = story.text(s)
        # rare words say something no other sentence says; capped so that length does not win
        weight = min(sum(story.weight[k] for k in s.keys if story.df[k] <= 2) / 20.0, 1.0)
        position = story.sentences_of(s.article).index(s)
        weight += 2.0 if position == 0 else 1.0 if position < 3 else 0.0  # the lead carries the news
        extra: dict[str, object] = {}
        speaker: str | None = None
        summary = f"Only {outlet} reports: “{short(text)}”"
        if cand.quotes:
            q = max(cand.quotes, key=lambda q: len(q.words))
            speaker = q.speaker
            extra = {"quote": [q.quote.start, q.quote.end], "speaker": speaker, "quote_kind": q.quote.kind}
            assert speaker is not None
            others = [story.outlets[j] for j in sorted(speakers[speaker.casefold()]) if group[j] != me]
            summary = f"Only {outlet} reports {speaker}'s words: “{short(text)}”"
            if others:
                summary += f" ({speaker} is also quoted by {', '.join(dict.fromkeys(others))}, on other words)"
            weight += 2.0 if q.quote.kind == "direct" else 1.5
        if cand.claims:
            first = max(cand.claims, key=_claim_rank)
            extra.update(value=first.value, unit=first.unit, predicate=first.predicate, source=first.source)
            weight += _claim_rank(first) + (0.5 if first.source else 0.0)
        elif cand.event:
            # an event among several named actors ("Putin sent a letter to al-Sharaa") outranks background
            named = {m[2] for m in story.mentions[s.article] if s.start <= m[0] < s.end and m[3] in _NAMED_KINDS}
            weight += 0.5 + 0.5 * min(len(named), 4)
        if s.era and not any(m[2] in common_names for m in story.mentions[s.article] if s.start <= m[0] < s.end):
            weight -= 1.5  # a past event no other outlet's names tie to this story: background ("the 2016 attack")
        if weight < MIN_IMPORTANCE:
            continue
        basis = "claim" if cand.claims else "quote" if cand.quotes else "event"
        extra["terms"] = [story.term(k) for k in sorted(s.keys & s.predicates)]
        finding = Finding.make("exclusive", summary, [sentence_evidence(story, s, **extra)],
                               article=story.articles[s.article].id, outlet=outlet, basis=basis,
                               importance=round(weight, 2))
        # capped per independent outlet (its articles together): one outlet's three stories in a cluster
        # should not fill the report with its own exclusives
        per_article[group[s.article]].append((weight, finding, speaker.casefold() if speaker else None))
    findings: list[Finding] = []
    position = {a.id: n for n, a in enumerate(story.articles)}
    for i in sorted(per_article):
        ranked: list[tuple[float, Finding]] = []
        quoted: set[str] = set()
        for weight, finding, who in sorted(per_article[i], key=lambda t: (-t[0], t[1].evidence[0].start)):
            if who is not None:
                if who in quoted:
                    continue  # one quote per speaker and article: the rest say the same person spoke
                quoted.add(who)
            ranked.append((weight, finding))
            if len(ranked) == settings.max_exclusives_per_article:
                break
        findings.extend(f for _, f in sorted(ranked, key=lambda t: (position[t[1].evidence[0].article],
                                                                     t[1].evidence[0].start)))
    return findings
