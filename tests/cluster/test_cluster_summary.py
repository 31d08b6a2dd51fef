"""Story summaries: size, outlets, time span, top entities and a readable label."""

from __future__ import annotations

import pytest

from parallax.cluster import StoryClusterer, summarize_stories
from parallax.model import Entity, Span


def test_summary_lists_size_outlets_and_time_span_largest_first(corpus) -> None:
    articles = [a for a, _ in corpus]
    labels = StoryClusterer().fit_predict(articles)
    summaries = summarize_stories(articles, labels)
    assert [s.size for s in summaries] == [3, 2, 2]
    flood = summaries[0]
    assert set(flood.articles) == {"f1", "f2", "f3"}
    assert flood.outlets == ("Brindle Gazette", "Northern Ledger")  # two articles, then one
    assert flood.first == "2031-05-04T08:00:00+00:00" and flood.last == "2031-05-08T12:00:00+00:00"
    assert summaries[1].id == labels[1]  # chess starts before the bridge story: ties by time


def test_summary_label_uses_the_words_the_headlines_share(corpus) -> None:
    articles = [a for a, _ in corpus]
    summaries = summarize_stories(articles, StoryClusterer().fit_predict(articles))
    label = summaries[0].label
    assert "Brindlemoor" in label and "flood" in label.lower()
    assert "Tollan" in summaries[2].label
    assert label in {a.title for a in articles}  # a whole headline, which reads, not a bag of words


def test_summary_label_is_the_headline_sharing_most_words_shortened_at_a_word() -> None:
    from parallax.model import Article

    titles = [
        "Mayor opens new ferry terminal at Velt harbour",
        "Velt harbour ferry terminal opens after delays",
        "Crowds at the opening",
        "Velt harbour ferry terminal opens to crowds after years of delays, strikes, lawsuits, "
        "cost overruns and a change of contractor that nobody saw coming",
    ]
    arts = [Article(id=str(i), title=t, text="Body.") for i, t in enumerate(titles)]
    (summary,) = summarize_stories(arts, ["s"] * 4)
    assert summary.label == titles[1]
    (long_only,) = summarize_stories(arts[3:], ["s"])
    assert long_only.label.endswith("…") and len(long_only.label) <= 90
    assert long_only.label[:-1] == titles[3][: len(long_only.label) - 1]  # cut between words
    assert titles[3][len(long_only.label) - 1] in " ,"


def test_summary_top_entities_count_articles_that_name_them(corpus) -> None:
    a, b = corpus[0][0], corpus[2][0]
    mayor = Entity("Ottilie Varn", "person", mentions=(Span(0, 1), Span(2, 3)))
    river = Entity("Kessa", "place", mentions=(Span(0, 1),))
    a = a.replace(entities=(mayor, river))
    b = b.replace(entities=(mayor,))
    (summary,) = summarize_stories([a, b], ["s", "s"])
    assert summary.top_entities == ("Ottilie Varn", "Kessa")
    assert summary.to_dict()["top_entities"] == ["Ottilie Varn", "Kessa"]


def test_summary_of_an_untitled_undated_story_still_reads() -> None:
    from parallax.model import Article

    (summary,) = summarize_stories(
        [Article(id="x", text="Harbour crane collapses in Velt\n\nMore text.")], ["s"]
    )
    assert summary.first is None and summary.label.startswith("Harbour crane collapses")


def test_summary_needs_one_label_per_article(corpus) -> None:
    with pytest.raises(ValueError, match="one story id per article"):
        summarize_stories([corpus[0][0]], [])
