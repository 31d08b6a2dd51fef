"""The bundled demo corpus is well formed and contains what DEMO_EXPECTATIONS says it does."""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import json
import re
from email.utils import parsedate_to_datetime
from functools import cache
from pathlib import Path
from typing import Any

import feedparser
import lxml.html
import pytest

from parallax.ingest.header import split_header
from parallax.samples import DEMO_EXPECTATIONS, EVENT_STORY, UNRELATED_STORY, demo_paths

E = DEMO_EXPECTATIONS
ARTICLES: dict[str, dict[str, Any]] = E["articles"]
WEEKDAYS = tuple(calendar.day_name)  # Monday .. Sunday
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def _squash(text: str) -> str:
    return " ".join(text.split())


def _path(name: str) -> Path:
    (path,) = [p for p in demo_paths() if p.name == name]
    return path


def _visible(html: str) -> str:
    root = lxml.html.fromstring(html)
    for node in root.xpath("//script | //style"):
        node.drop_tree()
    return _squash(root.text_content())


@cache
def _feed() -> Any:
    return feedparser.parse(str(_path("meridian-wire-dalmora.xml")))


@cache
def _jsonl() -> dict[str, dict[str, Any]]:
    lines = _path("2026-03-dalmora-articles.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    return {r["id"]: r for r in records}


@cache
def _texts() -> dict[str, str]:
    """Each article's visible text (whole page for HTML), whitespace collapsed."""
    texts: dict[str, str] = {}
    for article_id, meta in ARTICLES.items():
        if meta["format"] in ("text", "html"):
            raw = _path(meta["file"]).read_text(encoding="utf-8")
            texts[article_id] = _squash(raw) if meta["format"] == "text" else _visible(raw)
        elif meta["format"] == "jsonl":
            texts[article_id] = _squash(_jsonl()[article_id]["text"])
    for entry in _feed().entries:
        texts[entry.id] = _visible(entry.content[0].value)
    return texts


def _body(article_id: str) -> str:
    """The article body alone (no page chrome, no title line), for length checks."""
    meta = ARTICLES[article_id]
    if meta["format"] == "html":
        root = lxml.html.parse(str(_path(meta["file"]))).getroot()
        (body,) = root.xpath("//div[@class='article-body'] | //section[@class='body-text']")
        return _squash(body.text_content())
    if meta["format"] == "text":
        _, body = split_header(_path(meta["file"]).read_text(encoding="utf-8"))
        return _squash(body.split("\n", 1)[1])
    return _texts()[article_id]


def _published_date(article_id: str) -> dt.date:
    return dt.date.fromisoformat(ARTICLES[article_id]["published"][:10])


def _expected_substrings() -> list[tuple[str, str, str]]:
    """(section, article id, substring) for every string DEMO_EXPECTATIONS promises."""
    found: list[tuple[str, str, str]] = []
    for section in ("appeals", "prompts", "casualties", "quotes", "frames", "exclusives"):
        for item in E[section]:
            found.append((section, item["article"], item["text"]))
    for item in E["appeals"]:
        found += [("appeals", item["article"], item["start"]), ("appeals", item["article"], item["end"])]
    for item in E["teasers"]:
        found += [("teasers", item["article"], item["fragment"]), ("teasers", item["article"], item["full"])]
    for item in E["dates"]:
        found.append(("dates", item["article"], item["context"]))
    for fact in E["consensus"]:
        found += [("consensus", article_id, text) for article_id, text in fact["evidence"]]
    for entity in E["entities"]:
        found += [("entities", article_id, text) for article_id, text in entity["mentions"]]
    for item in E["reuse"]:
        for change in item["changed_figures"] + item["dropped_attributions"]:
            found += [
                ("reuse", item["original"], change["original"]),
                ("reuse", item["copy"], change["copy"]),
            ]
    for article_id, meta in ARTICLES.items():
        if meta["byline_text"]:
            found.append(("byline", article_id, meta["byline_text"]))
    return found


def test_samples_demo_paths_lists_exactly_the_expected_files() -> None:
    paths = demo_paths()
    assert [p.name for p in paths] == sorted(E["files"])
    assert all(p.is_file() and p.stat().st_size > 0 for p in paths)


def test_samples_feed_is_valid_rss_with_expected_items() -> None:
    feed = _feed()
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    assert [e.id for e in feed.entries] == list(E["files"]["meridian-wire-dalmora.xml"]["articles"])[::-1]
    for entry in feed.entries:
        meta = ARTICLES[entry.id]
        assert entry.title == meta["title"]
        assert entry.link == meta["url"]
        assert entry.authors[0]["name"] == meta["byline"]  # from dc:creator
        published = parsedate_to_datetime(entry.published)
        assert published == dt.datetime.fromisoformat(meta["published"])
        assert entry.content[0].type == "text/html" and "<p>" in entry.content[0].value


def test_samples_jsonl_records_follow_the_input_schema() -> None:
    allowed = {"id", "url", "outlet", "published", "title", "text", "html", "language"}
    records = _jsonl()
    assert list(records) == list(E["files"]["2026-03-dalmora-articles.jsonl"]["articles"])
    for article_id, record in records.items():
        meta = ARTICLES[article_id]
        assert set(record) <= allowed and record["text"].strip()
        assert (record["outlet"], record["title"], record["url"]) == (
            meta["outlet"],
            meta["title"],
            meta["url"],
        )
        assert dt.datetime.fromisoformat(record["published"]) == dt.datetime.fromisoformat(meta["published"])


@pytest.mark.parametrize("name", sorted(n for n, f in E["files"].items() if f["format"] == "html"))
def test_samples_html_page_has_metadata_and_chrome_to_strip(name: str) -> None:
    (article_id,) = E["files"][name]["articles"]
    meta = ARTICLES[article_id]
    root = lxml.html.parse(str(_path(name))).getroot()

    def one(xpath: str) -> str:
        (value,) = root.xpath(xpath)
        return str(value)

    assert meta["title"] in one("//head/title/text()")
    assert one("//meta[@name='author']/@content") == meta["byline"]
    assert one("//meta[@property='og:site_name']/@content") == meta["outlet"]
    assert one("//link[@rel='canonical']/@href") == meta["url"]
    published = one("//meta[@property='article:published_time']/@content")
    assert dt.datetime.fromisoformat(published) == dt.datetime.fromisoformat(meta["published"])
    assert root.xpath("//nav//a") and root.xpath("//aside//a") and root.xpath("//footer")
    visible = _texts()[article_id]
    assert "cookies" in visible and "Share this article" in visible


@pytest.mark.parametrize("name", sorted(n for n, f in E["files"].items() if f["format"] == "text"))
def test_samples_text_file_has_header_then_title_and_is_named_by_date(name: str) -> None:
    (article_id,) = E["files"][name]["articles"]
    assert Path(name).stem == article_id
    header, body = split_header(_path(name).read_text(encoding="utf-8"))
    assert header["outlet"] == ARTICLES[article_id]["outlet"]
    assert header["published"][:10] == ARTICLES[article_id]["published"]
    assert body.split("\n", 1)[0] == ARTICLES[article_id]["title"]
    assert name[:10] == ARTICLES[article_id]["published"]


@pytest.mark.parametrize("section,article_id,text", _expected_substrings())
def test_samples_expectation_substring_occurs_in_article(section: str, article_id: str, text: str) -> None:
    assert text in _texts()[article_id], f"{section}: {text!r} not in {article_id}"


def test_samples_story_labels_cover_every_article_once() -> None:
    stories = E["stories"]
    ids = [i for story in stories.values() for i in story["articles"]]
    assert sorted(ids) == sorted(ARTICLES) == sorted(_texts())
    event = stories[EVENT_STORY]["articles"]
    assert len(event) >= 10
    assert len({ARTICLES[i]["outlet"] for i in event}) >= 5
    assert stories[UNRELATED_STORY]["articles"]
    assert not any("Halvik" in _texts()[i] for i in stories[UNRELATED_STORY]["articles"])


def test_samples_formats_are_mixed_as_promised() -> None:
    count = {
        fmt: sum(f["format"] == fmt for f in E["files"].values()) for fmt in ("text", "html", "feed", "jsonl")
    }
    assert count["text"] >= 2 and count["html"] >= 2 and count["feed"] == 1 and count["jsonl"] == 1
    assert 2 <= len(E["files"]["meridian-wire-dalmora.xml"]["articles"]) <= 3
    assert 2 <= len(E["files"]["2026-03-dalmora-articles.jsonl"]["articles"]) <= 3


@pytest.mark.parametrize("article_id", sorted(ARTICLES))
def test_samples_article_body_is_news_length(article_id: str) -> None:
    assert 300 <= len(_body(article_id).split()) <= 700


def test_samples_byline_styles_are_all_present() -> None:
    styles = {meta["byline_style"] for meta in ARTICLES.values()}
    assert {"by", "for-outlet", "meta-author", "dc-creator"} <= styles
    for article_id, meta in ARTICLES.items():
        if meta["byline_style"] == "for-outlet":
            assert _texts()[article_id].endswith(meta["byline_text"])
            assert meta["byline_text"] == f"{meta['byline']} for {meta['outlet']}"


def test_samples_teaser_fragment_is_a_truncated_prefix_of_the_next_paragraph() -> None:
    for teaser in E["teasers"]:
        fragment, full = teaser["fragment"], teaser["full"]
        assert fragment.endswith("...") and full.startswith(fragment[:-3]) and len(full) > len(fragment)
        text = _texts()[teaser["article"]]
        assert text.index(fragment) + len(fragment) < text.index(full, text.index(fragment))


def test_samples_weekday_phrases_resolve_consistently_with_the_calendar() -> None:
    for item in E["dates"]:
        assert item["text"] in item["context"]
        published = _published_date(item["article"])
        if item["granularity"] == "week":  # "last week": the Monday of the week before publication
            monday = published - dt.timedelta(days=published.weekday() + 7)
            assert item["value"] == monday.isoformat()
            continue
        if item["granularity"] == "month":
            assert re.fullmatch(r"\d{4}-\d{2}", item["value"])
            continue
        value = dt.date.fromisoformat(item["value"])
        weekday = next((d for d in WEEKDAYS if d in item["text"]), None)
        if weekday is not None:
            assert WEEKDAYS[value.weekday()] == weekday, item
            delta = (value - published).days
            assert (1 <= delta <= 6) if item.get("future") else (-6 <= delta <= 0), item


def test_samples_explicit_weekday_dates_and_datelines_agree_with_publication() -> None:
    for article_id, text in _texts().items():
        for weekday, day in re.findall(r"\b(" + "|".join(WEEKDAYS) + r"), March (\d{1,2})\b", text):
            assert calendar.weekday(2026, 3, int(day)) == WEEKDAYS.index(weekday), (article_id, weekday, day)
        for day in re.findall(r"^[A-Z][A-Z ]+,(?: Dalmora,)? March (\d{1,2})\b", text):
            assert int(day) == _published_date(article_id).day, article_id


def test_samples_casualty_series_rises_with_the_same_source() -> None:
    records = {(c["article"], c["source"], c["value"]) for c in E["casualties"]}
    for update in E["casualty_updates"]:
        dates = [d for d, _, _ in update["series"]]
        values = [v for _, v, _ in update["series"]]
        assert dates == sorted(dates) and values == sorted(values) and len(set(values)) == len(values)
        for date, value, article_id in update["series"]:
            assert (article_id, update["source"], value) in records
    for conflict in E["casualty_conflicts"]:
        (source_a, value_a, article_a), (source_b, value_b, article_b) = conflict["figures"]
        assert source_a != source_b and value_a != value_b
        assert (
            _published_date(article_a)
            == _published_date(article_b)
            == dt.date.fromisoformat(conflict["date"])
        )
        both = _texts()[conflict["both_in"]]
        assert str(value_a) in both and str(value_b) in both


def test_samples_casualty_records_match_their_text() -> None:
    for claim in E["casualties"]:
        assert str(claim["value"]) in claim["text"]
        assert claim["qualifier"] is None or claim["qualifier"] in claim["text"]
        assert claim["published"] == ARTICLES[claim["article"]]["published"][:10]
        sentences = re.split(r"(?<=[.!?])\s+", _texts()[claim["article"]])
        holding = [s for s in sentences if claim["text"] in s]
        assert holding and all(claim["source"] in s for s in holding), claim


def test_samples_quote_speakers_are_named_in_their_article() -> None:
    kinds = {q["kind"] for q in E["quotes"]}
    assert kinds == {"direct", "partial", "indirect"}
    assert any(q.get("pronoun") for q in E["quotes"])
    for quote in E["quotes"]:
        text = _texts()[quote["article"]]
        assert quote["speaker"] in text or quote["speaker"].split()[-1] in text
        if quote.get("pronoun"):
            assert (
                f"{quote['text']}\u201d {quote['cue']}" in text or f'{quote["text"]}" {quote["cue"]}' in text
            )


def test_samples_reused_article_is_a_near_copy_under_a_new_headline_and_byline() -> None:
    for reuse in E["reuse"]:
        copy, original = ARTICLES[reuse["copy"]], ARTICLES[reuse["original"]]
        assert copy["outlet"] != original["outlet"]
        assert copy["title"] != original["title"] and copy["byline"] != original["byline"]
        delay = dt.datetime.fromisoformat(copy["published"]) - dt.datetime.fromisoformat(
            original["published"]
        )
        assert delay == dt.timedelta(hours=reuse["hours_later"])
        copy_text, original_text = _texts()[reuse["copy"]], _texts()[reuse["original"]]
        assert difflib.SequenceMatcher(None, copy_text, original_text, autojunk=False).ratio() > 0.9
        for change in reuse["changed_figures"] + reuse["dropped_attributions"]:
            assert change["original"] not in copy_text
        assert reuse["dropped_credit"] in original_text and reuse["dropped_credit"] not in copy_text


def test_samples_frame_cues_appear_only_where_recorded() -> None:
    assert {f["kind"] for f in E["frames"]} == {"hedge", "distancing", "loaded"}
    for frame in E["frames"]:
        assert frame["cue"].lower() in frame["text"].lower()
    cues = {f["cue"].lower() for f in E["frames"]}
    for article_id in E["unframed_articles"]:
        text = _texts()[article_id].lower()
        assert not [cue for cue in cues if cue in text], article_id


def test_samples_exclusive_markers_occur_in_no_other_article() -> None:
    for exclusive in E["exclusives"]:
        for marker in exclusive["markers"]:
            holders = [i for i, text in _texts().items() if marker in text]
            assert holders == [exclusive["article"]], marker


def test_samples_consensus_facts_have_three_independent_outlets() -> None:
    copies = {r["copy"] for r in E["reuse"]}
    for fact in E["consensus"]:
        outlets = {ARTICLES[i]["outlet"] for i, _ in fact["evidence"] if i not in copies}
        assert len(outlets) >= 3, fact["fact"]


def test_samples_entity_aliases_occur_in_the_corpus() -> None:
    for entity in E["entities"]:
        texts = [_texts()[i] for i, _ in entity["mentions"]]
        for alias in (entity["name"], *entity["aliases"]):
            assert any(alias in t for t in texts), (entity["name"], alias)


@pytest.mark.shared
def test_samples_corpus_shares_no_long_passage_with_the_seed_articles() -> None:
    seeds = SHARED / "samples" / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"{seeds} is absent")

    def shingles(text: str, n: int = 8) -> set[tuple[str, ...]]:
        words = re.findall(r"\w+", text.lower())
        return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}

    seed_shingles = set().union(*(shingles(p.read_text(encoding="utf-8")) for p in seeds.glob("*.txt")))
    for article_id, text in _texts().items():
        assert not shingles(text) & seed_shingles, article_id
