"""Terminal view of a comparison, with rich: one panel per kind of finding, and the timeline."""

from __future__ import annotations

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..compare.model import FINDING_KINDS, Comparison
from .markdown import HEADINGS

_STYLES = {
    "consensus": "green",
    "conflict": "red",
    "update": "yellow",
    "exclusive": "cyan",
    "reuse": "magenta",
    "frame": "blue",
}


def _clip(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_text(comparison: Comparison, console: Console, *, evidence: int = 3) -> None:
    """Print the comparison; at most ``evidence`` evidence lines per finding."""
    header = Table(title=escape(comparison.story or "Comparison"), show_lines=False, expand=False)
    header.add_column("Published")
    header.add_column("Outlet", style="bold")
    header.add_column("Headline")
    for a in comparison.articles:
        header.add_row(escape(a.published or ""), escape(a.outlet), escape(_clip(a.title or "", 80)))
    console.print(header)
    counts = comparison.counts()
    console.print(" · ".join(f"[{_STYLES[k]}]{counts[k]} {k}[/]" for k in FINDING_KINDS))
    for kind in FINDING_KINDS:
        found = comparison.by_kind(kind)
        if not found:
            continue
        rows = []
        for f in found:
            rows.append(Text("• " + f.summary, style="bold"))
            for e in f.evidence[:evidence]:
                rows.append(Text(f"    {e.outlet}: {_clip(e.text)}", style="dim"))
            if len(f.evidence) > evidence:
                rows.append(Text(f"    … {len(f.evidence) - evidence} more", style="dim"))
        console.print(Panel(Group(*rows), title=f"{HEADINGS[kind]} ({len(found)})", border_style=_STYLES[kind]))
    if comparison.timeline:
        table = Table(title="Timeline")
        table.add_column("Date", no_wrap=True)
        table.add_column("Event")
        table.add_column("Reported by")
        for t in comparison.timeline:
            table.add_row(t.date, escape(_clip(t.text, 120)), escape(", ".join(t.outlets)))
        console.print(table)
    for note in comparison.notes:
        console.print(f"[dim]Note: {escape(note)}[/]")
