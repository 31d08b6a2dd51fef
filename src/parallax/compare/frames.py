"""Frames: a claim one outlet frames (hedges, distances itself from, or words with a loaded term)
and another independent outlet states plainly.

The ``frames`` annotation marks each cue ("reportedly", "so-called", "what state media
described as", "massacre"). A cue alone says little: a hedge on a claim nobody else makes is
the outlet being careful, not a difference between outlets. A frame finding therefore needs a
*counterpart*: a sentence of another independent outlet that states the same claim without
any hedge or distancing (and, for a loaded word, without a loaded word). Same claim means:

* **hedges** ("reportedly", "is said to", "allegedly", "it is believed"): the counterpart
  shares the words the hedge governs (its *focus*: "reportedly *held far more ammonium
  nitrate*"), among them a verb or event word, and at least three content keys of the
  clause that carries the hedge; a named entity or figure of that clause, when it has one;
  and the clause and the counterpart are similar (weighted cosine of their keys);
* **term distancing** ("so-called X", "the alleged X", "self-styled X") and **attributed
  descriptions** ("what state media described as X"): the counterpart uses the term X itself
  (its head word, its entity, and most of its words) about the same actors;
* **loaded words**: the two sentences state the same fact (``consensus.fact_terms``) or are
  strictly similar (cosine >= ``sentence_similarity``, a shared verb or event word, three
  shared keys), and the counterpart's outlet never uses that loaded word.

Uses are grouped per claim: inflections of one cue are one entry ("terrorist"/"terrorists",
"massacre"/"massacred"), several cues of one kind in one sentence are one finding, and uses
in several outlets that frame the same claim (matched to each other, or to the same
counterpart) are one finding listing every cue.

Never a finding: distancing with a pronoun subject ("they described as": the speaker's own
wording), cues inside quotes or reported speech (marked "(in quote)" by the annotation),
cues in articles that copy another (their cues are their original's).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..annotate.frames import cue_label
from ..model import Frame
from .consensus import fact_terms, figure_keys, sentence_evidence, short
from .independence import Independence
from .model import Evidence, Finding
from .settings import CompareSettings
from .story import Sentence, Story

_PRONOUN_RE = re.compile(r"(?:they|it|he|she|we|i)\b", re.IGNORECASE)
_IMPERSONAL_RE = re.compile(r"^(?:it\s+)?(?:is|are|was|were)\s+(\w+)(?:\s+to)?$")
#: Words that make a would-be counterpart itself hedged or distanced: it is no plain statement.
_HEDGED = re.compile(
    r"\b(?:reportedly|allegedly|alleged|allegations?|apparently|apparent|purportedly|purported|purporting|"
    r"supposedly|ostensibly|rumou?r\w*|unconfirmed|unverified|believed?|believes|suspect\w*|suspicio\w*|accus\w*|"
    r"claim(?:s|ed|ing)?\s+to|it\s+is\s+(?:thought|understood|alleged|claimed|said)|"
    r"(?:is|are|was|were|be|been)\s+(?:thought|understood|expected)\s+to|deni(?:ed|es)|deny\w*|disput\w*|"
    r"reject\w*|(?:unidentified|unnamed|anonymous)\s+(?:\w+\s+)?(?:officials?|sources?|people|persons?)|"
    r"legend\w*|reports?\s+(?:say|said|says|suggest\w*|that)|following\s+(?:\w+\s+)?reports|"
    r"according\s+to\s+(?:\w+\s+){0,2}reports|media\s+reports?|so-called|self-proclaimed|self-styled|"
    r"(?:is|are|was|were)\s+said\s+to|may\s+have|might|possibly|probably|seem(?:s|ed)?\s+to|"
    r"appear(?:s|ed)?\s+to|unclear|unknown|not\s+(?:known|clear)|what\s+(?:\w+\s+){0,3}(?:called|described)|"
    r"(?:declined|refused|would\s+not|wouldn't|did\s+not|didn't|has\s+not|hasn't|have\s+not|could\s+not|"
    r"couldn't)\s+(?:to\s+)?(?:say|said|confirm\w*|comment\w*|disclose\w*|reveal\w*))\b",
    re.IGNORECASE,
)
_CLAUSE_SPLIT = re.compile(r"[,;:()\u2014\u2013]|\s-\s|\band\s+(?=(?:is|are|was|were|has|have|had)\b)")
_WORD_RE = re.compile(r"[\w'’-]+")
#: Hedges that attribute a claim to unnamed reports or belief: the claim is what follows ("... said that").
_REPORT_CUES = frozenset(["unconfirmed reports", "reports suggest", "according to unverified",
                          "according to unconfirmed", "it is believed"])
#: A word after a hedge that begins a noun phrase, not a verb phrase ("a purportedly *independent* body").
_ADJECTIVE_END = re.compile(r"^[a-z][a-z-]*(?:ent|ant|ive|al|ous|ic|ful|less|able|ible|ary|ory)$")
_THAT = re.compile(r"\b(?:that|whether)\b", re.IGNORECASE)
_OF = re.compile(r"\s(?:of|in|on|at|for|from|by|with|to|that|which|who|whom|where|when|as)\s", re.IGNORECASE)
_PRONOUNS = frozenset(["he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "who", "whose",
                       "the", "a", "an", "this", "these", "those"])
_FUNCTION = frozenset(
    ["of", "in", "on", "at", "for", "from", "by", "with", "to", "and", "or", "that", "which", "who", "whom",
     "where", "when", "as", "than", "but", "after", "before", "during", "while", "since", "into", "over"]
)  # fmt: skip
#: The minimum weighted cosine between the clause a hedge sits in and its counterpart.
HEDGE_SIMILARITY = 0.2
#: Verbs too common to show that two sentences tell the same event ("including", "called", "made").
_GENERIC_VERBS = frozenset(
    "w:" + w for w in ["includ", "make", "made", "take", "give", "get", "go", "come", "put", "use", "becom", "remain",
                       "begin", "continu", "add", "follow", "help", "want", "need", "mean", "set", "see", "look",
                       "find", "turn", "call", "ask", "tri", "work", "leav", "happen", "say", "tell", "show"]
)  # fmt: skip
#: Loaded words that name the event itself rather than an actor.
_EVENT_WORDS = frozenset(["massacre", "slaughter", "atrocity", "genocide"])
#: A clause this similar to its counterpart states the same event whatever verbs the two use.
STRONG_SIMILARITY = 0.45
_NEGATION = re.compile(r"\s*(?:\b(?:not|no|never|none|neither|nor|without)\b|n't\b)", re.IGNORECASE)
#: Counterparts that relay another outlet's report ("..., reports BBC News", "South Korean media report").
_RELAYED = re.compile(
    r"\breport(?:s|ed)?\s+(?:by\s+)?(?:the\s+)?[A-Z]|\baccording\s+to\s+(?:the\s+)?(?:[A-Z][\w.&'’-]*\s+){1,4}"
    r"(?:News|Times|Post|Journal|Herald|Daily|Media|Agency|TV|Television|Radio)\b|"
    r"\b(?:[Mm]edia|[Nn]ewspapers?|[Aa]gency|News|TV|[Oo]utlets?)\s+report(?:s|ed)?\b|"
    r"\b(?:[Nn]ewspaper|[Bb]roadcaster|[Tt]abloid|[Mm]agazine)\b[^.]{0,80}\b(?:said|says|reported|reports)\b"
)
#: Keys found in more sentences than this are not used to find counterparts (they say too little).
_MAX_POSTINGS = 200
#: Counterpart outlets shown per finding.
MAX_UNFRAMED = 3
#: Hedged claims no other outlet makes, reported per article (the earliest): a hedge on the story's own
#: actors ("the Alawite minority is reportedly leading an uprising") says how the outlet holds its claim.
MAX_UNCORROBORATED = 1
_KIND_WORDS = {"hedge": "hedge", "distancing": "distancing phrase", "loaded": "loaded word"}


def frame_key(frame: Frame, text: str) -> str:
    """The lexicon entry a cue belongs to, so that one cue written two ways is one cue: "it is believed",
    "is believed to" and "were believed to" are all "is believed"; "terrorists" is "terrorist"."""
    cue = " ".join((frame.cue or text).split(":", 1)[0].lower().split()).replace(" (in quote)", "")
    impersonal = _IMPERSONAL_RE.match(cue)
    if impersonal:
        return f"is {impersonal.group(1)}"
    return cue_label(cue) if frame.kind == "loaded" else cue


@dataclass(slots=True)
class _Use:
    """One cue in an outlet's own voice, with the keys of the claim it frames."""

    article: int
    frame: Frame
    kind: str
    key: str
    sentence: Sentence
    scope: frozenset[str]  # keys of the clause carrying the cue (sentence start to the clause end)
    focus: frozenset[str]  # keys of the words the cue governs (hedges) or names (terms)
    head: str | None = None  # for a term: the key that must appear in the counterpart
    modifier: str | None = None  # for a term: the word right before its head ("*terror* attack"), if any
    event: bool = False  # a loaded word that names the event itself ("massacre"): matched on its clause
    counterparts: list[tuple[float, Sentence]] = field(default_factory=list)


