"""Number finding and parsing: the quantities the claims stage reads, and the numbers it must not."""

from __future__ import annotations

import pytest

from parallax.annotate.numbers import NumberMention, find_numbers, parse_number, parse_number_words


def _found(text: str) -> list[tuple[str, float, float | None, str | None]]:
    return [(text[m.start : m.end], m.value, m.upper, m.unit) for m in find_numbers(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,068", 1068),
        ("3.5", 3.5),
        (".5", 0.5),
        ("1.5 million", 1_500_000),
        ("2 billion", 2e9),
        ("10k", 10_000),
        ("twenty-five", 25),
        ("a dozen", 12),
        ("three hundred and two", 302),
        ("two million", 2e6),
        ("one thousand five hundred", 1500),
    ],
)
def test_numbers_parse_number_reads_digits_scales_and_words(text: str, value: float) -> None:
    assert parse_number(text) == value


def test_numbers_parse_number_words_rejects_non_numbers() -> None:
    assert parse_number_words("several") is None
    assert parse_number("") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("killed at least 1,068 civilians", ("1,068", 1068, None, None)),
        ("some 1.5 million people", ("1.5 million", 1_500_000, None, None)),
        ("a rise of 12% in prices", ("12%", 12, None, "%")),
        ("a rise of 12 percent", ("12 percent", 12, None, "%")),
        ("a rise of 12 per cent", ("12 per cent", 12, None, "%")),
        ("up 2.5 percentage points", ("2.5 percentage points", 2.5, None, "percentage points")),
        ("pledged $2 million in aid", ("$2 million", 2_000_000, None, "USD")),
        ("a €3bn loan", ("€3bn", 3e9, None, "EUR")),
        ("cost 40 million euros", ("40 million euros", 40e6, None, "EUR")),
        ("a fine of 5 million roubles", ("5 million roubles", 5e6, None, "RUB")),
        ("USD 5 million in reserves", ("USD 5 million", 5e6, None, "USD")),
        ("between 10 and 20 people", ("10 and 20", 10, 20, None)),
        ("10-20 people", ("10-20", 10, 20, None)),
        ("10–20 people", ("10–20", 10, 20, None)),
        ("10 to 20 million people", ("10 to 20 million", 10e6, 20e6, None)),
        ("$1-2 million", ("$1-2 million", 1e6, 2e6, "USD")),
        ("10-15% of voters", ("10-15%", 10, 15, "%")),
        ("two or three days", ("two or three", 2, 3, None)),
        ("Nine people died", ("Nine", 9, None, None)),
    ],
)
def test_numbers_find_numbers_reads_quantities(text: str, expected: tuple) -> None:
    assert _found(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The meeting on March 10 ended.",
        "The meeting on 10 March ended.",
        "Talks began at 10:30 and ended at 5 p.m.",
        "The summit of the G7 discussed COVID-19.",
        "It bought an F-16 and a Boeing 737 from the firm.",
        "The council passed Resolution 2254 unanimously.",
        "He was the No. 2 official in the ministry.",
        "It was the 13th time, the third in a row.",
        "A 13-year-old boy and a 5,000-strong force.",
        "A man aged 45 and a woman 30 years old.",
        "Call +1 202-555-0143 or (202) 555-0143 for details.",
        "One of the men left; no one stayed.",
        "Dozens were hurt and hundreds of others fled; thousands more marched.",
        "Two-thirds of the buildings stood.",
        "About two thirds of the bill and three quarters of the cost.",
        "The 5G network covers the 1990s estates.",
        "The team won 3-1 in the 2019-20 season.",
        "Install version 1.2.3 of the tool.",
        "They worked 24/7 after 9/11.",
        "Read article 5 and paragraph 3 of the treaty, flight 17's report.",
    ],
)
def test_numbers_find_numbers_skips_labels_dates_times_codes(text: str) -> None:
    assert _found(text) == []


def test_numbers_find_numbers_flags_years_for_the_caller() -> None:
    found = find_numbers("In 2024, 2000 troops left; 1,999 stayed.")
    assert [(m.value, m.year_like) for m in found] == [(2024, True), (2000, True), (1999, False)]


def test_numbers_find_numbers_keeps_spans_inside_the_given_range() -> None:
    text = "First 5 apples. Then 7 pears."
    found = find_numbers(text, start=16)
    assert found == [NumberMention(start=21, end=22, value=7.0)]


def test_numbers_from_to_is_not_a_range() -> None:
    assert [m.value for m in find_numbers("it rose from 10 to 20 percent")] == [10, 20]


@pytest.mark.parametrize(
    "text",
    [
        "Twenty-one people, someone said, and ONE more; x1two _two Two_ fourteen four",
        "thouſand ſix and dotless ı: the regex path",
        "İstanbul said one two",  # lower-casing changes the length
        "one",
        "",
    ],
)
def test_numbers_hints_equal_the_hint_regex(text: str) -> None:
    from parallax.annotate.numbers import NUMBER_HINT_RE, number_hints

    assert number_hints(text) == [m.start() for m in NUMBER_HINT_RE.finditer(text)]
