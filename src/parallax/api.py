"""The verbs of Parallax. The CLI and the web app call only these.

>>> import parallax
>>> for item in parallax.analyze(["corpus/"]):          # no database
...     print(item.id if isinstance(item, parallax.Article) else item)
>>> report = parallax.ingest(["corpus/"], db="news.db")  # stored, idempotent
>>> parallax.open_store("news.db").search("Peskov")
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import BinaryIO, Callable, Iterable, Iterator

from .annotate import default_pipeline
from .compare import CompareSettings, Comparison
from .compare import compare as _compare
from .backends import Backend, make_backend
from .clean import clean
from .cluster import StoryClusterer, StorySummary, summarize_stories
from .config import Settings
from .errors import InputError, NotFoundError
from .ingest import read_inputs
from .model import Article, IngestFailure, RawDocument
from .pipeline import Pipeline
from .store import AddReport, SearchHit, Store

PathLike = str | os.PathLike[str]
Item = Article | IngestFailure


@dataclass(frozen=True, slots=True)
class Processor:
    """Cleans and annotates one raw document; picklable, so a process pool can run it.

    Failures come back as :class:`IngestFailure` values instead of exceptions, so one
    bad article never stops a batch.
    """

    settings: Settings
    pipeline: Pipeline | None

    def __call__(self, raw: RawDocument) -> Item:
        try:
            article = clean(raw, self.settings)
        except InputError as exc:
            return IngestFailure(exc.source, exc.reason, exc.record)
        if self.pipeline is not None:
            try:
                article = self.pipeline(article)
            except Exception as exc:  # a stage bug must not lose the article: keep it unannotated
                note = f"annotation failed in the pipeline: {type(exc).__name__}: {exc}"
                article = article.replace(notes=article.notes + (note,))
        return article


def _process_item(processor: Processor, item: RawDocument | IngestFailure) -> Item:
    return item if isinstance(item, IngestFailure) else processor(item)


@dataclass(frozen=True, slots=True)
class _Step:
    processor: Processor

    def __call__(self, item: RawDocument | IngestFailure) -> Item:
        return _process_item(self.processor, item)


def analyze(
    paths: Iterable[PathLike],
    *,
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
    annotate: bool = True,
    stdin: BinaryIO | None = None,
    backend: Backend | None = None,
) -> Iterator[Item]:
    """Read, clean and annotate every article under ``paths``, without a database.

    Yields an :class:`Article` per article and an :class:`IngestFailure` per input that
    could not be read, in input order. ``annotate=False`` stops after cleaning.
    """
    settings = settings or Settings()
    if annotate and pipeline is None:
        pipeline = default_pipeline()
    processor = Processor(settings, pipeline if annotate else None)
    backend = backend or make_backend(settings.workers, settings.backend, settings.spark_master or None)
    raw = read_inputs(paths, settings, stdin=stdin)
    return backend.map(_Step(processor), raw)


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What one ingest run did: counts, and every input that failed."""

    db: str
    added: int = 0
    duplicates: int = 0
    revisions: int = 0
    failures: tuple[IngestFailure, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.failures

    @property
    def seen(self) -> int:
        return self.added + self.duplicates + self.revisions

    def summary(self) -> str:
        return (
            f"ingested {self.added}, duplicates {self.duplicates}, revisions {self.revisions}, "
            f"failed {len(self.failures)} (store: {self.db})"
        )


def ingest(
    paths: Iterable[PathLike],
    *,
    db: PathLike | Store | None = None,
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
    annotate: bool = True,
    stdin: BinaryIO | None = None,
    backend: Backend | None = None,
    on_item: Callable[[Item], None] | None = None,
) -> IngestReport:
    """Read, clean, annotate and store every article under ``paths``.

    Articles are written in batches of ``settings.batch_size``, one transaction each:
    an interrupted run keeps every committed batch, and running it again adds only
    what is missing (content hashes make re-ingest a no-op). ``on_item`` is called for
    every article or failure as it passes (progress bars, logging).
    """
    settings = settings or Settings()
    owns_store = not isinstance(db, Store)
    store = db if isinstance(db, Store) else Store(db if db is not None else settings.db, settings=settings)
    totals = AddReport()
    failures: list[IngestFailure] = []
    batch: list[Article] = []
    assigner = None
    try:
        if settings.assign_stories:
            from .cluster.stored import StoreAssigner

            assigner = StoreAssigner.open(store)

        def write(articles: list[Article]) -> AddReport:
            if assigner is not None:
                articles = assigner.label(articles, store)
            return store.add_batch(articles)

        try:
            for item in analyze(
                paths, settings=settings, pipeline=pipeline, annotate=annotate, stdin=stdin, backend=backend
            ):
                if isinstance(item, IngestFailure):
                    failures.append(item)
                else:
                    batch.append(item)
                    if len(batch) >= settings.batch_size:
                        totals = totals + write(batch)
                        batch = []
                if on_item is not None:
                    on_item(item)
            if batch:
                totals = totals + write(batch)
        finally:
            if assigner is not None:
                assigner.save(store)  # also after an interruption: the next run checks it against the store
    finally:
        if owns_store:
            store.close()
    return IngestReport(
        db=str(store.path),
        added=totals.added,
        duplicates=totals.duplicates,
        revisions=totals.revisions,
        failures=tuple(failures),
    )


def cluster(
    articles: Iterable[Article], *, clusterer: StoryClusterer | None = None
) -> list[tuple[str, str]]:
    """``(article id, story id)`` for every article, in the order given, clustered online in
    publication order (``parallax cluster``). Story ids are stable for a given input order.

    ``clusterer`` sets the parameters (default :class:`StoryClusterer()`); it is fitted afresh.
    """
    batch = list(articles)
    labels = (clusterer or StoryClusterer()).fit_predict(batch)
    return [(a.id, label) for a, label in zip(batch, labels)]


def clustering_pipeline() -> Pipeline:
    """The annotation stages clustering reads (sentences and entities): faster than the full pipeline."""
    from .annotate import EntityStage, SentenceStage

    return Pipeline([SentenceStage(), EntityStage()])


def stories(*, db: PathLike | Store | None = None) -> list[StorySummary]:
    """The stories of a store, largest first: size, outlets, time span, top entities and a label."""
    store = db if isinstance(db, Store) else open_store(db, readonly=True)
    try:
        members = [a for a in store.articles() if a.story]
    finally:
        if store is not db:
            store.close()
    return summarize_stories(members, [a.story or "" for a in members])


def open_store(db: PathLike | None = None, *, settings: Settings | None = None, readonly: bool = False) -> Store:
    """Open (creating and migrating if needed) the store at ``db`` (default ``./parallax.db``)."""
    settings = settings or Settings()
    return Store(db if db is not None else settings.db, settings=settings, readonly=readonly)


def search(query: str, *, db: PathLike | None = None, limit: int = 20, raw: bool = False) -> list[SearchHit]:
    """Full-text search of the store; plain words by default, FTS5 syntax with ``raw=True``."""
    with open_store(db, readonly=True) as store:
        return store.search(query, limit=limit, raw=raw)


def compare(
    articles: Iterable[Article], *, story: str | None = None, settings: CompareSettings | None = None
) -> Comparison:
    """Compare the annotated articles of one story across outlets.

    Findings: consensus, conflict, update, exclusive, reuse and frame, each with a one-line
    summary and evidence spans, plus a timeline. ``articles`` come from :func:`analyze`
    or a store; usable from a notebook::

        comparison = parallax.compare(a for a in parallax.analyze(["story/"]) if isinstance(a, parallax.Article))
        for finding in comparison.by_kind("conflict"):
            print(finding.summary)
    """
    return _compare(list(articles), story=story, settings=settings)


def story_articles(story: str, *, db: PathLike | Store | None = None) -> list[Article]:
    """The articles the store assigns to ``story``; :class:`NotFoundError` when there are none."""
    store = db if isinstance(db, Store) else open_store(db, readonly=True)
    try:
        found = list(store.articles(story=story))
    finally:
        if store is not db:
            store.close()
    if not found:
        raise NotFoundError(f"no story {story!r} in {store.path}; list them with: parallax stories --db {store.path}")
    return found
