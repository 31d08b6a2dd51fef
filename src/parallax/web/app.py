"""The app factory: ``create_app(db)`` returns the FastAPI application ``parallax serve`` runs.

>>> app = create_app("news.db")              # StoreError now if news.db is not a store
>>> uvicorn.run(app, host="127.0.0.1", port=8000)

Nothing the pages load comes from another machine: one stylesheet under /static/, inline SVG
charts, no script. The interactive API docs FastAPI would load from a CDN are switched off;
the OpenAPI schema is served at /api/openapi.json. Every response carries a strict
Content-Security-Policy (no script at all, styles and images from this server only), so even
markup that slipped past escaping could not run.
"""

from __future__ import annotations

import os
from pathlib import Path

import jinja2
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..config import Settings
from . import jsonapi, pages
from .errors import install_error_handlers
from .library import Library
from .urls import article_url, compare_url, stories_url, story_url

__all__ = ["SECURITY_HEADERS", "create_app"]

_HERE = Path(__file__).resolve().parent

#: Headers added to every response.
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (
        b"content-security-policy",
        (
            b"default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
            b"base-uri 'none'; frame-ancestors 'none'"
        ),
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)


class _SecurityHeaders:
    """A pure ASGI middleware (no per-request task) adding :data:`SECURITY_HEADERS`."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + list(SECURITY_HEADERS)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(_HERE / "templates"),
        autoescape=True,  # every page: titles, outlets, bylines and bodies are hostile input
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        stories_url=stories_url,
        story_url=story_url,
        compare_url=compare_url,
        article_url=article_url,
        version=__version__,
    )
    return Jinja2Templates(env=env)


def create_app(db: str | os.PathLike[str], *, settings: Settings | None = None) -> FastAPI:
    """The web app over the store file ``db``, opened read-only per request.

    Raises :class:`~parallax.errors.StoreError` at once when ``db`` does not exist or is not a
    Parallax store, so ``parallax serve`` fails before it listens.
    """
    library = Library(db, settings=settings)
    app = FastAPI(
        title="Parallax",
        version=__version__,
        description="Browse the stories of a Parallax store and read their comparison. "
        'Every error is {"ok": false, "error": "...", "status": N}.',
        docs_url=None,  # the Swagger and ReDoc pages load scripts from a CDN: nothing leaves the machine
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.library = library
    app.state.templates = _templates()
    install_error_handlers(app)
    app.include_router(jsonapi.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=_HERE / "static"), name="static")
    app.add_middleware(_SecurityHeaders)
    return app
