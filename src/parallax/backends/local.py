"""In-process and process-pool backends."""

from __future__ import annotations

import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Protocol, Sequence, TypeVar

T = TypeVar("T")
U = TypeVar("U")


class Backend(Protocol):
    """Maps a picklable function over items, in order, with bounded memory."""

    def map(self, fn: Callable[[T], U], items: Iterable[T]) -> Iterator[U]: ...


@dataclass(frozen=True, slots=True)
class SerialBackend:
    """Runs everything in the calling process: the default for small inputs and tests."""

    def map(self, fn: Callable[[T], U], items: Iterable[T]) -> Iterator[U]:
        for item in items:
            yield fn(item)


def _run_chunk(fn: Callable[[T], U], chunk: Sequence[T]) -> list[U]:
    return [fn(item) for item in chunk]


def _windowed_map(
    pool: ProcessPoolExecutor, fn: Callable[[T], U], items: Iterable[T], chunksize: int, limit: int
) -> Iterator[U]:
    """Map ``fn`` over ``items`` on ``pool`` in chunks, in order, with at most ``limit`` chunks in flight
    (``Executor.map`` would submit the whole iterable up front)."""
    pending: deque[Future[list[U]]] = deque()
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= chunksize:
            pending.append(pool.submit(_run_chunk, fn, chunk))
            chunk = []
            while len(pending) >= limit:
                yield from pending.popleft().result()
    if chunk:
        pending.append(pool.submit(_run_chunk, fn, chunk))
    while pending:
        yield from pending.popleft().result()


@dataclass(frozen=True, slots=True)
class LocalBackend:
    """A process pool of ``workers`` processes, started for each :meth:`map` call.

    Items are sent in chunks of ``chunksize``; at most ``workers * window`` chunks are
    in flight, so an endless input stream never fills memory.
    """

    workers: int = 2
    chunksize: int = 16
    window: int = 4

    def map(self, fn: Callable[[T], U], items: Iterable[T]) -> Iterator[U]:
        with ProcessPoolExecutor(max_workers=self.workers) as pool:
            yield from _windowed_map(pool, fn, items, self.chunksize, self.workers * self.window)


class LocalPool:
    """:class:`LocalBackend` whose processes live across :meth:`map` calls until :meth:`close` (or the
    end of a ``with`` block): for an owner that maps many batches, whose workers keep what they cached
    between batches and whose batches should not each pay a start-up."""

    def __init__(self, workers: int = 2, chunksize: int = 16, window: int = 4) -> None:
        self.workers, self.chunksize, self.window = workers, chunksize, window
        self._pool: ProcessPoolExecutor | None = None

    def map(self, fn: Callable[[T], U], items: Iterable[T]) -> Iterator[U]:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.workers)
        return _windowed_map(self._pool, fn, items, self.chunksize, self.workers * self.window)

    def close(self) -> None:
        """Stop the processes (a later :meth:`map` starts new ones)."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> LocalPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def make_backend(workers: int, kind: str = "local", master: str | None = None) -> Backend:
    """The backend for a run. ``kind`` "local": in process when ``workers`` is 1, else a process pool
    (0 or less: one per core). ``kind`` "spark": :class:`~parallax.backends.spark.SparkBackend` on
    ``master`` (default ``local[workers]``, or ``local[*]`` when ``workers`` is 1)."""
    if kind == "spark":
        from .spark import SparkBackend

        return SparkBackend(master or (f"local[{workers}]" if workers > 1 else "local[*]"))
    if kind != "local":
        raise ValueError(f"unknown backend {kind!r}: local or spark")
    if workers == 1:
        return SerialBackend()
    if workers < 1:
        workers = os.cpu_count() or 1
    return LocalBackend(workers=workers)
