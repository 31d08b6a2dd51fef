"""Annotation stages, each ``Article -> Article``, and the default pipeline.

Default order: sentences → dates → entities → quotes → claims → frames. Each stage is
rule- and lexicon-based (no model downloads) and sits behind the :class:`~parallax.pipeline.Stage`
protocol, so a model-backed stage can replace it: ``default_pipeline().without(["quotes"])``
then insert your own.
"""

from __future__ import annotations

from ..pipeline import Pipeline
from .claims import ClaimStage
from .dates import DateStage
from .entities import EntityStage
from .frames import FrameStage
from .quotes import QuoteStage
from .sentences import SentenceStage

STAGE_NAMES = ("sentences", "dates", "entities", "quotes", "claims", "frames")


def default_stages() -> list:
    return [SentenceStage(), DateStage(), EntityStage(), QuoteStage(), ClaimStage(), FrameStage()]


def default_pipeline() -> Pipeline:
    """The rule-based pipeline Parallax runs unless told otherwise."""
    return Pipeline(default_stages())


__all__ = [
    "ClaimStage",
    "DateStage",
    "EntityStage",
    "FrameStage",
    "QuoteStage",
    "SentenceStage",
    "STAGE_NAMES",
    "default_pipeline",
    "default_stages",
]
