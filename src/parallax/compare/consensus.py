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

import re
from collections import defaultdict
from collections.abc import Sequence

from ..annotate.claims import normalize_unit
from .align import AlignedClaim, AlignedQuote, QuoteMatch
from .conflicts import disjoint
from .independence import Independence
from .model import Evidence, Finding
from .settings import CompareSettings
from .story import Sentence, Story
from .text import NO_CONTENT_RE, quoted_spans

#: Words the shortest of several outlets' same quote needs to be reported as agreement.
MIN_SHARED_QUOTE_WORDS = 5


#: Words in a row, outside quotation marks, that two outlets' sentences share when one copied the
#: other or both printed the same wire sentence: for that fact they are one voice, however
#: independent their articles are otherwise (independent writers do not produce such a run).
COPIED_RUN = 12


def voices(story: Story, ind: Independence, sentences: Sequence[Sentence]) -> int:
    """How many independent voices carry ``sentences``: their outlets' independence groups, with two
    groups joined when their sentences share :data:`COPIED_RUN` words in a row outside quotes."""
    return len(voice_groups(story, ind, sentences))


def voice_groups(story: Story, ind: Independence, sentences: Sequence[Sentence]) -> list[list[int]]:
    """:func:`voices` as the groups themselves: lists of indexes into ``sentences``, in order."""
    group = ind.group
    root: dict[int, int] = {group[s.article]: group[s.article] for s in sentences}

    def find(g: int) -> int:
        while root[g] != g:
            root[g] = root[root[g]]
            g = root[g]
        return g

    runs = []
    for s in sentences:
        article = story.articles[s.article]
        pieces, pos = [], s.start  # the stretches of the sentence between its quotations
        for qs, qe in quoted_spans(article, s.start, s.end):
            if qs > pos:
                pieces.append(article.text[pos:qs])
            pos = max(pos, qe)
        pieces.append(article.text[pos : s.end])
        run: set[tuple[str, ...]] = set()
        for words in map(story.keyer.words, pieces):
            run.update(tuple(words[k : k + COPIED_RUN]) for k in range(len(words) - COPIED_RUN + 1))
        runs.append(run)
    for x in range(len(sentences)):
        for y in range(x + 1, len(sentences)):
            gx, gy = find(group[sentences[x].article]), find(group[sentences[y].article])
            if gx != gy and runs[x] & runs[y]:
                root[max(gx, gy)] = min(gx, gy)
    out: dict[int, list[int]] = {}
    for n, sentence in enumerate(sentences):
        out.setdefault(find(group[sentence.article]), []).append(n)
    return list(out.values())


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


def figure_keys(story: Story) -> dict[int, frozenset[str]]:
    """Per sentence, its figures as ``value|unit|source`` (source by story-level name): the same figure of
    the same source for the same counted thing is the same fact whatever verb carries it ("injured" /
    "taken to hospital")."""
    out: dict[int, set[str]] = defaultdict(set)
    for i, art in enumerate(story.articles):
        for c in art.claims:
            unit = normalize_unit(c.unit)
            source = story.story_name(i, c.source)
            if unit is None or source is None or c.value_span is None:
                continue
            unit = "person" if unit in ("people", "person", "individual") else unit
            out[story.sentence_at(i, c.value_span.start).id].add(f"f:{float(c.value):g}|{unit}|{source.casefold()}")
    return {k: frozenset(v) for k, v in out.items()}


def fact_terms(
    story: Story,
    a: Sentence,
    b: Sentence,
    figures: dict[int, list[AlignedClaim]],
    min_shared: int,
    facts: dict[int, frozenset[str]] | None = None,
) -> tuple[frozenset[str], frozenset[str]] | None:
    """``(shared keys, shared predicates)`` when two sentences state the same fact, else None.

    Shared specific content is required: at least ``min_shared`` keys; a *what happened* — a
    word that is the predicate in both sentences (a verb or event noun, see
    :meth:`Keyer.predicates`) or the same figure of the same source (:func:`figure_keys`); a
    *who* — an entity or a figure; and either two shared content words or two shared
    entities/figures. Figures must agree: two sentences that both
    give figures but share none, or give different values for the same measure, do not state
    the same fact.
    """
    shared = a.keys & b.keys
    if len(shared) < min_shared:
        return None
    if a.era != b.era and not (a.era & b.era):
        return None  # one tells a past event ("in 2004, seven people were killed"), the other this story
    shared -= _name_words(story, shared)
    if len(shared) < min_shared:
        return None  # "San Jose" and "jose" are one shared thing, not two
    preds = shared & a.predicates & b.predicates
    if facts:
        preds |= facts.get(a.id, frozenset()) & facts.get(b.id, frozenset())
    if not preds:
        return None
    anchors = sum(1 for k in shared if k[0] in "en")
    words = len(shared) - anchors
    if not anchors or (words < 2 and anchors < 2):
        return None
    if a.numbers and b.numbers and not (a.numbers & b.numbers):
        return None
    if _clash(a, b, figures):
        return None
    return shared, preds


