"""The story being compared: its articles, outlets, linked entities and a sentence similarity index.

:class:`Story` is built once per comparison and read by every finder. Sentences of all
articles are indexed by their content keys (:mod:`parallax.compare.text`) in an inverted
index; :meth:`Story.similar_pairs` finds pairs of similar sentences without comparing all
pairs: each sentence probes only the postings of its rarest keys, and keys found in a large
share of the story's sentences are not probed at all.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlparse

from ..annotate.dates import parse_published
from ..annotate.entities import link_entities
from ..annotate.gazetteer import name_key
from ..model import Article, Span
from .text import Keyer

_PROBE_KEYS = 8  # rarest keys of a sentence whose postings are read
#: A date that ends this many days before the story's first article dates a past event, not the story.
BACKGROUND_DAYS = 60
_PERIOD_START_RE = re.compile(r"\b(?:since|from|starting|beginning)\s+(?:(?:early|late|mid|the\s+end\s+of)\s+)?$",
                              re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of one article, with its content keys."""

    id: int
    article: int  # index into Story.articles
    start: int
    end: int
    keys: frozenset[str]
    #: keys of the words that say what happened (verbs, event nouns; see Keyer.predicates)
    predicates: frozenset[str] = frozenset()
    #: keys of the figures the sentence gives (its claims' values)
    numbers: frozenset[str] = frozenset()
    #: years of the past events the sentence dates ("since 1959, when ...", "the 2004 crash"): a
    #: sentence about another time than the story's ("t:2004"); empty for the story's own time
    era: frozenset[str] = frozenset()


def _attribution_spans(article: Article) -> list[tuple[int, int]]:
    """Who-said-it spans (quote speakers and cues, claim sources): they name the messenger, not the fact."""
    out = []
    for q in article.quotes:
        for sp in (q.speaker_span, q.cue_span):
            if sp is not None:
                out.append((sp.start, sp.end))
    return out


def _era(article: Article, sp: Span, horizon: str | None) -> frozenset[str]:
    """The years of past events a sentence dates: dates that end before ``horizon`` (ISO day), except
    the start of a period that runs until now ("has kept a register since 2016")."""
    if horizon is None:
        return frozenset()
    out = set()
    for d in article.dates:
        if d.value is None or d.start < sp.start or d.end > sp.end:
            continue
        if _period_end(d.value) >= horizon:
            continue
        if _PERIOD_START_RE.search(article.text, max(sp.start, d.start - 30), d.start):
            continue
        out.add("t:" + d.value[:4])
    return frozenset(out)


def _period_end(value: str) -> str:
    """The last day (ISO) of a date, month or year value."""
    if len(value) == 4:
        return value + "-12-31"
    if len(value) == 7:
        return value + "-31"
    return value


def outlet_name(article: Article) -> str:
    """The outlet shown for an article: its outlet, else its URL host, else its id."""
    if article.outlet:
        return article.outlet
    if article.url:
        host = urlparse(article.url).hostname
        if host:
            return host.removeprefix("www.")
    return article.id


