"""Comparison time for stories of 2, 10, 50 and 200 articles.

    python bench/compare.py [--sizes 2 10 50 200] [--repeat 3] [--json out.json]

Stories are built from the demo corpus's event story (10 articles) and articles generated
by bench/synth.py, all run through ``parallax.analyze`` once (not timed); each story is
the first N of them, compared as one story. Generated articles reuse templates, so their
sentences look alike: a harder case for the sentence index than real news. The target is
a 200-article story in under 10 s.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import synth

from parallax.api import analyze
from parallax.compare import compare
from parallax.model import Article
from parallax.samples import DEMO_EXPECTATIONS, EVENT_STORY, demo_paths


def corpus(count: int) -> list[Article]:
    meta = DEMO_EXPECTATIONS["articles"]
    ids = set(DEMO_EXPECTATIONS["stories"][EVENT_STORY]["articles"])
    demo = [a for a in analyze(demo_paths()) if isinstance(a, Article) and a.id in ids]
    demo = [a.replace(outlet=a.outlet or meta[a.id]["outlet"], published=a.published or meta[a.id]["published"])
            for a in demo]
    need = max(count - len(demo), 0)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "synth.jsonl"
        path.write_text("\n".join(json.dumps(r) for r in synth.generate(need)), encoding="utf-8")
        generated = [a for a in analyze([path]) if isinstance(a, Article)]
    return demo + generated


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2, 10, 50, 200])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    articles = corpus(max(args.sizes))
    rows = []
    for n in args.sizes:
        story = articles[:n]
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            result = compare(story, story=f"bench-{n}")
            times.append(time.perf_counter() - t)
        row = {"articles": n, "sentences": sum(len(a.sentences) for a in story), "best_s": round(min(times), 3),
               "findings": result.counts()}
        rows.append(row)
        print(f"{n:4d} articles  {row['sentences']:5d} sentences  {row['best_s']:7.3f} s  {row['findings']}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    slow = [r for r in rows if r["articles"] >= 200 and r["best_s"] >= 10]
    return 1 if slow else 0


if __name__ == "__main__":
    raise SystemExit(main())
