"""Highlighting in place: overlapping spans cut into flat marks, every character escaped."""

from __future__ import annotations

from parallax.model import Article, Claim, Frame, Quote
from parallax.web.highlight import Mark, annotation_marks, highlight, target_mark


def test_highlight_overlapping_spans_become_flat_marks_with_every_layer():
    text = "The toll rose to 41 on Wednesday."
    html = highlight(text, [Mark(0, 33, "conflict", "c"), Mark(17, 19, "figure", "f"), Mark(4, 8, "claim", "k")])
    assert html.count("<mark") == html.count("</mark>") == 5
    assert '<mark class="figure conflict" title="c · f">41</mark>' in html
    assert '<mark class="claim conflict" title="c · k">toll</mark>' in html
    assert "<mark" not in html.split("</mark>")[-1]  # nothing after the last span


def test_highlight_escapes_text_and_labels():
    text = "<script>alert(1)</script> & <img src=x onerror=alert(1)>"
    html = highlight(text, [Mark(0, 8, "quote", '"><img src=x onerror=alert(2)>')])
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&amp;" in html
    assert 'title="&#34;&gt;&lt;img' in html


def test_highlight_without_marks_is_the_escaped_text():
    assert highlight("a < b", []) == "a &lt; b"


def test_highlight_ignores_spans_outside_the_text_and_clips_overlong_ones():
    html = highlight("short", [Mark(10, 20, "claim"), Mark(3, 99, "quote"), Mark(2, 2, "frame")])
    assert html == 'sho<mark class="quote" title="">rt</mark>'


def test_highlight_anchors_the_first_piece_of_the_target():
    html = highlight("abcdef", [Mark(1, 5, "target", "t"), Mark(3, 4, "claim", "c")])
    assert html.count('id="hl"') == 1
    assert html.index('id="hl"') < html.index(">b")


def test_highlight_target_mark_rejects_malformed_or_out_of_range_spans():
    article = Article(id="a", text="0123456789")
    assert target_mark(article, "2-5") == Mark(2, 5, "target", "the evidence you followed")
    for bad in ("5-2", "2-50", "x-3", "3", "", None, "-1-4", "2-5-7"):
        assert target_mark(article, bad) is None, bad


def test_highlight_annotation_marks_cover_claims_quotes_and_frames():
    text = "Officials said 30 people died, reportedly."
    article = Article(
        id="a",
        text=text,
        claims=(Claim(0, 29, 30, unit="people", predicate="died", source="Officials", as_of="2026-03-04"),),
        quotes=(Quote(15, 29, kind="indirect", speaker="Officials"),),
        frames=(Frame(31, 41, "hedge", cue="reportedly"),),
    )
    marks = annotation_marks(article)
    assert [m.layer for m in marks] == ["claim", "quote", "frame"]
    assert marks[0].label == "claim: 30 people died (source Officials, as of 2026-03-04)"
    assert marks[1].label == "indirect quote by Officials"
    assert marks[2].label == "frame: hedge (reportedly)"
