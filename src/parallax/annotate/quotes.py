"""Quotes with speakers: direct, partial and indirect reported speech.

:func:`find_quotes` reads one article's text with its sentences and entities and
returns :class:`~parallax.model.Quote` records. Rules, lexicon and the PolNeAR
measurements behind them are described in ``docs/quotes.md``; in short:

* **Direct quotes** are found by pairing quotation marks of every common style
  (“…”, "…", ''…'' as in some wire copy, ``…'', «…», „…“, ‘…’ and '…' when the
  closing mark cannot be an apostrophe). A quote whose paragraph ends before its
  closing mark continues into the next paragraph when that one opens with a mark,
  the newspaper convention for multi-paragraph quotes; copy that mixes straight and
  curly double marks (“…," X said. "…”) is paired by position. The content span
  **includes the quotation marks**, as PolNeAR gold content spans do.
* A quote that starts a sentence, follows ``:`` or a reporting verb is ``direct``;
  a quoted fragment inside a sentence ("conveyed “his support …”", scare quotes
  "“united,”") is ``partial``.
* **Speakers** come from attribution patterns around the quote: ``“…,” X said``,
  ``“…,” said X``, ``X said: “…”``, ``according to X``, a dash signature ``“…” ― X``
  closing the line, a sentence-final ``…, X added.``, a colon-led sentence before a stand-alone quote, and otherwise the
  speaker of the previous quote in the same passage. Pronouns ("he said") resolve
  to the most recent person mention, relative pronouns ("X, who said") to their
  antecedent and "the senator" to the last person so titled; descriptions ("a
  Kremlin spokesman") keep their span with ``speaker=None`` unless an entity is
  named inside.
* **Indirect speech**: ``X said (that) …``, ``X told reporters …``, ``according
  to X, …`` and ``…, X said.`` without quotation marks; the content is the
  reported clause (with its "that", as in PolNeAR). Beliefs ("X believes that")
  count, as they do in PolNeAR, but only with an explicit clause. Also passive and
  noun cues: "…, as stated by X", "X was quoted as saying", "X's claim that …".
* **Source-less attributions**, as PolNeAR marks them: hedges ("X appears to …", "it seems
  …", "X is expected to …") and questions nobody is named as asking ("Asked whether …, X
  said"), with ``speaker=None``.
* Quotes that belong to one attribution (a quote split by "he said", a partial
  quote inside the reported clause) share the same ``cue_span``.
* A reporting word inside another source's reported clause ("Peskov said Putin
  wants peace") is part of what that source said: only the outer attribution is
  returned.

The stage only knows English; other languages are skipped with a note. It keeps
no state: a model-backed stage can replace :class:`QuoteStage` behind the same
``Article -> Article`` seam.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

from ..model import Article, Entity, Quote, Span
from .entities import _place_first, _pronoun_gender_after, work_context
from .gazetteer import default_gazetteer, name_key

# --------------------------------------------------------------------------- lexicon


def _lexicon_rows() -> list[tuple[str, list[str]]]:
    """``(tier, forms)`` per line of ``lexicons/reporting_verbs.txt`` (multi-word forms use "_")."""
    path = resources.files("parallax.annotate").joinpath("lexicons/reporting_verbs.txt")
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            tier, *forms = line.split()
            rows.append((tier, forms))
    return rows


def _load_reporting_verbs() -> Mapping[str, str]:
    """``{form: tier}`` from ``lexicons/reporting_verbs.txt`` (multi-word forms use spaces)."""
    table: dict[str, str] = {}
    for tier, forms in _lexicon_rows():
        for form in forms:
            table[form.replace("_", " ")] = tier
    return MappingProxyType(table)


#: Reporting verb forms and their tier ("speech" or "that"), read once from the lexicon file.
REPORTING_VERBS: Mapping[str, str] = _load_reporting_verbs()


def _trie_pattern(words: list[str]) -> str:
    """A regex alternation shaped as a prefix tree: the engine tries one branch per letter."""
    tree: dict[str, dict] = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        end = "" in node
        branches = [
            (r"\s+" if ch == " " else re.escape(ch)) + emit(sub) for ch, sub in sorted(node.items()) if ch
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return emit(tree)


_VERB_RE = re.compile(
    r"\b(?<![’'-])"
    + _trie_pattern(sorted(REPORTING_VERBS) + ["according to", "According to"])
    + r"(?![\w'’-])"
)

#: Capitalised cue words of title-case headlines ("Trump’s Son Says The Battle …"), accepted only
#: in a line whose words are mostly capitalised.
_TITLE_VERB_RE = re.compile(
    r"\b(?<![’'-])"
    + _trie_pattern(
        sorted(
            w[:1].upper() + w[1:]
            for w in REPORTING_VERBS
            if " " not in w and w.endswith(("s", "ed")) or w in ("said", "told", "say", "show", "want")
        )
    )
    + r"(?![\w'’-])"
)


def _title_case_line(text: str, start: int, end: int) -> bool:
    words = [w for w in text[start:end].split() if len(w) > 3 and w[:1].isalpha()]
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


#: Auxiliaries and adverbs absorbed into the cue before a verb ("has also said").
_AUX = frozenset(
    [
        "has",
        "have",
        "had",
        "also",
        "later",
        "then",
        "previously",
        "once",
        "will",
        "would",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "being",
        "again",
        "recently",
        "repeatedly",
        "did",
        "does",
        "do",
        "could",
        "may",
        "might",
        "should",
        "must",
        "can",
        "not",
        "never",
        "often",
        "further",
    ]
)
_PRONOUNS = frozenset(["he", "she", "they", "we", "i", "it", "you"])
_PERSON_PRONOUNS = frozenset(["he", "she"])
_POSSESSIVE_PRONOUNS = MappingProxyType({"his": "he", "her": "she", "their": "they"})
#: Capitalised words that are never a speaker's name on their own ("Instead, …", "Q:").
_FUNCTION_WORDS = frozenset(
    [
        "instead",
        "meanwhile",
        "but",
        "and",
        "however",
        "yet",
        "so",
        "then",
        "now",
        "here",
        "there",
        "this",
        "that",
        "these",
        "those",
        "what",
        "why",
        "how",
        "when",
        "where",
        "who",
        "which",
        "while",
        "if",
        "although",
        "though",
        "because",
        "since",
        "after",
        "before",
        "also",
        "even",
        "just",
        "only",
        "indeed",
        "moreover",
        "furthermore",
        "besides",
        "nevertheless",
        "nonetheless",
        "still",
        "wait",
        "look",
        "well",
        "yes",
        "no",
        "oh",
        "wow",
        "ok",
        "okay",
        "a",
        "an",
        "the",
        "some",
        "many",
        "most",
        "other",
        "all",
        "both",
        "each",
        "every",
        "everyone",
        "everybody",
        "someone",
        "somebody",
        "anyone",
        "anybody",
        "nobody",
        "none",
        "neither",
        "either",
    ]
)
_PARTY_LABEL = re.compile(r"[RDI]-[A-Z]")
#: The word before a mention that makes it an object or an addressee, not the subject a later
#: "he"/"she" refers to: a preposition, a verb of addressing, an -ed verb ("passed Kimi Lund");
#: a possessive outlet may stand between ("told CNN's Anderson Cooper").
_OBLIQUE_BEFORE = re.compile(
    r"(?<![\w'’-])(?P<w>in|at|from|of|near|to|for|with|by|on|about|against|behind|than|under|over|after|before|"
    r"during|among|between|within|without|into|onto|upon|like|unlike|including|across|around|through|throughout|"
    r"toward|towards|told|tell|tells|telling|"
    r"asked|asking|interviewed|interviewing|thanked|thanking|beat|beats|met|meets|[a-z]{2,}ed)"
    r"\s+(?:(?:the|a|an|his|her|their|its|our|my)\s+)?(?:[A-Z][\w.&’'-]*\s+){0,2}$"
)
_NEXT_LOWER = re.compile(r" ([a-z]+)\b")
#: How far back (characters) a subject may be preferred to a nearer object for "he"/"she".
_SUBJECT_REACH = 700
#: ", Tamara Hale, wrote" / ", Leslie Vane, responded": a name in apposition after a description.
_APPOSITION_NAME = re.compile(r"\s*,\s*")
_APPOSITION_CLOSE = re.compile(r"\s*(?:,|—|–|\s(?:said|says|told|tells|wrote|writes|added|adds)\b)")
#: Heads of a description that speak for the person they name ("Lund's spokesman", "a lawyer for Lund").
_ON_BEHALF_HEADS = frozenset(
    """spokesman spokeswoman spokesperson spokespeople representative representatives rep reps lawyer lawyers
    attorney attorneys publicist agent aide aides adviser advisers advisor advisors office campaign team camp
    statement administration government staff account""".split()
)


_POSSESSED_HEAD = re.compile(r"[’']s?\s+(?:[a-z-]+\s+)?(?P<head>[a-z-]+)\s*$")
_DESCRIBED_BY = re.compile(
    r"^(?:the|a|an|one)\s+(?:[a-z-]+\s+){0,4}(?P<head>[a-z-]+)\s+(?:for|of|to)\s+(?:the\s+)?$", re.IGNORECASE
)


def _described_head(text: str, start: int, end: int, name_start: int, name_end: int) -> str | None:
    """The common noun a speaker phrase is about when the name inside it only qualifies it:
    "Bruce Lund's sister" → "sister", "A representative for Lund" → "representative"; else None."""
    m = _POSSESSED_HEAD.match(text, name_end, end)
    if m is not None and m.end() == end:
        return m.group("head").lower()
    if not text[name_end:end].strip(" ,"):
        lead = text[start:name_start]
        d = _DESCRIBED_BY.match(lead)
        if d is not None:
            # the description's own noun: "A family in the suburbs of Lund" is about a family
            for w in lead.lower().split()[1:]:
                if w in _OTHER_PEOPLE or w in _ON_BEHALF_HEADS:
                    return w
            return d.group("head").lower()
    return None


#: Heads of a description that name someone other than the person they mention ("Lund's sister",
#: "a friend of Lund", "Trump supporters").
_OTHER_PEOPLE = frozenset(
    """sister sisters brother brothers mother father son sons daughter daughters wife husband widow widower
    cousin aunt uncle niece nephew grandmother grandfather grandson granddaughter family relatives relative
    parents children kids fiance fiancé fiancee fiancée girlfriend boyfriend partner friend friends neighbor
    neighbors neighbour neighbours classmate classmates colleague colleagues teammate teammates fan fans
    supporter supporters critic critics opponent opponents rival rivals accuser accusers""".split()
)


def _stands_in(gaz, name: str) -> bool:
    """Whether an entity of unknown kind looks like a person's name ("Ana Ruiz", not "Chicago Cubs")."""
    words = name.split()
    if not 2 <= len(words) <= 4 or all(w.isupper() for w in words):
        return False
    for w in words:
        if w in gaz.org_words or w in gaz.place_words or w in gaz.function_words or w in gaz.adjectives:
            return False
    return not _place_first(gaz, name)
#: "the senator said": title words before a name that the bare noun refers back to.
_TITLE_CUES: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "senator": frozenset(["sen", "senator", "sens"]),
        "governor": frozenset(["gov", "governor"]),
        "congressman": frozenset(["rep", "congressman", "representative"]),
        "congresswoman": frozenset(["rep", "congresswoman", "representative"]),
        "president": frozenset(["president"]),
        "mayor": frozenset(["mayor"]),
        "secretary": frozenset(["secretary"]),
        "speaker": frozenset(["speaker"]),
        "judge": frozenset(["judge", "justice"]),
        "spokesman": frozenset(["spokesman"]),
        "spokeswoman": frozenset(["spokeswoman"]),
    }
)
_QUOTED_AS = re.compile(r"\bquoted\s+as\s+$")
#: Noun cues: "Trump's claim that …", "his warning that …" (the possessor is the source).
_NOUN_CUE_WORDS = [
    "claim",
    "statement",
    "assertion",
    "argument",
    "warning",
    "insistence",
    "belief",
    "view",
    "promise",
    "suggestion",
    "pledge",
    "contention",
    "allegation",
    "accusation",
    "assurance",
    "prediction",
    "vow",
    "charge",
    "comment",
    "remark",
    "declaration",
    "admission",
    "announcement",
]
_NOUN_CUE = re.compile(
    r"\b" + _trie_pattern(sorted({w for n in _NOUN_CUE_WORDS for w in (n, n + "s")})) + r"\s+(?=that\b)"
)
_POSSESSOR = re.compile(
    r"(?:(?P<pro>\b(?:[Hh]is|[Hh]er|[Tt]heir))|(?P<name>\b[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})(?:’s|'s|’|'))"
    r"\s+(?:(?:repeated|latest|recent|earlier|new|own|public|frequent|oft-repeated)\s+)?$"
)
#: Relative pronouns that PolNeAR marks as the source of a verb in their clause.
_RELATIVES = frozenset(["who", "which", "that"])
_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "another",
        "some",
        "many",
        "most",
        "several",
        "few",
        "both",
        "all",
        "each",
        "every",
        "no",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
        "this",
        "these",
        "those",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "other",
        "such",
    ]
)
#: Words before a reporting word that make it a noun ("the report", "his claims").
_NOUN_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
        "this",
        "these",
        "those",
        "another",
        "such",
    ]
)
#: Plural nouns without an "s" and other words that, after "the", leave a base verb form a verb.
_NOT_ADJECTIVES = frozenset(
    ["people", "men", "women", "children", "police", "staff", "media", "public", "clergy", "youth"]
    + ["who", "which", "that"]
)
#: Prepositions after a stance word that make it a noun ("attacks on", "support among").
_NOUN_FOLLOWER = re.compile(r"\s+(?:on|against|among|from|by)\b")
#: Words that never belong to a speaker noun phrase: the scan stops at them.
_STOP = frozenset(
    [
        "and",
        "or",
        "but",
        "nor",
        "that",
        "which",
        "where",
        "when",
        "while",
        "as",
        "because",
        "if",
        "so",
        "than",
        "then",
        "to",
        "not",
        "who",
        "whom",
        "whose",
        "what",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "do",
        "does",
        "did",
        "there",
        "here",
        "also",
        "just",
        "even",
        "only",
        "after",
        "before",
        "since",
        "until",
        "unless",
        "though",
        "although",
        "however",
        "yet",
        "about",
        "into",
        "onto",
        "upon",
        "over",
        "under",
        "against",
        "between",
        "through",
        "during",
        "without",
        "within",
        "like",
        "unlike",
        "said",
        "says",
    ]
)
#: Capitalised words that are names inside a name ("Will Doyle", "Theresa May"), not auxiliaries.
_NAME_WORDS = frozenset(
    ["Will", "May", "Mark", "Bill", "Rich", "Grant", "Hope", "Chase", "Faith", "Joy", "Art", "Frank", "Pat"]
)
#: Prepositions allowed inside a noun phrase ("a spokesman for the campaign") but not at its edges.
_INNER_PREP = frozenset(
    ["of", "for", "at", "from", "in", "with", "on", "to", "by", "close", "familiar", "near"]
)
#: Lower-case prepositions that join a noun phrase to the one before it ("a spokesman for the
#: campaign"); with no noun phrase before them, what follows is their object, not a subject.
_SUBJECT_PREPS = frozenset(["of", "for", "at", "from", "in", "on", "by"])
#: Words a noun phrase found after a verb never ends with ("early results of exit polls for the").
_NP_TRAILERS = _INNER_PREP | {"the", "a", "an"}
_TIME_WORDS = frozenset(
    [
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
        "tonight",
        "earlier",
        "later",
    ]
)
_PERIOD_WORDS = frozenset(
    [
        "week",
        "month",
        "year",
        "weekend",
        "night",
        "morning",
        "afternoon",
        "evening",
        "spring",
        "summer",
        "fall",
        "winter",
    ]
)
_HONORIFICS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "sen",
        "rep",
        "gov",
        "gen",
        "president",
        "prof",
        "rev",
        "st",
        "sir",
        "lord",
        "lady",
    ]
)
#: Verbs whose object comes before the reported clause ("told reporters he would").
_OBJECT_VERBS = frozenset(
    [
        "tell",
        "tells",
        "told",
        "telling",
        "inform",
        "informs",
        "informed",
        "informing",
        "assure",
        "assures",
        "assured",
        "assuring",
        "remind",
        "reminds",
        "reminded",
        "reminding",
        "warn",
        "warns",
        "warned",
        "warning",
    ]
)
_CLAUSE_PRONOUNS = frozenset(["he", "she", "they", "we", "i", "it", "you", "there", "this"])

