from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def write_warc(
    path: Path, pages: list[tuple[str, str, bytes]], *, gzip: bool = True, request: bool = True
) -> None:
    """(url, content type, body) per page, each as a request + response pair, plus a warcinfo record."""
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for url, ctype, body in pages:
            if request:
                req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True)
                writer.write_record(
                    writer.create_warc_record(
                        url, "request", payload=io.BytesIO(b""), length=0, http_headers=req
                    )
                )
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(  # length given: no unclosed temp file
                    url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers
                )
            )


def page(n: int, words: str = "The bridge opened on Monday.") -> bytes:
    return f"<html><head><title>Story {n}</title></head><body><p>{words} ({n})</p></body></html>".encode()


def test_warc_html_responses_become_documents(read, tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(
        path,
        [
            ("https://news.example/1", "text/html; charset=utf-8", page(1)),
            ("https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n"),
            (
                "https://news.example/2",
                "text/html; charset=windows-1251",
                "<html><body><p>Мост открыт</p></body></html>".encode("cp1251"),
            ),
        ],
    )
    docs, failures = read([path])
    assert failures == []
    assert [d.url for d in docs] == ["https://news.example/1", "https://news.example/2"]
    assert all(d.format == "warc" and d.published is None for d in docs)
    assert "(1)" in (docs[0].html or "")
    assert "Мост открыт" in (docs[1].html or "")
    assert docs[1].encoding == "cp1251"
    assert docs[0].record is not None and docs[0].record.startswith("record 3 (uncompressed offset ")


def test_warc_uncompressed_is_read(read, tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    write_warc(path, [("https://news.example/1", "text/html", page(1))], gzip=False)
    (doc,), failures = read([path])
    assert failures == []
    assert doc.record is not None and doc.record.startswith("record 3 (offset ")


def test_warc_truncated_gz_gives_complete_records_then_failure(read, tmp_path: Path, good_text: Path) -> None:
    full = tmp_path / "full.warc.gz"
    write_warc(full, [(f"https://news.example/{n}", "text/html", page(n, "word " * 200)) for n in range(10)])
    data = full.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: int(len(data) * 0.75)])
    docs, failures = read([cut, good_text])
    urls = [d.url for d in docs if d.format == "warc"]
    assert 5 <= len(urls) < 10
    assert urls == [f"https://news.example/{n}" for n in range(len(urls))]
    assert docs[-1].id == "good"
    (failure,) = failures
    assert failure.source == str(cut)
    assert failure.record is not None and failure.record.startswith("record ")
    assert "truncated" in failure.reason


def test_warc_truncated_uncompressed_reports_where_it_broke(read, tmp_path: Path) -> None:
    full = tmp_path / "full.warc"
    write_warc(
        full,
        [(f"https://news.example/{n}", "text/html", page(n, "word " * 200)) for n in range(6)],
        gzip=False,
    )
    data = full.read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: len(data) - 300])
    docs, failures = read([cut])
    assert [d.url for d in docs] == [f"https://news.example/{n}" for n in range(5)]
    (failure,) = failures
    assert "truncated" in failure.reason
    assert failure.record is not None and "offset" in failure.record


def test_warc_resource_record_with_html_is_read(read, tmp_path: Path) -> None:
    path = tmp_path / "res.warc.gz"
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        writer.write_record(
            writer.create_warc_record(
                "https://news.example/r",
                "resource",
                payload=io.BytesIO(page(7)),
                length=len(page(7)),
                warc_content_type="text/html",
            )
        )
    (doc,), _ = read([path])
    assert doc.url == "https://news.example/r"
