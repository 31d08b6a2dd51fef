"""Content keys of a sentence: the stemmed content words, numbers and story-level entities it names.

Two sentences state the same fact when they share enough rare keys (see
:mod:`parallax.compare.story`). Keys are strings with a prefix: ``w:`` a stemmed content
word ("w:evacu"), ``n:`` a number ("n:2300"), ``e:`` an entity's story-level name
("e:coastal monitoring group"), so that "CMG" in one article and "the Coastal Monitoring
Group" in another give the same key.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import snowballstemmer  # type: ignore[import-untyped]

from ..annotate.claims import PREDICATES
from ..model import Article

#: Words that carry no fact: function words, reporting verbs, time words, newsroom filler.
STOPWORDS = frozenset(
    ["a", "an", "the", "this", "that", "these", "those", "there", "here", "then", "thus", "so", "such", "some", "any", "each", "every", "either", "neither", "no", "not", "nor", "all", "both", "many", "much", "most", "more", "few", "less", "least", "several", "other", "another", "same", "own", "only", "just", "even", "still", "yet", "also", "too", "and", "but", "or", "if", "when", "while", "whilst", "where", "whereas", "whether", "why", "how", "what", "which", "who", "whom", "whose", "because", "since", "as", "although", "though", "unless", "until", "till", "once", "after", "before", "during", "despite", "without", "within", "among", "amid", "against", "along", "across", "around", "about", "above", "below", "beneath", "beside", "besides", "between", "beyond", "through", "throughout", "toward", "towards", "under", "upon", "via", "with", "in", "on", "at", "by", "for", "from", "of", "to", "into", "onto", "over", "off", "out", "up", "down", "like", "unlike", "per", "than", "i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours", "he", "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their", "theirs", "myself", "himself", "herself", "itself", "ourselves", "themselves", "everyone", "everybody", "someone", "somebody", "anyone", "nobody", "nothing", "something", "everything", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done", "have", "has", "had", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "let", "yes", "now", "today", "tonight", "tomorrow", "yesterday", "meanwhile", "moreover", "furthermore", "additionally", "subsequently", "however", "therefore", "instead", "otherwise", "indeed", "likewise", "later", "earlier", "eventually", "initially", "recently", "currently", "already", "again", "always", "never", "often", "sometimes", "usually", "perhaps", "maybe", "probably", "possibly", "apparently", "reportedly", "allegedly", "purportedly", "according", "said", "says", "say", "saying", "told", "tell", "tells", "telling", "added", "adds", "adding", "stated", "states", "reported", "reports", "noted", "statement", "statements", "announced", "announce", "announces", "asked", "spoke", "speaking", "told", "reporters", "news", "agency", "ap", "reuters", "afp", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "week", "weeks", "day", "days", "month", "months", "year", "years", "time", "times", "morning", "afternoon", "evening", "night", "late", "early", "last", "next", "first", "second", "new", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "mr", "mrs", "ms", "dr", "s", "t", "ve", "ll", "re", "d", "m", "following", "followed", "follows"]
)
#: Irregular forms the stemmer leaves apart ("fell" and "fall" are one fact word).
IRREGULAR = {
    "fell": "fall", "fallen": "fall", "fled": "flee", "flew": "fli", "died": "die", "dead": "die", "death": "die",
    "deaths": "die", "deadly": "die", "deadliest": "die", "killing": "kill", "killings": "kill", "wounded": "injur",
    "injuries": "injur", "injury": "injur", "hurt": "injur", "blast": "explos", "blasts": "explos",
    "exploded": "explod", "began": "begin", "begun": "begin", "left": "leav", "held": "hold", "sent": "send",
    "met": "meet", "won": "win", "lost": "lose", "bought": "buy", "sold": "sell", "built": "build", "took": "take",
    "taken": "take", "gave": "give", "given": "give", "seized": "seiz", "airbase": "base", "airbases": "base",
    "ousted": "oust", "ouster": "oust", "ousting": "oust", "overthrow": "oust", "overthrown": "oust",
    "toppled": "oust", "toll": "die", "tolls": "die", "leadership": "leader", "leaders": "leader",
    "sought": "seek", "kept": "keep", "stood": "stand", "found": "find", "hit": "hit", "struck": "strike",
    "spoke": "speak", "wrote": "write", "chose": "choos", "rose": "rise", "grew": "grow", "shot": "shoot",
}  # fmt: skip
#: Predicates that news English says in several words: each stem maps to one class key, so that
#: "maintaining bases" and "hold on to its bases", "end of an operation" and "conclusion of its
#: operation" share a predicate. Only near-synonyms in news use; a wrong entry merges facts.
SYNONYMS = {
    "maintain": "keep", "retain": "keep", "hold": "keep", "keep": "keep", "store": "keep", "stockpil": "keep",
    "end": "end", "conclus": "end", "conclud": "end", "finish": "end", "complet": "end", "halt": "end",
    "agreement": "agre", "agre": "agre", "deal": "agre", "accord": "agre", "pact": "agre",
    "evacu": "evacu", "relocat": "evacu", "move": "evacu",
    "visit": "visit", "tour": "visit",
    "oust": "oust", "overthrow": "oust", "topple": "oust", "depos": "oust",
    "flee": "flee", "escap": "flee", "asylum": "flee",
    "promis": "pledg", "pledg": "pledg", "vow": "pledg",
    "review": "review", "inspect": "inspect", "inspector": "inspect", "inspectorate": "inspect",
    "injur": "injur", "wound": "injur", "hospitalis": "injur", "hospitaliz": "injur",
    "detain": "detain", "arrest": "detain",
    "explos": "explos", "explod": "explos", "deton": "explos",
}  # fmt: skip
#: Nouns that name an event ("Assad's fall", "the explosion", "a review"): they are the predicate of a
#: sentence as much as a verb is.
EVENT_NOUNS = frozenset(
    ["explosion", "blast", "fall", "ouster", "ousting", "attack", "attacks", "visit", "review", "agreement", "deal",
     "evacuation", "toll", "deaths", "death", "injuries", "arrest", "arrests", "vote", "resignation", "election",
     "strike", "strikes", "fire", "flood", "floods", "collapse", "offensive", "asylum", "letter", "message",
     "investigation", "inquiry", "ceasefire", "truce", "talks", "meeting", "summit", "operation", "end",
     "conclusion", "ban", "sanctions", "protest", "protests", "clashes", "killings", "massacre", "funeral",
     "memorial", "motion", "commission", "report", "inspection", "fine", "fines", "lawsuit", "trial",
     "verdict", "sentence", "budget", "contract", "merger", "takeover", "launch", "crash", "earthquake"]
)  # fmt: skip
#: Words after which a verb follows ("could not enter", "to integrate", "has sent").
_VERB_BEFORE = frozenset(
    ["to", "will", "would", "could", "can", "should", "shall", "may", "might", "must", "not", "has", "have",
     "had", "is", "are", "was", "were", "be", "been", "being", "did", "does", "do", "also", "then", "it", "they",
     "he", "she", "we", "who", "which", "that", "never", "yet", "still", "already", "later", "once"]
)  # fmt: skip
#: Words after which an -ed/-ing word is an adjective, not the predicate ("the two collapsed buildings").
_ADJ_BEFORE = frozenset(
    ["the", "a", "an", "its", "their", "his", "her", "our", "two", "three", "four", "several", "many", "some",
     "newly", "these", "those", "this", "that", "of", "all", "most", "other"]
)  # fmt: skip
#: Reporting verbs say who spoke, never what happened.
_REPORTING = frozenset(
    ["said", "says", "say", "saying", "told", "tell", "added", "adding", "stated", "stating", "reported",
     "reporting", "announced", "announcing", "declared", "according", "noted", "claimed", "claiming",
     "described", "called", "asked", "urged", "warned", "confirmed", "insisted", "explained", "expressing",
     "conveyed", "cited", "quoted", "described"]
)  # fmt: skip

#: Quotations by their marks (double, curly, and single quotes around a long passage) and embedded
#: tweets (their text, then "— Name (@handle) Month D, YYYY"): words others may print as they are.
_QUOTE_MARKS = re.compile(r"“[^”]{1,2000}”|\"[^\"\n]{1,2000}\"|‘[^’\n]{2,2000}’(?!\w)|(?<!\w)'[^'\n]{20,2000}'(?!\w)")
_TWEET = re.compile(r"[^\n]*?[—–-]\s*[^()\n]{1,60}\(@\w{1,30}\)\s*[A-Z][a-z]+\.?\s+\d{1,2},\s*\d{4}")


def quoted_spans(article: Article, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The spans of ``article.text[start:end]`` that quote someone, sorted: its direct and partial
    quotes, text in quotation marks, embedded tweets."""
    text = article.text
    end = len(text) if end is None else end
    spans = [(q.start, q.end) for q in article.quotes if q.kind in ("direct", "partial") and q.start < end
             and q.end > start]  # fmt: skip
    spans += [m.span() for m in _QUOTE_MARKS.finditer(text, start, end)]
    if "(@" in text:
        spans += [m.span() for m in _TWEET.finditer(text, start, end)]
    return sorted(spans)