_TOKEN = re.compile(r"\w(?:[\w'’&-]|\.(?=\w))*\.?|[^\w\s]")
_WORD = re.compile(r"\w")
_LINE = re.compile(r"[^\n\r\u2028\u2029]+")
_MARK = re.compile(r"''|``|[\"“”„«»‘’']")
_SKIP_AFTER_VERB = re.compile(
    r"(?:\s*,?\s*(?:on|late|early|last|this)?\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"today|yesterday|tonight)(?:\s+(?:morning|afternoon|evening|night))?"
    r"|\s+in\s+(?:a|an|the|his|her|their)\s+(?:\w+\s+){0,2}?(?:statement|interview|email|e-mail|post|tweet|"
    r"speech|letter|op-ed|release|appearance|call|message|briefing)"
    r"(?:\s+(?:to|with|on)\s+(?:[A-Z][\w.&'’-]*\s*){1,4})?"
    r"|\s+(?:to\s+)?reporters|\s+(?:publicly|privately|repeatedly|again|also|later|previously|recently))+"
)
#: A comma that ends a clause: not one just inside a closing quotation mark ("“united,”").
_CLAUSE_COMMA = re.compile(r",(?![”\"’'])")
_OPENERS_ALWAYS = frozenset("“„«")
_CLOSERS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "“": ("”", '"'),
        "„": ("“", "”"),
        "«": ("»",),
        "``": ("''",),
        '"': ('"', "”"),
        "''": ("''",),
        "‘": ("’",),
        "'": ("'",),
    }
)
#: In copy that mixes straight and curly double marks (“…," X said. "…”), the other style's
#: mark closes a quote too, unless it closes a quotation opened inside it in that style.
_OTHER_STYLE = MappingProxyType({"“": ('"', '"'), '"': ("“", "”")})
_AMBIGUOUS_CLOSERS = frozenset(['"', "''", "’", "'"])
_SENTENCE_END = frozenset(".?!")


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class _Attribution:
    speaker: str | None
    speaker_span: Span | None
    cue: str | None
    cue_span: Span | None
    on_behalf_of: str | None = None


@dataclass(frozen=True, slots=True)
class _Hit:
    """A reporting verb found in the text, with its cue span extended over auxiliaries."""

    start: int  # verb start
    end: int
    cue_start: int  # start of "has also said"
    form: str  # normalised: "said", "according to"
    tier: str


# --------------------------------------------------------------------------- quote marks


def _is_opening(text: str, i: int, mark: str, line_start: int, line_end: int) -> bool:
    if mark in _OPENERS_ALWAYS or mark == "``":
        return True
    if mark in ("”", "»", "’"):
        return False
    prev = text[i - 1] if i > line_start else " "
    j = i + len(mark)
    nxt = text[j] if j < line_end else " "
    if not (prev.isspace() or prev in "([{—–-/:“"):
        return False
    if nxt.isspace():
        return False
    if mark in ("‘", "'"):
        return nxt.isalpha() or nxt in '“"'
    return True


def _is_closing(text: str, i: int, mark: str, line_start: int, line_end: int) -> bool:
    if mark not in _AMBIGUOUS_CLOSERS:
        return True
    prev = text[i - 1] if i > line_start else " "
    j = i + len(mark)
    nxt = text[j] if j < line_end else " "
    if prev.isspace() and not (
        mark in ('"', "''")
        and i - 2 >= line_start
        and text[i - 2] in "'’,.?!"
        and not (nxt.isalnum() or nxt in "“‘")
    ):
        # but "… say, 'Well done,' " closes both quotations, and "…coalitions, '' said" closes one
        return False
    return not (nxt.isalnum() or nxt == "_")


def _find_quote_spans(text: str) -> list[tuple[int, int, bool]]:
    """``(start, end, closed)`` of top-level quotations, marks included, in text order."""
    lines = [m.span() for m in _LINE.finditer(text)]
    marks_by_line = [[(m.start(), m.group()) for m in _MARK.finditer(text, s, e)] for s, e in lines]
    spans: list[tuple[int, int, bool]] = []
    li = 0
    pos = -1  # marks before pos are consumed
    while li < len(lines):
        ls, le = lines[li]
        opened = None
        for i, mark in marks_by_line[li]:
            if i < pos:
                continue
            if _is_opening(text, i, mark, ls, le):
                opened = (i, mark)
                break
        if opened is None:
            li += 1
            continue
        start, mark = opened
        closers = _CLOSERS[mark]
        search_from = start + len(mark)
        cur = li
        end = None
        other_open, other_close = _OTHER_STYLE.get(mark, ("", ""))
        while True:
            cls, cle = lines[cur]
            depth = 0  # quotations opened inside this one in the other style
            for i, m in marks_by_line[cur]:
                if i < search_from:
                    continue
                if (
                    m in closers
                    and not (m == mark and m not in _AMBIGUOUS_CLOSERS and m != "''")
                    and _is_closing(text, i, m, cls, cle)
                ):
                    if m == other_close and m != mark and depth:
                        depth -= 1
                        continue
                    end = i + len(m)
                    if m == "''" and text[end : end + 1] == "'":
                        end += 1  # three marks close an inner 'quote' and the outer ''quote''
                    break
                if m == other_open and _is_opening(text, i, m, cls, cle):
                    depth += 1
            if end is not None:
                break
            # Unclosed in this paragraph: continue when the next one opens with the same mark.
            nxt = cur + 1
            if (
                mark not in ("‘", "'")
                and nxt < len(lines)
                and marks_by_line[nxt]
                and marks_by_line[nxt][0][0] == lines[nxt][0]
                and marks_by_line[nxt][0][1] in (mark, other_open)
            ):
                cur = nxt
                search_from = lines[cur][0] + len(mark)
                continue
            break
        if end is not None and cur > li and _reattributed(text, end, lines[cur][1]):
            # “… inside.¶“This is my family,” he said.: the next paragraph's quotation has its own
            # attribution, so it is a new quote; this one ends, unclosed, with its paragraph
            e = lines[li][1]
            while e > start and text[e - 1].isspace():
                e -= 1
            spans.append((start, e, False))
            pos = e
            li += 1
            continue
        if end is not None:
            spans.append((start, end, True))
            pos = end
            li = cur
            continue
        if cur > li or (mark in _OPENERS_ALWAYS or mark == "``") and _opens_clause(text, start, ls):
            e = lines[cur][1]
            while e > start and text[e - 1].isspace():
                e -= 1
            spans.append((start, e, False))
            pos = e
            li = cur + 1
            continue
        pos = start + len(mark)
    return spans


#: An attribution right after a closing mark ("…,” he said", "…,” said Ann Lee", "…,” Lee added").
_REATTRIBUTED = re.compile(
    r"\s+(?:(?:[A-Z][\w.’'-]*|he|she|they|we|I)\s+){0,4}?"
    r"(?:said|says|added|adds|told|tells|wrote|writes|continued|explained|asked|argued|recalled|insisted)\b"
)


def _reattributed(text: str, end: int, line_end: int) -> bool:
    """Whether a quotation closing at ``end`` with a comma ("…,” he said") has its own attribution."""
    inner = text[max(0, end - 3) : end].rstrip("”\"'’")
    return inner[-1:] in (",", "?", "!") and _REATTRIBUTED.match(text, end, line_end) is not None


def _opens_clause(text: str, start: int, line_start: int) -> bool:
    before = text[line_start:start].rstrip()
    return not before or before[-1] in ".:?!,"


# --------------------------------------------------------------------------- helpers


def _has_break(text: str, start: int, end: int, marks: str = '.;:?!“”"') -> bool:
    """Whether a punctuation token (not an abbreviation's dot) lies in ``text[start:end]``."""
    full_stop = "." in marks
    return any(
        len(t) == 1 and t in marks or full_stop and _ends_sentence(t)
        for t in _TOKEN.findall(text, start, end)
    )


#: Abbreviations whose full stop does not end a sentence ("Jr.", "Sept.", "Inc.").
_ABBREVIATIONS = frozenset(
    [
        "jr",
        "sr",
        "st",
        "inc",
        "co",
        "corp",
        "ltd",
        "no",
        "vs",
        "etc",
        "jan",
        "feb",
        "mar",
        "apr",
        "aug",
        "sept",
        "sep",
        "oct",
        "nov",
        "dec",
        "gov",
        "sen",
        "rep",
        # state abbreviations ("Allentown, Pa., said", "(R-Calif.)")
        "ala",
        "ariz",
        "ark",
        "calif",
        "colo",
        "conn",
        "fla",
        "ga",
        "ill",
        "ind",
        "kan",
        "ky",
        "md",
        "mich",
        "minn",
        "neb",
        "nev",
        "okla",
        "ore",
        "pa",
        "tenn",
        "tex",
        "va",
        "vt",
        "wis",
        "wyo",
    ]
)


def _ends_sentence(tok: str) -> bool:
    """Whether a word token carries a sentence's full stop ("reporters."), not an abbreviation's."""
    if len(tok) < 3 or not tok.endswith(".") or "." in tok[:-1]:
        return False
    low = tok[:-1].lower()
    return (
        low not in _HONORIFICS
        and low not in _ABBREVIATIONS
        and not _PARTY_LABEL.match(tok)  # "(D-Ore.)": a party label's abbreviation
    )


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def _bare(tok: str) -> str:
    return tok.rstrip(".").lower()


#: A quantity that stands as a subject: "about one in five", "21 percent", "nearly half", "several",
#: "most" (also the head of "most of the voters", "one of the 25 delegates").
_QUANTITY = re.compile(
    r"(?:\b(?:[Aa]bout|[Nn]early|[Aa]lmost|[Rr]oughly|[Oo]nly|[Jj]ust|[Oo]ver|"
    r"[Mm]ore\s+than|[Ff]ewer\s+than|[Ll]ess\s+than)\s+)?"
    r"(?:\b(?:\d[\d,.]*(?:\s*%|\s+percent)?|"
    r"[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|"
    r"[Ss]everal|[Mm]any|[Mm]ost|[Ss]ome|[Ff]ew|[Bb]oth|[Hh]alf|[Aa]ll|[Aa]nother|[Oo]thers|"
    r"[Aa]\s+(?:third|quarter|majority|plurality|few|handful)|[Tt]wo-thirds|[Tt]hree-quarters)"
    r"(?:\s*(?:-\s*)?(?:in|out\s+of)(?:\s*-\s*|\s+)(?:\d+|two|three|four|five|six|seven|eight|nine|ten))?)$"
)
#: Words before a quantity that make it an object or a modifier, not a subject ("won 21 percent").
_QUANTITY_STARTS = frozenset(",;:—–(.?!”\"’'")


def _quantity_before(text: str, end: int, floor: int) -> tuple[int, int] | None:
    """A quantity subject ending at ``end`` ("About one in five", "21 percent", "Several") that
    opens its clause: at the sentence start, or after a comma, a conjunction or "that"."""
    while end > floor and text[end - 1].isspace():
        end -= 1
    m = _QUANTITY.search(text, floor, end)
    if m is None:
        return None
    before = text[floor : m.start()].rstrip()
    if before and before[-1] not in _QUANTITY_STARTS:
        word = before.split()[-1].lower()
        if word not in ("and", "but", "while", "whereas", "that", "because", "although", "though", "as"):
            return None
    return (m.start(), end)


