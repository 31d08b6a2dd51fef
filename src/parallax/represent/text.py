"""Terms of an article for story clustering: title, lead, body and entity bags of words.

A cheap, dependency-free analyser: one regex pass over the text, lower-casing, a small
English stop list, a light inflection stemmer (``cities`` -> ``city``, ``fired`` -> ``fir``:
consistent, not pretty) and, for entities, words written with a capital that never occur in
lower case in the same text ("Peskov", "Kremlin", not "Residents"), joined by the annotated
:class:`~parallax.model.Entity` names when the annotation pipeline ran.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice

from ..model import Article

__all__ = ["STOP_WORDS", "ArticleTerms", "Memo", "article_terms", "stem", "tokens"]

_TOKEN_RE = re.compile(r"\w++(?:['’.\-]\w++)*+")  # possessive: no backtracking, the same tokens
#: The same pattern with ASCII ``\w`` (no Unicode tables: 15-30 % faster), for a text with no character
#: outside ASCII but typographic quotes, dashes, ellipses and no-break spaces, none of them a word
#: character: on such a text both patterns find the same tokens.
_ASCII_TOKEN_RE = re.compile(_TOKEN_RE.pattern, re.ASCII)
_NOT_ASCII_OR_PUNCTUATION = re.compile("[^\x00-\x7f\u00a0\u2013\u2014\u2018\u2019\u201c\u201d\u2026]")

try:  # the C counting loop behind Counter, without Counter's own Python-level overhead
    from collections import _count_elements as _count  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - other Pythons

    def _count(mapping: dict[str, int], iterable: Iterable[str]) -> None:
        get = mapping.get
        for item in iterable:
            mapping[item] = get(item, 0) + 1

#: Function words and newsroom verbs that say nothing about which story an article tells.
STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "almost",
        "also",
        "although",
        "am",
        "among",
        "an",
        "and",
        "another",
        "any",
        "are",
        "around",
        "as",
        "at",
        "be",
        "became",
        "because",
        "become",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "cannot",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "done",
        "down",
        "during",
        "each",
        "either",
        "else",
        "even",
        "ever",
        "every",
        "few",
        "for",
        "from",
        "further",
        "get",
        "gets",
        "got",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "however",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "least",
        "less",
        "like",
        "made",
        "make",
        "many",
        "may",
        "me",
        "might",
        "more",
        "most",
        "much",
        "must",
        "my",
        "myself",
        "near",
        "neither",
        "never",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "often",
        "on",
        "once",
        "one",
        "only",
        "or",
        "other",
        "others",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "per",
        "perhaps",
        "rather",
        "same",
        "several",
        "she",
        "should",
        "since",
        "so",
        "some",
        "still",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "though",
        "through",
        "thus",
        "to",
        "too",
        "toward",
        "towards",
        "under",
        "until",
        "up",
        "upon",
        "us",
        "very",
        "via",
        "was",
        "we",
        "well",
        "were",
        "what",
        "when",
        "where",
        "whether",
        "which",
        "while",
        "who",
        "whom",
        "whose",
        "why",
        "will",
        "with",
        "within",
        "without",
        "would",
        "yet",
        "you",
        "your",
        "yours",
        "yourself",
        "said",
        "says",
        "say",
        "saying",
        "told",
        "tell",
        "tells",
        "according",
        "reported",
        "reports",
        "reporting",
        "report",
        "added",
        "adds",
        "asked",
        "news",
        "article",
        "read",
        "more",
        "share",
        "click",
        "subscribe",
        "newsletter",
        "cookies",
        "advertisement",
        "image",
        "photo",
        "video",
        "caption",
        "copyright",
        "rights",
        "reserved",
        "updated",
        "published",
        "getty",
        "images",
        "reuters",
        "ap",
        "afp",
        "via",
        "http",
        "https",
        "www",
        "com",
        "new",
        "first",
        "last",
        "year",
        "years",
        "day",
        "days",
        "time",
        "week",
        "weeks",
        "month",
        "months",
        "people",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
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
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "today",
        "yesterday",
        "tomorrow",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
    ]
)

_intern = sys.intern  # one string object per term across articles: centroids and indexes share it


_VOWELS = frozenset("aeiou")


def _has_vowel(stem_: str) -> bool:
    return any(c in _VOWELS for c in stem_) or "y" in stem_[1:]


def stem(word: str) -> str:
    """A light inflection stemmer (plurals, ``-ed``, ``-ing``, a final ``e``; after Porter's steps 1
    and 5); ``word`` must be lower case.

    Outlets write the same event in different tenses ("fires", "fired", "firing"): one term for
    all of them lets their articles meet. Consistent, not pretty: ``fire`` -> ``fir``.
    """
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes", "zes")):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("eed") and len(word) > 4:
        return word[:-1]  # agreed -> agree, freed -> free
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and _has_vowel(word[: -len(suffix)]):
            word = word[: -len(suffix)]
            if word[-1] == word[-2] and word[-1] not in "lsz" and word[-1] not in _VOWELS:
                word = word[:-1]  # stopped -> stop
            break
    if len(word) > 3 and word.endswith("e") and not word.endswith("ee"):
        word = word[:-1]  # charge, charged, charges -> charg
    return word


def _term(low: str) -> str:
    """The term of a lower-case word: its stem, or "" for a stop word (checked before and after stemming,
    so "during" is not kept as "dur")."""
    if low in STOP_WORDS:
        return ""
    w = stem(low)
    return _intern(w) if len(w) > 1 and w not in STOP_WORDS else ""


def tokens(text: str) -> list[str]:
    """Lower-case, stemmed content words of ``text`` (stop words and single letters dropped)."""
    out: list[str] = []
    for match in _TOKEN_RE.findall(text):
        w = _term(match.lower())
        if w:
            out.append(w)
    return out


@dataclass(frozen=True, slots=True)
class ArticleTerms:
    """Term counts of one article, one bag per field."""

    title: dict[str, int]
    lead: dict[str, int]
    body: dict[str, int]
    entities: dict[str, int]


def _add_entity_names(bag: dict[str, int], article: Article) -> None:
    """Merge the annotated entity names (and aliases) into ``bag``, each word weighted by the entity's
    mentions; a count the heuristic already found is kept when larger (one name, not counted twice)."""
    for entity in article.entities:
        weight = max(1, len(entity.mentions))
        for name in dict.fromkeys((entity.name, *entity.aliases)):  # a set would iterate by hash seed
            for w in tokens(name):
                if bag.get(w, 0) < weight:
                    bag[w] = weight


#: Lower-case word -> its term ("" for a stop word); shared across calls by one owner, so each word is
#: read once.
Memo = dict[str, str]


def _fill(memo: Memo, words: set[str]) -> None:
    """Add the terms of the lower-case ``words`` the memo does not know yet."""
    for low in words.difference(memo):  # a C-level pass over ``words`` (a dict argument is probed)
        memo[low] = _term(low)


def article_terms(article: Article, *, lead_words: int = 60, memo: Memo | None = None) -> ArticleTerms:
    """The title, lead (first ``lead_words`` content words), body and entity bags of ``article``.

    Entities are the words written with a capital whose lower-case form never occurs in the text
    (names, not sentence starts), joined by the names (and aliases) of ``Article.entities`` when the
    annotation pipeline ran, as on ``parallax cluster`` and ingest: the annotator adds what the
    heuristic misses (a name whose parts also occur in lower case, an alias), the heuristic what the
    annotator misses, and an article with no annotations still has the field.
    ``memo`` may be shared across calls by one owner, so each word is stemmed once; per article the
    work is one regex pass and C-level passes over its words (lower-casing, term look-up, counting),
    plus one short loop over the distinct forms written with a capital.
    """
    memo = {} if memo is None else memo
    title_lows = [form.lower() for form in _TOKEN_RE.findall(article.title or "")]
    text = article.text
    ascii_words = text.isascii() or not _NOT_ASCII_OR_PUNCTUATION.search(text)
    pattern = _ASCII_TOKEN_RE if ascii_words else _TOKEN_RE
    forms = pattern.findall(text)  # as written: capitals tell names apart
    lows = list(map(str.lower, forms))
    distinct = set(lows)
    _fill(memo, distinct.union(title_lows))
    term_of = memo.__getitem__
    title: dict[str, int] = {}
    _count(title, filter(None, map(term_of, title_lows)))
    terms = list(map(term_of, lows))
    body: dict[str, int] = {}
    _count(body, filter(None, terms))  # in the order terms first occur, as the text tells them
    lead: dict[str, int] = {}
    _count(lead, islice(filter(None, terms), lead_words))
    written = set(forms)
    capitalised = written.difference(distinct)  # a form with a capital is none of the lower-case forms
    entities: dict[str, int] = {}
    if capitalised:
        entities_get = entities.get
        caps: dict[str, int] = {}
        _count(caps, filter(capitalised.__contains__, forms))
        for form, count in caps.items():
            low = form.lower()
            term = memo[low]
            if term and low not in written:  # a stop word has no term, so "The" is never a name
                entities[term] = entities_get(term, 0) + count
    for w in title:  # headline names count too ("Putin", "Tesla") even when the title is title-cased
        if w in entities:
            entities[w] += 1
    if article.entities:
        _add_entity_names(entities, article)
    return ArticleTerms(title=title, lead=lead, body=body, entities=entities)
