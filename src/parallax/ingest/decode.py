"""Bytes to text: byte-order marks, declared charsets, strict UTF-8, then detection.

Order of trust: a BOM; strict UTF-8 (valid UTF-8 with non-ASCII bytes is almost never an
accident, while declared charsets often lie); the declared charset (``<meta charset>``,
HTTP ``Content-Type``); finally detection with charset-normalizer.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from ..errors import BinaryInputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Labels that browsers (WHATWG Encoding) read as windows-1252.
_AS_CP1252 = frozenset({"latin_1", "iso8859_1", "ascii", "cp1252"})

_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.\-]+)""", re.IGNORECASE)
_HTTP_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)


def bom_encoding(data: bytes) -> str | None:
    """The codec named by a byte-order mark at the start of ``data``, if any."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when ``data`` looks like BOM-less UTF-16 (NUL in every other byte)."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.7 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.7 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def normalize_charset(label: str | None) -> str | None:
    """A Python codec name for a declared charset label, or None when unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return "cp1252" if name.replace("-", "_") in _AS_CP1252 else name


def declared_html_charset(head: bytes) -> str | None:
    """The charset an HTML/XML document declares in its first bytes (``<meta charset>``, XML prolog)."""
    match = _META_CHARSET.search(head[:8192]) or _XML_ENCODING.search(head[:1024])
    return normalize_charset(match.group(1).decode("ascii")) if match else None


def http_charset(content_type: str | None) -> str | None:
    """The ``charset=`` parameter of an HTTP ``Content-Type`` header."""
    match = _HTTP_CHARSET.search(content_type or "")
    return normalize_charset(match.group(1)) if match else None


def decode_bytes(data: bytes, *, source: str, declared: str | None = None) -> tuple[str, str]:
    """``(text, encoding)`` for ``data``; a leading BOM is removed.

    Raises :class:`BinaryInputError` naming ``source`` when no encoding fits.
    """
    bom = bom_encoding(data)
    if bom:
        return data.decode(bom, errors="replace"), bom.replace("-sig", "")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    guess = utf16_without_bom(data)
    if guess:
        return data.decode(guess, errors="replace"), guess
    if declared and declared not in ("utf_8", "utf-8"):
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass
    best = charset_normalizer.from_bytes(data).best()
    if best is not None and best.encoding:
        return str(best), best.encoding
    if declared:
        return data.decode(declared, errors="replace"), declared
    raise BinaryInputError(
        source, "binary data (no text encoding fits), not text, HTML, JSON Lines, a feed or WARC"
    )
