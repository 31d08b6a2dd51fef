"""Which format a file holds, decided from its first bytes (the extension may lie).

:func:`sniff` returns one of:

``gzip``   gzip-compressed (sniff the decompressed head next)
``empty``  nothing but whitespace
``binary`` not text (see :func:`binary_kind` for what it looks like)
``warc``   a WARC archive
``jsonl``  JSON Lines (first non-space byte ``{``)
``json``   one JSON array of objects
``feed``   RSS, Atom or RDF
``html``   an HTML page or fragment
``xml``    some other XML document (a sitemap, say): not readable as articles
``text``   plain text
"""

from __future__ import annotations

import re

from .decode import bom_encoding, utf16_without_bom
from .streams import GZIP_MAGIC

FORMATS = ("gzip", "empty", "binary", "warc", "jsonl", "json", "feed", "html", "xml", "text")

# (magic, offset, what it looks like). Other compressors get a hint, because only gzip is read directly.
_MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"%PDF-", 0, "PDF"),
    (b"\x89PNG\r\n\x1a\n", 0, "a PNG image"),
    (b"GIF87a", 0, "a GIF image"),
    (b"GIF89a", 0, "a GIF image"),
    (b"\xff\xd8\xff", 0, "a JPEG image"),
    (b"PK\x03\x04", 0, "a ZIP archive (or DOCX, XLSX, EPUB); unzip it first"),
    (b"PK\x05\x06", 0, "an empty ZIP archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7-Zip archive; extract it first"),
    (b"\xfd7zXZ\x00", 0, "xz-compressed data; decompress it first (only gzip is read directly)"),
    (b"\x28\xb5\x2f\xfd", 0, "zstd-compressed data; decompress it first (only gzip is read directly)"),
    (b"BZh", 0, "bzip2-compressed data; decompress it first (only gzip is read directly)"),
    (b"\x7fELF", 0, "an ELF executable"),
    (b"MZ", 0, "a Windows executable"),
    (b"SQLite format 3\x00", 0, "an SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "a Microsoft Office document (DOC, XLS, PPT)"),
    (b"{\\rtf", 0, "an RTF document"),
    (b"OggS", 0, "Ogg audio/video"),
    (b"ftyp", 4, "MP4/MOV video"),
    (b"RIFF", 0, "RIFF media (WAV, AVI, WebP)"),
    (b"wOFF", 0, "a web font"),
    (b"wOF2", 0, "a web font"),
    (GZIP_MAGIC, 0, "gzip data inside gzip; decompress it once first"),
)
_BZIP2 = re.compile(rb"BZh[1-9]1AY&SY")
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")

_FEED_ROOTS = frozenset({"rss", "feed", "rdf:rdf"})
_HTML_TAGS = frozenset(
    [
        "html",
        "head",
        "body",
        "div",
        "p",
        "span",
        "a",
        "br",
        "img",
        "table",
        "article",
        "section",
        "header",
        "footer",
        "nav",
        "main",
        "aside",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "meta",
        "title",
        "script",
        "style",
        "link",
        "figure",
        "blockquote",
        "strong",
        "em",
        "b",
        "i",
        "form",
        "iframe",
        "noscript",
    ]
)
_DOCTYPE_HTML = re.compile(rb"<!doctype\s+html", re.IGNORECASE)
# Comments, doctypes and processing instructions that may precede the root element.
_PROLOG = re.compile(rb"\s*(?:<!--.*?-->|<![^>]*>|<\?.*?\?>)", re.DOTALL)
_ELEMENT = re.compile(rb"\s*<([A-Za-z][\w.:-]*)")
_HTML_TAG = re.compile(
    rb"</?(?:" + b"|".join(t.encode() for t in sorted(_HTML_TAGS)) + rb")\b[^<>]{0,300}>", re.IGNORECASE
)
_JSON_ARRAY = re.compile(rb"\[\s*(?:\{|\]|\Z)")


def _text_bytes(head: bytes) -> bytes:
    """The head as UTF-8-ish bytes, so UTF-16/32 files sniff like UTF-8 ones."""
    enc = bom_encoding(head) or utf16_without_bom(head)
    if enc and enc.startswith(("utf-16", "utf-32")):
        cut = len(head) - len(head) % 4
        return head[:cut].decode(enc, errors="ignore").lstrip("\ufeff").encode("utf-8")
    return head[3:] if head.startswith(b"\xef\xbb\xbf") else head


def binary_kind(head: bytes) -> str | None:
    """What binary data looks like ("PDF", "a PNG image", "NUL bytes"), or None when it is text."""
    for magic, offset, what in _MAGIC:
        if head[offset : offset + len(magic)] == magic:
            if magic == b"BZh" and not _BZIP2.match(head):
                continue
            if magic == b"MZ" and b"This program cannot be run in DOS mode" not in head[:512]:
                continue
            return what
    text = _text_bytes(head)
    if b"\x00" in text:
        return "data with NUL bytes"
    if text and len(_CONTROL.findall(text[:4096])) > 0.05 * min(len(text), 4096):
        return "data that is mostly control characters"
    return None


def root_element(text: bytes) -> str | None:
    """The lower-cased name of the first element, after comments, doctypes and ``<?...?>``."""
    pos = 0
    while True:
        match = _PROLOG.match(text, pos)
        if not match:
            break
        pos = match.end()
    element = _ELEMENT.match(text, pos)
    return element.group(1).decode("ascii", "replace").lower() if element else None


def sniff(head: bytes) -> str:
    """The format of a file from its first bytes (see the module docstring for the values)."""
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    if binary_kind(head):
        return "binary"
    text = _text_bytes(head)
    body = text.lstrip()
    if not body:
        return "empty"
    if body.startswith((b"WARC/1.", b"WARC/0.")):
        return "warc"
    if body.startswith(b"{"):
        return "jsonl"
    if _JSON_ARRAY.match(body):
        return "json"
    if body.startswith(b"<"):
        root = root_element(body)
        if root in _FEED_ROOTS:
            return "feed"
        if _DOCTYPE_HTML.search(body[:2048]) or root in _HTML_TAGS:
            return "html"
        if body.startswith(b"<?xml") and root:
            return "xml"
    tags = len(_HTML_TAG.findall(body))
    if tags >= 5 and len(body) <= 400 * tags:
        return "html"
    return "text"
