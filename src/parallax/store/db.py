"""The durable store: articles and their annotations in one SQLite file.

The file is in WAL mode, so readers keep working while another process ingests. Writes go in
batches, each one transaction: a crash (even SIGKILL) leaves the store as of the last committed
batch. Articles are identified by content (:attr:`Article.content_hash`): adding the same
content again is a no-op counted as a duplicate, and new content under a known id becomes a new
revision, never an overwrite. Each article is kept whole as its versioned JSON (``doc``), next
to the columns that are indexed and searched.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import Self

from ..config import Settings
from ..errors import ConfigError, NotFoundError, QueryError, StoreError
from ..model import Article, content_hash
from . import queries, schema
from .records import AddReport, SearchHit

#: How long a statement waits for another connection's lock before giving up (seconds).
BUSY_TIMEOUT_S = 30.0

#: Rows read per query when streaming articles.
PAGE_SIZE = 500

_OPTIONAL_TEXT = ("title", "outlet", "url", "published", "byline", "language", "story")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _chunks(items: Sequence[str], size: int = queries.MAX_PARAMS) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class Store:
    """Articles in one SQLite file (or ``":memory:"``), created and migrated on open.

    Use as a context manager, or call :meth:`close`. A Store is one connection: use it from the
    thread that opened it; other threads and processes open their own.
    """

    def __init__(
        self,
        path: str | os.PathLike[str] = "parallax.db",
        *,
        settings: Settings | None = None,
        readonly: bool = False,
    ) -> None:
        self._settings = settings if settings is not None else Settings()
        self._path = os.fspath(path)
        self._readonly = readonly
        self._conn: sqlite3.Connection | None = None
        conn = self._connect()
        try:
            self._prepare(conn)
        except BaseException:
            conn.close()
            raise
        self._conn = conn

    # -- opening -----------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        where = self._path
        if where == ":memory:":
            if self._readonly:
                raise ConfigError(
                    "readonly=True needs a store file; ':memory:' starts empty and has nothing to read"
                )
            return sqlite3.connect(":memory:", timeout=BUSY_TIMEOUT_S, isolation_level=None)
        file = Path(where)
        if file.is_dir():
            raise StoreError(
                f"{where} is a directory, not a store file; pass a file name such as {file / 'parallax.db'}"
            )
        if self._readonly:
            if not file.exists():
                raise StoreError(
                    f"no store at {where}: the file does not exist; create it with `parallax ingest PATH --db {where}` "
                    "or check the path"
                )
            target, uri = file.resolve().as_uri() + "?mode=ro", True
        else:
            if not file.parent.is_dir():
                raise StoreError(
                    f"cannot create the store {where}: the directory {file.parent} does not exist; create it first"
                )
            target, uri = where, False
        try:
            return sqlite3.connect(target, uri=uri, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        except sqlite3.Error as exc:
            raise self._open_error(exc) from exc

    def _open_error(self, exc: sqlite3.Error) -> StoreError:
        where, message = self._path, str(exc)
        if isinstance(exc, sqlite3.DatabaseError) and "not a database" in message:
            return StoreError(
                f"{where} is not a Parallax store (it is not an SQLite database: {message}); "
                "pass another --db file, or move this file away"
            )
        if "readonly" in message or "unable to open" in message or "disk I/O" in message:
            return StoreError(
                f"cannot open the store {where} for writing ({message}); check that the file and its directory "
                "are writable, or open it with readonly=True to read it"
            )
        if "locked" in message or "busy" in message:
            return StoreError(
                f"the store {where} stayed locked by another process for {BUSY_TIMEOUT_S:g} s ({message}); "
                "wait for the other run to finish and try again"
            )
        return StoreError(f"cannot open the store {where}: {message}")

    def _prepare(self, conn: sqlite3.Connection) -> None:
        where = self._path
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            conn.execute("PRAGMA foreign_keys = ON")
            if self._readonly:
                pending = schema.check(conn, where)
                if pending:
                    if not schema.applied(conn):
                        self._refuse_foreign(conn)
                    raise StoreError(
                        f"the store {where} needs the schema steps {', '.join(m.name for m in pending)} and was "
                        "opened read-only; open it once for writing (e.g. `parallax ingest`) to upgrade it"
                    )
                return
            if where != ":memory:":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            if not schema.applied(conn):
                self._refuse_foreign(conn)
            schema.migrate(conn, where)
        except sqlite3.Error as exc:
            raise self._open_error(exc) from exc

    def _refuse_foreign(self, conn: sqlite3.Connection) -> None:
        """Refuse an SQLite file holding someone else's tables: never migrate into it."""
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        if tables:
            raise StoreError(
                f"{self._path} is an SQLite database but not a Parallax store (it holds the tables "
                f"{', '.join(tables[:5])}{' ...' if len(tables) > 5 else ''}); pass another --db file"
            )
        if self._readonly:
            raise StoreError(
                f"{self._path} is empty, not a Parallax store yet; ingest into it first (`parallax ingest PATH --db "
                f"{self._path}`)"
            )

    # -- lifecycle ---------------------------------------------------------------------------

    @property
    def path(self) -> str:
        """The store's file, as given (``":memory:"`` for an in-memory store)."""
        return self._path

    @property
    def readonly(self) -> bool:
        return self._readonly

    def close(self) -> None:
        """Close the connection; safe to call twice. Committed data is already on disk."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self._conn is None else ("read-only" if self._readonly else "open")
        return f"Store({self._path!r}, {state})"

    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(f"the store {self._path} is closed; open it again with Store({self._path!r})")
        return self._conn

    def _writable(self) -> sqlite3.Connection:
        conn = self._db()
        if self._readonly:
            raise StoreError(
                f"the store {self._path} was opened read-only; open it with readonly=False to write"
            )
        return conn

    # -- writing -----------------------------------------------------------------------------

    def add(self, articles: Iterable[Article], *, batch_size: int | None = None) -> AddReport:
        """Store ``articles``, read lazily in batches of ``batch_size`` (default ``settings.batch_size``).

        Each batch is one transaction. If one fails, it is rolled back whole, the error is raised,
        and the batches before it stay stored; adding the same input again resumes where it stopped.
        """
        size = self._settings.batch_size if batch_size is None else batch_size
        if not isinstance(size, int) or isinstance(size, bool) or size < 1:
            raise ConfigError(f"batch_size must be a positive whole number, got {size!r}")
        self._writable()
        total = AddReport()
        iterator = iter(articles)
        while batch := list(islice(iterator, size)):
            total = total + self.add_batch(batch)
        return total

    def add_batch(self, articles: Sequence[Article]) -> AddReport:
        """Store ``articles`` in one transaction: all of them, or (on error) none."""
        conn = self._writable()
        batch = list(articles)
        if not batch:
            return AddReport()
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise self._open_error(exc) from exc
        try:
            rows, report = self._rows(conn, batch)
            conn.executemany(queries.INSERT, rows)
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback(conn)
            first = getattr(batch[0], "id", "?")
            raise StoreError(
                f"{self._path}: storing a batch of {len(batch)} articles (the first {first!r}) failed: {exc}; "
                "the batch was rolled back, earlier batches are kept; fix the cause and add the same input again"
            ) from exc
        except BaseException:
            self._rollback(conn)
            raise
        return report

    @staticmethod
    def _rollback(conn: sqlite3.Connection) -> None:
        if conn.in_transaction:
            conn.execute("ROLLBACK")

    def _rows(
        self, conn: sqlite3.Connection, batch: list[Article]
    ) -> tuple[list[tuple[object, ...]], AddReport]:
        """Insert rows for the new contents of ``batch``, deduplicated against the store and itself."""
        checked = [self._checked(article, n) for n, article in enumerate(batch)]
        seen = self._known_hashes(conn, [a.content_hash for a in checked])
        # An article about to be dropped as a duplicate has its hash verified first, so a stale
        # hash (``dataclasses.replace`` past ``Article.replace``) cannot hide new content.
        fixed: list[str] = []
        earlier: set[str] = set()
        for n, article in enumerate(checked):
            if article.content_hash in seen or article.content_hash in earlier:
                digest = content_hash(article.outlet, article.title, article.text)
                if digest != article.content_hash:
                    checked[n] = article = article.replace(content_hash=digest)
                    fixed.append(digest)
            earlier.add(article.content_hash)
        seen |= self._known_hashes(conn, fixed)
        ids = list(dict.fromkeys(a.id for a in checked))
        latest: dict[str, int] = {}
        for part in _chunks(ids):
            latest.update(
                conn.execute(
                    f"SELECT id, MAX(revision) FROM articles WHERE id IN {queries.in_list(len(part))} GROUP BY id",
                    part,
                ).fetchall()
            )
        stamp = _now()
        rows: list[tuple[object, ...]] = []
        added = duplicates = revisions = 0
        for article in checked:
            digest = article.content_hash
            if digest in seen:
                duplicates += 1
                continue
            seen.add(digest)
            revision = latest.get(article.id, 0) + 1
            latest[article.id] = revision
            if revision == 1:
                added += 1
            else:
                revisions += 1
            try:
                doc = json.dumps(
                    article.to_dict(), ensure_ascii=False, separators=(",", ":"), allow_nan=False
                )
            except (TypeError, ValueError) as exc:
                raise StoreError(
                    f"article {article.id!r} cannot be stored as JSON ({exc}); its fields must be plain strings, "
                    "numbers and the model's records; the batch was rolled back"
                ) from exc
            rows.append(
                (
                    article.id,
                    revision,
                    digest,
                    article.url,
                    article.outlet,
                    article.published,
                    article.title,
                    article.byline,
                    article.language,
                    article.text,
                    doc,
                    article.story,
                    stamp,
                )
            )
        return rows, AddReport(added=added, duplicates=duplicates, revisions=revisions)

    @staticmethod
    def _known_hashes(conn: sqlite3.Connection, hashes: list[str]) -> set[str]:
        known: set[str] = set()
        for part in _chunks(list(dict.fromkeys(hashes))):
            sql = f"SELECT content_hash FROM articles WHERE content_hash IN {queries.in_list(len(part))}"
            known.update(row[0] for row in conn.execute(sql, part))
        return known

    @staticmethod
    def _checked(article: Article, n: int) -> Article:
        """``article`` if its fields can be stored; a :class:`StoreError` naming it otherwise."""
        if not isinstance(article, Article):
            raise StoreError(
                f"item {n} of the batch is a {type(article).__name__}, not an Article; build one with "
                "Article(...) or Article.from_dict(...); the batch was rolled back"
            )
        if not isinstance(article.id, str) or not article.id:
            raise StoreError(
                f"item {n} of the batch has no id ({article.id!r}); give it a non-empty string id"
            )
        if not isinstance(article.text, str):
            raise StoreError(
                f"article {article.id!r}: text must be a string, got {type(article.text).__name__}"
            )
        for name in _OPTIONAL_TEXT:
            value = getattr(article, name)
            if value is not None and not isinstance(value, str):
                raise StoreError(
                    f"article {article.id!r}: {name} must be a string or None, got {type(value).__name__} "
                    f"({value!r}); the batch was rolled back"
                )
        return article

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """The content hashes among ``hashes`` that the store already holds (adding them is a no-op)."""
        return self._known_hashes(self._db(), list(hashes))

    def set_meta(self, key: str, value: bytes) -> None:
        """Keep ``value`` under ``key`` (replacing any earlier value), in one transaction."""
        conn = self._writable()
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(
                "INSERT INTO meta (key, value, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                (key, sqlite3.Binary(value), _now()),
            )
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback(conn)
            raise StoreError(f"{self._path}: saving {key!r} failed ({exc}); the articles are not affected") from exc
        except BaseException:
            self._rollback(conn)
            raise

    def get_meta(self, key: str) -> bytes | None:
        """The value kept under ``key``, or None."""
        row = self._db().execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else bytes(row[0])

    def story_assignments(self) -> dict[str, str]:
        """Article id -> story id for every stored article that has a story."""
        rows = self._db().execute("SELECT DISTINCT id, story FROM articles WHERE story IS NOT NULL")
        return {article_id: story for article_id, story in rows}

    def unassigned(self) -> list[Article]:
        """The latest revision of every stored article without a story, in insertion order."""
        return [a for a in self._read_articles(f"AND a.story IS NULL AND {queries.LATEST}", ())]

    def set_story(self, article_id: str, story: str | None) -> None:
        """Assign every revision of ``article_id`` to ``story`` (None clears it)."""
        if self.set_stories([(article_id, story)]) == 0:
            raise NotFoundError(f"no article {article_id!r} in the store {self._path}")

    def set_stories(self, assignments: Iterable[tuple[str, str | None]]) -> int:
        """Assign many articles to stories in one transaction; returns the rows updated.

        Unknown ids are skipped (the count tells); the column and each ``doc``'s ``story`` change together.
        """
        conn = self._writable()
        pairs = [(story, story, article_id) for article_id, story in assignments]
        try:
            conn.execute("BEGIN IMMEDIATE")
            before = conn.total_changes
            conn.executemany(
                "UPDATE articles SET story = ?, doc = json_set(doc, '$.story', ?) WHERE id = ?", pairs
            )
            changed = conn.total_changes - before
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback(conn)
            raise StoreError(f"{self._path}: assigning stories failed ({exc}); nothing was changed") from exc
        except BaseException:
            self._rollback(conn)
            raise
        return changed

    # -- reading -----------------------------------------------------------------------------

    @staticmethod
    def _article(doc: str, story: str | None) -> Article:
        article = Article.from_dict(json.loads(doc))
        return article if article.story == story else article.replace(story=story)

    def get(self, article_id: str, *, revision: int | None = None) -> Article:
        """The latest revision of ``article_id`` (or the given one); :class:`NotFoundError` if absent."""
        conn = self._db()
        if revision is None:
            row = conn.execute(
                "SELECT doc, story FROM articles WHERE id = ? ORDER BY revision DESC LIMIT 1", (article_id,)
            ).fetchone()
        else:
            row = conn.execute(
                "SELECT doc, story FROM articles WHERE id = ? AND revision = ?", (article_id, revision)
            ).fetchone()
        if row is None:
            known = [
                r[0]
                for r in conn.execute(
                    "SELECT revision FROM articles WHERE id = ? ORDER BY revision", (article_id,)
                )
            ]
            if known:
                raise NotFoundError(
                    f"article {article_id!r} has no revision {revision!r} in the store {self._path}; it has "
                    f"revisions {', '.join(map(str, known))}"
                )
            raise NotFoundError(f"no article {article_id!r} in the store {self._path}")
        return self._article(*row)

    def revisions(self, article_id: str) -> list[Article]:
        """Every stored revision of ``article_id``, oldest first; :class:`NotFoundError` if none."""
        rows = (
            self._db()
            .execute("SELECT doc, story FROM articles WHERE id = ? ORDER BY revision", (article_id,))
            .fetchall()
        )
        if not rows:
            raise NotFoundError(f"no article {article_id!r} in the store {self._path}")
        return [self._article(*row) for row in rows]

    def articles(self, *, latest_only: bool = True, story: str | None = None) -> Iterator[Article]:
        """Stored articles in insertion order, read page by page (memory stays flat).

        With ``latest_only`` (the default) each id appears once, as its latest revision. With
        ``story``, only the articles assigned to that story (an indexed lookup).
        """
        condition = f"AND {queries.LATEST}" if latest_only else ""
        params: tuple[object, ...] = ()
        if story is not None:
            condition += " AND a.story = ?"
            params = (story,)
        return self._read_articles(condition, params)

    def _read_articles(self, condition: str, params: tuple[object, ...]) -> Iterator[Article]:
        conn = self._db()
        last = 0
        while True:
            page = conn.execute(
                f"SELECT a.rowid, a.doc, a.story FROM articles AS a WHERE a.rowid > ? {condition} "
                "ORDER BY a.rowid LIMIT ?",
                (last, *params, PAGE_SIZE),
            ).fetchall()
            for _, doc, story in page:
                yield self._article(doc, story)
            if len(page) < PAGE_SIZE:
                return
            last = page[-1][0]

    def count(self, *, latest_only: bool = True) -> int:
        """Stored articles (distinct ids), or every stored revision with ``latest_only=False``."""
        sql = "SELECT COUNT(DISTINCT id) FROM articles" if latest_only else "SELECT COUNT(*) FROM articles"
        return int(self._db().execute(sql).fetchone()[0])

    def stats(self) -> dict[str, int]:
        """Counts: articles (ids), rows (all revisions), revisions (rows beyond the first of an id),
        outlets, stories, languages."""
        articles, rows, outlets, stories, languages = (
            self._db()
            .execute(
                "SELECT COUNT(DISTINCT id), COUNT(*), COUNT(DISTINCT outlet), COUNT(DISTINCT story), "
                "COUNT(DISTINCT language) FROM articles"
            )
            .fetchone()
        )
        return {
            "articles": articles,
            "rows": rows,
            "revisions": rows - articles,
            "outlets": outlets,
            "stories": stories,
            "languages": languages,
        }

    def search(self, query: str, *, limit: int = 20, raw: bool = False) -> list[SearchHit]:
        """Full-text search over titles and bodies of the latest revisions, best match first.

        ``query`` is plain words (all must occur; any punctuation is safe) unless ``raw=True``, which
        passes FTS5 syntax through (``"exact phrase"``, ``OR``, ``NEAR(a b)``, ``title:word``,
        ``pref*``) and raises :class:`QueryError` when it does not parse.
        """
        if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
            raise ConfigError(f"limit must be a positive whole number, got {limit!r}")
        conn = self._db()
        match = query.strip() if raw else queries.plain_query(query)
        if not match:
            return []
        params = (
            queries.SNIPPET_OPEN,
            queries.SNIPPET_CLOSE,
            queries.SNIPPET_ELLIPSIS,
            queries.SNIPPET_TOKENS,
            match,
            limit,
        )
        try:
            rows = conn.execute(queries.SEARCH, params).fetchall()
        except sqlite3.OperationalError as exc:
            if not raw:  # plain queries are always well formed: this is a store problem
                raise StoreError(f"{self._path}: search for {query!r} failed: {exc}") from exc
            raise QueryError(
                f"search query {query!r} is not valid FTS5 syntax ({exc}); put double quotes around words "
                f'with punctuation (e.g. "al-Assad"), or search without raw to treat the text as plain words'
            ) from exc
        return [
            SearchHit(id=id_, title=title, outlet=outlet, published=published, snippet=snippet, score=-score)
            for id_, title, outlet, published, snippet, score in rows
        ]
