"""From paths to documents: open each input, sniff its format from content, hand it to its reader.

Nothing raises out of here for a bad input: every problem becomes an :class:`IngestFailure`
naming the file (and record), and the batch goes on.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import PurePath
from typing import BinaryIO

from ..config import Settings
from ..errors import BinaryInputError, EmptyInputError, InputError, MalformedInputError, TooLargeError
from ..model import IngestFailure, RawDocument
from .feeds import read_feed
from .html import read_html
from .jsonl import read_json_array, read_jsonl
from .paths import STDIN_NAME, expand_paths
from .sniff import binary_kind, root_element, sniff
from .streams import (
    CHUNK,
    GZIP_MAGIC,
    HEAD_BYTES,
    GuardedGzipStream,
    PrefixedStream,
    read_capped,
    read_upto,
    size_text,
)
from .text import read_text
from .warc import read_warc

Item = RawDocument | IngestFailure

_NOT_READABLE = "not text, HTML, JSON Lines, a feed or WARC"


def read_inputs(
    paths: Iterable[str | os.PathLike[str]],
    settings: Settings | None = None,
    *,
    stdin: BinaryIO | None = None,
) -> Iterator[Item]:
    """Every article in ``paths`` as a :class:`RawDocument`, every unreadable input as an :class:`IngestFailure`.

    ``paths`` may hold files, folders (read recursively, sorted, dotfiles skipped), glob
    patterns and ``-`` for standard input (``stdin``, default ``sys.stdin.buffer``).
    Formats are sniffed from content: text, HTML, JSON Lines / JSON, RSS/Atom/RDF, WARC,
    each optionally gzipped. A bad file or record never stops the batch.
    """
    settings = settings or Settings()
    stdin_read = False
    for ref in expand_paths(paths):
        if isinstance(ref, IngestFailure):
            yield ref
        elif ref.path is None:
            if stdin_read:
                yield IngestFailure(STDIN_NAME, "standard input was already read; give '-' once")
                continue
            stdin_read = True
            yield from read_stream(
                stdin if stdin is not None else sys.stdin.buffer, source=ref.name, settings=settings
            )
        else:
            yield from read_file(ref.path, settings, name=ref.name)


def read_file(
    path: str | os.PathLike[str], settings: Settings | None = None, *, name: str | None = None
) -> Iterator[Item]:
    """The items of one file; ``name`` is how messages call it (default: the path)."""
    settings = settings or Settings()
    source = name if name is not None else os.fspath(path)
    try:
        size = os.stat(path).st_size
        handle = open(path, "rb")  # noqa: SIM115 - closed below, after the generator is done
    except FileNotFoundError:
        yield IngestFailure(source, "no such file or folder; check the path")
        return
    except OSError as exc:
        yield IngestFailure(source, f"cannot be read: {exc.strerror or exc}")
        return
    with handle:
        yield from read_stream(handle, source=source, settings=settings, size=size)


def read_stream(raw: BinaryIO, *, source: str, settings: Settings, size: int | None = None) -> Iterator[Item]:
    """The items of one open binary stream (a file or standard input). Never raises for bad input."""
    try:
        yield from _read_stream(raw, source, settings, size)
    except InputError as exc:
        yield IngestFailure(source, exc.reason, exc.record)
    except OSError as exc:
        yield IngestFailure(source, f"read error: {exc.strerror or exc}")
    except MemoryError:
        yield IngestFailure(source, "out of memory while reading; lower max_article_bytes or split the file")
    except Exception as exc:  # noqa: BLE001 - a reader bug must not end the batch; it is named
        yield IngestFailure(
            source, f"unexpected error while reading ({type(exc).__name__}: {exc}); please report it"
        )


def _stem(source: str) -> str | None:
    if source == STDIN_NAME:
        return None
    name = PurePath(source).name
    name = name[:-3] if name.lower().endswith(".gz") else name
    return PurePath(name).stem or name


def _read_stream(raw: BinaryIO, source: str, settings: Settings, size: int | None) -> Iterator[Item]:
    first = read_upto(raw, HEAD_BYTES)
    stream: io.RawIOBase = PrefixedStream(first, raw)
    compressed = first.startswith(GZIP_MAGIC)
    deferred: list[GuardedGzipStream] = []
    if compressed:
        gz = GuardedGzipStream(
            stream,
            source=source,
            max_bytes=settings.max_decompressed_bytes,
            max_ratio=settings.max_compression_ratio,
        )
        head = read_upto(gz, HEAD_BYTES)  # a truncated small file still gives what it has
        error = gz.pending_error()
        if error is not None and not head:
            raise error
        gz.rearm()
        deferred.append(gz)
        stream = PrefixedStream(head, gz)
    else:
        head = first
    reader = io.BufferedReader(stream, CHUNK)
    fmt = sniff(head)
    if fmt == "empty" and len(head) == HEAD_BYTES:
        fmt = "text"  # a long run of whitespace; the text reader looks at all of it

    if fmt == "empty":
        raise EmptyInputError(source, "empty file")
    if fmt == "binary":
        raise BinaryInputError(source, f"binary data (looks like {binary_kind(head)}), {_NOT_READABLE}")
    if fmt == "xml":
        raise MalformedInputError(
            source,
            f"an XML document with root <{root_element(head.lstrip())}>, not HTML or an RSS/Atom/RDF feed",
        )
    yield from _dispatch(fmt, reader, source, settings, size, compressed, deferred)
    for stream_with_error in deferred:  # the reader stopped at an early end of the data
        error = stream_with_error.pending_error()
        if error is not None:
            raise error


def _dispatch(
    fmt: str,
    reader: BinaryIO,
    source: str,
    settings: Settings,
    size: int | None,
    compressed: bool,
    deferred: list[GuardedGzipStream],
) -> Iterator[Item]:
    if fmt == "jsonl":
        yield from read_jsonl(reader, source=source, settings=settings)
    elif fmt == "json":
        yield from read_json_array(reader, source=source, settings=settings)
    elif fmt == "warc":
        yield from read_warc(reader, source=source, settings=settings, compressed=compressed)
    elif fmt == "feed":
        _check_size(source, size, compressed, settings.max_feed_bytes, "a feed file", "max_feed_bytes")
        data = read_capped(
            reader, settings.max_feed_bytes, source=source, what="a feed file", setting="max_feed_bytes"
        )
        yield from read_feed(data, source=source, settings=settings)
    else:  # text or html: one article per file
        _check_size(source, size, compressed, settings.max_article_bytes, "one article", "max_article_bytes")
        data = read_capped(
            reader, settings.max_article_bytes, source=source, what="one article", setting="max_article_bytes"
        )
        for stream_with_error in deferred:  # a cut-off article is not yielded at all
            error = stream_with_error.pending_error()
            if error is not None:
                stream_with_error.raised = True
                raise error
        if fmt == "html":
            yield read_html(data, source=source, doc_id=_stem(source))
        else:
            yield read_text(data, source=source, doc_id=_stem(source))


def _check_size(source: str, size: int | None, compressed: bool, limit: int, what: str, setting: str) -> None:
    """Refuse an uncompressed file over ``limit`` from its size alone, before reading it."""
    if size is not None and not compressed and size > limit:
        raise TooLargeError(
            source, f"is {size_text(size)}; {what} may be at most {size_text(limit)} (setting {setting})"
        )
