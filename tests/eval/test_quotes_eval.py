"""Quality gate: quotes and speakers on PolNeAR dev (reads ../shared, skips without it).

Floors live in ``baseline.json``: each is the dev figure measured when the gate was
last raised, rounded down to just under it (round 4: by 0.004 to 0.006; ``quotes_epsilon``,
0.01, is the most a small rule change elsewhere in the pipeline, e.g. entity names, should
cost). A floor only goes down on purpose, with a note.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parallax.evaluation.quotes import Counts, _Gold, _Pred, evaluate, score

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / ".." / "shared" / "data" / "polnear" / "polnear-train-dev.jsonl.gz"
BASELINE = Path(__file__).resolve().parent / "baseline.json"


def test_quotes_eval_match_needs_half_the_gold_characters_and_is_one_to_one() -> None:
    gold = [_Gold(spans=((0, 100),), sources=((120, 130),), source_last="ruiz", direct=True)]
    half = _Pred(spans=((50, 100),), speaker_spans=((120, 125),), names=(), direct=True)
    short = _Pred(spans=((0, 49),), speaker_spans=(), names=("Ana Ruiz",), direct=True)
    assert score([half], gold) == Counts(gold=1, predicted=1, matched=1, speaker=1)
    assert score([short], gold) == Counts(gold=1, predicted=1, matched=0, speaker=0)
    # two predictions for one gold: one matches, the other is a false positive
    both = score([half, _Pred(spans=((0, 100),), speaker_spans=(), names=("Ana Ruiz",), direct=True)], gold)
    assert (both.matched, both.predicted, both.speaker) == (1, 2, 1)


def test_quotes_eval_counts_are_also_kept_per_publisher(tmp_path: Path) -> None:
    import gzip

    text = "“We will stay,” Ana Ruiz said. The port will reopen, Tom Hale said."
    row = {
        "doc_id": "d1",
        "compartment": "dev",
        "publisher": "herald",
        "text": text,
        "attributions": [
            {
                "source": [{"start": 17, "end": 25}],
                "content": [{"start": 0, "end": 16}],
            }
        ],
    }
    path = tmp_path / "mini.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps(row) + "\n")
    ev = evaluate("dev", path=path)
    direct, total = ev.publishers["herald"]
    assert (direct.gold, direct.matched, direct.speaker) == (1, 1, 1)
    assert total == ev.all and "herald" in ev.summary()["publishers"]


def test_quotes_eval_speaker_by_name_uses_the_gold_last_token() -> None:
    gold = [_Gold(spans=((0, 10),), sources=((50, 60),), source_last="ruiz", direct=False)]
    named = _Pred(spans=((0, 10),), speaker_spans=((70, 72),), names=("Ana Ruiz",), direct=False)
    other = _Pred(spans=((0, 10),), speaker_spans=((70, 72),), names=("Ruizdale",), direct=False)
    assert score([named], gold).speaker == 1
    assert score([other], gold).speaker == 0


@pytest.mark.shared
def test_quotes_eval_dev_figures_do_not_fall_below_baseline() -> None:
    if not DATA.is_file():
        pytest.skip("../shared/data/polnear is absent")
    base = json.loads(BASELINE.read_text(encoding="utf-8"))
    ev = evaluate("dev", path=DATA)
    assert ev.files == 94 and ev.docs == 84  # the dev split was read whole
    figures = {
        "quotes_direct_f1": ev.direct.f1,
        "quotes_direct_speaker_f1": ev.direct.speaker_f1,
        "quotes_all_f1": ev.all.f1,
        "quotes_all_speaker_f1": ev.all.speaker_f1,
    }
    low = {k: round(v, 4) for k, v in figures.items() if v < base[k]}
    assert not low, f"PolNeAR dev figures fell below tests/eval/baseline.json: {low}"
