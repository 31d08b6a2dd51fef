"""Sentence splitting: offsets, abbreviations, initials, numbers, quotes, paragraphs."""

from __future__ import annotations


import pytest

from parallax.annotate.sentences import SentenceStage, split_sentences
from parallax.model import Article
from parallax.pipeline import Stage


def texts(text: str) -> list[str]:
    return [s.text(text) for s in split_sentences(text)]


def test_sentences_split_on_terminal_punctuation() -> None:
    assert texts("Troops left. Did they return? No! They stayed.") == [
        "Troops left.",
        "Did they return?",
        "No!",
        "They stayed.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Smith met Mrs. Jones and Dr. Brown in St. Petersburg.",
        "Gen. Lee and Lt. Col. Ward briefed Sen. Ford, Rep. Kim and Gov. Ruiz.",
        "The U.S. and the U.N. Security Council disagreed.",
        "Acme Inc. Chairman Jo Li and Widget Co. Ltd. Director Al Ng spoke.",
        "Prices rose, e.g. Fuel, and fell, i.e. Bread, vs. Last year etc. and so on.",
        "George W. Bush praised J.K. Rowling at the event.",
        "The budget is $1.2 billion, up 3.5 percent.",
        "He wore No. 5 until Jan. 6 and left on Feb. 10 for good.",
        "He said he would wait... and then he left.",
        "“Is it over?” she asked.",
    ],
)
def test_sentences_do_not_split_inside_abbreviations_initials_numbers(text: str) -> None:
    assert texts(text) == [text]


def test_sentences_split_after_sentence_final_abbreviation_before_an_opener() -> None:
    assert texts("He moved to the U.S. The move was costly.") == [
        "He moved to the U.S.",
        "The move was costly.",
    ]
    assert texts("She works for Acme Inc. But she wants to leave.") == [
        "She works for Acme Inc.",
        "But she wants to leave.",
    ]


def test_sentences_closing_quote_belongs_to_the_sentence_it_ends() -> None:
    text = 'He said: "It is over." Then he left. She wrote “We won.” Nobody replied.'
    assert texts(text) == ['He said: "It is over."', "Then he left.", "She wrote “We won.”", "Nobody replied."]


def test_sentences_multi_sentence_quote_is_split_and_closing_mark_attaches_to_last() -> None:
    text = "“We are ready. We are in contact,” the spokesman said. Talks continue."
    assert texts(text) == ["“We are ready.", "We are in contact,” the spokesman said.", "Talks continue."]


def test_sentences_ellipsis_ends_a_sentence_before_a_capital() -> None:
    assert texts("The talks follow... Officials declined. Wait… Nothing.") == [
        "The talks follow...",
        "Officials declined.",
        "Wait…",
        "Nothing.",
    ]


def test_sentences_never_cross_line_or_paragraph_breaks() -> None:
    text = "A headline without a stop\nFirst line. Second sentence\n\nNew paragraph. Done."
    assert texts(text) == [
        "A headline without a stop",
        "First line.",
        "Second sentence",
        "New paragraph.",
        "Done.",
    ]


def test_sentences_spans_exclude_surrounding_whitespace_and_are_ordered() -> None:
    text = "  \t First one.   Second one.  \n\n   Third.  \r\n "
    spans = split_sentences(text)
    assert [s.text(text) for s in spans] == ["First one.", "Second one.", "Third."]
    for a, b in zip(spans, spans[1:]):
        assert a.end <= b.start
    for s in spans:
        assert not text[s.start].isspace() and not text[s.end - 1].isspace()


def test_sentences_empty_and_blank_text_give_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n \t") == []


def test_sentences_list_marker_at_line_start_is_not_a_sentence() -> None:
    assert texts("1. The first point stands.") == ["1. The first point stands."]


def test_sentences_stage_sets_spans_and_satisfies_protocol() -> None:
    stage = SentenceStage()
    assert isinstance(stage, Stage)
    assert (stage.name, stage.requires, stage.provides) == ("sentences", ("text",), ("sentences",))
    article = Article(id="a", text="One. Two.", published="2025-03-11", outlet="X")
    out = stage(article)
    assert [out.span_text(s) for s in out.sentences] == ["One.", "Two."]
    assert out.text == article.text


def test_sentences_long_article_splits_at_every_sentence_not_at_abbreviations() -> None:
    # speed is measured by bench/annotate.py, not asserted here (shared, noisy machines)
    sentence = "Kremlin spokesman Dmitry Peskov told reporters on Tuesday that Moscow wants talks, the U.S. said. "
    article = (sentence * 6 + "\n\n") * 6  # ~36 sentences, ~600 words
    assert len(split_sentences(article)) == 36
