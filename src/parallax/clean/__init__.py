"""Cleaning: a :class:`~parallax.model.RawDocument` becomes a clean :class:`~parallax.model.Article`.

:func:`clean` extracts the main text of HTML (trafilatura, see :mod:`.html`), splits
plain text into paragraphs and takes a headline off its first line
(:mod:`.paragraphs`), then :func:`clean_text` removes from the body, recording each
removal as a :class:`~parallax.model.Removed`:

* ``prompt``: widgets, links and notices: share and follow lines, newsletter widgets, cookie,
  copyright, transcript, update and correction notices, "Read more:" and related-story blocks
  (:mod:`.boilerplate`)
* ``appeal``: donation and subscription appeals (:mod:`.boilerplate`)
* ``byline``: bylines, credit and contribution lines, datelines and author bios at the body's
  edges (:mod:`.byline`)
* ``teaser`` / ``other``: truncated teasers and repeated paragraphs (:mod:`.teasers`)
* ``other``: photo galleries, picture and video captions and credits, graphics flattened to
  text, database labels (:mod:`.boilerplate`)

Every rule and its reason string is listed in docs/cleaning.md.

Kept paragraphs are joined with a blank line; their characters are not altered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..config import Settings
from ..errors import EmptyInputError
from ..model import Article, RawDocument, Removed
from .boilerplate import (
    appeal_outlet,
    find_appeals,
    find_captions,
    find_link_blocks,
    is_appeal_header,
    is_closing_prompt,
    prompt_reason,
)
from .byline import Byline, parse_byline
from .fields import article_id, normalize_published, outlet_from_url
from .html import ExtractedHTML, extract_html
from .language import detect_language
from .paragraphs import Paragraph, normalize_newlines, split_paragraphs, split_title
from .teasers import find_repeats

__all__ = ["CleanedText", "ExtractedHTML", "clean", "clean_text", "detect_language", "extract_html"]

#: Paragraphs at each edge of the body searched for bylines and credit lines.
BYLINE_HEAD = 2
BYLINE_TAIL = 3
_BYLINE_PRIORITY = {"byline": 0, "bio": 1, "credit": 2, "photo": 3, "dateline": 4}
_SPACE = re.compile(r"\s+")


_WIRE_CREDIT = re.compile(r"\(\s*(?:additional\s+)?(?:reporting|editing|writing)\s+by\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class CleanedText:
    """A cleaned body: its text, what was removed, and the metadata found in it."""

    text: str
    removed: tuple[Removed, ...]
    byline: str | None
    outlet: str | None
    title: str | None


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


@dataclass(frozen=True, slots=True)
class _Mark:
    kind: str
    reason: str
    block: int = -1  # appeal paragraphs of one block share a number


class _Body:
    """Paragraphs of one body and the removals decided on them (working state of one call)."""

    def __init__(self, source: str, paragraphs: list[Paragraph]) -> None:
        self.source = source
        self.paragraphs = paragraphs
        self.marks: dict[int, _Mark] = {}
        self.cuts: dict[int, tuple[int, str]] = {}  # index -> (start in paragraph text, reason)
        self.bylines: list[Byline] = []

    def kept(self) -> list[int]:
        return [i for i in range(len(self.paragraphs)) if i not in self.marks]

    def take_bylines(self, outlet: str | None) -> None:
        kept = self.kept()
        for i in kept[:BYLINE_HEAD]:
            self._try_byline(i, outlet)
        for i in kept[BYLINE_HEAD:]:
            # a bracketed wire credit is one wherever it stands ("(Reporting by ...; Editing by ...)"):
            # sites append related items after it
            if _WIRE_CREDIT.match(self.paragraphs[i].text):
                self._try_byline(i, outlet)
        for i in reversed(kept[-BYLINE_TAIL:]):
            if i in self.marks:
                continue
            if not self._try_byline(i, outlet):
                break

    def _try_byline(self, i: int, outlet: str | None) -> bool:
        text = self.paragraphs[i].text
        if outlet and _norm(text) == _norm(outlet):
            self.marks[i] = _Mark("byline", "outlet name")
            return True
        found = parse_byline(text)
        if found is None:
            return False
        self.marks[i] = _Mark("byline", "dateline" if found.kind == "dateline" else f"{found.kind} line")
        self.bylines.append(found)
        return True

    def removed(self) -> list[Removed]:
        out: list[Removed] = []
        indices = sorted(self.marks)
        k = 0
        while k < len(indices):
            i = indices[k]
            mark = self.marks[i]
            last = i
            if mark.kind == "appeal":
                while k + 1 < len(indices) and self.marks[indices[k + 1]].block == mark.block:
                    k += 1
                    last = indices[k]
            elif mark.reason == "photo gallery":  # one gallery, one removal
                while (k + 1 < len(indices) and indices[k + 1] == last + 1
                       and self.marks[indices[k + 1]].reason == mark.reason):
                    k += 1
                    last = indices[k]
            first_p, last_p = self.paragraphs[i], self.paragraphs[last]
            out.append(
                Removed(mark.kind, self.source[first_p.offset : last_p.end], mark.reason, first_p.offset)
            )
            k += 1
        for i, (start, reason) in self.cuts.items():
            p = self.paragraphs[i]
            out.append(Removed("teaser", p.text[start:], reason, p.offset + start))
        return sorted(out, key=lambda r: r.offset or 0)

    def text(self) -> str:
        parts: list[str] = []
        for i in self.kept():
            t = self.paragraphs[i].text
            if i in self.cuts:
                t = t[: self.cuts[i][0]].rstrip()
            if t:
                parts.append(t)
        return "\n\n".join(parts)


def _title_line(body: str) -> tuple[str | None, int]:
    title, start = split_title(body)
    if title is None:
        return None, 0
    if parse_byline(title) or prompt_reason(title) or is_appeal_header(title) or is_closing_prompt(title):
        return None, 0
    return title, start


def clean_text(text: str, *, title: str | None = None, outlet: str | None = None) -> CleanedText:
    """Remove appeals, prompts, bylines and repeated teasers from a plain-text body.

    When ``title`` is None and the first line looks like a headline, it is taken as
    the title and left out of the body; when ``title`` is given and the body opens
    with it, that repetition is removed. ``Removed.offset`` counts characters of
    ``text`` after newline normalisation.
    """
    source = normalize_newlines(text)
    found_title, start = (title, 0) if title is not None else _title_line(source)
    body = _Body(source, split_paragraphs(source[start:], start=start))
    paragraphs = body.paragraphs

    if title is not None and paragraphs and _norm(paragraphs[0].text) == _norm(title):
        body.marks[0] = _Mark("other", "headline repeated at the top of the body")
    for i, p in enumerate(paragraphs):
        if i not in body.marks:
            reason = prompt_reason(p.text)
            if reason:
                body.marks[i] = _Mark("prompt", reason)
    for i, reason in find_captions([p.text for p in paragraphs]):
        if i not in body.marks:
            body.marks[i] = _Mark("other", reason)
    skip = [i in body.marks for i in range(len(paragraphs))]
    for i, kind, reason in find_link_blocks([p.text for p in paragraphs], skip):
        body.marks[i] = _Mark(kind, reason)
    body.take_bylines(outlet)
    texts = [p.text for p in paragraphs]
    skip = [i in body.marks for i in range(len(paragraphs))]
    for n, (first, last, reason) in enumerate(find_appeals(texts, skip)):
        for i in range(first, last + 1):
            body.marks[i] = _Mark("appeal", reason, block=n)
    body.take_bylines(outlet)
    kept = body.kept()
    for r in find_repeats([paragraphs[i].text for i in kept]):
        i = kept[r.index]
        if r.start == 0:
            body.marks[i] = _Mark(r.kind, r.reason)
        else:
            body.cuts[i] = (r.start, r.reason)

    authors = sorted((b for b in body.bylines if b.author), key=lambda b: _BYLINE_PRIORITY[b.kind])
    byline = authors[0].author if authors else None
    found_outlet = outlet or next((b.outlet for b in body.bylines if b.outlet), None)
    if found_outlet is None:  # an appeal removed from the body may name its outlet ("A Message from X:")
        appeal = [paragraphs[i].text for i in sorted(body.marks) if body.marks[i].kind == "appeal"]
        found_outlet = appeal_outlet(appeal) if appeal else None
    return CleanedText(
        text=body.text(),
        removed=tuple(body.removed()),
        byline=byline,
        outlet=found_outlet,
        title=found_title,
    )


def clean(raw: RawDocument, settings: Settings | None = None) -> Article:
    """The clean :class:`Article` of ``raw``: main text, boilerplate removed, metadata filled in.

    Raises :class:`~parallax.errors.EmptyInputError` when no article text is left.
    """
    settings = settings or Settings()
    notes: list[str] = []
    title, byline, published, outlet, url = raw.title, raw.byline, raw.published, raw.outlet, raw.url
    if raw.html is not None and raw.html.strip():
        extracted = extract_html(raw.html, url=raw.url, fast=settings.extract_fast)
        if extracted.fallback and extracted.text:
            notes.append("html: no main text recognised; kept the plain text of <body>")
        body = extracted.text
        title = title or extracted.title
        byline = byline or extracted.author
        published = published or extracted.date
        outlet = outlet or extracted.sitename
        url = url or extracted.url
    else:
        body = raw.text or ""
    if not body.strip():
        raise EmptyInputError(raw.source, "no article text left after cleaning", raw.record)

    cleaned = clean_text(body, title=title, outlet=outlet)
    if not cleaned.text:
        raise EmptyInputError(raw.source, "no article text left after cleaning", raw.record)
    if len(cleaned.text) < settings.min_text_chars:
        raise EmptyInputError(
            raw.source,
            f"only {len(cleaned.text)} characters of article text left after cleaning, fewer than "
            f"min_text_chars={settings.min_text_chars}; lower that setting to keep short articles",
            raw.record,
        )
    outlet = outlet or cleaned.outlet or outlet_from_url(url)
    iso = normalize_published(published)
    if published and iso is None:
        notes.append(f"published: could not read the date {published!r}; left empty")
    language = raw.language
    if language is None and settings.detect_language:
        language = detect_language(cleaned.text)
        if language is None:
            notes.append("language: not detected")
    return Article(
        id=raw.id or article_id(url, outlet, cleaned.title, cleaned.text),
        text=cleaned.text,
        title=cleaned.title,
        outlet=outlet,
        url=url,
        published=iso,
        byline=byline or cleaned.byline,
        language=language,
        source=raw.location,
        removed=cleaned.removed,
        notes=tuple(notes),
    )
