"""Writing: idempotence by content hash, revisions, batch atomicity, reading back whole articles."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from parallax.errors import ConfigError, NotFoundError, StoreError
from parallax.model import Article, Claim, DateMention, Entity, Frame, Quote, Removed, Span
from parallax.store import AddReport, Store


def _ids(store: Store, latest_only: bool = True) -> list[str]:
    return [a.id for a in store.articles(latest_only=latest_only)]


def test_store_add_same_article_twice_stores_once(store: Store, make_article) -> None:
    a = make_article()
    assert store.add([a]) == AddReport(added=1)
    assert store.add([a]) == AddReport(duplicates=1)
    assert store.count(latest_only=False) == 1


def test_store_duplicates_within_one_batch_are_stored_once(store: Store, make_article) -> None:
    a, b = make_article("a"), make_article("b", text="A different body.")
    assert store.add_batch([a, b, a, a]) == AddReport(added=2, duplicates=2)
    assert _ids(store) == ["a", "b"]


def test_store_same_content_under_another_id_is_a_duplicate(store: Store, make_article) -> None:
    store.add([make_article("first")])
    assert store.add([make_article("second", title="Headline of first")]).duplicates == 1
    assert _ids(store) == ["first"]


def test_store_new_content_for_known_id_is_new_revision(store: Store, make_article) -> None:
    v1 = make_article(text="Three people were hurt.")
    v2 = make_article(text="Five people were hurt, officials said later.")
    assert store.add([v1]) == AddReport(added=1)
    assert store.add([v2]) == AddReport(revisions=1)
    assert store.get("a1").text == v2.text
    assert store.get("a1", revision=1).text == v1.text
    assert [a.text for a in store.revisions("a1")] == [v1.text, v2.text]
    # offering the old content again neither overwrites nor adds a third revision
    assert store.add([v1]) == AddReport(duplicates=1)
    assert store.get("a1").text == v2.text
    assert store.count() == 1 and store.count(latest_only=False) == 2


def test_store_revisions_within_one_batch_are_numbered_in_order(store: Store, make_article) -> None:
    versions = [make_article(text=f"Version {n} of the story.") for n in range(3)]
    assert store.add_batch(versions) == AddReport(added=1, revisions=2)
    conn = store._db()
    assert conn.execute("SELECT revision, text FROM articles ORDER BY rowid").fetchall() == [
        (1, "Version 0 of the story."),
        (2, "Version 1 of the story."),
        (3, "Version 2 of the story."),
    ]


def test_store_stale_content_hash_cannot_hide_new_content(store: Store, make_article) -> None:
    import dataclasses

    a = make_article(text="Original body.")
    stale = dataclasses.replace(a, text="Edited body with news.")  # keeps a's hash
    assert stale.content_hash == a.content_hash
    store.add([a])
    assert store.add([stale]) == AddReport(revisions=1)
    latest = store.get("a1")
    assert latest.text == "Edited body with news." and latest.content_hash != a.content_hash


def test_store_add_report_sums(make_article) -> None:
    total = AddReport(1, 2, 3) + AddReport(10, 20, 30)
    assert total == AddReport(11, 22, 33) and total.seen == 66


def test_store_add_consumes_iterable_lazily_in_batches(store: Store, make_article) -> None:
    pulled: list[int] = []
    committed_when_pulled: list[int] = []

    def source() -> Iterator[Article]:
        for i in range(7):
            pulled.append(i)
            committed_when_pulled.append(store.count())
            yield make_article(str(i), text=f"Body number {i}.")

    assert store.add(source(), batch_size=3) == AddReport(added=7)
    # the 4th article was only pulled after the first batch of 3 had been committed
    assert committed_when_pulled == [0, 0, 0, 3, 3, 3, 6]


def test_store_failing_source_keeps_earlier_batches(store: Store, make_article) -> None:
    def source() -> Iterator[Article]:
        for i in range(5):
            yield make_article(str(i), text=f"Body number {i}.")
        raise OSError("disk went away")

    with pytest.raises(OSError):
        store.add(source(), batch_size=2)
    assert _ids(store) == ["0", "1", "2", "3"]


def test_store_bad_article_rolls_back_only_its_batch(store: Store, make_article) -> None:
    good = [make_article(str(i), text=f"Body number {i}.") for i in range(6)]
    bad = make_article("bad", text="Bad one.", url=["not", "a", "string"])
    with pytest.raises(StoreError, match="'bad'.*url must be a string"):
        store.add(good[:4] + [bad] + good[4:], batch_size=3)
    # batch 1 (0, 1, 2) committed; batch 2 (3, bad, 4) rolled back whole; batch 3 never run
    assert _ids(store) == ["0", "1", "2"]
    assert not store._db().in_transaction
    assert store.add(good) == AddReport(added=3, duplicates=3)


def test_store_database_failure_mid_batch_rolls_back_whole_batch(db_path: Path, make_article) -> None:
    with Store(db_path) as s:
        s.add([make_article("early", text="Stored before the failure.")])
        s._db().execute(
            "CREATE TEMP TRIGGER refuse_boom BEFORE INSERT ON main.articles WHEN NEW.id = 'boom' "
            "BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END"
        )
        batch = [
            make_article("x1", text="One."),
            make_article("x2", text="Two."),
            make_article("boom", text="!"),
        ]
        with pytest.raises(StoreError, match="rolled back.*earlier batches are kept") as info:
            s.add_batch(batch)
        assert "refused by test trigger" in str(info.value)
        assert _ids(s) == ["early"]
        s._db().execute("DROP TRIGGER temp.refuse_boom")
        assert s.add_batch(batch) == AddReport(added=3)
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
    conn.close()


def test_store_rejects_non_articles_with_a_hint(store: Store) -> None:
    with pytest.raises(StoreError, match="is a dict, not an Article.*from_dict"):
        store.add_batch([{"id": "x", "text": "y"}])  # type: ignore[list-item]


@pytest.mark.parametrize("size", [0, -1, 1.5])
def test_store_bad_batch_size_is_config_error(store: Store, make_article, size) -> None:
    with pytest.raises(ConfigError, match="batch_size"):
        store.add([make_article()], batch_size=size)


def test_store_articles_in_insertion_order_latest_only(store: Store, make_article) -> None:
    store.add([make_article("b", text="B1."), make_article("a", text="A1."), make_article("c", text="C1.")])
    store.add([make_article("b", text="B2.")])
    assert [(a.id, a.text) for a in store.articles()] == [("a", "A1."), ("c", "C1."), ("b", "B2.")]
    assert [a.text for a in store.articles(latest_only=False)] == ["B1.", "A1.", "C1.", "B2."]


def test_store_articles_streams_across_pages(store: Store, make_article, monkeypatch) -> None:
    from parallax.store import db

    monkeypatch.setattr(db, "PAGE_SIZE", 4)
    store.add(make_article(f"{i:02d}", text=f"Body {i}.") for i in range(10))
    assert _ids(store) == [f"{i:02d}" for i in range(10)]


def test_store_get_unknown_id_and_revision_raise_not_found(store: Store, make_article) -> None:
    store.add([make_article()])
    with pytest.raises(NotFoundError, match="no article 'zzz'"):
        store.get("zzz")
    with pytest.raises(NotFoundError, match="no revision 4.*revisions 1"):
        store.get("a1", revision=4)
    with pytest.raises(NotFoundError):
        store.revisions("zzz")


def test_store_set_story_updates_every_revision_and_doc(store: Store, make_article) -> None:
    store.add([make_article(text="One."), make_article(text="Two."), make_article("other", text="Three.")])
    store.set_story("a1", "story-7")
    assert [a.story for a in store.revisions("a1")] == ["story-7", "story-7"]
    assert store.get("other").story is None
    docs = store._db().execute("SELECT json_extract(doc, '$.story') FROM articles WHERE id = 'a1'").fetchall()
    assert docs == [("story-7",), ("story-7",)]
    with pytest.raises(NotFoundError):
        store.set_story("missing", "s")
    assert store.set_stories([("other", "story-8"), ("missing", "x")]) == 1
    assert store.stats()["stories"] == 2


def test_store_stats_counts(store: Store, make_article) -> None:
    store.add(
        [
            make_article("a", text="A.", outlet="One", language="en"),
            make_article("a", text="A again.", outlet="One", language="en"),
            make_article("b", text="B.", outlet="Two", language="ru"),
        ]
    )
    assert store.stats() == {
        "articles": 2,
        "rows": 3,
        "revisions": 1,
        "outlets": 2,
        "stories": 0,
        "languages": 2,
    }


def _annotated() -> Article:
    text = (
        'Officials said at least 12 people were killed on Tuesday. "We will rebuild," '
        "Mayor Ana Ruiz told reporters, reportedly."
    )
    return Article(
        id="annotated-1",
        text=text,
        title="Twelve killed — mayor vows to rebuild",
        outlet="Valley Courier",
        url="https://valley.example/a",
        published="2025-03-12T08:30:00+00:00",
        byline="By Sam Ortiz",
        language="en",
        source="fixtures/a.jsonl",
        removed=(Removed("appeal", "Support our journalism", reason="donation appeal", offset=0),),
        sentences=(Span(0, 58), Span(59, len(text))),
        entities=(
            Entity("Ana Ruiz", "person", aliases=("Ruiz",), mentions=(Span(83, 91),), links=("Mayor",)),
        ),
        quotes=(
            Quote(60, 76, "direct", speaker="Ana Ruiz", speaker_span=Span(83, 91), cue="told reporters"),
        ),
        claims=(
            Claim(0, 58, 12, unit="people", qualifier="at least", predicate="killed", as_of="2025-03-11"),
        ),
        dates=(DateMention(50, 57, "2025-03-11", "day"),),
        frames=(Frame(len(text) - 11, len(text) - 1, "hedge", cue="reportedly"),),
        annotated=("sentences", "entities", "quotes", "claims", "dates", "frames"),
        notes=("test note",),
    )


def test_store_round_trips_annotated_article(db_path: Path) -> None:
    original = _annotated()
    with Store(db_path) as s:
        s.add([original])
    with Store(db_path, readonly=True) as s:
        back = s.get("annotated-1")
        assert back == original
        assert back.to_dict() == original.to_dict()
        assert list(s.articles()) == [original]
