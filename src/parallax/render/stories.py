"""The story list of ``parallax stories`` and ``parallax demo``, as a terminal table."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table

from ..cluster import StorySummary


def _span(first: str | None, last: str | None) -> str:
    a, b = (first or "")[:10], (last or "")[:10]
    if not a:
        return "-"
    return a if a == b else f"{a} – {b}"


def stories_table(found: Sequence[StorySummary]) -> Table:
    """One row per story: id, size, time span, outlets, top entities, label."""
    table = Table(title="Stories", title_justify="left", expand=False)
    for col in ("story", "articles", "dates", "outlets", "top entities", "label"):
        table.add_column(col, overflow="fold")
    for s in found:
        outlets = ", ".join(s.outlets[:4]) + (f" +{len(s.outlets) - 4}" if len(s.outlets) > 4 else "")
        table.add_row(
            s.id,
            str(s.size),
            _span(s.first, s.last),
            outlets or "-",
            ", ".join(s.top_entities[:4]) or "-",
            s.label,
        )
    return table


def render_stories(found: Sequence[StorySummary], console: Console) -> None:
    """Print the story table, or a hint when there are none."""
    if not found:
        console.print("No stories yet: ingest articles first (parallax ingest PATH... --db FILE).")
        return
    console.print(stories_table(found))
