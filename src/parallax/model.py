"""The data model: raw documents, articles and their annotations.

Every record is a frozen, slotted dataclass. Annotations point into ``Article.text``
with ``[start, end)`` character offsets; their strings are derived from the text,
never stored twice. Records round-trip through versioned JSON (``to_dict`` /
``from_dict``), never pickle.

The JSON shape of :meth:`Article.to_dict` is the output contract of
``parallax analyze`` (see DESIGN.md): fields may be added, never renamed or dropped.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from .errors import SchemaError

#: Version of the JSON written by :meth:`Article.to_dict`. Bump it when a field's
#: meaning changes; ``from_dict`` reads every older version it knows.
SCHEMA_VERSION = 1

REMOVED_KINDS = ("appeal", "prompt", "teaser", "byline", "other")
ENTITY_KINDS = ("person", "org", "place", "group", "other")
QUOTE_KINDS = ("direct", "partial", "indirect")
FRAME_KINDS = ("hedge", "distancing", "loaded")
QUALIFIERS = (
    "at least",
    "more than",
    "about",
    "nearly",
    "up to",
    "fewer than",
    "at most",
    "exactly",
)


def _check_span(start: int, end: int, what: str) -> None:
    if not (isinstance(start, int) and isinstance(end, int)) or start < 0 or end < start:
        raise SchemaError(f"{what}: invalid span [{start}, {end})")


@dataclass(frozen=True, slots=True)
class Span:
    """A ``[start, end)`` character range of ``Article.text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        _check_span(self.start, self.end, "Span")

    def text(self, doc: str) -> str:
        return doc[self.start : self.end]

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def to_list(self) -> list[int]:
        return [self.start, self.end]

    @classmethod
    def from_list(cls, value: Iterable[int]) -> "Span":
        start, end = list(value)
        return cls(int(start), int(end))


@dataclass(frozen=True, slots=True)
class Removed:
    """Text taken out of the body by cleaning, with why.

    ``offset`` is where the text stood in the uncleaned body (characters), when known.
    """

    kind: str
    text: str
    reason: str = ""
    offset: int | None = None

    def __post_init__(self) -> None:
        if self.kind not in REMOVED_KINDS:
            raise SchemaError(f"Removed: unknown kind {self.kind!r}; expected one of {REMOVED_KINDS}")

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"kind": self.kind, "text": self.text}
        if self.reason:
            d["reason"] = self.reason
        if self.offset is not None:
            d["offset"] = self.offset
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Removed":
        return cls(kind=d["kind"], text=d["text"], reason=d.get("reason", ""), offset=d.get("offset"))