class Story:
    """Articles of one story with everything the finders share. Built once; not changed afterwards."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self.articles: tuple[Article, ...] = tuple(articles)
        self.outlets: tuple[str, ...] = tuple(outlet_name(a) for a in self.articles)
        self.dates: tuple[date | None, ...] = tuple(parse_published(a.published) for a in self.articles)
        self.keyer = Keyer()
        links = link_entities(self.articles) if self.articles else {}
        #: per article: surface form key -> story-level entity name
        self.names: list[dict[str, str]] = []
        #: per article: sorted (start, end, story name, kind) mentions
        self.mentions: list[list[tuple[int, int, str, str]]] = []
        for a in self.articles:
            table: dict[str, str] = {}
            spans: list[tuple[int, int, str, str]] = []
            for e in a.entities:
                story_name = links.get((a.id, e.name), e.name)
                for form in (e.name, *e.aliases):
                    table.setdefault(name_key(form), story_name)
                spans.extend((m.start, m.end, story_name, e.kind) for m in e.mentions)
            self.names.append(table)
            self.mentions.append(sorted(spans))
        self._entity_names = {"e:" + m[2].casefold(): m[2] for spans in self.mentions for m in spans}
        known = [d for d in self.dates if d is not None]
        horizon = (min(known) - timedelta(days=BACKGROUND_DAYS)).isoformat() if known else None
        self.sentences: list[Sentence] = []
        self._starts: list[list[int]] = []
        self._sentence_ids: list[list[int]] = []
        for i, a in enumerate(self.articles):
            sentence_spans = list(a.sentences) or [Span(0, len(a.text))]
            starts, ids = [], []
            attribution = _attribution_spans(a)
            for sp in sentence_spans:
                numbers = [c.value for c in a.claims if c.value_span and sp.start <= c.value_span.start < sp.end]
                ents = [m for m in self.mentions[i] if m[0] >= sp.start and m[1] <= sp.end]
                skip = [x for x in attribution if x[0] >= sp.start and x[1] <= sp.end]
                keys = self.keyer.keys(a.text, sp.start, sp.end, ents, numbers, skip)
                preds = self.keyer.predicates(a.text, sp.start, sp.end, skip) & keys
                sid = len(self.sentences)
                self.sentences.append(Sentence(sid, i, sp.start, sp.end, keys, preds,
                                               frozenset(k for k in keys if k[0] == "n"),
                                               _era(a, sp, horizon)))
                starts.append(sp.start)
                ids.append(sid)
            self._starts.append(starts)
            self._sentence_ids.append(ids)
        n = max(len(self.sentences), 1)
        df: dict[str, int] = defaultdict(int)
        self.postings: dict[str, list[int]] = defaultdict(list)
        for s in self.sentences:
            for k in s.keys:
                df[k] += 1
                self.postings[k].append(s.id)
        self.df = dict(df)
        self.weight = {k: math.log(1.0 + n / d) for k, d in df.items()}
        self.norm = [math.sqrt(sum(self.weight[k] ** 2 for k in s.keys)) or 1.0 for s in self.sentences]
        self._max_df = max(25, int(0.02 * n))

    # ---- lookups -------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.articles)

    def index_of(self, article_id: str) -> int:
        for i, a in enumerate(self.articles):
            if a.id == article_id:
                return i
        raise KeyError(article_id)

    def sentence_at(self, article: int, pos: int) -> Sentence:
        """The sentence of article ``article`` that holds character ``pos``."""
        k = max(bisect_right(self._starts[article], pos) - 1, 0)
        return self.sentences[self._sentence_ids[article][k]]

    def sentences_of(self, article: int) -> list[Sentence]:
        return [self.sentences[i] for i in self._sentence_ids[article]]

    def text(self, s: Sentence) -> str:
        return self.articles[s.article].text[s.start : s.end]

    def story_name(self, article: int, surface: str | None) -> str | None:
        """The story-level entity name a surface form stands for in an article, if it names an entity."""
        if not surface:
            return None
        return self.names[article].get(name_key(surface))

    def term(self, key: str) -> str:
        """A key as a reader sees it: the entity's name, the number, or the first word seen for it."""
        if key[0] == "e":
            return self._entity_names.get(key, key[2:])
        return self.keyer.surface.get(key, key[2:])

    def moment(self, article: int) -> str | None:
        """The publication time of an article as an ISO string, only when it states a time of day: a date
        alone, or midnight exactly (how date-only times are often stored), orders nothing within a day."""
        published = (self.articles[article].published or "").strip()
        if len(published) < 16 or "T" not in published:
            return None
        clock = published[11:19]
        if clock.startswith("00:00") and clock in ("00:00", "00:00:00"):
            return None
        return published

    def day(self, article: int) -> str | None:
        d = self.dates[article]
        return d.isoformat() if d else None

    # ---- similarity -----------------------------------------------------------------------
    def similarity(self, a: Sentence, b: Sentence, ignore: frozenset[str] = frozenset()) -> tuple[float, int]:
        """Weighted cosine of two sentences' keys and the number of keys they share."""
        shared = (a.keys & b.keys) - ignore
        if not shared:
            return 0.0, 0
        w = self.weight
        return sum(w[k] ** 2 for k in shared) / (self.norm[a.id] * self.norm[b.id]), len(shared)

    def neighbours(self, s: Sentence, min_score: float, min_shared: int,
                   allow: Callable[[Sentence], bool] | None = None) -> list[tuple[float, Sentence]]:
        """Sentences at least ``min_score`` similar to ``s`` sharing ``min_shared`` keys, best first."""
        found: dict[int, int] = defaultdict(int)
        for k in self._probe(s):
            for j in self.postings[k]:
                found[j] += 1
        out = []
        for j in found:
            if j == s.id:
                continue
            other = self.sentences[j]
            if allow is not None and not allow(other):
                continue
            score, shared = self.similarity(s, other)
            if score >= min_score and shared >= min_shared:
                out.append((score, other))
        out.sort(key=lambda t: (-t[0], t[1].id))
        return out

    def similar_pairs(self, min_score: float, min_shared: int,
                      allow: Callable[[Sentence, Sentence], bool]) -> Iterator[tuple[float, Sentence, Sentence]]:
        """Every pair of similar sentences ``allow`` accepts, each once, as ``(score, a, b)`` with ``a.id < b.id``."""
        seen: set[tuple[int, int]] = set()
        for s in self.sentences:
            for k in self._probe(s):
                for j in self.postings[k]:
                    if j == s.id:
                        continue
                    pair = (s.id, j) if s.id < j else (j, s.id)
                    if pair in seen:
                        continue
                    seen.add(pair)
                    a, b = self.sentences[pair[0]], self.sentences[pair[1]]
                    if not allow(a, b):
                        continue
                    score, shared = self.similarity(a, b)
                    if score >= min_score and shared >= min_shared:
                        yield score, a, b

    def _probe(self, s: Sentence) -> list[str]:
        keys = [k for k in s.keys if self.df[k] <= self._max_df]
        keys.sort(key=lambda k: (self.df[k], k))
        return keys[:_PROBE_KEYS]
