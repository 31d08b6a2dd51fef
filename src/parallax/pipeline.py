"""The annotation pipeline: ordered, named stages, each ``Article -> Article``.

A stage declares what it ``requires`` and what it ``provides``; :class:`Pipeline`
checks when it is built that every requirement is provided by an earlier stage (or
by cleaning, which provides ``text`` and the metadata), not halfway through a corpus.
A model-backed stage plugs in by satisfying the same :class:`Stage` protocol.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Protocol, Sequence, runtime_checkable

from .errors import PipelineError
from .model import Article

#: What a cleaned article always carries before any stage runs.
BASE_PROVIDES = frozenset({"text", "title", "outlet", "published", "byline", "language"})


@runtime_checkable
class Stage(Protocol):
    """One annotation step. ``__call__`` returns a new article (records are frozen)."""

    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def __call__(self, article: Article) -> Article: ...


@dataclass(frozen=True, slots=True)
class FunctionStage:
    """A stage made from a plain function: ``FunctionStage("frames", fn, requires=..., provides=...)``."""

    name: str
    fn: Callable[[Article], Article]
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ()

    def __call__(self, article: Article) -> Article:
        return self.fn(article)


class Pipeline:
    """An ordered list of stages, checked when built.

    >>> Pipeline([])(article) is article
    True
    """

    def __init__(self, stages: Iterable[Stage]) -> None:
        self.stages: tuple[Stage, ...] = tuple(stages)
        available = set(BASE_PROVIDES)
        seen: set[str] = set()
        for stage in self.stages:
            if not isinstance(stage, Stage):
                raise PipelineError(f"{stage!r} is not a stage: it needs name, requires, provides and __call__")
            if stage.name in seen:
                raise PipelineError(f"stage {stage.name!r} appears twice in the pipeline")
            seen.add(stage.name)
            missing = [r for r in stage.requires if r not in available]
            if missing:
                raise PipelineError(
                    f"stage {stage.name!r} requires {', '.join(missing)}, which no earlier stage provides; "
                    f"put the stage that provides it first (available so far: {', '.join(sorted(available))})"
                )
            available.update(stage.provides)
        self.provides = frozenset(available)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.stages)

    def without(self, names: Sequence[str]) -> "Pipeline":
        """A pipeline without the named stages (checked again)."""
        unknown = set(names) - set(self.names)
        if unknown:
            raise PipelineError(f"no stage named {', '.join(sorted(unknown))}; stages: {', '.join(self.names)}")
        return Pipeline(s for s in self.stages if s.name not in names)

    def __call__(self, article: Article) -> Article:
        for stage in self.stages:
            result = stage(article)
            if not isinstance(result, Article):
                raise PipelineError(f"stage {stage.name!r} returned {type(result).__name__}, not an Article")
            if stage.name not in result.annotated:
                result = result.replace(annotated=result.annotated + (stage.name,))
            article = result
        return article

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            yield self(article)

    def __repr__(self) -> str:
        return f"Pipeline({list(self.names)})"
