"""What the web app reads from a store: story rows, cached story comparisons, articles, search hits.

A :class:`Library` wraps one store file for many threads: every read opens its own read-only
:class:`~parallax.store.Store` (a Store is one SQLite connection bound to its thread; opening
one costs about a millisecond), so reads go on while another process ingests into the same
file (WAL mode).

The story index and each story's comparison are cached per process, keyed by the store's
*fingerprint* (the size and modification time of the database file and of its write-ahead
log, and the WAL header's salts), so a write anywhere in the store invalidates them and a
story is compared once per version of the store, however many requests ask for it.

Articles without a story (before clustering assigned one) are shown as stories of their own,
with the id ``article:<article id>`` and ``clustered`` false.
"""

from __future__ import annotations

import os
import re
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from ..api import compare, open_store
from ..compare import Comparison
from ..cluster.summary import story_label
from ..config import Settings
from ..errors import ConfigError, NotFoundError
from ..model import Article
from ..render.html import matrix_svg, timeline_svg
from ..store import SearchHit, Store

__all__ = ["UNCLUSTERED", "Library", "StoryFilter", "StoryRow", "StoryView", "day_of"]

#: Prefix of the story id given to an article the store assigns to no story.
UNCLUSTERED = "article:"

#: Cached values kept per process (story index versions and story comparisons), least recently used dropped.
CACHE_ENTRIES = 64

#: Entities shown per story in the list.
TOP_ENTITIES = 5

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

T = TypeVar("T")


def day_of(published: str | None) -> str | None:
    """The ``YYYY-MM-DD`` a publication time starts with, or None when it is not ISO 8601."""
    if not published:
        return None
    found = _DAY.match(published.strip())
    return found.group(0) if found else None


@dataclass(frozen=True, slots=True)
class StoryRow:
    """One story of the list: its articles, outlets, time span and most-named entities."""

    id: str
    label: str
    articles: tuple[str, ...]
    outlets: tuple[str, ...]  # most articles first
    entities: tuple[str, ...]  # every entity named, most articles first
    first: str | None  # earliest publication day (YYYY-MM-DD)
    last: str | None
    clustered: bool = True
    #: the stored version (content hash) of each article, in the order of ``articles``
    versions: tuple[str, ...] = ()

    @property
    def size(self) -> int:
        return len(self.articles)

    @property
    def top_entities(self) -> tuple[str, ...]:
        return self.entities[:TOP_ENTITIES]

    def to_dict(self) -> dict[str, Any]:
        return {
            "story": self.id,
            "label": self.label,
            "size": self.size,
            "outlet_count": len(self.outlets),
            "outlets": list(self.outlets),
            "first": self.first,
            "last": self.last,
            "top_entities": list(self.top_entities),
            "articles": list(self.articles),
            "clustered": self.clustered,
        }


@dataclass(frozen=True, slots=True)
class StoryFilter:
    """The filters of the story list; an empty filter keeps every story.

    ``articles`` (ids, from a full-text search) keeps stories holding at least one of them.
    ``entity`` matches any entity name containing it, ignoring case.
    """

    since: date | None = None
    until: date | None = None
    outlet: str | None = None
    entity: str | None = None
    articles: frozenset[str] | None = None

    def __post_init__(self) -> None:
        if self.since and self.until and self.since > self.until:
            raise ConfigError(
                f"the date range is empty: since {self.since.isoformat()} is after until "
                f"{self.until.isoformat()}; swap the two dates"
            )

    def keeps(self, row: StoryRow) -> bool:
        if self.since is not None and (row.last is None or row.last < self.since.isoformat()):
            return False
        if self.until is not None and (row.first is None or row.first > self.until.isoformat()):
            return False
        if self.outlet and self.outlet not in row.outlets:
            return False
        if self.entity:
            wanted = self.entity.casefold()
            if not any(wanted in name.casefold() for name in row.entities):
                return False
        return self.articles is None or bool(self.articles.intersection(row.articles))


@dataclass(frozen=True, slots=True)
class StoryView:
    """A story ready to show: its articles (oldest first), comparison and the two charts (SVG)."""

    row: StoryRow
    articles: tuple[Article, ...]
    comparison: Comparison
    timeline_svg: str
    matrix_svg: str

    def article(self, article_id: str) -> Article | None:
        return next((a for a in self.articles if a.id == article_id), None)


def _index(articles: Iterable[Article]) -> tuple[StoryRow, ...]:
    """Group articles by story into rows, newest story first (by last publication day, then id)."""
    groups: dict[str, list[Article]] = {}
    for article in articles:
        key = article.story if article.story else UNCLUSTERED + article.id
        groups.setdefault(key, []).append(article)
    rows = [_row(key, members) for key, members in groups.items()]
    rows.sort(key=lambda r: r.id)
    rows.sort(key=lambda r: (r.last or "", r.first or ""), reverse=True)
    return tuple(rows)


