"""Errors at the web edge: one JSON shape for the API, the same message on an HTML page for people.

Every error under ``/api/`` (and the OpenAPI schema) is ``{"ok": false, "error": "...",
"status": N}`` with status N: unknown routes and ids (404), bad search syntax and bad
parameters (400), request validation (422), anything unexpected (500, logged with its
traceback; the body names only the exception type). Elsewhere the same status comes with an
HTML page showing the same message.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import ConfigError, NotFoundError, ParallaxError, QueryError, SchemaError, StoreError

__all__ = ["error_body", "install_error_handlers", "status_of"]

log = logging.getLogger("parallax.web")

_REASONS = {400: "Bad request", 404: "Not found", 405: "Method not allowed", 422: "Invalid parameters",
            500: "Server error", 503: "Store unavailable"}


def status_of(exc: ParallaxError) -> int:
    """The HTTP status of a Parallax error."""
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, (QueryError, ConfigError)):
        return 400
    if isinstance(exc, StoreError):
        return 503
    if isinstance(exc, SchemaError):
        return 500
    return 500


def error_body(message: str, status: int) -> dict[str, Any]:
    return {"ok": False, "error": message, "status": status}


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path == "/api" or path.startswith("/api/")


def _respond(request: Request, message: str, status: int, headers: dict[str, str] | None = None) -> Response:
    if _wants_json(request):
        return JSONResponse(error_body(message, status), status_code=status, headers=headers)
    templates = request.app.state.templates
    return templates.TemplateResponse(
        request,
        "error.html",
        {"status": status, "reason": _REASONS.get(status, "Error"), "message": message},
        status_code=status,
        headers=headers,
    )


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body"))
        got = err.get("input")
        shown = f" (got {got!r})" if isinstance(got, (str, int, float)) else ""
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}{shown}")
    return "invalid parameters: " + "; ".join(parts) + "; see /api/openapi.json for what each route accepts"


def install_error_handlers(app: FastAPI) -> None:
    """Route every error of ``app`` through one shape."""

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        status = exc.status_code
        if status == 404 and exc.detail in (None, "Not Found"):
            message = f"no page at {request.url.path}; the story list is at /, the API at /api/stories"
        else:
            message = str(exc.detail)
        return _respond(request, message, status, getattr(exc, "headers", None))

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return _respond(request, _validation_message(exc), 422)

    async def on_parallax(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ParallaxError)
        status = status_of(exc)
        if status >= 500:
            log.error("%s %s failed: %s", request.method, request.url.path, exc, exc_info=exc)
        return _respond(request, str(exc), status)

    async def on_unexpected(request: Request, exc: Exception) -> Response:
        log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
        message = f"internal error ({type(exc).__name__}) while serving {request.url.path}; the server log has the details"
        return _respond(request, message, 500)

    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(ParallaxError, on_parallax)
    app.add_exception_handler(Exception, on_unexpected)
