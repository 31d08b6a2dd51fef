"""HTML main-text extraction quality and speed on the Scrapinghub article extraction benchmark.

    python bench/extraction.py [--data ../shared/data/article-extraction-benchmark] [--fast] [--limit N]

The benchmark's own metric: tokens by the regex ``\\w+``, 4-token shingles as multisets,
per-page tp/fp/fn normalised to sum 1, precision averaged over pages with a prediction and
recall over pages with a truth, F1 of the averages (our implementation of the published
definition). Prints F1, precision, recall and pages/s; ``--json`` writes the figures.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from parallax.clean import clean, extract_html
from parallax.config import Settings
from parallax.errors import InputError
from parallax.model import RawDocument

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "article-extraction-benchmark"
TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Token n-grams as a multiset; a text shorter than n tokens is one shorter shingle."""
    tokens = TOKEN.findall(text or "")
    grams = (tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))
    return Counter(g for g in grams if g)


def page_counts(predicted: str, truth: str) -> tuple[float, float, float]:
    """(tp, fp, fn) over shingles, normalised to sum 1 so long pages do not weigh more."""
    p, t = shingles(predicted), shingles(truth)
    tp = float(sum((p & t).values()))
    fp = float(sum((p - t).values()))
    fn = float(sum((t - p).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def score(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """Mean precision over pages with a prediction, mean recall over pages with a truth, F1 of the two."""
    precisions = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f1, precision, recall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--fast", action="store_true", help="trafilatura fast mode")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--json", type=Path, default=None, help="write the figures here")
    parser.add_argument(
        "--clean", action="store_true", help="score the whole cleaner (extraction + boilerplate removal)"
    )
    args = parser.parse_args(argv)
    truth_file = args.data / "ground-truth.json.gz"
    if not truth_file.exists():
        print(f"no benchmark data at {args.data}; pass --data", file=sys.stderr)
        return 2
    truth = json.loads(gzip.open(truth_file).read())
    ids = sorted(truth)[: args.limit]
    pages = [(i, gzip.open(args.data / "html" / f"{i}.html.gz").read().decode("utf-8", "replace")) for i in ids]
    counts = []
    start = time.perf_counter()
    for page_id, html in pages:
        url = truth[page_id].get("url")
        if args.clean:
            settings = Settings(extract_fast=args.fast, min_text_chars=0)
            try:
                text = clean(RawDocument(source=page_id, format="html", html=html, url=url), settings).text
            except InputError:
                text = ""
        else:
            text = extract_html(html, url=url, fast=args.fast).text
        counts.append(page_counts(text, truth[page_id].get("articleBody", "")))
    elapsed = time.perf_counter() - start
    f1, precision, recall = score(counts)
    figures = {
        "pages": len(pages),
        "f1": round(f1, 4),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "pages_per_s": round(len(pages) / elapsed, 1),
        "fast": args.fast,
        "what": "clean" if args.clean else "extract_html",
    }
    print(
        f"{figures['what']} on {len(pages)} pages: F1 {f1:.3f}  precision {precision:.3f}  recall {recall:.3f}  "
        f"{figures['pages_per_s']} pages/s{' (fast)' if args.fast else ''}"
    )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
