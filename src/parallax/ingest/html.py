"""HTML pages: decoded to a string (BOM, then ``<meta charset>``, then detection).

Main text and metadata are left to the cleaner (trafilatura); only the canonical URL is
picked up here, because it is cheap.
"""

from __future__ import annotations

import html as htmllib
import re

from ..errors import EmptyInputError
from ..model import RawDocument
from .decode import declared_html_charset, decode_bytes

_LINK_OR_META = re.compile(r"<(link|meta)\b([^>]*)>", re.IGNORECASE)
_ATTR = re.compile(r"""([\w:.-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)""")
_HEAD_END = re.compile(r"</head\s*>|<body\b", re.IGNORECASE)


def canonical_url(html: str) -> str | None:
    """The absolute URL of ``<link rel=canonical>``, else ``og:url``, from the page head."""
    end = _HEAD_END.search(html, 0, 200_000)
    head = html[: end.start() if end else 200_000]
    canonical = og_url = None
    for match in _LINK_OR_META.finditer(head):
        attrs = {
            k.lower(): htmllib.unescape(v.strip("\"'")).strip() for k, v in _ATTR.findall(match.group(2))
        }
        if match.group(1).lower() == "link" and "canonical" in attrs.get("rel", "").lower().split():
            canonical = canonical or attrs.get("href")
        elif attrs.get("property", attrs.get("name", "")).lower() == "og:url":
            og_url = og_url or attrs.get("content")
    for url in (canonical, og_url):
        if url and url.startswith(("http://", "https://")):
            return url
    return None


def decode_html(data: bytes, *, source: str, declared: str | None = None) -> tuple[str, str]:
    """``(html, encoding)``: ``declared`` (an HTTP charset) wins over ``<meta charset>``."""
    return decode_bytes(data, source=source, declared=declared or declared_html_charset(data))


def read_html(data: bytes, *, source: str, doc_id: str | None) -> RawDocument:
    """An HTML file's bytes as a :class:`RawDocument` with ``html`` set."""
    page, encoding = decode_html(data, source=source)
    if not page.strip():
        raise EmptyInputError(source, "empty file")
    return RawDocument(
        source=source, format="html", html=page, id=doc_id, url=canonical_url(page), encoding=encoding
    )
