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


@dataclass(frozen=True, slots=True)
class LocalBackend:
    """A process pool of ``workers`` processes.

    Items are sent in chunks of ``chunksize``; at most ``workers * window`` chunks are
    in flight, so an endless input stream never fills memory (``Executor.map`` would
    submit the whole iterable up front).
    """

    workers: int = 2
    chunksize: int = 16
    window: int = 4

    def map(self, fn: Callable[[T], U], items: Iterable[T]) -> Iterator[U]:
        with ProcessPoolExecutor(max_workers=self.workers) as pool:
            pending: deque[Future[list[U]]] = deque()
            limit = self.workers * self.window
            chunk: list[T] = []
            for item in items:
                chunk.append(item)
                if len(chunk) >= self.chunksize:
                    pending.append(pool.submit(_run_chunk, fn, chunk))
                    chunk = []
                    while len(pending) >= limit:
                        yield from pending.popleft().result()
            if chunk:
                pending.append(pool.submit(_run_chunk, fn, chunk))
            while pending:
                yield from pending.popleft().result()


def make_backend(workers: int) -> Backend:
    """``workers`` <= 1: in process; otherwise a process pool (0 or less: one per core)."""
    if workers == 1:
        return SerialBackend()
    if workers < 1:
        workers = os.cpu_count() or 1
    return LocalBackend(workers=workers)
