"""The local web app: browse the stories of a store and read their comparison side by side.

``parallax serve`` runs :func:`create_app` under uvicorn on 127.0.0.1. Pages are rendered on
the server with Jinja2 (autoescaped), styled by one static CSS file, and need no script and
no network; the JSON API under ``/api/`` mirrors them. See docs/web.md.

FastAPI, Jinja2 and uvicorn are the ``web`` extra: importing this package without them raises
:class:`~parallax.errors.MissingExtraError` with the ``pip install`` line.
"""

from __future__ import annotations

from ..errors import MissingExtraError

try:
    import fastapi as _fastapi  # noqa: F401
    import jinja2 as _jinja2  # noqa: F401
except ImportError as exc:  # pragma: no cover - depends on the install
    raise MissingExtraError("web", exc.name or "fastapi", "the web app (parallax serve)") from exc

from .app import create_app
from .library import Library, StoryRow, StoryView

__all__ = ["Library", "StoryRow", "StoryView", "create_app"]
