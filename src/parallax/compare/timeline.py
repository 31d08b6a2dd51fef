"""Timeline: the dated events of a story, from the dates the ``dates`` stage resolved.

Each resolved day (or month) mention gives an event: the sentence that holds it. Events of
the same date told in similar words by several articles are merged, so each entry lists the
articles that report it; per date, the events most reported come first and at most
``max_timeline_per_date`` are kept. Datelines ("PORT ALVANE, March 3"; the date of "VERSK,
March 7 (Meridian Wire) — ..." is the filing day, not the event's) and sentences too short to say
anything are skipped.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .consensus import short
from .independence import Independence
from .model import TimelineEvent
from .settings import CompareSettings
from .story import Sentence, Story

_DATELINE_RE = re.compile(r"^[A-Z][A-Z .'-]+,")
#: A dateline with the dash that ends it ("VERSK, March 7 (Meridian Wire) — "): its date is the
#: filing day, not the day of what the sentence tells.
_DATELINE_PREFIX_RE = re.compile(r"^[A-Z][A-Z .'-]+,[^\n—–]{0,60}?(?:\s[—–-]{1,2}|--)\s")
_MERGE_SIMILARITY = 0.2


def build_timeline(story: Story, ind: Independence, settings: CompareSettings) -> list[TimelineEvent]:
    by_date: dict[str, list[Sentence]] = defaultdict(list)
    granularity: dict[str, str] = {}
    for i, a in enumerate(story.articles):
        if i in ind.copies:
            continue
        seen: set[tuple[str, int]] = set()
        for d in a.dates:
            if not d.value or len(d.value) not in (7, 10):
                continue
            if d.granularity not in (None, "day", "month"):
                continue
            s = story.sentence_at(i, d.start)
            text = story.text(s)
            if len(s.keys) < 4 or (_DATELINE_RE.match(text) and d.start - s.start < 40 and len(s.keys) < 6):
                continue
            prefix = _DATELINE_PREFIX_RE.match(text)
            if prefix and d.start - s.start < prefix.end():
                continue  # the dateline's own date
            if (d.value, s.id) in seen:
                continue
            seen.add((d.value, s.id))
            by_date[d.value].append(s)
            granularity[d.value] = "day" if len(d.value) == 10 else "month"
    events: list[TimelineEvent] = []
    for day in sorted(by_date):
        sentences = by_date[day]
        clusters: list[list[Sentence]] = []
        for s in sentences:
            best, best_score = None, _MERGE_SIMILARITY
            for c in clusters:
                if any(m.article == s.article for m in c):
                    continue
                score, shared = story.similarity(c[0], s)
                if score >= best_score and shared >= 2:
                    best, best_score = c, score
            if best is None:
                clusters.append([s])
            else:
                best.append(s)
        clusters.sort(key=lambda c: (-ind.count_of([m.article for m in c]), -len(c), c[0].id))
        for c in clusters[: settings.max_timeline_per_date]:
            c.sort(key=lambda m: (story.articles[m.article].published or "", m.article))
            text = min((story.text(m) for m in c), key=len)
            events.append(TimelineEvent(
                date=day, text=short(text, 220),
                articles=tuple(dict.fromkeys(story.articles[m.article].id for m in c)),
                outlets=tuple(dict.fromkeys(story.outlets[m.article] for m in c)),
                granularity=granularity[day],
            ))
    return events
