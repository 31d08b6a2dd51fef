"""Quality of cleaning on the shared data, and its throughput printed (slow; skipped when it is absent).

Run with ``-s`` to see the figures.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from pathlib import Path

import pytest

from parallax.clean import clean, extract_html
from parallax.model import RawDocument

pytestmark = [pytest.mark.slow, pytest.mark.shared]

#: The Scrapinghub benchmark F1 extraction must keep (trafilatura alone publishes 0.958).
F1_FLOOR = 0.95


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = re.findall(r"\w+", text)
    return Counter(tuple(tokens[i : i + 4]) for i in range(max(0, len(tokens) - 3)))


def _pages(benchmark_dir: Path) -> list[tuple[str, str, dict[str, str]]]:
    truth = json.loads(gzip.decompress((benchmark_dir / "ground-truth.json.gz").read_bytes()))
    pages = []
    for page_id in sorted(truth):
        html = gzip.decompress((benchmark_dir / "html" / f"{page_id}.html.gz").read_bytes())
        pages.append((page_id, html.decode("utf-8", "replace"), truth[page_id]))
    return pages


def _f1(texts: list[str], truths: list[str]) -> float:
    precision = recall = 0.0
    for text, truth in zip(texts, truths):
        got, want = _shingles(text), _shingles(truth)
        common = sum((got & want).values())
        precision += common / sum(got.values()) if got else 0.0
        recall += common / sum(want.values()) if want else 0.0
    precision, recall = precision / len(texts), recall / len(texts)
    return 2 * precision * recall / (precision + recall)


def test_speed_extraction_f1_on_benchmark_at_least_floor(benchmark_dir: Path) -> None:
    pages = _pages(benchmark_dir)
    started = time.perf_counter()
    texts = [extract_html(html, url=truth.get("url")).text for _, html, truth in pages]
    elapsed = time.perf_counter() - started
    f1 = _f1(texts, [truth["articleBody"] for _, _, truth in pages])
    print(f"\nextract_html: F1 {f1:.4f} on {len(pages)} pages, {len(pages) / elapsed:.1f} pages/s")
    assert f1 >= F1_FLOOR


def test_speed_clean_throughput(seeds_dir: Path, benchmark_dir: Path) -> None:
    seeds = [
        RawDocument(source=str(p), format="text", text=p.read_text(encoding="utf-8"))
        for p in sorted(seeds_dir.glob("*.txt"))
    ]
    started = time.perf_counter()
    rounds = 50
    for _ in range(rounds):
        for raw in seeds:
            clean(raw)
    text_rate = rounds * len(seeds) / (time.perf_counter() - started)
    pages = [
        RawDocument(source=page_id, format="html", html=html)
        for page_id, html, _ in _pages(benchmark_dir)[:20]
    ]
    started = time.perf_counter()
    for raw in pages:
        clean(raw)
    html_rate = len(pages) / (time.perf_counter() - started)
    print(f"\nclean: {text_rate:.0f} text articles/s (seeds), {html_rate:.1f} HTML articles/s (20 pages)")
    # figures only: speed is measured by bench/extraction.py and bench/ingest.py, never asserted in tests
