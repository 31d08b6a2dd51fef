"""Truncated teasers and repeated paragraphs: the copy goes, the full text stays."""

from __future__ import annotations

from parallax.clean import clean_text
from parallax.clean.teasers import find_repeats

LEAD = "The mayor opened the new bridge on Monday, officials said."
FULL = "Traffic on the old crossing had doubled since 2020, according to the city's transport office."


def test_teasers_fragment_at_end_of_lead_removed_once() -> None:
    body = f"{LEAD} Traffic on the old crossing\u2026\n\n{FULL}"
    cleaned = clean_text(body)
    assert cleaned.text == f"{LEAD}\n\n{FULL}"
    assert cleaned.text.count("Traffic on the old crossing") == 1
    (teaser,) = cleaned.removed
    assert (teaser.kind, teaser.text) == ("teaser", "Traffic on the old crossing\u2026")
    assert teaser.offset == body.index("Traffic on the old crossing\u2026")


def test_teasers_fragment_repeated_by_earlier_paragraph_removed() -> None:
    body = f"{FULL}\n\n{LEAD} Traffic on the old crossing had doubled..."
    assert clean_text(body).text == f"{FULL}\n\n{LEAD}"


def test_teasers_ellipsis_without_full_copy_kept() -> None:
    body = f"{LEAD} And then the lights went out...\n\n{FULL}"
    cleaned = clean_text(body)
    assert cleaned.text == body
    assert cleaned.removed == ()


def test_teasers_whole_paragraph_truncated_copy_removed() -> None:
    body = f"{LEAD}\n\nTraffic on the old crossing had doubled since...\n\n{FULL}"
    cleaned = clean_text(body)
    assert cleaned.text == f"{LEAD}\n\n{FULL}"
    assert [r.kind for r in cleaned.removed] == ["teaser"]
    assert cleaned.removed[0].reason == "truncated copy of a later paragraph"


def test_teasers_exact_duplicate_paragraph_removed_as_other() -> None:
    repeated = (
        "The bridge cost 40 million euros, twice the first estimate, and took four years longer to build "
        "than the council promised."
    )
    body = f"{LEAD}\n\n{repeated}\n\n{FULL}\n\n{repeated}"
    cleaned = clean_text(body)
    assert cleaned.text == f"{LEAD}\n\n{repeated}\n\n{FULL}"
    (dup,) = cleaned.removed
    assert (dup.kind, dup.reason, dup.offset) == ("other", "repeated paragraph", body.rindex(repeated))


def test_teasers_repeated_list_items_and_questions_kept() -> None:
    texts = ["- 1 cup rice", "What did you eat today?", "- 1 cup rice", "What did you eat today?"]
    assert find_repeats(texts) == []
