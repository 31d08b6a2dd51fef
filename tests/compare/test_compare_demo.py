"""Acceptance on the bundled demo corpus: every phenomenon written into the event story is found."""

from __future__ import annotations

import pytest

from parallax.api import analyze
from parallax.compare import compare
from parallax.model import Article
from parallax.samples import DEMO_EXPECTATIONS, EVENT_STORY, demo_paths

META = DEMO_EXPECTATIONS["articles"]


@pytest.fixture(scope="module")
def demo():
    ids = set(DEMO_EXPECTATIONS["stories"][EVENT_STORY]["articles"])
    articles = [a for a in analyze(demo_paths()) if isinstance(a, Article) and a.id in ids]
    # plain-text files carry no outlet or date: the corpus documents them
    articles = [a.replace(outlet=a.outlet or META[a.id]["outlet"], published=a.published or META[a.id]["published"])
                for a in articles]
    return articles, compare(articles, story=EVENT_STORY)


def test_compare_demo_copy_reported_with_byline_and_headline(demo):
    _, c = demo
    exp = DEMO_EXPECTATIONS["reuse"][0]
    reuse = [f for f in c.by_kind("reuse") if f.get("copy") == exp["copy"]]
    assert len(reuse) == 1 and reuse[0].get("original") == exp["original"]
    changes = reuse[0].get("changes")
    assert changes["headline"] == {"original": exp["original_title"], "copy": exp["copy_title"]}
    assert changes["byline"] == {"original": exp["original_byline"], "copy": exp["copy_byline"]}
    figures = changes["figures"]
    assert any(f["original"] in exp["changed_figures"][0]["original"] and f["copy"] in exp["changed_figures"][0]["copy"]
               for f in figures)
    assert changes["attributions"]


def test_compare_demo_copy_not_counted_in_consensus(demo):
    _, c = demo
    copy = DEMO_EXPECTATIONS["reuse"][0]["copy"]
    for f in c.by_kind("consensus"):
        assert copy not in f.articles, f.summary


def test_compare_demo_monitor_updates_and_ministry_update(demo):
    _, c = demo
    series = {f.get("source"): [s["value"] for s in f.get("series")] for f in c.by_kind("update")}
    assert series.get("Coastal Monitoring Group") == [23, 41, 47]
    assert series.get("Health Ministry") == [30, 44]


def test_compare_demo_conflict_between_monitor_and_ministry(demo):
    _, c = demo
    exp = DEMO_EXPECTATIONS["casualty_conflicts"][0]
    found = [f for f in c.by_kind("conflict") if f.get("date") == exp["date"]]
    assert len(found) == 1
    values = {(x["source"], x["value"]) for x in found[0].get("figures")}
    assert ("Coastal Monitoring Group", 41) in values and ("Health Ministry", 30) in values


def test_compare_demo_frames_only_in_framing_outlets(demo):
    _, c = demo
    framed = {e.article for f in c.by_kind("frame") for e in f.evidence if e.get("role") == "framed"}
    assert not framed & set(DEMO_EXPECTATIONS["unframed_articles"])
    cues = {f.get("cue") for f in c.by_kind("frame")}
    for exp in DEMO_EXPECTATIONS["frames"]:
        if exp["kind"] != "loaded":
            assert any(exp["cue"].lower().endswith(cue) or cue in exp["cue"].lower() for cue in cues), exp["cue"]


def test_compare_demo_exclusive_inspection_report(demo):
    _, c = demo
    exp = DEMO_EXPECTATIONS["exclusives"][0]
    texts = [f.evidence[0].text for f in c.by_kind("exclusive") if f.evidence[0].article == exp["article"]]
    assert any("1,900 tonnes" in t for t in texts)


def test_compare_demo_consensus_facts(demo):
    _, c = demo
    joined = [" ".join(e.text for e in f.evidence) for f in c.by_kind("consensus")]
    hits = 0
    for fact in DEMO_EXPECTATIONS["consensus"]:
        if any(sum(text in j for _, text in fact["evidence"]) >= 2 for j in joined):
            hits += 1
    assert hits >= 4, hits


def test_compare_demo_quotes_and_timeline(demo):
    _, c = demo
    assert any(f.get("basis") in ("quote", "speaker") for f in c.by_kind("consensus"))
    days = {t.date for t in c.timeline}
    assert {"2026-03-02", "2026-03-03", "2026-03-04"} <= days
