"""What each page shows, computed once for both the HTML page and its JSON twin under /api/."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..compare import Finding
from ..errors import ConfigError, NotFoundError
from ..model import Article
from ..store import SearchHit
from .highlight import Mark, annotation_marks, finding_marks, target_mark
from .library import Library, StoryFilter, StoryRow, StoryView

__all__ = [
    "ArticlePage",
    "Column",
    "SideBySide",
    "StoryList",
    "article_page",
    "default_selection",
    "list_stories",
    "parse_day",
    "pick_articles",
    "side_by_side",
]

#: Most articles a side-by-side view shows at once.
MAX_COLUMNS = 6


def parse_day(name: str, value: str | None) -> date | None:
    """A ``YYYY-MM-DD`` query parameter; empty means unset; anything else is a ConfigError (400)."""
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ConfigError(f"{name}={value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-03-04") from None


@dataclass(frozen=True, slots=True)
class StoryList:
    """The stories kept by a filter (and search), newest first, and the search hits themselves."""

    rows: tuple[StoryRow, ...]
    total: int  # stories kept before the limit
    hits: tuple[SearchHit, ...] | None  # None when there was no search
    story_of: dict[str, str]  # article id -> story id, for the hits


def list_stories(
    library: Library,
    *,
    query: str = "",
    raw: bool = False,
    since: str | None = None,
    until: str | None = None,
    outlet: str = "",
    entity: str = "",
    limit: int = 100,
    hits_limit: int = 50,
) -> StoryList:
    hits: tuple[SearchHit, ...] | None = None
    wanted: frozenset[str] | None = None
    if query.strip():
        hits = tuple(library.search(query, raw=raw, limit=hits_limit))
        wanted = frozenset(h.id for h in hits)
    keep = StoryFilter(
        since=parse_day("since", since),
        until=parse_day("until", until),
        outlet=outlet.strip() or None,
        entity=entity.strip() or None,
        articles=wanted,
    )
    rows = [r for r in library.stories() if keep.keeps(r)]
    story_of: dict[str, str] = {}
    if hits:
        ids = {h.id for h in hits}
        for r in library.stories():
            for a in r.articles:
                if a in ids:
                    story_of[a] = r.id
    return StoryList(tuple(rows[:limit]), len(rows), hits, story_of)


@dataclass(frozen=True, slots=True)
class Column:
    """One article of a side-by-side view with every span to highlight in it."""

    article: Article
    marks: tuple[Mark, ...]


@dataclass(frozen=True, slots=True)
class SideBySide:
    view: StoryView
    columns: tuple[Column, ...]


#: Articles a finding's "side by side" link opens.
LINK_COLUMNS = 3


def pick_articles(finding: Finding, limit: int = LINK_COLUMNS) -> list[str]:
    """Articles that show a finding best side by side.

    For a conflict: the first article giving each of the disagreeing figures (or quotes), so the
    two sides stand next to each other; otherwise the first ``limit`` articles of the evidence.
    """
    if finding.kind == "conflict":
        sides: dict[object, str] = {}
        for e in finding.evidence:
            side = (e.get("source"), e.get("value"), e.get("speaker"))
            sides.setdefault(side, e.article)
        ids = list(dict.fromkeys(sides.values()))
        if len(ids) >= 2:
            return ids[:limit]
    return list(finding.articles)[:limit]


def default_selection(view: StoryView) -> list[str]:
    """Articles to put side by side when none are chosen: the first conflict's sides, else the first two."""
    for kind in ("conflict", "update", "reuse"):
        for finding in view.comparison.by_kind(kind):
            ids = pick_articles(finding)
            if len(ids) >= 2:
                return ids
    return [a.id for a in view.articles[:2]]


def side_by_side(library: Library, story_id: str, chosen: Sequence[str]) -> SideBySide:
    """Columns for ``chosen`` articles of the story (the default pick when empty)."""
    view = library.story(story_id)
    ids = list(dict.fromkeys(chosen)) or default_selection(view)
    if len(ids) > MAX_COLUMNS:
        raise ConfigError(f"{len(ids)} articles chosen; the side-by-side view shows at most {MAX_COLUMNS}")
    columns = []
    for article_id in ids:
        article = view.article(article_id)
        if article is None:
            raise NotFoundError(
                f"no article {article_id!r} in the story {story_id!r}; pick articles from the story page"
            )
        marks = annotation_marks(article) + finding_marks(view.comparison, article.id)
        columns.append(Column(article, tuple(marks)))
    return SideBySide(view, tuple(columns))


@dataclass(frozen=True, slots=True)
class ArticlePage:
    article: Article
    story: str
    row: StoryRow | None
    marks: tuple[Mark, ...]


def article_page(library: Library, article_id: str, *, at: str | None = None) -> ArticlePage:
    """The article, its story and the spans to highlight (annotations, findings, the followed evidence)."""
    article = library.article(article_id)
    story = library.story_of(article)
    marks = annotation_marks(article)
    row: StoryRow | None = None
    try:
        view = library.story(story)
    except NotFoundError:  # written after the index was read: show it without findings
        pass
    else:
        row = view.row
        shown = view.article(article.id)
        if shown is not None and shown.content_hash == article.content_hash:
            marks += finding_marks(view.comparison, article.id)
    target = target_mark(article, at)
    if target is not None:
        marks.append(target)
    return ArticlePage(article, story, row, tuple(marks))