def frame_findings(story: Story, ind: Independence, settings: CompareSettings) -> list[Finding]:
    """Claims framed by some independent outlets and stated plainly by another."""
    if ind.count < 2:
        return []
    facts = figure_keys(story)
    uses: list[_Use] = []
    loaded_users: dict[str, set[int]] = defaultdict(set)
    for i, a in enumerate(story.articles):
        if i in ind.copies:
            continue  # a copy's cues are its original's
        for f in a.frames:
            if f.kind == "loaded":
                loaded_users[frame_key(f, a.text[f.start : f.end])].add(ind.group[i])
            if (f.cue or "").endswith("(in quote)"):
                continue  # quoted or reported speech: the speaker's wording
            if f.kind == "distancing" and _PRONOUN_RE.match(a.text, f.start):
                continue  # "they described as", "it called": the speaker's own words, not the outlet's distance
            use = _make_use(story, i, f)
            if use is not None:
                uses.append(use)
    if not uses:
        return []
    flagged: dict[int, set[str]] = defaultdict(set)  # sentence id -> kinds of frames in it
    for i, a in enumerate(story.articles):
        for f in a.frames:
            flagged[story.sentence_at(i, f.start).id].add(f.kind)
    for use in uses:
        use.counterparts = _counterparts(story, ind, settings, use, facts, flagged, loaded_users)
    return _findings(story, ind, settings, uses, facts)


