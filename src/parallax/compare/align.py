"""Alignment: numeric claims across articles by measure, counted noun and source; quotes by speaker and words.

Claims. Two claims state the same kind of figure when they have the same *measure* (the
predicate class: "killed", "died" and "the death toll" are all ``death``), the same counted
noun in singular form ("people" = "persons" = "person"; "civilians" stays apart: a civilian
toll and a total toll are different figures) and the same source, compared through the
story's entity links ("CMG" = "the Coastal Monitoring Group"). A claim whose own source field
is empty or not a name takes the source named in its sentence when that source gives other
figures of the story. Figures that are not totals are left out: increments ("six more
deaths"), earlier figures cited for contrast ("up from 23"), durations, and claims whose
predicate says nothing countable.

Each claim is dated by its ``as_of`` date, unless that date is before the story's first
publication (then it is the date of the event, not of the figure) — else by the publication
date of its article.

Quotes. Two quotes are the same quote when their words overlap: ``verbatim``, ``trimmed``
(one is a contiguous part of the other) or ``altered`` (mostly the same words, some
changed; the differing words are kept). Indirect speech is a paraphrase by nature and is
never called altered. Speakers must agree when both are known.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from ..annotate.claims import PREDICATES, UNITS, normalize_unit, predicate_class
from ..annotate.gazetteer import name_key
from ..model import Claim, Quote
from .story import Sentence, Story
from .text import content_words

#: Measures a claim can be aligned on (predicate classes that count something definite).
ALIGNED_MEASURES = frozenset({"death", "injury", "detention", "displacement", "money", "military"})
_PERSON_UNITS = frozenset({"person", "people", "individual"})
_INCREMENT_RE = re.compile(r"\s+(?:more|additional|further|new|other|extra)\b", re.IGNORECASE)
_PRIOR_RE = re.compile(r"\b(?:up|down|rising|risen|rose|increased|fell|falling|revised)?\s*from\s+$", re.IGNORECASE)
#: A part of a larger figure, not a total: "another 40", "including 12 children", "four of whom".
_PART_BEFORE_RE = re.compile(
    r"\b(?:another|a\s+further|an\s+additional|including|includes|included|among\s+them|among\s+whom|"
    r"of\s+whom|of\s+them|of\s+those)\s+(?:(?:at\s+least|more\s+than|about|some|nearly|almost|over)\s+)?$",
    re.IGNORECASE,
)
_PART_AFTER_RE = re.compile(r"\s+(?:of\s+(?:whom|them|those|which|the)|among\s+(?:them|the))\b", re.IGNORECASE)
#: Words that make a figure count a narrower group: "eight people had serious injuries" is not the injury toll.
_SEVERITY_RE = re.compile(
    r"\b(?:serious(?:ly)?|critical(?:ly)?|severe(?:ly)?|life[-\s]threatening|minor|slight(?:ly)?|badly|gravely|"
    r"walking\s+wounded|moderate(?:ly)?|intensive\s+care)\b",
    re.IGNORECASE,
)
#: ... and words that make it a count at one moment of those still affected ("97 remain in hospital").
_REMAINING_RE = re.compile(r"\b(?:still|remain(?:s|ed|ing)?)\b", re.IGNORECASE)
_CLAUSE_END_RE = re.compile(r"[,;:.()]|\s(?:and|but|while|whereas)\s")  # "16 who were walking wounded" reads on
_JUNK_SOURCES = frozenset({"group", "it", "said it", "they", "officials", "sources", "authorities", "police said"})


@dataclass(frozen=True, slots=True)
class AlignedClaim:
    """A claim placed for alignment: which figure it is, whose, and for what date."""

    article: int
    claim: Claim
    measure: str
    unit: str
    source: str | None  # display name
    source_key: str | None
    date: str | None
    sentence: Sentence

    @property
    def key(self) -> tuple[str, str]:
        return (self.measure, self.unit)

    def interval(self) -> tuple[float, float]:
        """The values the claim allows, from its qualifier ("at least 41" allows 41 and above)."""
        v = float(self.claim.value)
        hi_v = float(self.claim.upper) if self.claim.upper is not None else v
        q = self.claim.qualifier
        if q in ("at least",):
            return v, float("inf")
        if q == "more than":
            return v + 1e-9, float("inf")
        if q == "about":
            return v * 0.9, hi_v * 1.1
        if q == "nearly":
            return v * 0.9, v
        if q in ("up to", "at most"):
            return 0.0, hi_v
        if q == "fewer than":
            return 0.0, v - 1e-9
        return v, hi_v


def _measure(story: Story, article: int, claim: Claim, sentence: Sentence) -> tuple[str, str] | None:
    text = story.articles[article].text
    cls = predicate_class(claim.predicate)
    value_start = claim.value_span.start if claim.value_span else claim.start
    value_end = claim.value_span.end if claim.value_span else claim.end
    unit_low = (claim.unit or "").lower()
    unit = normalize_unit(claim.unit)
    if unit_low in PREDICATES and PREDICATES[unit_low][2] == "noun":  # "1,500 deaths", "300 casualties"
        cls = cls if cls in ALIGNED_MEASURES else PREDICATES[unit_low][1]
        unit = "person"
    if cls not in ALIGNED_MEASURES:
        return None  # the claims stage gives the predicate; a figure without one counts nothing definite
    if sentence.era:
        return None  # a figure of a past event ("in 2004, seven people were killed"), not of this story
    if unit_low in UNITS and UNITS[unit_low][1] != "person" and cls not in ("money", "military"):
        return None  # "taken to two hospitals": a death or injury figure counts people
    before = text[max(sentence.start, value_start - 30) : value_start]
    if _INCREMENT_RE.match(text, value_end) or _PRIOR_RE.search(before) or _PART_BEFORE_RE.search(before):
        return None
    if _PART_AFTER_RE.match(text, value_end):
        return None  # "20 of those injured", "four of whom": a part, not a total
    clause_end = _CLAUSE_END_RE.search(text, value_end, sentence.end)
    end = clause_end.start() if clause_end else sentence.end
    if _REMAINING_RE.search(text, value_end, end):
        return None  # "two people remain trapped", "97 are still in hospital": not a toll
    if _SEVERITY_RE.search(text, value_end, end):
        cls = "serious " + cls  # counted apart: the seriously injured are not all the injured
    if unit is None:
        if cls in ("money",):
            return None
        unit = "person"
    if unit in _PERSON_UNITS:
        unit = "person"
    return cls, unit


def _claim_date(story: Story, article: int, claim: Claim, first: str | None) -> str | None:
    if claim.as_of and len(claim.as_of) == 10 and (first is None or claim.as_of >= first):
        return claim.as_of
    return story.day(article)


def align_claims(story: Story) -> dict[tuple[str, str], list[AlignedClaim]]:
    """Claims of the story grouped by ``(measure, unit)``; each has a resolved source and date."""
    days = [d for d in (story.day(i) for i in range(len(story))) if d]
    first = min(days) if days else None
    raw: list[tuple[int, Claim, tuple[str, str], Sentence, str | None, str | None]] = []
    established: dict[str, str] = {}  # source key -> display name, for sources that are entities
    for i, a in enumerate(story.articles):
        for c in a.claims:
            pos = c.value_span.start if c.value_span else c.start
            sentence = story.sentence_at(i, pos)
            m = _measure(story, i, c, sentence)
            if m is None:
                continue
            display = key = None
            if c.source:
                named = story.story_name(i, c.source)
                if named:
                    display, key = named, named.casefold()
                    established.setdefault(key, named)
            raw.append((i, c, m, sentence, display, key))
    out: dict[tuple[str, str], list[AlignedClaim]] = defaultdict(list)
    for i, c, m, sentence, display, key in raw:
        if key is None:
            display, key = _infer_source(story, i, c, sentence, established)
        out[m].append(AlignedClaim(i, c, m[0], m[1], display, key, _claim_date(story, i, c, first), sentence))
    return {m: _redate_citations(claims) for m, claims in out.items()}


def _redate_citations(claims: list[AlignedClaim]) -> list[AlignedClaim]:
    """A figure dated only by publication that its source gave earlier is a citation: give it the earlier date."""
    earliest: dict[tuple[str, float], str] = {}
    for c in claims:
        if c.source_key is not None and c.date is not None and c.claim.as_of == c.date:
            k = (c.source_key, float(c.claim.value))
            earliest[k] = min(earliest.get(k, c.date), c.date)
    for c in claims:
        if c.source_key is not None and c.date is not None and c.claim.as_of != c.date:
            k = (c.source_key, float(c.claim.value))
            earliest[k] = min(earliest.get(k, c.date), c.date)
    out = []
    for c in claims:
        if c.source_key is not None and c.date is not None and c.claim.as_of != c.date:
            when = earliest[(c.source_key, float(c.claim.value))]
            if when < c.date:
                c = replace(c, date=when)
        out.append(c)
    return out


def _infer_source(
    story: Story, article: int, claim: Claim, sentence: Sentence, established: dict[str, str]
) -> tuple[str | None, str | None]:
    if claim.source:
        phrase = name_key(claim.source)
        if phrase in established:
            return established[phrase], phrase
        if phrase not in _JUNK_SOURCES and len(phrase.split()) <= 4 and not re.search(r"\b(?:said|says|voted|included)\b", phrase):
            return claim.source, phrase
    return None, None


# ---- quotes ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AlignedQuote:
    """A quote placed for alignment: its speaker's story-level name and its words."""

    article: int
    quote: Quote
    speaker: str | None
    words: tuple[str, ...]
    sentence: Sentence

    @property
    def speaker_key(self) -> str | None:
        return self.speaker.casefold() if self.speaker else None


