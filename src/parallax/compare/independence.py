"""Which articles are independent sources: one outlet is one source, a copy joins its original's, and
outlets carrying one wire's (or press release's) text are one source.

* A *copy* (``relation: "copy"``, directed, ``copy_share`` of its words copied) joins its
  original's source and is left out of consensus, exclusives and quotes.
* *Wire twins* (``relation: "shared-source"``): two outlets carrying the same third source's
  text. When ``WIRE_SHARE`` of either article is that text, the two are one source. In each
  group of such carriers one article stays (the longest: it carries the most of its own) and
  every other member is treated as a copy: left out of consensus, exclusives and quotes, so
  that the wire's sentences are neither "confirmed" by their own reprint nor reported as one
  outlet's exclusive twice.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .reuse import Reuse
from .settings import CompareSettings
from .story import Story

#: Share of either carrier's words that two carriers of one source must share to count as one source.
WIRE_SHARE = 0.3


@dataclass(frozen=True, slots=True)
class Independence:
    """``group[i]``: the source article ``i`` counts as; ``copies``: articles that copy another."""

    group: tuple[int, ...]
    copies: frozenset[int]

    def dependent(self, i: int, j: int) -> bool:
        return self.group[i] == self.group[j]

    @property
    def count(self) -> int:
        return len(set(self.group))

    def count_of(self, articles: Sequence[int]) -> int:
        return len({self.group[i] for i in articles})


def independence(story: Story, reuse: Sequence[Reuse], settings: CompareSettings) -> Independence:
    """Group articles by outlet, then merge each copy's outlet into its original's, and carriers of one
    source's text into one group."""
    parent = list(range(len(story)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)

    first: dict[str, int] = {}
    for i, outlet in enumerate(story.outlets):
        union(first.setdefault(outlet, i), i)
    copies = set()
    twins: list[Reuse] = []
    for r in reuse:
        if r.is_copy(settings):
            union(r.original, r.copy)
            copies.add(r.copy)
        elif r.relation == "shared-source" and max(r.share, r.original_share) >= WIRE_SHARE:
            union(r.original, r.copy)
            twins.append(r)
    # in each group of carriers, the longest article stays; the others are copies
    shared_of: dict[int, float] = defaultdict(float)
    for r in twins:
        shared_of[r.copy] = max(shared_of[r.copy], r.share)
        shared_of[r.original] = max(shared_of[r.original], r.original_share)
    carriers: dict[int, list[int]] = defaultdict(list)
    for i in shared_of:
        carriers[find(i)].append(i)
    for members in carriers.values():
        keep = max(members, key=lambda i: (len(story.articles[i].text), -i))
        copies.update(i for i in members if i != keep)
    return Independence(tuple(find(i) for i in range(len(story))), frozenset(copies))
