"""The online story clusterer: each article joins the most similar active story or starts one.

Representation (after Miranda et al., EMNLP 2018, "Multilingual Clustering of Streaming News"):
four TF-IDF sub-vectors per article -- title, lead, body and entities -- each compared by
cosine with the running sum (centroid) of the story's vectors, combined linearly, minus a
time penalty that grows with the gap between the article and the story's time span:

    score = sum_f w_f * cos_f / sum_f w_f  -  time_weight * (1 - exp(-gap_days / time_scale_days))

Only the fields both the article and the story have are compared (an article whose body is
not its own text -- a paywall, a consent page -- is compared by its headline alone). The
article joins the best-scoring candidate when ``score >= threshold``, else it starts a
story. IDF is learned online (:class:`~parallax.represent.tfidf.OnlineIdf`).

Candidate generation never compares all pairs: every active story is indexed under the
heaviest terms of its centroid, with their weights (an inverted index); an article is scored
only against ``max_candidates`` stories, chosen among those whose indexed weights agree most with
its own heaviest terms (a sparse dot product, so the ranking approximates the score itself) with
the time penalty the score will give each story (its gap to the article's own time) counted in.

Consolidation: an online clusterer decides with what it has seen, so one event can start as
two stories before either has enough articles to show they are one. Whenever a story's index
is refreshed (as it grows: sizes 2-4, then each doubling, and every 64 articles), the story is
compared, centroid to centroid, with its own candidates, and the two merge when that score is
at least ``merge_threshold``; the older story keeps its id. The cost is bounded like an
article's: one index look-up and ``max_candidates`` comparisons, a logarithmic number of
times per story.

Splits, against chaining: a running-sum centroid attracts every article of its theme, so one
theme's events told weeks apart could chain into one hub story. When an article joins a story
after a silence of at least ``split_gap_days``, the articles from it on are the story's burst,
summed beside the story; while the burst grows (up to 32 articles) it is compared with the rest of
the story by average linkage computed from the sums alone, and splits off into a story of its own
when the two parts are less alike than each part's own articles are (by ``split_ratio``) and their
centroids would not be merged again. No member vectors are kept; the cost is one pass over the
burst's terms per field for each article of a burst.

Stories quiet for ``window_days`` (or beyond ``max_active`` active stories, least recent
first) are retired: taken out of the index and compacted, but still listed in ``stories_``.
"""

from __future__ import annotations

import hashlib
import heapq
import math
import os
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from itertools import repeat
from operator import add, itemgetter, mul
from typing import Any

from ..model import Article
from ..represent.embed import Embedder, dense_to_sparse, embedding_text
from ..represent.text import ArticleTerms, Memo, article_terms
from .reader import TermReader
from ..represent.tfidf import (
    OnlineIdf,
    SparseVector,
    add_into,
    cosine_of_sums,
    cosine_to_sum,
    top_terms,
    weigh_array,
    weigh_values,
)

__all__ = ["FIELDS", "StoryClusterer", "StoryState", "parse_published", "story_id_for"]

#: The sub-vectors of an article, in the order of the ``*_weight`` parameters.
FIELDS = ("title", "lead", "body", "entities", "embedding")
_TERM_FIELDS = ("title", "lead", "body", "entities")  # the fields whose keys are words
_STATE_VERSION = 2  # 2: weighted index terms, born/indexed_at, merges
_MEMO_LIMIT = 1_000_000  # words remembered before the memo starts over
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
#: Stories a growing story is compared with for consolidation: the index ranks the one it should
#: merge with first (they share its heaviest words), so a few keep the check cheap.
_MERGE_CANDIDATES = 3
#: A burst is checked for a split while it has at most this many articles; a burst that has grown
#: this large without splitting off is part of its story (the check's cost stays bounded).
_BURST_MAX = 32
#: With ``workers`` above 1, a batch of at least this many articles has its terms read by other
#: processes (below it, sending them costs more than it saves).
_PARALLEL_MIN = 128
#: The candidates are chosen among the stories whose index weights agree most with the article's,
#: this many times ``max_candidates`` of them ...
_POOL = 4
#: ... by that agreement relative to the best one's, minus this many times the time penalty the score
#: will give the story (relative agreements spread about three times as wide as scores).
_RANK_TIME = 3.0


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


def _add_scaled(total: dict[str, float], vec: Mapping[str, float], scale: float) -> None:
    """``total += scale * vec`` in place, in C-level maps (no Python loop over the terms)."""
    if not total:
        total.update(zip(vec.keys(), map(mul, vec.values(), repeat(scale))))
        return
    keys = vec.keys()
    scaled = map(mul, vec.values(), repeat(scale))
    total.update(zip(keys, map(add, map(total.get, keys, repeat(0.0)), scaled)))


def _best_first(item: tuple[str, float]) -> tuple[float, str]:
    return (-item[1], item[0])


def _heaviest(vec: Mapping[str, float], k: int) -> dict[str, float]:
    """The ``k`` heaviest entries of ``vec``, heaviest first (a stable sort: ties keep ``vec``'s order)."""
    return dict(sorted(vec.items(), key=itemgetter(1), reverse=True)[:k])


