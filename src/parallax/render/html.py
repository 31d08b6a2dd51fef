"""Standalone HTML report of a comparison: inline CSS, two hand-written inline SVG charts, no script.

The page needs no network: a timeline chart (the articles' publication times and the
story's dated events, one lane per outlet) and an outlet × claim matrix (each consensus,
conflict, update and exclusive finding as a row; a cell per outlet showing the figure or
a mark when that outlet carries it), then every finding with its evidence, the articles
with the evidence spans highlighted, and the timeline.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape

from ..compare.model import FINDING_KINDS, Comparison, Finding
from ..model import Article
from .markdown import HEADINGS

_COLORS = {
    "consensus": "#2e7d32",
    "conflict": "#c62828",
    "update": "#ef6c00",
    "exclusive": "#00838f",
    "reuse": "#6a1b9a",
    "frame": "#1565c0",
}
_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:1100px;color:#222;
line-height:1.45;padding:0 1rem}
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
table.articles{border-collapse:collapse;width:100%;font-size:.9rem}
table.articles td,table.articles th{border-bottom:1px solid #eee;padding:.3rem .5rem;text-align:left}
.finding{border-left:4px solid #999;padding:.3rem .8rem;margin:.8rem 0;background:#fafafa}
.finding .summary{font-weight:600}
.evidence{margin:.3rem 0 0 1rem;font-size:.9rem;color:#444}
.evidence .outlet{font-weight:600;color:#222}
.counts span{display:inline-block;margin-right:1rem;font-weight:600}
mark{background:#fff3b0}
.article-text{white-space:pre-wrap;font-size:.9rem;background:#fcfcfc;border:1px solid #eee;padding:.8rem}
details{margin:.5rem 0}
svg text{font-family:system-ui,sans-serif}
.note{color:#666;font-style:italic}
"""


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        if len(value) == 7:
            return date.fromisoformat(value + "-01")
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def timeline_svg(comparison: Comparison) -> str:
    """One lane per outlet: squares at publication dates, circles for dated events it reports."""
    outlets = list(comparison.outlets)
    points: list[date] = [d for d in (_day(a.published) for a in comparison.articles) if d]
    points += [d for d in (_day(t.date) for t in comparison.timeline) if d]
    if not outlets or not points:
        return ""
    lo, hi = min(points), max(points)
    span = max((hi - lo).days, 1)
    left, right, top, lane = 190, 30, 30, 28
    width = 1000
    height = top + lane * len(outlets) + 40

    def x(d: date) -> float:
        return left + (width - left - right) * (d - lo).days / span

    parts = [(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
              f'role="img" aria-label="Timeline of the story">')]
    for n, outlet in enumerate(outlets):
        y = top + lane * n + lane / 2
        parts.append(f'<line x1="{left}" y1="{y}" x2="{width - right}" y2="{y}" stroke="#eee"/>')
        parts.append(f'<text x="{left - 8}" y="{y + 4}" font-size="12" text-anchor="end">{escape(_clip(outlet, 28))}</text>')
    days = sorted({lo.toordinal() + k for k in range(span + 1)})
    step = max(1, len(days) // 10)
    for k, o in enumerate(days):
        if k % step:
            continue
        d = date.fromordinal(o)
        parts.append(f'<line x1="{x(d)}" y1="{top - 6}" x2="{x(d)}" y2="{height - 32}" stroke="#f3f3f3"/>')
        parts.append(f'<text x="{x(d)}" y="{height - 16}" font-size="11" text-anchor="middle">{d.isoformat()}</text>')
    index = {o: n for n, o in enumerate(outlets)}
    for t in comparison.timeline:
        when = _day(t.date)
        if when is None:
            continue
        r = 3 + 2 * min(len(t.articles), 5)
        for outlet in t.outlets:
            y = top + lane * index.get(outlet, 0) + lane / 2
            parts.append(f'<circle cx="{x(when):.1f}" cy="{y}" r="{r}" fill="#1565c0" fill-opacity=".35">'
                         f'<title>{escape(t.date)}: {escape(_clip(t.text, 200))}</title></circle>')
    for ref in comparison.articles:
        published = _day(ref.published)
        if published is None:
            continue
        y = top + lane * index[ref.outlet] + lane / 2
        parts.append(f'<rect x="{x(published) - 5:.1f}" y="{y - 5}" width="10" height="10" fill="#222">'
                     f'<title>{escape(ref.outlet)}, {escape(ref.published or "")}: '
                     f"{escape(ref.title or ref.id)}</title></rect>")
    parts.append("</svg>")
    return "".join(parts)


def _cell(f: Finding, outlet: str) -> str | None:
    values = [e.get("value") for e in f.evidence if e.outlet == outlet]
    if not values:
        return None
    shown = [v for v in values if v is not None]
    if shown:
        v = shown[0]
        return f"{int(v):,}" if isinstance(v, (int, float)) and float(v).is_integer() else str(v)
    return "✓"


def matrix_svg(comparison: Comparison, limit: int = 40) -> str:
    """Rows: findings about facts and figures; columns: outlets; a cell when the outlet carries it."""
    rows = [f for f in comparison.findings if f.kind in ("consensus", "conflict", "update", "exclusive")][:limit]
    outlets = list(comparison.outlets)
    if not rows or not outlets:
        return ""
    label_w, col_w, row_h, head_h = 430, 92, 22, 110
    width = label_w + col_w * len(outlets) + 10
    height = head_h + row_h * len(rows) + 10
    parts = [(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
              f'role="img" aria-label="Outlets by claim">')]
    for n, outlet in enumerate(outlets):
        cx = label_w + col_w * n + col_w / 2
        parts.append(f'<text transform="translate({cx},{head_h - 8}) rotate(-35)" font-size="12">'
                     f'{escape(_clip(outlet, 24))}</text>')
    for r, f in enumerate(rows):
        y = head_h + row_h * r
        if r % 2 == 0:
            parts.append(f'<rect x="0" y="{y}" width="{width}" height="{row_h}" fill="#f7f7f7"/>')
        parts.append(f'<rect x="2" y="{y + 5}" width="8" height="12" fill="{_COLORS[f.kind]}"/>')
        parts.append(f'<text x="16" y="{y + 15}" font-size="12"><title>{escape(f.summary)}</title>'
                     f'{escape(_clip(f.summary, 62))}</text>')
        for n, outlet in enumerate(outlets):
            value = _cell(f, outlet)
            if value is None:
                continue
            cx = label_w + col_w * n + col_w / 2
            parts.append(f'<rect x="{cx - col_w / 2 + 4}" y="{y + 3}" width="{col_w - 8}" height="{row_h - 6}" '
                         f'rx="3" fill="{_COLORS[f.kind]}" fill-opacity=".18"/>')
            parts.append(f'<text x="{cx}" y="{y + 15}" font-size="12" text-anchor="middle">{escape(value)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _highlighted(article: Article, spans: Sequence[tuple[int, int]]) -> str:
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    out, pos = [], 0
    for s, e in merged:
        out.append(escape(article.text[pos:s]))
        out.append(f"<mark>{escape(article.text[s:e])}</mark>")
        pos = e
    out.append(escape(article.text[pos:]))
    return "".join(out)


def render_html(comparison: Comparison, articles: Sequence[Article] = ()) -> str:
    """A standalone HTML page of the comparison; ``articles`` adds their texts with evidence highlighted."""
    title = comparison.story or "Comparison"
    h: list[str] = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
                    '<meta name="viewport" content="width=device-width, initial-scale=1">',
                    f"<title>{escape(title)} — Parallax</title><style>{_CSS}</style></head><body>",
                    f"<h1>{escape(title)}</h1>",
                    (f"<p>{len(comparison.articles)} articles from {len(comparison.outlets)} outlets, compared "
                     "claim by claim by Parallax.</p>")]
    counts = comparison.counts()
    h.append('<p class="counts">' + "".join(
        f'<span style="color:{_COLORS[k]}">{counts[k]} {k}</span>' for k in FINDING_KINDS) + "</p>")
    h.append('<table class="articles"><tr><th>Published</th><th>Outlet</th><th>Headline</th><th>Byline</th></tr>')
    for a in comparison.articles:
        head = escape(a.title or a.id)
        if a.url:
            head = f'<a href="{escape(a.url)}">{head}</a>'
        h.append(f"<tr><td>{escape(a.published or '')}</td><td>{escape(a.outlet)}</td><td>{head}</td>"
                 f"<td>{escape(a.byline or '')}</td></tr>")
    h.append("</table>")
    chart = timeline_svg(comparison)
    if chart:
        h.append("<h2>Timeline chart</h2>" + chart)
    matrix = matrix_svg(comparison)
    if matrix:
        h.append("<h2>Outlets × claims</h2>" + matrix)
    for kind in FINDING_KINDS:
        found = comparison.by_kind(kind)
        if not found:
            continue
        h.append(f'<h2 id="{kind}">{escape(HEADINGS[kind])} ({len(found)})</h2>')
        for f in found:
            h.append(f'<div class="finding" style="border-color:{_COLORS[kind]}">'
                     f'<div class="summary">{escape(f.summary)}</div>')
            for e in f.evidence:
                role = e.get("role")
                tag = f" ({escape(str(role))})" if role else ""
                h.append(f'<div class="evidence"><span class="outlet">{escape(e.outlet)}</span>{tag}: '
                         f"“{escape(_clip(e.text, 400))}”</div>")
            h.append("</div>")
    if comparison.timeline:
        h.append("<h2>Timeline</h2><ul>")
        for t in comparison.timeline:
            h.append(f"<li><strong>{escape(t.date)}</strong> {escape(t.text)} "
                     f"<em>({escape(', '.join(t.outlets))})</em></li>")
        h.append("</ul>")
    if articles:
        spans: dict[str, list[tuple[int, int]]] = {}
        for f in comparison.findings:
            for e in f.evidence:
                spans.setdefault(e.article, []).append((e.start, e.end))
        h.append("<h2>Articles</h2>")
        known = {a.id for a in comparison.articles}
        for art in articles:
            if art.id not in known:
                continue
            h.append(f"<details><summary>{escape(art.outlet or art.id)}: {escape(art.title or art.id)}</summary>"
                     f'<div class="article-text">{_highlighted(art, spans.get(art.id, []))}</div></details>')
    for note in comparison.notes:
        h.append(f'<p class="note">Note: {escape(note)}</p>')
    h.append("</body></html>")
    return "\n".join(h) + "\n"
