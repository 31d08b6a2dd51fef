"""Parallax: triangulate the news.

Read articles about the same events from many outlets and compare them claim by claim.
The public API is the names below; everything else is internal and may change.
"""


import logging as _logging

from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any

from .config import Settings
from .errors import (
    ConfigError,
    InputError,
    MissingExtraError,
    NotFoundError,
    ParallaxError,
    PipelineError,
    QueryError,
    SchemaError,
    StoreError,
)
from .model import (
    Article,
    Claim,
    DateMention,
    Entity,
    Frame,
    IngestFailure,
    Quote,
    RawDocument,
    Removed,
    Span,
)
from .pipeline import Pipeline, Stage

if _TYPE_CHECKING:  # pragma: no cover
    from .api import IngestReport, analyze, cluster, compare, ingest, open_store, search, stories, story_articles
    from .cluster import StoryClusterer
    from .store import Store

# The verbs and the store pull in the readers, cleaners, annotators and SQLite: load them
# on first use, so that ``import parallax.model`` (worker processes, tools) stays light.
_LAZY = {
    "IngestReport": "api",
    "analyze": "api",
    "cluster": "api",
    "compare": "api",
    "ingest": "api",
    "open_store": "api",
    "search": "api",
    "stories": "api",
    "story_articles": "api",
    "Store": "store",
    "StoryClusterer": "cluster",
}


def __getattr__(name: str) -> _Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'parallax' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))

__version__ = "0.1.0"

# A library never configures the caller's logging.
_logging.getLogger(__name__).addHandler(_logging.NullHandler())

__all__ = [
    "Article",
    "Claim",
    "ConfigError",
    "DateMention",
    "Entity",
    "Frame",
    "IngestFailure",
    "IngestReport",
    "InputError",
    "MissingExtraError",
    "NotFoundError",
    "ParallaxError",
    "Pipeline",
    "PipelineError",
    "QueryError",
    "Quote",
    "RawDocument",
    "Removed",
    "SchemaError",
    "Settings",
    "Span",
    "Stage",
    "Store",
    "StoreError",
    "StoryClusterer",
    "__version__",
    "analyze",
    "cluster",
    "compare",
    "ingest",
    "open_store",
    "search",
    "stories",
    "story_articles",
]
