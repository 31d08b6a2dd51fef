"""Optional metadata header of a plain-text article.

Many corpus exports put e-mail-style ``Key: value`` lines before the body. A text
file may start with such a block, ended by a blank line::

    Outlet: The Harbor Ledger
    Published: 2026-03-03T07:40:00+01:00
    URL: https://harborledger.example/2026/03/03/explosion

    Explosion at Halvik plant kills at least 23
    ...

Only known keys count (case-insensitive; see :data:`HEADER_KEYS`), every line of the
block must be one, and a blank line must follow it: otherwise the text has no header
and is returned whole, so an article that happens to begin "Date: ..." is not eaten.
"""

from __future__ import annotations

import re

#: Header key (lower case) -> RawDocument field.
HEADER_KEYS = {
    "id": "id",
    "title": "title",
    "headline": "title",
    "outlet": "outlet",
    "publication": "outlet",
    "publisher": "outlet",
    "source": "outlet",
    "published": "published",
    "date": "published",
    "url": "url",
    "link": "url",
    "author": "byline",
    "authors": "byline",
    "byline": "byline",
    "language": "language",
    "lang": "language",
}

_LINE = re.compile(r"[ \t]*([A-Za-z][A-Za-z _-]{0,19}?)[ \t]*:[ \t]*(\S.*?)[ \t]*")
_MAX_HEADER_LINES = 12


def split_header(text: str) -> tuple[dict[str, str], str]:
    """``(fields, body)``: the header's fields by RawDocument name, and the text after it."""
    body_start = 0
    fields: dict[str, str] = {}
    lines = text.split("\n", _MAX_HEADER_LINES + 1)
    offset = 0
    for index, line in enumerate(lines):
        stripped = line.rstrip("\r")
        if not stripped.strip():
            if fields and index > 0:
                body_start = offset + len(line) + 1
                return fields, text[body_start:]
            return {}, text
        if index >= _MAX_HEADER_LINES:
            return {}, text
        match = _LINE.fullmatch(stripped)
        if match is None:
            return {}, text
        field = HEADER_KEYS.get(match.group(1).strip().lower().replace("_", " "))
        if field is None:
            return {}, text
        fields.setdefault(field, match.group(2))
        offset += len(line) + 1
    return {}, text
