"""The records a comparison produces: findings with evidence, timeline events, the comparison.

Every record is a frozen, slotted dataclass. :meth:`Comparison.to_dict` is the output
contract of ``parallax compare --format json`` (DESIGN.md)::

    {"story", "articles": [{"id", "outlet", "published", "title"}],
     "findings": [{"kind", "summary", "evidence": [{"article", "outlet", "start", "end", "text", ...}], ...}],
     "timeline": [{"date", "text", "articles": [...]}]}

Kind-specific fields travel in ``details`` (on findings) and ``extra`` (on evidence) as
tuples of ``(name, value)`` pairs of JSON-ready values (treat them as read-only);
``to_dict`` spreads them next to the contract fields.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

#: The kinds of finding, in the order reports show them.
FINDING_KINDS = ("consensus", "conflict", "update", "exclusive", "reuse", "frame")

#: Version of the JSON written by :meth:`Comparison.to_dict`.
COMPARISON_SCHEMA = 1


def _pairs(values: Mapping[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple((str(k), v) for k, v in values.items() if v is not None)


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of one article that supports a finding, with kind-specific ``extra`` fields."""

    article: str
    outlet: str
    start: int
    end: int
    text: str
    extra: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def make(cls, article: str, outlet: str, start: int, end: int, text: str, **extra: Any) -> Evidence:
        return cls(article, outlet, start, end, text, _pairs(extra))

    def get(self, name: str, default: Any = None) -> Any:
        for k, v in self.extra:
            if k == name:
                return v
        return default

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "article": self.article,
            "outlet": self.outlet,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }
        for k, v in self.extra:
            d.setdefault(k, v)
        return d


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a reader should know about the story: a kind, a one-line summary, the evidence."""

    kind: str
    summary: str
    evidence: tuple[Evidence, ...] = ()
    details: tuple[tuple[str, Any], ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in FINDING_KINDS:
            raise ValueError(f"Finding: unknown kind {self.kind!r}; expected one of {FINDING_KINDS}")

    @classmethod
    def make(cls, kind: str, summary: str, evidence: Iterable[Evidence], **details: Any) -> Finding:
        return cls(kind, summary, tuple(evidence), _pairs(details))

    def get(self, name: str, default: Any = None) -> Any:
        for k, v in self.details:
            if k == name:
                return v
        return default

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.article for e in self.evidence))

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.outlet for e in self.evidence))

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"kind": self.kind, "summary": self.summary}
        for k, v in self.details:
            d.setdefault(k, v)
        d["evidence"] = [e.to_dict() for e in self.evidence]
        return d


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """A dated event of the story and the articles that report it."""

    date: str
    text: str
    articles: tuple[str, ...]
    outlets: tuple[str, ...] = ()
    granularity: str = "day"

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "text": self.text,
            "articles": list(self.articles),
            "outlets": list(self.outlets),
            "granularity": self.granularity,
        }


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """The identity of a compared article, as the report lists it."""

    id: str
    outlet: str
    published: str | None = None
    title: str | None = None
    byline: str | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.id, "outlet": self.outlet, "published": self.published, "title": self.title}
        if self.byline is not None:
            d["byline"] = self.byline
        if self.url is not None:
            d["url"] = self.url
        return d


@dataclass(frozen=True, slots=True)
class Comparison:
    """The comparison of one story: its articles, findings and timeline."""

    story: str | None
    articles: tuple[ArticleRef, ...]
    findings: tuple[Finding, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    notes: tuple[str, ...] = ()

    def by_kind(self, kind: str) -> tuple[Finding, ...]:
        """The findings of one kind (``consensus``, ``conflict``, ...), in report order."""
        if kind not in FINDING_KINDS:
            raise ValueError(f"unknown finding kind {kind!r}; expected one of {FINDING_KINDS}")
        return tuple(f for f in self.findings if f.kind == kind)

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a.outlet for a in self.articles))

    def article(self, article_id: str) -> ArticleRef | None:
        return next((a for a in self.articles if a.id == article_id), None)

    def counts(self) -> dict[str, int]:
        return {k: len(self.by_kind(k)) for k in FINDING_KINDS}

    def to_dict(self) -> dict[str, Any]:
        """The ``parallax compare --format json`` object (DESIGN.md), with ``schema`` and ``notes``."""
        return {
            "schema": COMPARISON_SCHEMA,
            "story": self.story,
            "articles": [a.to_dict() for a in self.articles],
            "findings": [f.to_dict() for f in self.findings],
            "timeline": [t.to_dict() for t in self.timeline],
            "notes": list(self.notes),
        }
