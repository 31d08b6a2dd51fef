"""Markdown view of a comparison: findings by kind with quoted evidence, and the timeline."""

from __future__ import annotations

from collections.abc import Sequence

from ..compare.model import FINDING_KINDS, Comparison, Finding
from ..model import Article

HEADINGS = {
    "consensus": "What outlets agree on",
    "conflict": "Conflicting figures and quotes",
    "update": "Figures updated over time",
    "exclusive": "Reported by one outlet only",
    "reuse": "Copied text",
    "frame": "Framing",
}


def _md(text: str) -> str:
    """Text safe inside a Markdown paragraph or table cell."""
    text = " ".join(text.split())
    for ch in "\\`*_[]<>|":
        text = text.replace(ch, "\\" + ch)
    return text


def _finding(f: Finding) -> list[str]:
    lines = [f"- **{_md(f.summary)}**"]
    for e in f.evidence:
        role = e.get("role")
        tag = f" ({role})" if role else ""
        lines.append(f"  - {_md(e.outlet)}{tag}, `{e.article}` [{e.start}:{e.end}]: > {_md(e.text)}")
    return lines


def render_markdown(comparison: Comparison, articles: Sequence[Article] | None = None) -> str:
    """The comparison as a Markdown document. ``articles`` (optional) adds bylines and URLs."""
    extra = {a.id: a for a in articles or ()}
    title = comparison.story or "Comparison"
    out = [f"# {_md(title)}", ""]
    out.append(f"{len(comparison.articles)} articles from {len(comparison.outlets)} outlets.")
    out.append("")
    out.append("| Published | Outlet | Headline | Id |")
    out.append("|---|---|---|---|")
    for a in comparison.articles:
        url = a.url or (extra[a.id].url if a.id in extra else None)
        head = _md(a.title or "(no headline)")
        if url:
            head = f"[{head}]({url})"
        out.append(f"| {a.published or ''} | {_md(a.outlet)} | {head} | `{a.id}` |")
    out.append("")
    counts = comparison.counts()
    out.append("Findings: " + ", ".join(f"{counts[k]} {k}" for k in FINDING_KINDS) + ".")
    out.append("")
    for kind in FINDING_KINDS:
        found = comparison.by_kind(kind)
        if not found:
            continue
        out.append(f"## {HEADINGS[kind]} ({len(found)})")
        out.append("")
        for f in found:
            out.extend(_finding(f))
        out.append("")
    if comparison.timeline:
        out.append("## Timeline")
        out.append("")
        for t in comparison.timeline:
            out.append(f"- **{t.date}** {_md(t.text)} — {_md(', '.join(t.outlets))}")
        out.append("")
    for note in comparison.notes:
        out.append(f"> Note: {_md(note)}")
    return "\n".join(out).rstrip() + "\n"
