"""Metadata values as the model wants them: ISO 8601 dates, ISO 639-1 languages, joined bylines."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime
from typing import Any

_LANGUAGE = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*$")


def language_code(value: Any) -> str | None:
    """``"en-US"`` -> ``"en"``; other strings are kept stripped; non-strings dropped."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    match = _LANGUAGE.match(value)
    return match.group(1).lower() if match else value


def iso_from_epoch(value: float) -> str:
    """Seconds (or milliseconds, when implausibly large) since 1970 as ISO 8601 UTC."""
    seconds = value / 1000 if abs(value) > 1e11 else value
    return datetime.fromtimestamp(seconds, tz=UTC).isoformat()


def iso_from_struct(value: time.struct_time) -> str:
    """A UTC ``struct_time`` (as feedparser gives) as ISO 8601."""
    return datetime(*value[:6], tzinfo=UTC).isoformat()


def plain_string(value: Any) -> str | None:
    """Strings stripped, numbers as text, anything else (lists, objects, null, "") None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def byline_of(value: Any) -> str | None:
    """An author field: a string, or a list of names / ``{"name": ...}`` objects joined with ", "."""
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, list):
        names = [byline_of(v) for v in value]
        joined = ", ".join(n for n in names if n)
        return joined or None
    return plain_string(value) if isinstance(value, str) else None
