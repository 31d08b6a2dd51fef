"""JSON Lines: one article object per line, read line by line with a per-line size cap.

A bad line (invalid JSON, not an object, no body) becomes an :class:`IngestFailure` naming
``line N``; reading goes on with the next line. A line over ``max_article_bytes`` is
skipped without ever being held in memory. Also read here: one JSON array of objects, or
one pretty-printed object, when the file is small enough to parse whole.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

from ..config import Settings
from ..errors import EmptyInputError, InputError, MalformedInputError
from ..model import IngestFailure, RawDocument
from .decode import decode_bytes
from .fields import byline_of, iso_from_epoch, language_code, plain_string
from .streams import CHUNK, read_capped, size_text

Item = RawDocument | IngestFailure

# Model field -> keys accepted for it, first present wins (DESIGN.md schema, then common aliases).
ALIASES: Mapping[str, tuple[str, ...]] = {
    "id": ("id", "doc_id"),
    "url": ("url", "link"),
    "outlet": ("outlet", "source", "source_domain", "site", "publisher"),
    "published": ("published", "date", "date_publish", "published_at", "publication_date"),
    "title": ("title", "headline"),
    "text": ("text", "body", "content"),
    "html": ("html",),
    "language": ("language", "lang"),
    "byline": ("byline", "author", "authors"),
}


def _first(obj: Mapping[str, Any], field: str) -> tuple[str, Any]:
    for key in ALIASES[field]:
        if obj.get(key) not in (None, "", []):
            return key, obj[key]
    return ALIASES[field][0], None


def _body(obj: Mapping[str, Any], field: str, source: str, record: str) -> str | None:
    key, value = _first(obj, field)
    if value is None:
        return None
    if not isinstance(value, str):
        raise MalformedInputError(
            source, f"field {key!r} holds a {type(value).__name__}, expected a string", record
        )
    return value if value.strip() else None


def document_from_object(obj: Any, *, source: str, record: str, fmt: str = "jsonl") -> RawDocument:
    """A :class:`RawDocument` from one input object (schema fields or their aliases; extra keys ignored)."""
    if not isinstance(obj, dict):
        kind = {list: "an array", str: "a string", type(None): "null", bool: "a boolean"}.get(
            type(obj), "a number"
        )
        raise MalformedInputError(source, f"expected a JSON object, got {kind}", record)
    text = _body(obj, "text", source, record)
    html = _body(obj, "html", source, record)
    if text is None and html is None:
        raise MalformedInputError(
            source,
            "no article body: the object has no non-empty 'text' or 'html' field (or body, content)",
            record,
        )
    outlet = _first(obj, "outlet")[1]
    if isinstance(outlet, dict):  # {"source": {"id": ..., "name": "Reuters"}}
        outlet = outlet.get("name")
    published = _first(obj, "published")[1]
    if isinstance(published, (int, float)) and not isinstance(published, bool):
        try:
            published = iso_from_epoch(published)
        except (OverflowError, OSError, ValueError):
            published = None
    return RawDocument(
        source=source,
        format=fmt,
        record=record,
        text=text,
        html=html,
        id=plain_string(_first(obj, "id")[1]),
        url=plain_string(_first(obj, "url")[1]),
        outlet=plain_string(outlet),
        published=plain_string(published),
        title=plain_string(_first(obj, "title")[1]),
        language=language_code(_first(obj, "language")[1]),
        byline=byline_of(_first(obj, "byline")[1]),
        encoding="utf-8",
    )


def _parse(raw: bytes, source: str, record: str) -> Any:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        line = decode_bytes(raw, source=source)[0]
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise MalformedInputError(source, f"invalid JSON at column {exc.colno}: {exc.msg}", record) from None
    except RecursionError:
        raise MalformedInputError(source, "invalid JSON: nested too deeply", record) from None


def read_jsonl(stream: BinaryIO, *, source: str, settings: Settings) -> Iterator[Item]:
    """One item per non-blank line of ``stream``."""
    limit = settings.max_article_bytes
    number = 0
    yielded = False
    while True:
        line = stream.readline(limit + 1)
        if not line:
            break
        number += 1
        record = f"line {number}"
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
            if line.strip() == b"{":  # one pretty-printed object (or several): parse the file whole
                rest = read_capped(
                    stream,
                    settings.max_feed_bytes,
                    source=source,
                    what="a JSON document",
                    setting="max_feed_bytes",
                )
                yield from read_json_document(line + rest, source=source, settings=settings)
                return
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # skip the rest of the line, chunk by chunk
                rest = stream.readline(CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yielded = True
            yield IngestFailure(
                source,
                f"line is longer than {size_text(limit)}; one article may be at most {size_text(limit)} "
                "(setting max_article_bytes)",
                record,
            )
            continue
        if not line.strip():
            continue
        yielded = True
        try:
            yield document_from_object(_parse(line, source, record), source=source, record=record)
        except InputError as exc:
            yield IngestFailure(source, exc.reason, exc.record)
    if not yielded:
        raise EmptyInputError(source, "empty file (only blank lines)")


def read_json_document(data: bytes, *, source: str, settings: Settings) -> Iterator[Item]:
    """A whole JSON document: an array of article objects, or one or more concatenated objects.

    The caller bounds ``data`` (``max_feed_bytes``); records are named ``item N``.
    """
    if len(data) > settings.max_feed_bytes:
        raise MalformedInputError(source, "JSON document too large to parse whole; write it as JSON Lines")
    text = decode_bytes(data, source=source)[0]
    decoder = json.JSONDecoder()
    values: list[Any] = []
    pos = 0
    try:
        while True:
            while pos < len(text) and text[pos].isspace():
                pos += 1
            if pos >= len(text):
                break
            value, pos = decoder.raw_decode(text, pos)
            values.extend(value if isinstance(value, list) else [value])
    except json.JSONDecodeError as exc:
        raise MalformedInputError(
            source, f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
    except RecursionError:
        raise MalformedInputError(source, "invalid JSON: nested too deeply") from None
    if not values:
        raise EmptyInputError(source, "empty JSON array")
    for number, value in enumerate(values, 1):
        record = f"item {number}"
        try:
            yield document_from_object(value, source=source, record=record)
        except InputError as exc:
            yield IngestFailure(source, exc.reason, exc.record)


def read_json_array(stream: BinaryIO, *, source: str, settings: Settings) -> Iterator[Item]:
    """A file holding one JSON array (read whole, at most ``max_feed_bytes``)."""
    data = read_capped(
        stream, settings.max_feed_bytes, source=source, what="a JSON array file", setting="max_feed_bytes"
    )
    yield from read_json_document(data, source=source, settings=settings)
