"""The web app in a real browser (Playwright driving Debian's Chromium).

Skipped, with the reason, when Playwright or /usr/bin/chromium is missing; CI installs both.
Screenshots land in test-artifacts/ (git-ignored).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

from webfixtures import HOSTILE_HTML_ID, HOSTILE_JSONL_ID, HOSTILE_ODD_ID, HOSTILE_STORY, SCRIPT

from parallax.samples import EVENT_STORY

HL2 = "2026-03-04-harbor-ledger-toll-rises"
DNR = "2026-03-04-dalmora-national-radio-toll"


def _clean(page: Any) -> None:
    assert page.dialogs == [], f"a dialog fired: {page.dialogs}"
    assert page.outside == [], f"the page asked another machine for {page.outside}"


def test_web_browser_acceptance_search_story_conflict_side_by_side(demo_server: Any, page: Any, artifacts: Path):
    page.goto(demo_server.url + "/")
    assert page.locator("table.stories tbody tr").count() == 2

    # Search the store: the hits and the story holding them.
    page.fill("#q", "death toll")
    page.press("#q", "Enter")
    page.wait_for_url("**/?q=death+toll*")
    assert page.locator(".hit").count() >= 3
    assert page.locator(".hit mark").first.inner_text().lower() in ("death", "toll")
    page.locator("a.story-link", has_text="Port Alvane").click()
    page.wait_for_url(f"**/stories/{EVENT_STORY}")

    # The story: the conflict of 41 against 30, with evidence links and both charts.
    conflict = page.locator("#conflict .finding").first
    summary = conflict.locator(".summary").inner_text()
    assert "41" in summary and "30" in summary
    assert page.locator("svg[aria-label='Timeline of the story']").is_visible()
    assert page.locator("svg[aria-label='Outlets by claim']").is_visible()
    page.screenshot(path=str(artifacts / "web-story.png"))

    # An evidence link opens the article with the conflicting figure highlighted at the evidence.
    conflict.locator("a.evidence-link").first.click()
    page.wait_for_url(f"**/articles/{HL2}?at=*")
    target = page.locator("mark#hl")
    assert target.is_visible() and "target" in (target.get_attribute("class") or "")
    assert page.locator(".article-text mark.figure").first.inner_text() == "41"
    page.go_back()

    # Side by side: the two sides of the conflict, each figure highlighted in place.
    conflict.locator("a.compare-link").click()
    page.wait_for_url(f"**/stories/{EVENT_STORY}/compare?*")
    columns = page.locator("article.column")
    assert columns.count() == 2
    assert [columns.nth(k).get_attribute("data-article") for k in range(2)] == [HL2, DNR]
    left, right = columns.nth(0).locator("mark.figure"), columns.nth(1).locator("mark.figure")
    assert left.first.inner_text() == "41" and right.first.inner_text() == "30"
    for figure in (left.first, right.first):
        assert figure.is_visible()
        style = figure.evaluate("e => [getComputedStyle(e).outlineStyle, getComputedStyle(e).fontWeight]")
        assert style[0] == "solid" and int(style[1]) >= 700
    # The removed boilerplate opens in place.
    removed = page.locator("details.removed")
    if removed.count():
        removed.first.locator("summary").click()
        assert removed.first.locator("li").first.is_visible()
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(artifacts / "web-side-by-side.png"))
    assert (artifacts / "web-side-by-side.png").stat().st_size > 10_000
    _clean(page)


def test_web_browser_layer_toggles_hide_a_highlight_without_script(demo_server: Any, page: Any):
    page.goto(demo_server.url + f"/stories/{EVENT_STORY}/compare?a={HL2}&a={DNR}")
    figure = page.locator("article.column mark.figure").first
    assert figure.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
    page.uncheck("#show-figure")
    assert figure.evaluate("e => getComputedStyle(e).outlineStyle") == "none"
    assert page.locator("script").count() == 0
    _clean(page)


def test_web_browser_hostile_input_renders_inert(hostile_server: Any, page: Any, artifacts: Path):
    base = hostile_server.url
    urls = [
        "/",
        "/?q=depot",
        f"/stories/{HOSTILE_STORY}",
        f"/stories/{HOSTILE_STORY}/compare?a={HOSTILE_HTML_ID}&a={HOSTILE_JSONL_ID}&a={quote(HOSTILE_ODD_ID, safe='')}",
        f"/articles/{HOSTILE_HTML_ID}",
        f"/articles/{HOSTILE_JSONL_ID}",
        f"/articles/{quote(HOSTILE_ODD_ID, safe='')}",
        "/stories/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    ]
    for url in urls:
        page.goto(base + url)
        page.wait_for_load_state("load")
        page.mouse.move(300, 400)  # over the text: an injected onmouseover would fire now
        page.mouse.move(700, 500)
        counts = page.evaluate(
            """() => ({
                script: document.querySelectorAll('script').length,
                img: document.querySelectorAll('img, iframe, object, embed').length,
                svgOnload: document.querySelectorAll('svg[onload]').length,
                handlers: [...document.querySelectorAll('*')].filter(
                    e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
            })"""
        )
        assert counts == {"script": 0, "img": 0, "svgOnload": 0, "handlers": 0}, (url, counts)
        _clean(page)
    page.goto(base + f"/articles/{HOSTILE_JSONL_ID}")
    assert page.locator("h1").inner_text() == SCRIPT  # shown as the text it is
    assert "<img src=x onerror=alert(1)>" in page.locator(".article-text").inner_text()
    page.screenshot(path=str(artifacts / "web-hostile-article.png"))
    _clean(page)
