"""Renderers of a comparison: JSON contract, Markdown, standalone HTML with charts, terminal text."""

from __future__ import annotations

import io
import json
import re

from rich.console import Console

from parallax.render.html import render_html
from parallax.render.json import render_json
from parallax.render.markdown import render_markdown
from parallax.render.text import render_text


def test_render_json_is_the_design_contract(story):
    _, comparison = story
    d = json.loads(render_json(comparison))
    assert d == json.loads(json.dumps(comparison.to_dict()))
    assert {"story", "articles", "findings", "timeline"} <= set(d)
    assert {f["kind"] for f in d["findings"]} >= {"update", "frame", "exclusive"}


def test_render_markdown_lists_every_kind_found(story):
    articles, comparison = story
    md = render_markdown(comparison, articles)
    assert md.startswith("# marlow-floods")
    assert "## Figures updated over time (1)" in md
    assert "## Framing (1)" in md
    assert "\\<county\\>" in md  # headline markup escaped


def test_render_html_is_standalone_with_two_charts(story):
    articles, comparison = story
    page = render_html(comparison, articles)
    assert page.startswith("<!DOCTYPE html>")
    assert page.count("<svg") == 2
    assert 'aria-label="Timeline of the story"' in page and 'aria-label="Outlets by claim"' in page
    assert "<script" not in page
    assert not re.search(r"""src=["']https?://""", page), "no resource loaded from the network"
    assert "&lt;county&gt;" in page and "<county>" not in page
    assert "<mark>" in page  # evidence highlighted in the article texts


def test_render_text_prints_panels(story):
    _, comparison = story
    console = Console(file=io.StringIO(), width=100, force_terminal=False, color_system=None)
    render_text(comparison, console)
    out = console.file.getvalue()
    assert "Figures updated over time" in out
    assert "Riverside Aid Network" in out
    assert "Northwind Post" in out
