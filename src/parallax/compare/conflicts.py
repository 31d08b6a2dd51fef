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
from datetime import UTC, datetime

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


def _figure(story: Story, members: Sequence[AlignedClaim]) -> dict[str, object]:
    """One side of a conflict, as ``figures`` lists it: the first member's figure and every member's article."""
    first = members[0]
    return {"source": first.source, "value": first.claim.value, "qualifier": first.claim.qualifier,
            "articles": [story.articles[c.article].id for c in members]}


def _later_same_day(story: Story, earlier: AlignedClaim, later: AlignedClaim) -> bool:
    """Whether ``later`` was published after ``earlier`` on the day both figures are dated (their articles'
    publication day), both publication times stating a time of day."""
    day = earlier.date
    if day is None or later.date != day or story.day(earlier.article) != day or story.day(later.article) != day:
        return False  # a figure dated before its article (an older count cited) is not ordered by publication
    a, b = story.moment(earlier.article), story.moment(later.article)
    return a is not None and b is not None and _instant(a) < _instant(b)


def _instant(iso: str) -> datetime:
    t = datetime.fromisoformat(iso)
    return t if t.tzinfo is not None else t.replace(tzinfo=UTC)


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
                if steps and steps[-1][1][0].date == c.date and not _later_same_day(story, steps[-1][1][0], c):
                    continue  # same day, another figure, no time to order them: a conflict, not an update
                steps.append((value, [c]))
            if len(steps) < 2:
                continue
            source = steps[0][1][0].source
            parts = []
            evidence: list[Evidence] = []
            series = []
            days = [cs[0].date for _, cs in steps]
            for n, (_value, cs) in enumerate(steps):
                first = cs[0]
                members = [c for c in _one_per_article(cs)]
                when = f"on {first.date}"
                moment = story.moment(first.article)
                if moment and days.count(first.date) > 1:
                    when += f" at {moment[11:16]}"  # two steps on one day: the publication times order them
                parts.append(f"{describe_value(first)} {when} ({_outlets(story, members)})")
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
                    elif a.source_key == b.source_key and (
                        a.article == b.article or _later_same_day(story, a, b) or _later_same_day(story, b, a)
                    ):
                        continue  # one source's figure changing during the day is an update
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
                figures.append(_figure(story, members))
                evidence.extend(claim_evidence(story, c) for c in members)
            when = f"for {day}" if day else "(undated)"
            summary = f"Conflicting figures for {describe_measure(measure, unit)} {when}: " + "; ".join(parts)
            findings.append(Finding.make("conflict", summary, evidence, measure=measure, unit=unit, date=day,
                                         figures=figures, aspect="figure"))
    return findings


def undated_figure_findings(story: Story, groups: dict[tuple[str, str], list[AlignedClaim]],
                            dependent: Callable[[int, int], bool]) -> list[Finding]:
    """One source's different figures for one measure when a date is missing to order them.

    :func:`update_findings` needs every step dated and :func:`conflict_findings` sets side by side
    only figures that cannot both be true, so "the Observatory: at least 1,068 killed" in one
    article and "at least 1,500" in another, neither dated, would be reported by neither; yet they
    are a later update or a discrepancy, and a reader must see both. A ``conflict`` with
    ``aspect: "undated figure"``: the source's distinct figures in at least two articles (not
    copies of one another), at least one of them undated and not a figure the source also gave on
    a known date.
    """
    findings = []
    for (measure, unit), claims in groups.items():
        by_source: dict[str, list[AlignedClaim]] = defaultdict(list)
        for c in claims:
            if c.source_key is not None:
                by_source[c.source_key].append(c)
        for source_claims in by_source.values():
            dated_values = {c.claim.value for c in source_claims if c.date is not None}
            # an undated figure the source also gave on a known date is that figure: the series has it
            undated = [c for c in source_claims if c.date is None and c.claim.value not in dated_values]
            if not undated:
                continue
            pairs = [(a, b) for a in undated for b in source_claims
                     if b is not a and a.article != b.article and a.claim.value != b.claim.value
                     and not dependent(a.article, b.article)]  # fmt: skip
            if not pairs:
                continue
            involved: dict[float, list[AlignedClaim]] = defaultdict(list)
            for a, b in pairs:
                for c in (a, b):
                    if c not in involved[float(c.claim.value)]:
                        involved[float(c.claim.value)].append(c)
            parts: list[str] = []
            evidence: list[Evidence] = []
            figures: list[dict[str, object]] = []
            for value in sorted(involved):
                members = _one_per_article(sorted(involved[value], key=lambda c: c.article))
                first = members[0]
                dated = f" on {first.date}" if first.date else ""
                parts.append(f"{describe_value(first)}{dated} ({_outlets(story, members)})")
                figures.append({**_figure(story, members), "date": first.date})
                evidence.extend(claim_evidence(story, c) for c in members)
            source = undated[0].source or "one source"
            summary = (f"{source} gives different figures for {describe_measure(measure, unit)}, with no date "
                       "to tell a later update from a conflict: " + "; ".join(parts))
            findings.append(Finding.make("conflict", summary, evidence, measure=measure, unit=unit, date=None,
                                         source=source, figures=figures, aspect="undated figure"))
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