@dataclass(frozen=True, slots=True)
class QuoteMatch:
    """Two quotes that are the same words: ``verbatim``, ``trimmed`` or ``altered`` (with the changes)."""

    a: AlignedQuote
    b: AlignedQuote
    relation: str
    changes: tuple[tuple[str, str], ...] = ()  # (words in a, words in b)


def quote_speaker(story: Story, article: int, q: Quote) -> str | None:
    name = q.speaker
    if not name:
        return None
    return story.story_name(article, name) or name


def collect_quotes(story: Story) -> list[AlignedQuote]:
    """Every quote of the story, nested duplicates dropped (a partial quote inside an indirect one is kept once)."""
    out: list[AlignedQuote] = []
    for i, a in enumerate(story.articles):
        quotes = sorted(a.quotes, key=lambda q: (q.start, -(q.end - q.start)))
        for q in quotes:
            words = quote_words(story, a.text[q.start : q.end])
            if len(words) < 2:
                continue
            out.append(AlignedQuote(i, q, quote_speaker(story, i, q), words, story.sentence_at(i, q.start)))
    return out


def compare_words(
    a: Sequence[str], b: Sequence[str], key: Callable[[str], str | None] | None = None
) -> tuple[str, float, tuple[tuple[str, str], ...]]:
    """How two quotes' words relate: ``(relation, overlap, changes)``; relation ``none`` when they differ.

    Changes that alter no content word (see :func:`same_wording`; ``key`` gives a word's content key,
    None for a function word) do not make a quote ``altered``."""
    if list(a) == list(b):
        return "verbatim", 1.0, ()
    sm = SequenceMatcher(None, a, b, autojunk=False)
    blocks = [blk for blk in sm.get_matching_blocks() if blk.size >= 2]
    matched = sum(blk.size for blk in blocks)
    short = min(len(a), len(b))
    overlap = matched / short if short else 0.0
    if blocks and max(blk.size for blk in blocks) == short:
        return "trimmed", 1.0, ()
    changes: list[tuple[str, str]] = []
    lo = min((blk.a for blk in blocks), default=0), min((blk.b for blk in blocks), default=0)
    hi = max((blk.a + blk.size for blk in blocks), default=0), max((blk.b + blk.size for blk in blocks), default=0)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            continue
        # words only one side has outside the shared stretch are trimming, not alteration; words both
        # sides have there, different, are ("the entire territory" / "the whole mainland")
        leading = i2 <= lo[0] and j2 <= lo[1]
        outside = leading or i1 >= hi[0] and j1 >= hi[1]
        if outside and (i1 == i2 or j1 == j2 or _runs_on(a[i1:i2], b[j1:j2], leading)):
            continue
        if outside and not (key is not None and _has_content(" ".join(a[i1:i2]), key)
                            and _has_content(" ".join(b[j1:j2]), key)):
            continue
        changes.append((" ".join(a[i1:i2]), " ".join(b[j1:j2])))
    if overlap < 0.6:
        return "none", overlap, ()
    substantive = [(x, y) for x, y in changes if not same_wording(x, y, key)]
    if changes and not substantive:  # spelling, spacing or punctuation only: the same words
        return ("verbatim" if len(a) == len(b) and overlap >= 0.8 else "trimmed"), overlap, ()
    if not changes:  # overlapping windows of one passage
        return ("trimmed" if overlap >= 0.8 else "none"), overlap, ()
    replaced = [(x, y) for x, y in substantive if _has_content(x, key) and _has_content(y, key)]
    if len(substantive) > MAX_ALTERATIONS or len(replaced) > MAX_REPLACEMENTS:
        return "none", overlap, ()  # reworded throughout: another translation or a paraphrase, not an edit
    return "altered", overlap, tuple(substantive)