class Burst:
    """The articles a story gained since its latest silence (a gap of at least ``split_gap_days``):
    their ids, the sums of their vectors, and the story's last time before them.

    Kept only while the split check still reads it (up to :data:`_BURST_MAX` articles).
    """

    __slots__ = ("articles", "born", "counts", "first", "head_last", "head_seq", "norms", "sums")

    def __init__(self, first: float, born: int, head_last: float | None, head_seq: int) -> None:
        self.articles: list[str] = []
        self.first = first  # publication time of its first article
        self.born = born  # stream position of its first article
        self.head_last = head_last  # the story's last publication time before the burst
        self.head_seq = head_seq  # and its stream position
        self.sums: dict[str, SparseVector] = {f: {} for f in FIELDS}
        self.norms: dict[str, float] = dict.fromkeys(FIELDS, 0.0)
        self.counts: dict[str, int] = dict.fromkeys(FIELDS, 0)

    def cap(self, f: str, centroid_terms: int) -> None:
        """Keep about the heaviest ``centroid_terms`` terms of field ``f``, as a story does."""
        if len(self.sums[f]) > centroid_terms + centroid_terms // 4:
            self.sums[f] = {term: self.sums[f][term] for term in top_terms(self.sums[f], centroid_terms)}
            self.norms[f] = sum(v * v for v in self.sums[f].values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": list(self.articles),
            "first": self.first,
            "born": self.born,
            "head_last": self.head_last,
            "head_seq": self.head_seq,
            "sums": {f: dict(v) for f, v in self.sums.items()},
            "norms": dict(self.norms),
            "counts": dict(self.counts),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Burst:
        b = cls(float(d["first"]), int(d["born"]), d.get("head_last"), int(d.get("head_seq", 0)))
        b.articles = [str(a) for a in d["articles"]]
        for f in FIELDS:
            b.sums[f] = {str(k): float(v) for k, v in d["sums"].get(f, {}).items()}
            b.norms[f] = float(d["norms"].get(f, 0.0))
            b.counts[f] = int(d["counts"].get(f, 0))
        return b


class StoryState:
    """A story as the clusterer holds it: members, time span and per-field centroid sums.

    Learned state (mutable while clustering runs); read its attributes, do not set them.
    ``first``/``last`` are days since the epoch (None when no member has a date); ``born`` is the
    stream position of its first article (the older of two merging stories keeps its id);
    ``terms`` are its index terms and their weights while it is active.
    """

    __slots__ = ("active", "articles", "born", "counts", "first", "id", "indexed_at", "last", "norms", "seq",
                 "sums", "tail", "terms")  # fmt: skip

    def __init__(self, story_id: str, born: int = 0) -> None:
        self.id = story_id
        self.articles: list[str] = []
        self.first: float | None = None
        self.last: float | None = None
        self.seq = 0  # position in the stream of its latest article
        self.born = born
        self.indexed_at = 0  # size when its index terms were last re-read
        self.sums: dict[str, SparseVector] = {f: {} for f in FIELDS}
        self.norms: dict[str, float] = dict.fromkeys(FIELDS, 0.0)
        self.counts: dict[str, int] = dict.fromkeys(FIELDS, 0)  # members whose field is not empty
        self.terms: dict[str, float] = {}  # index term -> weight, while active
        self.active = True
        self.tail: Burst | None = None  # the articles since the story's latest silence, while checked

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

    def span_gap(self, other: StoryState) -> float:
        """Days between the time spans of two stories (0 when they overlap or either is undated)."""
        if self.first is None or self.last is None or other.first is None or other.last is None:
            return 0.0
        return max(0.0, other.first - self.last, self.first - other.last)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "articles": list(self.articles),
            "first": self.first,
            "last": self.last,
            "seq": self.seq,
            "born": self.born,
            "indexed_at": self.indexed_at,
            "sums": {f: dict(v) for f, v in self.sums.items()},
            "norms": dict(self.norms),
            "terms": dict(self.terms),
            "active": self.active,
            "counts": dict(self.counts),
            "tail": None if self.tail is None else self.tail.to_dict(),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> StoryState:
        s = cls(str(d["id"]), int(d.get("born", 0)))
        s.articles = [str(a) for a in d["articles"]]
        s.first, s.last, s.seq, s.active = (
            d.get("first"),
            d.get("last"),
            int(d.get("seq", 0)),
            bool(d["active"]),
        )
        s.indexed_at = int(d.get("indexed_at", 0))
        for f in FIELDS:
            s.sums[f] = {str(k): float(v) for k, v in d["sums"].get(f, {}).items()}
            norms = d.get("norms") or {}
            s.norms[f] = float(norms[f]) if f in norms else sum(v * v for v in s.sums[f].values())
        s.terms = {str(t): float(w) for t, w in (d.get("terms") or {}).items()}
        counts = d.get("counts")  # absent in a state written before splits: every member counted
        s.counts = {f: int(counts.get(f, 0)) if counts else (len(s.articles) if s.norms[f] > 0 else 0)
                    for f in FIELDS}  # fmt: skip
        s.tail = Burst.from_dict(d["tail"]) if d.get("tail") else None
        return s

    def absorb(self, other: StoryState, centroid_terms: int) -> None:
        """Take ``other``'s articles, time span and centroid sums (a merge); ``other`` is left as it was."""
        self.articles.extend(other.articles)
        firsts = [t for t in (self.first, other.first) if t is not None]
        lasts = [t for t in (self.last, other.last) if t is not None]
        self.first = min(firsts) if firsts else None
        self.last = max(lasts) if lasts else None
        self.seq = max(self.seq, other.seq)
        self.tail = None  # a merged story's latest burst is no longer one stretch of its coverage
        for f in FIELDS:
            self.norms[f] = add_into(self.sums[f], other.sums[f], self.norms[f])
            self.counts[f] += other.counts[f]
            self.cap(f, centroid_terms)

    def cap(self, f: str, centroid_terms: int) -> None:
        """Keep about the heaviest ``centroid_terms`` terms of field ``f`` (bounds memory)."""
        if len(self.sums[f]) > centroid_terms + centroid_terms // 4:
            self.sums[f] = {term: self.sums[f][term] for term in top_terms(self.sums[f], centroid_terms)}
            self.norms[f] = sum(v * v for v in self.sums[f].values())


class StoryClusterer:
    """Online story clustering, scikit-learn style.

    >>> clusterer = StoryClusterer()
    >>> labels = clusterer.fit(articles).labels_      # one story id per article, input order
    >>> clusterer.partial_fit(more_articles)          # later batch joins existing stories

    Parameters (stored as given; validated in :meth:`fit`/:meth:`partial_fit`):

    threshold
        Least score for an article to join a story; lower merges more.
    merge_threshold
        Least centroid-to-centroid score for two active stories to merge (consolidation); None
        turns consolidation off.
    split_ratio, split_gap_days
        A story's articles after a silence of ``split_gap_days`` (its burst) split off into a story
        of their own when their mean similarity to the story's earlier articles is below
        ``split_ratio`` times the lower mean similarity within either part (average linkage); None
        turns splits off.
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
    story, active or retired, in creation order; a story merged into another is gone from it),
    ``labels_`` (story id of every article seen, in the order given, merges applied),
    ``assignments_`` (article id -> story id), ``merged_`` (id of a story merged away -> the id
    it was merged into), ``splits_`` (id of a story split off -> the id of the story it left),
    ``moved_`` (ids of the articles seen before the last call whose story changed in it, by a merge
    or a split), ``n_seen_``.
    """

    def __init__(
        self,
        *,
        threshold: float = 0.12,
        merge_threshold: float | None = 0.35,
        split_ratio: float | None = 0.7,
        split_gap_days: float = 7.0,
        title_weight: float = 1.0,
        lead_weight: float = 0.5,
        body_weight: float = 1.0,
        entity_weight: float = 1.0,
        time_weight: float = 0.1,
        time_scale_days: float = 7.0,
        window_days: float = 365.0,
        max_active: int = 20000,
        max_candidates: int = 5,
        query_terms: int = 20,
        index_terms: int = 20,
        max_posting: int = 500,
        body_terms: int = 100,
        centroid_terms: int = 400,
        lead_words: int = 60,
        embedder: Embedder | None = None,
        embedding_weight: float = 1.0,
        workers: int = 1,
    ) -> None:
        self.threshold = threshold
        self.merge_threshold = merge_threshold
        self.split_ratio = split_ratio
        self.split_gap_days = split_gap_days
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
        self.workers = workers

    # -- scikit-learn conventions -------------------------------------------------------
    _PARAMS = (
        "threshold", "merge_threshold", "split_ratio", "split_gap_days", "title_weight", "lead_weight",
        "body_weight", "entity_weight", "time_weight", "time_scale_days", "window_days", "max_active",
        "max_candidates", "query_terms", "index_terms", "max_posting", "body_terms", "centroid_terms",
        "lead_words", "embedder", "embedding_weight", "workers",
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
        merge = self.merge_threshold
        if merge is not None and (not isinstance(merge, (int, float)) or math.isnan(merge)):
            raise ValueError(f"StoryClusterer: merge_threshold must be a number or None, got {merge!r}")
        ratio = self.split_ratio
        if ratio is not None and (not isinstance(ratio, (int, float)) or not 0 <= ratio):
            raise ValueError(f"StoryClusterer: split_ratio must be a number >= 0 or None, got {ratio!r}")
        for name in ("time_scale_days", "window_days", "split_gap_days"):
            value = getattr(self, name)
            if not isinstance(value, (int, float)) or not value > 0:
                raise ValueError(f"StoryClusterer: {name} must be a number of days above 0, got {value!r}")
        for name in ("max_active", "max_candidates", "query_terms", "index_terms", "max_posting",
                     "body_terms", "centroid_terms", "lead_words"):  # fmt: skip
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                raise ValueError(f"StoryClusterer: {name} must be a whole number >= 1, got {value!r}")
        if not isinstance(self.workers, int) or isinstance(self.workers, bool):
            raise ValueError(f"StoryClusterer: workers must be a whole number, got {self.workers!r}")
        # the weights as used while fitting, read once here rather than for every candidate
        self._all_weights = self._field_weights()
        self._term_weights = tuple((f, w) for f, w in self._all_weights if f in _TERM_FIELDS)

    # -- fitting ------------------------------------------------------------------------
    def _reset(self) -> None:
        self.idf_ = OnlineIdf()
        self.stories_: dict[str, StoryState] = {}
        self._labels: list[str] = []  # as assigned; merges and splits are applied when labels_ is read
        self._label_ids: list[str] = []  # the article of each label
        self._repeated: set[str] = set()  # article ids seen more than once (their label is positional)
        self.assignments_: dict[str, str] = {}
        self.merged_: dict[str, str] = {}
        self.splits_: dict[str, str] = {}
        self.moved_: list[str] = []
        self._batch_ids: set[str] = set()
        self.n_seen_ = 0
        self.now_: float | None = None  # latest publication time seen (days since epoch)
        self._postings: dict[str, dict[str, float]] = {}  # term -> {story id: weight}
        self._active: dict[str, None] = {}  # active story ids, insertion-ordered
        self._memo: Memo = {}  # lower-case word -> term, computed once

    @property
    def labels_(self) -> list[str]:
        """The story id of every article seen, in the order given (merged stories resolved)."""
        if not hasattr(self, "stories_"):  # an AttributeError, so hasattr(clusterer, "labels_") is False
            raise AttributeError("this StoryClusterer is not fitted yet: call fit() or partial_fit() first")
        assignments, repeated, resolve = self.assignments_, self._repeated, self.resolve
        if repeated:  # an id seen twice: its latest story is in assignments_, the earlier one by position
            self._labels = [resolve(label) if aid in repeated else assignments[aid]
                            for aid, label in zip(self._label_ids, self._labels)]  # fmt: skip
        else:
            self._labels = [assignments[aid] for aid in self._label_ids]
        return list(self._labels)

    def resolve(self, story_id: str) -> str:
        """The id a story goes by now: itself, or the story it was merged into (transitively)."""
        merged = self.merged_
        while story_id in merged:
            story_id = merged[story_id]
        return story_id

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
        return self.fit(articles).labels_

    def assign(self, articles: Iterable[Article]) -> list[str]:
        """:meth:`partial_fit` a batch and return its story ids in the order given (for ingest).

        Stories merged while the batch was read may also change the story of earlier articles:
        ``moved_`` lists them afterwards (``StoreAssigner`` updates the store with it).
        """
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

    def _consume(self, articles: Iterable[Article], *, stored: bool = False) -> StoryClusterer:
        """Learn from ``articles`` in publication order; ``stored`` takes each one's ``story`` as given."""
        batch = list(articles)
        dense = self._embed(batch)
        labels: list[str] = [""] * len(batch)
        self.moved_ = []
        self._batch_ids = {a.id for a in batch}
        order = self.publication_order(batch)
        for i, terms in zip(order, self._read_terms([batch[i] for i in order]), strict=True):  # read to its end
            article = batch[i]
            labels[i] = self._add(
                article, story_id=article.story if stored else None, embedding=dense[i], terms=terms
            )
        self._labels.extend(labels)
        self._label_ids.extend(a.id for a in batch)
        self.moved_ = list(dict.fromkeys(self.moved_))
        self._batch_ids = set()
        return self

    def _read_terms(self, articles: Sequence[Article]) -> Iterable[ArticleTerms | None]:
        """The terms of ``articles`` in order, read ahead by ``workers - 1`` other processes while this
        one clusters (:mod:`~parallax.cluster.reader`); None for each when they are read in process
        (``workers`` 1, or a batch too small to be worth sending)."""
        workers = self.workers if self.workers >= 1 else (os.cpu_count() or 1)
        if workers <= 1 or len(articles) < _PARALLEL_MIN:
            return repeat(None, len(articles))
        reader = self.__dict__.get("_reader")
        if reader is None or reader.processes != workers - 1 or reader.lead_words != self.lead_words:
            if reader is not None:
                reader.close()
            reader = self._reader = TermReader(workers - 1, self.lead_words)
        return reader.read(articles)

    def close(self) -> None:
        """Stop the processes that read terms for ``workers`` (a later batch starts them again); a
        no-op when terms are read in process. Also on leaving a ``with`` block."""
        reader = self.__dict__.pop("_reader", None)
        if reader is not None:
            reader.close()

    def __enter__(self) -> StoryClusterer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __getstate__(self) -> dict[str, Any]:  # a copy or a pickle does not take the processes along
        return {k: v for k, v in self.__dict__.items() if k != "_reader"}

    def _vectors(
        self, article: Article, *, learn: bool = False, terms: ArticleTerms | None = None
    ) -> dict[str, SparseVector]:
        """The sub-vectors of ``article`` (from its ``terms`` when read already); ``learn`` first counts
        it in the document frequencies."""
        if terms is None:
            if len(self._memo) > _MEMO_LIMIT:
                self._memo.clear()
            terms = article_terms(article, lead_words=self.lead_words, memo=self._memo)
        body = terms.body  # the lead's words are body words; the title's and the entities' mostly are
        vocabulary = [*body, *(t for t in dict.fromkeys((*terms.title, *terms.entities)) if t not in body)]
        idf_ = self.idf_
        idf = idf_.value_array(vocabulary, learn=learn)  # the body's first, in the body's order
        lead = terms.lead
        if self.lead_weight <= 0:
            lead_vec: SparseVector = {}
        elif list(lead) == vocabulary[: len(lead)]:  # as article_terms gives it: the body's first terms
            lead_vec = weigh_array(lead, idf)
        else:
            lead_vec = weigh_values(lead, idf_.values(lead))
        # the short fields' IDF read again: after learning, the table gives what value_array returned
        return {
            "title": weigh_values(terms.title, idf_.values(terms.title)) if self.title_weight > 0 else {},
            "lead": lead_vec,
            "body": weigh_array(body, idf, keep=self.body_terms) if self.body_weight > 0 else {},
            "entities": weigh_values(terms.entities, idf_.values(terms.entities), keep=self.body_terms)
            if self.entity_weight > 0
            else {},
            "embedding": {},
        }

    def _field_weights(self) -> tuple[tuple[str, float], ...]:
        """(field, weight) of every field whose weight is above 0, in :data:`FIELDS` order."""
        pairs = zip(FIELDS, (self.title_weight, self.lead_weight, self.body_weight, self.entity_weight,
                             self.embedding_weight))  # fmt: skip
        return tuple((f, float(w)) for f, w in pairs if w > 0)

    def _query(self, vecs: Mapping[str, SparseVector]) -> dict[str, float]:
        """The heaviest words of an article's fields, each field scaled by its weight: what it looks up."""
        combined: dict[str, float] = {}
        for f, w in self._term_weights:
            _add_scaled(combined, vecs[f], w)
        return _heaviest(combined, max(self.query_terms, self.index_terms))

    def _candidates(
        self, query: Mapping[str, float], t: float | None = None, *, of: StoryState | None = None
    ) -> list[str]:
        """The ``max_candidates`` active stories whose index weights agree most with ``query``
        (a sparse dot product over the first ``query_terms`` query words), taken among the
        ``_POOL * max_candidates`` that agree most, with the time penalty the score will give each
        counted in, so a story still being told is preferred to an old one of the same words.

        For an article, ``t`` is its publication time and the penalty is that of each story's gap
        to it (none for an undated article, as in :meth:`score`); for a story looking for stories
        to merge with (``of``, itself left out), the gap between the two stories' time spans, as in
        :meth:`story_score`."""
        hits: dict[str, float] = {}
        cap = self.max_posting
        postings = self._postings
        for n, (term, w) in enumerate(query.items()):
            if n >= self.query_terms:
                break
            posting = postings.get(term)
            if posting and len(posting) <= cap:
                _add_scaled(hits, posting, w)  # C-level maps: a posting may list hundreds of stories
        if of is not None:
            hits.pop(of.id, None)
        k = self.max_candidates
        pool = _POOL * k
        if len(hits) > pool:  # keep those scoring at least the pool's last (ties too), without a key call each
            least = heapq.nlargest(pool, hits.values())[-1]
            hits = {sid: score for sid, score in hits.items() if score >= least}
        top = max(hits.values(), default=0.0)
        if top > 0 and self.time_weight > 0 and (of is not None or t is not None):
            stories, penalty = self.stories_, self._time_penalty
            gap = of.span_gap if of is not None else lambda story: story.gap(t)
            hits = {sid: score / top - _RANK_TIME * penalty(gap(stories[sid])) for sid, score in hits.items()}
        # best first, ties broken by id: dict and set orders vary between runs (hash seeds), results must not
        return [sid for sid, _ in sorted(hits.items(), key=_best_first)[:k]]

    def _weights(self, vecs: Mapping[str, SparseVector]) -> tuple[tuple[str, float], ...]:
        return tuple((f, w) for f, w in self._all_weights if vecs[f])

    def score(self, vecs: Mapping[str, SparseVector], story: StoryState, t: float | None) -> float:
        """The similarity of an article's vectors to ``story`` (see the module docstring).

        Fields only one side has are left out of the mean rather than counted as 0: a story whose
        articles had no readable body is compared by headline, not penalised for the missing body.
        """
        sums, norms = story.sums, story.norms
        num = total = 0.0
        for f, w in self._weights(vecs):
            if norms[f] > 0.0:
                num += w * cosine_to_sum(vecs[f], sums[f], norms[f])
                total += w
        if total <= 0:
            return 0.0
        return num / total - self._time_penalty(story.gap(t))

    def _time_penalty(self, gap: float) -> float:
        """``time_weight * (1 - exp(-gap / time_scale_days))``: it grows over the first weeks and then
        stays; a story quiet for ``window_days`` is retired instead (see the docs for the shapes tried)."""
        if gap <= 0 or self.time_weight <= 0:
            return 0.0
        return self.time_weight * (1.0 - math.exp(-gap / self.time_scale_days))

    def story_score(self, a: StoryState, b: StoryState) -> float:
        """Centroid-to-centroid similarity of two stories, as :meth:`score` is for an article."""
        num = total = 0.0
        for f, w in self._all_weights:
            if a.norms[f] > 0.0 and b.norms[f] > 0.0:
                num += w * cosine_of_sums(a.sums[f], a.norms[f], b.sums[f], b.norms[f])
                total += w
        if total <= 0:
            return 0.0
        return num / total - self._time_penalty(a.span_gap(b))

    def _best(
        self, vecs: Mapping[str, SparseVector], t: float | None, query: Mapping[str, float] | None = None
    ) -> tuple[str | None, float]:
        best, best_score = None, -math.inf
        for sid in self._candidates(self._query(vecs) if query is None else query, t):
            s = self.score(vecs, self.stories_[sid], t)
            if s > best_score or (s == best_score and best is not None and sid < best):
                best, best_score = sid, s
        return best, best_score

    def _add(
        self,
        article: Article,
        story_id: str | None = None,
        embedding: SparseVector | None = None,
        terms: ArticleTerms | None = None,
    ) -> str:
        """Assign ``article`` (or, when ``story_id`` is given, put it there) and learn from it."""
        vecs = self._vectors(article, learn=True, terms=terms)
        if embedding:
            vecs["embedding"] = embedding
        t = parse_published(article.published)
        if t is not None and (self.now_ is None or t > self.now_):
            self.now_ = t
        query = self._query(vecs)
        decided = story_id is None
        if decided:
            best, best_score = self._best(vecs, t, query)
            story_id = best if best is not None and best_score >= self.threshold else None
        if story_id is None:
            story_id = story_id_for(article.id)
            while story_id in self.stories_ or story_id in self.merged_:  # a repeated article id
                story_id = story_id_for(story_id)
        story = self.stories_.get(story_id)
        if story is None:
            story = self.stories_[story_id] = StoryState(story_id, born=self.n_seen_)
            self._active[story_id] = None
        elif not story.active:
            self._reactivate(story)
        self.n_seen_ += 1
        burst = self._burst_of(story, t)
        story.articles.append(article.id)
        story.seq = self.n_seen_
        if t is not None:
            story.first = t if story.first is None else min(story.first, t)
            story.last = t if story.last is None else max(story.last, t)
        counts = story.counts
        for f in FIELDS:
            vec = vecs[f]
            if vec:
                counts[f] += 1
                story.norms[f] = add_into(story.sums[f], vec, story.norms[f])
                story.cap(f, self.centroid_terms)
                if burst is not None:
                    burst.counts[f] += 1
                    burst.norms[f] = add_into(burst.sums[f], vec, burst.norms[f])
                    burst.cap(f, self.centroid_terms)
        if burst is not None:
            burst.articles.append(article.id)
        self._active.pop(story_id, None)
        self._active[story_id] = None  # most recently updated last
        if article.id in self.assignments_:
            self._repeated.add(article.id)
        self.assignments_[article.id] = story_id
        size = len(story.articles)
        if size == 1:
            self._index(story, dict(list(query.items())[: self.index_terms]))
        elif decided and burst is not None and len(burst.articles) >= 2 and self._splits(story):
            story = self._split(story)
            if self.merge_threshold is not None:
                story = self._consolidate(story)
        elif self._due(story):
            self._index(story, self._centroid_terms(story))
            if decided and self.merge_threshold is not None:
                story = self._consolidate(story)
        self._retire()
        return story.id

    def _burst_of(self, story: StoryState, t: float | None) -> Burst | None:
        """The burst an article published at ``t`` joins in ``story``, opened when ``t`` comes after a
        silence of at least ``split_gap_days``; None when it joins no burst that is still checked."""
        if self.split_ratio is None or t is None:
            return None
        burst = story.tail
        if story.articles and story.last is not None and t - story.last >= self.split_gap_days:
            burst = story.tail = Burst(t, self.n_seen_ - 1, story.last, story.seq)
        elif burst is not None and (t < burst.first or len(burst.articles) >= _BURST_MAX):
            if t >= burst.first:  # grown past the check without splitting off: part of its story
                story.tail = None
            elif burst.head_last is None or t > burst.head_last:  # a late article of the earlier part
                burst.head_last, burst.head_seq = t, self.n_seen_
            return None
        return burst

    def _splits(self, story: StoryState) -> bool:
        """Whether the latest burst of ``story`` tells another event than the articles before it: the two
        parts are apart (:meth:`_apart`, with ``H = S - T``, so ``T.H = S.T - |T|^2``) and consolidation
        would not merge them again (their centroids score below ``merge_threshold``, as in
        :meth:`story_score`), so a split is never undone by the next merge check."""
        burst = story.tail
        assert burst is not None
        parts = []
        num = total = 0.0
        for f, w in self._all_weights:
            n_t = burst.counts[f]
            n_h = story.counts[f] - n_t
            tail, sums, t2 = burst.sums[f], story.sums[f], burst.norms[f]
            st = sum(map(mul, tail.values(), map(sums.get, tail.keys(), repeat(0.0))))  # S.T
            h2 = max(float(n_h), story.norms[f] - 2.0 * st + t2)  # |S - T|^2
            th = max(0.0, st - t2)
            parts.append((w, th, n_t, t2, n_h, h2))
            if n_t and n_h and t2 > 0:
                num += w * th / math.sqrt(t2 * h2)
                total += w
        if not self._apart(parts):
            return False
        if self.merge_threshold is None or total <= 0:
            return True
        gap = burst.first - burst.head_last if burst.head_last is not None else 0.0
        return num / total - self._time_penalty(gap) < self.merge_threshold

    def _apart(self, parts: Iterable[tuple[float, float, int, float, int, float]]) -> bool:
        """Average linkage, from sums alone: whether two groups of articles tell different events.

        ``parts`` gives per field ``(weight, A.B, n_a, |A|^2, n_b, |B|^2)`` for the sums ``A`` and ``B``
        of the two groups' unit vectors. The mean similarity across the groups is ``A.B / (n_a n_b)``,
        within a group ``(|A|^2 - n_a) / (n_a (n_a - 1))``. The groups are apart when the mean across is
        below ``split_ratio`` times the lower mean within (a one-article group has none: the other's
        is used): they are less alike than each group's own articles are. Only fields both groups have
        count; the first group needs two articles.
        """
        ratio = self.split_ratio
        if ratio is None:
            return False
        cross = within_a = within_b = total = total_b = 0.0
        for w, dot, n_a, a2, n_b, b2 in parts:
            if n_a < 2 or n_b < 1:
                continue
            cross += w * dot / (n_a * n_b)
            within_a += w * (a2 - n_a) / (n_a * (n_a - 1))
            total += w
            if n_b >= 2:
                within_b += w * (b2 - n_b) / (n_b * (n_b - 1))
                total_b += w
        if total <= 0:
            return False
        reference = within_a / total
        if total_b > 0:
            reference = min(reference, within_b / total_b)
        return reference > 0 and cross / total < ratio * reference

    def _stories_apart(self, a: StoryState, b: StoryState) -> bool:
        """:meth:`_apart` for two stories, the larger as the first group."""
        if a.size < b.size:
            a, b = b, a
        parts = []
        for f, w in self._all_weights:
            sa, sb = a.sums[f], b.sums[f]
            if len(sa) > len(sb):
                dot = sum(map(mul, sb.values(), map(sa.get, sb.keys(), repeat(0.0))))
            else:
                dot = sum(map(mul, sa.values(), map(sb.get, sa.keys(), repeat(0.0))))
            parts.append((w, dot, a.counts[f], a.norms[f], b.counts[f], b.norms[f]))
        return self._apart(parts)

    def _split(self, story: StoryState) -> StoryState:
        """Split the latest burst of ``story`` off into a story of its own, named by its first article;
        the earlier articles keep the story's id. Returns the new story."""
        burst = story.tail
        assert burst is not None
        story.tail = None
        new_id = story_id_for(burst.articles[0])
        while new_id in self.stories_ or new_id in self.merged_:
            new_id = story_id_for(new_id)
        new = self.stories_[new_id] = StoryState(new_id, born=burst.born)
        new.articles = list(burst.articles)
        new.first, new.last, new.seq = burst.first, story.last, story.seq
        leaving = Counter(burst.articles)
        kept: list[str] = []
        for aid in reversed(story.articles):  # the burst's are the latest occurrences of their ids
            if leaving[aid] > 0:
                leaving[aid] -= 1
            else:
                kept.append(aid)
        story.articles = kept[::-1]
        story.last, story.seq = burst.head_last, burst.head_seq
        for f in FIELDS:
            new.sums[f] = dict(burst.sums[f])
            new.norms[f] = burst.norms[f]
            new.counts[f] = burst.counts[f]
            sums = story.sums[f]
            for term, value in burst.sums[f].items():
                left = sums.get(term)
                if left is not None:
                    left -= value
                    if left > 1e-9:
                        sums[term] = left
                    else:
                        del sums[term]
            story.norms[f] = sum(v * v for v in sums.values())
            story.counts[f] -= burst.counts[f]
        assignments, batch = self.assignments_, self._batch_ids
        for aid in new.articles:
            assignments[aid] = new_id
        self.moved_.extend(aid for aid in new.articles if aid not in batch)
        self.splits_[new_id] = story.id
        self._active[new_id] = None  # most recently updated last
        self._index(story, self._centroid_terms(story))
        self._index(new, self._centroid_terms(new))
        return new

    @staticmethod
    def _due(story: StoryState) -> bool:
        """Whether a story's index terms are due to be re-read: at sizes 2-4, each doubling, and every
        64 articles, so the index follows the words the story keeps using at a logarithmic cost."""
        size, last = len(story.articles), story.indexed_at
        return size <= 4 or size >= 2 * last or size - last >= 64

    def _consolidate(self, story: StoryState) -> StoryState:
        """Merge ``story`` with its most similar active candidate when their centroids score at least
        ``merge_threshold``; returns the story that holds its articles afterwards."""
        threshold = self.merge_threshold
        if threshold is None:
            return story
        best, best_score = None, -math.inf
        for sid in self._candidates(story.terms, of=story)[:_MERGE_CANDIDATES]:
            other = self.stories_[sid]
            s = self.story_score(story, other)
            if s > best_score or (s == best_score and best is not None and sid < best.id):
                best, best_score = other, s
        if best is None or best_score < threshold:
            return story
        if story.span_gap(best) >= self.split_gap_days and self._stories_apart(story, best):
            return story  # what a split would part, a merge does not join (see _split)
        return self._merge(story, best)

    def _merge(self, a: StoryState, b: StoryState) -> StoryState:
        """Merge two active stories into the older one (its id names the merged story)."""
        keep, gone = (a, b) if (a.born, a.id) < (b.born, b.id) else (b, a)
        gone_is_newer = gone.seq > keep.seq
        self._deactivate(gone, compact=False)
        keep.absorb(gone, self.centroid_terms)  # keep.seq becomes the later of the two
        del self.stories_[gone.id]
        self.merged_[gone.id] = keep.id
        assignments = self.assignments_
        for aid in gone.articles:
            assignments[aid] = keep.id
        # articles of earlier calls whose story changed (the current batch's are returned anyway)
        batch = self._batch_ids
        self.moved_.extend(aid for aid in gone.articles if aid not in batch)
        if gone_is_newer:
            self._active.pop(keep.id, None)
            self._active[keep.id] = None  # most recently updated last
        self._index(keep, self._centroid_terms(keep))
        return keep

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

    def _deactivate(self, story: StoryState, *, compact: bool = True) -> None:
        postings = self._postings
        for term in story.terms:
            posting = postings.get(term)
            if posting is not None:
                posting.pop(story.id, None)
                if not posting:
                    del postings[term]
        story.terms = {}
        story.active = False
        self._active.pop(story.id, None)
        if not compact:
            return
        story.tail = None  # a retired story is not checked for splits
        keep = 2 * self.index_terms  # compact: a retired story keeps only its heaviest terms
        for f in FIELDS:
            if len(story.sums[f]) > keep:
                story.sums[f] = {t: story.sums[f][t] for t in top_terms(story.sums[f], keep)}
                story.norms[f] = sum(v * v for v in story.sums[f].values())

    def _centroid_terms(self, story: StoryState) -> dict[str, float]:
        """The heaviest words of a story's centroid with their weights (fields as in :meth:`_query`,
        each unit length and scaled by its weight)."""
        combined: dict[str, float] = {}
        for f, w in self._term_weights:
            norm2 = story.norms[f]
            if norm2 > 0:
                _add_scaled(combined, story.sums[f], w / math.sqrt(norm2))
        return _heaviest(combined, self.index_terms)

    def _index(self, story: StoryState, terms: Mapping[str, float]) -> None:
        """Index ``story`` under ``terms`` with their weights (replacing its previous index terms).

        A story is indexed under the heaviest words of its centroid, re-read as it grows
        (:meth:`_due`): words the story keeps using, not one article's rare words.
        """
        postings = self._postings
        for term in story.terms.keys() - terms.keys():
            posting = postings.get(term)
            if posting is not None:
                posting.pop(story.id, None)
                if not posting:
                    del postings[term]
        sid = story.id
        for term, weight in terms.items():
            posting = postings.get(term)
            if posting is None:
                postings[term] = {sid: weight}
            else:
                posting[sid] = weight
        story.terms = dict(terms)
        story.indexed_at = len(story.articles)

    def _reactivate(self, story: StoryState) -> None:
        story.active = True
        self._active[story.id] = None
        self._index(story, self._centroid_terms(story))

    # -- resuming -----------------------------------------------------------------------
    def seed(self, articles: Iterable[Article]) -> StoryClusterer:
        """Rebuild state from stored articles that already carry their ``story`` id, in
        publication order, so a later :meth:`partial_fit` joins existing stories (no merges
        happen while seeding: the stored stories are taken as they are)."""
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
        return self._consume(batch, stored=True)

    def state_dict(self) -> dict[str, Any]:
        """The learned state as JSON-able data (with the parameters, not the embedder); see
        :meth:`from_state`."""
        self._require_fitted()
        return {
            "version": _STATE_VERSION,
            # how it runs (the embedder, the processes) is not what it learned: the loader chooses
            "params": {k: v for k, v in self.get_params().items() if k not in ("embedder", "workers")},
            "idf": self.idf_.state_dict(),
            "stories": [s.to_dict() for s in self.stories_.values()],
            "active": list(self._active),
            "merged": dict(self.merged_),
            "splits": dict(self.splits_),
            "n_seen": self.n_seen_,
            "now": self.now_,
        }

    @classmethod
    def from_state(
        cls, state: Mapping[str, Any], *, embedder: Embedder | None = None, workers: int = 1
    ) -> StoryClusterer:
        """A clusterer that continues exactly where the one that wrote ``state`` stopped
        (pass the same ``embedder`` again if it used one: models are not part of the state)."""
        if state.get("version") != _STATE_VERSION:
            raise ValueError(
                f"clusterer state version {state.get('version')!r} is not {_STATE_VERSION}; "
                "rebuild it with StoryClusterer.seed(stored articles)"
            )
        self = cls(**state["params"], embedder=embedder, workers=workers)
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
            for term, weight in story.terms.items():
                self._postings.setdefault(term, {})[sid] = weight
        self.merged_ = {str(k): str(v) for k, v in (state.get("merged") or {}).items()}
        self.splits_ = {str(k): str(v) for k, v in (state.get("splits") or {}).items()}
        self.n_seen_ = int(state["n_seen"])
        self.now_ = state.get("now")
        return self
