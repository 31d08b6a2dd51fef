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


# --- credit, contribution and dateline lines; author bios ------------------------------------

CREDIT_LINES = [
    ("The Gazette's Jan Novak contributed to this report.", "credit line"),
    ("Anna Berg in Weston and Piotr Kowal in Gdansk contributed to this report.", "credit line"),
    ("Anna Berg contributed reporting.", "credit line"),
    ("Anna Berg contributed from Gdansk.", "credit line"),
    ("Berg reported from Weston.", "credit line"),
    ("Berg reported from Weston; Kowal, from Gdansk.", "credit line"),
    ("Contributing: Anna Berg and Piotr Kowal.", "credit line"),
    ("\u2014 With assistance by Anna Berg", "credit line"),
    ("Additional reporting from agencies", "credit line"),
    ("Story by Anna Berg", "credit line"),
    ("(h/t Coastal Wire.)", "credit line"),
    ("Information from: Weston Herald, http://weston-herald.example", "credit line"),
    ("Reuters - AP - AFP", "credit line"),
    ("ab/cd (AFP, dpa)", "credit line"),
    ("- Anna Berg.", "byline line"),
    ("Anna Berg is the Gazette's harbour correspondent and editor-at-large. Follow her on Twitter @annaberg.",
     "bio line"),
    ("Anna Berg is senior harbour editor at The Weston Herald.", "bio line"),
    ("Anna Berg, a marine engineer, is a member of the Gazette's Board of Contributors.", "bio line"),
    ("Anna Berg is an author and columnist. anna.berg@weston-herald.example", "bio line"),
]


@pytest.mark.parametrize(("line", "reason"), CREDIT_LINES)
def test_byline_credit_contribution_and_bio_lines_removed_at_end(line: str, reason: str) -> None:
    cleaned = clean_text("\n\n".join([*NEWS, line]))
    assert cleaned.text == "\n\n".join(NEWS)
    assert [(r.kind, r.text, r.reason) for r in cleaned.removed] == [("byline", line, reason)]


def test_byline_bio_at_the_top_removed_and_author_kept() -> None:
    bio = "Anna Berg is the Herald's digital correspondent covering family and work. Read her columns online."
    cleaned = clean_text("\n\n".join([bio, *NEWS]))
    assert cleaned.text == "\n\n".join(NEWS)
    assert cleaned.byline == "Anna Berg"


def test_byline_dateline_at_the_top_removed() -> None:
    line = "Weston Herald | Updated: 2024-03-08 09:53"
    cleaned = clean_text("\n\n".join([line, *NEWS]))
    assert cleaned.text == "\n\n".join(NEWS)
    assert [(r.kind, r.reason) for r in cleaned.removed] == [("byline", "dateline")]


@pytest.mark.parametrize(
    "line",
    [
        "Berg reported from the scene that the pier had collapsed.",
        "The volunteers contributed research that helped the coastguard find the yacht.",
        "Anna Berg was editor of the school magazine before she joined the coastguard.",
        "Anna Berg is a fisherman's daughter who grew up on the quay.",
        "Reuters and AP photographers were on the pier when it collapsed.",
        "Contributions to the lifeboat fund rose sharply after the storm.",
        "Story by story, the archive tells the history of the harbour.",
        "Information from the coastguard suggests the yacht sank quickly.",
        "- Order Reprints",
    ],
)
def test_byline_news_at_the_edges_with_credit_words_kept(line: str) -> None:
    found = parse_byline(line)
    assert found is None
    body = "\n\n".join([line, *NEWS, line])
    cleaned = clean_text(body)
    assert [r.kind for r in cleaned.removed if r.kind == "byline"] == []
    assert cleaned.byline is None


def test_byline_bracketed_wire_credit_is_removed_wherever_it_stands() -> None:
    from parallax.clean import clean_text

    body = "\n\n".join([
        "The harbour authority closed the northern pier on Friday after a storm damaged two cranes.",
        "Engineers expect repairs to take at least three weeks, the authority's director told reporters.",
        "(Reporting by Jan Novak; Editing by Dana Reyes)",
        "Shipping companies have diverted about 40 vessels to the southern terminal in the meantime.",
        "Ferry operators said timetables would change from Monday.",
        "The port handles about a fifth of the country's container traffic.",
        "Related: Storm closes three schools in Marlow",
    ])
    cleaned = clean_text(body)
    assert "Editing by" not in cleaned.text and "40 vessels" in cleaned.text
    assert any(r.kind == "byline" and "Reporting by" in r.text for r in cleaned.removed)


def test_byline_a_title_cased_headline_with_for_is_the_title_not_a_byline() -> None:
    headline = "Visa Program Up for Renewal Amid Allegations of Fraud"  # once read as "Name for Outlet"
    assert parse_byline(headline) is None and parse_byline(headline + ".") is None
    cleaned = clean_text("\n\n".join([headline, *NEWS]))
    assert (cleaned.title, cleaned.outlet, cleaned.byline) == (headline, None, None)
    assert cleaned.text == "\n\n".join(NEWS)
    with_period = clean_text("\n\n".join([headline + ".", *NEWS]))  # not a headline: kept as text
    assert (with_period.outlet, with_period.removed) == (None, ())
