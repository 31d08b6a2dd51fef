"""Terms of an article for story clustering: title, lead, body and entity bags of words.

A cheap, dependency-free analyser: one regex pass over the text, lower-casing, a small
English stop list, a light plural stemmer (``cities`` -> ``city``, ``launches`` ->
``launche``: consistent, not pretty) and, for entities, either the article's annotated
:class:`~parallax.model.Entity` names or, when the article carries none, capitalised
words that never occur lower-case in the same text ("Peskov", "Kremlin", not "Residents").
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass

from ..model import Article

__all__ = ["STOP_WORDS", "ArticleTerms", "article_terms", "stem", "tokens"]

_TOKEN_RE = re.compile(r"\w+(?:['’.\-]\w+)*")

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

#: Capitalised words that are not names even when they never occur lower-case.
_NOT_NAMES = STOP_WORDS | frozenset({"mr", "mrs", "ms", "dr", "i", "the"})


_intern = sys.intern  # one string object per term across articles: centroids and indexes share it


def stem(word: str) -> str:
    """A light plural stemmer; ``word`` must be lower case."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s")):
        return word[:-1]
    if word.endswith(("'s", "’s")):
        return word[:-2]
    return word


def tokens(text: str) -> list[str]:
    """Lower-case, stemmed content words of ``text`` (stop words and single letters dropped)."""
    out: list[str] = []
    for match in _TOKEN_RE.findall(text):
        w = stem(match.lower())
        if len(w) > 1 and w not in STOP_WORDS:
            out.append(_intern(w))
    return out


@dataclass(frozen=True, slots=True)
class ArticleTerms:
    """Term counts of one article, one bag per field."""

    title: dict[str, int]
    lead: dict[str, int]
    body: dict[str, int]
    entities: dict[str, int]


def _entity_terms(article: Article) -> dict[str, int]:
    bag: Counter[str] = Counter()
    for entity in article.entities:
        weight = max(1, len(entity.mentions))
        for name in {entity.name, *entity.aliases}:
            for w in tokens(name):
                bag[w] += weight
    return dict(bag)


#: What a word form (as written) means: (lower case, term or "" for a stop word, capitalised).
Form = tuple[str, str, bool]


def _form(form: str, memo: dict[str, Form]) -> Form:
    low = form.lower()
    w = stem(low)
    entry = memo[form] = (low, _intern(w) if len(w) > 1 and w not in STOP_WORDS else "", form[0].isupper())
    return entry


def article_terms(
    article: Article, *, lead_words: int = 60, memo: dict[str, Form] | None = None
) -> ArticleTerms:
    """The title, lead (first ``lead_words`` content words), body and entity bags of ``article``.

    ``memo`` (word form -> :data:`Form`) may be shared across calls by one owner, so each
    form is lower-cased and stemmed once.
    """
    memo = {} if memo is None else memo
    get = memo.get
    title: dict[str, int] = {}
    for form in _TOKEN_RE.findall(article.title or ""):
        term = (get(form) or _form(form, memo))[1]
        if term:
            title[term] = title.get(term, 0) + 1
    forms = _TOKEN_RE.findall(article.text)  # as written: capitals tell names apart
    lowered: set[str] = set()  # words seen in lower case
    capitalised: dict[str, tuple[int, str]] = {}  # lower case -> (count, term)
    body: dict[str, int] = {}
    for form, count in Counter(forms).items():
        low, term, cap = get(form) or _form(form, memo)
        if cap:
            seen = capitalised.get(low)
            capitalised[low] = (count + seen[0], term) if seen else (count, term)
        else:
            lowered.add(low)
        if term:
            body[term] = body.get(term, 0) + count
    lead: dict[str, int] = {}
    taken = 0
    for form in forms:
        term = memo[form][1]
        if term:
            lead[term] = lead.get(term, 0) + 1
            taken += 1
            if taken >= lead_words:
                break
    if article.entities:
        entities = _entity_terms(article)
    else:
        # capitalised words that never occur lower-case in the text: names, not sentence starts
        entities = {}
        for low, (count, term) in capitalised.items():
            if term and low not in lowered and low not in _NOT_NAMES:
                entities[term] = entities.get(term, 0) + count
        for w in title:  # headline names count too ("Putin", "Tesla") even when the title is title-cased
            if w in entities:
                entities[w] += 1
    return ArticleTerms(title=title, lead=lead, body=body, entities=entities)