@dataclass(frozen=True, slots=True)
class Entity:
    """One entity of an article, with every surface form (alias) and mention span."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    links: tuple[str, ...] = ()  # names of related entities ("the Kremlin" -> "Russia")

    def __post_init__(self) -> None:
        if self.kind not in ENTITY_KINDS:
            raise SchemaError(f"Entity {self.name!r}: unknown kind {self.kind!r}; expected one of {ENTITY_KINDS}")

    def to_dict(self, text: str | None = None) -> dict[str, Any]:
        d: dict[str, Any] = {
            "name": self.name,
            "kind": self.kind,
            "aliases": list(self.aliases),
            "mentions": [m.to_list() for m in self.mentions],
        }
        if self.links:
            d["links"] = list(self.links)
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Entity":
        return cls(
            name=d["name"],
            kind=d.get("kind", "other"),
            aliases=tuple(d.get("aliases", ())),
            mentions=tuple(Span.from_list(m) for m in d.get("mentions", ())),
            links=tuple(d.get("links", ())),
        )


@dataclass(frozen=True, slots=True)
class Quote:
    """Reported speech: the content span, its speaker and the cue that attributes it."""

    start: int
    end: int
    kind: str = "direct"
    speaker: str | None = None
    speaker_span: Span | None = None
    cue: str | None = None
    cue_span: Span | None = None
    on_behalf_of: str | None = None  # "Putin conveyed ..., according to Peskov": Putin

    def __post_init__(self) -> None:
        _check_span(self.start, self.end, "Quote")
        if self.kind not in QUOTE_KINDS:
            raise SchemaError(f"Quote: unknown kind {self.kind!r}; expected one of {QUOTE_KINDS}")

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    def to_dict(self, text: str | None = None) -> dict[str, Any]:
        d: dict[str, Any] = {"start": self.start, "end": self.end}
        if text is not None:
            d["text"] = text[self.start : self.end]
        d.update(
            kind=self.kind,
            speaker=self.speaker,
            speaker_span=self.speaker_span.to_list() if self.speaker_span else None,
            cue=self.cue,
        )
        if self.cue_span is not None:
            d["cue_span"] = self.cue_span.to_list()
        if self.on_behalf_of is not None:
            d["on_behalf_of"] = self.on_behalf_of
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Quote":
        return cls(
            start=d["start"],
            end=d["end"],
            kind=d.get("kind", "direct"),
            speaker=d.get("speaker"),
            speaker_span=Span.from_list(d["speaker_span"]) if d.get("speaker_span") else None,
            cue=d.get("cue"),
            cue_span=Span.from_list(d["cue_span"]) if d.get("cue_span") else None,
            on_behalf_of=d.get("on_behalf_of"),
        )


@dataclass(frozen=True, slots=True)
class Claim:
    """A numeric claim: '<source> reported that ... killed at least 1,068 civilians'."""

    start: int
    end: int
    value: float
    unit: str | None = None
    qualifier: str | None = None
    predicate: str | None = None
    source: str | None = None
    as_of: str | None = None  # ISO date the figure is given for, when the sentence says
    value_span: Span | None = None
    source_span: Span | None = None
    upper: float | None = None  # upper bound of a range ("between 10 and 20")

    def __post_init__(self) -> None:
        _check_span(self.start, self.end, "Claim")

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    def to_dict(self, text: str | None = None) -> dict[str, Any]:
        d: dict[str, Any] = {"start": self.start, "end": self.end}
        if text is not None:
            d["text"] = text[self.start : self.end]
        value: float | int = int(self.value) if float(self.value).is_integer() else self.value
        d.update(
            value=value,
            unit=self.unit,
            qualifier=self.qualifier,
            predicate=self.predicate,
            source=self.source,
            as_of=self.as_of,
        )
        if self.value_span is not None:
            d["value_span"] = self.value_span.to_list()
        if self.source_span is not None:
            d["source_span"] = self.source_span.to_list()
        if self.upper is not None:
            d["upper"] = self.upper
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Claim":
        return cls(
            start=d["start"],
            end=d["end"],
            value=d["value"],
            unit=d.get("unit"),
            qualifier=d.get("qualifier"),
            predicate=d.get("predicate"),
            source=d.get("source"),
            as_of=d.get("as_of"),
            value_span=Span.from_list(d["value_span"]) if d.get("value_span") else None,
            source_span=Span.from_list(d["source_span"]) if d.get("source_span") else None,
            upper=d.get("upper"),
        )


@dataclass(frozen=True, slots=True)
class DateMention:
    """A temporal expression and the absolute date (``YYYY-MM-DD``) or month (``YYYY-MM``) it means."""

    start: int
    end: int
    value: str | None = None
    granularity: str | None = None  # day | month | year

    def __post_init__(self) -> None:
        _check_span(self.start, self.end, "DateMention")

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    def to_dict(self, text: str | None = None) -> dict[str, Any]:
        d: dict[str, Any] = {"start": self.start, "end": self.end}
        if text is not None:
            d["text"] = text[self.start : self.end]
        d["value"] = self.value
        if self.granularity is not None:
            d["granularity"] = self.granularity
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "DateMention":
        return cls(start=d["start"], end=d["end"], value=d.get("value"), granularity=d.get("granularity"))


@dataclass(frozen=True, slots=True)
class Frame:
    """Framing language: a hedge ('reportedly'), a distancing attribution, a loaded term."""

    start: int
    end: int
    kind: str
    cue: str | None = None  # the lexicon entry that matched

    def __post_init__(self) -> None:
        _check_span(self.start, self.end, "Frame")
        if self.kind not in FRAME_KINDS:
            raise SchemaError(f"Frame: unknown kind {self.kind!r}; expected one of {FRAME_KINDS}")

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    def to_dict(self, text: str | None = None) -> dict[str, Any]:
        d: dict[str, Any] = {"start": self.start, "end": self.end}
        if text is not None:
            d["text"] = text[self.start : self.end]
        d["kind"] = self.kind
        if self.cue is not None:
            d["cue"] = self.cue
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Frame":
        return cls(start=d["start"], end=d["end"], kind=d["kind"], cue=d.get("cue"))


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One article as read from its input, before cleaning.

    ``source`` names the file (or ``<stdin>``) and ``record`` the place inside it
    ("line 3", "entry 2", "record 5 at offset 1234"), so every message can point at it.
    Exactly one of ``text`` and ``html`` is usually set.
    """

    source: str
    format: str  # text | html | jsonl | feed | warc
    record: str | None = None
    text: str | None = None
    html: str | None = None
    id: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    language: str | None = None
    byline: str | None = None
    encoding: str | None = None

    @property
    def location(self) -> str:
        return f"{self.source}: {self.record}" if self.record else self.source


@dataclass(frozen=True, slots=True)
class IngestFailure:
    """An input that could not be read: the file, the record inside it and the reason."""

    source: str
    reason: str
    record: str | None = None

    @property
    def location(self) -> str:
        return f"{self.source}: {self.record}" if self.record else self.source

    def __str__(self) -> str:
        return f"{self.location}: {self.reason}"