class _Doc:
    """Per-call indexes over one text (sentences, entities, verbs, quotes); never shared."""

    def __init__(
        self,
        text: str,
        sentences: Sequence[Span],
        entities: Sequence[Entity],
        quote_spans: Sequence[tuple[int, int]] = (),
    ) -> None:
        self.text = text
        self.quote_spans = sorted(quote_spans)
        self.quote_starts = [q[0] for q in self.quote_spans]
        sents = sorted(sentences, key=lambda s: s.start) or [Span(0, len(text))]
        self.sent_starts = [s.start for s in sents]
        self.sent_start_set = frozenset(self.sent_starts)
        self.sents = sents
        mentions: list[tuple[int, int, Entity]] = []
        for ent in entities:
            for m in ent.mentions:
                mentions.append((m.start, m.end, ent))
        mentions.sort(key=lambda t: (t[0], t[1]))
        self.mentions = mentions
        self.mention_starts = [m[0] for m in mentions]
        persons = [(e, s) for s, e, ent in mentions if ent.kind == "person"]
        persons.sort()
        self.person_ends = [p[0] for p in persons]
        self.person_starts = [p[1] for p in persons]
        # persons; names of unknown kind that look like a person's ("Ana Ruiz", not "Chicago Cubs", "Kill
        # Bill" or "Times Magazine") stand in when unsure
        gaz = default_gazetteer()
        stand_ins = {ent.name for ent in entities if ent.kind == "other" and _stands_in(gaz, ent.name)}
        self.person_mentions = [
            (s, e, ent)
            for s, e, ent in mentions
            if ent.kind == "person" or ent.name in stand_ins and not work_context(text, s, e)
        ]
        self.person_mentions.sort(key=lambda t: t[1])
        self.person_mention_ends = [m[1] for m in self.person_mentions]
        self._genders: dict[str, str | None] = {}
        self.lines = [m.span() for m in _LINE.finditer(text)]
        self.line_starts = [s for s, _ in self.lines]
        self._toks = _tokens(text, 0, len(text))
        self._tok_starts = [t[0] for t in self._toks]
        self.hits = [self._hit(m) for m in _VERB_RE.finditer(text) if not self._is_noun(m.start(), m.group())]
        # headline cues attribute the headline's clause (an indirect quote), never its quotations
        self.title_hits: list[_Hit] = []
        for tm in _TITLE_VERB_RE.finditer(text):
            ls, le = self.line(tm.start())
            if (
                tm.start() > ls
                and _title_case_line(text, ls, le)
                and not self._is_noun(tm.start(), tm.group())
            ):
                self.title_hits.append(self._hit(tm))
        self.hit_starts = [h.start for h in self.hits]

    # -- lookups
    def toks(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The tokens of ``text[start:end]``, as :func:`_tokens` gives them, from one pass over the text."""
        start = max(start, 0)
        if end <= start:
            return []
        i = bisect.bisect_left(self._tok_starts, start)
        j = bisect.bisect_left(self._tok_starts, end, i)
        every = self._toks
        if i > 0 and every[i - 1][1] > start:
            # a word cut by the window's start: its tail is tokenised on its own
            cut = every[i - 1][1]
            if cut >= end:
                return _tokens(self.text, start, end)
            head = _tokens(self.text, start, cut)
        else:
            head = []
        toks = every[i:j]
        if toks and toks[-1][1] > end:
            toks = toks[:-1] + _tokens(self.text, toks[-1][0], end)  # a word cut by the window's end
        return head + toks if head else toks

    def gender(self, ent: Entity) -> str | None:
        """``m``/``f`` from the entity's given name, a gendered title or role before a mention ("Mrs.",
        "her ex-boyfriend"), or a pronoun after a mention and its verb ("Lund says she …")."""
        if ent.name in self._genders:
            return self._genders[ent.name]
        gaz = default_gazetteer()
        g = gaz.given_names.get(ent.name.split()[0]) if ent.name else None
        if g not in ("m", "f"):
            g = None
            for m in ent.mentions:
                before = self.text[max(0, m.start - 20) : m.start].split()
                if before:
                    g = gaz.title_gender(before[-1].rstrip(","))
                    if g is not None:
                        break
            if g is None:
                for m in ent.mentions:
                    g = _pronoun_gender_after(self.text, m.end)
                    if g is not None:
                        break
        self._genders[ent.name] = g
        return g

    def attributed_quote(self, pos: int) -> tuple[int, int]:
        """The quotation a pronoun at ``pos`` attributes or stands in: "“… Trump …,” he said" → the
        quotation's span, whose names are not the speaker's; ``(0, 0)`` when there is none."""
        i = bisect.bisect_right(self.quote_starts, pos) - 1
        if i < 0:
            return (0, 0)
        qs, qe = self.quote_spans[i]
        if qs < pos < qe or qe <= pos and not self.text[qe:pos].strip(" ,—–-\n"):
            return (qs, qe)
        return (0, 0)

    def oblique(self, start: int, end: int) -> bool:
        """Whether the mention at ``[start, end)`` is an object: after a preposition ("ahead of Rosberg"),
        an addressee ("told CNN's Anderson Cooper", "speaking with Jimmy Kimmel"), a verb's object
        ("passed Kimi Raikkonen"), or a modifier of a role noun ("Boko Haram fighters", "Cubs fans")."""
        after = _NEXT_LOWER.match(self.text, end)
        if after is not None:
            w = after.group(1)
            titles = default_gazetteer().titles
            if w in titles or w.endswith("s") and (w[:-1] in titles or w[:-2] in titles):
                return True
        m = _OBLIQUE_BEFORE.search(self.text, max(0, start - 40), start)
        if m is None:
            return False
        word = m.group("w")
        if word == "to" and self.text[max(0, m.start("w") - 10) : m.start("w")].rstrip().endswith("according"):
            return False  # "according to X" names a source
        if word.endswith("ed") and word in REPORTING_VERBS:
            return False  # "…,” added Peskov: an inverted subject
        return True

    def antecedent_person(self, pos: int, want: str) -> str | None:
        """The person "he"/"she" at ``pos`` refers to: the most recent compatible mention outside
        quotations, preferring a subject to an object or addressee within a few sentences."""
        k = bisect.bisect_right(self.person_mention_ends, pos) - 1
        fallback: str | None = None
        skip = self.attributed_quote(pos)
        while k >= 0:
            ms, me, ent = self.person_mentions[k]
            k -= 1
            if skip[0] <= ms < skip[1] or self.gender(ent) not in (None, want):
                continue
            if self.oblique(ms, me):
                if fallback is None:
                    fallback = ent.name
                continue
            if fallback is not None and pos - ms > _SUBJECT_REACH:
                return fallback
            return ent.name
        return fallback

    def can_speak(self, ent: Entity, start: int, end: int) -> bool:
        """A person, an organisation, a group, a country or a capital ("Moscow said") may speak; any
        other place, and a work ("Kill Bill"), may not."""
        if ent.kind == "place":
            gaz = default_gazetteer()
            return ent.name in gaz.countries or ent.name in gaz.capitals
        if ent.kind == "other":
            return not work_context(self.text, start, end)
        return True

    def sentence(self, pos: int) -> Span:
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        if i < 0:
            return self.sents[0]
        s = self.sents[i]
        if pos >= s.end and i + 1 < len(self.sents):
            return Span(s.end, self.sents[i + 1].start)
        return s

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, pos) - 1)

    def line(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.line_starts, pos) - 1
        return self.lines[max(i, 0)] if self.lines else (0, len(self.text))

    def hits_between(self, start: int, end: int) -> list[_Hit]:
        i = bisect.bisect_left(self.hit_starts, start)
        j = bisect.bisect_left(self.hit_starts, end)
        return self.hits[i:j]

    def _is_noun(self, start: int, form: str = "") -> bool:
        """ "the report", "his claims", "Trump’s promises": a reporting word used as a noun."""
        k = start - 1
        text = self.text
        while k >= 0 and text[k] == " ":
            k -= 1
        j = k
        while j >= 0 and (text[j].isalnum() or text[j] in "'’"):
            j -= 1
        prev = text[j + 1 : k + 1]
        low = prev.lower()
        if form.lower().startswith("according"):
            return False  # "That’s according to …"
        if low == "another" and (form.lower() in _IRREGULAR_PAST or form.endswith(("ed", "s"))):
            return False  # "Another said …", "another tweeted": a pronoun subject
        if (
            low in _NOUN_DETERMINERS
            or low.endswith(("’s", "'s"))
            or low in ("new", "recent", "latest", "false")
        ):
            return True
        if (
            REPORTING_VERBS.get(form) == "stance"
            and not form.endswith(("ed", "ing"))
            and form not in ("call", "calls")
            and _NOUN_FOLLOWER.match(text, start + len(form))
        ):
            return True  # "Sanders’ attacks on her", "strong support among voters": a noun
        if form == "like":
            # "groups like the Club for Growth", "seems like a moment": a preposition, unless a
            # pronoun or an auxiliary comes right before it ("they like", "would like")
            return not (low in _PRONOUNS or low in _AUX or low.endswith(("n’t", "n't")) or low == "really")
        # "a rare note", "a Trumpian post": determiner, adjective, then a base form that is also a
        # noun (not "the voters say", "the campaign will note": a plural or an auxiliary between)
        if (
            not prev
            or low.endswith(("s", "ly"))
            or low in _AUX
            or low in _NOT_ADJECTIVES
            or low in _DETERMINERS
            or low in _STOP
        ):
            return False
        word = form.lower()
        if not word or " " in word or word.endswith(("s", "ed", "ing")) or word in _IRREGULAR_PAST:
            return False
        k = j
        while k >= 0 and text[k] == " ":
            k -= 1
        i = k
        while i >= 0 and text[i].isalpha():
            i -= 1
        return text[i + 1 : k + 1].lower() in ("a", "an", "the", "his", "her", "its", "their", "this", "that")

    def _hit(self, m: re.Match[str]) -> _Hit:
        form = " ".join(m.group().lower().split())
        tier = "speech" if form == "according to" else REPORTING_VERBS.get(form, "speech")
        cue_start = m.start()
        if form == "saying":
            q = _QUOTED_AS.search(self.text, max(0, cue_start - 20), cue_start)
            if q is not None:
                cue_start = q.start()  # "X was quoted as saying": the cue takes "quoted as"
        if form != "according to":
            toks = self.toks(max(0, cue_start - 40), cue_start)
            n = 0
            for s, _e, tok in reversed(toks):
                low = tok.lower()
                if n < 3 and (
                    low in _AUX and tok not in _NAME_WORDS
                    or (tok.islower() and low.endswith("ly") and len(low) > 4 and low != "only")
                ):
                    cue_start = s
                    n += 1
                else:
                    break
        return _Hit(m.start(), m.end(), cue_start, form, tier)

    # -- noun phrases
    def np_before(self, end: int, floor: int) -> tuple[int, int] | None:
        """The speaker noun phrase ending at ``end`` (whitespace skipped), not before ``floor``."""
        toks = self.toks(max(floor, end - 120), end)
        # "X last week said", "X on Tuesday called": the time phrase is not the speaker
        while len(toks) >= 2:
            b = _bare(toks[-1][2])
            if (
                b in _TIME_WORDS
                and b not in ("may", "march")
                or b in _PERIOD_WORDS
                and _bare(toks[-2][2])
                in (
                    "last",
                    "this",
                    "next",
                    "earlier",
                    "later",
                    "that",
                )
            ):
                if b in _PERIOD_WORDS or _bare(toks[-2][2]) in (
                    "last",
                    "this",
                    "next",
                    "on",
                    "earlier",
                    "late",
                ):
                    toks.pop()
                toks.pop()
                while toks and toks[-1][2] == ",":
                    toks.pop()
                continue
            if toks[-1][2] == ")":  # "Dianne Feinstein (D-Calif.) said"
                k = len(toks) - 1
                while k > 0 and toks[k][2] != "(" and len(toks) - k < 8:
                    k -= 1
                if toks[k][2] == "(" and k > 0:
                    del toks[k:]
                    continue
            break
        if not toks:
            return None
        s, e, tok = toks[-1]
        low = _bare(tok)
        if tok in _NAME_WORDS and len(toks) >= 2 and toks[-2][2][:1].isupper():
            low = "name"  # "Theresa May said": a name, not the auxiliary
        if low in _PRONOUNS:
            return (s, e)
        if low in ("who", "which"):
            # "Mike Lee, who declared", "voters who said": PolNeAR's source is the relative
            # pronoun; :meth:`resolve` gives it the antecedent's name.
            return (s, e)
        if not _WORD.match(tok) or low in _STOP or low in _INNER_PREP or low in _DETERMINERS:
            # "About one in five say", "21 percent said", "Several said": a quantity is the subject
            return _quantity_before(self.text, e, max(floor, s - 40))
        first = len(toks) - 1
        for k in range(len(toks) - 1, -1, -1):
            t = toks[k][2]
            lt = _bare(t)
            if not _WORD.match(t) and t not in ("’", "'"):
                break
            if (lt in _STOP or lt in _PRONOUNS) and not (
                t in _NAME_WORDS
                and any(0 <= j < len(toks) and toks[j][2][:1].isupper() for j in (k - 1, k + 1))
            ):
                break
            first = k
            if lt in _DETERMINERS or len(toks) - k >= 8:
                break
        # Trim leading closing marks ("…,'' Mr. Rubio said"), prepositions and time words
        # ("On Tuesday Peskov").
        while first < len(toks) - 1 and toks[first][2] in ("’", "'"):
            first += 1
        while first < len(toks) - 1 and (
            _bare(toks[first][2]) in _INNER_PREP or _bare(toks[first][2]) in _TIME_WORDS
        ):
            first += 1
        if _bare(toks[first][2]) in _INNER_PREP:
            return None
        np = (toks[first][0], toks[-1][1])
        if first > 0 and toks[first - 1][2] in _SUBJECT_PREPS:
            # "a spokesman for the campaign said": the head noun phrase before the preposition;
            # "in a later interview said", "at one point calling": a prepositional object, no subject
            head = self.np_before(toks[first - 1][0], floor)
            if head is None and toks[first - 1][2] == "of" and first >= 2:
                head = _quantity_before(self.text, toks[first - 2][1], max(floor, toks[first - 2][1] - 40))
            if head is None or self.text[head[0] : head[1]].lower() in _PRONOUNS:
                return None
            return (head[0], np[1])
        if _bare(toks[first][2]) in ("the", "a", "an") and first >= 2 and toks[first - 1][2] == ",":
            # "Paul D. Ryan, the nation's highest-ranking Republican, said": the name before the apposition
            head = self.np_before(toks[first - 1][0], floor)
            lead = self.text[floor : head[0]].split() if head is not None else []
            if (
                head is not None
                and self.text[head[0]].isupper()
                and self.named(head)
                and (not lead or lead[-1].lower() in ("and", "but", "while") or lead[-1][-1:] in ",;:—")
            ):
                return (head[0], np[1])
        return np

    def np_after(self, start: int, limit: int, max_tokens: int = 8) -> tuple[int, int] | None:
        toks = self.toks(start, min(limit, start + 160))
        last = None
        for k, (ts, te, t) in enumerate(toks):
            lt = _bare(t)
            if not _WORD.match(t) and t not in ("’", "'"):
                break
            # "said Will Doyle": a name, not the auxiliary
            named = t in _NAME_WORDS and k + 1 < len(toks) and toks[k + 1][2][:1].isupper()
            if not named and (lt in _STOP or (k and lt in ("on", "in", "at")) or (k and lt in _TIME_WORDS)):
                break
            if k == 0 and lt in _INNER_PREP:
                return None
            last = k
            if lt in _PRONOUNS or k + 1 >= max_tokens:
                break
        if last is None:
            return None
        while last > 0 and _bare(toks[last][2]) in _NP_TRAILERS:
            last -= 1
        end = toks[last][1]
        tok = toks[last][2]
        if tok.endswith(".") and len(tok) > 2 and _bare(tok) not in _HONORIFICS and "." not in tok[:-1]:
            end -= 1  # the sentence's full stop, not an abbreviation
        return (toks[0][0], end)

    def antecedent(self, pos: int) -> tuple[int, int] | None:
        """The noun phrase a relative pronoun at ``pos`` refers to ("Mike Lee" in "Mike Lee, who")."""
        ls, _ = self.line(pos)
        k = pos
        while k > ls and (self.text[k - 1].isspace() or self.text[k - 1] in ",—–-"):
            k -= 1
        np = self.np_before(k, max(ls, pos - 160))
        if np is None or self.text[np[0] : np[1]].lower() in _RELATIVES:
            return None
        return np

    # -- names
    def named(self, span: tuple[int, int]) -> bool:
        """Whether a phrase names someone or something (the patterns' test for a subject): an entity
        mention of any kind, or a capitalised run that may be a name. Looser than :meth:`resolve`,
        which also decides who may be a speaker."""
        return self.resolve(span, loose=True) is not None

    def resolve(self, span: tuple[int, int], loose: bool = False) -> str | None:
        """The speaker's name for the phrase at ``span``, or None.

        ``loose`` keeps every entity mention (places and titles too) and every capitalised run,
        as the attribution patterns need to recognise a subject; the speaker's name itself
        (``loose=False``) is never a place other than a country or a capital, a work, a
        capitalised common word at a sentence start, or the person a description only qualifies
        ("Bruce Lund's sister")."""
        s, e = span
        surface = self.text[s:e]
        low = surface.lower()
        low = _POSSESSIVE_PRONOUNS.get(low, low)
        if low in _PERSON_PRONOUNS:
            return self.antecedent_person(s, "m" if low == "he" else "f")
        if low in _PRONOUNS:
            return None
        if low in _RELATIVES:
            ant = self.antecedent(s)
            return self.resolve(ant, loose) if ant is not None else None
        best = None
        blocked = False
        i = bisect.bisect_left(self.mention_starts, s)
        j = max(0, i - 3)
        for ms, me, ent in self.mentions[j:]:
            if ms >= e:
                break
            if me <= s:
                continue
            if not loose and not self.can_speak(ent, ms, me):
                blocked = True  # "A family in the suburbs of New York": the place is not the speaker
                continue
            # the head of the phrase (its last name) wins: "Cubs fan Rodrigo Lund" is Rodrigo Lund
            key = (ent.kind == "person" or ent.kind == "other" and " " in ent.name, me)
            if best is None or key > best[0]:
                best = (key, ent, ms)
        words = surface.split()
        if best is not None:
            ent = best[1]
            head = None if loose else _described_head(self.text, s, e, best[2], best[0][1])
            if head is not None:
                # "Bruce Lund's sister, Tamara Hale, wrote", "a representative for Lund, Leslie Vane",
                # "Velmar Hydro's chief executive, Tamsin Kroll, said": the name in apposition speaks;
                # "Bruce Lund's sister" alone is not Bruce Lund
                named = self.apposition(e)
                if named is not None:
                    return named
                if head in _OTHER_PEOPLE:
                    return None
            return ent.name
        if not words or not words[-1][:1].isupper():
            if words and words[-1][:1].islower() and not loose:
                named = self.apposition(e)
                if named is not None:
                    return named
            return self.titled(words, s)
        if blocked and not loose:
            return None
        run: list[str] = []
        for w in reversed(words):
            if not w[:1].isupper() or w.lower() in _DETERMINERS:
                break
            run.append(w)
        run.reverse()
        while run and run[0].rstrip(".").lower() in _HONORIFICS and len(run) > 1:
            run.pop(0)
        if len(run) == 1 and (
            not self.name_like(run[0], loose)
            or not loose
            and e - len(run[0]) in self.sent_start_set
            and not self.text.startswith(":", e)
            and name_key(run[0]) not in default_gazetteer().person_names
        ):
            # "Despite saying …", "Hours after …": a capitalised word the entities stage did not take as a
            # name, at a sentence start, is not one (a "Poll: …" headline lead still is)
            return None
        return " ".join(run).rstrip(".,") or None

    def apposition(self, end: int) -> str | None:
        """The person named in apposition right after ``end``: ", Tamara Hale, wrote" → "Tamara Hale"."""
        m = _APPOSITION_NAME.match(self.text, end)
        if m is None:
            return None
        i = bisect.bisect_left(self.mention_starts, m.end())
        if i < len(self.mentions):
            ms, me, ent = self.mentions[i]
            if ms == m.end() and ent.kind in ("person", "other") and _APPOSITION_CLOSE.match(self.text, me):
                return ent.name
        return None

    @staticmethod
    def name_like(word: str, loose: bool = False) -> bool:
        """Whether a capitalised word no entity covers may still be a name: not a function word
        ("Instead", "Meanwhile", "Despite"), a participle ("Speaking") or a party label ("R-Calif.")."""
        w = word.rstrip(".,")
        low = w.lower()
        if not loose:
            gaz = default_gazetteer()
            if w in gaz.function_words or w in gaz.demonyms or w in gaz.adjectives or w in gaz.group_adjectives:
                return False  # "Despite", "British", "Western": never a speaker's name
        return not (low in _FUNCTION_WORDS or _PARTY_LABEL.match(w) or low.endswith("ing"))

    def titled(self, words: list[str], pos: int) -> str | None:
        """ "the senator" → the most recent person mention written with that title ("Sen. Ann Lee")."""
        if len(words) != 2 or words[0].lower() != "the":
            return None
        cues = _TITLE_CUES.get(words[1].lower().rstrip(".,"))
        if cues is None:
            return None
        for ms, _me, ent in reversed(self.person_mentions):
            if ms >= pos:
                continue
            before = self.text[max(0, ms - 30) : ms].lower().split()
            if before and any(b.rstrip(".,") in cues for b in before[-3:]):
                return ent.name
        return None

    def attribution(
        self, np: tuple[int, int] | None, hit: _Hit | None, cue_end: int | None = None
    ) -> _Attribution:
        cs = Span(hit.cue_start, cue_end if cue_end is not None else hit.end) if hit else None
        return _Attribution(
            speaker=self.resolve(np) if np else None,
            speaker_span=Span(*np) if np else None,
            cue=self.text[cs.start : cs.end] if cs else None,
            cue_span=cs,
        )


# --------------------------------------------------------------------------- attribution patterns


#: A dash signature closing a line after a quotation: ``“…” ― Ana Ruiz``, ``“…” — Jorge Falcon, 34,
#: of Phoenix`` (readers' reactions, epigraphs): the dash is the cue, the name the speaker.
_SIGNATURE = re.compile(
    r"[ \t\u00a0]*(?P<dash>[―—–]{1,2}|-{1,2}(?=[ \u00a0]))[ \t\u00a0]*"
    r"(?P<name>[A-Z][\w'’.-]*(?:[ \u00a0]+(?:[A-Z][\w'’.-]*|d[aeiou]s?|del|la|le|van|von|der|al|bin|y)){0,5})"
    r"(?:[ \t\u00a0]*[,(][^\n]{0,120}|\.)?[ \t\u00a0]*$",
    re.MULTILINE,
)


def _signature(doc: _Doc, end: int, line_end: int) -> _Attribution | None:
    """A dash signature right after a quotation's closing mark (:data:`_SIGNATURE`)."""
    m = _SIGNATURE.match(doc.text, end, line_end)
    if m is None or not doc.text[end - 1 : end] in "”\"'’»":
        return None
    ns, ne = m.span("name")
    if doc.text[ne - 1] == ".":
        ne -= 1  # "― Carla Sanchez.": the full stop after the name
    surface = doc.text[ns:ne]
    words = [_bare(w) for w in surface.split()]
    if words[0] in _DETERMINERS or any(w in _STOP for w in words):
        return None  # "— The End", "— See also": not a name
    return _Attribution(
        speaker=doc.resolve((ns, ne)) or surface,
        speaker_span=Span(ns, ne),
        cue=m.group("dash"),
        cue_span=Span(*m.span("dash")),
    )


def _after_quote(doc: _Doc, end: int) -> _Attribution | None:
    """``“…,” X said`` / ``“…,” said X`` / ``“…,” according to X`` right after the closing mark, or a
    dash signature (``“…” ― Ana Ruiz``)."""
    text = doc.text
    le = doc.line(max(end - 1, 0))[1]
    signed = _signature(doc, end, le)
    if signed is not None:
        return signed
    p = end
    while p < le and (text[p].isspace() or text[p] in ",—–-("):
        p += 1
    if p >= le or p == end and text[p - 1] not in ",.?!”\"'’»":
        return None
    k = end
    while k > 0 and text[k - 1] in "”\"'’»":
        k -= 1
    new_sentence = k > 0 and text[k - 1] == "." and text[p].isupper()
    for hit in doc.hits_between(p, min(le, p + 200))[:3]:
        if new_sentence:
            # “… over.” Mr. X said: a new sentence, usually leading into the next quote; but
            # “… missing.” Trump said. (nothing after the verb) attributes the quote before it
            tail = text[hit.end : doc.sentence(hit.start).end]
            if not _SHORT_TAIL.fullmatch(tail) or hit.cue_start - p > 40:
                return None
        between = text[p : hit.cue_start]
        if _has_break(text, p, hit.cue_start):
            return None
        if hit.start - p > 90 and not between.rstrip().endswith(","):
            return None  # beyond 90 characters only after an apposition ("X, the …, said")
        if text[hit.end : hit.end + 3].lstrip().startswith(":"):
            return None
        if hit.form == "according to" or hit.cue_start == p:
            if hit.cue_start != p or hit.form.endswith("ing") and hit.form != "according to":
                # “…,” saying …: a participle goes on with the sentence, not "“…,” said X"
                return None
            np = doc.np_after(hit.end, le)
            return doc.attribution(np, hit) if np else None
        chunk = between.split(",")[0]
        np_end = p + len(chunk.rstrip())
        if np_end <= p:
            return None
        np = doc.np_before(np_end, p)
        if np is None or np[0] != p:
            words = [_bare(t) for t in _TOKEN.findall(text, p, np_end)]
            if (
                not words
                or len(words) > 10
                or any(w in _STOP and w != "and" for w in words)  # "the senator and candidate said"
                or words[-1] in _INNER_PREP
                or words[-1] == "and"
            ):
                return None
            np = (p, np_end)
        if "," in between and not between.rstrip().endswith(","):
            # the verb is inside the apposition ("Warren, who has not endorsed anyone, told"):
            # the next one may be the attribution's
            continue
        return doc.attribution(np, hit)
    return None


def _before_quote(doc: _Doc, start: int) -> _Attribution | None:
    """``X said: “…”`` / ``X told reporters, “…”`` / ``According to X, “…”``."""
    text = doc.text
    sent = doc.sentence(start)
    ls, _le = doc.line(start)
    floor = max(sent.start, ls) if sent.start < start else ls
    hits = doc.hits_between(max(floor, start - 80), start)
    for hit in reversed(hits):
        gap = text[hit.end : start]
        if hit.form == "according to":
            np = doc.np_after(hit.end, start)
            if np and text[np[1] : start].strip() in (",", ""):
                return doc.attribution(np, hit)
            continue
        if _has_break(text, hit.end, start, '.;?!“”"'):
            continue
        long_object = len(gap) <= 100 and hit.form in _OBJECT_VERBS and gap.rstrip()[-1:] in ",:"
        if len(gap) > 45 and not long_object:
            continue  # a long object only after "told" ("told the mayors who gathered in …, “…”")
        if not _PLAIN_GAP.fullmatch(gap):
            continue
        np = doc.np_before(hit.cue_start, floor) or _appositive_subject(doc, hit.cue_start, floor)
        if np is not None and _object_of_verb(doc, hit, np):
            # "Mr. Trump issued a statement Tuesday saying, …": the participle's subject is the clause's
            np = _clause_subject(doc, hit.cue_start, sent.start, participle=True) or np
        if np is None:
            np = _participle_subject(doc, hit, floor) or _clause_subject(doc, hit.cue_start, sent.start)
        if np is None:
            continue
        cue_end = hit.end
        extra = gap.rstrip().rstrip(":,").rstrip()
        if extra and len(extra.split()) <= 3 and not extra.lower().endswith("that"):
            cue_end = hit.end + len(extra)
        return doc.attribution(np, hit, cue_end)
    return None


#: What may follow a verb that ends its sentence: "said.", "said Tuesday.", "told reporters."
_SHORT_TAIL = re.compile(r"(?:\s+[\w’'-]+){0,3}\s*\.\s*")
#: Words between a cue and its quotation ("told reporters on Monday:", "wrote to his 20,000 followers,").
_PLAIN_GAP = re.compile(r"(?:[\w\s.'’&-]|(?<=\d),(?=\d{3}))*[:,]?\s*")


#: First words of an apposition or parenthetical between a subject and its verb ("Ann Lee, the
#: mayor, said", "Lee, who chairs the panel, said", "Several candidates, including Lee, said").
_APPOSITION_OPENERS = _DETERMINERS | frozenset(
    ["who", "whose", "which", "including", "like", "such", "now", "then", "once", "formerly"]
    + ["himself", "herself", "too", "however", "meanwhile", "though", "for", "in", "at", "speaking", "asked"]
)


#: Words after which a subject opens its clause ("… and Ann Lee, the mayor, said").
_CLAUSE_OPENERS = frozenset(
    ["and", "but", "while", "that", "because", "as", "yet", "so", "then", "meanwhile", "still", "also"]
)


def _appositive_subject(doc: _Doc, end: int, floor: int) -> tuple[int, int] | None:
    """The subject before an apposition that ends at ``end``: "Matt Ruiz, the group's director,
    said", "Scott Reed, who managed Dole's campaign, said", "Joyce — who is listed as … — told"."""
    text = doc.text
    k = end
    while k > floor and text[k - 1].isspace():
        k -= 1
    if k <= floor:
        return None
    mark = text[k - 1]
    if mark == ",":
        opening = text.rfind(",", max(floor, k - 200), k - 1)
    elif mark in "—–":
        opening = text.rfind(mark, max(floor, k - 200), k - 1)
    else:
        return None
    if opening < 0:
        return None
    inner = text[opening + 1 : k - 1].split()
    if not inner or any(c in text[opening + 1 : k - 1] for c in ";:“”\"()"):
        return None
    head = doc.np_before(opening, floor)
    if head is None:
        return None
    surface = text[head[0] : head[1]]
    low = surface.lower()
    if low in _RELATIVES or low == "it":
        return None
    named = surface[:1].isupper() and doc.named(head)
    first = inner[0].lower().strip(",")
    if mark == ",":
        if not (
            first in _APPOSITION_OPENERS
            or first.endswith("ly")
            or first in _SENTENCE_ADVERBS
            # "Ann Lee, R-Ky., said", "Lee, 45, said"
            or named and (inner[0][:1].isupper() or inner[0][:1].isdigit())
        ):
            return None
        if len(inner) > 1 and not (first in _APPOSITION_OPENERS or named):
            return None
    if not (named or low in _PRONOUNS or _agent_like(doc, head)):
        return None
    # the subject opens its clause: the sentence start, a comma or a conjunction before it
    lead = text[floor : head[0]].rstrip()
    if lead and lead[-1] not in ",;:—–(" and lead.split()[-1].lower() not in _CLAUSE_OPENERS:
        return None
    return head


def _participle_subject(doc: _Doc, hit: _Hit, floor: int) -> tuple[int, int] | None:
    """For "…, adding that": the subject of the earlier reporting verb in the same sentence."""
    if not hit.form.endswith("ing"):
        return None
    for prev in reversed(doc.hits_between(floor, hit.start)):
        if prev.form == "according to":
            continue
        np = doc.np_before(prev.cue_start, floor)
        if np is None:
            # "“…,” Peskov told reporters, adding": the verb after a quote has its subject before it
            ls, _ = doc.line(prev.start)
            np = doc.np_before(prev.cue_start, ls)
        if np is not None:
            if _COORDINATED_CLAUSE.search(doc.text, prev.end, hit.cue_start):
                # "Protest groups say …, and the ACLU has sued the city, saying": a closer clause
                # has its own subject
                near = _clause_subject(doc, hit.cue_start, floor)
                if near is not None and near[0] > prev.end:
                    return near
            return np
    return None


#: A coordinated clause with a subject of its own: ", and the ACLU has sued", "; the mayor …".
_COORDINATED_CLAUSE = re.compile(r"(?:,\s+(?:and|but|while|whereas)|;)\s+(?:the\s+|a\s+)?[A-Z]")


#: Words before a participle's phrase that make it the subject ("with Trump saying"), not an object.
_NOT_OBJECT_LEADS = frozenset(["and", "but", "or", "with", "while", "as", "then"])


def _object_of_verb(doc: _Doc, hit: _Hit, np: tuple[int, int]) -> bool:
    """Whether the phrase before a participle cue is the object of an earlier verb ("issued a
    statement Tuesday saying"), not its subject ("with Trump saying", "Trump, saying")."""
    if not hit.form.endswith("ing") or hit.form == "according to":
        return False
    prev = doc.toks(max(0, np[0] - 30), np[0])
    if not prev:
        return False
    t = prev[-1][2]
    return bool(_WORD.match(t)) and t.islower() and t not in _NOT_OBJECT_LEADS


def _clause_subject(doc: _Doc, pos: int, floor: int, participle: bool = False) -> tuple[int, int] | None:
    """For a verb without its own subject ("… and said", "…, saying:"), the nearest clause subject.

    Clause starts are the sentence start and every comma before ``pos``; the first one,
    nearest first, that opens with a name or a personal pronoun gives the subject.
    """
    text = doc.text
    toks = doc.toks(floor, pos)
    while toks and toks[-1][2] in ("”", '"', "’", "'", "''"):
        toks = toks[:-1]  # "… of “New York values,” saying …": the comma inside the closing mark
    if not toks:
        return None
    last = _bare(toks[-1][2])
    if not (participle or last in ("and", "but", "then") or toks[-1][2] == ","):
        # "…, but in a later interview said", "…, at one point calling": a prepositional phrase
        # between the conjunction and the verb
        k = len(toks) - 1
        while k > 0 and len(toks) - k < 8 and _WORD.match(toks[k][2]) and toks[k][2] not in _SUBJECT_PREPS:
            k -= 1
        if not (
            k > 0
            and toks[k][2] in _SUBJECT_PREPS
            and (_bare(toks[k - 1][2]) in ("and", "but", "then") or toks[k - 1][2] == ",")
        ):
            return None
        toks = toks[:k]
    # clause starts: the sentence start, commas and dashes ("WASHINGTON — Sen. Ann Lee … and said")
    starts = [floor] + [e for s, e, t in toks if t in (",", "—", "–")]
    described = None
    for st in reversed(starts):
        # "And then Trump went on the attack, saying": openers before the subject
        for _s, e, t in doc.toks(st, min(pos, st + 40))[:3]:
            if t != "," and _bare(t) not in _SENTENCE_ADVERBS:
                break
            st = e
        np = doc.np_after(st, pos, max_tokens=6)
        if np is None or np[1] >= pos - 1:
            continue
        surface = text[np[0] : np[1]]
        if surface.lower() in ("he", "she", "they", "we", "i"):
            return np
        if surface[:1].isupper() and doc.named(np):
            words = surface.split()
            if words[0].lower() not in _DETERMINERS:
                while len(words) > 1 and words[-1][:1].islower():
                    words.pop()  # "Trump went fully": the name without its verb
            return (np[0], np[0] + len(" ".join(words))) if surface.startswith(" ".join(words)) else np
        words = surface.split()
        if (
            described is None
            and len(words) >= 2
            and words[0].lower() in ("the", "a", "an")
            and _agent_like(doc, np)
        ):
            verb = next(
                (
                    i
                    for i, w in enumerate(words)
                    if i >= 2 and w.islower() and (w.endswith("ed") or w in _IRREGULAR_PAST or w in _FINITE)
                ),
                None,
            )
            if verb is not None:
                words = words[:verb]  # "The dockworkers marched past the hall": the subject without its verb
            while len(words) > 2 and words[-1].islower() and words[-1].endswith(("ed", "s")):
                words.pop()  # "The spokesman declined": the subject without its verb
            kept = re.match(r"\S+(?:\s+\S+){" + str(len(words) - 1) + "}", surface)
            described = (np[0], np[0] + kept.end()) if kept else np
            # "The spokesman refused to answer … but said …", when no name is found
    return described


def _trailing(doc: _Doc, sent: Span, after: int) -> _Attribution | None:
    """A sentence-final attribution after ``after``: ``…, X added.`` / ``…, said X.`` / ``…, according to X.``"""
    text = doc.text
    hits = [h for h in doc.hits_between(after, sent.end)]
    if not hits:
        return None
    hit = hits[-1]
    tail = text[hit.end : sent.end]
    if hit.form == "according to":
        np = doc.np_after(hit.end, sent.end)
        if (
            np
            and len(_TOKEN.findall(text, np[1], sent.end)) <= 2
            and text[: hit.cue_start].rstrip().endswith(",")
        ):
            return doc.attribution(np, hit)
        return None
    tail_words = [t for t in _TOKEN.findall(text, hit.end, sent.end) if _WORD.match(t)]
    if len(tail_words) > 6 or any(w.lower() == "that" for w in tail_words) or any(c in tail for c in '“”"'):
        return None
    comma = text.rfind(",", after, hit.cue_start)
    if comma < 0:
        return None
    between = text[comma + 1 : hit.cue_start].strip()
    if not between:  # inverted: "…, said Peskov."
        np = doc.np_after(hit.end, sent.end)
        return doc.attribution(np, hit) if np else None
    np = doc.np_before(hit.cue_start, comma + 1)
    if np is None or text[comma + 1 : np[0]].strip():
        return None
    return doc.attribution(np, hit)


#: Words that open a participle clause before the main clause ("Despite saying …, Mr. Lund said …").
_SUBORDINATORS = frozenset(["despite", "after", "before", "while", "since", "when", "upon", "without", "besides"])


def _main_clause_subject(doc: _Doc, hit: _Hit, np: tuple[int, int], sent: Span) -> tuple[int, int] | None:
    """ "Despite saying that …, Mr. Lund said …": the subject of a participle that opens the sentence
    after a subordinator is the main clause's, after the clause's comma (``np`` is the subordinator)."""
    if not hit.form.endswith("ing") or doc.text[np[0] : np[1]].lower() not in _SUBORDINATORS:
        return None
    text = doc.text
    comma = text.find(",", hit.end, sent.end)
    if comma < 0:
        return None
    for h2 in doc.hits_between(comma, sent.end)[:2]:
        np2 = doc.np_before(h2.cue_start, comma + 1)
        if np2 is not None and not text[comma + 1 : np2[0]].strip() and doc.named(np2):
            return np2
    return None


def _within_sentence(doc: _Doc, sent: Span, start: int, end: int) -> _Attribution | None:
    """The sentence's own source for a quoted fragment between ``start`` and ``end``."""
    att = _trailing(doc, sent, end)
    if att:
        return att
    text = doc.text
    for hit in doc.hits_between(sent.start, sent.end):
        if hit.form == "according to":
            np = doc.np_after(hit.end, sent.end)
            if np and not (np[0] <= start < np[1]):
                return doc.attribution(np, hit)
    for hit in reversed(doc.hits_between(sent.start, start)):
        np = doc.np_before(hit.cue_start, sent.start) or _appositive_subject(doc, hit.cue_start, sent.start)
        if np is None:
            np = _participle_subject(doc, hit, sent.start)
        if np is not None:
            np = _main_clause_subject(doc, hit, np, sent) or np
            return doc.attribution(np, hit)
    for hit in doc.hits_between(end, sent.end):
        np = doc.np_before(hit.cue_start, end)
        if np is not None and np[0] > end and not text[end : np[0]].strip(" ,”\"'’"):
            return doc.attribution(np, hit)
    return None


_UNKNOWN_VERB_AFTER = re.compile(
    r"[\s,—–-]*(?P<np>[^,.;:?!“”\"\n]{1,60}?)\s+(?P<v>[a-z]{3,}(?:ed|s)|read)(?=[\s.,;])"
)
_UNKNOWN_VERB_INVERTED = re.compile(
    r"\s+(?P<v>[a-z]{3,}ed)\s+"
    r"(?P<np>(?:Mr\.|Mrs\.|Ms\.|Dr\.|Sen\.|Rep\.|Gov\.)?\s*[A-Z][\w’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})"
    r"(?=[\s,.;])"
)
_UNKNOWN_VERB_BEFORE = re.compile(r"(?P<v>\b[a-z]{3,}(?:ed|s))\s*[,:]\s*$")


def _unknown_verb(doc: _Doc, start: int, end: int) -> _Attribution | None:
    """``“…,” he promises`` / ``X cracked, “…”``: a verb outside the lexicon in the attribution slot."""
    text = doc.text
    ls, le = doc.line(start)
    k = end
    while k > start and text[k - 1] in "”\"'’»":
        k -= 1
    if k > start and text[k - 1] in ",?!":
        inv = _UNKNOWN_VERB_INVERTED.match(text, end, le)
        if inv:
            # "“This is fantastic!” beamed Donald Hartley": an unknown verb, then a name
            np = (inv.start("np"), inv.end("np"))
            if doc.named(np) and _name_ok(inv.group("np").split()[0]):
                v = Span(inv.start("v"), inv.end("v"))
                return _Attribution(doc.resolve(np), Span(*np), inv.group("v"), v)
        m = _UNKNOWN_VERB_AFTER.match(text, end, le)
        if m:
            words = [_bare(t) for t in _TOKEN.findall(m.group("np"))]
            if words and len(words) <= 8 and not any(w in _STOP for w in words):
                np = (m.start("np"), m.end("np"))
                v = Span(m.start("v"), m.end("v"))
                return _Attribution(doc.resolve(np), Span(*np), m.group("v"), v)
    m = _UNKNOWN_VERB_BEFORE.search(text, max(ls, start - 40), start)
    if m:
        floor = max(ls, doc.sentence(m.start()).start)
        subj = doc.np_before(m.start("v"), floor)
        if subj is not None and (text[subj[0] : subj[1]].lower() in _PERSON_PRONOUNS or doc.named(subj)):
            return _Attribution(doc.resolve(subj), Span(*subj), m.group("v"), Span(m.start("v"), m.end("v")))
    return None


def _colon_lead(doc: _Doc, start: int) -> _Attribution | None:
    """A stand-alone quote after a sentence ending with ':' ("Peskov said:")."""
    text = doc.text
    k = start - 1
    while k >= 0 and text[k].isspace():
        k -= 1
    if k < 0 or text[k] != ":":
        return None
    att = _before_quote(doc, k + 1)
    if att is not None:
        return att
    # "More from Jane Doe:" / "Cruz continued:" without a verb we know: the name before the colon.
    ls, _ = doc.line(k)
    floor = max(ls, doc.sentence(k).start)
    np = doc.np_before(k, floor)
    if np is not None and not (text[np[0] : np[1]][:1].isupper() and doc.named(np)):
        np = None
    if np is None:
        np = doc.np_after(floor, k, max_tokens=6)
        if np is None or not (text[np[0] : np[1]][:1].isupper() and doc.named(np)):
            return None
    return _Attribution(doc.resolve(np), Span(*np), ":", Span(k, k + 1))


def _inner_speaker(doc: _Doc, sent: Span, start: int, att: _Attribution) -> str | None:
    """ "Putin conveyed “…”, according to Peskov": the person on whose behalf the speaker speaks."""
    if att.cue_span is None or att.cue_span.start < start:
        return None
    for hit in reversed(doc.hits_between(sent.start, start)):
        if hit.form == "according to":
            continue
        np = doc.np_before(hit.cue_start, sent.start)
        if np is None or doc.text[np[0] : np[1]].lower() in _PRONOUNS:
            continue
        name = doc.resolve(np)
        if name and name != att.speaker:
            return name
    return None


# --------------------------------------------------------------------------- the finder


def _kind(doc: _Doc, start: int, end: int) -> str:
    text = doc.text
    ls, _ = doc.line(start)
    k = start - 1
    while k >= ls and text[k].isspace():
        k -= 1
    if k < ls:
        return "direct"
    prev = text[k]
    inner = text[start:end].strip("“”\"'‘’«»„`")
    words = inner.split()
    if prev in '.?!:;”"’»)' or text[k - 1 : k + 1] == "''":
        return "direct"
    if prev in ",—–(":
        return "direct" if len(words) >= 4 or inner[:1].isupper() else "partial"
    if not inner[:1].isupper() and len(words) >= 5:
        # "Trump says “the whole game has become soft”": a long quotation right after say / tell
        for hit in doc.hits_between(max(ls, start - 12), start):
            if hit.form in _SAY_FORMS and not text[hit.end : start].strip():
                return "direct"
    # "X said “We …”" / "X told CNN “We …”": a capitalised quotation right after the cue
    if inner[:1].isupper() and len(words) >= 3:
        for hit in doc.hits_between(max(ls, start - 40), start):
            gap = text[hit.end : start].split()
            if hit.form != "according to" and (
                not gap or gap == ["reporters"] or len(gap) <= 2 and all(w[:1].isupper() for w in gap)
            ):
                return "direct"
    return "partial"


def find_quotes(text: str, sentences: Sequence[Span], entities: Sequence[Entity]) -> list[Quote]:
    """Direct, partial and indirect quotes of ``text``, with speakers, in text order.

    ``sentences`` are the article's sentence spans and ``entities`` its entities (their
    mentions resolve speakers to canonical names); both may be empty.

    >>> text = "“We are ready,” Kremlin spokesman Dmitry Peskov told reporters."
    >>> [(q.kind, text[q.start:q.end]) for q in find_quotes(text, [], [])]
    [('direct', '“We are ready,”')]
    """
    spans = _find_quote_spans(text)
    doc = _Doc(text, sentences, entities, [(s, e) for s, e, _c in spans])
    quotes: list[Quote] = []
    direct_cues: set[int] = set()
    quoted: list[tuple[int, int]] = []
    prev_quote: Quote | None = None
    for start, end, _closed in spans:
        quoted.append((start, end))
        kind = _kind(doc, start, end)
        sent = doc.sentence(start)
        att: _Attribution | None
        if kind == "direct":
            att = _after_quote(doc, end) or _before_quote(doc, start) or _colon_lead(doc, start)
            if att is None:
                end_sent = doc.sentence(max(end - 1, start))
                att = _trailing(doc, end_sent, end) if end_sent.end > end else None
            if att is None:
                att = _unknown_verb(doc, start, end)
            if att is None and prev_quote is not None and prev_quote.speaker_span is not None:
                same_line = doc.line(prev_quote.start)[0] == doc.line(start)[0]
                gap = text[prev_quote.end : start]
                line_start = doc.line(start)[0]
                prev_line = doc.line(max(prev_quote.end - 1, prev_quote.start))
                adjacent = bisect.bisect_left(doc.line_starts, line_start) - 1 == bisect.bisect_left(
                    doc.line_starts, prev_line[0]
                )
                if same_line or (not gap.strip() and _opens_clause(text, start, line_start)):
                    # the quote goes on after "he said", or in the next paragraph
                    att = _Attribution(
                        prev_quote.speaker, prev_quote.speaker_span, prev_quote.cue, prev_quote.cue_span
                    )
                elif adjacent and start == line_start and _opens_clause(text, start, line_start):
                    att = _Attribution(prev_quote.speaker, prev_quote.speaker_span, None, None)
            if att is None and len(text[start:end].split()) <= 2:
                kind = "partial"
        else:
            att = _after_quote(doc, end) or _within_sentence(doc, sent, start, end)
        if att is not None and att.cue_span is not None and kind == "direct":
            direct_cues.add(att.cue_span.start)
        behalf = _inner_speaker(doc, sent, start, att) if att is not None else None
        q = Quote(
            start=start,
            end=end,
            kind=kind,
            speaker=att.speaker if att else None,
            speaker_span=att.speaker_span if att else None,
            cue=att.cue if att else None,
            cue_span=att.cue_span if att else None,
            on_behalf_of=behalf,
        )
        quotes.append(q)
        if kind == "direct":
            prev_quote = q
    indirect = _indirect(doc, quoted, direct_cues, {q.cue_span.start for q in quotes if q.cue_span})
    quotes = _join_inner_partials(quotes, indirect)
    quotes.extend(
        _partial_clauses(doc, quotes, {q.cue_span.start for q in indirect if q.cue_span}, direct_cues)
    )
    quotes.extend(indirect)
    quotes.extend(_headlines(doc))
    quotes.extend(_noun_cues(doc, quoted))
    quotes.extend(_passive_by(doc, quoted))
    quotes.extend(_seeming(doc, quoted))
    quotes.extend(_asked_questions(doc, quoted))
    quotes.sort(key=lambda q: (q.start, q.end))
    return _drop_nested(quotes)


def _drop_nested(quotes: list[Quote]) -> list[Quote]:
    """ "Peskov said Putin wants peace": a reporting word inside another source's reported clause
    is part of what that source said, not an attribution of its own; only the outer one is kept."""
    outer = [
        (q.start, q.end, q.cue_span)
        for q in quotes
        if q.kind == "indirect" and q.cue_span is not None and q.speaker_span is not None
    ]
    if not outer:
        return quotes
    starts = [o[0] for o in outer]
    keep = []
    for q in quotes:
        if q.kind == "indirect" and q.cue_span is not None and q.cue != "according to":
            # ("…, according to a poll" inside a clause names the clause's own source: kept)
            i = bisect.bisect_right(starts, q.cue_span.start)
            if any(
                s <= q.cue_span.start < e and q.end <= e and cue != q.cue_span for s, e, cue in outer[:i]
            ):
                continue
        keep.append(q)
    return keep


def _join_inner_partials(quotes: list[Quote], indirect: list[Quote]) -> list[Quote]:
    """A partial quote inside a reported clause with the same cue word ("writes in the column
    that the “movie is …”") takes that clause's attribution, so both share one ``cue_span``."""
    by_cue = {q.cue_span.start: q for q in indirect if q.cue_span is not None}
    out = []
    for q in quotes:
        ind = by_cue.get(q.cue_span.start) if q.kind == "partial" and q.cue_span is not None else None
        if q.kind == "partial" and q.cue_span is not None and (ind is None or not ind.start <= q.start < ind.end):
            # "X said the council would stay “neutral,” and the governor said …": the cue after the
            # quotation begins the next clause; the quotation is inside X's reported clause
            ind = next((i for i in indirect if i.cue_span is not None and i.cue_span.end <= i.start
                        and i.start <= q.start and q.end <= i.end + 2 <= q.cue_span.start), None)  # fmt: skip
        if ind is not None and ind.start <= q.start and q.end <= ind.end + 2 and (
            ind.cue_span != q.cue_span or ind.speaker_span != q.speaker_span
        ):
            # the clause's speaker too: "X issued a statement on behalf of A, B and C, offering “…”" is X's
            q = Quote(
                start=q.start,
                end=q.end,
                kind=q.kind,
                speaker=ind.speaker,
                speaker_span=ind.speaker_span,
                cue=ind.cue,
                cue_span=ind.cue_span,
                on_behalf_of=q.on_behalf_of,
            )
        out.append(q)
    return out


def _partial_clauses(doc: _Doc, quotes: list[Quote], found: set[int], direct_cues: set[int]) -> list[Quote]:
    """Trump vowed to "bomb the hell" out of …: a partial quote whose cue comes before it in the
    sentence stands inside the reported clause; give that clause (cue to sentence end) as well."""
    text = doc.text
    out: list[Quote] = []
    seen: set[Span] = set()
    for q in quotes:
        cue = q.cue_span
        if (
            q.kind != "partial"
            or cue is None
            or cue.end > q.start
            or cue.start in found
            or cue in seen
            or cue.start in direct_cues
        ):
            continue
        sent = doc.sentence(q.start)
        if cue.start < sent.start or _has_break(text, cue.end, q.start, ".;?!"):
            continue
        cs, ce = _strip_span(text, cue.end, sent.end)
        ce = _next_attribution(doc, cs, ce)
        cs, ce = _strip_span(text, cs, ce)
        if ce <= q.start:
            continue
        seen.add(cue)
        out.append(
            Quote(
                start=cs,
                end=ce,
                kind="indirect",
                speaker=q.speaker,
                speaker_span=q.speaker_span,
                cue=q.cue,
                cue_span=cue,
            )
        )
    return out


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(spans, (pos, len(spans) and 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",:;—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:—–-"):
        end -= 1
    return start, end


def _indirect(doc: _Doc, quoted: list[tuple[int, int]], direct_cues: set[int], used: set[int]) -> list[Quote]:
    text = doc.text
    out: list[Quote] = []
    for hit in doc.hits + doc.title_hits:
        if _inside(quoted, hit.start) or hit.cue_start in direct_cues or hit.tier == "quote":
            continue
        sent = doc.sentence(hit.start)
        content: tuple[int, int] | None = None
        short: tuple[int, int] | None = None  # a one-word content ("That’s according to …")
        np: tuple[int, int] | None = None
        cue_end = hit.end
        if hit.form == "according to":
            np = doc.np_after(hit.end, sent.end)
            if np is None:
                continue
            lead = text[sent.start : hit.cue_start].strip(' “"')
            rest = text[np[1] : sent.end]
            if _THATS.fullmatch(lead) and "," not in rest:
                # "That’s according to early results of exit polls.": the content is "That"
                at = sent.start + text[sent.start : hit.cue_start].index(lead[:4])
                content = short = (at, at + 4)
            elif len(lead.split()) <= 1 and rest.lstrip().startswith(","):
                content = (np[1], sent.end)
            elif (
                len(lead.split()) <= 1 and (comma := _CLAUSE_COMMA.search(text, np[1], sent.end)) is not None
            ):
                # "According to early results of the exit polls conducted for the AP by Edison
                # Research, majorities …": a long source, then the content after its comma
                src = text[np[1] : comma.start()]
                if len(src.split()) > 16 or any(c in src for c in '“”"():;'):
                    continue
                content = (comma.end(), sent.end)
            elif lead.endswith(","):
                content = (sent.start, text.rfind(",", sent.start, hit.cue_start))
                appos = _APPOSITION_AFTER.match(rest)
                if appos is not None:
                    rest = rest[appos.end() - 1 :]  # "according to Dennis Ross, another envoy, was …"
                if rest.lstrip().startswith(",") and len(lead.split()) >= 2 and _parenthetical_end(rest):
                    content = (sent.start, sent.end)  # "Most Americans, according to a poll, believe …"
            elif len(lead.split()) >= 4 and (not rest.strip(" .”\"") or rest.lstrip().startswith(",")):
                if any(c in lead for c in '“”"'):
                    continue
                # "Clinton leads Sanders by 271 delegates according to a count by the AP, but …"
                content = (sent.start, hit.cue_start)
            else:
                continue
        else:
            np = doc.np_before(hit.cue_start, sent.start)
            if np is not None and _loose_np(text[np[0] : np[1]]):
                np = None  # "featuring Hispanics telling …": not a subject
            if np is None and not hit.form.endswith("ing"):
                np = _appositive_subject(doc, hit.cue_start, sent.start)
            if np is not None and _object_of_verb(doc, hit, np):
                np = _clause_subject(doc, hit.cue_start, sent.start, participle=True) or np
            paren = _parenthetical(doc, hit, np, sent) if np is not None else None
            if paren is not None:
                content = paren
            if np is None:
                # "…, said Peskov." / "…, said Wilcox, an Orlando Republican who …": the source
                # after the verb, before any subject of the reported clause is looked for
                before = text[sent.start : hit.cue_start].rstrip()
                after_np = doc.np_after(hit.end, sent.end) if hit.tier == "speech" else None
                rest = text[after_np[1] : sent.end].strip() if after_np else ""
                lead_end = _lead_comma(before)
                if (
                    lead_end is not None
                    and after_np
                    and (len(_TOKEN.findall(rest)) <= 2 or rest.startswith(","))
                    and not hit.form.endswith("ing")
                    and len(before.split()) > 2
                ):
                    np = after_np
                    content = (sent.start, sent.start + lead_end)
            if np is None:
                np = _participle_subject(doc, hit, sent.start)
                if np is None or not _agent_like(doc, np) or _loose_np(doc.text[np[0] : np[1]]):
                    # "Mr. Trump has repudiated decades of Republican support …, calling for …":
                    # the clause subject, when the earlier cue's subject is no agent
                    np = _clause_subject(doc, hit.cue_start, sent.start) or np
                if np is None:
                    continue
            np = _main_clause_subject(doc, hit, np, sent) or np
            if _passive(text, hit):
                continue  # "The council is expected to …": the subject is not the source
            if hit.tier == "stance" and not _agent_like(doc, np):
                continue
            if hit.tier in _AGREEING_TIERS and not _agrees(doc, hit, np):
                continue  # "Latino support for them", "strong support from voters": a noun
            if content is None:
                content = _complement(doc, hit, np, sent)
                if content is None:
                    continue
                if content[0] < hit.start:
                    pass
                elif content[0] > hit.end:
                    gap = text[hit.end : content[0]].strip()
                    if _WORD.match(gap) and not gap.lower().endswith("that") and len(gap.split()) <= 3:
                        cue_end = hit.end + len(text[hit.end : content[0]].rstrip().rstrip(",:"))
        cs, ce = _strip_span(text, *content)
        if cs > hit.end:
            ce = _next_attribution(doc, cs, ce)
            cs, ce = _strip_span(text, cs, ce)
        if (ce - cs < 12 or len(text[cs:ce].split()) < 3) and content != short:
            continue
        if (text[cs] in "“\"«„‘'" or text[cs:ce].startswith("''")) and not _quote_then_clause(quoted, cs, ce):
            continue  # a direct quotation: already found with its marks
        att = doc.attribution(np, hit, cue_end)
        if att.speaker_span is not None and att.speaker_span.start < cs < att.speaker_span.end:
            continue
        out.append(
            Quote(
                start=cs,
                end=ce,
                kind="indirect",
                speaker=att.speaker,
                speaker_span=att.speaker_span,
                cue=att.cue,
                cue_span=att.cue_span,
            )
        )
    return out


_BE = frozenset(["is", "are", "was", "were", "be", "been", "being"])


def _base_forms() -> frozenset[str]:
    """The bare forms of the lexicon's verbs (the first form of each line), without those that
    are also a past tense ("cast", "put", "read")."""
    out = {forms[0] for _tier, forms in _lexicon_rows() if forms and "_" not in forms[0]}
    past = {"cast", "put", "set", "read", "hit", "let", "bet", "quit", "spread", "cut", "hurt"}
    return frozenset(out - past)


_BASE_FORMS = _base_forms()
#: Tiers whose bare verb forms are checked for agreement with their subject (see :func:`_agrees`).
_AGREEING_TIERS = frozenset(["stance", "that"])
#: Plural subjects without a final "s", and quantities, that take a bare verb form ("people say").
_PLURAL_WORDS = frozenset(
    ["people", "police", "staff", "media", "children", "men", "women", "public", "clergy", "youth", "others"]
    + ["alike", "themselves", "both", "all", "some", "many", "most", "few", "several"]
)


def _agrees(doc: _Doc, hit: _Hit, np: tuple[int, int]) -> bool:
    """A bare verb form ("support", "think") right after its subject needs a plural or a personal
    pronoun subject: "Clinton support" and "Nevada's strong support" are nouns, "voters support",
    "they think", "would support" (an auxiliary between) are verbs."""
    form = hit.form
    if hit.cue_start != hit.start or form not in _BASE_FORMS:
        return True
    words = doc.text[max(0, np[0] - 20) : np[1]].split()
    own = len(doc.text[np[0] : np[1]].split())
    last = words[-1].lower().strip(",.") if words else ""
    before = words[-own - 1].lower() if len(words) > own else ""
    return (
        before in _AUX  # "Did the foundation refuse", "would make anyone think"
        or before in ("make", "makes", "made", "let", "lets", "help", "helps", "see", "watch", "hear")
        or last.endswith(("n’t", "n't"))
        or last in _PRONOUNS
        or last in _RELATIVES
        or last in _PLURAL_WORDS
        or last.endswith("s") and not last.endswith(("’s", "'s", "ss"))
        or last[:1].isdigit()
        or np[1] < hit.start - 1 and not doc.text[np[1] : hit.start].isspace()
    )


#: "That’s according to …", "This is according to …": the pronoun is the content.
_THATS = re.compile(r"(?:That|This)(?:’s|'s|\s+is|\s+was)")
#: An apposition after a source: ", another former envoy," / ", a spokesman for the campaign,".
_APPOSITION_AFTER = re.compile(r"\s*,\s*(?:a|an|another|the|who|whose|which)\s[^,;:“”\"()]{1,80},")


def _passive(text: str, hit: _Hit) -> bool:
    """Whether a participle cue is passive ("is expected", "was asked"): a form of "be" just before it."""
    if not hit.form.endswith("ed") or hit.cue_start == hit.start:
        return False
    before = text[hit.cue_start : hit.start].split()
    return bool(before) and before[-1].lower() in _BE


def _lead_comma(lead: str) -> int | None:
    """Where the reported clause before ", X said" ends: before a final comma, or after the
    closing mark of a final quotation that holds the comma ("… a “very welcome tack,”")."""
    if lead.endswith(","):
        return len(lead) - 1
    k = len(lead)
    while k > 0 and lead[k - 1] in "”\"'’":
        k -= 1
    if k < len(lead) and k > 0 and lead[k - 1] == ",":
        return len(lead)
    return None


def _finite_or_participle(form: str) -> bool:
    """ "tells", "added", "told", "insisting" (a verb with its own subject), not a bare "tell"."""
    return form.endswith(("s", "ed", "ing")) or form in _IRREGULAR_PAST


_IRREGULAR_PAST = frozenset(
    [
        "said",
        "told",
        "wrote",
        "thought",
        "knew",
        "saw",
        "spoke",
        "felt",
        "took",
        "gave",
        "made",
        "held",
        "put",
    ]
)


def _quote_then_clause(quoted: list[tuple[int, int]], start: int, end: int) -> bool:
    """Bush said "local forces" must lead the way: a clause that opens with a short quotation."""
    i = bisect.bisect_left(quoted, (start, 0))
    return i < len(quoted) and quoted[i][0] == start and quoted[i][1] < end - 10


_COORDINATOR = re.compile(r",|\b(?:and|but|while|whereas)\b")


def _next_attribution(doc: _Doc, start: int, end: int) -> int:
    """Where a reported clause stops: before a later cue of its own in a coordinated clause
    ("said he plans X, insisting that …", "said X, and other leaders said …", "said X and tells")."""
    text = doc.text
    for hit in doc.hits_between(start + 1, end):
        if hit.tier != "speech" or hit.form == "according to":
            continue
        # the nearest comma or conjunction before the later cue, with at most a short subject between
        floor = max(start, hit.cue_start - 60)
        last = None
        for m in _COORDINATOR.finditer(text, floor, hit.cue_start):
            last = m
        if last is None or last.start() <= start + 10:
            continue
        between = text[last.end() : hit.cue_start]
        cut = last.start()
        closing = len(between) - len(between.lstrip('”"’'))
        if last.group() == "," and closing:
            # '… to remain “united,” the Kremlin said': the comma is inside the closing quotation
            # mark, which the clause keeps
            cut = last.end() + closing
            between = between[closing:]
        if len(between.split()) > 5 or any(c in between for c in '.;:“”"()'):
            continue
        words = between.split()
        if words and words[0].lower() == "that":
            continue  # "said X and that the committee would continue …": one reported clause
        if any(w.islower() and len(w) > 4 and w.endswith("ed") for w in words):
            continue  # "and delivered only nonpartisan remarks": a verb phrase, not a subject
        if not between.strip() and not _finite_or_participle(hit.form):
            continue  # "he’d sign the bill and tell the council …": one clause
        return cut
    return end


def _noun_cues(doc: _Doc, quoted: list[tuple[int, int]]) -> list[Quote]:
    """ "Trump's claim that the vote is rigged", "his warning that …": the clause after the noun."""
    text = doc.text
    out = []
    for c in _NOUN_CUE.finditer(text):
        m = _POSSESSOR.search(text, max(0, c.start() - 70), c.start())
        if m is None or _inside(quoted, m.start()):
            continue
        grp = "pro" if m.group("pro") else "name"
        np = (m.start(grp), m.end(grp))
        if grp == "name":
            words = m.group("name").split()
            while words and not _name_ok(words[0]):
                np = (np[0] + len(words[0]) + 1, np[1])  # "Yesterday Trump's" → "Trump"
                words.pop(0)
            if not words or not doc.named(np):
                continue
        sent = doc.sentence(m.start())
        comma = _CLAUSE_COMMA.search(text, c.end(), sent.end)
        cs, ce = _strip_span(text, c.end(), comma.start() if comma else sent.end)
        if ce - cs < 12 or len(text[cs:ce].split()) < 3:
            continue
        cue = Span(c.start(), c.start() + len(c.group().rstrip()))
        out.append(
            Quote(
                start=cs,
                end=ce,
                kind="indirect",
                speaker=doc.resolve(np),
                speaker_span=Span(*np),
                cue=text[cue.start : cue.end],
                cue_span=cue,
            )
        )
    return out


_AS_BY = re.compile(
    r",\s+as\s+(?:(?:first|previously|earlier|widely)\s+)?(?P<cue>(?:stated|reported|noted|announced|said|"
    r"written|claimed|argued|explained|tweeted|posted|told|described|confirmed)\s+by)\s+"
)


def _passive_by(doc: _Doc, quoted: list[tuple[int, int]]) -> list[Quote]:
    """ "The plan was approved, as stated by Dmitry Peskov.": the clause before ", as … by X"."""
    text = doc.text
    out = []
    for m in _AS_BY.finditer(text):
        if _inside(quoted, m.start()):
            continue
        sent = doc.sentence(m.start())
        np = doc.np_after(m.end(), sent.end)
        if np is None:
            continue
        cs, ce = _strip_span(text, sent.start, m.start())
        if ce - cs < 12 or len(text[cs:ce].split()) < 3 or text[cs] in "“\"«„‘'":
            continue
        out.append(
            Quote(
                start=cs,
                end=ce,
                kind="indirect",
                speaker=doc.resolve(np),
                speaker_span=Span(*np),
                cue=m.group("cue"),
                cue_span=Span(m.start("cue"), m.end("cue")),
            )
        )
    return out


#: Scanned by their tails ("eem", "ppear", "xpected"): a literal-led pattern is several times faster.
_SEEM = re.compile(r"eem(?:s|ed)?\b|ppear(?:s|ed)?\b|xpected(?=\s+to\s)")
_EXPECTED_BE = re.compile(r"\b(?:is|are|was|were)\s+(?:(?:also|widely|not)\s+)?$")
_SEEM_START = re.compile(r"(?:,|;|—|–|\s-\s|\b(?:and|but|while|because|although|though|that|which|so)\b)\s*")
_NOT_SEEMING = frozenset(
    ["on", "in", "at", "with", "before", "alongside", "onstage", "together", "as", "for"]
)


def _seeming(doc: _Doc, quoted: list[tuple[int, int]]) -> list[Quote]:
    """Hedged claims without a source ("Kasich appears to have the state to himself", "it seems
    the public's view of her is awful"): PolNeAR marks them as attributions with no source, the
    clause as content and "seems"/"appears" as the cue."""
    text = doc.text
    out = []
    for tail in _SEEM.finditer(text):
        if not _word_start(text, tail.start() - 1, "sae"):
            continue
        m = _Word(text, tail.start() - 1, tail.end())
        if _inside(quoted, m.start()):
            continue
        if m.group() == "expected":
            be = _EXPECTED_BE.search(text, max(0, m.start() - 20), m.start())
            if be is None:
                continue  # "is expected to …" only, not "he expected to win"
        sent = doc.sentence(m.start())
        nxt = text[m.end() : m.end() + 20].split()
        if not nxt or nxt[0].strip(",.") in _NOT_SEEMING or not nxt[0][:1].islower():
            continue
        words = text[sent.start : m.start()].split()
        if words and words[-1].lower() == "it":
            cs = m.end()  # "it seems the public's view …": the clause after the verb
        else:
            cs = sent.start
            for b in _SEEM_START.finditer(text, sent.start, m.start()):
                cs = b.end()
        stop = re.search(r"\s[—–-]\s|;|\s—", text[m.end() : sent.end])
        ce = m.end() + stop.start() if stop else sent.end
        cs, ce = _strip_span(text, cs, ce)
        if ce - cs < 12 or len(text[cs:ce].split()) < 3 or text[cs] in "“\"«„‘'":
            continue
        out.append(
            Quote(
                start=cs,
                end=ce,
                kind="indirect",
                speaker=None,
                speaker_span=None,
                cue=m.group(),
                cue_span=Span(m.start(), m.end()),
            )
        )
    return out


_ASKED_CUE = re.compile(r"sked\b|ressed\b")
_ASKED_ADVERB = re.compile(r"\s+(?:specifically|directly|repeatedly|again|later|earlier)\b")


def _word_start(text: str, i: int, letters: str) -> bool:
    """Whether a word starts at ``i`` with one of ``letters`` (the head of a word found by its tail)."""
    return i >= 0 and text[i] in letters and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_'’-"))


@dataclass(frozen=True, slots=True)
class _Word:
    """A word found by its tail: ``text[start:end]``, with the accessors of a match."""

    text: str
    begin: int
    finish: int

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def group(self) -> str:
        return self.text[self.begin : self.finish]


#: "was asked", "were also asked": a passive "asked" whose asker is not named.
_PASSIVE_BE = re.compile(
    r"\b(?:is|are|was|were|been|being|be)"
    r"(?:\s+(?:also|again|repeatedly|then|later|first|once|specifically|not))?$"
)
_ASKED_WHEN = re.compile(r"\b(?:[Ww]hen|[Ww]henever|[Ii]f|[Aa]fter\s+being|[Bb]eing|[Oo]nce)\s+$")


def _asked_questions(doc: _Doc, quoted: list[tuple[int, int]]) -> list[Quote]:
    """ "Asked whether he would run, Mr. Lee said …", "when asked about her weaknesses": a question
    put by nobody named. PolNeAR marks the question as an attribution with no source."""
    text = doc.text
    out = []
    for tail in _ASKED_CUE.finditer(text):
        if not _word_start(text, tail.start() - 1, "AaPp"):
            continue
        cue = Span(tail.start() - 1, tail.end())
        adverb = _ASKED_ADVERB.match(text, cue.end)
        m = _Word(text, cue.start, adverb.end() if adverb else cue.end)
        if _inside(quoted, m.start()):
            continue
        sent = doc.sentence(m.start())
        before = text[sent.start : m.start()].rstrip()
        when = _ASKED_WHEN.search(text, max(sent.start, m.start() - 14), m.start())
        passive = _PASSIVE_BE.search(before) is not None and m.group()[:1] == "a"
        if before and when is None and not passive and not before.endswith((",", "—", "(")):
            continue  # "Trump asked …" has a subject: the verb's own rules handle it
        toks = doc.toks(m.end(), sent.end)
        start = None
        for k, (ts, te, t) in enumerate(toks[:8]):
            low = t.lower()
            if low in _QUESTION_WORDS or low == "to":
                start = ts
                break
            if low == "about":
                start = te
                break
            if not (_WORD.match(t) or t in ("’", "'")):
                break
        if start is None:
            continue
        comma = _CLAUSE_COMMA.search(text, start, sent.end)
        cs, ce = _strip_span(text, start, comma.start() if comma else sent.end)
        if ce - cs < 6 or text[cs] in "“\"«„‘'":
            continue
        out.append(
            Quote(
                start=cs,
                end=ce,
                kind="indirect",
                speaker=None,
                speaker_span=None,
                cue=text[cue.start : cue.end],
                cue_span=cue,
            )
        )
    return out


def _name_ok(word: str) -> bool:
    return _Doc.name_like(word) and word.lower() not in _TIME_WORDS


def _loose_np(surface: str) -> bool:
    """A scanned phrase that opens with a verb-like lower-case word ("repudiated decades of …")."""
    first = surface.split()[0].lower() if surface.split() else ""
    return (
        surface[:1].islower()
        and first not in _DETERMINERS
        and first not in _PRONOUNS
        and first not in _RELATIVES
        and first.endswith(("ed", "ing"))
    )


def _agent_like(doc: _Doc, np: tuple[int, int]) -> bool:
    """A subject that can hold a stance: a pronoun, a name, or a noun phrase about people or bodies."""
    surface = doc.text[np[0] : np[1]]
    low = surface.lower()
    if low in _PRONOUNS:
        return low != "it"
    if low in _RELATIVES:
        ant = doc.antecedent(np[0])
        return low == "who" or ant is not None and _agent_like(doc, ant)
    if surface[:1].isupper() and doc.named(np):
        return True
    words = low.split()
    head = words[-1].strip(".,") if words else ""
    return (
        any(c.isupper() for c in surface)
        or head.endswith("s")
        and not head.endswith("ss")
        or head in _AGENT_NOUNS
    )


_AGENT_NOUNS = frozenset(
    [
        "campaign",
        "administration",
        "government",
        "party",
        "senator",
        "president",
        "candidate",
        "governor",
        "committee",
        "group",
        "court",
        "judge",
        "spokesman",
        "spokeswoman",
        "official",
        "nominee",
        "mogul",
        "billionaire",
        "businessman",
        "republican",
        "democrat",
        "congressman",
        "congresswoman",
        "leader",
        "chairman",
        "secretary",
        "mayor",
        "majority",
        "minority",
        "frontrunner",
        "front-runner",
        "rival",
        "opponent",
        "poll",
        "survey",
        "study",
        "report",
        "network",
        "newspaper",
        "company",
        "firm",
    ]
)


def _parenthetical_end(rest: str) -> bool:
    """Whether ", …" after a mid-sentence source goes on with the sentence (a verb soon), not an apposition."""
    toks = _TOKEN.findall(rest.lstrip()[1:])
    words = [t for t in toks if _WORD.match(t)]
    return bool(words) and (
        # "…, and there were …": the sentence goes on
        words[0].lower() in ("and", "but", "although", "though", "while", "whereas")
        or words[0].lower() in _FINITE
        or words[0].lower() in _AUX
        or words[0].lower().endswith("ed")
        or len(words) > 1
        and words[1].lower() in _FINITE
    )


def _parenthetical(doc: _Doc, hit: _Hit, np: tuple[int, int], sent: Span) -> tuple[int, int] | None:
    """ "A new manager, he said, could set a new tone": the sentence around ", X said," is the content."""
    text = doc.text
    if hit.tier == "stance" or hit.form == "according to":
        return None
    before = text[sent.start : np[0]].rstrip()
    if not before.endswith(",") or not before[:-1].strip():
        return None
    rest = text[hit.end : sent.end]
    if not rest.lstrip().startswith(","):
        return None
    if len(_TOKEN.findall(text, np[0], np[1])) > 6:
        return None
    words = before.split()
    if len(words) == 1:
        low = words[0].rstrip(",").lower()
        if low in _SENTENCE_ADVERBS or low.endswith("ly"):
            # "Still, he said, officials have to decide …": what follows the source
            return (hit.end + rest.index(",") + 1, sent.end)
        if not _parenthetical_end(rest.lstrip()):
            return None  # "Time, Mr. Pence added, was on their side": a subject, then its verb
    return (sent.start, sent.end)


#: One-word sentence openers before ", he said," that are not the subject of the content.
_SENTENCE_ADVERBS = frozenset(
    [
        "still",
        "however",
        "but",
        "and",
        "yet",
        "instead",
        "meanwhile",
        "now",
        "so",
        "indeed",
        "moreover",
        "also",
        "then",
        "overall",
        "first",
        "second",
        "third",
        "finally",
        "later",
        "today",
        "again",
        "otherwise",
        "nevertheless",
        "nonetheless",
        "similarly",
        "likewise",
        "ultimately",
        "besides",
        "thus",
        "therefore",
        "fortunately",
        "unfortunately",
        "sometimes",
        "often",
        "soon",
        "eventually",
    ]
)


_HEADLINE = re.compile(r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}):\s+(?=[^\s“\"'‘«„])")


def _headlines(doc: _Doc) -> list[Quote]:
    """ "Ann Coulter: And Then There Was One": a paragraph that is a name, a colon and what they said."""
    out = []
    for ls, le in doc.lines:
        m = _HEADLINE.match(doc.text, ls, le)
        if m is None or len(doc.text[m.end() : le].split()) < 3:
            continue
        np = (m.start(1), m.end(1))
        if not doc.named(np) or m.group(1).split()[0] in (
            "The",
            "Latest",
            "Update",
            "Watch",
            "Breaking",
            "Editor’s",
            "Editor's",
        ):
            continue  # "The Latest: …" is a column title, not a speaker
        cs, ce = _strip_span(doc.text, m.end(), le)
        out.append(
            Quote(
                start=cs,
                end=ce,
                kind="indirect",
                speaker=doc.resolve(np),
                speaker_span=Span(*np),
                cue=":",
                cue_span=Span(m.end(1), m.end(1) + 1),
            )
        )
    return out


#: "Asked whether …, X said …": the question is not what X said; the answer after the verb is.
_ASKED = re.compile(r"(?:When\s+|After\s+being\s+|Later\s+)?(?:asked|Asked|pressed|Pressed)\b")


def _complement(doc: _Doc, hit: _Hit, np: tuple[int, int], sent: Span) -> tuple[int, int] | None:
    """The reported clause of ``NP VERB …``: after the verb, or the lead clause for "…, X said."."""
    text = doc.text
    tail = text[hit.end : sent.end]
    tail_words = [t for t in _TOKEN.findall(tail) if _WORD.match(t)]
    # "…, X said [Tuesday]." : the reported clause is what comes before the comma.
    lead = text[sent.start : np[0]].rstrip()
    lead_end = _lead_comma(lead)
    if (
        lead_end is not None
        and not _ASKED.match(lead)
        and text[np[0] : np[1]].lower() not in _RELATIVES
        and len(lead.split()) > 2
        and len(tail_words) <= (6 if hit.tier == "speech" else 1)
        and "that" not in (w.lower() for w in tail_words)
        and not any(c in tail for c in '“":')
        and not _clause_follows(doc, hit, sent)
    ):
        return (sent.start, sent.start + lead_end)
    p = hit.end
    m = _SKIP_AFTER_VERB.match(text, p)
    if m:
        p = m.end()
    if _AS_LEAD.fullmatch(text, sent.start, np[0]) and text[p : p + 2].lstrip().startswith(","):
        # "As The Washington Post reported, even if Sanders …": what follows the comma
        return (text.index(",", p) + 1, sent.end)
    toks = doc.toks(p, sent.end)
    if not toks:
        return None
    first = toks[0][2]
    low = _head(first)
    has_object = m is not None and "reporters" in m.group()
    if low in _CLAUSE_PRONOUNS and low != "this" and not (hit.form in _OBJECT_VERBS and not has_object):
        return (toks[0][0], sent.end)  # "said he’d go", before any later "that"
    # an explicit "that" within a few words: "told reporters on Monday that …"
    for k, (ts, te, t) in enumerate(toks[:16]):
        if t.lower() == "that":
            if k == 0 or (
                all(_WORD.match(x[2]) or x[2] == "," for x in toks[:k]) and not _looks_like_clause(toks[:k])
            ):
                return (ts, sent.end)
            break
        if not (_WORD.match(t) or t == ","):
            break
    if low == "to" and hit.form in _INFINITIVE_VERBS and len(toks) > 2 and toks[1][2][:1].islower():
        # "has vowed to stay in the race", "expects to save $2 billion" (to the sentence end, as
        # PolNeAR draws it: "…, including …" clauses belong to the content)
        return (toks[0][0], sent.end)
    if hit.form in _OBJECT_VERBS and hit.tier == "speech" and not has_object:
        after_obj = _object_np(text, toks)
        if after_obj is not None and after_obj < len(toks) and low not in _CLAUSE_PRONOUNS:
            nxt = toks[after_obj][2]
            if (
                _WORD.match(nxt)
                and _head(nxt) not in _NOT_CLAUSE_START
                and (
                    _looks_like_clause(toks[after_obj:])
                    or _head(nxt) in _PRONOUNS and len(toks) - after_obj > 2
                )
            ):
                return (toks[after_obj][0], sent.end)  # "told The Huffington Post he’s not planning …"
        obj = doc.np_after(toks[0][0], sent.end, max_tokens=4)
        if obj is None or low in _CLAUSE_PRONOUNS and low not in ("it", "there"):
            return None
        toks = doc.toks(obj[1], sent.end)
        if not toks:
            return None
        first = toks[0][2]
        low = _head(first)
        if not (low in _CLAUSE_PRONOUNS or first[:1].isupper() or low in _DETERMINERS):
            return None
        return (toks[0][0], sent.end)
    if hit.form in _ASK_FORMS:
        # "Tapper asked whether Republicans would …", "asked the senator if he …": the question
        for ts, _te, t in toks[:8]:
            if _bare(t) in _QUESTION_WORDS:
                return (ts, sent.end)
            if not _WORD.match(t):
                break
    if hit.tier == "stance":
        # "Trump defended eminent domain, calling …": the stance's object up to the next comma
        if low in _STOP or low in _INNER_PREP and low not in ("for", "to", "on"):
            return None
        m = _CLAUSE_COMMA.search(text, toks[0][0], sent.end)
        return (toks[0][0], m.start() if m else sent.end)
    if low in ("if", "when", "because") and hit.form in _SAY_FORMS and "," in text[toks[0][0] : sent.end]:
        return (toks[0][0], sent.end)  # "Beck said if Trump wins, he would …"
    if first in ("“", '"') and hit.tier != "stance":
        # said "local forces" must lead the way: a clause whose subject is a short quotation
        close = next((j for j in range(1, min(len(toks), 8)) if toks[j][2] in ("”", '"')), None)
        if close is not None and _looks_like_clause(toks[close + 1 :]):
            return (toks[0][0], sent.end)
    if (
        low in _QUANTITY_LEADS
        and hit.tier == "speech"
        and len(toks) > 3
        and (_bare(toks[1][2]) in ("of", "than") or toks[1][2][:1].isdigit())
        and _looks_like_clause(toks)
    ):
        # "said much of the talk was about Israel", "said more than 100 people were killed": a
        # quantity opens the reported clause (bare "said more", "talked about" are no clause)
        return (toks[0][0], sent.end)
    if not _WORD.match(first) or low in _NOT_CLAUSE_START or low in _TIME_WORDS:
        return None
    if hit.form.endswith("ing") and hit.form not in ("saying",) and hit.tier != "that":
        if hit.form in _OBJECT_CONTENT_VERBS and low not in _STOP and low not in _INNER_PREP:
            return (toks[0][0], sent.end)  # "…, citing changes in the political environment"
        return None
    if hit.tier == "speech" and (
        first[:1].isupper()
        or low in ("the", "a", "an", "his", "her", "their", "its", "our", "some", "many", "no", "all")
    ):
        return (toks[0][0], sent.end)
    if hit.form in ("said", "says", "say") and first.islower() and low not in _STOP:
        return (toks[0][0], sent.end)  # "employees said disagreements broke out": say takes any clause
    # a bare reported clause: "said none of the attempts will work", "thinks Trump is wrong"
    if _looks_like_clause(toks):
        return (toks[0][0], sent.end)
    if hit.form in _OBJECT_CONTENT_VERBS and low not in _STOP and low not in _INNER_PREP:
        return (toks[0][0], sent.end)  # "cited reports of …, including …": to the sentence end
    return None


#: "As X said, …": a source in a leading "as" clause.
_AS_LEAD = re.compile(r"\s*(?:[\"“”'‘(]\s*)?(?:(?:And|But|So|Yet)\s+)?[Aa]s\s+")


def _clause_follows(doc: _Doc, hit: _Hit, sent: Span) -> bool:
    """Whether a reported clause follows the verb ("In a matchup, 21 percent said they would
    not vote"): then the words before the subject's comma are not what was said."""
    p = hit.end
    m = _SKIP_AFTER_VERB.match(doc.text, p)
    if m:
        p = m.end()
    toks = doc.toks(p, sent.end)
    if len(toks) < 3:
        return False
    low = _head(toks[0][2])
    return (low in _CLAUSE_PRONOUNS and low != "this") or _looks_like_clause(toks)


#: Words that cannot open a bare reported clause ("said in", "said goodbye", "thinks so").
_NOT_CLAUSE_START = frozenset(
    [
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "about",
        "of",
        "with",
        "during",
        "after",
        "before",
        "from",
        "through",
        "so",
        "nothing",
        "yes",
        "goodbye",
        "thanks",
        "hello",
        "something",
        "anything",
        "as",
        "when",
        "while",
        "if",
        "but",
        "and",
        "or",
        "again",
        "also",
        "too",
        "up",
        "out",
        "down",
        "off",
        "more",
        "less",
        "much",
        "little",
        "than",
        "how",
        "what",
        "why",
        "where",
        "whether",
        "who",
        "which",
        "not",
        "never",
        "only",
        "just",
        "otherwise",
        "differently",
        "repeatedly",
        "publicly",
        "privately",
        "instead",
        "afterward",
        "afterwards",
        "then",
        "now",
        "here",
        "there",
        "once",
        "twice",
    ]
)
#: Quantity words that cannot open a reported clause alone but do before "of"/"than" or a number,
#: when a finite verb follows ("said more than 100 people were killed").
_QUANTITY_LEADS = frozenset(["much", "more", "less", "little", "only", "just", "about", "over", "fewer"])
#: Finite auxiliaries and modals: a word sequence containing one reads as a clause.
_FINITE = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "will",
        "would",
        "could",
        "can",
        "should",
        "must",
        "may",
        "might",
        "has",
        "have",
        "had",
        "did",
        "does",
        "do",
        "isn’t",
        "isn't",
        "wasn’t",
        "wasn't",
        "won’t",
        "won't",
        "wouldn’t",
        "wouldn't",
        "can’t",
        "can't",
        "couldn’t",
        "couldn't",
        "don’t",
        "don't",
        "doesn’t",
        "doesn't",
        "didn’t",
        "didn't",
        "aren’t",
        "aren't",
        "weren’t",
        "weren't",
        "hasn’t",
        "hasn't",
        "haven’t",
        "haven't",
        "shouldn’t",
        "shouldn't",
        "needs",
        "wants",
        "remains",
        "lacks",
    ]
)


