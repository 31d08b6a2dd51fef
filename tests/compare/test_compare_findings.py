"""Findings on small hand-written stories: what must be found, and what must not."""

from __future__ import annotations

from parallax.compare import CompareSettings, compare
from parallax.model import Article


def _kinds(comparison, kind):
    return comparison.by_kind(kind)


def test_compare_update_same_source_later_figure(annotate):
    a = annotate("a", "Northwind Post", "2024-05-01",
                 "Floods swept through Marlow county on Monday. The Riverside Aid Network said the floods had "
                 "killed at least 40 people in Marlow county.")
    b = annotate("b", "Capital Wire", "2024-05-03",
                 "At least 65 people have died in the Marlow floods, the Riverside Aid Network said on Friday.")
    c = compare([a, b])
    updates = c.by_kind("update")
    assert len(updates) == 1
    u = updates[0]
    assert "Northwind Post" in u.summary and "Capital Wire" in u.summary
    assert "2024-05-01" in u.summary and "2024-05-03" in u.summary
    assert [s["value"] for s in u.get("series")] == [40, 65]
    assert not c.by_kind("conflict")


def test_compare_one_source_two_figures_without_dates_is_an_undated_conflict_naming_both(annotate):
    a = annotate("a", "Northwind Post", None,
                 "The Riverside Aid Network said the floods had killed at least 40 people in Marlow county.")
    b = annotate("b", "Capital Wire", None,
                 "At least 65 people have died in the Marlow floods, the Riverside Aid Network said.")
    c = compare([a, b])
    assert not c.by_kind("update")  # no date orders them
    found = [f for f in c.by_kind("conflict") if f.get("aspect") == "undated figure"]
    assert len(found) == 1
    f = found[0]
    assert "Riverside Aid Network" in f.summary and "no date" in f.summary
    assert "at least 40" in f.summary and "at least 65" in f.summary
    assert [fig["value"] for fig in f.get("figures")] == [40, 65]
    assert {e.outlet for e in f.evidence} == {"Northwind Post", "Capital Wire"}


def test_compare_undated_figure_already_in_a_dated_series_adds_no_conflict(annotate):
    a = annotate("a", "Northwind Post", "2024-05-01",
                 "The Riverside Aid Network said the floods had killed at least 40 people in Marlow county.")
    b = annotate("b", "Capital Wire", "2024-05-03",
                 "At least 65 people have died in the Marlow floods, the Riverside Aid Network said.")
    d = annotate("d", "Harbour Gazette", None,
                 "The Riverside Aid Network says at least 65 people have died in the Marlow floods.")
    c = compare([a, b, d])
    assert len(c.by_kind("update")) == 1
    assert not [f for f in c.by_kind("conflict") if f.get("aspect") == "undated figure"]


def test_compare_one_article_giving_two_figures_of_a_source_is_no_undated_conflict(annotate):
    a = annotate("a", "Northwind Post", None,
                 "The Riverside Aid Network said 40 people had been killed in the floods. The Riverside "
                 "Aid Network later said 65 people had been killed in the floods.")  # both attributed
    b = annotate("b", "Capital Wire", None, "Rescue teams searched the flooded villages of Marlow county.")
    assert not [f for f in compare([a, b]).by_kind("conflict") if f.get("aspect") == "undated figure"]


def test_compare_conflict_different_sources_same_day(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "The Interior Ministry said on Thursday that 12 people were killed in the Marlow floods.")
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "The Riverside Aid Network said on Thursday that at least 30 people were killed in the Marlow floods.")
    c = compare([a, b])
    conflicts = c.by_kind("conflict")
    assert len(conflicts) == 1
    assert {e.outlet for e in conflicts[0].evidence} == {"Northwind Post", "Capital Wire"}
    assert not c.by_kind("update")


def test_compare_no_conflict_for_compatible_qualifiers(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "The Riverside Aid Network said at least 23 people were killed in the Marlow floods.")
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "The Interior Ministry said 25 people were killed in the Marlow floods.")
    assert not compare([a, b]).by_kind("conflict")


def test_compare_nothing_for_different_figures_about_different_things(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "Twelve people were killed when the dam burst near Marlow. Police arrested 14 looters in Bresk.")
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "About 300 residents were evacuated from Marlow after the dam burst. Engineers said 14 bridges "
                 "had been damaged across the county.")
    c = compare([a, b])
    assert not c.by_kind("conflict")
    assert not c.by_kind("update")
    # the number 14 in unrelated sentences is not a shared fact
    for f in c.by_kind("consensus"):
        assert not any("14" in e.text for e in f.evidence), f.summary


