"""Online TF-IDF: document frequencies learned as articles stream in, and sparse vector helpers.

Vectors are plain ``dict[str, float]``: a news article has a few hundred distinct terms, and
dictionaries keep the per-article cost small without a numeric dependency. :class:`OnlineIdf`
is the only learned state; it round-trips through :meth:`~OnlineIdf.state_dict`.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from itertools import repeat
from operator import add, itemgetter, mul, sub
from typing import Any

import numpy as np

__all__ = [
    "OnlineIdf", "SparseVector", "add_into", "cosine_of_sums", "cosine_to_sum", "top_terms", "weigh",
    "weigh_array", "weigh_values",
]  # fmt: skip

SparseVector = dict[str, float]

_SUBLINEAR_MAX = 256
_SUBLINEAR = tuple(1.0 + math.log(c) if c else 0.0 for c in range(_SUBLINEAR_MAX))  # 1 + ln(tf)
_LOG1P: list[float] = []  # ln(1 + k) for k = 0, 1, ...: a document frequency never exceeds n


def _log1p_table(n: int) -> list[float]:
    """The table of ``ln(1 + k)`` for every ``k <= n``, grown on demand (a lookup, not a call, per term)."""
    if len(_LOG1P) <= n:
        _LOG1P.extend(math.log(1 + k) for k in range(len(_LOG1P), max(n + 1, 2 * len(_LOG1P), 1024)))
    return _LOG1P


def _log1p_array(n: int) -> np.ndarray:
    """:func:`_log1p_table` as an array (rebuilt only when the table grows, by doubling)."""
    table = _log1p_table(n)
    cached = _LOG1P_ARRAY[0] if _LOG1P_ARRAY else None
    if cached is None or len(cached) != len(table):
        cached = np.array(table)
        _LOG1P_ARRAY[:] = [cached]
    return cached


_LOG1P_ARRAY: list[np.ndarray] = []  # the table above as one array, the latest size only


def _sublinear(counts: Iterable[int]) -> Iterator[float]:
    """``1 + ln(tf)`` of each count (a table lookup below ``_SUBLINEAR_MAX``)."""
    table, cap = _SUBLINEAR, _SUBLINEAR_MAX
    return (table[c] if c < cap else 1.0 + math.log(c) for c in counts)
_BY_WEIGHT = itemgetter(1)
_SUBLINEAR_ARRAY = np.array(_SUBLINEAR)


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

    def weights(self, terms: Collection[str], *, learn: bool = False) -> dict[str, float]:
        """``idf(t)`` for each of ``terms`` in one C-level pass: an article's fields share their terms,
        so the clusterer looks each one up once, not once per field. ``learn`` first counts
        ``terms`` as one more document (as :meth:`update`, in the same pass over the table)."""
        return dict(zip(terms, self.values(terms, learn=learn)))

    def values(self, terms: Collection[str], *, learn: bool = False) -> list[float]:
        """:meth:`weights` as a list in the order of ``terms`` (no map to build when the caller walks
        the terms in that order anyway, as :func:`weigh_values` does)."""
        df = self.df
        dfs = list(map(df.get, terms, repeat(0)))
        if learn:
            self.n += 1
            dfs = list(map(add, dfs, repeat(1)))
            dict.update(df, zip(terms, dfs))  # plain dict update: Counter.update would add again
        table = _log1p_table(self.n)
        return list(map(sub, repeat(table[self.n] + 1.0), map(table.__getitem__, dfs)))

    def value_array(self, terms: Sequence[str], *, learn: bool = False) -> np.ndarray:
        """:meth:`values` as a float64 array, the same numbers bit for bit (each is one subtraction of
        two entries of the same table): the clusterer weighs an article's body with array operations,
        which beat C-level maps over its few hundred terms (see :func:`weigh_array`)."""
        df = self.df
        dfs = np.fromiter(map(df.get, terms, repeat(0)), np.int64, len(terms))
        if learn:
            self.n += 1
            dfs += 1
            dict.update(df, zip(terms, dfs.tolist()))  # plain dict update: Counter.update would add again
        table = _log1p_array(self.n)
        return (table[self.n] + 1.0) - table[dfs]

    def state_dict(self) -> dict[str, Any]:
        return {"n": self.n, "df": dict(self.df)}

    @classmethod
    def from_state(cls, state: Mapping[str, Any]) -> OnlineIdf:
        idf = cls()
        idf.n = int(state["n"])
        idf.df = Counter({str(k): int(v) for k, v in state["df"].items()})
        return idf


def weigh(
    counts: Mapping[str, int], idf: OnlineIdf | Mapping[str, float], *, keep: int = 0
) -> SparseVector:
    """Unit-length TF-IDF vector of ``counts`` (sublinear tf), truncated to the ``keep`` heaviest terms.

    ``idf`` is the learned :class:`OnlineIdf`, or the weights it gave for these terms
    (:meth:`OnlineIdf.weights`), which every field of one article can share.
    """
    if not counts:
        return {}
    if isinstance(idf, OnlineIdf):
        return weigh_values(counts, idf.values(counts.keys()), keep=keep)
    return weigh_values(counts, list(map(idf.__getitem__, counts.keys())), keep=keep)


def weigh_values(counts: Mapping[str, int], idf: Sequence[float], *, keep: int = 0) -> SparseVector:
    """:func:`weigh` with the IDF of each term of ``counts`` given in the order of ``counts``."""
    if not counts:
        return {}
    if max(counts.values()) < _SUBLINEAR_MAX:
        tf: Iterable[float] = map(_SUBLINEAR.__getitem__, counts.values())
    else:
        tf = _sublinear(counts.values())
    values = list(map(mul, tf, idf))
    terms: Sequence[str] = list(counts.keys())
    if keep and len(values) > keep:
        # the positions of the heaviest, by a stable sort of small ints (no pairs to build): equal
        # weights keep the order of ``counts``, which follows the text
        top = sorted(range(len(values)), key=values.__getitem__, reverse=True)[:keep]
        terms, values = list(map(terms.__getitem__, top)), list(map(values.__getitem__, top))
    norm = math.sqrt(sum(map(mul, values, values)))
    if norm <= 0:
        return {}
    return dict(zip(terms, map(mul, values, repeat(1.0 / norm))))


def weigh_array(counts: Mapping[str, int], idf: np.ndarray, *, keep: int = 0) -> SparseVector:
    """:func:`weigh_values` with the IDF as an array (:meth:`OnlineIdf.value_array`): the same vector,
    the same numbers and order (heaviest first; equal weights keep the order of ``counts``), in array
    operations rather than one C-level map per step, which matters for a body's few hundred terms."""
    n = len(counts)
    if not n:
        return {}
    tf_counts = np.fromiter(counts.values(), np.int64, n)
    if int(tf_counts.max()) < _SUBLINEAR_MAX:
        tf = _SUBLINEAR_ARRAY[tf_counts]
    else:
        tf = np.fromiter(_sublinear(tf_counts.tolist()), np.float64, n)
    weights = tf * idf[:n]
    terms: Sequence[str] = list(counts.keys())
    if keep and n > keep:
        top = np.argsort(-weights, kind="stable")[:keep]  # stable: ties keep the order of ``counts``
        weights = weights[top]
        terms = list(map(terms.__getitem__, top.tolist()))
    values = weights.tolist()
    norm = math.sqrt(sum(map(mul, values, values)))  # summed left to right, as weigh_values does
    if norm <= 0:
        return {}
    return dict(zip(terms, (weights * (1.0 / norm)).tolist()))


