"""JSON view of a comparison: the ``parallax compare --format json`` contract (DESIGN.md)."""

from __future__ import annotations

import json

from ..compare.model import Comparison


def render_json(comparison: Comparison, *, indent: int | None = 2) -> str:
    """The comparison as JSON text (UTF-8 characters kept as they are)."""
    return json.dumps(comparison.to_dict(), ensure_ascii=False, indent=indent) + "\n"