# ---- the claim a cue frames --------------------------------------------------------------------------
def _clause(text: str, s: Sentence, start: int, end: int) -> tuple[int, int]:
    """The clause around ``[start, end)`` inside sentence ``s``: between the nearest clause breaks."""
    lo, hi = s.start, s.end
    for m in _CLAUSE_SPLIT.finditer(text, s.start, s.end):
        if m.end() <= start:
            lo = m.end()
        elif m.start() >= end:
            hi = m.start()
            break
    return lo, hi


def _keys(story: Story, i: int, start: int, end: int) -> frozenset[str]:
    """Content keys of ``[start, end)`` in article ``i``, leaving out the words of its frame cues."""
    a = story.articles[i]
    ents = [m for m in story.mentions[i] if m[0] >= start and m[1] <= end]
    numbers = [c.value for c in a.claims if c.value_span and start <= c.value_span.start < end]
    cues = [(f.start, f.end) for f in a.frames if start <= f.start < end]
    return story.keyer.keys(a.text, start, end, ents, numbers, cues)


def _term_end(story: Story, i: int, s: Sentence, start: int) -> int:
    """The end of the noun phrase starting at ``start`` ("the alleged *assault* in his hotel room", "the
    so-called *Coastal Monitoring Group*, a ..."): up to punctuation, a function word, a pronoun, a verb
    of the sentence, or five words."""
    text = story.articles[i].text
    first = _WORD_RE.search(text, start, s.end)
    if first is not None and not re.search(r"[^\s\"“‘']", text[start : first.start()]):
        for ms, me, _name, _kind in story.mentions[i]:
            if ms == first.start():
                return me  # a name: "the so-called *Harbour Watch Council* put ..."
    end, n = start, 0
    for m in _WORD_RE.finditer(text, start, s.end):
        word = m.group(0)
        gap = text[end : m.start()]
        if n and (re.search(r"[^\s\w'’\"“”‘-]", gap) or word.lower() in _FUNCTION or word.lower() in _PRONOUNS
                  or n >= 5 or (story.keyer.word_key(word) in s.predicates and not word[:1].isupper())):
            break
        if n == 0 and re.search(r"[^\s\"“‘']", gap):
            break
        end, n = m.end(), n + 1
    return end


