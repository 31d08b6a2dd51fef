"""RSS, Atom and RDF feeds, parsed with feedparser: one document per entry.

feedparser is lenient, so a slightly broken feed still gives its entries. A feed cut off
mid-entry gives its complete entries, then a failure naming the entry that was cut.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

import feedparser  # type: ignore[import-untyped]

from ..config import Settings
from ..errors import EmptyInputError, MalformedInputError
from ..model import IngestFailure, RawDocument
from .fields import byline_of, iso_from_struct, language_code, plain_string
from .streams import size_text

Item = RawDocument | IngestFailure

_EMAIL_AND_NAME = re.compile(r"^\s*[^\s@()]+@[^\s()]+\s*\(([^)]+)\)\s*$")  # RSS: "desk@x.org (Ann Lee)"
_ENTRY_END = re.compile(rb"</(?:[\w.-]+:)?(?:item|entry)\s*>", re.IGNORECASE)


def _reason(exc: Any) -> str:
    """feedparser's ``bozo_exception`` as a sentence, with line and column when known."""
    message = exc.getMessage() if hasattr(exc, "getMessage") else str(exc)
    if hasattr(exc, "getLineNumber"):
        return f"line {exc.getLineNumber()}, column {exc.getColumnNumber()}: {message}"
    return message or type(exc).__name__


def _author(entry: Any) -> str | None:
    raw = entry.get("author")
    match = _EMAIL_AND_NAME.match(raw or "")
    if match:
        return match.group(1).strip()
    detail = entry.get("author_detail") or {}
    return byline_of(raw or detail.get("name"))


def _body(entry: Any) -> tuple[str | None, bool]:
    """(content, is_html): content:encoded / Atom content first, then the summary."""
    contents = [c for c in entry.get("content") or () if c.get("value", "").strip()]
    if contents:
        best = next((c for c in contents if "html" in c.get("type", "")), contents[0])
        return best["value"], "html" in best.get("type", "html")
    detail = entry.get("summary_detail") or {}
    summary = entry.get("summary")
    if summary and summary.strip():
        return summary, "html" in detail.get("type", "text/html")
    return None, False


def read_feed(data: bytes, *, source: str, settings: Settings) -> Iterator[Item]:
    """The entries of a feed held in ``data`` (already bounded by ``max_feed_bytes``)."""
    parsed = feedparser.parse(io.BytesIO(data))
    entries = parsed.entries
    if not entries:
        if parsed.bozo:
            raise MalformedInputError(source, f"not a readable feed ({_reason(parsed.bozo_exception)})")
        raise EmptyInputError(source, "the feed has no entries")
    complete = len(_ENTRY_END.findall(data)) if parsed.bozo else len(entries)
    feed = parsed.feed
    outlet = outlet_of_feed_title(plain_string(feed.get("title")))
    feed_language = language_code(feed.get("language"))
    for number, entry in enumerate(entries, 1):
        record = f"entry {number}"
        if number > complete:
            yield IngestFailure(
                source,
                f"entry is cut off: the feed ends inside it ({_reason(parsed.bozo_exception)}); "
                "the file is probably truncated",
                record,
            )
            return
        body, is_html = _body(entry)
        if body is None:
            yield IngestFailure(
                source, "entry has no content or summary, only a title; fetch the linked page instead", record
            )
            continue
        if len(body.encode("utf-8")) > settings.max_article_bytes:
            yield IngestFailure(
                source,
                f"entry is over {size_text(settings.max_article_bytes)} (setting max_article_bytes)",
                record,
            )
            continue
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        yield RawDocument(
            source=source,
            format="feed",
            record=record,
            html=body if is_html else None,
            text=None if is_html else body,
            id=plain_string(entry.get("id")),
            url=plain_string(entry.get("link")),
            outlet=outlet,
            published=iso_from_struct(when) if when else None,
            title=plain_string(entry.get("title")),
            language=language_code(entry.get("language")) or feed_language,
            byline=_author(entry),
            encoding=parsed.get("encoding"),
        )


_SECTION_SEPARATOR = re.compile(r"\s+[-–—|>»]\s+|:\s+")


def outlet_of_feed_title(title: str | None) -> str | None:
    """The publication a feed belongs to: "BBC News - World" -> "BBC News".

    Feed titles usually name the outlet, then a section after a separator (" - ", " | ",
    " > ", ": "); the section is not part of the outlet's name, or one outlet's feeds
    would count as several outlets.
    """
    if not title:
        return None
    head = _SECTION_SEPARATOR.split(title, maxsplit=1)[0].strip()
    return head or title

