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
    assert cleaned.outlet == "Harbour Gazette"  # the appeal names the outlet it asks for


@pytest.mark.parametrize(
    ("header", "ask", "outlet"),
    [
        ("A Message from The Moscow Times:", "Your support makes a difference to us.", "The Moscow Times"),
        ("Dear readers,", "By supporting The Weston Courier, you keep our reporters in the field.",
         "The Weston Courier"),
        ("A message from our editor:", "Please support us: every gift helps our reporters.", None),
        ("Dear readers,", "By supporting independent journalism, you keep our reporters going.", None),
    ],
)  # fmt: skip
def test_boilerplate_appeal_names_the_outlet_only_when_it_says_it_plainly(
    header: str, ask: str, outlet: str | None
) -> None:
    cleaned = clean_text(_body(*NEWS, header, ask, "Remind me later."))
    assert cleaned.text == _body(*NEWS)
    assert cleaned.outlet == outlet


def test_boilerplate_outlet_given_or_in_a_byline_wins_over_the_appeal() -> None:
    body = _body(*NEWS, "Aarav Patel for TROIB News", "A Message from The Moscow Times:", "Dear readers,",
                 "Your support makes a difference to us.", "Remind me later.")  # fmt: skip
    assert clean_text(body).outlet == "TROIB News"
    assert clean_text(body, outlet="Other Wire").outlet == "Other Wire"


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


# --- captions, players and photo galleries left by generic extractors ------------------------

GALLERY_LINES = [
    "Harbour news in pictures",
    "3 show all Harbour news in pictures",
    "1/3 12 May 2024 A ferry leaves the southern terminal at dawn Harbour Photo Agency",
    "2/3 11 May 2024 Dock workers repair a crane damaged in the storm Jan Novak/HPA",
    "3/3 10 May 2024 Residents watch the waves from the sea wall Getty Images",
]


def test_boilerplate_photo_gallery_lines_removed_as_one_block() -> None:
    cleaned = clean_text(_body(NEWS[0], *GALLERY_LINES, NEWS[1]))
    assert cleaned.text == _body(NEWS[0], NEWS[1])
    galleries = [r for r in cleaned.removed if r.reason == "photo gallery"]
    assert len(galleries) == 1 and galleries[0].kind == "other"
    assert galleries[0].text.startswith("Harbour news in pictures") and galleries[0].text.endswith("Getty Images")


def test_boilerplate_inline_photo_gallery_paragraph_removed() -> None:
    gallery = ("Pier storm 3 show all Pier storm 1/3 Waves break over the northern pier Jan Novak/HPA "
               "2/3 A crane lies on its side Getty Images 3/3 The terminal was closed on Friday HPA")
    cleaned = clean_text(_body(NEWS[0], gallery, NEWS[1]))
    assert cleaned.text == _body(NEWS[0], NEWS[1])
    assert [r.reason for r in cleaned.removed] == ["photo gallery"]


def test_boilerplate_one_slashed_number_line_is_not_a_gallery() -> None:
    line = "9/11 changed how the port authority screens cargo, its director said in a speech on Friday."
    assert clean_text(_body(NEWS[0], line, NEWS[1])).text == _body(NEWS[0], line, NEWS[1])


@pytest.mark.parametrize(
    "caption",
    [
        "Media playback is unsupported on your device Media caption The pier collapsed shortly after 06:00 GMT",
        "Image copyright Getty Images Image caption Two cranes were damaged in the storm",
        "Enlarge this image toggle caption Jan Novak/AFP/Getty Images Jan Novak/AFP/Getty Images",
        "Photos: Storm hits the harbour Waves break over the northern pier. Hide Caption 3 of 12",
        "SWNS • PA Dock workers repair a crane damaged in the storm",
        "Photo",
        "Reuters",
    ],
)
def test_boilerplate_picture_and_video_captions_removed(caption: str) -> None:
    cleaned = clean_text(_body(NEWS[0], caption, NEWS[1]))
    assert cleaned.text == _body(NEWS[0], NEWS[1])
    assert [r.kind for r in cleaned.removed] == ["other"]


@pytest.mark.parametrize(
    "prompt",
    [
        "Advertisement Continue reading the main story",
        "Read more",
        "Scroll down for video",
        "Read or Share this story: https://harbour.example/2024/05/storm",
        "___",
        "For more harbour coverage: https://harbour.example/news",
        "We pay for your stories! Do you have a story for the Harbour Gazette news team? Email us.",
    ],
)
def test_boilerplate_more_widget_lines_are_prompts(prompt: str) -> None:
    assert prompt_reason(prompt) is not None


@pytest.mark.parametrize(
    "news",
    [
        "Video of the pier collapsing was shared widely on Friday, the harbour authority said.",
        "Photo agencies were barred from the terminal for three days after the storm.",
        "Read more about the council vote in the minutes published on Friday, the mayor said.",
        "Image copyright lawyers for the photographer said the agency had used the picture without permission, "
        "and that they would ask the court in Marlow to order damages for every day it stayed online.",
    ],
)
def test_boilerplate_news_sentences_about_pictures_stay(news: str) -> None:
    assert clean_text(_body(NEWS[0], news, NEWS[1])).text == _body(NEWS[0], news, NEWS[1])