def _make_use(story: Story, i: int, f: Frame) -> _Use | None:
    text = story.articles[i].text
    s = story.sentence_at(i, f.start)
    key = frame_key(f, text[f.start : f.end])
    lo, hi = _clause(text, s, f.start, f.end)
    if f.kind == "loaded":
        if key in _EVENT_WORDS:
            # "the massacre at a music festival in Las Vegas": the event the word names, told neutrally
            return _Use(i, f, "loaded", key, s, _keys(story, i, lo, hi), frozenset(), event=True)
        return _Use(i, f, "loaded", key, s, s.keys, frozenset())
    cue = f.cue or ""
    scope = _keys(story, i, s.start, hi)
    if cue.startswith("described as:"):
        # the described term follows the attribution: "... described as loyalists of Assad"
        t_start = f.end
        t_end = min(s.end, f.end + 8 + len(cue.split(":", 1)[1]))
        term = _keys(story, i, t_start, t_end)
        cut = _OF.search(text, t_start, t_end)  # "loyalists of former President Assad": about loyalists
        h_end = cut.start() if cut else t_end
        return _Use(i, f, f.kind, key, s, scope, term, _head(story, i, t_start, h_end),
                    _modifier(story, i, t_start, h_end))
    if f.kind == "distancing" and key in ("so-called", "self-proclaimed", "self-styled"):
        t_end = _term_end(story, i, s, f.end)
        term = _keys(story, i, f.end, t_end)
        if not term:
            return None
        return _Use(i, f, f.kind, key, s, scope, term, _head(story, i, f.end, t_end), _modifier(story, i, f.end, t_end))
    if key == "alleged":
        # "the alleged assault in his hotel room": a hedged description, matched like a hedge on it
        t_end = _term_end(story, i, s, f.end)
        return _Use(i, f, f.kind, key, s, scope, _keys(story, i, f.end, t_end))
    if cue_label(cue) in _REPORT_CUES:
        # "unconfirmed reports circulating in X said that <claim>": the claim follows "that"
        that = _THAT.search(text, f.end, hi)
        start = that.end() if that else f.end
        claim = _keys(story, i, start, hi)
        return _Use(i, f, f.kind, key, s, claim, claim)
    # a hedge governs what follows it in its clause ("reportedly held far more ammonium nitrate ..."),
    # only the noun phrase when it qualifies one ("a purportedly independent organisation that ..."); a
    # hedge that ends its clause ("..., apparently.") governs the clause before it
    nxt = _WORD_RE.search(text, f.end, hi)
    if nxt is not None and (nxt.group(0).lower() in ("a", "an", "the") or _ADJECTIVE_END.search(nxt.group(0))):
        hi = min(hi, _term_end(story, i, s, nxt.start()))
    focus = _keys(story, i, f.end, hi) or _keys(story, i, lo, f.start)
    return _Use(i, f, f.kind, key, s, scope, focus)


def _head(story: Story, i: int, start: int, end: int) -> str | None:
    """The key a term is about: its last word ("alleged Boko Haram *leader*"), or the entity that word
    ends ("so-called Coastal Monitoring *Group*")."""
    last = None
    for m in _WORD_RE.finditer(story.articles[i].text, start, end):
        k = story.keyer.word_key(m.group(0))
        if k is not None:
            last = (m.start(), k)
    if last is None:
        return None
    for ms, me, name, _kind in story.mentions[i]:
        if ms <= last[0] < me:
            return "e:" + name.casefold()
    return last[1]


def _modifier(story: Story, i: int, start: int, end: int) -> str | None:
    """The key of the word right before a term's last word ("a *terror* attack"), unless the term ends in a name."""
    words = [m for m in _WORD_RE.finditer(story.articles[i].text, start, end)]
    if len(words) < 2 or any(ms <= words[-1].start() < me for ms, me, _n, _k in story.mentions[i]):
        return None
    return story.keyer.word_key(words[-2].group(0))


