"""The HTML pages, rendered in process: content, filters, hostile input escaped, errors as pages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from webfixtures import HOSTILE_HTML_ID, HOSTILE_JSONL_ID, HOSTILE_ODD_ID, HOSTILE_STORY, LONE_ID

from parallax.samples import EVENT_STORY
from parallax.web import create_app

HL2 = "2026-03-04-harbor-ledger-toll-rises"
DNR = "2026-03-04-dalmora-national-radio-toll"


class _Tags(HTMLParser):
    """Every start tag of a page and its attributes, as a browser's parser would see them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def _live_markup(html: str) -> list[str]:
    """Planted markup that came out live: script/img/svg/iframe elements, on* handlers, javascript: links."""
    parser = _Tags()
    parser.feed(html)
    found = []
    for tag, attrs in parser.tags:
        if tag in ("script", "img", "svg", "iframe", "object", "embed") and not _ours(tag, attrs):
            found.append(f"<{tag} {attrs}>")
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                found.append(f"<{tag} {name}={value!r}>")
    return found


def _ours(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    return tag == "svg" and ("role", "img") in attrs  # the charts drawn by parallax.render.html


@pytest.fixture(scope="module")
def demo(demo_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(demo_db)) as c:
        yield c


@pytest.fixture(scope="module")
def hostile(hostile_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(hostile_db)) as c:
        yield c


def test_web_pages_stories_list_shows_size_outlets_and_dates(demo: TestClient):
    html = demo.get("/").text
    assert html.index("in Port Alvane<") < html.index("tram extension")  # newest story first
    assert "2026-03-03 – 2026-03-07" in html
    assert '<option value="Dalmora National Radio">' in html


def test_web_pages_search_shows_hits_with_marked_snippets(demo: TestClient):
    html = demo.get("/", params={"q": "scaremongering"}).text
    assert "1 article matching" in html and "<mark>scaremongering</mark>" in html
    assert f'href="/articles/{DNR}"' in html


def test_web_pages_story_page_groups_findings_with_evidence_links_and_charts(demo: TestClient):
    html = demo.get(f"/stories/{EVENT_STORY}").text
    for kind in ("consensus", "conflict", "update", "exclusive", "reuse", "frame"):
        assert f'id="{kind}"' in html
    assert 'aria-label="Timeline of the story"' in html and 'aria-label="Outlets by claim"' in html
    assert re.search(rf'href="/articles/{HL2}\?at=\d+-\d+#hl"', html)
    assert f'href="/stories/{EVENT_STORY}/compare?a={HL2}&amp;a={DNR}"' in html


def test_web_pages_side_by_side_highlights_the_conflicting_figures_and_keeps_removed_text(demo: TestClient):
    html = demo.get(f"/stories/{EVENT_STORY}/compare").text  # default: the two sides of the conflict
    columns = html.split('<article class="column"')[1:]
    assert len(columns) == 2
    assert re.search(r'<mark class="[^"]*\bfigure\b[^"]*"[^>]*>41</mark>', columns[0])
    assert re.search(r'<mark class="[^"]*\bfigure\b[^"]*"[^>]*>30</mark>', columns[1])
    assert "<details" in html and "Removed by cleaning" in html


def test_web_pages_article_page_shows_metadata_annotations_and_removed_items(demo: TestClient):
    html = demo.get("/articles/2026-03-03-dalmora-herald-blast", params={"at": "0-20"}).text
    assert 'id="hl"' in html and "Elena Marsh" in html
    assert "read-more link" in html and "Removed by cleaning (1)" in html
    for heading in ("Claims (", "Quotes (", "Frames (", "Entities (", "Dates ("):
        assert heading in html


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/?q=depot",
        f"/stories/{HOSTILE_STORY}",
        f"/stories/{HOSTILE_STORY}/compare?a={HOSTILE_HTML_ID}&a={HOSTILE_JSONL_ID}&a={quote(HOSTILE_ODD_ID)}",
        f"/articles/{HOSTILE_HTML_ID}",
        f"/articles/{HOSTILE_JSONL_ID}",
        f"/articles/{quote(HOSTILE_ODD_ID)}",
        "/stories/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "/articles/%3Cimg%20src=x%20onerror=alert(1)%3E",
    ],
)
def test_web_pages_hostile_titles_outlets_bylines_and_text_are_escaped(hostile: TestClient, url: str):
    response = hostile.get(url)
    assert response.status_code in (200, 404)
    assert _live_markup(response.text) == []
    assert "<script" not in response.text.lower()


def test_web_pages_hostile_text_is_still_shown_as_text(hostile: TestClient):
    html = hostile.get(f"/articles/{HOSTILE_JSONL_ID}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert 'href="javascript:' not in html  # a hostile URL is shown, never linked


def test_web_pages_odd_article_ids_round_trip_through_links(hostile: TestClient):
    html = hostile.get(f"/stories/{HOSTILE_STORY}").text
    assert f'href="/articles/{quote(HOSTILE_ODD_ID, safe="/")}"' in html
    assert hostile.get(f"/articles/{quote(HOSTILE_ODD_ID, safe='/')}").status_code == 200


def test_web_pages_unclustered_article_is_its_own_story(hostile: TestClient):
    html = hostile.get("/").text
    assert f'href="/stories/article%3A{LONE_ID}"' in html and "unclustered" in html
    assert hostile.get(f"/stories/article:{LONE_ID}").status_code == 200


@pytest.mark.parametrize("url", ["/stories/nope", "/articles/nope", "/stories/nope/compare", "/no/such/page"])
def test_web_pages_unknown_ids_are_404_pages(demo: TestClient, url: str):
    response = demo.get(url)
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")
    assert "Not found" in response.text


def test_web_pages_bad_filters_are_400_pages_naming_the_parameter(demo: TestClient):
    response = demo.get("/", params={"since": "soon"})
    assert response.status_code == 400 and "since=&#39;soon&#39; is not a date" in response.text


def test_web_pages_load_nothing_from_other_machines(demo: TestClient):
    for url in ("/", f"/stories/{EVENT_STORY}", f"/stories/{EVENT_STORY}/compare", f"/articles/{HL2}"):
        html = demo.get(url).text
        assert not re.search(r'(src|href)="(https?:)?//', html.replace('href="https://', "")), url
        assert "<script" not in html


def test_web_pages_live_markup_check_catches_what_it_guards_against():
    assert _live_markup('<p>x</p><img src=x onerror="alert(1)">')
    assert _live_markup('<a href="javascript:alert(1)">x</a>')
    assert _live_markup("<mark title='a' onmouseover='alert(1)'>x</mark>")
    assert _live_markup("<p>&lt;img src=x onerror=alert(1)&gt;</p><mark title=\"&lt;script&gt;\">y</mark>") == []
