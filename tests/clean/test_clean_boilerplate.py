"""Appeals and prompts are removed; news paragraphs that mention the same words stay."""

from __future__ import annotations

import pytest

from parallax.clean import clean_text
from parallax.clean.boilerplate import is_asking, is_closing_prompt, prompt_reason

NEWS = [
    "The harbour authority closed the northern pier on Friday after a storm damaged two cranes.",
    "Engineers expect repairs to take at least three weeks, the authority's director told reporters.",
    "Shipping companies have diverted about 40 vessels to the southern terminal in the meantime.",
]


def _body(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(r.kind, r.text) for r in clean_text(text).removed]


def test_boilerplate_appeal_block_between_header_and_closing_prompt_removed() -> None:
    appeal = [
        "A note from the Harbour Gazette:",
        "Dear readers,",
        (
            "The city council has voted to cut our printing subsidy, and the port authority has banned our "
            "reporters from its press briefings."
        ),
        "We will keep reporting. But we cannot do it without you.",
        "Remind me later.",
    ]
    body = _body(*NEWS, *appeal)
    cleaned = clean_text(body)
    assert cleaned.text == _body(*NEWS)
    appeals = [r for r in cleaned.removed if r.kind == "appeal"]
    assert len(appeals) == 1
    assert appeals[0].text.startswith("A note from the Harbour Gazette:")
    assert appeals[0].text.endswith("Remind me later.")
    assert appeals[0].offset == body.index("A note from")


@pytest.mark.parametrize("closing", ["Maybe later", "Not now.", "Donate now", "Support us | Maybe later"])
def test_boilerplate_appeal_closing_prompts_recognised(closing: str) -> None:
    body = _body(
        *NEWS, "Before you go", "Independent reporting costs money. Please consider a gift.", closing
    )
    assert clean_text(body).text == _body(*NEWS)


def test_boilerplate_appeal_header_without_closing_takes_asking_tail() -> None:
    body = _body(
        *NEWS,
        "Support independent journalism",
        "If you value our reporting, please donate today. Every contribution helps us stay free for everyone.",
    )
    cleaned = clean_text(body)
    assert cleaned.text == _body(*NEWS)
    assert [r.kind for r in cleaned.removed] == ["appeal"]


def test_boilerplate_appeal_tail_run_without_header_removed() -> None:
    body = _body(
        *NEWS,
        "We rely on readers like you. Please support us with a monthly donation of any size.",
        "Your contribution keeps our newsroom open. Subscribe today and help us keep going.",
    )
    cleaned = clean_text(body)
    assert cleaned.text == _body(*NEWS)
    assert [r.kind for r in cleaned.removed] == ["appeal"]


@pytest.mark.parametrize(
    "paragraph",
    [
        "The charity said donations had fallen by half since January.",
        "As a young reporter, readers were urged to subscribe by the paper's founder in 1990, he recalled.",
        "\u201cWe need your support now more than ever,\u201d the mayor told volunteers, urging residents to donate.",
        "We must support the harbour workers, and our council must fund their pensions.",
    ],
)
def test_boilerplate_news_mentioning_donations_kept(paragraph: str) -> None:
    body = _body(*NEWS, paragraph)
    cleaned = clean_text(body)
    assert cleaned.text == body
    assert cleaned.removed == ()


@pytest.mark.parametrize(
    ("paragraph", "reason"),
    [
        ("Share this article", "share widget"),
        ("Share on Facebook Twitter Email", "share widget"),
        ("Facebook Twitter WhatsApp Email", "share widget"),
        ("Read more: Port strike enters its second week", "read-more link"),
        ("Related: How the storm unfolded", "related link"),
        ("Advertisement", "advertisement"),
        ("Follow us on Telegram and X", "follow-us prompt"),
        ("Click here to get the app", "click-here prompt"),
        ("Sign up for our morning newsletter", "newsletter sign-up"),
        (
            "We use cookies to give you the best experience. By continuing you agree to our policy.",
            "cookie notice",
        ),
        ("All rights reserved.", "copyright line"),
        ("\u00a9 2025 Harbour Gazette", "copyright line"),
    ],
)
def test_boilerplate_prompts_removed(paragraph: str, reason: str) -> None:
    assert prompt_reason(paragraph) == reason
    body = _body(NEWS[0], paragraph, NEWS[1])
    cleaned = clean_text(body)
    assert cleaned.text == _body(NEWS[0], NEWS[1])
    assert [(r.kind, r.text, r.reason) for r in cleaned.removed] == [("prompt", paragraph, reason)]
    assert cleaned.removed[0].offset == body.index(paragraph)


@pytest.mark.parametrize(
    "paragraph",
    [
        (
            "The regulator said on Monday that websites which use cookies to track visitors must ask for consent "
            "first, and that a newsletter sign-up may not be made a condition of reading an article."
        ),
        "Read more than 300 pages of the report and you find that the harbour authority knew of the cracks.",
        "Advertisement spending by the port fell by a third last year, its accounts show.",
        "Click here, click there: the new ticket machines confused many passengers, the operator admitted.",
        (
            "Copyright lawyers for the shipping firm said they would appeal the ruling, which they called "
            "unprecedented, and asked for the case to be heard again by a full panel of judges next year."
        ),
    ],
)
def test_boilerplate_news_mentioning_prompt_words_kept(paragraph: str) -> None:
    body = _body(NEWS[0], paragraph, NEWS[1])
    assert clean_text(body).text == body


def test_boilerplate_closing_prompt_alone_in_story_kept() -> None:
    body = _body(NEWS[0], "Continue", NEWS[1], NEWS[2])
    assert clean_text(body).text == body
    assert is_closing_prompt("Remind me later.")
    assert not is_closing_prompt("Remind me later, she said.")


def test_boilerplate_is_asking_needs_person_and_ask() -> None:
    assert is_asking("Please support us: your donation keeps our reporters in the field.")
    assert not is_asking("Donations to the fund rose sharply in March.")
    assert not is_asking("We met the minister, who said our questions were fair.")
