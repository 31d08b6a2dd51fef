"""A terminal overview of a set of articles: who published what, what cleaning removed,
and, side by side across outlets, the figures, quotes and framing the annotations found.

This is the comparison Parallax can make before story clustering and claim alignment:
a reader sees the raw material of triangulation, grouped but not yet judged.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Sequence

from rich.console import Console
from rich.table import Table

from ..model import Article


def _short(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _date(article: Article) -> str:
    return (article.published or "")[:10]


def _ordered(articles: Iterable[Article]) -> list[Article]:
    return sorted(articles, key=lambda a: (a.published or "", a.outlet or "", a.id))


def articles_table(articles: Sequence[Article]) -> Table:
    table = Table(title="Articles", title_justify="left", expand=False)
    for col in ("published", "outlet", "title", "byline", "words", "removed"):
        table.add_column(col, overflow="fold")
    for a in articles:
        kinds: dict[str, int] = defaultdict(int)
        for r in a.removed:
            kinds[r.kind] += 1
        removed = ", ".join(f"{k}×{n}" if n > 1 else k for k, n in sorted(kinds.items())) or "-"
        table.add_row(
            _date(a),
            a.outlet or "?",
            _short(a.title, 60),
            a.byline or "-",
            str(len(a.text.split())),
            removed,
        )
    return table


def figures_table(articles: Sequence[Article]) -> Table | None:
    """Every numeric claim, grouped by what is counted, in publication order."""
    rows = []
    for a in articles:
        for c in a.claims:
            key = " ".join(x for x in (c.unit, c.predicate) if x) or "(no unit)"
            rows.append((key, a, c))
    if not rows:
        return None
    rows.sort(key=lambda r: (r[0], r[1].published or "", r[1].outlet or ""))
    table = Table(title="Figures, by what they count", title_justify="left")
    for col in ("counts", "published", "outlet", "figure", "source", "as of"):
        table.add_column(col, overflow="fold")
    for key, a, c in rows:
        value = f"{int(c.value):,}" if float(c.value).is_integer() else f"{c.value:,}"
        figure = " ".join(x for x in (c.qualifier, value) if x)
        table.add_row(key, _date(a), a.outlet or "?", figure, c.source or "-", c.as_of or "-")
    return table


def quotes_table(articles: Sequence[Article]) -> Table | None:
    """Who is quoted, by which outlets, and how often."""
    by_speaker: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    sample: dict[str, str] = {}
    for a in articles:
        for q in a.quotes:
            if not q.speaker:
                continue
            by_speaker[q.speaker][a.outlet or "?"] += 1
            sample.setdefault(q.speaker, a.text[q.start : q.end])
    if not by_speaker:
        return None
    table = Table(title="Who is quoted, by whom", title_justify="left")
    for col in ("speaker", "outlets (quotes)", "for example"):
        table.add_column(col, overflow="fold")
    ranked = sorted(by_speaker.items(), key=lambda kv: (-len(kv[1]), -sum(kv[1].values()), kv[0]))
    for speaker, outlets in ranked[:15]:
        cited = ", ".join(f"{o} ({n})" for o, n in sorted(outlets.items()))
        table.add_row(speaker, cited, _short(sample[speaker], 70))
    return table


def frames_table(articles: Sequence[Article]) -> Table | None:
    """Hedges, distancing and loaded terms, per outlet."""
    rows = []
    for a in articles:
        for f in a.frames:
            rows.append((a.outlet or "?", f.kind, a.text[f.start : f.end], _date(a)))
    if not rows:
        return None
    table = Table(title="Framing language, by outlet", title_justify="left")
    for col in ("outlet", "kind", "words", "published"):
        table.add_column(col, overflow="fold")
    for row in sorted(rows):
        table.add_row(*row)
    return table


def render_overview(articles: Iterable[Article], console: Console, *, details: bool = True) -> None:
    """Print the overview of ``articles`` to ``console``: the article table and, with ``details``,
    every figure, quote and framing expression found, side by side across outlets."""
    ordered = _ordered(articles)
    outlets = sorted({a.outlet or "?" for a in ordered})
    console.print(
        f"[bold]{len(ordered)} articles from {len(outlets)} outlets[/bold]: {', '.join(outlets)}", highlight=False
    )
    console.print(articles_table(ordered))
    if not details:
        return
    for table in (figures_table(ordered), quotes_table(ordered), frames_table(ordered)):
        if table is not None:
            console.print(table)
