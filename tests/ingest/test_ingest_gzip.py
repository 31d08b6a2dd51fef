from __future__ import annotations

import gzip
import zlib
from pathlib import Path

from parallax.config import MiB


def test_gzip_text_and_html_are_read(read, tmp_path: Path) -> None:
    text = tmp_path / "note.txt.gz"
    text.write_bytes(gzip.compress("Grüße aus Köln.\n".encode()))
    html = tmp_path / "page.html.gz"
    html.write_bytes(gzip.compress(b"<!doctype html><html><body><p>Hi</p></body></html>"))
    docs, failures = read([text, html])
    assert failures == []
    assert [(d.format, d.id) for d in docs] == [("text", "note"), ("html", "page")]
    assert docs[0].text == "Grüße aus Köln.\n"


def test_gzip_multi_member_stream_is_read_whole(read, tmp_path: Path) -> None:
    path = tmp_path / "two.jsonl.gz"
    path.write_bytes(
        gzip.compress(b'{"id": "a", "text": "one"}\n') + gzip.compress(b'{"id": "b", "text": "two"}\n')
    )
    docs, failures = read([path])
    assert failures == []
    assert [d.id for d in docs] == ["a", "b"]


def test_gzip_bomb_over_decompressed_limit_is_stopped(read, tmp_path: Path, good_text: Path) -> None:
    path = tmp_path / "bomb.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"id": "first", "text": "kept"}\n' + (b" " * (MiB - 1) + b"\n") * 3))
    docs, failures = read([path, good_text], max_decompressed_bytes=2 * MiB)
    assert [d.id for d in docs] == ["first", "good"]
    (failure,) = failures
    assert failure.source == str(path)
    assert failure.reason.startswith("expands past the 2 MiB limit (max_decompressed_bytes)")


def test_gzip_bomb_over_compression_ratio_is_stopped(read, tmp_path: Path) -> None:
    path = tmp_path / "ratio.jsonl.gz"
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b" " * (MiB - 1) + b"\n"  # blank lines, each 1 MiB
    with path.open("wb") as f:  # ~100 MiB of blank lines, compressed as it streams: ~100 KiB on disk
        f.write(comp.compress(b'{"id": "first", "text": "kept"}\n'))
        for _ in range(100):
            f.write(comp.compress(block))
        f.write(comp.flush())
    assert path.stat().st_size < 2 * MiB
    docs, failures = read([path])
    assert [d.id for d in docs] == ["first"]
    (failure,) = failures
    assert "times its compressed size" in failure.reason
    assert "max_compression_ratio" in failure.reason


def test_gzip_corrupt_data_is_named_failure(read, tmp_path: Path, good_text: Path) -> None:
    path = tmp_path / "bad.txt.gz"
    data = bytearray(gzip.compress(b"Some words that will be damaged. " * 50))
    data[20:40] = b"\xff" * 20
    path.write_bytes(bytes(data))
    docs, failures = read([path, good_text])
    assert [d.id for d in docs] == ["good"]
    (failure,) = failures
    assert failure.source == str(path)
    assert "gzip" in failure.reason
