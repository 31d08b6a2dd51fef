"""The online story clusterer: each article joins the most similar active story or starts one.

Representation (after Miranda et al., EMNLP 2018, "Multilingual Clustering of Streaming News"):
four TF-IDF sub-vectors per article -- title, lead, body and entities -- each compared by
cosine with the running sum (centroid) of the story's vectors, combined linearly, minus a
time penalty that grows with the gap between the article and the story's time span:

    score = sum_f w_f * cos_f / sum_f w_f  -  time_weight * (1 - exp(-gap_days / time_scale_days))

The article joins the best-scoring candidate when ``score >= threshold``, else it starts a
story. IDF is learned online (:class:`~parallax.represent.tfidf.OnlineIdf`).

Candidate generation never compares all pairs: every active story is indexed under the
heaviest terms of its articles (an inverted index); an article is scored only against the
``max_candidates`` stories sharing most weight with its own heaviest terms. Stories quiet
for ``window_days`` (or beyond ``max_active`` active stories, least recent first) are
retired: taken out of the index and compacted, but still listed in ``stories_``.
"""

from __future__ import annotations

import hashlib
import heapq
import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from ..model import Article
from ..represent.embed import Embedder, dense_to_sparse, embedding_text
from ..represent.text import Form, article_terms
from ..represent.tfidf import OnlineIdf, SparseVector, add_into, cosine_to_sum, top_terms, weigh

__all__ = ["FIELDS", "StoryClusterer", "StoryState", "parse_published", "story_id_for"]

#: The sub-vectors of an article, in the order of the ``*_weight`` parameters.
FIELDS = ("title", "lead", "body", "entities", "embedding")
_TERM_FIELDS = ("title", "lead", "body", "entities")  # the fields whose keys are words
_STATE_VERSION = 1
_MEMO_LIMIT = 1_000_000  # word forms remembered before the memo starts over
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def parse_published(value: str | None) -> float | None:
    """Days since 1970-01-01 UTC of an ISO 8601 time or date; None when absent or unreadable."""
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(value.strip())  # Python 3.11 reads "Z" and date-only values
    except ValueError:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return (dt - _EPOCH).total_seconds() / 86400.0


def story_id_for(first_article_id: str) -> str:
    """The id of the story an article starts: ``s`` + 15 hex of the SHA-1 of the article id."""
    return "s" + hashlib.sha1(first_article_id.encode("utf-8")).hexdigest()[:15]


class StoryState:
    """A story as the clusterer holds it: members, time span and per-field centroid sums.

    Learned state (mutable while clustering runs); read its attributes, do not set them.
    ``first``/``last`` are days since the epoch (None when no member has a date).
    """

    __slots__ = ("active", "articles", "first", "id", "last", "norms", "seq", "sums", "terms")

    def __init__(self, story_id: str) -> None:
        self.id = story_id
        self.articles: list[str] = []
        self.first: float | None = None
        self.last: float | None = None
        self.seq = 0  # position in the stream of its latest article
        self.sums: dict[str, SparseVector] = {f: {} for f in FIELDS}
        self.norms: dict[str, float] = dict.fromkeys(FIELDS, 0.0)
        self.terms: set[str] = set()  # index terms while active
        self.active = True

    @property
    def size(self) -> int:
        return len(self.articles)

    def gap(self, t: float | None) -> float:
        """Days between ``t`` and the story's time span (0 inside it or when either is unknown)."""
        if t is None or self.first is None or self.last is None:
            return 0.0
        if t < self.first:
            return self.first - t
        if t > self.last:
            return t - self.last
        return 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "articles": list(self.articles),
            "first": self.first,
            "last": self.last,
            "seq": self.seq,
            "sums": {f: dict(v) for f, v in self.sums.items()},
            "norms": dict(self.norms),
            "terms": sorted(self.terms),
            "active": self.active,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> StoryState:
        s = cls(str(d["id"]))
        s.articles = [str(a) for a in d["articles"]]
        s.first, s.last, s.seq, s.active = (
            d.get("first"),
            d.get("last"),
            int(d.get("seq", 0)),
            bool(d["active"]),
        )
        for f in FIELDS:
            s.sums[f] = {str(k): float(v) for k, v in d["sums"].get(f, {}).items()}
            norms = d.get("norms") or {}
            s.norms[f] = float(norms[f]) if f in norms else sum(v * v for v in s.sums[f].values())
        s.terms = {str(t) for t in d.get("terms", ())}
        return s


