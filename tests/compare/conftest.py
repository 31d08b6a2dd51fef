"""Helpers for comparison tests: small hand-written articles run through the annotation pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from parallax.annotate import default_pipeline
from parallax.model import Article

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


@pytest.fixture(scope="session")
def annotate():
    pipeline = default_pipeline()

    def make(id: str, outlet: str, published: str, text: str, *, title: str | None = None,
             byline: str | None = None) -> Article:
        return pipeline(Article(id=id, text=text, outlet=outlet, published=published, title=title, byline=byline,
                                language="en"))

    return make
