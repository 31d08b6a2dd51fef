"""Which articles are independent sources: one outlet is one source, and a copy joins its original's."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .reuse import Reuse
from .settings import CompareSettings
from .story import Story


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
    """Group articles by outlet, then merge each copy's outlet into its original's."""
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
    for r in reuse:
        if r.is_copy(settings):
            union(r.original, r.copy)
            copies.add(r.copy)
    return Independence(tuple(find(i) for i in range(len(story))), frozenset(copies))
