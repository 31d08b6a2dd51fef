"""Readers beside a writer (WAL), and resuming after a writer is killed with SIGKILL."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from parallax.store import AddReport, Store

HERE = Path(__file__).resolve().parent

# The child adds the corpus in batches of 10; each article takes ~3 ms to serialise *inside*
# the batch's transaction, so the kill almost surely lands mid-transaction.
CHILD = """
import sys, time
sys.path.insert(0, {here!r})
from dataclasses import fields
from corpus import make_corpus
from parallax.model import Article
from parallax.store import Store

class SlowArticle(Article):
    def to_dict(self):
        time.sleep(0.003)
        return super().to_dict()

slow = (SlowArticle(**{{f.name: getattr(a, f.name) for f in fields(Article)}}) for a in make_corpus({n}))
with Store({db!r}) as store:
    store.add(slow, batch_size=10)
print("finished", flush=True)
"""

N = 400


def test_store_reader_sees_committed_rows_while_writer_holds_lock(db_path: Path, make_article) -> None:
    with Store(db_path) as s:
        s.add([make_article("kept", text="Committed before the writer began.")])
    writer = sqlite3.connect(db_path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute(
            "INSERT INTO articles (id, revision, content_hash, text, doc, ingested_at) "
            "VALUES ('pending', 1, 'h', 'uncommitted canal text', '{}', 'now')"
        )
        started = time.monotonic()
        with Store(db_path, readonly=True) as reader:
            assert reader.count() == 1
            assert [h.id for h in reader.search("committed")] == ["kept"]
            assert reader.search("canal") == []
        with Store(db_path) as second:  # opening for writing does not need the write lock either
            assert second.get("kept").text == "Committed before the writer began."
        assert time.monotonic() - started < 2.0  # nobody waited for the writer's lock
    finally:
        writer.execute("ROLLBACK")
        writer.close()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")
def test_store_sigkill_mid_ingest_then_rerun_equals_clean_run(
    tmp_path: Path, make_corpus, dump_store
) -> None:
    killed_db = tmp_path / "killed.db"
    Store(killed_db).close()  # created up front so the reader can open it at once
    code = CHILD.format(here=str(HERE), n=N, db=str(killed_db))
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    seen: list[int] = []
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and child.poll() is None:
            with Store(killed_db, readonly=True) as reader:  # reads keep working during the ingest
                seen.append(reader.count(latest_only=False))
            if seen[-1] >= 40:
                break
            time.sleep(0.01)
        assert child.poll() is None, child.communicate()
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.communicate()
    assert child.returncode == -signal.SIGKILL
    assert seen == sorted(seen)  # the reader only ever saw whole batches appear

    corpus = make_corpus(N)
    with Store(killed_db) as resumed:
        partial = resumed.count(latest_only=False)
        assert 40 <= partial < N
        assert resumed._db().execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        report = resumed.add(corpus, batch_size=7)
    clean_db = tmp_path / "clean.db"
    with Store(clean_db) as clean:
        clean_report = clean.add(corpus, batch_size=25)
    assert report.seen == clean_report.seen == N
    assert report.duplicates > clean_report.duplicates  # the committed batches were recognised
    killed, expected = dump_store(killed_db), dump_store(clean_db)
    assert killed["rows"] == expected["rows"]
    assert killed == expected
    assert len(expected["rows"]) == clean_report.added + clean_report.revisions


def test_store_rerun_after_clean_run_changes_nothing(tmp_path: Path, make_corpus, dump_store) -> None:
    corpus = make_corpus(60)
    with Store(tmp_path / "s.db") as s:
        first = s.add(corpus, batch_size=8)
        before = dump_store(tmp_path / "s.db")
        assert s.add(corpus) == AddReport(duplicates=60)
    assert first.revisions > 0 and first.duplicates > 0
    assert dump_store(tmp_path / "s.db") == before
