from __future__ import annotations

import importlib.util
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from parallax.model import Article
from parallax.store import Store

HERE = Path(__file__).resolve().parent


def _load_corpus() -> ModuleType:
    spec = importlib.util.spec_from_file_location("parallax_store_test_corpus", HERE / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_corpus = _load_corpus()


@pytest.fixture
def make_corpus() -> Callable[..., list[Article]]:
    """corpus.make_corpus: synthetic articles with repeats and revisions."""
    return _corpus.make_corpus  # type: ignore[no-any-return]


@pytest.fixture
def dump_store() -> Callable[[Path | str], dict[str, Any]]:
    return _dump


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store(db_path) as s:
        yield s


@pytest.fixture
def make_article() -> Callable[..., Article]:
    def make(
        id: str = "a1", text: str = "The council approved the harbour budget on Monday.", **fields: Any
    ) -> Article:
        fields.setdefault("title", f"Headline of {id}")
        fields.setdefault("outlet", "North Ledger")
        return Article(id=id, text=text, **fields)

    return make


def _dump(path: Path | str) -> dict[str, Any]:
    """Everything a store holds except ingestion times, in rowid order: equal dumps = equal stores."""
    conn = sqlite3.connect(path)
    try:
        cols = [r[1] for r in conn.execute("PRAGMA table_info(articles)") if r[1] != "ingested_at"]
        rows = conn.execute(f"SELECT {', '.join(cols)} FROM articles ORDER BY rowid").fetchall()
        migrations = [r[0] for r in conn.execute("SELECT name FROM _migrations ORDER BY rowid")]
        conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
        fts = conn.execute(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'harbour OR ferry' ORDER BY rowid"
        ).fetchall()
        return {"columns": cols, "rows": rows, "migrations": migrations, "fts": fts}
    finally:
        conn.close()
