"""HTML pages: main text and metadata via trafilatura, page furniture left out."""

from __future__ import annotations

import pytest

from parallax.clean import clean, extract_html
from parallax.clean import html as html_module
from parallax.clean.html import body_text
from parallax.model import RawDocument

PARAS = [
    (
        "The harbour authority closed the northern pier on Friday after a storm damaged two of its cranes, "
        "leaving dozens of ships waiting offshore."
    ),
    (
        "Engineers expect repairs to take at least three weeks, the authority\u2019s director told reporters at a "
        "briefing on Saturday morning."
    ),
    (
        "Shipping companies have diverted about 40 vessels to the southern terminal in the meantime, "
        "according to port data."
    ),
]

PAGE = f"""<!DOCTYPE html><html lang="en"><head>
<title>Harbour pier closed after storm | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2025-03-11T08:30:00Z">
</head><body>
<div id="cookie-banner"><p>We use cookies to improve your experience. Accept all cookies</p></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Harbour pier closed after storm</h1>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>
<p>{PARAS[0]}</p>
<p>{PARAS[1]}</p>
<p>{PARAS[2]}</p>
<p>Share this article</p>
<p>Sign up for our morning newsletter</p>
</article>
<footer><p>\u00a9 2025 Harbour Gazette. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>"""


def test_html_extract_keeps_paragraphs_and_metadata() -> None:
    found = extract_html(PAGE)
    for p in PARAS:
        assert p in found.text.split("\n\n")
    assert "Home" not in found.text and "Privacy policy" not in found.text
    assert "cookies" not in found.text
    assert found.title == "Harbour pier closed after storm"
    assert (found.author, found.sitename, found.date) == ("Jane Doe", "Harbour Gazette", "2025-03-11")
    assert not found.fallback


def test_html_clean_removes_widgets_and_fills_article() -> None:
    article = clean(
        RawDocument(source="pier.html", format="html", html=PAGE, url="https://www.gazette.example/a/1")
    )
    assert article.text == "\n\n".join(PARAS)
    assert article.title == "Harbour pier closed after storm"
    assert (article.byline, article.outlet, article.published) == (
        "Jane Doe",
        "Harbour Gazette",
        "2025-03-11",
    )
    assert article.url == "https://www.gazette.example/a/1"
    assert article.language == "en"
    kinds = {(r.kind, r.text) for r in article.removed}
    assert ("prompt", "Share this article") in kinds
    assert ("prompt", "Sign up for our morning newsletter") in kinds


def test_html_raw_metadata_wins_over_page_metadata() -> None:
    raw = RawDocument(
        source="pier.html", format="html", html=PAGE, outlet="Wire", published="2025-03-12", title="Given"
    )
    article = clean(raw)
    assert (article.outlet, article.published, article.title) == ("Wire", "2025-03-12", "Given")


def test_html_fallback_to_body_text_when_trafilatura_finds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_module.trafilatura, "bare_extraction", lambda *a, **k: None)
    found = extract_html(PAGE)
    assert found.fallback
    assert found.text.split("\n\n")[-5:-2] == PARAS[:]
    article = clean(RawDocument(source="pier.html", format="html", html=PAGE))
    assert PARAS[1] in article.text
    assert any("plain text of <body>" in n for n in article.notes)


def test_html_body_text_drops_scripts_nav_and_footer() -> None:
    text = body_text(
        "<html><head><title>T</title></head><body><script>var a = 1;</script><nav>Home | World</nav>"
        "<div>First block<br>second line</div><p>Para <b>bold</b> end.</p><footer>Footer</footer></body></html>"
    )
    assert text == "First block\n\nsecond line\n\nPara bold end."


def test_html_empty_page_has_no_text() -> None:
    assert extract_html("<html><body></body></html>").text == ""
