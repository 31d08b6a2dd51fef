"""Dates: finding temporal expressions and resolving them against the publication date."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from parallax.annotate.dates import DateStage, find_dates, resolve_month_day, resolve_weekday
from parallax.model import Article, RawDocument
from parallax.pipeline import Stage

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "samples" / "seeds"


def seed_text(index: int, published: str) -> str:
    """Cleaned text of a seed: ``parallax.clean`` when it is available, else the known boilerplate cut by hand."""
    paths = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if len(paths) < 2:
        pytest.skip("../shared/samples/seeds is absent")
    path = paths[index]
    raw = path.read_text(encoding="utf-8")
    try:
        from parallax.clean import clean

        return clean(RawDocument(source=str(path), format="text", text=raw, published=published)).text
    except ImportError:  # fallback until the cleaner exists: strip the known boilerplate
        text = raw.split("A Message from The Moscow Times:")[0]
        lines = [ln for ln in text.splitlines() if ln.strip() and not ln.endswith("for TROIB News")]
        return "\n".join(lines[1:] if index == 1 else lines)


def resolved(text: str, published: str | None) -> dict[str, str | None]:
    return {text[d.start : d.end]: d.value for d in find_dates(text, published)}


def value_at(text: str, published: str | None, phrase: str, nth: int = 0) -> str | None:
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(phrase, pos + 1)
    hits = [d for d in find_dates(text, published) if d.start < pos + len(phrase) and pos < d.end]
    assert hits, f"no date mention over {phrase!r}"
    return hits[0].value


def test_dates_seed_moscow_times_resolves_weekdays_and_month() -> None:
    text = seed_text(0, "2025-03-11")
    assert value_at(text, "2025-03-11", "Tuesday") == "2025-03-11"
    assert value_at(text, "2025-03-11", "On Monday") == "2025-03-10"
    assert value_at(text, "2025-03-11", "on Monday") == "2025-03-10"
    assert value_at(text, "2025-03-11", "in December") == "2024-12"


def test_dates_seed_troib_resolves_day_month_and_year() -> None:
    text = seed_text(1, "2025-03-13")
    assert value_at(text, "2025-03-13", "on Thursday") == "2025-03-13"
    assert value_at(text, "2025-03-13", "March 10") == "2025-03-10"
    assert value_at(text, "2025-03-13", "early March") == "2025-03"
    assert value_at(text, "2025-03-13", "late 2024") == "2024"


def test_dates_weekday_is_most_recent_on_or_before_publication() -> None:
    # 2025-03-11 is a Tuesday
    assert resolved("He left on Sunday. She came Tuesday.", "2025-03-11") == {
        "on Sunday": "2025-03-09",
        "Tuesday": "2025-03-11",
    }
    assert resolved("They met last Tuesday.", "2025-03-11") == {"last Tuesday": "2025-03-04"}


def test_dates_weekday_in_future_tense_sentence_is_the_next_one() -> None:
    assert resolved("Talks will resume on Monday.", "2025-03-11") == {"on Monday": "2025-03-17"}
    assert resolved("The vote is scheduled to take place Friday.", "2025-03-11") == {"Friday": "2025-03-14"}
    assert resolved("They meet next Tuesday.", "2025-03-11") == {"next Tuesday": "2025-03-18"}


def test_dates_month_day_without_year_takes_nearest_year() -> None:
    assert resolved("It began on March 10.", "2025-03-13") == {"March 10": "2025-03-10"}
    assert resolved("It began on Dec. 28 and ended Jan 3.", "2025-01-05") == {
        "Dec. 28": "2024-12-28",
        "Jan 3": "2025-01-03",
    }
    assert resolve_month_day(11, 20, __import__("datetime").date(2025, 3, 1)).isoformat() == "2024-11-20"


def test_dates_month_alone_is_most_recent_not_after_publication_month() -> None:
    assert resolved("Assad fell in December.", "2025-03-11") == {"in December": "2024-12"}
    assert resolved("Violence rose in early March and mid-January.", "2025-03-13") == {
        "early March": "2025-03",
        "mid-January": "2025-01",
    }


def test_dates_absolute_forms_resolve_without_publication_date() -> None:
    text = "On March 10, 2025, 10 March 2024, 2025-03-10, 23/10/2024 and in March 2023."
    assert resolved(text, None) == {
        "March 10, 2025": "2025-03-10",
        "10 March 2024": "2024-03-10",
        "2025-03-10": "2025-03-10",
        "23/10/2024": "2024-10-23",
        "March 2023": "2023-03",
    }


def test_dates_ambiguous_slashed_date_is_not_guessed() -> None:
    assert resolved("Filed 03/10/2025.", "2025-03-11") == {}


def test_dates_relative_expressions_stay_unresolved_without_publication_date() -> None:
    mentions = find_dates("On Monday, two days ago, March 10 and last year; yesterday too.", None)
    assert len(mentions) == 5
    assert all(d.value is None for d in mentions)


def test_dates_relative_periods_and_ago() -> None:
    assert resolved("Last year, a week ago, two days ago and three months ago; this year.", "2025-03-11") == {
        "Last year": "2024",
        "a week ago": "2025-03-04",
        "two days ago": "2025-03-09",
        "three months ago": "2024-12",
        "this year": "2025",
    }
    assert resolved("Yesterday, today and tomorrow.", "2025-03-11") == {
        "Yesterday": "2025-03-10",
        "today": "2025-03-11",
        "tomorrow": "2025-03-12",
    }


def test_dates_modal_may_verb_march_and_names_are_not_dates() -> None:
    text = "Protesters may march again. March organisers said Theresa May spoke to the Sunday Times."
    assert find_dates(text, "2025-03-11") == []


def test_dates_year_number_that_is_a_count_is_not_a_year() -> None:
    assert resolved("About 2000 troops arrived in 2016.", "2025-03-11") == {"in 2016": "2016"}


def test_dates_time_of_day_takes_the_day_of_its_sentence() -> None:
    assert resolved("The tram derailed at 6.10am on Wednesday.", "2016-11-10") == {
        "at 6.10am": "2016-11-09",
        "on Wednesday": "2016-11-09",
    }
    # later than a known publication time: the evening before
    assert resolved("The shooting began shortly before 7 pm.", "2016-11-10 04:35:07") == {
        "shortly before 7 pm": "2016-11-09"
    }


def test_dates_weekday_resolution_rules() -> None:
    from datetime import date

    pub = date(2025, 3, 11)  # Tuesday
    assert resolve_weekday(1, pub, None, False) == date(2025, 3, 11)
    assert resolve_weekday(1, pub, "last", False) == date(2025, 3, 4)
    assert resolve_weekday(3, pub, "this", False) == date(2025, 3, 13)
    assert resolve_weekday(0, pub, None, True) == date(2025, 3, 17)


def test_dates_stage_uses_published_and_skips_other_languages() -> None:
    stage = DateStage()
    assert isinstance(stage, Stage)
    assert (stage.name, stage.requires, stage.provides) == ("dates", ("sentences",), ("dates",))
    article = Article(id="a", text="The Kremlin said Tuesday.", published="2025-03-11", outlet="X")
    out = stage(article)
    assert [(out.span_text((d.start, d.end)), d.value, d.granularity) for d in out.dates] == [
        ("Tuesday", "2025-03-11", "day")
    ]
    ru = stage(article.replace(language="ru"))
    assert ru.dates == ()
    assert ru.notes == ("dates: skipped, language 'ru' is not supported",)


def test_dates_long_article_finds_every_mention() -> None:
    para = (
        "On Monday, officials said that at least 20 people died in early March. The ministry will meet "
        "next Tuesday, the Kremlin said Tuesday, after talks on March 10 and in December 2024. "
    )
    filler = (
        "Russia has sought to strengthen ties with the new leaders of the country, as it hopes to hold on to "
        "its military bases, while rebel groups continued to fight government forces across the region. "
    )
    article = "\n\n".join([para + filler * 4] * 4)  # ~670 words, 24 date mentions
    assert len(find_dates(article, "2025-03-11")) == 24
    # speed is measured by bench/annotate.py, not asserted here (shared, noisy machines)



@pytest.mark.parametrize(
    "rx_name, text",
    [
        ("_MDY", "On Tue, March 22, 2016 and Sept. 3 and Mayor May 4 and xMarch 5"),
        ("_MONTH_ALONE", "In March, mid-March, early- March, midMarch, Bymid March, since\n\n  June, last May"),
        ("_WEEKDAY", "Late on Monday, late  on Tuesday, on Sunday Times, xon Friday, Saturday morning"),
    ],
)
def test_dates_candidate_scanning_equals_finditer(rx_name: str, text: str) -> None:
    from parallax.annotate import dates

    rx = getattr(dates, rx_name)
    if rx_name == "_MDY":
        starts = [m.start() for m in dates._MDY_START.finditer(text)]
    elif rx_name == "_MONTH_ALONE":
        cores = [m.start() for m in dates._MONTH_FULL_SCAN.finditer(text)]
        starts = dates._preceded(text, cores, 1, hyphen=True)
    else:
        cores = [m.start() for m in dates._WEEKDAY_FULL_SCAN.finditer(text)]
        starts = dates._preceded(text, cores, 2)
    expected = [m.span() for m in rx.finditer(text)]
    assert len(expected) >= 3
    assert [m.span() for m in dates._iter_at(rx, text, starts)] == expected


def test_dates_relative_periods_equal_finditer() -> None:
    from parallax.annotate import dates

    text = "Earlier this YEAR, later  this month, last week, past years, nextyear, İn this year"
    expected = [m.span() for m in dates._RELATIVE_PERIOD.finditer(text)]
    assert len(expected) >= 4
    assert [m.span() for m in dates._relative_periods(text)] == expected
    plain = text.replace("İn", "In")
    assert [m.span() for m in dates._relative_periods(plain)] == [
        m.span() for m in dates._RELATIVE_PERIOD.finditer(plain)
    ]


# --- tense is read per clause ----------------------------------------------------------------------


def test_dates_tense_is_read_per_clause_not_per_sentence() -> None:
    # 2025-03-14 is a Friday. The sentence has a "will", but the weekday belongs to "said".
    assert resolved("The minister said Wednesday that the talks will resume.", "2025-03-14") == {
        "Wednesday": "2025-03-12"
    }
    assert resolved("The mayor on Tuesday confirmed that the bridge will reopen.", "2025-03-14") == {
        "on Tuesday": "2025-03-11"
    }
    # the nearest cue before the mention decides, else the nearest after it
    assert resolved("Officials announced that the council will vote on Monday.", "2025-03-14") == {
        "on Monday": "2025-03-17"
    }
    assert resolved("On Monday, the council will vote again.", "2025-03-14") == {"On Monday": "2025-03-17"}
    # a participle after "be"/"remain" is not a past verb
    assert resolved("The depot will be reopened on Wednesday.", "2025-03-14") == {"on Wednesday": "2025-03-19"}
    assert resolved("The museum will remain closed on Wednesday.", "2025-03-14") == {"on Wednesday": "2025-03-19"}
    # a month: "told ... in May that it would ..." is a past May
    assert resolved("The company told investors in May that it would cut costs.", "2017-10-14") == {
        "in May": "2017-05"
    }


def test_dates_future_in_the_past_and_ahead_of_look_forward() -> None:
    # 2025-03-17 is a Monday
    assert resolved("Envoys said the council would probably meet Tuesday afternoon.", "2025-03-17") == {
        "Tuesday afternoon": "2025-03-18"
    }
    assert resolved("Both candidates campaigned hard ahead of Saturday's caucus.", "2025-03-13") == {
        "Saturday": "2025-03-15"
    }
    # "would have" and "would not say" are not future
    assert resolved("The minister would not say Tuesday whether the plant will close.", "2025-03-19") == {
        "Tuesday": "2025-03-18"
    }


def test_dates_month_day_in_a_future_clause_takes_the_next_occurrence() -> None:
    assert resolved("Importers will pay the new tariff from Dec. 1.", "2016-05-19") == {
        "Dec. 1": "2016-12-01"
    }
    # a date just past stays past even in a future clause
    assert resolved("The report, due on March 3, will be published late.", "2025-03-05") == {
        "March 3": "2025-03-03"
    }


def test_dates_since_a_month_day_is_not_after_publication() -> None:
    assert resolved("Police have logged 900 burglaries since January 1st.", "2016-09-29") == {
        "January 1st": "2016-01-01"
    }


def test_dates_range_start_is_the_latest_one_not_after_the_range_end() -> None:
    text = "The registry lists 41 outbreaks between January 1 and September 26."
    assert resolved(text, "2016-09-29") == {"January 1": "2016-01-01", "September 26": "2016-09-26"}
    assert resolved("Flights were cancelled from Dec. 28 to Jan. 3.", "2025-01-05") == {
        "Dec. 28": "2024-12-28",
        "Jan. 3": "2025-01-03",
    }


def test_dates_leading_weekday_picks_a_year_where_the_date_falls_on_it() -> None:
    # August 3 was a Monday in 2015 (not in 2017, 2018 or 2019)
    assert resolved("The band announced on Monday, August 3, that its tour was over.", "2018-02-06") == {
        "Monday, August 3": "2015-08-03"
    }
    assert resolved("The bid came on Monday, Nov. 6, after weeks of talks.", "2018-02-05") == {
        "Monday, Nov. 6": "2017-11-06"
    }


def test_dates_month_or_month_day_with_a_relative_year() -> None:
    text = "In May of last year the plan leaked; the club opened on June 12 last year and closes by March of next year."
    assert resolved(text, "2018-01-01") == {
        "In May of last year": "2017-05",
        "June 12 last year": "2017-06-12",
        "by March of next year": "2019-03",
    }
    assert resolved("The new board takes over on January 20 next year.", "2016-05-16") == {
        "January 20 next year": "2017-01-20"
    }


def test_dates_month_abbreviation_must_end_the_word_and_long_march_is_a_name() -> None:
    text = "On lap 14 Marcel spun. 30 Mars landers were built.\n10\nMariana won. The Long March 5 rocket is new."
    assert find_dates(text, "2016-11-13") == []


def test_dates_compound_large_and_decimal_numbers_before_ago() -> None:
    text = "Twenty-five years ago the wall fell; a decade ago, two decades ago. A star died 8,000 years ago, 2.5 years ago."
    assert resolved(text, "2016-11-08") == {
        "Twenty-five years ago": "1991",
        "a decade ago": "2006",
        "two decades ago": "1996",
    }


# --- times of day ----------------------------------------------------------------------------------


def test_dates_local_time_is_not_compared_with_the_publication_clock() -> None:
    # published 19:44 on the outlet's clock; 11:30pm on the event's clock may well be earlier
    assert resolved("Witnesses heard the explosion at around 11:30pm local time.", "2016-11-10 19:44:00") == {
        "at around 11:30pm local time": "2016-11-10"
    }
    # an unmarked past-tense time later than the publication time is still the evening before
    assert resolved("Witnesses heard the explosion at around 11:30pm.", "2016-11-10 19:44:00") == {
        "at around 11:30pm": "2016-11-09"
    }


def test_dates_time_in_a_future_or_tenseless_clause_stays_on_the_publication_day() -> None:
    assert resolved("The polls will close at 11pm.", "2016-11-08 10:00:00") == {"at 11pm": "2016-11-08"}
    assert resolved("The ferry runs from 1:30 p.m. to 4 p.m.", "2018-02-06 05:00:00") == {
        "from 1:30 p.m.": "2018-02-06",
        "4 p.m.": "2018-02-06",
    }


def test_dates_time_takes_the_day_it_is_attached_to() -> None:
    # 2016-02-08 is a Monday
    text = "The probe launched at 10 a.m. Sunday (8 p.m. ET Saturday), officials said."
    assert resolved(text, "2016-02-08") == {
        "at 10 a.m.": "2016-02-07",
        "Sunday": "2016-02-07",
        "8 p.m. ET": "2016-02-06",
        "Saturday": "2016-02-06",
    }


def test_dates_timestamp_line_and_since_date_do_not_give_a_time_its_day() -> None:
    blog = "The next contest is on March 1.\n\n8:42 p.m.\n\nThe mayor thanked volunteers."
    assert value_at(blog, "2016-02-20", "8:42 p.m.") == "2016-02-20"
    text = "The index dropped to 310 points at 06:15 UTC, its lowest since Nov. 13."
    assert value_at(text, "2018-02-06", "06:15") == "2018-02-06"


def test_dates_24_hour_clock_after_a_time_preposition() -> None:
    assert resolved("At 01:05 the referee ended the match.", "2016-11-03") == {"At 01:05": "2016-11-03"}
    # "10:25" could be on a 12-hour clock; a bare "14:30" could be a ratio
    assert resolved("The vigil ended about 10:25. The ratio was 14:30.", "2017-10-02") == {}


# --- phrases around a day ---------------------------------------------------------------------------


def test_dates_early_hours_and_eve_phrases_introduce_a_day() -> None:
    # 2016-11-03 is a Thursday
    assert resolved("The team won in the early hours of Thursday.", "2016-11-03") == {
        "in the early hours of Thursday": "2016-11-03"
    }
    assert resolved("He spoke on the eve of Tuesday's vote.", "2016-11-09") == {"on the eve of Tuesday": "2016-11-07"}


def test_dates_offset_needs_a_dated_anchor_right_after_it() -> None:
    # 2016-05-30 is a Monday
    assert resolved("A day before Saturday's final, the coach resigned.", "2016-05-30") == {
        "A day before Saturday": "2016-05-27"
    }
    assert resolved("Three days after March 10, the court ruled.", "2025-03-20") == {
        "Three days after March 10": "2025-03-13"
    }
    # no dated anchor: not resolved, not found
    assert find_dates("The ministry published the audit two days before the referendum.", "2016-11-06") == []


def test_dates_embedded_post_resolves_against_its_own_date() -> None:
    text = "Our new otter pup arrived today! https://t.co/abc — Harbor Aquarium (@HarborAquarium) April 9, 2019"
    assert resolved(text, "2019-04-11") == {"today": "2019-04-09", "April 9, 2019": "2019-04-09"}


def test_dates_possessive_weekday_is_a_date() -> None:
    # 2016-11-14 is a Monday
    assert resolved("She finished second in Sunday's Monaco race.", "2016-11-14") == {"Sunday": "2016-11-13"}
    assert resolved("He finished third in Sunday’s race.", "2016-11-14") == {"Sunday": "2016-11-13"}


def test_dates_programme_names_are_not_dates() -> None:
    text = "She said on Fox News Sunday that he had spoken to Breitbart News Saturday."
    assert find_dates(text, "2016-07-31") == []
    assert resolved("He said so on Fox News Tuesday night.", "2016-06-01") == {"Tuesday night": "2016-05-31"}
