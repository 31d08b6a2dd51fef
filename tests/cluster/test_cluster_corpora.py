"""The seed pair is one story; the demo corpus splits into the stories written into it."""

from __future__ import annotations

from pathlib import Path

import pytest

from parallax.clean import clean
from parallax.cluster import StoryClusterer
from parallax.model import Article, RawDocument
from parallax.samples import DEMO_EXPECTATIONS, demo_paths

#: An unrelated article of our own, so the seed test is not won by default.
_DISTRACTOR = Article(
    id="distractor",
    title="Harbour authority in Velt opens a second container terminal",
    text="The harbour authority of Velt opened its second container terminal on Wednesday, doubling the "
    "port's capacity. Cranes from the old quay were moved to the new berth, and the authority said shipping "
    "lines from three continents had booked slots for the summer.",
    outlet="Velt Shipping News",
    published="2025-03-12",
)


@pytest.mark.shared
def test_corpora_seed_pair_is_one_story(seeds_dir: Path) -> None:
    first, second = sorted(seeds_dir.glob("*.txt"))
    mt = clean(RawDocument(source=str(first), format="text", text=first.read_text(encoding="utf-8"),
                           id="moscow-times", outlet="The Moscow Times", published="2025-03-11"))  # fmt: skip
    troib = clean(RawDocument(source=str(second), format="text", text=second.read_text(encoding="utf-8"),
                              id="troib", outlet="TROIB News", published="2025-03-13"))  # fmt: skip
    labels = StoryClusterer().fit_predict([mt, _DISTRACTOR, troib])
    assert labels[0] == labels[2]
    assert labels[1] != labels[0]


def test_corpora_demo_stories_come_out_exactly_as_written() -> None:
    from parallax.api import analyze

    articles = [item for item in analyze(demo_paths()) if isinstance(item, Article)]
    labels = StoryClusterer().fit_predict(articles)
    predicted: dict[str, set[str]] = {}
    for article, label in zip(articles, labels):
        predicted.setdefault(label, set()).add(article.id)
    expected = [set(story["articles"]) for story in DEMO_EXPECTATIONS["stories"].values()]
    assert sorted(map(sorted, predicted.values())) == sorted(map(sorted, expected))
