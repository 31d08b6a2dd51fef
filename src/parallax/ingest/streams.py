"""Byte streams for reading inputs: a head that is peeked and put back, gzip with a bomb guard, capped reads.

Everything here streams in chunks of :data:`CHUNK` bytes, so memory stays bounded however
large an archive or JSON Lines file is.
"""

from __future__ import annotations

import io
import zlib
from typing import BinaryIO

from ..config import MiB
from ..errors import InputError, MalformedInputError, TooLargeError

#: Bytes looked at to sniff a format (and to find a ``<meta charset>``).
HEAD_BYTES = 16 * 1024
#: Read size for files and decompression.
CHUNK = 64 * 1024
#: The compression-ratio guard only applies once a stream has expanded past this many bytes.
RATIO_CHECK_AFTER = 64 * MiB
GZIP_MAGIC = b"\x1f\x8b"


def size_text(n: int) -> str:
    """``209715200`` -> ``"200.0 MiB"``: how sizes appear in messages."""
    return f"{n / MiB:.1f} MiB"


def limit_text(n: int) -> str:
    """A limit as people set it: ``"4096 MiB"`` when a whole number of MiB, else bytes."""
    return f"{n // MiB} MiB" if n % MiB == 0 else f"{n} bytes"


def read_upto(stream: BinaryIO | io.RawIOBase, n: int) -> bytes:
    """Read until ``n`` bytes or end of stream (pipes and decompressors return short reads)."""
    parts: list[bytes] = []
    got = 0
    while got < n:
        chunk = stream.read(n - got)
        if not chunk:
            break
        parts.append(chunk)
        got += len(chunk)
    return b"".join(parts)


class _DeferredErrors:
    """Report an input error as end of stream first, and raise it on the next read.

    A buffered reader loses the bytes it gathered in a ``read`` call when the raw stream
    raises inside that call; answering end-of-stream once lets those bytes out first.
    A reader that stops at that end of stream never sees the error, so the caller asks
    :meth:`pending_error` when the reader is done.
    """

    error: InputError | None = None
    raised = False

    def _fail(self) -> int:
        if self.error is not None and not self.raised and getattr(self, "_reported_eof", False):
            self.raised = True
            raise self.error
        self._reported_eof = True
        return 0

    def rearm(self) -> None:
        """Answer end-of-stream once more before raising (for the next reader of this stream)."""
        self._reported_eof = False

    def pending_error(self) -> InputError | None:
        """The error no reader has seen yet (it ended at the early end of stream)."""
        return None if self.raised else self.error


class PrefixedStream(io.RawIOBase):
    """``prefix`` followed by the rest of ``stream``: puts a sniffed head back in front."""

    def __init__(self, prefix: bytes, stream: BinaryIO | io.RawIOBase) -> None:
        super().__init__()
        self._prefix = memoryview(prefix)
        self._pos = 0
        self._stream = stream
        self._delivered = 0

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        """Bytes delivered so far (warcio asks for offsets; the stream itself need not seek)."""
        return self._delivered

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        left = len(self._prefix) - self._pos
        if left > 0:
            n = min(left, len(buffer))
            buffer[:n] = self._prefix[self._pos : self._pos + n]
            self._pos += n
            self._delivered += n
            return n
        data = self._stream.read(len(buffer))
        if not data:
            return 0
        n = len(data)
        buffer[:n] = data
        self._delivered += n
        return n


class GuardedGzipStream(_DeferredErrors, io.RawIOBase):
    """The decompressed bytes of a (multi-member) gzip stream, refused past a size or ratio limit.

    Raises :class:`TooLargeError` when the output passes ``max_bytes``, or when, past
    :data:`RATIO_CHECK_AFTER` bytes, it is more than ``max_ratio`` times the compressed bytes
    read (a gzip bomb); :class:`MalformedInputError` when the data is corrupt or ends early.
    """

    def __init__(
        self, raw: BinaryIO | io.RawIOBase, *, source: str, max_bytes: int, max_ratio: float
    ) -> None:
        super().__init__()
        self._raw = raw
        self._source = source
        self._max_bytes = max_bytes
        self._max_ratio = max_ratio
        self._decomp = zlib.decompressobj(wbits=31)
        self.compressed_read = 0
        self.decompressed = 0
        self._done = False

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        """Decompressed bytes delivered so far."""
        return self.decompressed

    def _next_input(self) -> bytes:
        data = self._raw.read(CHUNK)
        self.compressed_read += len(data)
        return data

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self.error is not None:
            return self._fail()
        try:
            return self._readinto(buffer)
        except InputError as exc:
            self.error = exc
            return self._fail()

    def _readinto(self, buffer: bytearray | memoryview) -> int:
        want = len(buffer)
        while not self._done and want:
            if self._decomp.eof:  # first: at a member's end zlib may leave the same bytes in both tails
                data = self._decomp.unused_data or self._next_input()
                rest = data.lstrip(b"\0")
                while data and not rest:  # NUL padding after the last member is allowed
                    data = self._next_input()
                    rest = data.lstrip(b"\0")
                if not data:
                    self._done = True
                    return 0
                data = rest
                if not data.startswith(GZIP_MAGIC[: len(data)]):
                    raise MalformedInputError(
                        self._source,
                        f"unexpected bytes after the gzip data near compressed byte {self.compressed_read}",
                    )
                self._decomp = zlib.decompressobj(wbits=31)
            elif self._decomp.unconsumed_tail:
                data = self._decomp.unconsumed_tail
            else:
                data = self._next_input()
                if not data:
                    raise MalformedInputError(
                        self._source,
                        f"gzip data ends early after {self.compressed_read} compressed bytes "
                        "(the file is truncated; re-download or re-copy it)",
                    )
            try:
                out = self._decomp.decompress(data, want)
            except zlib.error as exc:
                raise MalformedInputError(
                    self._source, f"corrupt gzip data near compressed byte {self.compressed_read}: {exc}"
                ) from None
            if out:
                self._account(len(out))
                buffer[: len(out)] = out
                return len(out)
        return 0

    def _account(self, n: int) -> None:
        self.decompressed += n
        if self.decompressed > self._max_bytes:
            raise TooLargeError(
                self._source,
                f"expands past the {limit_text(self._max_bytes)} limit (max_decompressed_bytes); "
                "refused as a possible gzip bomb — split the file or raise the setting",
            )
        if self.decompressed > RATIO_CHECK_AFTER and self.decompressed > self._max_ratio * max(
            self.compressed_read, 1
        ):
            raise TooLargeError(
                self._source,
                f"expands more than {self._max_ratio:g} times its compressed size "
                f"({size_text(self.decompressed)} from {size_text(self.compressed_read)}; "
                "setting max_compression_ratio); refused as a possible gzip bomb",
            )


def read_capped(stream: BinaryIO, limit: int, *, source: str, what: str, setting: str) -> bytes:
    """All of ``stream``, or :class:`TooLargeError` once it passes ``limit`` bytes (reads at most limit + 1)."""
    data = read_upto(stream, limit + 1)
    if len(data) > limit:
        raise TooLargeError(
            source,
            f"expands to more than {size_text(limit)}; {what} may be at most {size_text(limit)} (setting {setting})",
        )
    return data
