"""Opening a store: pragmas, migrations, refusals with messages that name the file and the fix."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from parallax.config import Settings
from parallax.errors import ConfigError, StoreError
from parallax.model import Article
from parallax.store import Store, queries, schema


def _ledger(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT name, applied_at FROM _migrations ORDER BY rowid").fetchall()
    finally:
        conn.close()


def test_store_new_file_is_wal_with_pragmas(db_path: Path) -> None:
    with Store(db_path) as s:
        conn = s._db()
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
        assert s.path == str(db_path)
    assert db_path.exists()


def test_store_migrations_recorded_in_order(db_path: Path) -> None:
    Store(db_path).close()
    assert [name for name, _ in _ledger(db_path)] == [m.name for m in schema.MIGRATIONS]
    conn = sqlite3.connect(db_path)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert {
        "articles",
        "articles_fts",
        "articles_url",
        "articles_outlet",
        "articles_published",
        "articles_story",
    } <= names


def test_store_reopen_applies_no_migration(db_path: Path) -> None:
    Store(db_path).close()
    before = _ledger(db_path)
    with Store(db_path) as s:
        assert schema.migrate(s._db(), str(db_path)) == []
    assert _ledger(db_path) == before


def test_store_new_migration_applied_once_to_existing_store(db_path: Path) -> None:
    extra = schema.Migration("0002_test_notes", ("CREATE TABLE test_notes (note TEXT)",))
    steps = schema.MIGRATIONS + (extra,)
    with Store(db_path) as s:
        assert schema.migrate(s._db(), "t", steps) == ["0002_test_notes"]
        assert schema.migrate(s._db(), "t", steps) == []
    assert [n for n, _ in _ledger(db_path)][-1] == "0002_test_notes"


def test_store_failing_migration_rolls_back_only_itself(db_path: Path) -> None:
    good = schema.Migration("0002_good", ("CREATE TABLE good_step (x)",))
    bad = schema.Migration("0003_bad", ("CREATE TABLE half_done (x)", "CREATE TABLE good_step (x)"))
    with Store(db_path) as s:
        conn = s._db()
        with pytest.raises(sqlite3.OperationalError):
            schema.migrate(conn, "t", schema.MIGRATIONS + (good, bad))
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "good_step" in tables and "half_done" not in tables
        assert not conn.in_transaction
    assert [n for n, _ in _ledger(db_path)][-1] == "0002_good"


def test_store_written_by_newer_parallax_is_refused(db_path: Path) -> None:
    Store(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO _migrations VALUES ('0099_from_the_future', 'x')")
    conn.commit()
    conn.close()
    for readonly in (False, True):
        with pytest.raises(StoreError, match="newer Parallax.*0099_from_the_future.*upgrade"):
            Store(db_path, readonly=readonly)


def test_store_text_file_is_refused_and_left_intact(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    content = "These are my notes, not a database.\n" * 50
    notes.write_text(content)
    with pytest.raises(StoreError) as info:
        Store(notes)
    message = str(info.value)
    assert str(notes) in message and "not a Parallax store" in message and "another --db" in message
    assert notes.read_text() == content


def test_store_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE invoices (n INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a Parallax store.*invoices"):
        Store(other)
    conn = sqlite3.connect(other)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["invoices"]
    conn.close()


def test_store_missing_directory_names_it(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist; create it first"):
        Store(tmp_path / "no" / "such" / "dir" / "x.db")


def test_store_directory_path_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a directory"):
        Store(tmp_path)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores file permissions")
def test_store_unwritable_directory_names_file_and_fix(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(StoreError, match="writable"):
            Store(locked / "x.db")
    finally:
        locked.chmod(0o700)


def test_store_readonly_missing_file_says_how_to_create(tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    with pytest.raises(StoreError, match="does not exist.*parallax ingest"):
        Store(missing, readonly=True)
    assert not missing.exists()


def test_store_readonly_refuses_writes(db_path: Path, make_article) -> None:
    Store(db_path).close()
    with Store(db_path, readonly=True) as s:
        assert s.count() == 0
        with pytest.raises(StoreError, match="read-only"):
            s.add([make_article()])
        with pytest.raises(StoreError, match="read-only"):
            s.set_story("a1", "s")


def test_store_readonly_memory_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        Store(":memory:", readonly=True)


def test_store_memory_store_works(make_article) -> None:
    with Store(":memory:", settings=Settings(batch_size=2)) as s:
        assert s.add([make_article(id=str(i), text=f"text {i}") for i in range(5)]).added == 5
        assert s.count() == 5


def test_store_closed_store_raises_store_error(db_path: Path) -> None:
    s = Store(db_path)
    s.close()
    s.close()  # twice is fine
    with pytest.raises(StoreError, match="closed"):
        s.count()


@pytest.mark.skipif(
    not Path("/proc/self").is_dir(), reason="needs Linux /proc (a place nobody can create files)"
)
def test_store_uncreatable_file_names_file_and_fix() -> None:
    with pytest.raises(StoreError, match=r"/proc/parallax-test\.db.*writable"):
        Store("/proc/parallax-test.db")


def test_store_package_exports_its_front_door() -> None:
    import parallax.store as package

    assert sorted(package.__all__) == ["AddReport", "SearchHit", "Store"]
    assert all(hasattr(package, name) for name in package.__all__)


def test_store_meta_values_round_trip_and_replace(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    with Store(db) as store:
        assert store.get_meta("k") is None
        store.set_meta("k", b"\x00one")
        store.set_meta("k", b"two")
    with Store(db, readonly=True) as store:
        assert store.get_meta("k") == b"two"


def test_store_written_before_meta_is_upgraded_on_open_keeping_its_articles(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db, isolation_level=None)
    schema.migrate(conn, "old", schema.MIGRATIONS[:1])  # a store as the first release wrote it
    old = Article(id="a", text="Text.", story="s1")
    conn.execute(
        queries.INSERT,
        ("a", 1, old.content_hash, None, None, None, None, None, None, old.text, json.dumps(old.to_dict()), "s1", "t"),
    )
    conn.close()
    with pytest.raises(StoreError, match="0002_meta"):  # read-only cannot upgrade: says how
        Store(db, readonly=True)
    with Store(db) as store:
        assert store.get("a").story == "s1"
        store.set_meta("k", b"v")
    assert [name for name, _ in _ledger(db)] == [m.name for m in schema.MIGRATIONS]


def test_store_articles_of_one_story_only(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.add_batch(
            [Article(id="a", text="One.", story="s1"), Article(id="b", text="Two.", story="s2"),
             Article(id="c", text="Three.", story="s1")]
        )
        assert [a.id for a in store.articles(story="s1")] == ["a", "c"]
        assert list(store.articles(story="none")) == []
        assert store.story_assignments() == {"a": "s1", "b": "s2", "c": "s1"}
