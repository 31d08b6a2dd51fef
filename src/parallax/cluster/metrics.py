"""Clustering quality against gold labels: BCubed and pairwise precision, recall and F1.

Both take two parallel sequences of labels (any hashable values), one per item:
``pred[i]`` is the predicted cluster of item ``i`` and ``gold[i]`` its gold cluster.

* **BCubed** (Bagga & Baldwin 1998; Amigó et al. 2009): for each item, precision is the
  share of its predicted cluster that shares its gold cluster, recall the share of its
  gold cluster that shares its predicted cluster (each item counts itself); both are
  averaged over items.
* **Pairwise**: over all unordered pairs of distinct items, precision is the share of
  pairs put together that belong together, recall the share of pairs that belong
  together that were put together. With no predicted (gold) pair, precision (recall) is 1.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence

__all__ = ["bcubed", "pairwise"]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def _check(pred: Sequence[Hashable], gold: Sequence[Hashable]) -> None:
    if len(pred) != len(gold):
        raise ValueError(
            f"pred has {len(pred)} labels but gold has {len(gold)}: give one label per item in each"
        )


def bcubed(pred: Sequence[Hashable], gold: Sequence[Hashable]) -> tuple[float, float, float]:
    """BCubed ``(precision, recall, F1)`` of ``pred`` against ``gold``; (1, 1, 1) for no items."""
    _check(pred, gold)
    n = len(pred)
    if n == 0:
        return 1.0, 1.0, 1.0
    joint = Counter(zip(pred, gold))
    pred_size = Counter(pred)
    gold_size = Counter(gold)
    # every item of a (pred, gold) cell has the same per-item precision and recall
    p = sum(c * c / pred_size[pl] for (pl, _), c in joint.items()) / n
    r = sum(c * c / gold_size[gl] for (_, gl), c in joint.items()) / n
    return p, r, _f1(p, r)


def _pairs(k: int) -> int:
    return k * (k - 1) // 2


def pairwise(pred: Sequence[Hashable], gold: Sequence[Hashable]) -> tuple[float, float, float]:
    """Pairwise ``(precision, recall, F1)`` of ``pred`` against ``gold``."""
    _check(pred, gold)
    together = sum(_pairs(c) for c in Counter(zip(pred, gold)).values())
    pred_pairs = sum(_pairs(c) for c in Counter(pred).values())
    gold_pairs = sum(_pairs(c) for c in Counter(gold).values())
    p = together / pred_pairs if pred_pairs else 1.0
    r = together / gold_pairs if gold_pairs else 1.0
    return p, r, _f1(p, r)
