"""Throughput and search latency on 10,000 articles of ~3,000 characters (slow; prints the figures)."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import pytest

from parallax.store import Store


@pytest.mark.slow
def test_store_bench_add_and_search_10k(tmp_path: Path, make_corpus) -> None:
    corpus = make_corpus(10_000, chars=3_000, seed=11)
    with Store(tmp_path / "bench.db") as store:
        started = time.perf_counter()
        report = store.add(corpus)
        add_s = time.perf_counter() - started
        assert report.seen == 10_000
        started = time.perf_counter()
        again = store.add(corpus)
        readd_s = time.perf_counter() - started
        assert again.duplicates == 10_000
        latencies = []
        for query in [
            "harbour",
            "ferry strike",
            "glacier treaty museum",
            "report 4242",
            "nothingmatches",
        ] * 4:
            t0 = time.perf_counter()
            store.search(query)
            latencies.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        streamed = sum(1 for _ in store.articles())
        stream_s = time.perf_counter() - t0
    size_mb = (tmp_path / "bench.db").stat().st_size / 1e6
    print(
        f"\nstore bench: add {10_000 / add_s:,.0f} articles/s ({add_s:.2f} s), re-add (all duplicates) "
        f"{10_000 / readd_s:,.0f}/s, search median {statistics.median(latencies) * 1000:.1f} ms "
        f"max {max(latencies) * 1000:.1f} ms, stream {streamed / stream_s:,.0f} articles/s, file {size_mb:.0f} MB"
    )
    # figures only: speed is measured by bench/ingest.py, never asserted in tests (shared, noisy machines)
