"""Conflicts and updates between aligned figures.

* ``update``: one source gives different figures for the same measure on different dates
  ("the Syrian Observatory: at least 1,068 civilians killed on 11 March, at least 1,500 on
  13 March"). One finding per source and measure lists the whole series, each step with its
  date and the outlets that carry it. A figure that comes back after a newer one and is
  dated only by its article's publication is taken as a citation of the older figure and
  left out of the series.
* ``conflict``: figures for the same measure, given for the same date (or both undated),
  that cannot both be true — the values their qualifiers allow do not overlap ("at least 41"
  and "30" conflict; "at least 23" and "25" do not). Different sources, or one source
  contradicting itself on one day. Figures without a source must also stand in similar
  sentences, so that two unrelated figures are never set against each other.

A copy and its original are never set against each other (the reuse finding reports what
the copier changed).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from .align import AlignedClaim, QuoteMatch
from .model import Evidence, Finding
from .story import Story

_MEASURE_WORDS = {
    "death": "killed",
    "injury": "injured",
    "detention": "detained",
    "displacement": "displaced",
    "money": "",
    "military": "",
    "serious injury": "seriously injured",
}


def describe_value(c: AlignedClaim) -> str:
    v = c.claim.value
    text = f"{int(v):,}" if float(v).is_integer() else f"{v:,}"
    if c.claim.upper is not None:
        u = c.claim.upper
        text += "–" + (f"{int(u):,}" if float(u).is_integer() else f"{u:,}")
    return f"{c.claim.qualifier} {text}" if c.claim.qualifier else text


def describe_measure(measure: str, unit: str) -> str:
    noun = {"person": "people"}.get(unit, unit if unit.endswith("s") else unit + "s")
    verb = _MEASURE_WORDS.get(measure, measure)
    return f"{noun} {verb}".strip()


def claim_evidence(story: Story, c: AlignedClaim, **extra: object) -> Evidence:
    a = story.articles[c.article]
    s = c.sentence
    return Evidence.make(
        a.id, story.outlets[c.article], s.start, s.end, a.text[s.start : s.end],
        value=c.claim.value, qualifier=c.claim.qualifier, unit=c.claim.unit, predicate=c.claim.predicate,
        source=c.source, date=c.date, published=a.published,
        value_span=c.claim.value_span.to_list() if c.claim.value_span else None, **extra,
    )


def disjoint(a: AlignedClaim, b: AlignedClaim) -> bool:
    lo_a, hi_a = a.interval()
    lo_b, hi_b = b.interval()
    return hi_a < lo_b or hi_b < lo_a


def _one_per_article(claims: Sequence[AlignedClaim]) -> list[AlignedClaim]:
    seen: set[int] = set()
    out = []
    for c in claims:
        if c.article not in seen:
            seen.add(c.article)
            out.append(c)
    return out


def _outlets(story: Story, claims: Sequence[AlignedClaim]) -> str:
    return ", ".join(dict.fromkeys(story.outlets[c.article] for c in claims))


def update_findings(story: Story, groups: dict[tuple[str, str], list[AlignedClaim]],
                    dependent: Callable[[int, int], bool]) -> list[Finding]:
    """Per source and measure: the figure's series over time, when it changed."""
    findings = []
    for (measure, unit), claims in groups.items():
        by_source: dict[str, list[AlignedClaim]] = defaultdict(list)
        for c in claims:
            if c.source_key is not None and c.date is not None:
                by_source[c.source_key].append(c)
        for source_claims in by_source.values():
            source_claims.sort(key=lambda c: (c.date or "", story.articles[c.article].published or "", c.article))
            steps: list[tuple[float, list[AlignedClaim]]] = []
            for c in source_claims:
                value = float(c.claim.value)
                if steps and steps[-1][0] == value:
                    steps[-1][1].append(c)
                    continue
                if any(v == value for v, _ in steps) and c.claim.as_of != c.date:
                    continue  # an older figure cited again later
                if steps and steps[-1][1][0].date == c.date:
                    continue  # same day, another figure: a conflict, not an update
                steps.append((value, [c]))
            if len(steps) < 2:
                continue
            source = steps[0][1][0].source
            parts = []
            evidence: list[Evidence] = []
            series = []
            for n, (_value, cs) in enumerate(steps):
                first = cs[0]
                members = [c for c in _one_per_article(cs)]
                parts.append(f"{describe_value(first)} on {first.date} ({_outlets(story, members)})")
                series.append({"date": first.date, "value": first.claim.value, "qualifier": first.claim.qualifier,
                               "articles": [story.articles[c.article].id for c in members]})
                evidence.extend(claim_evidence(story, c, step=n) for c in members)
            direction = "rose" if steps[-1][0] > steps[0][0] else "fell" if steps[-1][0] < steps[0][0] else "changed"
            summary = f"{source}'s figure for {describe_measure(measure, unit)} {direction}: " + " → ".join(parts)
            findings.append(Finding.make("update", summary, evidence, source=source, measure=measure, unit=unit,
                                         series=series))
    return findings


