"""Consolidation: two active stories that turn out to tell one event merge; unrelated ones never do."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import CORPUS  # type: ignore[import-not-found]

from parallax.api import open_store
from parallax.cluster import StoryClusterer, bcubed, story_id_for
from parallax.cluster.stored import StoreAssigner
from parallax.model import Article


def _a(aid: str, title: str, text: str, published: str) -> Article:
    return Article(id=aid, title=title, text=text, outlet="Tarn Wire", published=published)


#: One made-up eruption told from two sides: the first two articles share almost no words, so each
#: starts a story; the next ones tell both sides and join the first, whose centroid, as it grows,
#: comes to meet the second's.
ASH = _a(
    "ash1",
    "Ash cloud from Mount Tarn grounds flights at Ossary airport",
    "Airlines cancelled every flight from Ossary airport on Tuesday as an ash cloud drifted over the "
    "runways. Skyvell and Corran Air said passengers should not travel to the terminal; the airport "
    "authority expects the ash to clear by Thursday.",
    "2031-03-04T08:00:00+00:00",
)
LAVA = _a(
    "lava1",
    "Lava from Mount Tarn forces villagers of Pell to leave their homes",
    "Lava flowed down the eastern slope of Mount Tarn overnight and reached the edge of Pell. Soldiers "
    "helped villagers load carts and drove them to shelters in Marrow, where the governor Idris Vell "
    "promised tents and food for three weeks.",
    "2031-03-04T09:00:00+00:00",
)
BOTH = _a(
    "both1",
    "Mount Tarn eruption: lava reaches Pell as ash grounds Ossary flights",
    "Mount Tarn erupted on Tuesday. Lava reached the village of Pell, whose villagers left for shelters in "
    "Marrow, and the ash cloud grounded every flight at Ossary airport, where Skyvell and Corran Air "
    "cancelled flights. Governor Idris Vell said the airport and the villages would be helped.",
    "2031-03-04T12:00:00+00:00",
)
LATER = _a(
    "both2",
    "Mount Tarn: Pell villagers in Marrow shelters, Ossary flights cancelled",
    "Villagers from Pell spent the night in shelters in Marrow as lava from Mount Tarn kept flowing. The ash "
    "cloud kept Ossary airport closed; Skyvell cancelled flights again and governor Idris Vell visited the "
    "shelters.",
    "2031-03-04T15:00:00+00:00",
)
TAIL = _a(
    "tail1",
    "Ossary airport reopens as Mount Tarn quietens; Pell villagers still in Marrow",
    "Ossary airport reopened on Friday and Skyvell resumed flights as the ash cloud over Mount Tarn thinned. "
    "The villagers of Pell remain in the shelters of Marrow until the lava cools, governor Idris Vell said.",
    "2031-03-07T10:00:00+00:00",
)
TARN = [ASH, LAVA, BOTH, LATER]
ASH_ID, LAVA_ID = story_id_for("ash1"), story_id_for("lava1")


def test_consolidation_merges_the_two_halves_of_one_event_into_the_older_story() -> None:
    clusterer = StoryClusterer()
    labels = clusterer.fit_predict(TARN)
    assert labels == [ASH_ID] * 4
    assert clusterer.merged_ == {LAVA_ID: ASH_ID}
    assert LAVA_ID not in clusterer.stories_
    merged = clusterer.stories_[ASH_ID]
    assert sorted(merged.articles) == ["ash1", "both1", "both2", "lava1"] and merged.active
    assert clusterer.resolve(LAVA_ID) == ASH_ID


def test_consolidation_is_what_merged_them() -> None:
    labels = StoryClusterer(merge_threshold=None).fit_predict(TARN)
    assert labels == [ASH_ID, LAVA_ID, ASH_ID, ASH_ID]  # without it the lava story stays apart


def test_consolidation_waits_until_the_centroids_agree() -> None:
    clusterer = StoryClusterer()
    assert clusterer.fit_predict(TARN[:3]) == [ASH_ID, LAVA_ID, ASH_ID]  # one shared article is not enough
    assert clusterer.merged_ == {}


def test_consolidation_never_merges_unrelated_stories(corpus) -> None:
    articles = [a for a, _ in corpus] + TARN
    gold = [g for _, g in corpus] + ["tarn"] * len(TARN)
    for merge_threshold in (0.35, 0.1):
        clusterer = StoryClusterer(merge_threshold=merge_threshold)
        assert bcubed(clusterer.fit_predict(articles), gold) == (1.0, 1.0, 1.0)
        assert clusterer.merged_ == {LAVA_ID: ASH_ID}  # the only merge is the eruption's


def test_consolidation_reports_the_earlier_articles_whose_story_changed(corpus) -> None:
    clusterer = StoryClusterer().partial_fit(TARN[:3])
    assert clusterer.story_of("lava1") == LAVA_ID
    assert clusterer.assign([LATER]) == [ASH_ID]
    assert clusterer.moved_ == ["lava1"]  # from an earlier batch: its stored story must change
    assert clusterer.story_of("lava1") == ASH_ID
    assert clusterer.labels_ == [ASH_ID] * 4
    clusterer.assign([corpus[0][0]])
    assert clusterer.moved_ == []  # nothing merged in this call


def test_consolidation_state_round_trips_and_continues_identically() -> None:
    live = StoryClusterer().partial_fit(TARN)
    state = json.loads(json.dumps(live.state_dict()))
    assert state["version"] == 2 and state["merged"] == {LAVA_ID: ASH_ID}
    resumed = StoryClusterer.from_state(state)
    assert resumed.merged_ == live.merged_ and resumed.resolve(LAVA_ID) == ASH_ID
    assert resumed.assignments_ == live.assignments_
    assert resumed.assign([TAIL]) == live.assign([TAIL]) == [ASH_ID]
    assert resumed.state_dict() == live.state_dict()


def test_consolidation_is_not_applied_to_stored_stories_when_seeding() -> None:
    stored = [a.replace(story="s-lava" if a is LAVA else "s-ash") for a in TARN]
    clusterer = StoryClusterer().seed(stored)
    assert clusterer.merged_ == {}
    assert clusterer.story_of("lava1") == "s-lava"  # the store's stories are taken as they are


def test_store_moves_stored_articles_when_their_story_is_merged(tmp_path: Path) -> None:
    db = tmp_path / "tarn.db"
    with open_store(db) as store:
        assigner = StoreAssigner.open(store)
        store.add_batch(assigner.label(TARN[:3], store))
        assert store.story_assignments() == {"ash1": ASH_ID, "lava1": LAVA_ID, "both1": ASH_ID}
        store.add_batch(assigner.label([LATER], store))
        assigner.save(store)
        assert set(store.story_assignments().values()) == {ASH_ID}
    with open_store(db) as store:
        again = StoreAssigner.open(store)
        assert not again.rebuilt  # the saved state and the store still agree after the merge
        store.add_batch(again.label([TAIL], store))
        assert store.story_assignments()["tail1"] == ASH_ID


def test_consolidation_keeps_the_fixture_corpus_exact() -> None:
    articles = [a for a, _ in CORPUS]
    clusterer = StoryClusterer()
    assert bcubed(clusterer.fit_predict(articles), [g for _, g in CORPUS]) == (1.0, 1.0, 1.0)
    assert clusterer.merged_ == {}