#: Verbs whose "to" infinitive is the attributed content ("vowed to stay", "expects to win").
_INFINITIVE_VERBS = frozenset(
    f
    for stem in (
        "vow vows vowed vowing",
        "promise promises promised promising",
        "pledge pledges pledged pledging",
        "decide decides decided deciding",
        "agree agrees agreed agreeing",
        "seek seeks sought seeking",
        "expect expects expected expecting",
        "want wants wanted",
        "hope hopes hoped hoping",
        "refuse refuses refused refusing",
        "decline declines declined declining",
        "threaten threatens threatened threatening",
        "plan plans planned planning",
        "intend intends intended intending",
        "offer offers offered offering",
        "vote votes voted",
        "claim claims claimed claiming",
        "demand demands demanded demanding",
        "prefer prefers preferred",
    )
    for f in stem.split()
)
#: Speech verbs whose noun-phrase object is what they attribute ("cited several factors").
_OBJECT_CONTENT_VERBS = frozenset(
    f
    for stem in (
        "announce announces announced announcing",
        "cite cites cited citing",
        "predict predicts predicted",
        "propose proposes proposed proposing",
        "reveal reveals revealed revealing",
        "confirm confirms confirmed",
        "deny denies denied denying",
        "acknowledge acknowledges acknowledged",
        "admit admits admitted",
        "demand demands demanded demanding",
        "recommend recommends recommended",
        "express expresses expressed",
        "offer offers offered offering",
        "urge urges urged urging",
        "promise promises promised promising",
        "pledge pledges pledged",
        "disclose discloses disclosed",
        "mention mentions mentioned",
        "suggest suggests suggested suggesting",
        "vow vows vowed",
        "show shows showed shown showing",
        "find finds found",
        "estimate estimates estimated",
        "report reports reported",
    )
    for f in stem.split()
)
_ASK_FORMS = frozenset(["ask", "asks", "asked", "asking"])
_QUESTION_WORDS = frozenset(["whether", "if", "what", "why", "how", "who", "where", "when", "which"])
_SAY_FORMS = frozenset(["say", "says", "said", "saying", "tell", "tells", "told", "telling", "added", "adds"])
_TIME_OBJECT = frozenset(["last", "this", "next", "on", "earlier", "late", "early"])


