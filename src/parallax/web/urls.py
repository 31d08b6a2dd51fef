"""Every URL of the web app, built in one place (templates and routes call these, never paste paths)."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import quote, urlencode

__all__ = ["article_url", "compare_url", "stories_url", "story_url"]


def _seg(value: str) -> str:
    return quote(value, safe="")


def stories_url(**params: str) -> str:
    kept = {k: v for k, v in params.items() if v}
    return "/" + (f"?{urlencode(kept)}" if kept else "")


def story_url(story: str, *, api: bool = False) -> str:
    return f"{'/api' if api else ''}/stories/{_seg(story)}"


def compare_url(story: str, articles: Iterable[str] = (), *, api: bool = False) -> str:
    query = urlencode([("a", a) for a in articles])
    return f"{story_url(story, api=api)}/compare" + (f"?{query}" if query else "")


def article_url(article: str, *, at: tuple[int, int] | None = None, api: bool = False) -> str:
    # Article ids may hold slashes (ids taken from URLs): the route takes the rest of the path.
    url = f"{'/api' if api else ''}/articles/{quote(article, safe='/')}"
    if at is not None and not api:
        url += f"?at={at[0]}-{at[1]}#hl"
    return url