def _phrase(story: Story, other: Sentence, first: str, second: str) -> bool:
    """``first`` is the key of the word right before a word of key ``second`` in ``other``."""
    prev = None
    for m in _WORD_RE.finditer(story.articles[other.article].text, other.start, other.end):
        k = story.keyer.word_key(m.group(0))
        if k == second and prev == first:
            return True
        prev = k
    return False


# ---- counterparts -----------------------------------------------------------------------------------
def _cosine(story: Story, keys: frozenset[str], other: Sentence) -> float:
    shared = keys & other.keys
    if not shared:
        return 0.0
    w = story.weight
    norm = math.sqrt(sum(w.get(k, 0.0) ** 2 for k in keys)) or 1.0
    return sum(w[k] ** 2 for k in shared) / (norm * story.norm[other.id])


def _anchors(keys: frozenset[str]) -> frozenset[str]:
    return frozenset(k for k in keys if k[0] in "en")


def _counterparts(
    story: Story,
    ind: Independence,
    settings: CompareSettings,
    use: _Use,
    facts: dict[int, frozenset[str]],
    flagged: dict[int, set[str]],
    loaded_users: dict[str, set[int]],
) -> list[tuple[float, Sentence]]:
    """Sentences of other independent outlets that state the claim of ``use`` plainly, best first."""
    me = ind.group[use.article]
    s = use.sentence
    out = []
    for score, other in _candidates(story, use):
        if ind.group[other.article] == me or other.article in ind.copies:
            continue
        kinds = flagged.get(other.id, set())
        if "hedge" in kinds or "distancing" in kinds:
            continue
        if _HEDGED.search(story.text(other)) or _RELAYED.search(story.text(other)):
            continue
        if use.kind == "loaded":
            if "loaded" in kinds or ind.group[other.article] in loaded_users.get(use.key, ()):
                continue
            if use.event:
                if _states_event(story, settings, use, other):
                    out.append((_cosine(story, use.scope, other), other))
            elif _states_fact(story, settings, s, other, score, facts):
                out.append((score, other))
        elif use.head is not None:
            if _uses_term(story, use, other):
                out.append((score, other))
        elif _states_hedged_claim(story, use, other):
            out.append((_cosine(story, use.scope, other), other))
    out.sort(key=lambda t: (-t[0], t[1].id))
    return out


def _candidates(story: Story, use: _Use) -> list[tuple[float, Sentence]]:
    """Sentences that may state the claim: the sentence's neighbours, and the sentences holding the rarest
    keys of the cue's focus (a described term may be a small part of a long sentence)."""
    found = {o.id: (score, o) for score, o in story.neighbours(use.sentence, 0.05, 2)}
    keys = sorted((k for k in use.focus if 0 < story.df.get(k, 0) <= _MAX_POSTINGS), key=lambda k: (story.df[k], k))
    for k in keys[:4]:
        for j in story.postings[k]:
            if j not in found and j != use.sentence.id:
                other = story.sentences[j]
                found[j] = (story.similarity(use.sentence, other)[0], other)
    return sorted(found.values(), key=lambda t: (-t[0], t[1].id))


def _states_fact(story: Story, settings: CompareSettings, s: Sentence, other: Sentence, score: float,
                 facts: dict[int, frozenset[str]]) -> bool:
    if score < settings.sentence_similarity:
        return False
    if fact_terms(story, s, other, {}, settings.min_shared_keys, facts) is not None:
        return True
    shared = s.keys & other.keys
    return len(shared) >= 3 and bool(shared & s.predicates & other.predicates) and bool(_anchors(shared))


def _states_event(story: Story, settings: CompareSettings, use: _Use, other: Sentence) -> bool:
    """The counterpart tells the event a loaded word names ("the massacre at a music festival in Las
    Vegas") in neutral words: three keys of the word's clause, among them its actor, place or figure."""
    shared = use.scope & other.keys
    if len(shared) < 3 or not _anchors(shared):
        return False
    return _cosine(story, use.scope, other) >= settings.sentence_similarity and _agrees(story, use, other)


