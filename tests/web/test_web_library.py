"""The web app's view of a store: story rows, filters, the per-version comparison cache."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from webfixtures import HOSTILE_STORY, LONE_ID

from parallax.api import open_store
from parallax.errors import ConfigError, NotFoundError, StoreError
from parallax.model import Article
from parallax.samples import EVENT_STORY, UNRELATED_STORY
from parallax.web.library import UNCLUSTERED, Library, StoryFilter, day_of
from parallax.web.views import default_selection, list_stories, parse_day


def test_library_lists_stories_newest_first_with_size_and_outlets(demo_db: Path):
    rows = Library(demo_db).stories()
    assert [r.id for r in rows] == [EVENT_STORY, UNRELATED_STORY]  # the event runs to 7 March, the tram to 6 March
    event = rows[0]
    assert event.size == 10 and len(event.outlets) == 7
    assert (event.first, event.last) == ("2026-03-03", "2026-03-07")
    assert event.clustered and event.top_entities


def test_library_shows_an_article_without_story_as_its_own_unclustered_story(hostile_db: Path):
    rows = {r.id: r for r in Library(hostile_db).stories()}
    lone = rows[UNCLUSTERED + LONE_ID]
    assert lone.size == 1 and not lone.clustered and lone.label == "Harbour ferry timetable changes"
    assert rows[HOSTILE_STORY].size == 3
    view = Library(hostile_db).story(UNCLUSTERED + LONE_ID)
    assert [a.id for a in view.articles] == [LONE_ID]


def test_library_filters_by_date_range_outlet_entity_and_search(demo_db: Path):
    library = Library(demo_db)

    def ids(**kw: object) -> list[str]:
        return [r.id for r in list_stories(library, **kw).rows]  # type: ignore[arg-type]

    assert ids(since="2026-03-07") == [EVENT_STORY]
    assert ids(until="2026-03-02") == []
    assert ids(since="2026-03-05", until="2026-03-05") == [EVENT_STORY, UNRELATED_STORY]
    assert ids(outlet="Dalmora National Radio") == [EVENT_STORY]
    assert ids(entity="coastal monitoring") == [EVENT_STORY]
    assert ids(query="tram") == [UNRELATED_STORY]
    assert ids(query="Halvik", outlet="Versk Courier") == []


def test_library_rejects_bad_dates_and_empty_ranges_naming_the_parameter():
    assert parse_day("since", "") is None
    assert parse_day("since", "2026-03-04") == date(2026, 3, 4)
    with pytest.raises(ConfigError, match=r"since='March 4' is not a date; write it as YYYY-MM-DD"):
        parse_day("since", "March 4")
    with pytest.raises(ConfigError, match="the date range is empty"):
        StoryFilter(since=date(2026, 3, 5), until=date(2026, 3, 4))


def test_library_day_of_reads_iso_prefixes_only():
    assert day_of("2026-03-04T18:20:00+01:00") == "2026-03-04"
    assert day_of("Wed, 04 Mar 2026") is None and day_of(None) is None


def test_library_refuses_a_missing_store_at_once(tmp_path: Path):
    with pytest.raises(StoreError, match="no store at"):
        Library(tmp_path / "absent.db")
    with pytest.raises(ConfigError, match="store file"):
        Library(":memory:")


def test_library_unknown_story_and_article_raise_not_found_naming_them(demo_db: Path):
    library = Library(demo_db)
    with pytest.raises(NotFoundError, match="no story 'nope'"):
        library.story("nope")
    with pytest.raises(NotFoundError, match="no article 'nope'"):
        library.article("nope")


def test_library_default_side_by_side_puts_the_two_sides_of_the_conflict_together(demo_db: Path):
    picked = default_selection(Library(demo_db).story(EVENT_STORY))
    assert picked == ["2026-03-04-harbor-ledger-toll-rises", "2026-03-04-dalmora-national-radio-toll"]


def test_library_compares_a_story_once_per_store_version(demo_copy: Path, monkeypatch: pytest.MonkeyPatch):
    import parallax.web.library as library_module

    calls: list[int] = []
    real = library_module.compare

    def counting(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(library_module, "compare", counting)
    library = Library(demo_copy)
    threads = [threading.Thread(target=library.story, args=(EVENT_STORY,)) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1  # eight concurrent readers, one comparison
    first = library.story(EVENT_STORY)
    assert len(calls) == 1
    with open_store(demo_copy) as store:
        store.add_batch([Article(id="late-report", text="The toll reached 50 on Friday.", outlet="Late Desk",
                                 published="2026-03-08", story=EVENT_STORY)])
    again = library.story(EVENT_STORY)
    assert len(calls) == 2 and again is not first
    assert "late-report" in again.row.articles


def test_library_story_stays_cached_while_other_stories_are_written(demo_copy: Path):
    library = Library(demo_copy)
    before = library.story(EVENT_STORY)
    with open_store(demo_copy) as store:
        store.add_batch([Article(id="wire-1", text="The harbour crane count rose to 40 on Monday.", title="Cranes",
                                 outlet="Wire", published="2026-03-12", story="wire-story")])
    assert library.story(EVENT_STORY) is before  # not compared again
    assert any(r.id == "wire-story" for r in library.stories())  # while the story list sees the write


def test_library_story_is_compared_again_when_one_of_its_articles_changes(demo_copy: Path):
    library = Library(demo_copy)
    before = library.story(EVENT_STORY)
    with open_store(demo_copy) as store:
        first = store.get(before.row.articles[0])
        store.add_batch([first.replace(text=first.text + "\n\nA correction was added on Friday.", content_hash="")])
    after = library.story(EVENT_STORY)
    assert after is not before