def top_terms(vec: Mapping[str, float], k: int) -> list[str]:
    """The ``k`` heaviest terms of ``vec``, heaviest first (ties in the order of ``vec``)."""
    # a stable sort: equal weights keep the vector's order, which follows the text (never hash
    # order), so results do not vary between runs; sorting a few hundred items in C beats a heap
    return [t for t, _ in sorted(vec.items(), key=_BY_WEIGHT, reverse=True)[:k]]


def add_into(total: dict[str, float], vec: Mapping[str, float], norm2: float) -> float:
    """Add ``vec`` into the running sum ``total`` in place; returns the new squared norm of ``total``.

    ``|total + vec|^2 = |total|^2 + 2 total.vec + |vec|^2``, every step a C-level map over ``vec``.
    """
    if not vec:
        return norm2
    keys, values = vec.keys(), vec.values()
    dot = sum(map(mul, values, map(total.get, keys, repeat(0.0))))
    norm2 += 2.0 * dot + sum(map(mul, values, values))
    total.update(zip(keys, map(add, map(total.get, keys, repeat(0.0)), values)))
    return norm2


def cosine_to_sum(vec: Mapping[str, float], total: Mapping[str, float], norm2: float) -> float:
    """Cosine between unit vector ``vec`` and a running sum ``total`` of squared norm ``norm2``."""
    if norm2 <= 0.0 or not vec:
        return 0.0
    dot = sum(map(mul, vec.values(), map(total.get, vec.keys(), repeat(0.0))))
    return dot / math.sqrt(norm2)


def cosine_of_sums(a: Mapping[str, float], norm2_a: float, b: Mapping[str, float], norm2_b: float) -> float:
    """Cosine between two running sums of squared norms ``norm2_a`` and ``norm2_b`` (two stories)."""
    if norm2_a <= 0.0 or norm2_b <= 0.0:
        return 0.0
    if len(a) > len(b):  # walk the shorter one
        a, b = b, a
    dot = sum(map(mul, a.values(), map(b.get, a.keys(), repeat(0.0))))
    return dot / math.sqrt(norm2_a * norm2_b)
