"""Quality gate: date resolution on the Giveme5W1H gold "when" phrases (reads ../shared, skips without it)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parallax.evaluation.dates import evaluate

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / ".." / "shared" / "data" / "giveme5w1h" / "gold_standard-5w1h.jsonl.gz"
BASELINE = Path(__file__).resolve().parent / "baseline.json"


@pytest.mark.shared
def test_dates_eval_when_accuracy_does_not_fall_below_baseline() -> None:
    if not GOLD.is_file():
        pytest.skip("../shared/data/giveme5w1h is absent")
    floor = json.loads(BASELINE.read_text(encoding="utf-8"))["dates_when_accuracy"]
    ev = evaluate(GOLD)
    assert ev.eligible >= 80  # the gold file was read whole
    assert ev.accuracy >= floor, f"date accuracy {ev.accuracy:.3f} fell below the baseline {floor}"
