"""Annotation pipeline throughput: articles/s, single process and on a local process pool.

    python bench/annotate.py [--count 10000] [--workers 1 2] [--profile] [--spark local[2]]

Articles come from bench/synth.py (~600 words, quotes, figures, dates, frames), cleaned
once up front; only the annotation stages are timed. ``--spark MASTER`` also runs the pipeline on
the Spark backend (needs the spark extra and Java): its start-up is timed apart from the run. ``--profile`` prints the top
functions by cumulative time of a single-process run (cProfile), and the time per stage.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import synth  # noqa: E402

from parallax.annotate import default_pipeline  # noqa: E402
from parallax.backends import LocalBackend, SerialBackend  # noqa: E402
from parallax.clean import clean  # noqa: E402
from parallax.model import Article, RawDocument  # noqa: E402


def articles(count: int) -> list[Article]:
    out = []
    for record in synth.generate(count):
        raw = RawDocument(
            source="synth", format="jsonl", record=str(record["id"]), text=str(record["text"]),
            id=str(record["id"]), outlet=str(record["outlet"]), published=str(record["published"]),
            title=str(record["title"]), language="en",
        )
        out.append(clean(raw))
    return out


def per_stage(sample: list[Article]) -> dict[str, float]:
    """Milliseconds per article for each stage, running the stages in order."""
    pipeline = default_pipeline()
    totals = {stage.name: 0.0 for stage in pipeline.stages}
    for article in sample:
        for stage in pipeline.stages:
            start = time.perf_counter()
            article = stage(article)
            totals[stage.name] += time.perf_counter() - start
    return {name: 1000 * t / len(sample) for name, t in totals.items()}


def spark_run(master: str, pipeline: object, docs: list[Article]) -> dict[str, float]:
    """The pipeline on :class:`SparkBackend` at ``master``: session start-up, then the run."""
    import os

    from pyspark.sql import SparkSession

    from parallax.backends import SparkBackend

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    start = time.perf_counter()
    session = (
        SparkSession.builder.master(master).appName("parallax-bench").config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
        .getOrCreate()
    )  # fmt: skip
    session.sparkContext.setLogLevel("ERROR")
    session.sparkContext.parallelize(range(4)).count()  # executors and Python workers up
    startup = time.perf_counter() - start
    try:
        start = time.perf_counter()
        n = sum(1 for _ in SparkBackend(session=session).map(pipeline, docs))
        elapsed = time.perf_counter() - start
    finally:
        session.stop()
    rate = n / elapsed
    print(f"spark {master}: {elapsed:.2f} s, {rate:,.0f} articles/s (start-up {startup:.1f} s apart)")
    return {"seconds": round(elapsed, 2), "articles_per_s": round(rate, 1), "startup_s": round(startup, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--spark", metavar="MASTER", default=None, help="also run on Spark, e.g. local[2]")
    args = parser.parse_args(argv)
    docs = articles(args.count)
    words = sum(len(a.text.split()) for a in docs) / len(docs)
    print(f"{len(docs):,} articles, {words:.0f} words on average")
    pipeline = default_pipeline()
    results: dict[str, object] = {"count": len(docs), "words": round(words)}
    stages = per_stage(docs[: min(500, len(docs))])
    results["ms_per_stage"] = {k: round(v, 3) for k, v in stages.items()}
    print("ms/article by stage: " + ", ".join(f"{k} {v:.2f}" for k, v in stages.items()))
    for workers in args.workers:
        backend = SerialBackend() if workers == 1 else LocalBackend(workers=workers, chunksize=32)
        start = time.perf_counter()
        n = sum(1 for _ in backend.map(pipeline, docs))
        elapsed = time.perf_counter() - start
        rate = n / elapsed
        results[f"workers_{workers}"] = {"seconds": round(elapsed, 2), "articles_per_s": round(rate, 1)}
        print(f"workers={workers}: {elapsed:.2f} s, {rate:,.0f} articles/s ({rate / workers:,.0f} per core)")
    if args.spark:
        results["spark"] = spark_run(args.spark, pipeline, docs)
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for article in docs[:1000]:
            pipeline(article)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(20)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