def _uses_term(story: Story, use: _Use, other: Sentence) -> bool:
    """The counterpart names the term itself: its head (after the same word: "terror attack", not
    "attacker ... terrorism"), two of its words, its entities; and the same actors."""
    if use.head not in other.keys:
        return False
    if use.modifier is not None and use.head is not None and not _phrase(story, other, use.modifier, use.head):
        return False
    shared = use.focus & other.keys
    if len(shared) < min(2, len(use.focus)):
        return False
    entities = frozenset(k for k in use.focus if k[0] == "e")
    if entities and not entities & other.keys:
        return False  # "loyalists of Assad": the same Assad
    if use.head[0] == "e" or entities:
        return True
    # a common noun ("the alleged swap"): the two sentences must also share an actor or a figure
    return bool(_anchors(use.sentence.keys) & other.keys) or not _anchors(use.sentence.keys)


def _states_hedged_claim(story: Story, use: _Use, other: Sentence) -> bool:
    """The counterpart states what the hedge governs (see the module docstring)."""
    focus = use.focus & other.keys
    score = _cosine(story, use.scope, other)
    if score < HEDGE_SIMILARITY or len(use.scope & other.keys) < 3:
        return False
    verbs = (use.focus & use.sentence.predicates) - _GENERIC_VERBS
    if verbs:
        # "reportedly *transferred* 600 tons": the counterpart says the same happened (or is nearly the
        # same sentence: "fired a missile over Hokkaido" / "the projectile flew over Hokkaido")
        if len(focus) < 2 or (not verbs & other.keys and score < STRONG_SIMILARITY):
            return False
    else:
        # a hedged description ("a purportedly independent organisation"): the counterpart gives it
        # (two of its words) to the same actor, named outside the description
        if len(focus) < 2 or (score < STRONG_SIMILARITY and not _anchors(use.scope - use.focus) & other.keys):
            return False
    anchors = _anchors(use.scope)
    if anchors and not anchors & other.keys:
        return False
    text = story.articles[use.article].text
    lo, _hi = _clause(text, use.sentence, use.frame.start, use.frame.end)
    if not _anchors(_keys(story, use.article, lo, use.frame.start)) <= other.keys:
        return False  # "Russian ships have allegedly transferred oil" / "Chinese ships transferred oil"
    return _agrees(story, use, other)


def _agrees(story: Story, use: _Use, other: Sentence) -> bool:
    """No figure, date or negation that tells the two apart."""
    mine = frozenset(k for k in use.scope if k[0] == "n")
    theirs = frozenset(k for k in other.keys if k[0] == "n")
    if mine and theirs and not mine & theirs:
        return False  # "ten safety alerts" / "112 accidents"
    days = _days(story, use.sentence), _days(story, other)
    if days[0] and days[1] and not days[0] & days[1]:
        return False  # the council meets on Friday / on Tuesday: two meetings
    for mine_days, art in ((days[0], other.article), (days[1], use.article)):
        published = story.day(art)
        if mine_days and published and published < min(mine_days):
            return False  # published before the day the claim is about: an earlier event
    # "had apparently not requested the emails": a negated claim needs a negated counterpart
    text = story.articles[use.article].text
    negated = _NEGATION.match(text, use.frame.end) or _NEGATION.search(text, max(use.sentence.start, use.frame.start - 12),
                                                                       use.frame.start)
    return not negated or bool(_NEGATION.search(story.text(other)))


def _days(story: Story, s: Sentence) -> frozenset[str]:
    a = story.articles[s.article]
    return frozenset(d.value for d in a.dates if d.value and len(d.value) == 10 and s.start <= d.start < s.end)


