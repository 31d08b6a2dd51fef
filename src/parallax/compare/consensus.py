"""Consensus: facts that several independent outlets carry.

Sentences of different independent outlets (a copy counts with its original, see
:mod:`parallax.compare.independence`) are paired when they share enough rare content keys
(:meth:`Story.similar_pairs`); sentences whose figures for the same measure cannot both be
true never pair. Pairs are grouped around the sentence with the most support (star
clustering, so that A~B and B~C never chains A to C), taking at most one sentence per
outlet. A group carried by ``consensus_min_outlets`` independent outlets is a fact.

Quotes add two kinds of agreement: the same words of a speaker quoted by several outlets,
and a speaker quoted (on different words) by several outlets.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from .align import AlignedClaim, AlignedQuote, QuoteMatch
from .conflicts import disjoint
from .independence import Independence
from .model import Evidence, Finding
from .settings import CompareSettings
from .story import Sentence, Story


def min_outlets(settings: CompareSettings, ind: Independence) -> int:
    if settings.consensus_min_outlets is not None:
        return settings.consensus_min_outlets
    return 2 if ind.count <= 3 else 3


def _clash(a: Sentence, b: Sentence, figures: dict[int, list[AlignedClaim]]) -> bool:
    for x in figures.get(a.id, ()):
        for y in figures.get(b.id, ()):
            if x.key == y.key and x.claim.value != y.claim.value and (x.source_key == y.source_key or disjoint(x, y)):
                return True
    return False


def _names_and_says(shared: frozenset[str]) -> bool:
    """A fact needs a who (an entity or a figure) and a what (a content word)."""
    return any(k[0] in "en" for k in shared) and any(k[0] == "w" for k in shared)


def short(text: str, limit: int = 180) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def sentence_evidence(story: Story, s: Sentence, **extra: object) -> Evidence:
    a = story.articles[s.article]
    return Evidence.make(a.id, story.outlets[s.article], s.start, s.end, a.text[s.start : s.end], **extra)


def consensus_findings(
    story: Story,
    ind: Independence,
    settings: CompareSettings,
    figures: dict[int, list[AlignedClaim]],
) -> list[Finding]:
    """Sentence-level facts carried by enough independent outlets."""
    need = min_outlets(settings, ind)
    if ind.count < need:
        return []
    group = ind.group
    copies = ind.copies

    def allow(a: Sentence, b: Sentence) -> bool:
        return (group[a.article] != group[b.article] and a.article not in copies and b.article not in copies
                and len(a.keys) >= 3 and len(b.keys) >= 3)

    pairs = []
    best: dict[tuple[int, int], float] = defaultdict(float)  # (sentence, other article) -> best score
    for score, a, b in story.similar_pairs(settings.sentence_similarity_floor, settings.min_shared_keys, allow):
        if _clash(a, b, figures) or not _names_and_says(a.keys & b.keys):
            continue
        pairs.append((score, a, b))
        best[(a.id, b.article)] = max(best[(a.id, b.article)], score)
        best[(b.id, a.article)] = max(best[(b.id, a.article)], score)
    linked = {(a.id, b.id) for _, a, b in pairs} | {(b.id, a.id) for _, a, b in pairs}
    kept = [
        (score, a, b)
        for score, a, b in pairs
        if score >= settings.sentence_similarity
        or (score >= best[(a.id, b.article)] and score >= best[(b.id, a.article)])
    ]
    kept.sort(key=lambda t: (-t[0], t[1].id, t[2].id))
    # complete-link grouping from the strongest pairs: a sentence joins a group only when it is
    # similar to every member, so one generic sentence cannot chain unrelated facts together
    cluster_of: dict[int, int] = {}
    clusters: list[list[Sentence]] = []
    for _score, a, b in kept:
        ca, cb = cluster_of.get(a.id), cluster_of.get(b.id)
        if ca is None and cb is None:
            cluster_of[a.id] = cluster_of[b.id] = len(clusters)
            clusters.append([a, b])
            continue
        if ca is not None and cb is not None:
            continue
        cid, new = (ca, b) if ca is not None else (cb, a)
        assert cid is not None
        members = clusters[cid]
        if any(group[m.article] == group[new.article] for m in members):
            continue
        if all((m.id, new.id) in linked for m in members):
            members.append(new)
            cluster_of[new.id] = cid
    findings = []
    for members in clusters:
        used = {group[m.article] for m in members}
        if len(used) < need:
            continue
        members.sort(key=lambda m: (story.articles[m.article].published or "", m.article))
        outlets = list(dict.fromkeys(story.outlets[m.article] for m in members))
        text = story.text(members[0])
        summary = f"{len(used)} independent outlets report: “{short(text)}” ({', '.join(outlets)})"
        evidence = [sentence_evidence(story, m) for m in members]
        findings.append(Finding.make("consensus", summary, evidence, basis="sentence", outlets=len(used)))
    findings.sort(key=lambda f: (-f.get("outlets", 0), f.evidence[0].article, f.evidence[0].start))
    return findings


def quote_consensus(
    story: Story, ind: Independence, quotes: Sequence[AlignedQuote], matches: Sequence[QuoteMatch]
) -> list[Finding]:
    """The same words of a speaker quoted by several independent outlets; speakers quoted by several outlets."""
    findings = []
    parent: dict[int, int] = {}
    index = {id(q): n for n, q in enumerate(quotes)}

    def find(i: int) -> int:
        parent.setdefault(i, i)
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    matched_speakers: set[str] = set()
    for m in matches:
        if m.relation == "altered":
            continue
        if ind.dependent(m.a.article, m.b.article):
            continue
        ra, rb = find(index[id(m.a)]), find(index[id(m.b)])
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    clusters: dict[int, list[AlignedQuote]] = defaultdict(list)
    for n in list(parent):
        clusters[find(n)].append(quotes[n])
    for members in clusters.values():
        members = [q for q in members if q.article not in ind.copies]
        if ind.count_of([q.article for q in members]) < 2:
            continue
        members.sort(key=lambda q: (story.articles[q.article].published or "", q.article, q.quote.start))
        one = list({q.article: q for q in reversed(members)}.values())[::-1]
        speaker = next((q.speaker for q in one if q.speaker), None)
        if speaker:
            matched_speakers.add(speaker.casefold())
        words = min((story.articles[q.article].text[q.quote.start : q.quote.end] for q in one), key=len)
        outlets = ", ".join(dict.fromkeys(story.outlets[q.article] for q in one))
        who = speaker or "An unnamed speaker"
        summary = f"{who} is quoted with the same words by {outlets}: {short(words, 140)}"
        evidence = [_quote_evidence(story, q) for q in one]
        findings.append(Finding.make("consensus", summary, evidence, basis="quote", speaker=speaker,
                                     outlets=ind.count_of([q.article for q in one])))
    by_speaker: dict[str, list[AlignedQuote]] = defaultdict(list)
    for q in quotes:
        if q.speaker and q.quote.kind in ("direct", "partial") and q.article not in ind.copies:
            by_speaker[q.speaker.casefold()].append(q)
    for key, qs in sorted(by_speaker.items()):
        if key in matched_speakers or ind.count_of([q.article for q in qs]) < 2:
            continue
        if not _is_person(story, qs):
            continue
        one = list({story.outlets[q.article]: q for q in reversed(qs)}.values())[::-1]
        speaker = one[0].speaker
        outlets = ", ".join(dict.fromkeys(story.outlets[q.article] for q in one))
        summary = f"{speaker} is quoted by {ind.count_of([q.article for q in qs])} outlets ({outlets}), on different words"
        findings.append(Finding.make("consensus", summary, [_quote_evidence(story, q) for q in one], basis="speaker",
                                     speaker=speaker, outlets=ind.count_of([q.article for q in qs])))
    return findings


def _is_person(story: Story, qs: Sequence[AlignedQuote]) -> bool:
    for q in qs:
        art = story.articles[q.article]
        for e in art.entities:
            if e.kind == "person" and (story.story_name(q.article, e.name) or e.name) == q.speaker:
                return True
    return False


def _quote_evidence(story: Story, q: AlignedQuote) -> Evidence:
    a = story.articles[q.article]
    return Evidence.make(a.id, story.outlets[q.article], q.quote.start, q.quote.end,
                         a.text[q.quote.start : q.quote.end], speaker=q.speaker, quote_kind=q.quote.kind,
                         sentence=[q.sentence.start, q.sentence.end])
