from __future__ import annotations

from pathlib import Path

import pytest

RSS_HEAD = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Daily Planet</title><link>https://planet.example/</link><language>en-us</language>
"""
ITEM_ONE = """<item><title>Bridge opens</title><link>https://planet.example/bridge</link>
<guid>planet-1</guid><pubDate>Mon, 10 Mar 2025 12:00:00 +0300</pubDate><author>desk@planet.example (Lois Lane)</author>
<description>Short teaser</description>
<content:encoded><![CDATA[<p>The bridge opened on Monday.</p>]]></content:encoded></item>
"""
ITEM_TWO = """<item><title>Rain expected</title><link>https://planet.example/rain</link>
<description>&lt;p&gt;Rain is expected on Tuesday.&lt;/p&gt;</description></item>
"""
ITEM_CUT = (
    """<item><title>Third story</title><link>https://planet.example/third</link><description>The third sto"""
)


def test_feed_rss_entries_become_documents(read, tmp_path: Path) -> None:
    path = tmp_path / "planet.xml"
    path.write_text(RSS_HEAD + ITEM_ONE + ITEM_TWO + "</channel></rss>", encoding="utf-8")
    docs, failures = read([path])
    assert failures == []
    one, two = docs
    assert (one.format, one.record, one.title, one.url, one.outlet, one.byline, one.language, one.id) == (
        "feed",
        "entry 1",
        "Bridge opens",
        "https://planet.example/bridge",
        "Daily Planet",
        "Lois Lane",
        "en",
        "planet-1",
    )
    assert one.published == "2025-03-10T09:00:00+00:00"
    assert one.html == "<p>The bridge opened on Monday.</p>"
    assert two.html == "<p>Rain is expected on Tuesday.</p>"
    assert two.published is None


def test_feed_atom_is_read(read, tmp_path: Path) -> None:
    path = tmp_path / "atom.feed"
    path.write_text(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>'
        "<entry><title>Quake</title><link href='https://wire.example/q'/><id>q1</id>"
        "<updated>2025-03-09T08:00:00Z</updated><author><name>Ann Lee</name></author>"
        "<content type='html'>&lt;p&gt;A quake hit.&lt;/p&gt;</content></entry></feed>",
        encoding="utf-8",
    )
    (doc,), failures = read([path])
    assert failures == []
    assert (doc.title, doc.url, doc.outlet, doc.byline, doc.published) == (
        "Quake",
        "https://wire.example/q",
        "Wire",
        "Ann Lee",
        "2025-03-09T08:00:00+00:00",
    )
    assert doc.html == "<p>A quake hit.</p>"


def test_feed_truncated_mid_entry_gives_complete_entries_then_failure(read, tmp_path: Path) -> None:
    path = tmp_path / "cut.rss"
    path.write_text(RSS_HEAD + ITEM_ONE + ITEM_TWO + ITEM_CUT, encoding="utf-8")
    docs, failures = read([path])
    assert [d.title for d in docs] == ["Bridge opens", "Rain expected"]
    (failure,) = failures
    assert (failure.source, failure.record) == (str(path), "entry 3")
    assert "truncated" in failure.reason


def test_feed_malformed_is_named_failure_and_batch_goes_on(read, tmp_path: Path, good_text: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text("<rss><channel><title>x</title><<<>>> &&& </rss", encoding="utf-8")
    docs, failures = read([path, good_text])
    assert [d.id for d in docs] == ["good"]
    (failure,) = failures
    assert failure.source == str(path)
    assert failure.reason.startswith("not a readable feed (")


def test_feed_entry_without_content_is_failure_for_that_entry(read, tmp_path: Path) -> None:
    path = tmp_path / "titles.rss"
    path.write_text(
        RSS_HEAD
        + "<item><title>Only a title</title><link>https://planet.example/t</link></item>"
        + ITEM_TWO
        + "</channel></rss>",
        encoding="utf-8",
    )
    docs, failures = read([path])
    assert [d.title for d in docs] == ["Rain expected"]
    assert [f.record for f in failures] == ["entry 1"]


def test_feed_over_size_limit_is_refused(read, tmp_path: Path) -> None:
    path = tmp_path / "big.rss"
    path.write_text(RSS_HEAD + ITEM_ONE * 40 + "</channel></rss>", encoding="utf-8")
    docs, failures = read([path], max_feed_bytes=2000)
    assert docs == []
    (failure,) = failures
    assert "setting max_feed_bytes" in failure.reason


@pytest.mark.parametrize(
    "title,outlet",
    [("BBC News - World", "BBC News"), ("Reuters: World News", "Reuters"),
     ("NYT > World News", "NYT"), ("The Harbor Ledger | Local", "The Harbor Ledger"),
     ("Meridian Wire", "Meridian Wire"), (None, None)],
)
def test_ingest_feed_title_section_is_not_part_of_the_outlet(title, outlet):
    from parallax.ingest.feeds import outlet_of_feed_title

    assert outlet_of_feed_title(title) == outlet
