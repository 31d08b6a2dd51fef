"""Exclusives: claims and quotes that only one independent outlet carries.

A candidate is a sentence of an article (not a copy) that holds a numeric claim with a
unit or predicate, or a quote of four words or more. It is covered — not exclusive — when
another independent outlet has

* a claim with the same value and counted noun, or a figure aligned with it (same measure
  and source, another value: that is an update or conflict, not an exclusive);
* the same quote (verbatim, trimmed or altered);
* a sentence similar enough (``exclusive_similarity``) to say the same thing.

Exclusives are ranked by substance (rare keys, named sources and speakers) and capped per
article, so a long article does not flood the report.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from functools import partial
from typing import Any

from ..annotate.claims import normalize_unit
from ..model import Claim
from .align import AlignedClaim, AlignedQuote, QuoteMatch
from .consensus import sentence_evidence, short
from .independence import Independence
from .model import Finding
from .settings import CompareSettings
from .story import Sentence, Story


def _other_source(group: tuple[int, ...], me: int, other: Sentence) -> bool:
    return group[other.article] != me


def exclusive_findings(
    story: Story,
    ind: Independence,
    settings: CompareSettings,
    groups: dict[tuple[str, str], list[AlignedClaim]],
    quotes: Sequence[AlignedQuote],
    matches: Sequence[QuoteMatch],
) -> list[Finding]:
    if ind.count < 2:
        return []
    group = ind.group
    # what each independent source carries
    values: dict[tuple[float, str | None], set[int]] = defaultdict(set)
    for i, a in enumerate(story.articles):
        for c in a.claims:
            values[(float(c.value), normalize_unit(c.unit))].add(group[i])
    aligned_by_claim = {(x.article, x.claim.start, x.claim.value): x for xs in groups.values() for x in xs}
    aligned_sources: dict[tuple[tuple[str, str], str | None], set[int]] = defaultdict(set)
    for key, members in groups.items():
        for m in members:
            if m.source_key is not None:
                aligned_sources[(key, m.source_key)].add(group[m.article])
    matched_quotes: set[tuple[int, int]] = set()
    for match in matches:
        if not ind.dependent(match.a.article, match.b.article):
            matched_quotes.add((match.a.article, match.a.quote.start))
            matched_quotes.add((match.b.article, match.b.quote.start))
    speakers: dict[str, set[int]] = defaultdict(set)
    for q in quotes:
        if q.speaker:
            speakers[q.speaker.casefold()].add(q.article)

    candidates: dict[int, dict[str, list[Any]]] = {}
    for i, a in enumerate(story.articles):
        if i in ind.copies:
            continue
        for c in a.claims:
            if c.unit is None and c.predicate is None:
                continue
            s = story.sentence_at(i, c.value_span.start if c.value_span else c.start)
            entry = candidates.setdefault(s.id, {"claims": [], "quotes": []})
            entry["claims"].append(c)
        for q in quotes:
            if q.article == i and len(q.words) >= 4:
                entry = candidates.setdefault(q.sentence.id, {"claims": [], "quotes": []})
                entry["quotes"].append(q)

    per_article: dict[int, list[tuple[float, Finding]]] = defaultdict(list)
    for sid, entry in candidates.items():
        s = story.sentences[sid]
        me = group[s.article]
        covered = False
        for c in entry["claims"]:
            if values[(float(c.value), normalize_unit(c.unit))] - {me}:
                covered = True
            aligned = aligned_by_claim.get((s.article, c.start, c.value))
            if aligned is not None and aligned.source_key is not None and (
                aligned_sources[(aligned.key, aligned.source_key)] - {me}
            ):
                covered = True
        for q in entry["quotes"]:
            if (s.article, q.quote.start) in matched_quotes:
                covered = True
        if covered:
            continue
        if story.neighbours(s, settings.exclusive_similarity, 2, allow=partial(_other_source, group, me)):
            continue
        if len(s.keys) < 4:
            continue
        weight = sum(story.weight[k] for k in s.keys if story.df[k] <= 2)
        qs: list[AlignedQuote] = entry["quotes"]
        cs = entry["claims"]
        outlet = story.outlets[s.article]
        text = story.text(s)
        extra: dict[str, object] = {}
        if qs:
            q = max(qs, key=lambda q: len(q.words))
            who = q.speaker
            extra = {"quote": [q.quote.start, q.quote.end], "speaker": who, "quote_kind": q.quote.kind}
            if who:
                others = [story.outlets[j] for j in sorted(speakers[who.casefold()]) if group[j] != me]
                summary = f"Only {outlet} reports {who}'s words: “{short(text)}”"
                if others:
                    summary += f" ({who} is also quoted by {', '.join(dict.fromkeys(others))}, on other words)"
                weight += 2.0
            else:
                summary = f"Only {outlet} reports: “{short(text)}”"
        else:
            summary = f"Only {outlet} reports: “{short(text)}”"
        if cs:
            first: Claim = cs[0]
            extra.update(value=first.value, unit=first.unit, predicate=first.predicate, source=first.source)
            weight += 1.0 + (1.0 if first.source else 0.0)
        finding = Finding.make("exclusive", summary, [sentence_evidence(story, s, **extra)],
                               article=story.articles[s.article].id, outlet=outlet,
                               basis="quote" if qs and not cs else "claim")
        per_article[s.article].append((weight, finding))
    findings: list[Finding] = []
    for i in sorted(per_article):
        ranked = sorted(per_article[i], key=lambda t: -t[0])[: settings.max_exclusives_per_article]
        findings.extend(f for _, f in sorted(ranked, key=lambda t: t[1].evidence[0].start))
    return findings