def conflict_findings(story: Story, groups: dict[tuple[str, str], list[AlignedClaim]],
                      dependent: Callable[[int, int], bool]) -> list[Finding]:
    """Figures for one measure and date that cannot both be true."""
    findings = []
    for (measure, unit), claims in groups.items():
        by_date: dict[str | None, list[AlignedClaim]] = defaultdict(list)
        for c in claims:
            by_date[c.date].append(c)
        for day, cs in sorted(by_date.items(), key=lambda kv: kv[0] or ""):
            sides: dict[tuple[str | None, float], list[AlignedClaim]] = defaultdict(list)
            clashes: set[frozenset[tuple[str | None, float]]] = set()
            for n, a in enumerate(cs):
                for b in cs[n + 1 :]:
                    if a.claim.value == b.claim.value or not disjoint(a, b):
                        continue
                    if dependent(a.article, b.article):
                        continue
                    if a.source_key is None or b.source_key is None:
                        if a.article == b.article:
                            continue
                        score, shared = story.similarity(a.sentence, b.sentence)
                        if score < 0.25 or shared < 3:
                            continue
                    elif a.source_key == b.source_key and a.article == b.article:
                        continue
                    ka, kb = (a.source_key, float(a.claim.value)), (b.source_key, float(b.claim.value))
                    sides[ka].append(a)
                    sides[kb].append(b)
                    clashes.add(frozenset((ka, kb)))
            if not clashes:
                continue
            involved = sorted({k for pair in clashes for k in pair}, key=lambda k: (k[0] or "~", k[1]))
            parts: list[str] = []
            evidence: list[Evidence] = []
            figures: list[dict[str, object]] = []
            for key in involved:
                members = _one_per_article(sides[key])
                first = members[0]
                who = first.source or "unattributed"
                parts.append(f"{who}: {describe_value(first)} ({_outlets(story, members)})")
                figures.append({"source": first.source, "value": first.claim.value, "qualifier": first.claim.qualifier,
                                "articles": [story.articles[c.article].id for c in members]})
                evidence.extend(claim_evidence(story, c) for c in members)
            when = f"for {day}" if day else "(undated)"
            summary = f"Conflicting figures for {describe_measure(measure, unit)} {when}: " + "; ".join(parts)
            findings.append(Finding.make("conflict", summary, evidence, measure=measure, unit=unit, date=day,
                                         figures=figures, aspect="figure"))
    return findings


def altered_quote_findings(story: Story, matches: Sequence[QuoteMatch],
                           dependent: Callable[[int, int], bool]) -> list[Finding]:
    """Direct quotes of one speaker that outlets give with different words."""
    findings = []
    for m in matches:
        if m.relation != "altered" or dependent(m.a.article, m.b.article):
            continue
        a_art, b_art = story.articles[m.a.article], story.articles[m.b.article]
        diff = "; ".join(f"“{x or '—'}” → “{y or '—'}”" for x, y in m.changes)
        who = m.a.speaker or m.b.speaker or "an unnamed speaker"
        summary = (f"{story.outlets[m.a.article]} and {story.outlets[m.b.article]} quote {who} with different "
                   f"words: {diff}")
        evidence = [
            Evidence.make(a.id, story.outlets[q.article], q.quote.start, q.quote.end, a.text[q.quote.start : q.quote.end],
                          speaker=q.speaker, quote_kind=q.quote.kind)
            for a, q in ((a_art, m.a), (b_art, m.b))
        ]
        findings.append(Finding.make("conflict", summary, evidence, aspect="quote", speaker=who,
                                     changes=[{"a": x, "b": y} for x, y in m.changes]))
    return findings