# ---- grouping per claim ---------------------------------------------------------------------------------
def _findings(story: Story, ind: Independence, settings: CompareSettings, uses: list[_Use],
              facts: dict[int, frozenset[str]]) -> list[Finding]:
    parent = list(range(len(uses)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x: int, y: int) -> None:
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)

    by_sentence: dict[tuple[int, str], int] = {}
    by_counterpart: dict[tuple[int, str], int] = {}
    for n, u in enumerate(uses):
        first = by_sentence.setdefault((u.sentence.id, u.kind), n)
        union(first, n)  # several cues of one kind in one sentence: one finding
        for _score, c in u.counterparts[:1]:
            union(by_counterpart.setdefault((c.id, u.kind), n), n)  # the same plain statement: the same claim
    for a in range(len(uses)):
        for b in range(a + 1, len(uses)):
            ua, ub = uses[a], uses[b]
            if ua.kind != ub.kind or find(a) == find(b) or ind.group[ua.article] == ind.group[ub.article]:
                continue
            if ua.kind == "loaded" and ua.key != ub.key:
                continue
            if _same_claim(story, settings, ua, ub, facts):
                union(a, b)  # two outlets framing one claim ("is believed to" / "it is believed")
    groups: dict[int, list[_Use]] = defaultdict(list)
    for n, u in enumerate(uses):
        groups[find(n)].append(u)
    findings = []
    alone: list[list[_Use]] = []
    for members in groups.values():
        framed_groups = {ind.group[u.article] for u in members}
        plain: dict[int, tuple[float, Sentence, _Use]] = {}  # outlet group -> best counterpart, and whose
        for u in members:
            for score, c in u.counterparts:
                g = ind.group[c.article]
                if g in framed_groups:
                    continue
                if g not in plain or score > plain[g][0]:
                    plain[g] = (score, c, u)
        if not plain:
            if (len(framed_groups) == 1 and members[0].kind != "loaded" and _on_story(story, ind, members)
                    and any(_novel(story, ind, u) for u in members)
                    and not any(_claimed_elsewhere(story, ind, u) for u in members)):
                alone.append(members)  # one outlet hedges a claim of the story nobody else makes
            continue
        findings.append(_finding(story, members, sorted(plain.values(), key=lambda t: (-t[0], t[1].id))))
    per_article: dict[int, int] = defaultdict(int)
    for members in sorted(alone, key=lambda ms: (ms[0].article, ms[0].frame.start)):
        if per_article[members[0].article] < MAX_UNCORROBORATED:
            per_article[members[0].article] += 1
            findings.append(_alone_finding(story, members))
    findings.sort(key=lambda f: (min(story.index_of(a) for a in f.get("framed_articles")), f.evidence[0].start))
    return findings


def _same_claim(story: Story, settings: CompareSettings, a: _Use, b: _Use, facts: dict[int, frozenset[str]]) -> bool:
    if a.sentence.id == b.sentence.id:
        return True
    if a.kind == "loaded":
        if a.event:
            return _states_event(story, settings, a, b.sentence)
        score, _ = story.similarity(a.sentence, b.sentence)
        return _states_fact(story, settings, a.sentence, b.sentence, score, facts)
    if a.head is not None or b.head is not None:
        return a.head is not None and a.head == b.head and _uses_term(story, a, b.sentence)
    return _states_hedged_claim(story, a, b.sentence) or _states_hedged_claim(story, b, a.sentence)


def _finding(story: Story, members: Sequence[_Use], plain: Sequence[tuple[float, Sentence, _Use]]) -> Finding:
    members = sorted(members, key=lambda u: (u.article, u.frame.start))
    kind = members[0].kind
    evidence: list[Evidence] = []
    for u in members:
        a = story.articles[u.article]
        evidence.append(Evidence.make(a.id, story.outlets[u.article], u.frame.start, u.frame.end,
                                      a.text[u.frame.start : u.frame.end], frame_kind=u.frame.kind, cue=u.key,
                                      sentence=story.text(u.sentence), role="framed"))
    shown = list(plain[:MAX_UNFRAMED])
    for _score, c, _u in shown:
        evidence.append(sentence_evidence(story, c, role="unframed"))
    outlets = list(dict.fromkeys(story.outlets[u.article] for u in members))
    plain_outlets = list(dict.fromkeys(story.outlets[c.article] for _, c, _u in shown))
    cues = list(dict.fromkeys(u.key for u in members))
    texts = list(dict.fromkeys(story.articles[u.article].text[u.frame.start : u.frame.end] for u in members))
    who, others = _names(outlets), _names(plain_outlets)
    one, other_one = len(outlets) == 1, len(plain_outlets) == 1
    words = " / ".join(f"“{t}”" for t in texts[:3])
    framed = short(story.text(shown[0][2].sentence), 140)  # the framed sentence the best counterpart states
    counter = f"{plain_outlets[0]}: “{short(story.text(shown[0][1]), 140)}”"
    if kind == "hedge":
        summary = (f"{who} hedge{'s' if one else ''} ({words}) what {others} state{'s' if other_one else ''} "
                   f"without a hedge: “{framed}” — {counter}")
    elif kind == "distancing":
        summary = (f"{who} distance{'s' if one else ''} {'itself' if one else 'themselves'} ({words}) from what "
                   f"{others} state{'s' if other_one else ''} plainly: “{framed}” — {counter}")
    else:
        what = "tell" + ("s" if other_one else "") + " the same event" if members[0].event else \
            "state" + ("s" if other_one else "") + " the same fact"
        summary = (f"{who} use{'s' if one else ''} the {_KIND_WORDS['loaded']} {words} where {others} "
                   f"{what} without it: “{framed}” — {counter}")
    return Finding.make("frame", summary, evidence, frame_kind=kind, cue=cues[0], cues=cues, outlets=outlets,
                        unframed_outlets=plain_outlets,
                        framed_articles=list(dict.fromkeys(story.articles[u.article].id for u in members)))


