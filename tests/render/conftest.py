"""A small compared story for the renderer tests, written for them."""

from __future__ import annotations

import pytest

from parallax.annotate import default_pipeline
from parallax.compare import compare
from parallax.model import Article


@pytest.fixture(scope="session")
def story():
    pipeline = default_pipeline()

    def make(id: str, outlet: str, published: str, text: str, title: str) -> Article:
        return pipeline(Article(id=id, text=text, outlet=outlet, published=published, title=title, language="en"))

    articles = [
        make("a", "Northwind Post", "2024-05-01",
             "Floods swept through Marlow county on Monday. The Riverside Aid Network said the floods had killed at "
             "least 40 people in Marlow county. The dam reportedly failed after days of heavy rain.",
             "Floods kill 40 in Marlow <county>"),
        make("b", "Capital Wire", "2024-05-03",
             "At least 65 people have died in the Marlow floods, the Riverside Aid Network said on Friday. "
             "The dam failed after days of heavy rain. An audit found 3,400 sandbags were never delivered.",
             "Marlow toll rises to 65"),
    ]
    return articles, compare(articles, story="marlow-floods")