#: Changed stretches beyond which two wordings of a quote are two renderings, not one quote altered ...
MAX_ALTERATIONS = 3
#: ... and stretches where content words were replaced by others (words left out are counted above only).
MAX_REPLACEMENTS = 1


def _runs_on(x: Sequence[str], y: Sequence[str], leading: bool) -> bool:
    """Whether one of two edge stretches is the other cut shorter (a quote that stops, or starts, earlier)."""
    tx, ty = _wording_tokens(" ".join(x)), _wording_tokens(" ".join(y))
    short, long_ = (tx, ty) if len(tx) <= len(ty) else (ty, tx)
    return long_[len(long_) - len(short):] == short if leading else long_[: len(short)] == short


def _has_content(words: str, key: Callable[[str], str | None] | None) -> bool:
    tokens = _wording_tokens(words, spell=False)
    return any(key(t) for t in tokens) if key is not None else bool(tokens)


_NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
    "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20", "hundred": "100",
    "thousand": "1000", "okay": "ok",
}  # fmt: skip
_CONTRACTIONS = (
    (re.compile(r"\bcan't\b"), "cannot"), (re.compile(r"\bwon't\b"), "will not"),
    (re.compile(r"n't\b"), " not"), (re.compile(r"'re\b"), " are"), (re.compile(r"'ll\b"), " will"),
    (re.compile(r"'ve\b"), " have"), (re.compile(r"'m\b"), " am"), (re.compile(r"'d\b"), " would"),
)  # fmt: skip
#: British and American spellings of one word ("travelling"/"traveling", "colour"/"color",
#: "organise"/"organize", "centre"/"center", "paediatric"/"pediatric"), brought to one form.
_SPELLING = (
    (re.compile(r"(?<=[a-z]{2})our(?=s?$|ed$|ing$|ful|able)"), "or"),
    (re.compile(r"(?<=[a-z]{2})is(?=e$|es$|ed$|ing$|ation)"), "iz"),
    (re.compile(r"(?<=[a-z]{2})ys(?=e$|es$|ed$|ing$)"), "yz"),
    (re.compile(r"(?<=[a-z]{3})re(?=s?$)"), "er"),
    (re.compile(r"(?<=[a-z])ll(?=ed$|ing$|er$|ers$)"), "l"),
    (re.compile(r"(?<=[a-z])ogue(?=s?$)"), "og"),
    (re.compile(r"(?<=[a-z])ae(?=[a-z]{3})"), "e"),
    (re.compile(r"(?<=[a-z])oe(?=[a-z]{3})"), "e"),
    (re.compile(r"(?<=[a-z]{3})in$"), "ing"),  # "askin'" / "asking"
)  # fmt: skip


