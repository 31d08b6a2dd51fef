"""The HTML pages: stories, story, side by side, article. Thin: views compute, templates show."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from ..compare import FINDING_KINDS
from ..render.markdown import HEADINGS
from .highlight import LAYERS, highlight
from .library import Library
from .views import MAX_COLUMNS, article_page, list_stories, pick_articles, side_by_side

__all__ = ["router"]

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

#: Finding kinds whose section starts folded when it holds more findings than this.
FOLD_AFTER = 12


def _library(request: Request) -> Library:
    library: Library = request.app.state.library
    return library


def _page(request: Request, template: str, context: dict[str, object]) -> HTMLResponse:
    templates = request.app.state.templates
    response: HTMLResponse = templates.TemplateResponse(request, template, context)
    return response


@router.get("/")
def stories_page(
    request: Request,
    q: str = "",
    raw: bool = False,
    since: str = "",
    until: str = "",
    outlet: str = "",
    entity: str = "",
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> HTMLResponse:
    library = _library(request)
    found = list_stories(
        library, query=q, raw=raw, since=since, until=until, outlet=outlet, entity=entity, limit=limit
    )
    return _page(
        request,
        "stories.html",
        {
            "found": found,
            "form": {"q": q, "raw": raw, "since": since, "until": until, "outlet": outlet, "entity": entity},
            "outlets": library.outlets(),
            "entities": sorted({e for r in library.stories() for e in r.top_entities}, key=str.casefold),
        },
    )


@router.get("/stories/{story_id}")
def story_page(request: Request, story_id: str) -> HTMLResponse:
    view = _library(request).story(story_id)
    groups = [(kind, HEADINGS[kind], view.comparison.by_kind(kind)) for kind in FINDING_KINDS]
    return _page(
        request,
        "story.html",
        {
            "view": view,
            "groups": groups,
            "fold_after": FOLD_AFTER,
            "max_columns": MAX_COLUMNS,
            "pick_articles": pick_articles,
        },
    )


@router.get("/stories/{story_id}/compare")
def compare_page(
    request: Request, story_id: str, a: Annotated[list[str] | None, Query()] = None
) -> HTMLResponse:
    sbs = side_by_side(_library(request), story_id, a or [])
    columns = [(c.article, highlight(c.article.text, c.marks)) for c in sbs.columns]
    chosen = {c.article.id for c in sbs.columns}
    return _page(
        request,
        "compare.html",
        {"view": sbs.view, "columns": columns, "chosen": chosen, "layers": LAYERS, "max_columns": MAX_COLUMNS},
    )


@router.get("/articles/{article_id:path}")
def article_page_route(request: Request, article_id: str, at: str = "") -> HTMLResponse:
    page = article_page(_library(request), article_id, at=at or None)
    return _page(
        request,
        "article.html",
        {"page": page, "a": page.article, "body": highlight(page.article.text, page.marks), "layers": LAYERS},
    )
