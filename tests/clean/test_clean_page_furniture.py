"""Page furniture that generic extractors leave in article text is removed; news using the same words stays.

Every case here is invented text modelled on what real pages carry: notices at the foot of a page,
follow and contact lines, newsletter widgets, links to other stories, picture captions and credits,
graphics flattened to text, database labels. Each rule has a removal case and a news paragraph that
uses its words and must stay.
"""

from __future__ import annotations

import pytest

from parallax.clean import clean_text
from parallax.clean.boilerplate import caption_reason, prompt_reason

NEWS = [
    "The harbour authority closed the northern pier on Friday after a storm damaged two cranes.",
    "Engineers expect repairs to take at least three weeks, the authority's director told reporters.",
    "Shipping companies have diverted about 40 vessels to the southern terminal in the meantime.",
]


def _body(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


def _removed_in_middle(paragraph: str) -> list[tuple[str, str, str]]:
    body = _body(NEWS[0], paragraph, NEWS[1])
    cleaned = clean_text(body)
    assert cleaned.text == _body(NEWS[0], NEWS[1])
    return [(r.kind, r.text, r.reason) for r in cleaned.removed]


def _stays(paragraph: str) -> None:
    body = _body(NEWS[0], paragraph, NEWS[1])
    cleaned = clean_text(body)
    assert cleaned.text == body, [(r.kind, r.reason) for r in cleaned.removed]


# --- notices and widgets: one paragraph each, kind prompt ---------------------------------------

PROMPTS = [
    (
        "Harbour Radio transcripts are created on a rush deadline by Quickscribe Ltd. This text may not "
        "be in its final form and may be updated or revised in the future.",
        "transcript notice",
    ),
    (
        "Copyright 2001 - 2024. All rights reserved. The content (including text, photographs and video) "
        "published on this site belongs to Harbour Gazette Media and may not be republished without "
        "written permission.",
        "copyright notice",
    ),
    ("Registration Number: 4471093", "site licence footer"),
    (
        "Order Reprints | Today's Paper | Subscribe A version of this article appears in print on Page A "
        "9 with the headline: Storm Closes Pier",
        "print-edition notice",
    ),
    ("(Harbour Gazette 03/11/2024 page5)", "print-edition notice"),
    ("This article originally appeared on Coastal Wire.", "syndication notice"),
    (
        "Disclaimer: The views expressed by our guest writers are their own and not those of the Gazette.",
        "disclaimer",
    ),
    (
        "External links are provided for reference purposes. The Gazette is not responsible for the "
        "content of external Internet sites.",
        "external-links notice",
    ),
    ("This story has been updated with a statement from the ferry operator.", "update notice"),
    ("This is a developing story and will be updated.", "update notice"),
    ("Updated at 4:15 p.m. ET Friday", "update notice"),
    (
        "Correction: An earlier version of this article misstated the length of the northern pier. It is "
        "310 metres long.",
        "correction notice",
    ),
    (
        "Editor's note: The Gazette's coverage of the port authority is independent of the authority's "
        "sponsorship of our sailing supplement.",
        "editor's note",
    ),
    ("Follow Jan Novak on Twitter: @jannovak_hg", "follow prompt"),
    ("Follow @HarbourGazette", "follow prompt"),
    ("Email: jan.novak@harbour-gazette.example; Follow our port reporter on Twitter", "contact line"),
    ("Jan Novak can be reached at jan.novak@harbour-gazette.example.", "contact line"),
    ("Feedback? What should we cover next? Email us at desk@harbour-gazette.example.", "contact line"),
    ("Check us out on Facebook:", "follow-us prompt"),
    ("Craving more harbour news? Like us on Facebook or follow us on Twitter.", "follow-us prompt"),
    ("Like Harbour Gazette Business on Facebook and stay updated on shipping news", "follow-us prompt"),
    ("Do you support the new sea wall? Like the page:", "follow-us prompt"),
    (
        "Chat with us in Facebook Messenger. Find out what's happening on the coast as it unfolds.",
        "follow-us prompt",
    ),
    (
        "Newsletter Sign Up Continue reading the main story Please verify you're not a robot by clicking "
        "the box. Invalid email address. Please re-enter.",
        "newsletter widget",
    ),
    ("Port News Email Enter your email address Please enter an email address Email address is invalid",
     "newsletter widget"),
    ("Sign up for BREAKING NEWS Emails privacy policy Thanks for subscribing!", "newsletter widget"),
    ("Keep up with this story and more by subscribing now", "newsletter widget"),
    ("More: Ferry fares to rise by a tenth next spring", "related link (More:)"),
    ("[How the storm of 1987 reshaped the harbour]", "bracketed link or note"),
    ("Ten ships that changed the port for ever Read more", "related link (... Read more)"),
    ("Read the full report here.", "link prompt"),
    ("Watch the video above.", "link prompt"),
    ("The full survey can be found here.", "link prompt"),
    ("Tide tables: https://harbour-gazette.example/tides", "link line"),
    ("https://twitter.com/harbourgazette", "link line"),
    ("Your browser does not support iframes.", "video player notice"),
    ("Now Playing:", "video player notice"),
    ("Scroll below for video", "video prompt"),
    ("Got a story? Email news@harbour-gazette.example or call the newsdesk.", "tip-line prompt"),
    ("We pay for videos too. Click here to upload yours.", "tip-line prompt"),
    ("next", "slideshow navigation"),
    ("X.", "close button"),
    ("Archives Archives Select Month March 2024 February 2024 January 2024", "navigation widget"),
    ("FlagShareLikeReplyJan Novak 5ptsmoderatorFeaturedMarch 8, 2024 9:31PMCrane Down", "live-blog post header"),
    ("___.", "separator"),
    ("Anzeige:", "advertisement"),
    (
        "MOST READ IN NEWS TIDE TURNS Harbour master retires after forty years on the quay FISH FIGHT "
        "Trawler crews clash over new quotas STORM WATCH Forecasters warn of more gales this weekend",
        "related-stories block",
    ),
    (
        "SEA CHANGE Ferry firm unveils its first electric boat LOST AT SEA Search for missing yacht "
        "called off CRANE CRASH Dock workers describe the moment the jib fell",
        "related-stories block",
    ),
]


@pytest.mark.parametrize(("paragraph", "reason"), PROMPTS)
def test_furniture_notices_links_and_widgets_removed_as_prompts(paragraph: str, reason: str) -> None:
    assert prompt_reason(paragraph) == reason
    assert _removed_in_middle(paragraph) == [("prompt", paragraph, reason)]


PROMPT_WORDS_IN_NEWS = [
    # transcript / copyright / licence / print / syndication / disclaimer / external links
    "Court transcripts are created by stenographers within days, and lawyers for the harbour authority "
    "said they would ask for the full record.",
    "Copyright lawyers said all rights reserved by the photographer had been ignored when the agency "
    "republished the harbour pictures without written permission, the court heard.",
    "Registration numbers for all 40 vessels were checked by inspectors on Friday.",
    "Order reprints of the old harbour photographs have tripled since the storm, the museum shop said.",
    "A version of the rescue plan appears in print in the council's annual report, the mayor said.",
    "The report originally appeared on the council's website before it was withdrawn, officials said.",
    "Disclaimers printed on the ferry tickets did not cover storm damage, the operator conceded.",
    "External links between the two terminals are provided by a shuttle bus, the authority said.",
    # update / correction / editor's note
    "This story has been updated many times since the harbour opened in 1890, the museum curator joked.",
    "Corrections officers said an earlier version of the rota had been posted by mistake.",
    "The editor's note to staff, seen by the Gazette, asked reporters to stay away from the pier.",
    # follow / contact / newsletter
    "Follow-up inspections on Facebook's harbour office found no structural faults, the council said.",
    "Follow the money, the auditor told councillors, and you will find the missing crane budget.",
    "Jan Novak can be reached at the northern pier most mornings, where he mends nets.",
    "“Join the conversation about the harbour's future at Friday's meeting,” the mayor wrote to residents.",
    "Newsletter sign-up numbers at the yacht club rose by a third after the storm, its secretary said.",
    "Thanks for subscribing to the lifeboat fund, the charity told donors in a letter read out at the "
    "meeting.",
    # links
    "More than 40 vessels have been diverted to the southern terminal since Friday.",
    "The campaign asks children to read more about the sea, and the library has ordered 200 new books.",
    "See you here next year, the harbour master told the crowd at the regatta.",
    "The minister [of transport] said the pier would reopen before the summer season.",
    # widgets
    "Next, the divers will inspect the foundations of the southern pier, the engineers said.",
    "Officials from the UN and the EU met NATO delegates and the US Coast Guard in Brussels on Friday to "
    "discuss shipping lanes.",
]


@pytest.mark.parametrize("news", PROMPT_WORDS_IN_NEWS)
def test_furniture_news_paragraphs_with_prompt_words_stay(news: str) -> None:
    assert prompt_reason(news) is None
    _stays(news)


# --- captions, credits, galleries, graphics and labels: kind other -------------------------------

CAPTIONS = [
    ("Getty Images Dock workers repair the crane damaged in Friday's storm", "photo caption (credit first)"),
    ("Reuters A ferry leaves the southern terminal at dawn on Saturday", "photo caption (credit first)"),
    (
        "Getty - Contributor The northern pier was closed to the public after the storm",
        "photo caption (credit first)",
    ),
    (
        "Getty Images Waves break over the northern pier on Friday evening Getty Images Dock workers inspect "
        "the crane that fell across the quay Getty Images Residents watch the storm from the promenade "
        "Reuters The southern terminal stayed open for ferries bound for the islands",
        "photo caption (credit first)",
    ),
    ("Waves break over the sea wall on Friday evening. (Jan Novak/Harbour Photo Agency)",
     "photo caption (credit at the end)"),
    ("The damaged crane lies on its side on the quay (Getty Images)", "photo caption (credit at the end)"),
    (
        "Residents watch the waves from the promenade. (Photo: Harbour Gazette)",
        "photo caption (credit at the end)",
    ),
    (
        "A lifeboat is launched from the slipway. Photograph: Jan Novak/AP",
        "photo caption (credit at the end)",
    ),
    (
        "Harbour staff inspect the pier before it was closed Jan Novak/Reuters",
        "photo caption (credit at the end)",
    ),
    ("Jan Novak/Harbour Photo Agency", "photo credit"),
    ("Jan Novak via Getty Images.", "photo credit"),
    ("(Courtesy of the Harbour Museum)", "photo credit"),
    ("Getty.", "photo credit"),
    ("Image copyright Harbour Gazette", "photo credit"),
    (
        "FILE - In this March 3, 2019, file photo, a crane unloads containers at the northern pier. The "
        "port authority said Friday that the pier will stay closed for three weeks.",
        "photo caption (agency style)",
    ),
    (
        "This March 3, 2024 photo made available by the port authority shows the damaged crane on the quay.",
        "photo caption (agency style)",
    ),
    ("Ferry routes from the southern terminal \u00a9Jan Novak (HPA)", "graphic credit"),
    (
        "CLOSE The harbour master explains why the northern pier had to close after Friday's storm. "
        "(March 4) Harbour TV",
        "video caption",
    ),
    (
        "Photos: Storm hits the harbour Waves break over the pier. Hide Caption 1 of 3 Photos: Storm hits "
        "the harbour A crane lies on its side. Hide Caption 2 of 3 Photos: Storm hits the harbour The "
        "terminal was closed on Friday. Hide Caption 3 of 3",
        "photo gallery",
    ),
    (
        "Harbour storm in pictures Mon, March 4, 2024 The storm in pictures Play slideshow Getty Images 1 "
        "of 12 Waves break over the northern pier",
        "photo gallery",
    ),
    ("Slideshow (4 Images)", "photo gallery"),
    (
        "NORTHERN PIER SOUTHERN TERMINAL CRANE 2 QUAY WALL The crane fell here. HARBOUR OFFICE NORTH By "
        "The Harbour Gazette",
        "graphic labels",
    ),
    ("Source: Harbour Authority", "graphic source line"),
    ("FULL TEXT.", "database label"),
    ("ABSTRACT", "database label"),
    ("Friday, March 8, 2024.", "date line"),
    ("border-top:1px solid #cccccc;", "stylesheet text"),
    (".pier-card {", "stylesheet text"),
]


@pytest.mark.parametrize(("paragraph", "reason"), CAPTIONS)
def test_furniture_captions_credits_and_labels_removed_as_other(paragraph: str, reason: str) -> None:
    assert caption_reason(paragraph) == reason
    assert _removed_in_middle(paragraph) == [("other", paragraph, reason)]


CAPTION_WORDS_IN_NEWS = [
    "Reuters reported on Friday that the port authority had ordered two new cranes.",
    "Reuters Breakingviews and AP editors met the harbour board on Friday. Getty Images and Reuters "
    "photographers were allowed onto the pier. AFP Television filmed the crane from a boat.",
    "Getty Images, the picture agency, said it had sold more harbour photographs this week than all of "
    "last year.",
    "Twitter users shared videos of the waves breaking over the sea wall on Friday evening.",
    "The vote on the sea wall split along party lines (Labour/Green).",
    "The Dover/Calais route reopened on Friday after the storm, operators said.",
    "In this photo contest, entrants must submit pictures taken on the harbour before the end of May.",
    "This photo shows the pier before the storm, the museum said, and it will go on display next week.",
    "Photographs of the damaged crane were shown to the council, which voted to replace it.",
    "Close to 200 residents spent the night in the school gym, the council said.",
    "Sources said the northern pier would reopen before the summer season.",
    "The full text of the report will be published on Monday, the authority said.",
    "On Friday, March 8, 2024, the pier was closed for the first time since the war.",
    "Colour: the council chose blue for the new railings; the old ones were green.",
    "The ferry was built in Gdansk in 1998 (AP) and bought by the harbour company in 2010.",
]


@pytest.mark.parametrize("news", CAPTION_WORDS_IN_NEWS)
def test_furniture_news_paragraphs_with_caption_words_stay(news: str) -> None:
    assert caption_reason(news) is None
    _stays(news)


# --- blocks ------------------------------------------------------------------------------------


def test_furniture_links_heading_takes_title_case_headlines_after_it() -> None:
    links = ["Trending Right Now:", "Harbour Master Retires After Forty Years", "Storm Bill Tops Two Million"]
    cleaned = clean_text(_body(NEWS[0], NEWS[1], *links, NEWS[2]))
    assert cleaned.text == _body(NEWS[0], NEWS[1], NEWS[2])
    assert [(r.kind, r.reason) for r in cleaned.removed] == [
        ("prompt", "related-links heading"),
        ("prompt", "related link"),
        ("prompt", "related link"),
    ]


def test_furniture_related_heading_takes_the_link_stubs_after_it() -> None:
    tail = ["Also on the Gazette:", "Harbour Storm In Pictures.", "1.", "of.", "12.", "Waves hit the pier"]
    cleaned = clean_text(_body(*NEWS, *tail))
    assert cleaned.text == _body(*NEWS)
    assert {r.kind for r in cleaned.removed} == {"prompt"}


def test_furniture_links_heading_mid_story_leaves_short_news_sentences() -> None:
    body = _body(NEWS[0], "Related:", "The crane was built in 1974.", NEWS[1], NEWS[2])
    cleaned = clean_text(body)
    assert cleaned.text == _body(NEWS[0], "The crane was built in 1974.", NEWS[1], NEWS[2])


def test_furniture_video_playlist_and_its_titles_removed() -> None:
    playlist = [
        "Skip in Skip x Embed x Share CLOSE HARBOUR VIDEOS Storm hits the pier | 1:12 Waves broke over "
        "the pier on Friday. 1 of 12",
        "Crane collapses on the quay",
        "Lifeboat crew honoured by the mayor",
    ]
    cleaned = clean_text(_body(*NEWS, *playlist))
    assert cleaned.text == _body(*NEWS)
    assert [r.reason for r in cleaned.removed] == ["video playlist"] * 3


def test_furniture_about_the_author_heading_and_bio_removed_as_byline() -> None:
    bio = "Jan Novak has written about ships and the sea for twenty years and lives above the fish market."
    cleaned = clean_text(_body(*NEWS, "About the Author", bio))
    assert cleaned.text == _body(*NEWS)
    removed = [(r.kind, r.reason) for r in cleaned.removed]
    assert removed == [("byline", "author bio heading"), ("byline", "author bio")]


def test_furniture_gallery_of_slides_that_repeat_its_title_removed() -> None:
    slides = [
        "Port of Weston turns 300 Trading post The first quay was built by merchants in 1724.",
        "Port of Weston turns 300 Years of coal Coal was the main cargo until the 1960s.",
        "Port of Weston turns 300 Container age The first container crane arrived in 1971.",
    ]
    cleaned = clean_text(_body(*NEWS, *slides))
    assert cleaned.text == _body(*NEWS)
    assert [(r.kind, r.reason) for r in cleaned.removed] == [("other", "photo gallery")]


def test_furniture_paragraphs_opening_alike_are_not_a_gallery() -> None:
    story = [
        "The harbour authority said the pier would reopen in April.",
        "The harbour authority said the crane would be replaced.",
        "The harbour authority said no one had been hurt.",
    ]
    body = _body(*story, *NEWS)
    assert clean_text(body).text == body


def test_furniture_show_all_gallery_takes_its_repeated_title() -> None:
    gallery = ["Harbour storm in pictures", "+ show all Harbour storm in pictures"]
    cleaned = clean_text(_body(*NEWS, *gallery))
    assert cleaned.text == _body(*NEWS)
    assert [r.reason for r in cleaned.removed] == ["photo gallery"]


def test_furniture_dateline_is_not_taken_for_a_caption() -> None:
    line = "Storm closes harbour pier Updated: 2024-03-08 09:53 (Agencies)"
    assert caption_reason(line) is None
    cleaned = clean_text(_body(line, *NEWS))
    assert cleaned.text == _body(*NEWS)
    assert [(r.kind, r.reason) for r in cleaned.removed] == [("byline", "dateline")]


def test_furniture_nothing_removed_from_plain_news() -> None:
    body = _body(*NEWS)
    cleaned = clean_text(body)
    assert cleaned.text == body and cleaned.removed == ()


def test_furniture_links_heading_takes_link_titles_run_together_without_a_full_stop() -> None:
    # a feed's deals and trending blocks: several link titles on one line, no sentence ends
    tail = [
        "Continue reading…",
        "Harbour Top Deals:",
        "Anyone who sails from the old harbour to the new marina should have this $13 rope cleat There’s a "
        "$48 tide clock that has the best feature of the $300 Nautic Pro weather station",
        "Trending Right Now:",
        "How to claim the $29 mooring refund right now New ferry renders show the same boring hull Ferry "
        "users complain of holiday delays as the service keeps growing",
    ]
    cleaned = clean_text(_body(*NEWS, *tail))
    assert cleaned.text == _body(*NEWS)


def test_furniture_a_long_news_paragraph_after_a_links_heading_stays() -> None:
    long_news = ("The harbour master said the ferry had been delayed for three hours on Monday because the crew "
                 "waited for the storm to pass, and that no passenger had been hurt during the crossing.")
    cleaned = clean_text(_body(NEWS[0], "Related:", long_news, NEWS[1]))
    assert long_news in cleaned.text
