"""Load check of the web app: many concurrent reads of the story page on loopback.

    python bench/web_load.py [--db FILE] [--story ID] [--path /api/stories/ID] [--concurrency 32]
                             [--requests 3000] [--max-seconds 30] [--workers 1] [--json out.json]

Without ``--db`` the demo corpus is ingested into a temporary store and assigned its stories.
The server runs in its own process (uvicorn, ``--workers`` processes, 127.0.0.1, a free port),
so the client's event loop does not share the server's interpreter. The first request is timed
on its own (it compares the story: the per-process cache is cold); then ``--concurrency``
clients (httpx AsyncClient, keep-alive) send ``--requests`` requests in all, stopping early at
``--max-seconds``. Prints requests/s, p50/p90/p99/max latency and the errors (anything but a
200 with a full page); exits 1 when there was any error. Not a test: numbers depend on the
machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import httpx

from parallax.api import ingest, open_store
from parallax.config import Settings
from parallax.samples import DEMO_EXPECTATIONS, EVENT_STORY, demo_paths

_SERVER = """
import sys, uvicorn
from parallax.web import create_app
uvicorn.run(create_app(sys.argv[1]), host="127.0.0.1", port=int(sys.argv[2]), log_level="warning",
            access_log=False, lifespan="off", ws="none")
"""
_SERVER_WORKERS = """
import os, sys, uvicorn
os.environ["PARALLAX_WEB_DB"] = sys.argv[1]
uvicorn.run("web_load_app:app", host="127.0.0.1", port=int(sys.argv[2]), log_level="warning",
            access_log=False, lifespan="off", ws="none", workers=int(sys.argv[3]))
"""
_APP_MODULE = """
import os
from parallax.web import create_app
app = create_app(os.environ["PARALLAX_WEB_DB"])
"""


def demo_store(folder: Path) -> Path:
    db = folder / "demo.db"
    ingest(demo_paths(), db=db, settings=Settings(progress=False))
    with open_store(db) as store:
        store.set_stories(
            (a, story) for story, spec in DEMO_EXPECTATIONS["stories"].items() for a in spec["articles"]
        )
    return db


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: Path, port: int, workers: int, folder: Path) -> subprocess.Popen[bytes]:
    if workers == 1:
        cmd = [sys.executable, "-c", _SERVER, str(db), str(port)]
        env = None
    else:
        (folder / "web_load_app.py").write_text(_APP_MODULE, encoding="utf-8")
        cmd = [sys.executable, "-c", _SERVER_WORKERS, str(db), str(port), str(workers)]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(folder), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.Popen(cmd, env=env)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited with code {proc.returncode} before listening")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return proc
        except OSError:
            time.sleep(0.05)
    proc.terminate()
    raise SystemExit("the server did not listen within 30 s")


async def load(url: str, concurrency: int, total: int, max_seconds: float) -> tuple[list[float], list[str], float]:
    latencies: list[float] = []
    errors: list[str] = []
    sent = 0
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(limits=limits, timeout=30.0) as client:
        start = time.perf_counter()
        stop_at = start + max_seconds

        async def worker() -> None:
            nonlocal sent
            while sent < total and time.perf_counter() < stop_at:
                sent += 1
                t0 = time.perf_counter()
                try:
                    response = await client.get(url)
                    ok = response.status_code == 200 and len(response.content) > 1000
                    if not ok:
                        errors.append(f"status {response.status_code}, {len(response.content)} bytes")
                except httpx.HTTPError as exc:
                    errors.append(f"{type(exc).__name__}: {exc}")
                latencies.append(time.perf_counter() - t0)

        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - start
    return latencies, errors, elapsed


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a store file (default: the demo corpus in a temporary store)")
    parser.add_argument("--story", default=EVENT_STORY)
    parser.add_argument("--path", help="the URL path to load (default: the story page of --story)")
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--max-seconds", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = args.db if args.db is not None else demo_store(folder)
        port = free_port()
        server = start_server(db, port, args.workers, folder)
        try:
            path = args.path or f"/stories/{quote(args.story, safe='')}"
            url = f"http://127.0.0.1:{port}{path}"
            t0 = time.perf_counter()
            first = httpx.get(url, timeout=60.0)
            cold = time.perf_counter() - t0
            if first.status_code != 200:
                raise SystemExit(f"{url} answered {first.status_code}: {first.text[:300]}")
            latencies, errors, elapsed = asyncio.run(load(url, args.concurrency, args.requests, args.max_seconds))
        finally:
            server.terminate()
            server.wait(timeout=10)

    done = len(latencies)
    results = {
        "path": path,
        "page_bytes": len(first.content),
        "workers": args.workers,
        "concurrency": args.concurrency,
        "requests": done,
        "seconds": round(elapsed, 2),
        "requests_per_s": round(done / elapsed, 1) if elapsed else 0.0,
        "first_request_ms": round(cold * 1000, 1),
        "p50_ms": round(percentile(latencies, 0.50) * 1000, 1),
        "p90_ms": round(percentile(latencies, 0.90) * 1000, 1),
        "p99_ms": round(percentile(latencies, 0.99) * 1000, 1),
        "max_ms": round(max(latencies) * 1000, 1),
        "mean_ms": round(statistics.fmean(latencies) * 1000, 1),
        "errors": len(errors),
    }
    for key, value in results.items():
        print(f"{key:>18}: {value}")
    for message in sorted(set(errors))[:10]:
        print(f"  error: {message}", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