def _row(key: str, members: list[Article]) -> StoryRow:
    members = sorted(members, key=lambda a: (day_of(a.published) or "9999", a.published or "", a.id))
    days = sorted(d for d in (day_of(a.published) for a in members) if d)
    outlets = Counter(a.outlet for a in members if a.outlet)
    entities: Counter[str] = Counter()
    for a in members:
        entities.update({e.name for e in a.entities if e.kind != "other"})
    label = story_label(members) or members[0].id
    return StoryRow(
        id=key,
        label=label,
        articles=tuple(a.id for a in members),
        outlets=tuple(o for o, _ in sorted(outlets.items(), key=lambda kv: (-kv[1], kv[0]))),
        entities=tuple(n for n, _ in sorted(entities.items(), key=lambda kv: (-kv[1], kv[0]))),
        first=days[0] if days else None,
        last=days[-1] if days else None,
        clustered=not key.startswith(UNCLUSTERED),
        versions=tuple(a.content_hash or "" for a in members),
    )


@dataclass(slots=True)
class _Cache:
    """A small thread-safe LRU that computes each missing key once, however many threads ask."""

    size: int
    _values: OrderedDict[tuple[Any, ...], Any] = field(default_factory=OrderedDict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _pending: dict[tuple[Any, ...], threading.Lock] = field(default_factory=dict)

    def get(self, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]  # type: ignore[no-any-return]
            gate = self._pending.setdefault(key, threading.Lock())
        with gate:
            with self._lock:
                if key in self._values:
                    return self._values[key]  # type: ignore[no-any-return]
            try:
                value = compute()
            finally:
                with self._lock:
                    self._pending.pop(key, None)
            with self._lock:
                self._values[key] = value
                while len(self._values) > self.size:
                    self._values.popitem(last=False)
            return value

    def __len__(self) -> int:
        return len(self._values)


class Library:
    """Read access to one store file for the web app, safe to share between request threads.

    Raises :class:`~parallax.errors.StoreError` at once when ``db`` is missing or is not a store.
    """

    def __init__(self, db: str | os.PathLike[str], *, settings: Settings | None = None) -> None:
        if os.fspath(db) == ":memory:":
            raise ConfigError("the web app reads a store file; ':memory:' would start empty: pass --db FILE")
        self.path = Path(db)
        self.settings = settings if settings is not None else Settings()
        self._cache = _Cache(CACHE_ENTRIES)
        with self.reader():
            pass  # fail now, naming the file, rather than on the first request

    @property
    def name(self) -> str:
        return self.path.name

    @contextmanager
    def reader(self) -> Iterator[Store]:
        """A read-only Store for this thread, closed on exit."""
        store = open_store(self.path, settings=self.settings, readonly=True)
        try:
            yield store
        finally:
            store.close()

    def fingerprint(self) -> tuple[int | bytes, ...]:
        """Changes whenever a write lands in the store (database file, WAL file or WAL reset)."""
        parts: list[int | bytes] = []
        for file in (self.path, self.path.with_name(self.path.name + "-wal")):
            try:
                st = file.stat()
            except FileNotFoundError:
                parts += [0, 0]
                continue
            parts += [st.st_size, st.st_mtime_ns]
            if file is not self.path:
                with open(file, "rb") as fh:  # checkpoint sequence and salts: new on each WAL reset
                    parts.append(fh.read(32)[12:24])
        return tuple(parts)

    # -- reads -----------------------------------------------------------------------------

    def stories(self) -> tuple[StoryRow, ...]:
        """Every story of the store, newest first; computed once per version of the store."""

        def build() -> tuple[StoryRow, ...]:
            with self.reader() as store:
                return _index(store.articles())

        return self._cache.get(("stories", self.fingerprint()), build)

    def row(self, story_id: str) -> StoryRow:
        found = next((r for r in self.stories() if r.id == story_id), None)
        if found is None:
            raise NotFoundError(
                f"no story {story_id!r} in the store {self.name}; the story list at / shows the stories it holds"
            )
        return found

    def story(self, story_id: str) -> StoryView:
        """The story's articles, comparison and charts; computed once per version of the story (its
        articles and their stored versions), so an ingest into other stories leaves it cached."""
        row = self.row(story_id)

        def build() -> StoryView:
            with self.reader() as store:
                articles = tuple(store.get(article_id) for article_id in row.articles)
            comparison = compare(articles, story=row.id if row.clustered else None)
            return StoryView(row, articles, comparison, timeline_svg(comparison), matrix_svg(comparison))

        return self._cache.get(("story", story_id, row.articles, row.versions), build)

    def article(self, article_id: str) -> Article:
        """The latest revision of an article; :class:`NotFoundError` naming it when absent."""
        with self.reader() as store:
            try:
                return store.get(article_id)
            except NotFoundError:
                raise NotFoundError(
                    f"no article {article_id!r} in the store {self.name}; search for it from the story list at /"
                ) from None

    def story_of(self, article: Article) -> str:
        """The story id the web app shows ``article`` under."""
        return article.story if article.story else UNCLUSTERED + article.id

    def search(self, query: str, *, raw: bool = False, limit: int = 20) -> list[SearchHit]:
        """Full-text search: plain words never fail; ``raw`` FTS5 syntax may raise QueryError (a 400)."""
        with self.reader() as store:
            return store.search(query, limit=limit, raw=raw)

    def outlets(self) -> tuple[str, ...]:
        """Every outlet of the store, sorted, for the filter menu."""
        return tuple(sorted({o for r in self.stories() for o in r.outlets}, key=str.casefold))
