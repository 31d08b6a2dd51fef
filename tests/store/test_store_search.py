"""Full-text search: ranking, snippets, hostile input, raw FTS5 syntax, FTS index consistency."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from parallax.errors import ConfigError, QueryError
from parallax.store import Store
from parallax.store.queries import plain_query


@pytest.fixture
def filled(store: Store, make_article) -> Store:
    store.add(
        [
            make_article(
                "quake",
                title="Earthquake shakes the coastal province",
                text="A strong earthquake struck the province overnight; the ferry service stopped.",
            ),
            make_article(
                "budget",
                title="Council passes harbour budget",
                text="The council approved the harbour budget. Critics said the earthquake fund was cut.",
            ),
            make_article(
                "ferry",
                title="Ferry strike ends",
                text="Ferry workers ended their strike after talks with the ministry of transport.",
            ),
            make_article(
                "quote",
                title="Minister's remarks",
                text='He said "OR 1=1" is not a password, and title: values are free text (really).',
            ),
        ]
    )
    return store


def test_store_search_ranks_title_match_first_with_marked_snippet(filled: Store) -> None:
    hits = filled.search("earthquake")
    assert [h.id for h in hits] == ["quake", "budget"]
    assert hits[0].score > hits[1].score
    assert "[Earthquake]" in hits[0].snippet or "[earthquake]" in hits[0].snippet
    assert hits[0].title == "Earthquake shakes the coastal province" and hits[0].outlet == "North Ledger"


def test_store_search_plain_words_must_all_occur(filled: Store) -> None:
    assert [h.id for h in filled.search("ferry strike")] == ["ferry"]
    assert {h.id for h in filled.search("ferry")} == {"quake", "ferry"}


def test_store_search_stems_english_words(filled: Store) -> None:
    assert [h.id for h in filled.search("approves")] == ["budget"]


def test_store_search_hyphenated_word_is_a_phrase(store: Store, make_article) -> None:
    store.add(
        [make_article("a", text="Bashar al-Assad left."), make_article("b", text="Al said Assad left.")]
    )
    assert [h.id for h in store.search("al-Assad")] == ["a"]


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '"earthquake',
        "*",
        "earth*",
        "NEAR(",
        "NEAR(earthquake ferry",
        "' OR 1=1 --",
        "'; DROP TABLE articles; --",
        "title:",
        "title:earthquake",
        "(",
        "earthquake)",
        "((ferry",
        "AND",
        "OR NOT",
        "ferry AND",
        "^ferry",
        "-ferry",
        "+",
        "{title text}: ferry",
        "ferry\x00strike",
        "\\",
    ],
)
def test_store_search_hostile_plain_queries_never_raise(filled: Store, query: str) -> None:
    hits = filled.search(query)
    assert isinstance(hits, list)
    assert filled.count() == 4  # nothing injected


def test_store_search_operator_words_are_plain_words(filled: Store) -> None:
    # "OR 1=1" matches the article containing those words, it is not an operator
    assert [h.id for h in filled.search("OR 1=1")] == ["quote"]
    assert [h.id for h in filled.search("title: values")] == ["quote"]


@pytest.mark.parametrize("query", ["", "   ", "!!!", "--", "___", "'\"()*:^", "— … «»"])
def test_store_search_query_without_words_returns_nothing(filled: Store, query: str) -> None:
    assert filled.search(query) == []


def test_store_plain_query_quotes_every_chunk() -> None:
    assert plain_query('say "hi" NEAR(x') == '"say" """hi""" "NEAR(x"'
    assert plain_query("?? !!") is None


def test_store_search_raw_passes_fts5_syntax(filled: Store) -> None:
    assert [h.id for h in filled.search("title:ferry", raw=True)] == ["ferry"]
    assert {h.id for h in filled.search("earthquake OR strike", raw=True)} == {"quake", "budget", "ferry"}
    assert [h.id for h in filled.search('"harbour budget"', raw=True)] == ["budget"]
    assert {h.id for h in filled.search("earth*", raw=True)} == {"quake", "budget"}


@pytest.mark.parametrize("query", ['"unbalanced', "ferry AND", "NEAR(", "nosuchcolumn:ferry", "(ferry", "*"])
def test_store_search_raw_syntax_error_is_query_error(filled: Store, query: str) -> None:
    with pytest.raises(QueryError) as info:
        filled.search(query, raw=True)
    message = str(info.value)
    assert repr(query) in message and "double quotes" in message and "without raw" in message


def test_store_search_sees_only_latest_revision(store: Store, make_article) -> None:
    store.add([make_article(text="The reservoir level fell.")])
    store.add([make_article(text="The glacier retreated.")])
    assert store.search("reservoir") == []
    assert [h.id for h in store.search("glacier")] == ["a1"]


def test_store_search_limit(store: Store, make_article) -> None:
    store.add(make_article(str(i), text=f"Canal report number {i}.") for i in range(30))
    assert len(store.search("canal")) == 20
    assert len(store.search("canal", limit=5)) == 5
    with pytest.raises(ConfigError):
        store.search("canal", limit=0)


def test_store_fts_index_follows_updates_and_deletes(db_path: Path, make_article) -> None:
    with Store(db_path) as s:
        s.add([make_article("a", text="The orchard flooded."), make_article("b", text="The orchard burned.")])
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE articles SET text = 'The quarry flooded.' WHERE id = 'a'")
    conn.execute("DELETE FROM articles WHERE id = 'b'")
    conn.commit()
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
    conn.close()
    with Store(db_path) as s:
        assert s.search("orchard") == []
        assert [h.id for h in s.search("quarry")] == ["a"]
        s.set_story("a", "st")  # story changes do not disturb the index
        assert [h.id for h in s.search("quarry")] == ["a"]
