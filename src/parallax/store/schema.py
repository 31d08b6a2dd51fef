"""The store's schema as named, ordered migrations.

Each migration is a name and the SQL statements that take the schema one step further.
:func:`migrate` applies, in order, those not yet recorded in ``_migrations(name, applied_at)``,
each in its own transaction together with its record, so a crash mid-migration leaves the
store at the previous step. Never edit or reorder a migration that has shipped: add a new one.

A store whose ``_migrations`` names a step this code does not know was written by a newer
Parallax; :func:`migrate` refuses it rather than guess.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

from ..errors import StoreError


@dataclass(frozen=True, slots=True)
class Migration:
    """One named schema step: SQL statements run in one transaction, in order."""

    name: str
    statements: tuple[str, ...]


ARTICLES = Migration(
    "0001_articles",
    (
        """
        CREATE TABLE articles (
            rowid        INTEGER PRIMARY KEY,
            id           TEXT    NOT NULL,
            revision     INTEGER NOT NULL CHECK (revision >= 1),
            content_hash TEXT    NOT NULL UNIQUE,
            url          TEXT,
            outlet       TEXT,
            published    TEXT,
            title        TEXT,
            byline       TEXT,
            language     TEXT,
            text         TEXT    NOT NULL,
            doc          TEXT    NOT NULL,
            story        TEXT,
            ingested_at  TEXT    NOT NULL,
            UNIQUE (id, revision)
        )
        """,
        "CREATE INDEX articles_url ON articles (url)",
        "CREATE INDEX articles_outlet ON articles (outlet)",
        "CREATE INDEX articles_published ON articles (published)",
        "CREATE INDEX articles_story ON articles (story)",
        # External-content FTS5 index over title + body, kept in step by the triggers below.
        """
        CREATE VIRTUAL TABLE articles_fts USING fts5 (
            title, text,
            content = 'articles', content_rowid = 'rowid',
            tokenize = 'porter unicode61 remove_diacritics 2'
        )
        """,
        """
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END
        """,
        """
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
        END
        """,
        """
        CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END
        """,
    ),
)

#: Small named values the store keeps beside its articles (e.g. the story clusterer's state, so an
#: ingest continues the stories of the last one without re-reading every article).
META = Migration(
    "0002_meta",
    ("CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL, updated_at TEXT NOT NULL)",),
)

#: Every migration, in the order it is applied. Append only.
MIGRATIONS: tuple[Migration, ...] = (ARTICLES, META)

_CREATE_LEDGER = "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def applied(conn: sqlite3.Connection) -> list[str]:
    """Names recorded in ``_migrations``, in the order they were applied ([] for a new file)."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_migrations'"
    ).fetchone()
    if not exists:
        return []
    return [row[0] for row in conn.execute("SELECT name FROM _migrations ORDER BY rowid")]


def check(
    conn: sqlite3.Connection, where: str, migrations: tuple[Migration, ...] = MIGRATIONS
) -> list[Migration]:
    """The migrations still to apply; raises :class:`StoreError` for a store written by a newer Parallax."""
    done = applied(conn)
    known = {m.name for m in migrations}
    unknown = [name for name in done if name not in known]
    if unknown:
        raise StoreError(
            f"{where} was written by a newer Parallax (schema steps {', '.join(unknown)} are unknown to this "
            f"version); upgrade parallax (pip install -U parallax) to open it"
        )
    return [m for m in migrations if m.name not in done]


def migrate(
    conn: sqlite3.Connection, where: str, migrations: tuple[Migration, ...] = MIGRATIONS
) -> list[str]:
    """Apply the pending ``migrations`` to ``conn`` (autocommit mode); return the names applied.

    An up-to-date store is recognised by a plain read, so opening one never waits for a writer.
    Each step runs in its own ``BEGIN IMMEDIATE`` transaction with its ``_migrations`` record,
    and re-checks under the write lock, so two processes opening a new file at once apply each
    step exactly once.
    """
    done: list[str] = []
    if applied(conn) and not check(conn, where, migrations):
        return done  # up to date: settled by a read, without waiting for a writer's lock
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(_CREATE_LEDGER)
            pending = check(conn, where, migrations)
            if not pending:
                conn.execute("COMMIT")
                return done
            step = pending[0]
            for statement in step.statements:
                conn.execute(statement)
            conn.execute("INSERT INTO _migrations (name, applied_at) VALUES (?, ?)", (step.name, _now()))
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        done.append(step.name)
