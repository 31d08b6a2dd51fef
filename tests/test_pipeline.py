"""Pipeline: stage order is checked when built; stages run in order and are recorded."""

from __future__ import annotations

import pytest

from parallax.errors import PipelineError
from parallax.model import Article, Span
from parallax.pipeline import FunctionStage, Pipeline


def _sentences(article: Article) -> Article:
    return article.replace(sentences=(Span(0, len(article.text)),))


def _count(article: Article) -> Article:
    return article.replace(notes=article.notes + (f"{len(article.sentences)} sentences",))


SENT = FunctionStage("sentences", _sentences, requires=("text",), provides=("sentences",))
COUNT = FunctionStage("count", _count, requires=("sentences",), provides=("count",))


def test_pipeline_runs_stages_in_order_and_records_them():
    out = Pipeline([SENT, COUNT])(Article(id="a", text="One sentence."))
    assert out.sentences == (Span(0, 13),)
    assert out.notes == ("1 sentences",)
    assert out.annotated == ("sentences", "count")


def test_pipeline_missing_requirement_fails_when_built_naming_stage_and_requirement():
    with pytest.raises(PipelineError, match=r"'count' requires sentences"):
        Pipeline([COUNT, SENT])


def test_pipeline_duplicate_stage_names_are_rejected():
    with pytest.raises(PipelineError, match="twice"):
        Pipeline([SENT, SENT])


def test_pipeline_stage_returning_wrong_type_is_named():
    bad = FunctionStage("bad", lambda a: None)  # type: ignore[arg-type,return-value]
    with pytest.raises(PipelineError, match="'bad' returned NoneType"):
        Pipeline([bad])(Article(id="a", text="x"))


def test_pipeline_without_rechecks_requirements():
    with pytest.raises(PipelineError, match="requires sentences"):
        Pipeline([SENT, COUNT]).without(["sentences"])
    assert Pipeline([SENT, COUNT]).without(["count"]).names == ("sentences",)


def test_pipeline_rejects_objects_that_are_not_stages():
    with pytest.raises(PipelineError, match="not a stage"):
        Pipeline([lambda a: a])  # type: ignore[list-item]