def _wording_tokens(words: str, spell: bool = True) -> list[str]:
    text = words.lower().replace("’", "'").replace("&", " and ")
    for pattern, repl in _CONTRACTIONS:
        text = pattern.sub(repl, text)
    out = []
    for token in re.findall(r"[a-z0-9]+", text):
        token = _NUMBER_WORDS.get(token, token)
        if spell:
            for pattern, repl in _SPELLING:
                token = pattern.sub(repl, token)
        out.append(token)
    return out


def same_wording(a: str, b: str, key: Callable[[str], str | None] | None = None) -> bool:
    """Whether two stretches of a quote say the same words to a reader, so that the quote is not altered.

    They do when they differ only in spelling, spacing, punctuation or how a number, contraction or
    handle is written ("traveling"/"travelling", "First Group"/"FirstGroup", "on to"/"onto", "seven"/
    "7", "don't"/"do not", "@michaelsheen &"/"Michael Sheen and"), when one side is an editor's
    bracketed insertion ("Michael"/"[Madsen]"), and — given ``key``, a word's content key (a stem,
    None for a function word) — when no content word changes: an article, a tense or a plural
    ("the"/"a", "is"/"was", "regret"/"regrets", "two to three"/"two or three").
    """
    if BRACKETED in a.split() or BRACKETED in b.split():
        return True
    ta, tb = _wording_tokens(a), _wording_tokens(b)
    if "".join(ta) == "".join(tb):
        return True
    if key is None:
        return False
    raw_a, raw_b = _wording_tokens(a, spell=False), _wording_tokens(b, spell=False)
    if "".join(t for t in raw_a if key(t)) == "".join(t for t in raw_b if key(t)):
        return True  # "@michaelsheen &" / "Michael Sheen and"
    return [k for k in map(key, ta) if k] == [k for k in map(key, tb) if k]


