"""Ingest assigns stories as it stores, and the next ingest continues the same stories."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from conftest import CORPUS  # type: ignore[import-not-found]

from parallax.api import ingest, open_store, stories
from parallax.cluster.stored import STATE_KEY, StoreAssigner
from parallax.config import Settings
from parallax.samples import DEMO_EXPECTATIONS, demo_paths

QUIET = Settings(progress=False)


def _partition(pairs: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for article_id, story in pairs.items():
        groups.setdefault(story, set()).add(article_id)
    return {frozenset(g) for g in groups.values()}


def test_ingest_assigns_the_demo_corpus_to_its_stories_as_written(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    assert ingest(demo_paths(), db=db, settings=QUIET).ok
    with open_store(db, readonly=True) as store:
        got = store.story_assignments()
    want = {frozenset(spec["articles"]) for spec in DEMO_EXPECTATIONS["stories"].values()}
    assert _partition(got) == want
    listed = stories(db=db)
    assert [s.size for s in listed] == sorted((len(g) for g in want), reverse=True)
    assert "Port Alvane" in listed[0].label and listed[0].first and listed[0].last


def test_second_ingest_continues_the_stories_from_the_saved_state(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    first = [a for a, _ in CORPUS[:3]]
    rest = [a for a, _ in CORPUS[3:]]
    with open_store(db) as store:
        assigner = StoreAssigner.open(store)
        store.add_batch(assigner.label(first, store))
        assigner.save(store)
        assert store.get_meta(STATE_KEY)
    with open_store(db) as store:
        again = StoreAssigner.open(store)
        assert not again.rebuilt and again.backfilled == 0  # the saved state agreed with the store
        store.add_batch(again.label(rest, store))
        again.save(store)
        got = store.story_assignments()
    gold = {a.id: story for a, story in CORPUS}
    assert _partition(got) == _partition(gold)


def test_stale_state_is_rebuilt_from_the_stored_stories(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    articles = [a for a, _ in CORPUS]
    with open_store(db) as store:
        assigner = StoreAssigner.open(store)
        store.add_batch(assigner.label(articles[:4], store))
        assigner.save(store)
        store.set_stories([(articles[0].id, "by-hand")])  # the state no longer agrees with the store
    with open_store(db) as store:
        again = StoreAssigner.open(store)
        assert again.rebuilt
        assert again.clusterer.story_of(articles[0].id) == "by-hand"
        labelled = again.label(articles[4:], store)
        assert all(a.story for a in labelled)


def test_unreadable_state_is_rebuilt_not_an_error(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with open_store(db) as store:
        assigner = StoreAssigner.open(store)
        store.add_batch(assigner.label([a for a, _ in CORPUS[:2]], store))
        store.set_meta(STATE_KEY, b"not zlib at all")
    with open_store(db) as store:
        assert StoreAssigner.open(store).rebuilt


def test_stored_articles_without_a_story_are_assigned_on_the_next_ingest(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    ingest(demo_paths(), db=db, settings=QUIET.replace(assign_stories=False))
    with open_store(db, readonly=True) as store:
        assert store.story_assignments() == {}
    report = ingest(demo_paths(), db=db, settings=QUIET)  # all duplicates, but the stories are filled in
    assert report.added == 0 and report.duplicates == report.seen
    with open_store(db, readonly=True) as store:
        assert len(store.story_assignments()) == store.count()
        assert store.unassigned() == []


def test_duplicates_are_not_learned_twice_and_a_revision_keeps_its_story(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    flood = CORPUS[0][0]
    with open_store(db) as store:
        assigner = StoreAssigner.open(store)
        store.add_batch(assigner.label([flood, flood], store))
        story = store.get(flood.id).story
        assert assigner.clusterer.n_seen_ == 1
        store.add_batch(assigner.label([flood], store))  # a re-ingest: a duplicate, not learned
        assert assigner.clusterer.n_seen_ == 1
        corrected = flood.replace(text=flood.text + " The ferry resumed on Monday.")
        labelled = assigner.label([corrected], store)
        assert labelled[0].story == story
        report = store.add_batch(labelled)
        assert report.revisions == 1
        assigner.save(store)
    with open_store(db) as store:  # the state still agrees: no rebuild
        assert not StoreAssigner.open(store).rebuilt


def test_ingest_with_stories_off_leaves_story_empty(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    ingest(demo_paths(), db=db, settings=QUIET.replace(assign_stories=False))
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*) FROM articles WHERE story IS NOT NULL").fetchone()[0] == 0
        assert con.execute("SELECT COUNT(*) FROM meta").fetchone()[0] == 0
