"""Which articles are independent sources: one outlet is one source, a copy joins its original's, and
outlets carrying one wire's (or press release's) text are one source.

* A *copy* (``relation: "copy"``, directed, ``copy_share`` of its words copied) joins its
  original's source and is left out of consensus, exclusives and quotes.
* A *partial copy* (any other confirmed reuse) stays in the comparison, but it and its original
  count as one source: what it copied is not confirmed by its own reprint.
* One outlet under two web hosts ("usa.chinadaily.com.cn", "www.chinadaily.com.cn") is one source.
* *Wire twins* (``relation: "shared-source"``): two outlets carrying the same third source's
  text. When ``WIRE_SHARE`` of either article is that text, the two are one source. In each
  group of such carriers one article stays (the longest: it carries the most of its own) and
  every other member is treated as a copy: left out of consensus, exclusives and quotes, so
  that the wire's sentences are neither "confirmed" by their own reprint nor reported as one
  outlet's exclusive twice.
"""

from __future__ import annotations

import re
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


_HOST_RE = re.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,}")
#: Second-level labels under a country code ("bbc.co.uk", "chinadaily.com.cn").
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "ne", "or"})


def outlet_key(outlet: str) -> str:
    """What makes two outlet names one outlet: a web host counts as its registered domain, so
    "usa.chinadaily.com.cn" and "www.chinadaily.com.cn" are one outlet; other names as written."""
    low = outlet.strip().lower()
    if not _HOST_RE.fullmatch(low):
        return outlet
    labels = low.split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


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
        union(first.setdefault(outlet_key(outlet), i), i)
    copies = set()
    twins: list[Reuse] = []
    for r in reuse:
        if r.is_copy(settings):
            union(r.original, r.copy)
            copies.add(r.copy)
        elif r.relation == "shared-source" and max(r.share, r.original_share) >= WIRE_SHARE:
            union(r.original, r.copy)
            twins.append(r)
        else:
            # a partial copy stays in the comparison with what it adds, but is not a second
            # source for what it copied: its original and it count once
            union(r.original, r.copy)
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
