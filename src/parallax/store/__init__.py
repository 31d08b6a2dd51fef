"""The durable SQLite store: batched, idempotent, revisioned, searchable (see :mod:`.db`)."""

from __future__ import annotations

from .db import Store
from .records import AddReport, SearchHit

__all__ = ["AddReport", "SearchHit", "Store"]
