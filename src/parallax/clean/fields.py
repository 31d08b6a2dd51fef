"""Article metadata: the id, the outlet from a URL, the publication time in ISO 8601."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from ..model import content_hash

_DATE_ONLY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def article_id(url: str | None, outlet: str | None, title: str | None, text: str) -> str:
    """A stable id: ``u`` + 16 hex of the URL's SHA-1, else the first 16 hex of the content hash."""
    if url:
        return "u" + hashlib.sha1(url.strip().encode("utf-8")).hexdigest()[:16]
    return content_hash(outlet, title, text)[:16]


def outlet_from_url(url: str | None) -> str | None:
    """The URL's host without ``www.`` ("https://www.themoscowtimes.com/..." -> "themoscowtimes.com")."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip() if "//" in url else "//" + url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")


def _iso(dt: datetime) -> str:
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.isoformat(timespec="seconds")


def normalize_published(value: str | None) -> str | None:
    """``value`` in ISO 8601: "YYYY-MM-DD" for a date, "YYYY-MM-DDTHH:MM:SS+00:00" for a time.

    Accepts ISO 8601 (with ``Z``), RFC 2822 (feeds) and, as a last resort, whatever
    dateparser reads without guessing relative dates. Naive times are taken as UTC.
    Returns None when the value cannot be read.
    """
    if value is None:
        return None
    v = value.strip()
    if not v:
        return None
    m = _DATE_ONLY.match(v) or _COMPACT_DATE.match(v)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    try:
        return _iso(datetime.fromisoformat(v.replace("Z", "+00:00").replace("z", "+00:00")))
    except ValueError:
        pass
    try:
        return _iso(parsedate_to_datetime(v))
    except (TypeError, ValueError, IndexError):
        pass
    return _dateparser(v)


def _dateparser(value: str) -> str | None:
    import dateparser  # slow to import; only reached for unusual formats

    settings = {
        "STRICT_PARSING": False,
        "PREFER_DAY_OF_MONTH": "first",
        "PARSERS": ["absolute-time", "custom-formats"],
    }
    parsed = dateparser.parse(value, settings=settings)
    if parsed is None:
        return None
    has_time = bool(re.search(r"\d{1,2}:\d{2}", value))
    return _iso(parsed) if has_time else parsed.date().isoformat()
