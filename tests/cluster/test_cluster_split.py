"""Splits: a story that comes back after a silence with another event of the same theme is parted
(no chaining of one theme's events into a hub); a long-running story with steady coverage is not."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import outputs_under_hash_seeds  # type: ignore[import-not-found]

from parallax.api import open_store
from parallax.cluster import StoryClusterer, bcubed, story_id_for
from parallax.cluster.stored import StoreAssigner
from parallax.model import Article


def _a(aid: str, title: str, text: str, published: str, outlet: str = "Orrin Courier") -> Article:
    return Article(id=aid, title=title, text=text, outlet=outlet, published=published)


#: A made-up flood scare at a dam: three articles in three days.
SPILL = [
    _a("spill1", "Velmar Hydro opens Orrin dam spillway as Lake Orrin rises after storms",
       "Velmar Hydro opened the spillway of the Orrin dam on Monday after a week of storms pushed Lake Orrin "
       "to its highest level in forty years. The villages of Teskel and Brannock below the Orrin dam were "
       "evacuated and engineers watched the dam wall through the night.", "2031-03-03T08:00:00+00:00"),
    _a("spill2", "Teskel and Brannock evacuated below the Orrin dam",
       "Residents of Teskel and Brannock spent the night in school halls after Velmar Hydro released "
       "water from the Orrin dam spillway. The river below Lake Orrin burst its banks at Brannock, and "
       "the engineers of Velmar Hydro said the dam wall was holding.", "2031-03-03T16:00:00+00:00",
       "Valley Post"),
    _a("spill3", "Lake Orrin falls; Teskel and Brannock residents return home",
       "Lake Orrin fell by two metres on Wednesday and Velmar Hydro closed the Orrin dam spillway. Residents "
       "of Teskel and Brannock returned to flooded gardens; the engineers said the dam wall had held.",
       "2031-03-05T10:00:00+00:00", "Valley Post"),
]  # fmt: skip
#: Two months later: the same company and dam, another event (its chief resigns over a bonus scandal).
#: The first article shares enough names with the flood story to join it; the next ones join it too.
RESIGN = [
    _a("quit1", "Velmar Hydro chief Tamsin Kroll resigns over Orrin dam bonus scandal",
       "Tamsin Kroll, chief executive of Velmar Hydro, resigned on Tuesday after auditors found that board "
       "members paid themselves bonuses from the Orrin dam maintenance fund, money meant for the "
       "spillway and the dam wall above Teskel and Brannock. Shareholders of Velmar Hydro called a "
       "meeting for June.",
       "2031-05-06T09:00:00+00:00", "Capital Ledger"),
    _a("quit2", "Auditors: Velmar Hydro board took Orrin dam maintenance money as bonuses",
       "The auditors' report that cost Tamsin Kroll her job shows the board of Velmar Hydro took "
       "bonuses from the Orrin dam maintenance fund for three years. Shareholders want the money back "
       "and the regulator opened an inquiry into the board.", "2031-05-06T15:00:00+00:00", "Capital Ledger"),
    _a("quit3", "Velmar Hydro shareholders demand bonuses back after Kroll quits",
       "Shareholders of Velmar Hydro demanded that the board repay the bonuses taken from the Orrin dam "
       "maintenance fund. Tamsin Kroll, who resigned as chief executive, said the auditors' report was fair; "
       "the regulator's inquiry into the board begins in June.", "2031-05-07T11:00:00+00:00",
       "Orrin Courier"),
]  # fmt: skip
SPILL_ID, QUIT_ID = story_id_for("spill1"), story_id_for("quit1")

#: A trial reported at each weekly hearing, nine days apart (each hearing after a silence), by
#: different outlets in their own words: one story throughout.
TRIAL = [
    _a("trial1", "Harl Vessing trial opens: prosecutors say Quenby's mayor took bribes for harbour contracts",
       "The trial of Harl Vessing, mayor of Quenby, opened at the Sallow crown court. Prosecutors "
       "said Vessing took bribes from the builder Odo Marsk in exchange for the harbour contracts of "
       "Quenby. Vessing denies the charges.", "2031-09-01T10:00:00+00:00", "Quenby Herald"),
    _a("trial2", "Quenby mayor pleads not guilty as bribery trial begins in Sallow",
       "Harl Vessing pleaded not guilty on the first day of his trial in Sallow. The prosecution says the "
       "mayor of Quenby was paid by Odo Marsk, whose company won the harbour contracts.",
       "2031-09-01T18:00:00+00:00", "Sallow Star"),
    _a("trial3", "Builder Odo Marsk tells Vessing trial he paid the Quenby mayor",
       "Odo Marsk told the Sallow crown court that he paid Harl Vessing for the harbour contracts of Quenby. "
       "The defence said Marsk lied to save himself; the trial of the mayor continues.",
       "2031-09-10T10:00:00+00:00", "Quenby Herald"),
    _a("trial4", "Marsk admits cash payments to Vessing, defence calls him a liar",
       "Under cross-examination, the builder Odo Marsk admitted handing cash to Harl Vessing. "
       "Lawyers for the Quenby mayor told the jury in Sallow that Marsk invented the bribes to win a "
       "lighter sentence.",
       "2031-09-10T17:00:00+00:00", "Harbour Gazette"),
    _a("trial5", "Vessing takes the stand: Quenby mayor denies harbour bribes",
       "Harl Vessing told the Sallow crown court he never took money from Odo Marsk and that the harbour "
       "contracts of Quenby were won fairly. Prosecutors showed the jury the bank records of the payments.",
       "2031-09-19T10:00:00+00:00", "Sallow Star"),
    _a("trial6", "Bank records put to Harl Vessing on his third day in the witness box",
       "Prosecutors in Sallow read bank records to Harl Vessing showing deposits after each harbour contract "
       "Quenby gave to Odo Marsk. The mayor said the money was from the sale of a boat.",
       "2031-09-19T16:00:00+00:00", "Quenby Herald"),
    _a("trial7", "Jury finds Quenby mayor Harl Vessing guilty of taking harbour bribes",
       "The jury at the Sallow crown court found Harl Vessing, mayor of Quenby, guilty of taking bribes from "
       "Odo Marsk for the harbour contracts. The judge will sentence Vessing next month.",
       "2031-09-28T10:00:00+00:00", "Harbour Gazette"),
    _a("trial8", "Guilty: Vessing convicted of bribery over Quenby harbour deals",
       "Harl Vessing was convicted in Sallow of taking bribes from the builder Odo Marsk. The mayor "
       "of Quenby will be sentenced next month and has resigned, his lawyers said.",
       "2031-09-28T19:00:00+00:00", "Sallow Star"),
]  # fmt: skip


def test_split_a_same_theme_event_months_later_starts_its_own_story() -> None:
    clusterer = StoryClusterer()
    labels = clusterer.fit_predict(SPILL + RESIGN)
    assert labels == [SPILL_ID] * 3 + [QUIT_ID] * 3
    assert clusterer.splits_ == {QUIT_ID: SPILL_ID}
    flood, scandal = clusterer.stories_[SPILL_ID], clusterer.stories_[QUIT_ID]
    assert flood.articles == ["spill1", "spill2", "spill3"]
    assert scandal.articles == ["quit1", "quit2", "quit3"]
    assert flood.last is not None and scandal.first is not None and scandal.first - flood.last > 60
    assert clusterer.story_of("quit1") == QUIT_ID


def test_split_is_what_parted_them() -> None:
    # without the split check the scandal chains onto the flood story: one hub for one dam's events
    labels = StoryClusterer(split_ratio=None).fit_predict(SPILL + RESIGN)
    assert labels == [SPILL_ID] * 6


def test_split_a_long_running_story_with_steady_coverage_is_not_split() -> None:
    clusterer = StoryClusterer()
    labels = clusterer.fit_predict(TRIAL)
    assert labels == [story_id_for("trial1")] * len(TRIAL)
    assert clusterer.splits_ == {} and clusterer.merged_ == {}


def test_split_keeps_unrelated_stories_exact(corpus) -> None:
    articles = [a for a, _ in corpus] + SPILL + RESIGN + TRIAL
    gold = [g for _, g in corpus] + ["dam"] * 3 + ["scandal"] * 3 + ["trial"] * len(TRIAL)
    assert bcubed(StoryClusterer().fit_predict(articles), gold) == (1.0, 1.0, 1.0)


def test_split_reports_the_earlier_articles_whose_story_changed() -> None:
    clusterer = StoryClusterer().partial_fit(SPILL + RESIGN[:1])
    assert clusterer.story_of("quit1") == SPILL_ID  # one article after the silence: nothing to compare yet
    assert clusterer.assign(RESIGN[1:2]) == [QUIT_ID]
    assert clusterer.moved_ == ["quit1"]  # from an earlier batch: its stored story must change
    assert clusterer.story_of("quit1") == QUIT_ID
    assert clusterer.labels_ == [SPILL_ID] * 3 + [QUIT_ID] * 2
    assert clusterer.assign(RESIGN[2:]) == [QUIT_ID] and clusterer.moved_ == []


def test_split_state_round_trips_with_an_open_burst_and_continues_identically() -> None:
    live = StoryClusterer().partial_fit(SPILL + RESIGN[:1])
    state = json.loads(json.dumps(live.state_dict()))
    assert state["version"] == 2
    resumed = StoryClusterer.from_state(state)
    assert resumed.state_dict() == live.state_dict()
    assert resumed.assign(RESIGN[1:]) == live.assign(RESIGN[1:]) == [QUIT_ID, QUIT_ID]
    assert resumed.moved_ == live.moved_ == ["quit1"]
    assert resumed.state_dict() == live.state_dict()


def test_split_a_state_written_before_splits_still_loads() -> None:
    state = json.loads(json.dumps(StoryClusterer().partial_fit(SPILL).state_dict()))
    for story in state["stories"]:  # as an earlier version wrote it: no member counts, no burst
        del story["counts"], story["tail"]
    del state["splits"]
    resumed = StoryClusterer.from_state(state)
    assert resumed.stories_[SPILL_ID].counts["body"] == 3
    assert resumed.assign(RESIGN) == [QUIT_ID] * 3  # quit1 moved with the burst, within the batch


def test_split_is_not_applied_to_stored_stories_when_seeding() -> None:
    stored = [a.replace(story="s-dam") for a in SPILL + RESIGN]
    clusterer = StoryClusterer().seed(stored)
    assert clusterer.splits_ == {} and set(clusterer.assignments_.values()) == {"s-dam"}


def test_store_moves_stored_articles_when_a_burst_splits_off(tmp_path: Path) -> None:
    db = tmp_path / "dam.db"
    with open_store(db) as store:
        assigner = StoreAssigner.open(store)
        store.add_batch(assigner.label(SPILL + RESIGN[:1], store))
        assert store.story_assignments()["quit1"] == SPILL_ID
        store.add_batch(assigner.label(RESIGN[1:2], store))
        assigner.save(store)
        assert store.story_assignments() == {**dict.fromkeys(["spill1", "spill2", "spill3"], SPILL_ID),
                                             "quit1": QUIT_ID, "quit2": QUIT_ID}  # fmt: skip
    with open_store(db) as store:
        again = StoreAssigner.open(store)
        assert not again.rebuilt  # the saved state and the store still agree after the split
        store.add_batch(again.label(RESIGN[2:], store))
        assert store.story_assignments()["quit3"] == QUIT_ID


_SPLIT_SCRIPT = """
import json, sys
sys.path.insert(0, sys.argv[1])
from test_cluster_split import RESIGN, SPILL, TRIAL
from parallax.cluster import StoryClusterer
clusterer = StoryClusterer()
labels = clusterer.fit_predict(SPILL + TRIAL + RESIGN)
print(json.dumps([labels, clusterer.splits_, clusterer.state_dict()], sort_keys=True))
"""


def test_split_does_not_depend_on_the_hash_seed() -> None:
    runs = outputs_under_hash_seeds(_SPLIT_SCRIPT)
    assert runs[0] == runs[1] == runs[2]
    _, splits, _ = json.loads(runs[0])
    assert splits == {QUIT_ID: SPILL_ID}
