"""Plain text into paragraphs and a headline off the first line."""

from __future__ import annotations

import pytest

from parallax.clean import clean_text
from parallax.clean.paragraphs import looks_like_headline, split_paragraphs, split_title

WRAPPED = (
    "The harbour authority closed the northern pier on Friday after a\n"
    "storm damaged two of its cranes, leaving dozens of ships waiting\n"
    "offshore for the weather to clear.\n"
    "\n"
    "Engineers expect repairs to take at least three weeks, the port's\n"
    "director told reporters.\n"
)


def test_paragraphs_hard_wrapped_lines_joined() -> None:
    paras = split_paragraphs(WRAPPED)
    assert [p.text for p in paras] == [
        (
            "The harbour authority closed the northern pier on Friday after a storm damaged two of its cranes, "
            "leaving dozens of ships waiting offshore for the weather to clear."
        ),
        "Engineers expect repairs to take at least three weeks, the port's director told reporters.",
    ]
    assert paras[1].offset == WRAPPED.index("Engineers")
    assert WRAPPED[paras[0].offset : paras[0].end].endswith("clear.")


def test_paragraphs_one_per_line_without_blank_lines() -> None:
    text = "First paragraph is here.\nSecond one follows.\nThird."
    assert [p.text for p in split_paragraphs(text)] == [
        "First paragraph is here.",
        "Second one follows.",
        "Third.",
    ]


def test_paragraphs_long_lines_in_a_block_stay_separate() -> None:
    long1, long2 = "A" * 150 + ".", "B" * 180 + "."
    assert [p.text for p in split_paragraphs(f"{long1}\n{long2}\n\n{long1}")] == [long1, long2, long1]


def test_paragraphs_windows_newlines_normalised() -> None:
    assert clean_text("One line here.\r\n\r\nAnother line.").text == "One line here.\n\nAnother line."


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Putin Dispatches Letter to Newly Formed Syrian Government", True),
        ("Is the harbour safe?", True),
        ("Russia is in contact with other countries, the Kremlin said Tuesday.", False),
        ("the pier closed", False),
        ("Storm closes the pier and more...", False),
        ("A Message from the Gazette:", False),
        (" ".join(["word"] * 25).capitalize(), False),
    ],
)
def test_paragraphs_headline_shape(line: str, expected: bool) -> None:
    assert looks_like_headline(line) is expected


def test_paragraphs_title_taken_only_when_text_follows() -> None:
    assert split_title("Harbour Pier Closed\nThe pier closed on Friday.") == ("Harbour Pier Closed", 20)
    assert split_title("Harbour Pier Closed") == (None, 0)
    assert split_title("The pier closed on Friday.\nMore text.") == (None, 0)


def test_paragraphs_byline_first_line_is_not_a_title() -> None:
    cleaned = clean_text("By Jane Doe\nThe pier closed on Friday after the storm.\nRepairs will take weeks.")
    assert cleaned.title is None
    assert cleaned.byline == "Jane Doe"
    assert cleaned.text == "The pier closed on Friday after the storm.\n\nRepairs will take weeks."


def test_paragraphs_given_title_repeated_in_body_removed() -> None:
    cleaned = clean_text("Pier Closed\n\nThe pier closed on Friday.", title="Pier closed")
    assert cleaned.text == "The pier closed on Friday."
    assert cleaned.title == "Pier closed"
    assert [r.kind for r in cleaned.removed] == ["other"]


def test_paragraphs_characters_kept_verbatim() -> None:
    text = "\u201cWe are ready,\u201d he said \u2014 in Syria\u2019s capital.\n\nN\u00e4chste Zeile: \u00bbja\u00ab."
    assert clean_text(text).text == text
