"""The two seed articles: the Moscow Times appeal and the TROIB teaser and byline."""

from __future__ import annotations

from pathlib import Path

import pytest

from parallax.clean import clean
from parallax.model import RawDocument

pytestmark = pytest.mark.shared


def _seed(seeds_dir: Path, index: int) -> tuple[RawDocument, str]:
    path = sorted(seeds_dir.glob("*.txt"))[index]
    text = path.read_text(encoding="utf-8")
    return RawDocument(source=str(path), format="text", text=text), text


def test_clean_moscow_times_appeal_removed_news_kept(seeds_dir: Path) -> None:
    raw, text = _seed(seeds_dir, 0)
    article = clean(raw)
    lines = text.split("\n")
    header = lines.index("A Message from The Moscow Times:")
    news = [line for line in lines[:header] if line.strip()]
    assert len(news) == 8
    paragraphs = article.text.split("\n\n")
    assert paragraphs == news  # all eight news paragraphs, verbatim, and nothing else
    for appeal_line in lines[header:]:
        if appeal_line.strip():
            assert appeal_line not in article.text
    appeals = [r for r in article.removed if r.kind == "appeal"]
    joined = "\n".join(r.text for r in appeals)
    assert joined.startswith("A Message from The Moscow Times:")
    assert joined.rstrip().endswith("Remind me later.")
    assert "undesirable" in joined
    assert appeals[0].offset == text.index("A Message from The Moscow Times:")
    assert article.title is None  # the first line ends with "Tuesday." and is news


def test_clean_moscow_times_outlet_is_the_one_its_appeal_names(seeds_dir: Path) -> None:
    raw, _ = _seed(seeds_dir, 0)
    article = clean(raw)  # no byline, no URL: only "A Message from The Moscow Times:" says whose it is
    assert article.outlet == "The Moscow Times"


def test_clean_troib_teaser_fragment_removed_once(seeds_dir: Path) -> None:
    raw, text = _seed(seeds_dir, 1)
    article = clean(raw)
    assert article.text.count("This correspondence follows") == 1
    assert "This correspondence follows a recent spike" in article.text
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0].startswith("Russian President Vladimir Putin has sent a letter")
    assert paragraphs[0].endswith("as stated by Kremlin spokesman Dmitry Peskov on Thursday.")
    assert paragraphs[1].startswith("This correspondence follows a recent spike in violence")
    teasers = [r for r in article.removed if r.kind == "teaser"]
    assert [r.text for r in teasers] == ["This correspondence follows..."]
    assert teasers[0].offset == text.index("This correspondence follows...")


def test_clean_troib_title_byline_outlet(seeds_dir: Path) -> None:
    raw, _ = _seed(seeds_dir, 1)
    article = clean(raw)
    assert article.title == "Putin Dispatches Letter to Newly Formed Syrian Government"
    assert not article.text.startswith("Putin Dispatches")
    assert article.byline == "Aarav Patel"
    assert article.outlet == "TROIB News"
    assert "Aarav Patel" not in article.text
    assert article.text.split("\n\n")[-1].startswith("Despite having granted Assad asylum")
    assert [r.text for r in article.removed if r.kind == "byline"] == ["Aarav Patel for TROIB News"]
    assert article.language == "en"