#: Sentences that say nothing happened: a request for comment not answered.
NO_CONTENT_RE = re.compile(
    r"\b(?:did not|didn['’]t|has not|hasn['’]t|have not|had not|could not|couldn['’]t)\s+"
    r"(?:immediately\s+)?(?:respond|return|reply|answer)\w*\s+(?:to\s+)?(?:requests?|calls?|e-?mails?|messages?|"
    r"inquir\w+|questions?)\b|\b(?:could not|couldn['’]t)\s+be\s+reached\b|\b(?:has|have)\s+reached\s+out\s+to\b"
    r"|\bdeclined\s+to\s+comment\b|\bfor\s+comment\b",
    re.IGNORECASE,
)

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’]*|\d[\d,]*(?:\.\d+)?")
_POSSESSIVE_RE = re.compile(r"['’]s?$")


class Keyer:
    """Turns spans of text into content keys; holds one stemmer (and its cache) per comparison."""

    def __init__(self) -> None:
        self._stemmer = snowballstemmer.stemmer("english")
        self._memo: dict[str, str | None] = {}
        #: key -> the first word seen for it, to show matched terms to a reader
        self.surface: dict[str, str] = {}

    def word_key(self, token: str) -> str | None:
        """The key of one token, or None for a stop word."""
        key = self._memo.get(token, "")
        if key != "":
            return key
        key = self._compute(token)
        self._memo[token] = key
        if key is not None and key not in self.surface:
            self.surface[key] = token.lower() if key[0] == "w" else token
        return key

    def _compute(self, token: str) -> str | None:
        if token[0].isdigit():
            value = token.replace(",", "")
            try:
                number = float(value)
            except ValueError:
                return None
            if 1900 <= number <= 2100 and "," not in token and "." not in token:
                return None  # a year: a date, not a figure
            return "n:" + (str(int(number)) if number.is_integer() else str(number))
        low = _POSSESSIVE_RE.sub("", token.lower())
        if len(low) < 2 or low in STOPWORDS:
            return None
        stem = IRREGULAR.get(low) or self._stemmer.stemWord(low)
        return "w:" + SYNONYMS.get(stem, stem)

    def predicates(self, text: str, start: int, end: int, skip: Sequence[tuple[int, int]] = ()) -> frozenset[str]:
        """Keys of the words of ``text[start:end]`` that say what happened: verbs and event nouns.

        A rule of thumb without a tagger: a word of the predicate lexicon or of :data:`EVENT_NOUNS`,
        an irregular past form, a word after an auxiliary, modal, "to" or a pronoun, or an -ed/-ing
        word that does not follow a determiner or a number (there it is an adjective). Reporting
        verbs and words inside ``skip`` (attributions) are left out.
        """
        out: set[str] = set()
        prev = ""
        for m in _WORD_RE.finditer(text, start, end):
            token = m.group(0)
            low = _POSSESSIVE_RE.sub("", token.lower())
            before, prev = prev, low
            if token[0].isdigit() or low in _REPORTING or (skip and any(a <= m.start() < b for a, b in skip)):
                continue
            if token[0].isupper() and m.start() > start:
                continue  # a name
            is_pred = (
                low in EVENT_NOUNS or low in PREDICATES or low in IRREGULAR or low in SYNONYMS
                or (before in _VERB_BEFORE and low not in STOPWORDS and len(low) > 2)
                or (low.endswith(("ed", "ing")) and len(low) > 4 and before not in _ADJ_BEFORE)
            )
            if is_pred:
                key = self.word_key(token)
                if key is not None:
                    out.add(key)
        return frozenset(out)

    def keys(
        self,
        text: str,
        start: int,
        end: int,
        entities: Sequence[tuple[int, int, str, str]] = (),
        numbers: Iterable[float] = (),
        skip: Sequence[tuple[int, int]] = (),
    ) -> frozenset[str]:
        """Keys of ``text[start:end]``; ``entities`` are ``(start, end, story name, kind)`` mentions inside it.

        Words inside a ``skip`` span (an attribution: "Kremlin spokesman Dmitry Peskov told
        reporters") give no key, except the name that ends it (the speaker).
        """
        out: set[str] = set()
        covered: list[tuple[int, int]] = list(skip)
        for s, e, name, kind in entities:
            if any(a <= s < b and e != b for a, b in skip):
                continue
            if s >= start and e <= end:
                out.add("e:" + name.casefold())
                covered.append((s, e))
                head = text[s:e].split()
                if kind == "place" and len(head) > 1 and head[-1][:1].isalpha():  # "Khmeimim Airbase": a base
                    key = self.word_key(head[-1])
                    if key is not None:
                        out.add(key)
        for m in _WORD_RE.finditer(text, start, end):
            if covered and any(s <= m.start() < e for s, e in covered):
                continue
            key = self.word_key(m.group(0))
            if key is not None:
                out.add(key)
        for value in numbers:
            out.add("n:" + (str(int(value)) if float(value).is_integer() else str(value)))
        return frozenset(out)

    def words(self, text: str) -> list[str]:
        """Lower-case word tokens of ``text`` (for reuse alignment and quote comparison)."""
        return [m.group(0).lower().replace("’", "'") for m in _WORD_RE.finditer(text)]


def content_words(words: Sequence[str]) -> list[str]:
    """The words of ``words`` that are not stop words."""
    return [w for w in words if w not in STOPWORDS and w[0].isalpha()]  # not figures, not "[…]"
