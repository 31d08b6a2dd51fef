"""Frames: hedges, distancing and loaded words that some outlets use and the others do not.

The ``frames`` annotation marks each cue ("reportedly", "so-called", "what state media
described as"). Cues are compared by their lexicon entry (the part of ``Frame.cue`` before
any ``:``), per independent outlet. A cue that every outlet uses says nothing about any one
of them; a cue used by some outlets only is a finding, with each use as evidence and, when
another outlet states the same thing without the cue, that sentence as ``unframed``
evidence.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import partial

from ..model import Frame
from .consensus import sentence_evidence, short
from .independence import Independence
from .model import Evidence, Finding
from .settings import CompareSettings
from .story import Sentence, Story

_PRONOUN_RE = re.compile(r"(?:they|it|he|she|we|i)\b", re.IGNORECASE)
_KIND_WORDS = {"hedge": "hedge", "distancing": "distancing phrase", "loaded": "loaded word"}


def _not_in(group: tuple[int, ...], users: frozenset[int], other: Sentence) -> bool:
    return group[other.article] not in users


_IMPERSONAL_RE = re.compile(r"^(?:it\s+)?(?:is|are|was|were)\s+(\w+)(?:\s+to)?$")


def frame_key(frame: Frame, text: str) -> str:
    """The lexicon entry a cue belongs to, so that one hedge written two ways is one cue: "it is
    believed", "is believed to" and "were believed to" are all "is believed"."""
    cue = " ".join((frame.cue or text).split(":", 1)[0].lower().split())
    impersonal = _IMPERSONAL_RE.match(cue)
    return f"is {impersonal.group(1)}" if impersonal else cue


def frame_findings(story: Story, ind: Independence, settings: CompareSettings) -> list[Finding]:
    if ind.count < 2:
        return []
    uses: dict[tuple[str, str], list[tuple[int, Frame]]] = defaultdict(list)
    for i, a in enumerate(story.articles):
        for f in a.frames:
            if f.kind == "distancing" and _PRONOUN_RE.match(a.text, f.start):
                continue  # "they described as", "it called": the speaker's own words, not the outlet's distance
            uses[(f.kind, frame_key(f, a.text[f.start : f.end]))].append((i, f))
    findings = []
    for (kind, key), items in sorted(uses.items(), key=lambda kv: (min(i for i, _ in kv[1]), kv[0])):
        users = {ind.group[i] for i, _ in items}
        if len(users) >= ind.count:
            continue
        evidence: list[Evidence] = []
        for i, f in items:
            a = story.articles[i]
            s = story.sentence_at(i, f.start)
            evidence.append(Evidence.make(a.id, story.outlets[i], f.start, f.end, a.text[f.start : f.end],
                                          frame_kind=f.kind, cue=key, sentence=story.text(s), role="framed"))
        first_i, first_f = items[0]
        s = story.sentence_at(first_i, first_f.start)
        plain = story.neighbours(s, settings.exclusive_similarity, 2,
                                 allow=partial(_not_in, ind.group, frozenset(users)))
        if plain:
            evidence.append(sentence_evidence(story, plain[0][1], role="unframed"))
        outlets = list(dict.fromkeys(story.outlets[i] for i, _ in items))
        texts = list(dict.fromkeys(story.articles[i].text[f.start : f.end] for i, f in items))
        who = outlets[0] if len(outlets) == 1 else ", ".join(outlets)
        summary = (f"Only {who} use{'s' if len(outlets) == 1 else ''} the {_KIND_WORDS.get(kind, kind)} "
                   f"“{' / '.join(texts[:3])}”: “{short(story.text(s), 140)}”")
        findings.append(Finding.make("frame", summary, evidence, frame_kind=kind, cue=key,
                                     outlets=outlets))
    return findings
