from __future__ import annotations

import gzip

import pytest

from parallax.ingest import binary_kind, sniff


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
        (b"The council met on Monday.\n", "text"),
        (b"[Reuters] The council met.", "text"),
        (b'{"id": "a", "text": "x"}\n', "jsonl"),
        (b'  [ {"text": "x"} ]', "json"),
        (b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", "warc"),
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel>', "feed"),
        (b'<?xml version="1.0"?><!-- made by hand --><feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        (b'<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="x">', "feed"),
        (b"<!DOCTYPE html>\n<html><head>", "html"),
        (b"<!-- saved page --><html lang=en>", "html"),
        (b"<div><p>A fragment of a page</p></div>", "html"),
        (b"Intro text <p>one</p><p>two</p><p>three</p><br><b>four</b>", "html"),
        (b'<?xml version="1.0"?><urlset xmlns="x">', "xml"),
        (b"\x1f\x8b\x08\x00", "gzip"),
        (b"%PDF-1.7\n%\xe2\xe3", "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
        (b"abc\x00\x00\x01\x02def", "binary"),
    ],
)
def test_sniff_recognises_format_from_content(head: bytes, expected: str) -> None:
    assert sniff(head) == expected


def test_sniff_reads_utf16_html_by_its_bom() -> None:
    assert sniff("<!doctype html><html><body>Привет</body></html>".encode("utf-16")) == "html"


def test_sniff_does_not_call_utf16_text_binary() -> None:
    assert sniff("Plain words in UTF-16 without a byte-order mark.".encode("utf-16-le")) == "text"


def test_binary_kind_names_what_the_data_looks_like() -> None:
    assert binary_kind(b"%PDF-1.4 ...") == "PDF"
    assert "ZIP" in (binary_kind(b"PK\x03\x04rest") or "")
    assert "gzip data inside gzip" in (binary_kind(gzip.compress(b"x")) or "")
    assert binary_kind(b"Just words.") is None
