"""Copied text: direction, what the copier changed, and copies not counted as independent sources."""

from __future__ import annotations

from parallax.compare import compare

ORIGINAL = (
    "MARLOW (Capital Wire) — Flood waters began to recede in Marlow county on Thursday after the river burst "
    "its banks, leaving whole streets of the old town under a metre of brown water.\n\n"
    "More than 210 people were treated in hospital for injuries and hypothermia, the county health office said. "
    "Around 4,000 residents remain in emergency shelters, the Riverside Aid Network said.\n\n"
    "Engineers from the national roads agency began inspecting the eleven bridges that span the river, and "
    "the main road to the capital stayed closed for a third day while divers checked the foundations.\n\n"
    "Mayor Ines Haddad said the town would need months to recover and asked the government for emergency "
    "funds to rebuild the flood walls that failed on Tuesday night."
)
COPY = (
    "MARLOW — Flood waters began to recede in Marlow county on Thursday after the river burst "
    "its banks, leaving whole streets of the old town under a metre of brown water.\n\n"
    "More than 240 people were treated in hospital for injuries and hypothermia, the county health office said. "
    "Around 4,000 residents remain in emergency shelters.\n\n"
    "Engineers from the national roads agency began inspecting the eleven bridges that span the river, and "
    "the main road to the capital stayed closed for a third day while divers checked the foundations.\n\n"
    "Mayor Ines Haddad said the town would need months to recover and asked the government for emergency "
    "funds to rebuild the flood walls that failed on Tuesday night."
)


def _pair(annotate):
    original = annotate("orig", "Capital Wire", "2024-05-02T08:00:00+00:00", ORIGINAL,
                        title="Marlow flood waters recede", byline="Lena Novak")
    copy = annotate("copy", "Bayside Daily", "2024-05-02T13:00:00+00:00", COPY,
                    title="Marlow begins long clean-up", byline="Karim Osei")
    other = annotate("other", "Northwind Post", "2024-05-02",
                     "Engineers from the national roads agency began inspecting the bridges over the river in Marlow "
                     "county on Thursday. Mayor Ines Haddad said the town would need months to recover.")
    return original, copy, other


def test_reuse_reports_copy_with_direction_and_changes(annotate):
    c = compare(list(_pair(annotate)))
    reuse = c.by_kind("reuse")
    assert len(reuse) == 1
    r = reuse[0]
    assert r.get("original") == "orig" and r.get("copy") == "copy"
    changes = r.get("changes")
    assert changes["headline"] == {"original": "Marlow flood waters recede", "copy": "Marlow begins long clean-up"}
    assert changes["byline"] == {"original": "Lena Novak", "copy": "Karim Osei"}
    assert changes["figures"] == [{"original": "210", "copy": "240"}]
    assert any("Riverside Aid Network said" in t for t in changes["attributions"])
    assert changes["credit"] == "Capital Wire"


def test_reuse_copy_not_counted_twice_in_consensus(annotate):
    c = compare(list(_pair(annotate)))
    for f in c.by_kind("consensus"):
        assert "copy" not in f.articles, f.summary


def test_reuse_not_reported_for_shared_short_quote(annotate):
    quote = '"We will need months to recover," Mayor Ines Haddad said.'
    a = annotate("a", "Capital Wire", "2024-05-02", "Flood waters receded in Marlow on Thursday. " + quote)
    b = annotate("b", "Northwind Post", "2024-05-03", "Schools in Marlow reopened on Friday. " + quote)
    assert not compare([a, b]).by_kind("reuse")


def test_reuse_credits_read_from_datelines_tails_bylines_and_removed_notices():
    from parallax.compare.reuse import article_credits
    from parallax.model import Article, Removed

    def credits(text, **kw):
        return article_credits(Article(id="x", text=text, **kw)).strong

    assert credits("MARLOW (AP) — Flood waters rose.") == {"Associated Press"}
    assert credits("Flood waters rose.\n\nInformation from: Marlow Gazette, http://example.org") == {"Associated Press"}
    assert credits("MARLOW, May 2 (Reuters) - Flood waters rose.\n\n(Reporting by Ana Pell; Editing by Tom Reyes)") \
        == {"Reuters"}
    assert credits("The charge sheet, seen by Reuters, lists three counts.") == {"Reuters"}
    assert credits("Flood waters rose.\nReuters - Ap - Afp") == {"Reuters", "Associated Press", "AFP"}
    assert credits("Flood waters rose.", byline="Associated Press") == {"Associated Press"}
    removed = (Removed(kind="prompt", text="Copyright 2024 The Associated Press. All rights reserved."),)
    assert credits("Flood waters rose.", removed=removed) == {"Associated Press"}
    # a photo credit says where the pictures come from, not the text
    assert credits("Flood waters rose. (AP Photo/Ana Pell)") == set()
    assert credits("A map of the floods (Image: Reuters)") == set()


def test_reuse_midnight_and_date_only_times_are_unknown_times():
    from parallax.compare.reuse import known_time

    assert not known_time("2024-05-02")
    assert not known_time("2024-05-02T00:00:00")
    assert not known_time("2024-05-02T00:00:00+00:00")
    assert known_time("2024-05-02T08:00:00+00:00")
    assert known_time("2024-05-02T00:17:00+00:00")
