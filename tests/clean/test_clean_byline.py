"""Bylines and credit lines at the edges of the body become metadata."""

from __future__ import annotations

import pytest

from parallax.clean import clean_text
from parallax.clean.byline import is_name, parse_byline

NEWS = [
    "Rescue teams reached the flooded village of Weston late on Saturday, the fire service said.",
    "About 200 residents spent the night in the school gym, which the council turned into a shelter.",
]


@pytest.mark.parametrize(
    ("line", "author", "outlet"),
    [
        ("Aarav Patel for TROIB News", "Aarav Patel", "TROIB News"),
        ("By Jane Doe", "Jane Doe", None),
        ("BY JANE DOE", "JANE DOE", None),
        ("By Jane Doe and John Roe, Reuters", "Jane Doe and John Roe", "Reuters"),
        ("Jane Doe | The Daily X", "Jane Doe", "The Daily X"),
        ("By Omar al-Hassan", "Omar al-Hassan", None),
        ("By Pieter van der Berg", "Pieter van der Berg", None),
        ("By Siobhan O'Neill", "Siobhan O'Neill", None),
    ],
)
def test_byline_lines_parsed(line: str, author: str, outlet: str | None) -> None:
    found = parse_byline(line)
    assert found is not None
    assert (found.author, found.outlet) == (author, outlet)


@pytest.mark.parametrize(
    "line",
    [
        "Reporting by Jane Doe; Editing by John Roe",
        "(Reporting by Jane Doe in Kyiv; additional reporting by John Roe)",
        "Photo: Jane Doe/Agency",
        "Jane Doe is a senior correspondent at the Daily X.",
    ],
)
def test_byline_credit_lines_removed_at_end(line: str) -> None:
    body = "\n\n".join([*NEWS, line])
    cleaned = clean_text(body)
    assert cleaned.text == "\n\n".join(NEWS)
    assert [(r.kind, r.text) for r in cleaned.removed] == [("byline", line)]


def test_byline_at_start_and_end_sets_byline_and_outlet() -> None:
    cleaned = clean_text("\n\n".join(["By Jane Doe and John Roe, Reuters", *NEWS, "Photo: Agency/John Roe"]))
    assert cleaned.text == "\n\n".join(NEWS)
    assert cleaned.byline == "Jane Doe and John Roe"
    assert cleaned.outlet == "Reuters"


def test_byline_outlet_given_wins_over_byline_outlet() -> None:
    cleaned = clean_text("\n\n".join([*NEWS, "Aarav Patel for TROIB News"]), outlet="Other Wire")
    assert (cleaned.byline, cleaned.outlet) == ("Aarav Patel", "Other Wire")


@pytest.mark.parametrize(
    "line",
    [
        "Putin for his part denied it.",
        "Residents for years have asked for a flood wall.",
        "The Red Cross for its part sent blankets.",
        "By Monday the water had receded.",
        "Jane Doe said she would stay with her sister.",
    ],
)
def test_byline_news_sentences_with_for_or_by_kept(line: str) -> None:
    assert parse_byline(line) is None
    body = "\n\n".join([line, *NEWS, line])
    cleaned = clean_text(body)
    assert cleaned.text == body
    assert cleaned.byline is None


def test_byline_in_middle_of_story_kept() -> None:
    body = "\n\n".join([NEWS[0], NEWS[1], "By Jane Doe", NEWS[0] + " More follows.", NEWS[1] + " Indeed."])
    assert "By Jane Doe" in clean_text(body).text


def test_byline_names_need_two_to_four_capitalised_tokens() -> None:
    assert is_name("Bashar al-Assad")
    assert is_name("Ludwig van Beethoven")
    assert not is_name("Putin")
    assert not is_name("The Kremlin")
    assert not is_name("Jane Mary Ann Lee Doe Smith")
