from __future__ import annotations

from pathlib import Path

PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>Мост открыт</title>
<link rel="stylesheet" href="/s.css"><link href="https://news.example/bridge-open" rel="canonical">
</head><body><article><p>Мост через реку открыли в понедельник.</p></article></body></html>"""


def test_html_respects_meta_charset(read, tmp_path: Path) -> None:
    path = tmp_path / "bridge.html"
    path.write_bytes(PAGE.format(charset="windows-1251").encode("cp1251"))
    (doc,), failures = read([path])
    assert failures == []
    assert doc.format == "html"
    assert doc.text is None
    assert "Мост через реку открыли" in (doc.html or "")
    assert doc.encoding == "cp1251"
    assert doc.id == "bridge"


def test_html_canonical_url_is_picked_up(read, tmp_path: Path) -> None:
    path = tmp_path / "p.html"
    path.write_text(PAGE.format(charset="utf-8"), encoding="utf-8")
    (doc,), _ = read([path])
    assert doc.url == "https://news.example/bridge-open"


def test_html_og_url_is_fallback_and_relative_canonical_ignored(read, tmp_path: Path) -> None:
    path = tmp_path / "p.html"
    path.write_text(
        '<html><head><link rel="canonical" href="/relative">'
        '<meta property="og:url" content="https://news.example/a?x=1&amp;y=2"></head><body><p>Hi</p></body></html>',
        encoding="utf-8",
    )
    (doc,), _ = read([path])
    assert doc.url == "https://news.example/a?x=1&y=2"


def test_html_saved_as_txt_is_sniffed_as_html(read, tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(PAGE.format(charset="utf-8"), encoding="utf-8")
    (doc,), _ = read([path])
    assert doc.format == "html"
    assert doc.html is not None and doc.text is None


def test_html_mislabelled_charset_valid_utf8_wins(read, tmp_path: Path) -> None:
    path = tmp_path / "p.html"
    path.write_bytes(PAGE.format(charset="iso-8859-1").encode("utf-8"))
    (doc,), _ = read([path])
    assert "Мост через реку" in (doc.html or "")