#: The word a bracketed editorial insertion stands for in a quote's words ("I love [Madsen]").
BRACKETED = "[…]"
_BRACKETS_RE = re.compile(r"\[[^\[\]]{1,60}\]")


_ELLIPSIS_RE = re.compile(r"\s*(?:…|\.\s?\.\s?\.)\s*")


def quote_words(story: Story, text: str) -> tuple[str, ...]:
    """A quote's lower-case words, each editor's bracketed insertion or ellipsis (words left out) as one
    :data:`BRACKETED` word."""
    text = _ELLIPSIS_RE.sub(" [...] ", text)
    out: list[str] = []
    pos = 0
    for m in _BRACKETS_RE.finditer(text):
        out.extend(story.keyer.words(text[pos : m.start()]))
        out.append(BRACKETED)
        pos = m.end()
    out.extend(story.keyer.words(text[pos:]))
    return tuple(w.strip("'") or w for w in out)  # "christmas'" closing an inner quote is "christmas"


def align_quotes(story: Story, quotes: Sequence[AlignedQuote]) -> list[QuoteMatch]:
    """Pairs of quotes in different outlets that are the same words (candidates share rare content words).

    Quotes with identical words are compared once: each is linked to one quote of another outlet
    (a star, not every pair), and distinct wordings are compared by one representative each, so a
    story where many outlets carry one quote stays linear in the number of quotes.
    """
    outlets = story.outlets
    speaker = [q.speaker_key for q in quotes]

    def compatible(i: int, j: int) -> bool:
        return outlets[quotes[i].article] != outlets[quotes[j].article] and not (
            speaker[i] and speaker[j] and speaker[i] != speaker[j])

    same: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for idx, q in enumerate(quotes):
        same[q.words].append(idx)
    matches: list[QuoteMatch] = []
    for words, members in same.items():
        if len(set(content_words(words))) < 2:
            continue
        r0 = members[0]
        r1 = next((m for m in members if compatible(r0, m)), None)
        for m in members[1:]:
            hub = r0 if compatible(r0, m) else r1
            if hub is not None and hub != m and compatible(hub, m):
                matches.append(QuoteMatch(quotes[hub], quotes[m], "verbatim"))
    reps = [members for members in same.values()]
    postings: dict[str, list[int]] = defaultdict(list)
    content = [frozenset(content_words(quotes[g[0]].words)) for g in reps]
    for gi, group_words in enumerate(content):
        for w in group_words:
            postings[w].append(gi)
    seen: set[tuple[int, int]] = set()
    for gi, group in enumerate(reps):
        probe = sorted(content[gi], key=lambda w: (len(postings[w]), w))[:4]
        for w in probe:
            for gj in postings[w]:
                if gj <= gi or (gi, gj) in seen:
                    continue
                seen.add((gi, gj))
                if len(content[gi] & content[gj]) < 2:
                    continue
                pair = next(((i, j) for i in group for j in reps[gj] if compatible(i, j)), None)
                if pair is None:
                    continue
                q, other = quotes[pair[0]], quotes[pair[1]]
                relation, overlap, changes = compare_words(q.words, other.words, story.keyer.word_key)
                if relation == "none":
                    continue
                if relation == "altered" and (q.quote.kind == "indirect" or other.quote.kind == "indirect"):
                    continue  # reported speech is reworded by nature
                if relation == "trimmed" and min(len(q.words), len(other.words)) < 3:
                    continue
                if not (q.speaker_key and other.speaker_key) and overlap < 0.8:
                    continue
                matches.append(QuoteMatch(q, other, relation, changes))
    return matches
