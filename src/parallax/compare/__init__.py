"""Cross-source comparison of one story's articles: what outlets agree on, where they differ, who copied whom.

>>> from parallax.compare import compare
>>> comparison = compare(articles, story="port-alvane")      # annotated Articles of one story
>>> for f in comparison.by_kind("update"):
...     print(f.summary)
>>> comparison.to_dict()                                     # the `parallax compare --format json` shape

Findings, in report order: ``consensus`` (facts several independent outlets carry),
``conflict`` (figures or quotes that cannot both be right), ``update`` (one source's figure
over time), ``exclusive`` (claims and quotes one outlet alone carries), ``reuse`` (copied
text, with direction and the copier's changes), ``frame`` (hedges, distancing and loaded
words some outlets use and others do not); plus a timeline of dated events. See
docs/compare.md for every rule.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ..model import Article
from .align import AlignedClaim, align_claims, align_quotes, collect_quotes
from .conflicts import (
    altered_quote_findings,
    conflict_findings,
    toll_findings,
    undated_figure_findings,
    update_findings,
)
from .consensus import consensus_findings, drop_restated, quote_consensus
from .exclusives import exclusive_findings
from .frames import frame_findings
from .independence import independence
from .model import FINDING_KINDS, ArticleRef, Comparison, Evidence, Finding, TimelineEvent
from .reuse import find_reuse, reuse_findings
from .settings import CompareSettings
from .story import Story, outlet_name
from .timeline import build_timeline

__all__ = [
    "FINDING_KINDS",
    "ArticleRef",
    "CompareSettings",
    "Comparison",
    "Evidence",
    "Finding",
    "TimelineEvent",
    "compare",
]


def compare(
    articles: Sequence[Article], *, story: str | None = None, settings: CompareSettings | None = None
) -> Comparison:
    """Compare the annotated articles of one story across outlets.

    ``articles`` should come from :func:`parallax.analyze` (cleaned and annotated); articles
    without annotations are compared on what they have. ``story`` labels the result.
    Articles with the same id are compared once.
    """
    settings = settings or CompareSettings()
    unique = list({a.id: a for a in articles}.values())
    unique.sort(key=lambda a: (a.published or "", a.id))
    ctx = Story(unique)
    refs = tuple(
        ArticleRef(a.id, outlet_name(a), a.published, a.title, a.byline, a.url) for a in ctx.articles
    )
    notes: list[str] = []
    if len(ctx) < 2:
        notes.append("fewer than two articles: nothing to compare across outlets")
    elif len(set(ctx.outlets)) < 2:
        notes.append("all articles come from one outlet: only updates, reuse and the timeline apply")
    missing = sorted({a.id for a in ctx.articles if not a.annotated})
    if missing:
        notes.append(f"{len(missing)} article(s) carry no annotations (run parallax.analyze first): "
                     + ", ".join(missing[:5]))

    reuse = find_reuse(ctx, settings)
    ind = independence(ctx, reuse, settings)
    # a copy repeats its original's figures: it is left out of the figure findings
    groups = {k: [c for c in cs if c.article not in ind.copies] for k, cs in align_claims(ctx).items()}
    figures: dict[int, list[AlignedClaim]] = defaultdict(list)
    for cs in groups.values():
        for c in cs:
            figures[c.sentence.id].append(c)
    quotes = collect_quotes(ctx)
    matches = align_quotes(ctx, quotes)

    findings: list[Finding] = []
    agreed, quoted = drop_restated(consensus_findings(ctx, ind, settings, figures),
                                   quote_consensus(ctx, ind, quotes, matches))
    findings += agreed
    shared = frozenset(ctx.sentence_at(ctx.index_of(e.article), e.start).id
                       for f in findings for e in f.evidence)
    findings += quoted
    findings += conflict_findings(ctx, groups, ind.dependent)
    findings += undated_figure_findings(ctx, groups, ind.dependent)
    findings += altered_quote_findings(ctx, matches, ind.dependent)
    findings += update_findings(ctx, groups, ind.dependent)
    findings += toll_findings(ctx, groups)
    findings += exclusive_findings(ctx, ind, settings, groups, quotes, matches, shared)
    findings += reuse_findings(ctx, reuse)
    findings += frame_findings(ctx, ind, settings)
    order = {k: n for n, k in enumerate(FINDING_KINDS)}
    findings.sort(key=lambda f: order[f.kind])  # stable: each finder's own order is kept
    timeline = build_timeline(ctx, ind, settings)
    return Comparison(story, refs, tuple(findings), tuple(timeline), tuple(notes))