class StoryClusterer:
    """Online story clustering, scikit-learn style.

    >>> clusterer = StoryClusterer()
    >>> labels = clusterer.fit(articles).labels_      # one story id per article, input order
    >>> clusterer.partial_fit(more_articles)          # later batch joins existing stories

    Parameters (stored as given; validated in :meth:`fit`/:meth:`partial_fit`):

    threshold
        Least score for an article to join a story; lower merges more.
    title_weight, lead_weight, body_weight, entity_weight
        Weights of the cosine of each sub-vector (title, first ``lead_words`` content words,
        whole body, entity names).
    time_weight, time_scale_days
        Time penalty: ``time_weight * (1 - exp(-gap / time_scale_days))``.
    window_days
        A story with no new article for this many days (of publication time) is retired.
    max_active
        Most stories kept active; beyond it the least recently updated are retired.
    max_candidates
        Stories scored per article (found through the inverted index).
    query_terms, index_terms
        Heaviest terms of an article used to look up candidates / to index its story.
    max_posting
        Index terms shared by more active stories than this are too common to look up.
    body_terms
        Body and entity vectors keep their heaviest ``body_terms`` terms.
    centroid_terms
        A story's centroid keeps about its heaviest ``centroid_terms`` terms per field (bounds memory).
    lead_words
        Content words that make the lead.
    embedder, embedding_weight
        Optional dense embeddings of title + lead (any :class:`~parallax.represent.embed.Embedder`,
        e.g. ``MiniLMEmbedder()`` from the ``embed`` extra) as a fifth field of that weight.
        Off by default: it costs a model and about 100 articles/s on a CPU.

    Learned state: ``idf_`` (:class:`OnlineIdf`), ``stories_`` (id -> :class:`StoryState`, every
    story, active or retired, in creation order), ``labels_`` (story id of every article
    seen, in the order given), ``assignments_`` (article id -> story id), ``n_seen_``.
    """

    def __init__(
        self,
        *,
        threshold: float = 0.12,
        title_weight: float = 1.0,
        lead_weight: float = 0.5,
        body_weight: float = 1.0,
        entity_weight: float = 1.0,
        time_weight: float = 0.1,
        time_scale_days: float = 7.0,
        window_days: float = 365.0,
        max_active: int = 20000,
        max_candidates: int = 10,
        query_terms: int = 20,
        index_terms: int = 20,
        max_posting: int = 500,
        body_terms: int = 100,
        centroid_terms: int = 400,
        lead_words: int = 60,
        embedder: Embedder | None = None,
        embedding_weight: float = 1.0,
    ) -> None:
        self.threshold = threshold
        self.title_weight = title_weight
        self.lead_weight = lead_weight
        self.body_weight = body_weight
        self.entity_weight = entity_weight
        self.time_weight = time_weight
        self.time_scale_days = time_scale_days
        self.window_days = window_days
        self.max_active = max_active
        self.max_candidates = max_candidates
        self.query_terms = query_terms
        self.index_terms = index_terms
        self.max_posting = max_posting
        self.body_terms = body_terms
        self.centroid_terms = centroid_terms
        self.lead_words = lead_words
        self.embedder = embedder
        self.embedding_weight = embedding_weight

    # -- scikit-learn conventions -------------------------------------------------------
    _PARAMS = (
        "threshold", "title_weight", "lead_weight", "body_weight", "entity_weight", "time_weight",
        "time_scale_days", "window_days", "max_active", "max_candidates", "query_terms", "index_terms",
        "max_posting", "body_terms", "centroid_terms", "lead_words", "embedder", "embedding_weight",
    )  # fmt: skip

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self._PARAMS}

    def set_params(self, **params: Any) -> StoryClusterer:
        for name, value in params.items():
            if name not in self._PARAMS:
                raise ValueError(
                    f"StoryClusterer has no parameter {name!r}; known: {', '.join(self._PARAMS)}"
                )
            setattr(self, name, value)
        return self

    def __repr__(self) -> str:
        defaults = StoryClusterer()
        changed = [f"{k}={v!r}" for k, v in self.get_params().items() if v != getattr(defaults, k)]
        return f"StoryClusterer({', '.join(changed)})"

    def _check_params(self) -> None:
        for name in (
            "title_weight",
            "lead_weight",
            "body_weight",
            "entity_weight",
            "time_weight",
            "embedding_weight",
        ):
            value = getattr(self, name)
            if not isinstance(value, (int, float)) or value < 0 or math.isnan(value):
                raise ValueError(f"StoryClusterer: {name} must be a number >= 0, got {value!r}")
        if self.title_weight + self.lead_weight + self.body_weight + self.entity_weight <= 0:
            raise ValueError("StoryClusterer: at least one of the field weights must be above 0")
        for name in ("time_scale_days", "window_days"):
            value = getattr(self, name)
            if not isinstance(value, (int, float)) or not value > 0:
                raise ValueError(f"StoryClusterer: {name} must be a number of days above 0, got {value!r}")
        for name in ("max_active", "max_candidates", "query_terms", "index_terms", "max_posting", "body_terms",
                     "centroid_terms", "lead_words"):  # fmt: skip
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                raise ValueError(f"StoryClusterer: {name} must be a whole number >= 1, got {value!r}")

    # -- fitting ------------------------------------------------------------------------
    def _reset(self) -> None:
        self.idf_ = OnlineIdf()
        self.stories_: dict[str, StoryState] = {}
        self.labels_: list[str] = []
        self.assignments_: dict[str, str] = {}
        self.n_seen_ = 0
        self.now_: float | None = None  # latest publication time seen (days since epoch)
        self._postings: dict[str, set[str]] = {}
        self._active: dict[str, None] = {}  # active story ids, insertion-ordered
        self._memo: dict[str, Form] = {}  # word form -> (lower, term, capitalised), computed once

    def fit(self, articles: Iterable[Article]) -> StoryClusterer:
        """Forget any state and cluster ``articles`` (taken in publication order)."""
        self._check_params()
        self._reset()
        return self._consume(articles)

    def partial_fit(self, articles: Iterable[Article]) -> StoryClusterer:
        """Cluster one more batch, continuing from the current state (the first call starts it)."""
        self._check_params()
        if not hasattr(self, "stories_"):
            self._reset()
        return self._consume(articles)

    def fit_predict(self, articles: Iterable[Article]) -> list[str]:
        """:meth:`fit`, then the story id of each article in the order given."""
        return list(self.fit(articles).labels_)

    def assign(self, articles: Iterable[Article]) -> list[str]:
        """:meth:`partial_fit` a batch and return its story ids in the order given (for ingest)."""
        batch = list(articles)
        self.partial_fit(batch)
        return [self.assignments_[a.id] for a in batch]

    def story_of(self, article_id: str) -> str | None:
        """The story id an article seen so far was assigned to (None if never seen)."""
        self._require_fitted()
        return self.assignments_.get(article_id)

    def predict(self, articles: Iterable[Article]) -> list[str | None]:
        """Story ids for ``articles`` without learning: a seen article's story, else the best active
        story it would join, else None (it would start a new story)."""
        self._require_fitted()
        out: list[str | None] = []
        for article in articles:
            known = self.assignments_.get(article.id)
            if known is not None:
                out.append(known)
                continue
            vecs = self._vectors(article)
            (vecs["embedding"],) = self._embed([article])
            best, score = self._best(vecs, parse_published(article.published))
            out.append(best if best is not None and score >= self.threshold else None)
        return out

    def _require_fitted(self) -> None:
        if not hasattr(self, "stories_"):
            raise ValueError("this StoryClusterer is not fitted yet: call fit() or partial_fit() first")

    @staticmethod
    def publication_order(articles: Sequence[Article]) -> list[int]:
        """Indexes of ``articles`` in publication order. Undated articles keep their input
        position: they sort with the dated article before them (or first, if none)."""
        keys: list[tuple[float, int]] = []
        last = -math.inf
        for i, article in enumerate(articles):
            t = parse_published(article.published)
            if t is not None:
                last = t
            keys.append((last if t is None else t, i))
        return [i for _, i in sorted(keys)]

    def _embed(self, batch: Sequence[Article]) -> list[SparseVector]:
        if self.embedder is None or self.embedding_weight <= 0 or not batch:
            return [{} for _ in batch]
        rows = self.embedder.encode([embedding_text(a, self.lead_words) for a in batch])
        if len(rows) != len(batch):
            raise ValueError(f"the embedder returned {len(rows)} vectors for {len(batch)} texts")
        return [dense_to_sparse(row) for row in rows]

    def _consume(self, articles: Iterable[Article]) -> StoryClusterer:
        batch = list(articles)
        dense = self._embed(batch)
        labels: list[str] = [""] * len(batch)
        for i in self.publication_order(batch):
            labels[i] = self._add(batch[i], embedding=dense[i])
        self.labels_.extend(labels)
        return self

    def _vectors(self, article: Article, *, learn: bool = False) -> dict[str, SparseVector]:
        """The sub-vectors of ``article``; ``learn`` first counts it in the document frequencies."""
        if len(self._memo) > _MEMO_LIMIT:
            self._memo.clear()
        terms = article_terms(article, lead_words=self.lead_words, memo=self._memo)
        if learn:
            self.idf_.update(set(terms.body) | set(terms.title) | set(terms.entities))
        idf = self.idf_
        return {
            "title": weigh(terms.title, idf) if self.title_weight > 0 else {},
            "lead": weigh(terms.lead, idf) if self.lead_weight > 0 else {},
            "body": weigh(terms.body, idf, keep=self.body_terms) if self.body_weight > 0 else {},
            "entities": weigh(terms.entities, idf, keep=self.body_terms) if self.entity_weight > 0 else {},
            "embedding": {},
        }

    def _query(self, vecs: Mapping[str, SparseVector]) -> list[str]:
        combined: dict[str, float] = {}
        get = combined.get
        for f in _TERM_FIELDS:
            for t, v in vecs[f].items():
                combined[t] = get(t, 0.0) + v
        return top_terms(combined, max(self.query_terms, self.index_terms))

    def _candidates(self, query: Sequence[str]) -> list[str]:
        hits: dict[str, float] = {}
        get = hits.get
        cap = self.max_posting
        for rank, term in enumerate(query[: self.query_terms]):
            posting = self._postings.get(term)
            if posting and len(posting) <= cap:
                w = 1.0 / (1 + rank)
                for sid in posting:
                    hits[sid] = get(sid, 0.0) + w
        if len(hits) <= self.max_candidates:
            return list(hits)
        # ties broken by id: set iteration order varies between runs (hash seeds), results must not
        return [
            sid for sid, _ in heapq.nlargest(self.max_candidates, hits.items(), key=lambda kv: (kv[1], kv[0]))
        ]

    def _weights(self, vecs: Mapping[str, SparseVector]) -> tuple[tuple[str, float], ...]:
        pairs = (
            ("title", self.title_weight),
            ("lead", self.lead_weight),
            ("body", self.body_weight),
            ("entities", self.entity_weight),
            ("embedding", self.embedding_weight),
        )
        return tuple((f, w) for f, w in pairs if w > 0 and vecs[f])

    def score(self, vecs: Mapping[str, SparseVector], story: StoryState, t: float | None) -> float:
        """The similarity of an article's vectors to ``story`` (see the module docstring)."""
        weights = self._weights(vecs)
        total = sum(w for _, w in weights)
        if total <= 0:
            return 0.0
        sim = sum(w * cosine_to_sum(vecs[f], story.sums[f], story.norms[f]) for f, w in weights) / total
        gap = story.gap(t)
        if gap > 0 and self.time_weight > 0:
            sim -= self.time_weight * (1.0 - math.exp(-gap / self.time_scale_days))
        return sim

    def _best(
        self, vecs: Mapping[str, SparseVector], t: float | None, query: Sequence[str] | None = None
    ) -> tuple[str | None, float]:
        best, best_score = None, -math.inf
        for sid in self._candidates(self._query(vecs) if query is None else query):
            s = self.score(vecs, self.stories_[sid], t)
            if s > best_score or (s == best_score and best is not None and sid < best):
                best, best_score = sid, s
        return best, best_score

    def _add(
        self, article: Article, story_id: str | None = None, embedding: SparseVector | None = None
    ) -> str:
        """Assign ``article`` (or, when ``story_id`` is given, put it there) and learn from it."""
        vecs = self._vectors(article, learn=True)
        if embedding:
            vecs["embedding"] = embedding
        t = parse_published(article.published)
        if t is not None and (self.now_ is None or t > self.now_):
            self.now_ = t
        query = self._query(vecs)
        if story_id is None:
            best, best_score = self._best(vecs, t, query)
            story_id = best if best is not None and best_score >= self.threshold else None
        if story_id is None:
            story_id = story_id_for(article.id)
            while story_id in self.stories_:  # a repeated article id: keep ids unique
                story_id = story_id_for(story_id)
        story = self.stories_.get(story_id)
        if story is None:
            story = self.stories_[story_id] = StoryState(story_id)
            self._active[story_id] = None
        elif not story.active:
            self._reactivate(story)
        self.n_seen_ += 1
        story.articles.append(article.id)
        story.seq = self.n_seen_
        if t is not None:
            story.first = t if story.first is None else min(story.first, t)
            story.last = t if story.last is None else max(story.last, t)
        cap = self.centroid_terms
        for f in FIELDS:
            story.norms[f] = add_into(story.sums[f], vecs[f], story.norms[f])
            if len(story.sums[f]) > cap + cap // 4:
                story.sums[f] = {term: story.sums[f][term] for term in top_terms(story.sums[f], cap)}
                story.norms[f] = sum(v * v for v in story.sums[f].values())
        self._active.pop(story_id, None)
        self._active[story_id] = None  # most recently updated last
        size = len(story.articles)
        if size == 1:
            self._index(story, query[: self.index_terms])
        elif size <= 4 or (size & (size - 1)) == 0 or size % 64 == 0:
            self._index(story, self._centroid_terms(story))
        self.assignments_[article.id] = story_id
        self._retire()
        return story_id

    def _retire(self) -> None:
        """Retire stories beyond ``max_active`` and quiet ones; O(retired) per call."""
        while len(self._active) > self.max_active:
            self._deactivate(self.stories_[next(iter(self._active))])
        if self.now_ is None:
            return
        horizon = self.now_ - self.window_days
        # _active is ordered by last update; in publication order that is nearly by time, so
        # stop at the first story still inside the window (stragglers go at a later check)
        while self._active:
            story = self.stories_[next(iter(self._active))]
            if story.last is None or story.last >= horizon:
                break
            self._deactivate(story)

    def _deactivate(self, story: StoryState) -> None:
        for term in story.terms:
            posting = self._postings.get(term)
            if posting is not None:
                posting.discard(story.id)
                if not posting:
                    del self._postings[term]
        story.terms = set()
        story.active = False
        self._active.pop(story.id, None)
        keep = 2 * self.index_terms  # compact: a retired story keeps only its heaviest terms
        for f in FIELDS:
            if len(story.sums[f]) > keep:
                story.sums[f] = {t: story.sums[f][t] for t in top_terms(story.sums[f], keep)}
                story.norms[f] = sum(v * v for v in story.sums[f].values())

    def _centroid_terms(self, story: StoryState) -> list[str]:
        """The heaviest words of a story's centroid (fields as in :meth:`_query`, each unit length)."""
        combined: dict[str, float] = {}
        get = combined.get
        for f in _TERM_FIELDS:
            norm2 = story.norms[f]
            if norm2 > 0:
                inv = 1.0 / math.sqrt(norm2)
                for t, v in story.sums[f].items():
                    combined[t] = get(t, 0.0) + v * inv
        return top_terms(combined, self.index_terms)

    def _index(self, story: StoryState, terms: Sequence[str]) -> None:
        """Index ``story`` under ``terms`` (replacing its previous index terms).

        A story is indexed under the heaviest words of its centroid, re-read at sizes 1-4, powers
        of two and every 64 articles: words the story keeps using, not one article's rare words.
        """
        new = set(terms)
        for term in story.terms - new:
            posting = self._postings.get(term)
            if posting is not None:
                posting.discard(story.id)
                if not posting:
                    del self._postings[term]
        for term in new - story.terms:
            self._postings.setdefault(term, set()).add(story.id)
        story.terms = new

    def _reactivate(self, story: StoryState) -> None:
        story.active = True
        self._active[story.id] = None
        self._index(story, self._centroid_terms(story))

    # -- resuming -----------------------------------------------------------------------
    def seed(self, articles: Iterable[Article]) -> StoryClusterer:
        """Rebuild state from stored articles that already carry their ``story`` id, in
        publication order, so a later :meth:`partial_fit` joins existing stories."""
        self._check_params()
        if not hasattr(self, "stories_"):
            self._reset()
        batch = list(articles)
        for article in batch:
            if not article.story:
                raise ValueError(
                    f"article {article.id!r} has no story id: seed() takes stored articles with their "
                    "story; pass new articles to partial_fit() instead"
                )
        dense = self._embed(batch)
        labels: list[str] = [""] * len(batch)
        for i in self.publication_order(batch):
            labels[i] = self._add(batch[i], story_id=batch[i].story, embedding=dense[i])
        self.labels_.extend(labels)
        return self

    def state_dict(self) -> dict[str, Any]:
        """The learned state as JSON-able data (parameters but the embedder included); see :meth:`from_state`."""
        self._require_fitted()
        return {
            "version": _STATE_VERSION,
            "params": {k: v for k, v in self.get_params().items() if k != "embedder"},
            "idf": self.idf_.state_dict(),
            "stories": [s.to_dict() for s in self.stories_.values()],
            "active": list(self._active),
            "n_seen": self.n_seen_,
            "now": self.now_,
        }

    @classmethod
    def from_state(cls, state: Mapping[str, Any], *, embedder: Embedder | None = None) -> StoryClusterer:
        """A clusterer that continues exactly where the one that wrote ``state`` stopped
        (pass the same ``embedder`` again if it used one: models are not part of the state)."""
        if state.get("version") != _STATE_VERSION:
            raise ValueError(
                f"clusterer state version {state.get('version')!r} is not {_STATE_VERSION}; "
                "rebuild it with StoryClusterer.seed(stored articles)"
            )
        self = cls(**state["params"], embedder=embedder)
        self._check_params()
        self._reset()
        self.idf_ = OnlineIdf.from_state(state["idf"])
        for d in state["stories"]:
            story = StoryState.from_dict(d)
            self.stories_[story.id] = story
            for aid in story.articles:
                self.assignments_[aid] = story.id
        for sid in state["active"]:
            story = self.stories_[sid]
            self._active[sid] = None
            for term in story.terms:
                self._postings.setdefault(term, set()).add(sid)
        self.n_seen_ = int(state["n_seen"])
        self.now_ = state.get("now")
        return self
