"""Reading speed (not cleaning): 10,000 JSON Lines records and a WARC of 1,000 pages."""

from __future__ import annotations

import gzip
import json
import time
from pathlib import Path

import pytest

from .test_ingest_warc import page, write_warc


@pytest.mark.slow
def test_throughput_jsonl_10k_records(read, tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl.gz"
    body = "The council met on Monday and voted on the bridge. " * 40  # ~2 KB per article
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for i in range(10_000):
            f.write(
                json.dumps({"id": str(i), "outlet": "Planet", "title": f"Story {i}", "text": body}) + "\n"
            )
    start = time.perf_counter()
    docs, failures = read([path])
    elapsed = time.perf_counter() - start
    assert failures == [] and len(docs) == 10_000
    print(f"\njsonl.gz: {len(docs) / elapsed:,.0f} records/s ({elapsed:.2f} s for 10,000)")


@pytest.mark.slow
def test_throughput_warc_1k_pages(read, tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(
        path, [(f"https://news.example/{n}", "text/html", page(n, "word " * 1000)) for n in range(1000)]
    )
    start = time.perf_counter()
    docs, failures = read([path])
    elapsed = time.perf_counter() - start
    assert failures == [] and len(docs) == 1000
    print(f"\nwarc.gz: {len(docs) / elapsed:,.0f} pages/s ({elapsed:.2f} s for 1,000)")