#: Sentences of an article's lead, where its headline figure stands.
LEAD_SENTENCES = 3
#: Measures whose unattributed headline figure is followed over time (a toll).
_TOLL_MEASURES = frozenset({"death", "injury", "detention", "displacement"})


def toll_findings(story: Story, groups: dict[tuple[str, str], list[AlignedClaim]]) -> list[Finding]:
    """The headline toll the outlets give without a source, as it grows day by day.

    Breaking news rarely attributes its toll ("at least 84 people were killed"), so the
    source-based series of :func:`update_findings` misses it. Here each article's figure is the
    largest unattributed one for the measure in its lead (its first :data:`LEAD_SENTENCES`
    sentences: background tolls stand later); figures are compared day by day (publication
    times within a day are too often missing to order them), and a day whose largest figure
    passes the highest so far is a step. A later, lower figure is a repetition of an older
    count, not a revision: it is left out, and so is any series with fewer than two steps.
    """
    first_sentence = {i: story.sentences_of(i)[0].id for i in range(len(story)) if story.sentences_of(i)}
    findings = []
    for (measure, unit), claims in groups.items():
        if measure not in _TOLL_MEASURES or unit != "person":
            continue
        headline: dict[int, AlignedClaim] = {}
        for c in claims:
            if c.source_key is not None or c.sentence.id - first_sentence.get(c.article, 0) >= LEAD_SENTENCES:
                continue
            if c.claim.qualifier in ("up to", "at most", "fewer than", "nearly"):
                continue  # a bound, not a count
            held = headline.get(c.article)
            if held is None or c.claim.value > held.claim.value:
                headline[c.article] = c
        by_day: dict[str, list[AlignedClaim]] = defaultdict(list)
        for c in headline.values():
            day = story.day(c.article)
            if day is not None:
                by_day[day].append(c)
        steps: list[tuple[str, float, list[AlignedClaim]]] = []
        for day in sorted(by_day):
            top = max(float(c.claim.value) for c in by_day[day])
            carriers = sorted((c for c in by_day[day] if float(c.claim.value) == top),
                              key=lambda c: (story.articles[c.article].published or "", c.article))
            if steps and top == steps[-1][1]:
                steps[-1][2].extend(carriers)
            elif not steps or top > steps[-1][1]:
                steps.append((day, top, carriers))
        if len(steps) < 2:
            continue
        parts, evidence, series = [], [], []
        for n, (day, _value, carriers) in enumerate(steps):
            members = _one_per_article(carriers)
            later = [c for c in members if story.day(c.article) != day]
            carried = _outlets(story, [c for c in members if story.day(c.article) == day])
            if later:  # the same figure still given on later days
                carried += "; then " + ", ".join(f"{story.outlets[c.article]} on {story.day(c.article)}" for c in later)
            parts.append(f"{describe_value(members[0])} on {day} ({carried})")
            series.append({"date": day, "value": members[0].claim.value, "qualifier": members[0].claim.qualifier,
                           "articles": [story.articles[c.article].id for c in members]})
            evidence.extend(claim_evidence(story, c, step=n) for c in members)
        summary = (f"The toll of {describe_measure(measure, unit)} that outlets report without a source rose: "
                   + " → ".join(parts))
        findings.append(Finding.make("update", summary, evidence, source=None, measure=measure, unit=unit,
                                     series=series, basis="reported toll"))
    return findings
