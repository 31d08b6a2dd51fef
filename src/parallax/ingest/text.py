"""Plain-text files: one article per file, newlines kept as they are.

An optional ``Key: value`` header (see :mod:`.header`) gives metadata; otherwise the
cleaner decides paragraphs and whether the first line is a title.
"""

from __future__ import annotations

from ..errors import EmptyInputError
from ..model import RawDocument
from .decode import decode_bytes
from .fields import language_code
from .header import split_header


def read_text(data: bytes, *, source: str, doc_id: str | None) -> RawDocument:
    """A text file's bytes as a :class:`RawDocument` (encoding detected)."""
    text, encoding = decode_bytes(data, source=source)
    if not text.strip():
        raise EmptyInputError(source, "empty file")
    header, body = split_header(text)
    if not body.strip():
        raise EmptyInputError(source, "no article text after the header")
    return RawDocument(
        source=source,
        format="text",
        text=body,
        id=header.get("id", doc_id),
        url=header.get("url"),
        outlet=header.get("outlet"),
        published=header.get("published"),
        title=header.get("title"),
        language=language_code(header.get("language")),
        byline=header.get("byline"),
        encoding=encoding,
    )
