"""The JSON API under /api/: the pages' data, ``{"ok": true, ...}`` on success.

Errors have one shape, ``{"ok": false, "error": "...", "status": N}`` (see :mod:`.errors`).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from ..store import SearchHit
from .library import Library
from .views import article_page, list_stories, side_by_side

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["api"])

_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"description": f"error: {{ok: false, error, status: {code}}}"} for code in (400, 404, 422, 500)
}


def _library(request: Request) -> Library:
    library: Library = request.app.state.library
    return library


def _hit(hit: SearchHit, story: str | None) -> dict[str, Any]:
    return {
        "id": hit.id,
        "title": hit.title,
        "outlet": hit.outlet,
        "published": hit.published,
        "snippet": hit.snippet,
        "score": hit.score,
        "story": story,
    }


@router.get("/stories", responses=_ERRORS, summary="Stories, newest first, filtered and searched")
def api_stories(
    request: Request,
    q: Annotated[str, Query(description="full-text search: plain words, or FTS5 syntax with raw=true")] = "",
    raw: bool = False,
    since: Annotated[str, Query(description="YYYY-MM-DD: stories with an article on or after it")] = "",
    until: Annotated[str, Query(description="YYYY-MM-DD: stories with an article on or before it")] = "",
    outlet: Annotated[str, Query(description="stories with an article from this outlet")] = "",
    entity: Annotated[str, Query(description="stories naming an entity containing this text")] = "",
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict[str, Any]:
    found = list_stories(
        _library(request), query=q, raw=raw, since=since, until=until, outlet=outlet, entity=entity, limit=limit
    )
    return {
        "ok": True,
        "total": found.total,
        "stories": [r.to_dict() for r in found.rows],
        "hits": None if found.hits is None else [_hit(h, found.story_of.get(h.id)) for h in found.hits],
    }


@router.get("/stories/{story_id}", responses=_ERRORS, summary="One story and its comparison")
def api_story(request: Request, story_id: str) -> dict[str, Any]:
    view = _library(request).story(story_id)
    return {"ok": True, "story": view.row.to_dict(), "comparison": view.comparison.to_dict()}


@router.get("/stories/{story_id}/compare", responses=_ERRORS, summary="Articles of a story side by side")
def api_compare(
    request: Request,
    story_id: str,
    a: Annotated[list[str] | None, Query(description="article ids (two or more); default: the first conflict")] = None,
) -> dict[str, Any]:
    sbs = side_by_side(_library(request), story_id, a or [])
    return {
        "ok": True,
        "story": sbs.view.row.id,
        "articles": [
            {
                "id": c.article.id,
                "outlet": c.article.outlet,
                "title": c.article.title,
                "published": c.article.published,
                "marks": [{"start": m.start, "end": m.end, "layer": m.layer, "label": m.label} for m in c.marks],
            }
            for c in sbs.columns
        ],
    }


@router.get("/articles/{article_id:path}", responses=_ERRORS, summary="One article with its annotations")
def api_article(request: Request, article_id: str) -> dict[str, Any]:
    page = article_page(_library(request), article_id)
    return {"ok": True, "story": page.story, "article": page.article.to_dict()}


@router.get("/search", responses=_ERRORS, summary="Full-text search of the articles")
def api_search(
    request: Request,
    q: Annotated[str, Query(description="plain words (never an error), or FTS5 syntax with raw=true")],
    raw: bool = False,
    limit: Annotated[int, Query(ge=1, le=500)] = 20,
) -> dict[str, Any]:
    library = _library(request)
    hits = library.search(q, raw=raw, limit=limit)
    story_of = {a: r.id for r in library.stories() for a in r.articles}
    return {"ok": True, "query": q, "hits": [_hit(h, story_of.get(h.id)) for h in hits]}
