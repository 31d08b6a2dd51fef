"""Readable summaries of stories: size, outlets, time span, top entities and a label."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..model import Article
from ..represent.text import STOP_WORDS, tokens
from .online import parse_published

__all__ = ["StorySummary", "summarize_stories"]

_LABEL_TERMS = 6
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


def _label(members: Sequence[Article], entities: Sequence[str]) -> str:
    """Top headline words shared across the story's titles, in the order the most central title uses them."""
    titles = [a.title for a in members if a.title]
    if not titles:
        heads = [a.text.split("\n", 1)[0][:200] for a in members]
        titles = [h for h in heads if h.strip()]
    if not titles:
        return ", ".join(entities[:3])
    df: Counter[str] = Counter()
    for title in titles:
        df.update(set(tokens(title)))
    # the title that shares most with the others reads best; keep its own words in order
    central = max(titles, key=lambda t: (sum(df[w] for w in set(tokens(t))), -len(t)))
    if len(titles) == 1:
        return central
    words = [w for w in central.split() if w.strip(".,:;!?\"'“”‘’()").lower() not in STOP_WORDS]
    shared = [w for w in words if df.get(tokens(w)[0] if tokens(w) else "", 0) > 1]
    picked = shared[:_LABEL_TERMS] if len(shared) >= 2 else words[:_LABEL_TERMS]
    return " ".join(w.strip('.,:;!?"“”‘’()') for w in picked) or central


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
                label=_label(members, top),
            )
        )
    out.sort(key=lambda s: (-s.size, parse_published(s.first) or float("inf"), s.id))
    return out