def normalize_for_hash(text: str) -> str:
    """Unicode NFC, whitespace folded: the form content hashes are computed on."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def content_hash(outlet: str | None, title: str | None, text: str) -> str:
    """The identity of an article's content: same outlet, headline and body = same article.

    The outlet and headline take part so that a republication under another outlet's
    name (a copy we want to detect, not drop) is stored as its own article.
    """
    h = hashlib.sha256()
    for part in (outlet or "", title or "", text):
        h.update(normalize_for_hash(part).casefold().encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


_ANNOTATION_FIELDS = ("sentences", "entities", "quotes", "claims", "dates", "frames")


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article and its annotations.

    ``text`` is the cleaned body; every annotation is a span into it. ``removed``
    keeps what cleaning took out (appeals, prompts, teasers, bylines), so nothing is
    lost silently. ``annotated`` lists the annotation stages that ran, so an empty
    list of quotes can be told apart from "quotes were never looked for".
    """

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    byline: str | None = None
    language: str | None = None
    source: str | None = None
    removed: tuple[Removed, ...] = ()
    sentences: tuple[Span, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    dates: tuple[DateMention, ...] = ()
    frames: tuple[Frame, ...] = ()
    annotated: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # e.g. "quotes: skipped, language 'ru' not supported"
    story: str | None = None
    content_hash: str = field(default="")

    def __post_init__(self) -> None:
        if not self.content_hash:
            object.__setattr__(self, "content_hash", content_hash(self.outlet, self.title, self.text))
        n = len(self.text)
        for name in ("sentences",):
            for s in getattr(self, name):
                if s.end > n:
                    raise SchemaError(f"Article {self.id}: {name} span {s.to_list()} beyond text length {n}")
        for name in ("quotes", "claims", "dates", "frames"):
            for a in getattr(self, name):
                if a.end > n:
                    raise SchemaError(f"Article {self.id}: {name} span [{a.start}, {a.end}) beyond text length {n}")

    def replace(self, **changes: Any) -> "Article":
        """A copy with ``changes``; the content hash is recomputed when text, title or outlet change."""
        if {"text", "title", "outlet"} & changes.keys() and "content_hash" not in changes:
            changes["content_hash"] = ""
        return dataclasses.replace(self, **changes)

    def span_text(self, span: Span | tuple[int, int]) -> str:
        start, end = (span.start, span.end) if isinstance(span, Span) else span
        return self.text[start:end]

    def to_dict(self) -> dict[str, Any]:
        """The ``parallax analyze`` JSON object (DESIGN.md), with ``schema`` and extra fields."""
        t = self.text
        return {
            "schema": SCHEMA_VERSION,
            "id": self.id,
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published,
            "title": self.title,
            "byline": self.byline,
            "language": self.language,
            "source": self.source,
            "content_hash": self.content_hash,
            "text": t,
            "removed": [r.to_dict() for r in self.removed],
            "sentences": [s.to_list() for s in self.sentences],
            "entities": [e.to_dict(t) for e in self.entities],
            "quotes": [q.to_dict(t) for q in self.quotes],
            "claims": [c.to_dict(t) for c in self.claims],
            "dates": [d.to_dict(t) for d in self.dates],
            "frames": [f.to_dict(t) for f in self.frames],
            "annotated": list(self.annotated),
            "notes": list(self.notes),
            "story": self.story,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Article":
        version = d.get("schema", SCHEMA_VERSION)
        if not isinstance(version, int) or version > SCHEMA_VERSION:
            raise SchemaError(
                f"article {d.get('id')!r} was written with schema {version!r}, newer than this "
                f"Parallax reads ({SCHEMA_VERSION}); upgrade parallax"
            )
        try:
            return cls(
                id=d["id"],
                text=d["text"],
                title=d.get("title"),
                outlet=d.get("outlet"),
                url=d.get("url"),
                published=d.get("published"),
                byline=d.get("byline"),
                language=d.get("language"),
                source=d.get("source"),
                removed=tuple(Removed.from_dict(r) for r in d.get("removed", ())),
                sentences=tuple(Span.from_list(s) for s in d.get("sentences", ())),
                entities=tuple(Entity.from_dict(e) for e in d.get("entities", ())),
                quotes=tuple(Quote.from_dict(q) for q in d.get("quotes", ())),
                claims=tuple(Claim.from_dict(c) for c in d.get("claims", ())),
                dates=tuple(DateMention.from_dict(x) for x in d.get("dates", ())),
                frames=tuple(Frame.from_dict(f) for f in d.get("frames", ())),
                annotated=tuple(d.get("annotated", ())),
                notes=tuple(d.get("notes", ())),
                story=d.get("story"),
                content_hash=d.get("content_hash", ""),
            )
        except KeyError as exc:
            raise SchemaError(f"article JSON is missing the field {exc.args[0]!r}") from None
