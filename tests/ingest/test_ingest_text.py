from __future__ import annotations

import codecs
from pathlib import Path

RUSSIAN = (
    "Вчера вечером в городе прошёл сильный дождь. Жители северных районов сообщили о подтоплении "
    "улиц, а городская служба уже направила туда насосы. По словам мэра, ущерб пока оценивают."
)
GERMAN = (
    "Die Bürgermeisterin erklärte am Donnerstag, dass die Brücke über den Fluss im nächsten Frühjahr "
    "geöffnet werde. Anwohner äußerten sich erfreut über die schnellere Verbindung zur Innenstadt."
)


def test_text_file_keeps_content_and_newlines_and_uses_stem_as_id(read, tmp_path: Path) -> None:
    path = tmp_path / "story-42.txt"
    path.write_bytes(b"Headline here\r\n\r\nFirst paragraph.\nSecond line.\n")
    docs, failures = read([path])
    assert failures == []
    (doc,) = docs
    assert doc.format == "text"
    assert doc.text == "Headline here\r\n\r\nFirst paragraph.\nSecond line.\n"
    assert doc.id == "story-42"
    assert doc.title is None
    assert doc.source == str(path)
    assert doc.encoding == "utf-8"


def test_text_utf8_bom_is_stripped(read, tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + "Café opens.".encode())
    (doc,), _ = read([path])
    assert doc.text == "Café opens."


def test_text_cp1251_russian_comes_out_as_cyrillic(read, tmp_path: Path) -> None:
    path = tmp_path / "ru.txt"
    path.write_bytes(RUSSIAN.encode("cp1251"))
    (doc,), failures = read([path])
    assert failures == []
    assert doc.text == RUSSIAN
    assert doc.encoding is not None and doc.encoding.replace("_", "").lower() in ("cp1251", "windows1251")


def test_text_utf16_with_bom_is_decoded(read, tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes(RUSSIAN.encode("utf-16"))
    (doc,), _ = read([path])
    assert doc.text == RUSSIAN
    assert doc.encoding == "utf-16"


def test_text_latin1_is_decoded(read, tmp_path: Path) -> None:
    path = tmp_path / "de.txt"
    path.write_bytes(GERMAN.encode("latin-1"))
    (doc,), _ = read([path])
    assert doc.text == GERMAN


def test_text_whitespace_only_file_is_empty_failure(read, tmp_path: Path, good_text: Path) -> None:
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b"  \n\n\t ")
    zero = tmp_path / "zero.txt"
    zero.write_bytes(b"")
    docs, failures = read([blank, good_text, zero])
    assert [d.id for d in docs] == ["good"]
    assert [(f.source, f.reason) for f in failures] == [(str(blank), "empty file"), (str(zero), "empty file")]


def test_text_binary_file_is_named_failure(read, tmp_path: Path, good_text: Path) -> None:
    pdf = tmp_path / "report.txt"
    pdf.write_bytes(b"%PDF-1.5\n%\xb5\xed\xae\xfb\n" + bytes(range(256)))
    docs, failures = read([pdf, good_text])
    assert [d.id for d in docs] == ["good"]
    (failure,) = failures
    assert failure.source == str(pdf)
    assert failure.reason == "binary data (looks like PDF), not text, HTML, JSON Lines, a feed or WARC"


def test_text_over_size_limit_is_refused_by_stat_without_reading(
    read, tmp_path: Path, good_text: Path
) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as f:
        f.write(b"A very long article. " * 2000)
        f.truncate(200 * 1024 * 1024)  # sparse: no 200 MB written
    docs, failures = read([big, good_text])
    assert [d.id for d in docs] == ["good"]
    (failure,) = failures
    assert failure.source == str(big)
    assert failure.reason == "is 200.0 MiB; one article may be at most 16.0 MiB (setting max_article_bytes)"


def test_ingest_text_header_lines_give_metadata_and_are_not_body(tmp_path):
    from parallax.ingest import read_inputs
    from parallax.model import RawDocument

    path = tmp_path / "story.txt"
    path.write_text(
        "Outlet: The Harbor Ledger\nPublished: 2026-03-03T06:45:00+01:00\nURL: https://h.example/a\n"
        "Language: en-GB\n\nExplosion kills 23\n\nRescuers searched the quay on Tuesday.\n",
        encoding="utf-8",
    )
    (doc,) = list(read_inputs([path]))
    assert isinstance(doc, RawDocument)
    assert (doc.outlet, doc.published, doc.url, doc.language) == (
        "The Harbor Ledger", "2026-03-03T06:45:00+01:00", "https://h.example/a", "en")
    assert doc.text.startswith("Explosion kills 23")
    assert "Outlet:" not in doc.text


def test_ingest_text_without_blank_line_after_key_value_lines_has_no_header(tmp_path):
    from parallax.ingest import read_inputs

    path = tmp_path / "memo.txt"
    path.write_text("Date: a long time ago\nthe memo began, and went on.\n\nMore text.\n", encoding="utf-8")
    (doc,) = list(read_inputs([path]))
    assert doc.published is None
    assert doc.text.startswith("Date: a long time ago")


def test_ingest_text_unknown_key_means_no_header(tmp_path):
    from parallax.ingest import read_inputs

    path = tmp_path / "note.txt"
    path.write_text("Warning: graphic content\n\nThe body follows.\n", encoding="utf-8")
    (doc,) = list(read_inputs([path]))
    assert doc.outlet is None and doc.text.startswith("Warning: graphic content")
