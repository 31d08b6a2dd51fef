"""Readable summaries of stories: size, outlets, time span, top entities and a label."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..model import Article
from ..represent.text import tokens
from .online import parse_published

__all__ = ["StorySummary", "story_label", "summarize_stories"]

_TOP_ENTITIES = 5


@dataclass(frozen=True, slots=True)
class StorySummary:
    """One story as a person reads it in ``parallax stories``."""

    id: str
    size: int
    articles: tuple[str, ...]
    outlets: tuple[str, ...]  # most articles first
    first: str | None  # earliest ``published`` of its articles, as written
    last: str | None
    top_entities: tuple[str, ...]
    label: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "story": self.id,
            "size": self.size,
            "articles": list(self.articles),
            "outlets": list(self.outlets),
            "first": self.first,
            "last": self.last,
            "top_entities": list(self.top_entities),
            "label": self.label,
        }


_LABEL_CHARS = 90


def _shorten(text: str, limit: int = _LABEL_CHARS) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:-–—")
    return cut + "…"


def story_label(members: Sequence[Article], entities: Sequence[str] = ()) -> str:
    """The story's most representative headline: the one whose words the other headlines use most
    (per square root of its words, so a long headline does not win by length; ties: the shorter), kept whole up to ``_LABEL_CHARS`` characters, since a real headline reads
    better than a bag of its words. Untitled stories use the first line of a body, else the top
    entities."""
    titles = [a.title for a in members if a.title and a.title.strip()]
    if not titles:
        heads = [a.text.strip().split("\n", 1)[0][:200] for a in members]
        titles = [h for h in heads if h.strip()]
    if not titles:
        return ", ".join(entities[:3])
    df: Counter[str] = Counter()
    for title in titles:
        df.update(set(tokens(title)))
    def shared(title: str) -> float:  # words other headlines use, per square root of its words
        words = set(tokens(title))
        return sum(df[w] - 1 for w in words) / math.sqrt(len(words)) if words else 0.0

    central = max(titles, key=lambda t: (shared(t), -len(t), t))
    return _shorten(central)


def summarize_stories(articles: Sequence[Article], labels: Sequence[str]) -> list[StorySummary]:
    """One :class:`StorySummary` per story in ``labels`` (parallel to ``articles``), largest first
    (ties: earliest first, then by id)."""
    if len(articles) != len(labels):
        raise ValueError(f"{len(articles)} articles but {len(labels)} labels: give one story id per article")
    groups: dict[str, list[Article]] = defaultdict(list)
    for article, label in zip(articles, labels):
        groups[label].append(article)
    out: list[StorySummary] = []
    for sid, members in groups.items():
        dated = sorted(
            (
                (parse_published(a.published), a.published)
                for a in members
                if parse_published(a.published) is not None
            ),
        )
        outlets = Counter(a.outlet for a in members if a.outlet)
        ents: Counter[str] = Counter()
        for a in members:
            for e in a.entities:
                ents[e.name] += 1  # one vote per article that names it
        top = tuple(name for name, _ in sorted(ents.items(), key=lambda kv: (-kv[1], kv[0]))[:_TOP_ENTITIES])
        out.append(
            StorySummary(
                id=sid,
                size=len(members),
                articles=tuple(a.id for a in members),
                outlets=tuple(o for o, _ in sorted(outlets.items(), key=lambda kv: (-kv[1], kv[0]))),
                first=dated[0][1] if dated else None,
                last=dated[-1][1] if dated else None,
                top_entities=top,
                label=story_label(members, top),
            )
        )
    out.sort(key=lambda s: (-s.size, parse_published(s.first) or float("inf"), s.id))
    return out
