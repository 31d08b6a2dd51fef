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
from collections import Counter
from dataclasses import dataclass
from itertools import islice
from operator import itemgetter

from ..model import Article

__all__ = ["STOP_WORDS", "ArticleTerms", "Form", "Memo", "article_terms", "stem", "tokens"]

_TOKEN_RE = re.compile(r"\w++(?:['’.\-]\w++)*+")  # possessive: no backtracking, the same tokens

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
        for name in {entity.name, *entity.aliases}:
            for w in tokens(name):
                if bag.get(w, 0) < weight:
                    bag[w] = weight


#: What a word form (as written) means: (lower case, term or "" for a stop word, has a capital).
Form = tuple[str, str, bool]
#: Word form as written -> :data:`Form`; shared across calls by one owner, so each form is read once.
Memo = dict[str, Form]

_TERM_OF = itemgetter(1)


def _form(form: str, memo: Memo) -> Form:
    low = form.lower()
    entry = memo[form] = (low, _term(low), form != low)
    return entry


def article_terms(article: Article, *, lead_words: int = 60, memo: Memo | None = None) -> ArticleTerms:
    """The title, lead (first ``lead_words`` content words), body and entity bags of ``article``.

    Entities are the words written with a capital whose lower-case form never occurs in the text
    (names, not sentence starts), joined by the names (and aliases) of ``Article.entities`` when the
    annotation pipeline ran, as on ``parallax cluster`` and ingest: the annotator adds what the
    heuristic misses (a name whose parts also occur in lower case, an alias), the heuristic what the
    annotator misses, and an article with no annotations still has the field.
    ``memo`` may be shared across calls by one owner, so each word form is read once; per article
    the work is one regex pass, one count, and one loop over the distinct forms.
    """
    memo = {} if memo is None else memo
    get = memo.get
    title: dict[str, int] = {}
    for form in _TOKEN_RE.findall(article.title or ""):
        term = (get(form) or _form(form, memo))[1]
        if term:
            title[term] = title.get(term, 0) + 1
    forms = _TOKEN_RE.findall(article.text)  # as written: capitals tell names apart
    counts = Counter(forms)
    body: dict[str, int] = {}
    entities: dict[str, int] = {}
    body_get, entities_get = body.get, entities.get
    for form, count in counts.items():
        low, term, cap = get(form) or _form(form, memo)
        if term:
            body[term] = body_get(term, 0) + count
            if cap and low not in counts:  # a stop word has no term, so "The" is never a name
                entities[term] = entities_get(term, 0) + count
    lead = Counter(islice(filter(None, map(_TERM_OF, map(memo.__getitem__, forms))), lead_words))
    for w in title:  # headline names count too ("Putin", "Tesla") even when the title is title-cased
        if w in entities:
            entities[w] += 1
    if article.entities:
        _add_entity_names(entities, article)
    return ArticleTerms(title=title, lead=dict(lead), body=body, entities=entities)