def test_compare_paraphrased_quote_is_not_altered(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 'Mayor Ines Haddad said that the town would rebuild every bridge before the winter.')
    b = annotate("b", "Capital Wire", "2024-05-02",
                 "Mayor Ines Haddad promised that all the bridges would be rebuilt by winter.")
    c = compare([a, b])
    assert not [f for f in c.by_kind("conflict") if f.get("aspect") == "quote"]


def test_compare_altered_quote_shows_differing_words(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 '"We will rebuild every bridge in this county before the first snow falls," Mayor Ines Haddad said.')
    b = annotate("b", "Capital Wire", "2024-05-02",
                 '"We will rebuild every road in this county before the first snow falls," Mayor Ines Haddad said.')
    altered = [f for f in compare([a, b]).by_kind("conflict") if f.get("aspect") == "quote"]
    assert len(altered) == 1
    assert altered[0].get("changes") == [{"a": "bridge", "b": "road"}]


def test_compare_verbatim_quote_is_consensus(annotate):
    q = '"We will rebuild every bridge in this county before the first snow falls," Mayor Ines Haddad said.'
    a = annotate("a", "Northwind Post", "2024-05-02", q)
    b = annotate("b", "Capital Wire", "2024-05-02", "Flood waters receded on Thursday. " + q)
    c = compare([a, b])
    quotes = [f for f in c.by_kind("consensus") if f.get("basis") == "quote"]
    assert len(quotes) == 1 and set(quotes[0].outlets) == {"Northwind Post", "Capital Wire"}
    assert not [f for f in c.by_kind("exclusive") if "rebuild" in f.evidence[0].text]


def test_compare_exclusive_claim_only_one_outlet_carries(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02",
                 "The floods destroyed the old mill in Marlow. An internal audit found that 3,400 sandbags had "
                 "never been delivered to the county depot, the Riverside Aid Network said.")
    b = annotate("b", "Capital Wire", "2024-05-02", "The floods destroyed the old mill in Marlow on Thursday.")
    ex = compare([a, b]).by_kind("exclusive")
    assert [f.evidence[0].outlet for f in ex] == ["Northwind Post"]
    assert "3,400 sandbags" in ex[0].evidence[0].text


def test_compare_frame_used_by_one_outlet_only(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02", "The dam reportedly failed after days of heavy rain in Marlow.")
    b = annotate("b", "Capital Wire", "2024-05-02", "The dam failed after days of heavy rain in Marlow.")
    frames = compare([a, b]).by_kind("frame")
    assert len(frames) == 1
    assert frames[0].evidence[0].outlet == "Northwind Post" and frames[0].evidence[0].text == "reportedly"
    assert frames[0].evidence[-1].get("role") == "unframed"


def test_compare_frame_used_by_every_outlet_is_not_reported(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02", "The dam reportedly failed after heavy rain in Marlow.")
    b = annotate("b", "Capital Wire", "2024-05-02", "The dam in Marlow reportedly gave way after heavy rain.")
    assert not compare([a, b]).by_kind("frame")


def test_compare_single_article_reports_nothing_across_outlets(annotate):
    a = annotate("a", "Northwind Post", "2024-05-02", "The dam reportedly failed after heavy rain in Marlow.")
    c = compare([a])
    assert not c.findings
    assert c.notes


def test_compare_settings_reject_bad_threshold():
    import pytest

    from parallax.errors import ConfigError

    with pytest.raises(ConfigError, match="sentence_similarity"):
        CompareSettings(sentence_similarity=1.5)


def test_compare_to_dict_has_design_shape(annotate):
    a = annotate("a", "Northwind Post", "2024-05-01",
                 "The Riverside Aid Network said the floods had killed at least 40 people in Marlow county.")
    b = annotate("b", "Capital Wire", "2024-05-03",
                 "At least 65 people have died in the Marlow floods, the Riverside Aid Network said on Friday.")
    d = compare([a, b], story="marlow-floods").to_dict()
    assert d["story"] == "marlow-floods"
    assert [x["id"] for x in d["articles"]] == ["a", "b"]
    assert set(d["articles"][0]) >= {"id", "outlet", "published", "title"}
    f = d["findings"][0]
    assert set(f) >= {"kind", "summary", "evidence"}
    ev = f["evidence"][0]
    assert set(ev) >= {"article", "outlet", "start", "end", "text"}
    art = {"a": a, "b": b}[ev["article"]]
    assert art.text[ev["start"] : ev["end"]] == ev["text"]
    for t in d["timeline"]:
        assert set(t) >= {"date", "text", "articles"}


def test_compare_unannotated_articles_are_noted():
    a = Article(id="a", text="Plain text.", outlet="X", published="2024-01-01")
    b = Article(id="b", text="Other text.", outlet="Y", published="2024-01-02")
    c = compare([a, b])
    assert any("no annotations" in n for n in c.notes)
