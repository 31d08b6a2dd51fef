"""Reads keep working, and see new data, while an ingest writes to the same store."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from fastapi.testclient import TestClient

from parallax.api import open_store
from parallax.model import Article
from parallax.samples import EVENT_STORY
from parallax.web import create_app

MAX_BATCHES = 400
PER_BATCH = 20
ROUNDS = 2  # full rounds of reads that must finish while the writer is still writing


def _writer(db: Path, stop: threading.Event, done: threading.Event, written: list[int],
            errors: list[BaseException]) -> None:
    """Writes batches until told to stop (or MAX_BATCHES): the reads, however slow the machine, overlap it."""
    try:
        with open_store(db) as store:
            for b in range(MAX_BATCHES):
                if stop.is_set():
                    break
                store.add_batch(
                    [
                        Article(
                            id=f"wire-{b}-{n}",
                            text=f"Wire update {b}.{n}: the harbour crane count rose to {b * PER_BATCH + n}.",
                            title=f"Harbour crane update {b}.{n}",
                            outlet=f"Wire {n % 3}",
                            published=f"2026-03-{10 + b % 15:02d}",
                            story=f"wire-story-{b % 4}",
                        )
                        for n in range(PER_BATCH)
                    ]
                )
                written.append(b)
                time.sleep(0.01)
    except BaseException as exc:  # noqa: BLE001 - reported by the test
        errors.append(exc)
    finally:
        done.set()


def test_web_reads_keep_working_while_an_ingest_writes(demo_copy: Path):
    app = create_app(demo_copy)
    stop, done = threading.Event(), threading.Event()
    written: list[int] = []
    errors: list[BaseException] = []
    writer = threading.Thread(target=_writer, args=(demo_copy, stop, done, written, errors))
    urls = [
        "/",
        "/api/stories",
        f"/stories/{EVENT_STORY}",
        "/api/search?q=crane",
        "/articles/2026-03-04-harbor-ledger-toll-rises",
    ]
    statuses: list[int] = []
    during = 0  # reads that finished while the writer was still writing
    with TestClient(app) as client:
        writer.start()
        while not written and not done.is_set():
            time.sleep(0.005)  # the first batch has landed: reads now race the writes
        for _ in range(ROUNDS):
            for url in urls:
                statuses.append(client.get(url).status_code)
                during += not done.is_set()
        stop.set()
        writer.join(timeout=60)
        final = client.get("/api/stories").json()
    assert not errors, errors
    assert during >= len(urls), f"only {during} reads overlapped the writes"
    assert set(statuses) == {200}
    assert final["total"] == 2 + min(4, len(written))  # the writer's stories are visible once it is done
    assert sum(s["size"] for s in final["stories"]) == 12 + len(written) * PER_BATCH
