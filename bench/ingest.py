"""Ingest throughput and peak memory: the demo corpus and N generated articles.

    python bench/ingest.py [--count 10000] [--workers 1 2] [--no-annotate] [--json out.json]

Each measurement runs ``parallax ingest`` in a fresh child process into a fresh store, so
peak memory (max RSS of that process and its workers) is the run's own. Generated
articles come from bench/synth.py (JSON Lines, ~600 words each).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import synth  # noqa: E402


def run_ingest(paths: list[str], db: Path, workers: int, annotate: bool) -> dict[str, object]:
    cmd = [sys.executable, "-m", "parallax.cli", "ingest", *paths, "--db", str(db), "--workers", str(workers),
           "--no-progress"]
    if not annotate:
        cmd.append("--no-annotate")
    # A wrapper process per run, so RUSAGE_CHILDREN's max RSS is this run's alone (workers included).
    wrapper = (
        "import resource, subprocess, sys, time, json\n"
        "t = time.perf_counter(); p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "print(json.dumps({'rc': p.returncode, 'seconds': time.perf_counter() - t, 'stderr': p.stderr[-3000:],\n"
        "  'maxrss_kib': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))\n"
    )
    proc = subprocess.run([sys.executable, "-c", wrapper, *cmd], capture_output=True, text=True, check=True)
    out = json.loads(proc.stdout)
    if out["rc"] not in (0, 1):
        raise SystemExit(f"ingest failed ({out['rc']}): {out['stderr']}")
    summary = out["stderr"].strip().splitlines()[-1] if out["stderr"].strip() else ""
    return {"seconds": out["seconds"], "peak_rss_mib": out["maxrss_kib"] / 1024, "summary": summary}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--no-annotate", action="store_true")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    from parallax.samples import demo_paths

    results = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "synth.jsonl"
        with corpus.open("w", encoding="utf-8") as fh:
            for record in synth.generate(args.count):
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        jobs = [("demo corpus", [str(p) for p in demo_paths()], len(demo_paths())),
                (f"{args.count:,} generated", [str(corpus)], args.count)]
        for label, paths, n in jobs:
            for workers in args.workers:
                db = Path(tmp) / f"bench-{len(results)}.db"
                r = run_ingest(paths, db, workers, not args.no_annotate)
                rate = n / r["seconds"] if label != "demo corpus" else None
                results.append({"input": label, "workers": workers, **r, "articles_per_s": rate})
                per_s = f"{rate:,.0f} articles/s" if rate else f"{r['seconds']:.2f} s"
                print(f"{label:>18} workers={workers}: {r['seconds']:7.2f} s  {per_s:>16}  "
                      f"peak {r['peak_rss_mib']:.0f} MiB   [{r['summary']}]")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
