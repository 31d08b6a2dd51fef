"""Plain-text files: one article per file, newlines kept as they are.

The cleaner decides paragraphs and whether the first line is a title, so no title is set here.
"""

from __future__ import annotations

from ..errors import EmptyInputError
from ..model import RawDocument
from .decode import decode_bytes


def read_text(data: bytes, *, source: str, doc_id: str | None) -> RawDocument:
    """A text file's bytes as a :class:`RawDocument` (encoding detected)."""
    text, encoding = decode_bytes(data, source=source)
    if not text.strip():
        raise EmptyInputError(source, "empty file")
    return RawDocument(source=source, format="text", text=text, id=doc_id, encoding=encoding)
