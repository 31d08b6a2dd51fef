"""Quality gate: date resolution on the Giveme5W1H gold "when" phrases (reads ../shared, skips without it),
and the scorer itself on a gold file of our own."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from parallax.evaluation.dates import evaluate, gold_coherence, main

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
    # the target, on the phrases whose gold date agrees with the phrase itself
    assert ev.coherent_accuracy >= 0.80, f"coherent date accuracy {ev.coherent_accuracy:.3f} is below 0.80"


@pytest.mark.parametrize(
    "phrase, gold, expected",
    [
        ("Wednesday", "2016-11-12", "contradicts"),  # a Saturday
        ("Sunday's final", "2016-11-13", "coherent"),
        ("Wed, March 23, 2016", "2016-11-13", "contradicts"),
        ("Nov 4", "2016-11-05", "contradicts"),
        ("November 5, 2016", "2016-11-06", "contradicts"),
        ("in December", "2016-11-08", "contradicts"),
        ("lap 31", "2016-11-13", "not_temporal"),
        ("race in Monza", "2016-11-13", "not_temporal"),
        ("2016", "2016-11-08", "coarser"),
        ("last month", "2016-11-08", "coarser"),
        ("at the start of the season", "2016-11-13", "coarser"),
        ("three days before the vote", "2016-11-06", "coherent"),
        ("at about 7.20am", "2016-11-09", "coherent"),
        ("01:15", "2016-11-02", "coherent"),
    ],
)
def test_dates_eval_coherence_reads_the_phrase(phrase: str, gold: str, expected: str) -> None:
    assert gold_coherence(phrase, gold) == expected


def _gold_file(tmp_path: Path) -> Path:
    rows = [
        {
            "dId": "a1", "date_publish": "2025-03-12 09:00:00", "title": "Harbour closed",
            "text": "The harbour closed on Tuesday. Officials met on Sunday night. Ships were redirected in 2025.",
            "fiveWoneH": {"when": {"annotated": [
                {"text": "on Tuesday", "parsed": "2025-03-11"},
                {"text": "Sunday night", "parsed": "2025-03-12"},  # not a Sunday: incoherent gold
                {"text": "2025", "parsed": "2025-03-12"},  # a year dated to a day: coarser
                {"text": "harbour", "parsed": "2025-03-12"},  # not temporal
                {"text": "", "parsed": "2025-03-12"},  # no phrase
            ]}},
        },
    ]  # fmt: skip
    path = tmp_path / "gold.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row) + "\n")
    return path


def test_dates_eval_scores_and_reports_a_gold_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _gold_file(tmp_path)
    ev = evaluate(path)
    assert (ev.eligible, ev.no_phrase, ev.correct, ev.coherent, ev.coherent_correct) == (4, 1, 1, 1, 1)
    assert (ev.not_temporal, ev.contradicts, ev.coarser) == (1, 1, 1)
    assert ev.baseline_publication == 0.75 and ev.coherent_baseline_publication == 0.0
    assert main(["--gold", str(path)]) == 0
    out = capsys.readouterr().out
    assert "exact, all phrases:" in out and "exact, coherent gold:" in out and "gold = publication day" in out
    assert main(["--gold", str(path), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["accuracy"] == 0.25 and summary["coherent_accuracy"] == 1.0
    assert main(["--gold", str(tmp_path / "absent.jsonl.gz")]) == 2
