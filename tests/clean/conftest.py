"""Fixtures of the cleaning tests: where the shared data lives (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


@pytest.fixture
def seeds_dir() -> Path:
    path = SHARED / "samples" / "seeds"
    if not path.is_dir() or not sorted(path.glob("*.txt")):
        pytest.skip(f"seed articles not found in {path}")
    return path


@pytest.fixture
def benchmark_dir() -> Path:
    path = SHARED / "data" / "article-extraction-benchmark"
    if not (path / "ground-truth.json.gz").is_file():
        pytest.skip(f"article extraction benchmark not found in {path}")
    return path