def _object_np(text: str, toks: list[tuple[int, int, str]]) -> int | None:
    """Index of the first token after the object of "told": "the AP", "The Star-Ledger of Newark last week"."""
    k = 0
    if k < len(toks) and _bare(toks[k][2]) in ("the", "a", "an", "his", "her", "their"):
        k += 1
    if k >= len(toks):
        return None
    if toks[k][2][:1].isupper():
        while k < len(toks) and (
            toks[k][2][:1].isupper()
            or _bare(toks[k][2]) in ("of", "&")
            and k + 1 < len(toks)
            and toks[k + 1][2][:1].isupper()
        ):
            k += 1
    elif k == 1 or _bare(toks[0][2]) in (
        "reporters",
        "supporters",
        "voters",
        "me",
        "us",
        "him",
        "her",
        "them",
    ):
        k += 1
    else:
        return None
    # "last week", "on Monday", "in an interview"
    while (
        k < len(toks) and _bare(toks[k][2]) in _TIME_OBJECT | {"week", "month", "year", "night"} | _TIME_WORDS
    ):
        k += 1
    return k


def _head(tok: str) -> str:
    """A token's lower-cased word without a contraction: "He’d" → "he", "it's" → "it"."""
    low = tok.lower()
    for sep in ("’", "'"):
        if sep in low:
            low = low.split(sep, 1)[0]
    return low.rstrip(".")