def _on_story(story: Story, ind: Independence, members: Sequence[_Use]) -> bool:
    """The framed sentence names someone or somewhere another independent outlet of the story names too:
    the hedge qualifies a claim about the story's own actors, not a side remark."""
    me = {ind.group[u.article] for u in members}
    names = {m[2] for u in members for m in story.mentions[u.article] if u.sentence.start <= m[0] < u.sentence.end}
    return any(m[2] in names for i, spans in enumerate(story.mentions)
               if ind.group[i] not in me and i not in ind.copies for m in spans)


def _novel(story: Story, ind: Independence, use: _Use) -> bool:
    """Whether the hedged clause names someone, somewhere or a figure no other independent outlet gives
    anywhere: only then is "nobody else makes this claim" more than a failed match ("the Alawite minority
    is reportedly leading an uprising in the Latakia and Tartus provinces", no other outlet naming them)."""
    me = ind.group[use.article]
    others = [i for i in range(len(story)) if ind.group[i] != me and i not in ind.copies]
    for k in use.scope:
        if k[0] == "e":
            if not any("e:" + m[2].casefold() == k for i in others for m in story.mentions[i]):
                return True
        elif k[0] == "n":
            if not any(k in s.keys for i in others for s in story.sentences_of(i)):
                return True
    return False


def _claimed_elsewhere(story: Story, ind: Independence, use: _Use) -> bool:
    """Whether another independent outlet makes the claim too, hedged or relayed ("following reports
    that ...", "..., reports Coast News"): then the claim is not one outlet's alone."""
    me = ind.group[use.article]
    for score, other in _candidates(story, use):
        if ind.group[other.article] == me:
            continue
        if use.head is not None:
            if _uses_term(story, use, other):
                return True
        elif _states_hedged_claim(story, use, other):
            return True
    return False


def _alone_finding(story: Story, members: Sequence[_Use]) -> Finding:
    """A hedge or distancing cue on a claim of the story that only the framing outlet makes."""
    members = sorted(members, key=lambda u: (u.article, u.frame.start))
    u0 = members[0]
    a = story.articles[u0.article]
    evidence = [Evidence.make(a.id, story.outlets[u.article], u.frame.start, u.frame.end,
                              a.text[u.frame.start : u.frame.end], frame_kind=u.frame.kind, cue=u.key,
                              sentence=story.text(u.sentence), role="framed") for u in members]
    outlet = story.outlets[u0.article]
    words = " / ".join(dict.fromkeys(f"“{a.text[u.frame.start : u.frame.end]}”" for u in members))
    verb = "hedges" if u0.kind == "hedge" else "distances itself from"
    summary = f"Only {outlet} makes this claim, and {verb} it ({words}): “{short(story.text(u0.sentence), 160)}”"
    cues = list(dict.fromkeys(u.key for u in members))
    return Finding.make("frame", summary, evidence, frame_kind=u0.kind, cue=cues[0], cues=cues, outlets=[outlet],
                        unframed_outlets=[], framed_articles=[a.id], basis="uncorroborated")


def _names(outlets: Sequence[str]) -> str:
    if len(outlets) <= 2:
        return " and ".join(outlets)
    return ", ".join(outlets[:-1]) + " and " + outlets[-1]
