"""Online TF-IDF: document frequencies learned as articles stream in, and sparse vector helpers.

Vectors are plain ``dict[str, float]``: a news article has a few hundred distinct terms, and
dictionaries keep the per-article cost small without a numeric dependency. :class:`OnlineIdf`
is the only learned state; it round-trips through :meth:`~OnlineIdf.state_dict`.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from itertools import repeat
from operator import itemgetter, mul
from typing import Any

__all__ = ["OnlineIdf", "SparseVector", "add_into", "cosine_to_sum", "top_terms", "weigh"]

SparseVector = dict[str, float]

_SUBLINEAR_MAX = 256
_SUBLINEAR = tuple(1.0 + math.log(c) if c else 0.0 for c in range(_SUBLINEAR_MAX))  # 1 + ln(tf)
_BY_WEIGHT = itemgetter(1)


class OnlineIdf:
    """Document frequencies over a stream; ``idf(t) = ln((1 + n) / (1 + df(t))) + 1`` (smoothed).

    Mutable by design (it learns); owned by one clusterer, never shared.
    """

    __slots__ = ("df", "n")

    def __init__(self) -> None:
        self.df: Counter[str] = Counter()
        self.n = 0

    def update(self, terms: Iterable[str]) -> None:
        """Count one document whose distinct terms are ``terms``."""
        self.n += 1
        self.df.update(terms)

    def idf(self, term: str) -> float:
        return math.log((1 + self.n) / (1 + self.df.get(term, 0))) + 1.0

    def state_dict(self) -> dict[str, Any]:
        return {"n": self.n, "df": dict(self.df)}

    @classmethod
    def from_state(cls, state: Mapping[str, Any]) -> OnlineIdf:
        idf = cls()
        idf.n = int(state["n"])
        idf.df = Counter({str(k): int(v) for k, v in state["df"].items()})
        return idf


def weigh(counts: Mapping[str, int], idf: OnlineIdf, *, keep: int = 0) -> SparseVector:
    """Unit-length TF-IDF vector of ``counts`` (sublinear tf), truncated to the ``keep`` heaviest terms."""
    if not counts:
        return {}
    log_n1 = math.log(1 + idf.n) + 1.0
    get = idf.df.get
    log = math.log
    vec = {
        t: (_SUBLINEAR[c] if c < _SUBLINEAR_MAX else 1.0 + log(c)) * (log_n1 - log(1 + get(t, 0)))
        for t, c in counts.items()
    }
    if keep and len(vec) > keep:
        vec = dict(sorted(vec.items(), key=_BY_WEIGHT, reverse=True)[:keep])
    norm = math.sqrt(sum(map(mul, vec.values(), vec.values())))
    if norm <= 0:
        return {}
    inv = 1.0 / norm
    return {t: v * inv for t, v in vec.items()}


def top_terms(vec: Mapping[str, float], k: int) -> list[str]:
    """The ``k`` heaviest terms of ``vec``, heaviest first (ties in the order of ``vec``)."""
    # nlargest is sorted(reverse=True)[:k] and as stable: equal weights keep the vector's order,
    # which follows the text (never hash order), so results do not vary between runs
    return [t for t, _ in heapq.nlargest(k, vec.items(), key=_BY_WEIGHT)]


def add_into(total: dict[str, float], vec: Mapping[str, float], norm2: float) -> float:
    """Add ``vec`` into the running sum ``total`` in place; returns the new squared norm of ``total``."""
    for t, v in vec.items():
        old = total.get(t, 0.0)
        total[t] = old + v
        norm2 += 2.0 * old * v + v * v
    return norm2


def cosine_to_sum(vec: Mapping[str, float], total: Mapping[str, float], norm2: float) -> float:
    """Cosine between unit vector ``vec`` and a running sum ``total`` of squared norm ``norm2``."""
    if norm2 <= 0.0 or not vec:
        return 0.0
    dot = sum(map(mul, vec.values(), map(total.get, vec.keys(), repeat(0.0))))
    return dot / math.sqrt(norm2)
