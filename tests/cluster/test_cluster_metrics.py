"""BCubed and pairwise scores on cases computed by hand."""

from __future__ import annotations

import pytest

from parallax.cluster import bcubed, pairwise

PRED = [1, 1, 2, 2, 2]
GOLD = ["a", "a", "a", "b", "b"]


def test_metrics_bcubed_matches_hand_computation() -> None:
    # precision per item: 1, 1, 1/3, 2/3, 2/3; recall per item: 2/3, 2/3, 1/3, 1, 1
    p, r, f = bcubed(PRED, GOLD)
    assert p == pytest.approx(11 / 15)
    assert r == pytest.approx(11 / 15)
    assert f == pytest.approx(11 / 15)


def test_metrics_pairwise_matches_hand_computation() -> None:
    # predicted pairs: 1 + 3 = 4; gold pairs: 3 + 1 = 4; pairs right: (1,2) and (4,5)
    assert pairwise(PRED, GOLD) == pytest.approx((0.5, 0.5, 0.5))


def test_metrics_singletons_are_precise_but_miss_everything() -> None:
    p, r, f = bcubed(["x", "y", "z"], ["g", "g", "g"])
    assert (p, r) == pytest.approx((1.0, 1 / 3))
    assert f == pytest.approx(0.5)
    assert pairwise(["x", "y", "z"], ["g", "g", "g"]) == (1.0, 0.0, 0.0)


def test_metrics_one_big_cluster_recalls_all_but_is_imprecise() -> None:
    p, r, _ = bcubed([0, 0, 0, 0], ["a", "a", "b", "c"])
    assert p == pytest.approx((0.5 + 0.5 + 0.25 + 0.25) / 4)
    assert r == 1.0
    assert pairwise([0, 0, 0, 0], ["a", "a", "b", "c"])[:2] == pytest.approx((1 / 6, 1.0))


def test_metrics_perfect_clustering_scores_one_whatever_the_label_names() -> None:
    assert bcubed(["s1", "s1", "s2"], [7, 7, 9]) == (1.0, 1.0, 1.0)
    assert pairwise(["s1", "s1", "s2"], [7, 7, 9]) == (1.0, 1.0, 1.0)


def test_metrics_reject_sequences_of_different_length() -> None:
    with pytest.raises(ValueError, match="one label per item"):
        bcubed([1, 2], [1])
    with pytest.raises(ValueError, match="one label per item"):
        pairwise([1], [1, 2])
