"""The Spark backend: the same results as in process, in input order, on a local[2] Spark.

Skipped where PySpark (the spark extra) or Java is absent; CI installs both. One session serves
the module (Spark takes seconds to start); the backend under test is given it, or finds it active.
"""

from __future__ import annotations

import itertools
import json
import operator
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("pyspark", reason="PySpark (the spark extra) is not installed")
if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
    pytest.skip("Spark needs Java, which is not installed", allow_module_level=True)

from click.testing import CliRunner

from parallax import api
from parallax.backends import SerialBackend, SparkBackend, make_backend
from parallax.cli import cli
from parallax.config import Settings
from parallax.samples import DEMO_EXPECTATIONS, demo_paths


@pytest.fixture(scope="module")
def spark() -> Iterator[object]:
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("parallax-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_spark_backend_keeps_input_order_across_batches(spark):
    # a function the executors can import (a test module's own is not on their path)
    backend = SparkBackend(session=spark, batch=7, partitions=3)
    assert list(backend.map(operator.neg, range(50))) == [-x for x in range(50)]
    assert list(backend.map(operator.neg, [])) == []


def test_spark_backend_consumes_an_endless_stream_a_batch_at_a_time(spark):
    results = SparkBackend(session=spark, batch=5).map(operator.neg, itertools.count())
    assert list(itertools.islice(results, 12)) == [-x for x in range(12)]
    results.close()  # leaves the session running for the caller


def test_spark_backend_left_early_cancels_the_batch_nobody_reads(spark):
    # the second batch would keep both cores asleep for 45 s; leaving after the first must not wait
    results = SparkBackend(session=spark, batch=5).map(time.sleep, [0.0] * 5 + [15.0] * 10)
    assert list(itertools.islice(results, 5)) == [None] * 5
    start = time.monotonic()
    results.close()
    assert time.monotonic() - start < 20
    assert spark.sparkContext.parallelize([1, 2]).sum() == 3  # the session is still usable


def test_spark_backend_never_stops_a_session_it_was_given(spark):
    list(SparkBackend(session=spark, batch=3).map(operator.neg, range(4)))
    assert spark.sparkContext.parallelize([1, 2]).sum() == 3


def test_spark_analyze_gives_the_same_articles_as_in_process(spark):
    paths = demo_paths()
    local = [a.to_dict() for a in api.analyze(paths, backend=SerialBackend())]
    on_spark = [a.to_dict() for a in api.analyze(paths, backend=SparkBackend(session=spark, batch=4))]
    assert len(on_spark) == 12
    assert on_spark == local


def test_spark_ingest_stores_the_demo_stories_as_written(spark, tmp_path):
    db = tmp_path / "spark.db"
    report = api.ingest(demo_paths(), db=db, backend=SparkBackend(session=spark, batch=5))
    assert report.ok and report.added == 12
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT id, story FROM articles").fetchall()
    groups: dict[str, set[str]] = {}
    for article, story in rows:
        groups.setdefault(story, set()).add(article)
    want = {frozenset(spec["articles"]) for spec in DEMO_EXPECTATIONS["stories"].values()}
    assert {frozenset(g) for g in groups.values()} == want


def test_spark_cli_analyze_with_backend_spark_writes_what_the_local_backend_writes(spark, tmp_path):
    paths = [str(p) for p in demo_paths()]
    runner = CliRunner()
    local = runner.invoke(cli, ["analyze", *paths, "--out", str(tmp_path / "local.jsonl")])
    assert local.exit_code == 0, local.output
    spark_run = runner.invoke(
        cli, ["analyze", *paths, "--backend", "spark", "--out", str(tmp_path / "spark.jsonl")]
    )
    assert spark_run.exit_code == 0, spark_run.output
    read = [json.loads(line) for line in (tmp_path / "spark.jsonl").read_text(encoding="utf-8").splitlines()]
    assert read == [json.loads(line) for line in (tmp_path / "local.jsonl").read_text(encoding="utf-8").splitlines()]
    assert spark.sparkContext.parallelize([1]).count() == 1  # the active session was used, not stopped


def test_spark_cli_starts_its_own_session_whose_workers_import_parallax(tmp_path):
    # a user's run: no session yet and no PYSPARK_PYTHON, so the backend starts Spark itself and its
    # Python workers must run this interpreter (the first "python3" on the PATH lacks Parallax)
    env = {k: v for k, v in os.environ.items() if k != "PYSPARK_PYTHON"}
    paths = [str(p) for p in demo_paths()[:3]]
    out = tmp_path / "spark.jsonl"
    result = subprocess.run(
        [sys.executable, "-m", "parallax.cli", "analyze", *paths, "--backend", "spark", "--workers", "2",
         "--out", str(out)],
        check=False, capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    local = [a.to_dict() for a in api.analyze(paths, backend=SerialBackend())]
    assert [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] == local


def test_spark_make_backend_reads_the_master_from_settings():
    settings = Settings(backend="spark", workers=2)
    backend = make_backend(settings.workers, settings.backend, settings.spark_master or None)
    assert isinstance(backend, SparkBackend) and backend.master == "local[2]"
    assert make_backend(1, "spark", "spark://cluster:7077").master == "spark://cluster:7077"


def test_spark_backend_lives_in_the_backends_folder():
    assert Path(sys.modules[SparkBackend.__module__].__file__).parent.name == "backends"
