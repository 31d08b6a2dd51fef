"""Quality gate: story clustering on the Giveme5W1H news-cluster gold (reads ../shared, skips without it).

Floors live in ``baseline.json`` (``cluster_*`` keys). Parameters were tuned on the ``tune``
half only; ``heldout`` shows whether that generalises. Run the full report with
``python -m parallax.evaluation.cluster`` and the peers with ``python bench/cluster_peers.py``.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from parallax.evaluation.cluster import ClusterScore, load, run

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / ".." / "shared" / "data" / "giveme5w1h" / "news_cluster-articles.jsonl.gz"
BASELINE = Path(__file__).resolve().parent / "baseline.json"
GATE_BCUBED_F1 = 0.90  # issue 4: on the whole set


@cache
def _scores() -> dict[str, ClusterScore]:
    return {s.split: s for s in run(load(DATA))}


def _floor(key: str) -> float:
    return float(json.loads(BASELINE.read_text(encoding="utf-8"))[key])


@pytest.fixture
def scores() -> dict[str, ClusterScore]:
    if not DATA.is_file():
        pytest.skip("../shared/data/giveme5w1h is absent")
    return _scores()


@pytest.mark.shared
def test_cluster_eval_reads_the_whole_gold_set(scores) -> None:
    assert scores["all"].articles == 383 and scores["all"].gold_events == 69
    assert scores["tune"].articles + scores["heldout"].articles == 383


@pytest.mark.shared
def test_cluster_eval_bcubed_f1_meets_the_issue_gate(scores) -> None:
    assert scores["all"].bcubed_f1 >= GATE_BCUBED_F1


@pytest.mark.shared
@pytest.mark.parametrize("split", ["tune", "heldout", "all"])
def test_cluster_eval_bcubed_f1_does_not_fall_below_baseline(scores, split: str) -> None:
    floor = _floor(f"cluster_bcubed_f1_{split}")
    got = scores[split].bcubed_f1
    assert got >= floor, f"{split}: BCubed F1 {got:.3f} fell below the baseline {floor}"


@pytest.mark.shared
@pytest.mark.parametrize("split", ["tune", "heldout", "all"])
def test_cluster_eval_pairwise_f1_does_not_fall_below_baseline(scores, split: str) -> None:
    floor = _floor(f"cluster_pairwise_f1_{split}")
    got = scores[split].pairwise_f1
    assert got >= floor, f"{split}: pairwise F1 {got:.3f} fell below the baseline {floor}"