def _looks_like_clause(toks: list[tuple[int, int, str]]) -> bool:
    """Whether the words after a verb read as a clause: a finite verb within the first few words."""
    for k, (_s, _e, t) in enumerate(toks[:10]):
        if t in (",", ";", ":", "(", "—", "–", "“", "”", '"'):
            return False
        low = t.lower()
        if low in _FINITE or low.endswith(("’s", "'s")) and k > 0 and low[:-2] in ("it", "that", "there"):
            return True
        if k > 0 and len(low) > 4 and low.endswith("ed") and toks[k - 1][2].lower() not in _DETERMINERS:
            return True
    return False


# --------------------------------------------------------------------------- the stage


@dataclass(frozen=True, slots=True)
class QuoteStage:
    """Pipeline stage: sets ``article.quotes`` with :func:`find_quotes` (English only)."""

    name: str = "quotes"
    requires: tuple[str, ...] = ("sentences", "entities")
    provides: tuple[str, ...] = ("quotes",)

    def __call__(self, article: Article) -> Article:
        if (
            article.language
            and article.language.lower() not in ("en",)
            and not article.language.lower().startswith("en-")
        ):
            note = f"quotes: skipped, language {article.language!r} is not supported"
            return article.replace(notes=article.notes + (note,))
        return article.replace(quotes=tuple(find_quotes(article.text, article.sentences, article.entities)))
