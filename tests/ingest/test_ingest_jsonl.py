from __future__ import annotations

import gzip
import json
from pathlib import Path


def _line(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


def test_jsonl_reads_schema_fields(read, tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(
        _line(
            id="a1",
            url="https://x.example/1",
            outlet="Daily Planet",
            published="2025-03-10",
            title="Bridge opens",
            text="The bridge opened.",
            language="en-GB",
            extra={"ignored": True},
        )
        + "\n",
        encoding="utf-8",
    )
    (doc,), failures = read([path])
    assert failures == []
    assert (doc.format, doc.record, doc.id, doc.url, doc.outlet, doc.published, doc.title, doc.language) == (
        "jsonl",
        "line 1",
        "a1",
        "https://x.example/1",
        "Daily Planet",
        "2025-03-10",
        "Bridge opens",
        "en",
    )
    assert doc.text == "The bridge opened."
    assert doc.html is None


def test_jsonl_accepts_common_aliases(read, tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(
        _line(
            body="Body text.",
            date_publish="2025-03-11 10:00:00",
            source_domain="example.org",
            headline="Head",
            authors=["Ann Lee", "Bo Chan"],
        )
        + "\n"
        + _line(
            content="Other body.",
            published_at=1741600800,
            source={"id": "x", "name": "Wire"},
            author="Cy Dee",
        )
        + "\n",
        encoding="utf-8",
    )
    docs, failures = read([path])
    assert failures == []
    first, second = docs
    assert (first.text, first.published, first.outlet, first.title, first.byline) == (
        "Body text.",
        "2025-03-11 10:00:00",
        "example.org",
        "Head",
        "Ann Lee, Bo Chan",
    )
    assert (second.text, second.outlet, second.byline) == ("Other body.", "Wire", "Cy Dee")
    assert second.published == "2025-03-10T10:00:00+00:00"


def test_jsonl_bad_lines_are_failures_and_the_rest_come_out(read, tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        "\n".join(
            [
                _line(id="1", text="one"),
                '{"id": "2" "text": "missing comma"}',
                "",
                "[1, 2]",
                _line(id="5", title="no body"),
                _line(id="6", text=["not", "a", "string"]),
                _line(id="7", html="<p>seven</p>"),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    docs, failures = read([path])
    assert [(d.id, d.record) for d in docs] == [("1", "line 1"), ("7", "line 7")]
    assert docs[1].html == "<p>seven</p>"
    assert [(f.source, f.record) for f in failures] == [(str(path), f"line {n}") for n in (2, 4, 5, 6)]
    assert failures[0].reason == "invalid JSON at column 12: Expecting ',' delimiter"
    assert failures[1].reason == "expected a JSON object, got an array"
    assert "no article body" in failures[2].reason
    assert failures[3].reason == "field 'text' holds a list, expected a string"


def test_jsonl_named_dat_is_sniffed_from_content(read, tmp_path: Path) -> None:
    path = tmp_path / "export.dat"
    path.write_text(_line(text="hello") + "\n", encoding="utf-8")
    (doc,), _ = read([path])
    assert doc.format == "jsonl"


def test_jsonl_gzipped_is_streamed(read, tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for i in range(50):
            f.write(_line(id=str(i), text=f"article {i}") + "\n")
    docs, failures = read([path])
    assert failures == []
    assert [d.id for d in docs] == [str(i) for i in range(50)]
    assert docs[-1].record == "line 50"


def test_jsonl_overlong_line_fails_alone_and_reading_continues(read, tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    path.write_text(
        _line(id="a", text="short")
        + "\n"
        + _line(id="b", text="x" * 5000)
        + "\n"
        + _line(id="c", text="ok")
        + "\n",
        encoding="utf-8",
    )
    docs, failures = read([path], max_article_bytes=1000)
    assert [d.id for d in docs] == ["a", "c"]
    (failure,) = failures
    assert failure.record == "line 2"
    assert "setting max_article_bytes" in failure.reason


def test_json_array_file_is_accepted(read, tmp_path: Path) -> None:
    path = tmp_path / "items.json"
    path.write_text(
        json.dumps([{"id": "x", "text": "one"}, {"id": "y"}, {"id": "z", "body": "three"}]), encoding="utf-8"
    )
    docs, failures = read([path])
    assert [(d.id, d.record) for d in docs] == [("x", "item 1"), ("z", "item 3")]
    assert [f.record for f in failures] == ["item 2"]


def test_json_pretty_printed_object_is_accepted(read, tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"id": "p", "text": "pretty"}, indent=2), encoding="utf-8")
    (doc,), failures = read([path])
    assert failures == []
    assert doc.id == "p"
