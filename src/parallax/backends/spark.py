"""Apache Spark backend: the per-article work (cleaning, annotation) on Spark executors.

:class:`SparkBackend` is a :class:`~parallax.backends.local.Backend`: ``map(fn, items)`` yields
``fn(item)`` for every item, in input order. Items are cut into batches of ``batch`` items; each
batch becomes one RDD (``parallelize``, ``map``, ``collect``, which keeps the order), and the next
batch is computed on the cluster while the caller consumes the current one, so the driver holds at
most two batches and its own work (storing, story assignment) overlaps the executors'.

The driver reads the inputs (reading is not what costs: tens of thousands of JSON lines or WARC
records per second) and keeps the online story clusterer, which learns in publication order;
what Spark spreads is cleaning and annotation, about a hundred articles per second per core.

PySpark is an optional dependency (``pip install 'parallax[spark]'``) and needs Java (17 or
newer for Spark 4). On a cluster, every executor needs Parallax installed in the Python that
``PYSPARK_PYTHON`` names; with a ``local[...]`` master this process's own interpreter is used.
"""

from __future__ import annotations

import os
import sys
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, TypeVar

from ..errors import ConfigError

__all__ = ["SparkBackend"]

T = TypeVar("T")
U = TypeVar("U")


def _import_pyspark() -> Any:
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise ConfigError(
            "backend 'spark' needs PySpark, which is not installed: pip install 'parallax[spark]' "
            "(and Java 17 or newer), or use the local backend (--backend local)"
        ) from exc
    return SparkSession


@dataclass(frozen=True, slots=True)
class SparkBackend:
    """Runs ``fn`` over items on Spark (see the module docstring).

    ``session`` is a SparkSession to use (never stopped here); without one, a session is started
    with ``master`` (default ``local[*]``: every core of this machine) on each :meth:`map` and
    stopped when that map ends, unless another session was active already. ``batch`` items go to
    the cluster at a time, in ``partitions`` slices (default: Spark's default parallelism).
    """

    master: str | None = None
    session: Any = field(default=None, repr=False, compare=False)
    batch: int = 2000
    partitions: int | None = None
    app_name: str = "parallax"

    def __post_init__(self) -> None:
        if not isinstance(self.batch, int) or self.batch < 1:
            raise ConfigError(f"SparkBackend: batch must be a whole number >= 1, got {self.batch!r}")
        if self.partitions is not None and (not isinstance(self.partitions, int) or self.partitions < 1):
            raise ConfigError(
                f"SparkBackend: partitions must be a whole number >= 1, got {self.partitions!r}"
            )

    def _start(self) -> tuple[Any, bool]:
        """The session to run on, and whether this backend started it (and so stops it)."""
        if self.session is not None:
            return self.session, False
        spark_session = _import_pyspark()
        active = spark_session.getActiveSession()
        if active is not None:
            return active, False
        master = self.master or "local[*]"
        builder = spark_session.builder.appName(self.app_name).master(master)
        builder = builder.config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
        if master.startswith("local"):
            # local Python workers run this interpreter (where Parallax is installed), not the first
            # "python3" on the PATH (on a cluster, PYSPARK_PYTHON names the executors' own). PySpark
            # reads only the environment variable when it starts a context ("spark.pyspark.python" is
            # read by spark-submit alone), so it is set here unless the caller has set it
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
            # a local run serves nothing beyond this machine: the driver binds the loopback address
            builder = builder.config("spark.driver.bindAddress", "127.0.0.1").config(
                "spark.driver.host", "127.0.0.1"
            )
        try:
            session = builder.getOrCreate()
        except Exception as exc:  # Java missing or too old, a master that cannot be reached
            raise ConfigError(
                f"backend 'spark': could not start Spark (master {master}): "
                f"{(str(exc).strip().splitlines() or [type(exc).__name__])[0].rstrip('.')}. "
                "Spark needs Java 17 or newer on the PATH or in JAVA_HOME"
            ) from exc
        session.sparkContext.setLogLevel("ERROR")
        return session, True

    def map(self, fn: Callable[[T], U], items: Iterable[T]) -> Iterator[U]:
        session, owned = self._start()
        context = session.sparkContext
        group = f"parallax-{uuid.uuid4().hex}"  # this map's jobs, cancelled if it is left early
        slices = self.partitions or max(1, context.defaultParallelism)
        stopped = threading.Event()

        def run(batch: list[T]) -> list[U]:
            if stopped.is_set():
                return []
            context.setJobGroup(group, "parallax: clean and annotate", interruptOnCancel=True)
            return context.parallelize(batch, min(slices, len(batch))).map(fn).collect()

        try:
            it = iter(items)
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="parallax-spark") as ahead:
                following: Future[list[U]] | None = None
                try:
                    pending: Future[list[U]] | None = None
                    while True:
                        batch = list(islice(it, self.batch))
                        following = ahead.submit(run, batch) if batch else None
                        if pending is not None:
                            yield from pending.result()
                        if following is None:
                            break
                        pending = following
                finally:
                    stopped.set()
                    # left early (the caller stopped or failed): do not wait for a batch nobody reads;
                    # cancel until its job is gone, as it may be submitted just after a cancel
                    while following is not None and not following.done():
                        context.cancelJobGroup(group)
                        wait([following], timeout=0.25)
        finally:
            if owned:
                session.stop()
