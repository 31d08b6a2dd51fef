"""Main text and metadata of an HTML page, with trafilatura.

:func:`extract_html` is the extraction step alone (the HTML benchmark calls it):
trafilatura's main text, one paragraph per block, and its title, author, date,
site name and URL. When trafilatura finds no main text, the plain text of
``<body>`` (without scripts, navigation, header, footer and forms) stands in, so an
article is never lost for want of a recognisable layout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml import etree

_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")
_DROP_TAGS = (
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "select", "iframe", "svg", "head",
)  # fmt: skip
_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "section",
        "article",
        "blockquote",
        "pre",
        "dd",
        "dt",
        "dl",
        "figure",
        "figcaption",
        "main",
        "hr",
        "address",
    ]
)


@dataclass(frozen=True, slots=True)
class ExtractedHTML:
    """What :func:`extract_html` found. ``text`` has paragraphs separated by blank lines."""

    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    sitename: str | None = None
    url: str | None = None
    fallback: bool = False  # True when the text is the plain <body>, not trafilatura's main text


def _paragraphs(text: str) -> str:
    lines = (_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n\n".join(line for line in lines if line)


def body_text(html: str) -> str:
    """Plain text of the page's ``<body>``: one paragraph per block element."""
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    for el in root.iter(*_DROP_TAGS):
        if el.getparent() is not None:
            el.drop_tree()
    for el in root.iter(etree.Comment, etree.ProcessingInstruction):
        if el.getparent() is not None:
            el.drop_tree()
    parts: list[str] = []
    body = root.find("body")
    top = body if body is not None else root
    # iterwalk, not recursion: broken pages nest thousands of levels deep.
    for event, el in etree.iterwalk(top, events=("start", "end")):
        block = isinstance(el.tag, str) and el.tag in _BLOCK_TAGS
        if event == "start":
            if block:
                parts.append("\n")
            if el.text:
                parts.append(el.text)
        else:
            if block:
                parts.append("\n")
            if el is not top and el.tail:
                parts.append(el.tail)
    return _paragraphs("".join(parts))


def _strip(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = _SPACE.sub(" ", value).strip()
    return value or None


def extract_html(html: str, *, url: str | None = None, fast: bool = False) -> ExtractedHTML:
    """Main text and metadata of ``html`` (trafilatura; plain ``<body>`` text when it finds none)."""
    doc = None
    if html.strip():
        try:
            doc = trafilatura.bare_extraction(
                html,
                url=url,
                fast=fast,
                with_metadata=True,
                include_comments=False,
                favor_precision=False,
            )
        except (ValueError, TypeError, etree.LxmlError):
            doc = None
    if isinstance(doc, dict):  # only with as_dict=True; kept for safety
        doc = None
    text = _paragraphs(doc.text) if doc is not None and doc.text else ""
    title = _strip(getattr(doc, "title", None))
    author = _strip(getattr(doc, "author", None))
    date = _strip(getattr(doc, "date", None))
    sitename = _strip(getattr(doc, "sitename", None))
    page_url = _strip(getattr(doc, "url", None)) or url
    fallback = not text
    return ExtractedHTML(
        text=body_text(html) if fallback else text,
        title=title,
        author=author,
        date=date,
        sitename=sitename,
        url=page_url,
        fallback=fallback,
    )