def _name_words(story: Story, keys: frozenset[str]) -> frozenset[str]:
    """Word keys that are words of a shared entity's name ("jose" beside "San Jose", "rica" beside
    "Costa Rica"): a name written once with and once without its accent or inflection."""
    names = [k[2:] for k in keys if k[0] == "e"]
    if not names:
        return frozenset()
    words = {story.keyer.word_key(w) for name in names for w in re.findall(r"[^\W\d_]+", name)}
    return frozenset(k for k in keys if k[0] == "w" and k in words)


def anchors(keys: frozenset[str]) -> frozenset[str]:
    """The who of a fact: its entities and figures."""
    return frozenset(k for k in keys if k[0] in "enf")


def terms_of(story: Story, keys: frozenset[str]) -> list[str]:
    """Matched keys as a reader sees them: entities and figures first, then the words, rarest first."""
    order = sorted((k for k in keys if k[0] in "enw"), key=lambda k: ("enw".index(k[0]), story.df.get(k, 0), k))
    return [story.term(k) for k in order]


def _still_a_fact(keys: frozenset[str]) -> bool:
    """The keys every member of a group shares still hold a who and a what happened."""
    return any(k[0] in "enf" for k in keys) and any(k[0] in "wf" for k in keys) and len(keys) >= 3


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

    facts = figure_keys(story)
    admissible: dict[tuple[int, int], frozenset[str]] = {}
    scored: list[tuple[float, Sentence, Sentence, frozenset[str]]] = []
    # (sentence, other article, predicate) -> best score: a sentence may state several facts
    # ("more than 120 injured and 2,300 moved to schools"), one per predicate
    best: dict[tuple[int, int, str], float] = defaultdict(float)
    for score, a, b in story.similar_pairs(settings.sentence_similarity_floor, settings.min_shared_keys, allow):
        found = fact_terms(story, a, b, figures, settings.min_shared_keys, facts)
        if found is None:
            continue
        terms, preds = found
        admissible[(a.id, b.id)] = admissible[(b.id, a.id)] = terms | preds
        scored.append((score, a, b, preds))
        for p in preds:
            best[(a.id, b.article, p)] = max(best[(a.id, b.article, p)], score)
            best[(b.id, a.article, p)] = max(best[(b.id, a.article, p)], score)
    # a pair is kept only when each sentence is the other's best match in the other's article
    # for the same predicate
    kept = [(score, a, b, p) for score, a, b, preds in scored for p in sorted(preds)
            if score >= best[(a.id, b.article, p)] and score >= best[(b.id, a.article, p)]]
    kept.sort(key=lambda t: (-t[0], t[1].id, t[2].id, t[3]))
    # complete-link grouping from the strongest pairs, per predicate: a sentence joins a group only
    # when it states the same fact as every member and the keys all members share still make a fact
    cluster_of: dict[tuple[int, str], int] = {}
    clusters: list[list[Sentence]] = []
    common: list[frozenset[str]] = []
    predicate: list[str] = []
    for _score, a, b, p in kept:
        ca, cb = cluster_of.get((a.id, p)), cluster_of.get((b.id, p))
        if ca is None and cb is None:
            cluster_of[(a.id, p)] = cluster_of[(b.id, p)] = len(clusters)
            clusters.append([a, b])
            common.append(admissible[(a.id, b.id)])
            predicate.append(p)
            continue
        if ca is not None and cb is not None:
            continue
        cid, new = (ca, b) if ca is not None else (cb, a)
        assert cid is not None
        members = clusters[cid]
        if any(group[m.article] == group[new.article] for m in members):
            continue
        if not all((m.id, new.id) in admissible for m in members):
            continue
        keys = common[cid] & admissible[(members[0].id, new.id)]
        if not _still_a_fact(keys):
            continue
        members.append(new)
        common[cid] = keys
        cluster_of[(new.id, p)] = cid
    # one fact is reported once: a group inside a larger one, a group that shares two sentences
    # with a stronger one (the same fact found through another predicate: "crashed" / "killing"),
    # and a group whose who (entities, figures) is a stronger group's with the same what happened
    order = sorted(range(len(clusters)), key=lambda c: (-len(clusters[c]), c))
    chosen: list[tuple[list[Sentence], frozenset[str], str]] = []
    for c in order:
        ids = {m.id for m in clusters[c]}
        who = anchors(common[c])
        if any(
            len(ids & {m.id for m in other}) >= min(2, len(ids))
            or (who and who <= anchors(keys) and (predicate[c] == p or predicate[c] in keys or p in common[c]))
            for other, keys, p in chosen
        ):
            continue
        chosen.append((clusters[c], common[c], predicate[c]))
    findings = []
    for members, keys, _p in chosen:
        members.sort(key=lambda m: (story.articles[m.article].published or "", m.article))
        parts = voice_groups(story, ind, members)
        used = len(parts)
        if used < need:
            continue
        if all(NO_CONTENT_RE.search(story.text(m)) for m in members):
            continue  # "X did not respond to requests for comment", everywhere: true, and no news
        outlets = list(dict.fromkeys(story.outlets[m.article] for m in members))
        shared = [" and ".join(dict.fromkeys(story.outlets[members[n].article] for n in part))
                  for part in parts if len(part) > 1]  # fmt: skip
        # the plainest statement of the fact: the shortest of those that give no figure the others
        # do not share ("five dead" is not what "tram overturned in Croydon" agrees on)
        plain = min(members, key=lambda m: (len(m.numbers - keys), len(story.text(m))))
        text = story.text(plain)
        summary = f"{used} independent outlets report: “{short(text)}” ({', '.join(outlets)})"
        if shared:
            summary += "; " + "; ".join(f"{names} print the same sentence" for names in shared)
        shown = terms_of(story, keys)
        summary += f" — shared terms: {', '.join(shown[:8])}"
        evidence = [sentence_evidence(story, m) for m in members]
        findings.append(Finding.make("consensus", summary, evidence, basis="sentence", outlets=used,
                                     terms=shown))
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
        pick: dict[int, AlignedQuote] = {}  # one quote per article: its first, a quotation before reported speech
        for q in members:
            if q.article not in pick or (pick[q.article].quote.kind == "indirect" and q.quote.kind != "indirect"):
                pick[q.article] = q
        one = list(pick.values())
        n_voices = voices(story, ind, [q.sentence for q in one])
        if n_voices < 2:
            continue  # one sentence printed twice (a wire's): not two outlets agreeing
        speaker = next((q.speaker for q in one if q.speaker), None)
        if speaker:
            matched_speakers.add(speaker.casefold())
        if speaker is None and any(q.quote.kind == "indirect" for q in one):
            continue  # reported speech of nobody in particular: a shared sentence, not a shared quote
        words = min((story.articles[q.article].text[q.quote.start : q.quote.end] for q in one), key=len)
        if min(len(q.words) for q in one) < MIN_SHARED_QUOTE_WORDS:
            continue  # "that stores ammonium nitrate": a shared phrase, not a shared quote
        outlets = ", ".join(dict.fromkeys(story.outlets[q.article] for q in one))
        who = speaker or "An unnamed speaker"
        if all(q.quote.kind in ("direct", "partial") for q in one):
            summary = f"{who} is quoted with the same words by {outlets}: {short(words, 140)}"
        else:  # reported speech: the outlets agree on what was said, not on quoted words
            summary = f"{outlets} report the same statement by {who}: {short(words, 140)}"
        evidence = [_quote_evidence(story, q) for q in one]
        findings.append(Finding.make("consensus", summary, evidence, basis="quote", speaker=speaker,
                                     outlets=n_voices))
    by_speaker: dict[str, list[AlignedQuote]] = defaultdict(list)
    for q in quotes:
        if q.speaker and q.quote.kind in ("direct", "partial") and q.article not in ind.copies:
            by_speaker[q.speaker.casefold()].append(q)
    for key, qs in sorted(by_speaker.items()):
        if key in matched_speakers or ind.count_of([q.article for q in qs]) < 2:
            continue
        if not _is_person(story, qs):
            continue
        # one quote per independent outlet: a partial copy or a second host of one outlet is not
        # another outlet quoting the speaker
        one = list({ind.group[q.article]: q for q in reversed(qs)}.values())[::-1]
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


def drop_restated(
    sentence_findings: Sequence[Finding], quote_findings: Sequence[Finding]
) -> tuple[list[Finding], list[Finding]]:
    """Each agreement said once: a sentence consensus and a same-words quote finding over the same
    sentences are one fact. The one whose sentences hold the other's is kept; on a tie the quote
    finding, which names the speaker ("...," the investigators said)."""
    quoted = [
        frozenset((e.article, *e.get("sentence")) for e in f.evidence if e.get("sentence"))
        if f.get("basis") == "quote" else frozenset()
        for f in quote_findings
    ]
    stated = [frozenset((e.article, e.start, e.end) for e in f.evidence) for f in sentence_findings]
    kept_sentences = [f for f, spans in zip(sentence_findings, stated) if not any(q and spans <= q for q in quoted)]
    kept_spans = [spans for spans in stated if not any(q and spans <= q for q in quoted)]
    kept_quotes = [f for f, q in zip(quote_findings, quoted) if not (q and any(q < spans for spans in kept_spans))]
    return kept_sentences, kept_quotes
