"""Story clustering scored against the Giveme5W1H news-cluster gold (BCubed and pairwise).

Run as ``python -m parallax.evaluation.cluster [--data FILE] [--path raw|annotated|both] [--json]``.

The data set (``news_cluster-articles.jsonl.gz``, Hamborg et al.) has 383 articles from 94
outlets in 69 gold events (``event_id``). Each record becomes an :class:`Article` through our
cleaner (``title``, ``text``, ``date_publish`` as ``published``, ``source_domain`` as
``outlet``); a record whose text is all page furniture is kept as its headline alone, so
every gold article is scored. Articles are clustered in ``date_publish`` order, on two paths:

* ``raw``: cleaned articles only (``parallax cluster --no-annotate``, the Python API on bare articles);
* ``annotated``: the sentence and entity stages ran first, as on the paths users run
  (``parallax cluster``, ``parallax ingest``; ingest's full pipeline gives the same entities).

On each path three runs are scored, each clustered on its own:

* ``tune``: events with an even ``event_id`` -- the only half parameters were tuned on;
* ``heldout``: events with an odd ``event_id`` -- never looked at while tuning;
* ``all``: every article.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..clean import clean
from ..cluster.metrics import bcubed, pairwise
from ..cluster.online import StoryClusterer
from ..errors import InputError
from ..model import Article, RawDocument

DEFAULT_DATA = (
    Path(__file__).resolve().parents[3]
    / ".."
    / "shared"
    / "data"
    / "giveme5w1h"
    / "news_cluster-articles.jsonl.gz"
)
SPLITS = ("tune", "heldout", "all")


@dataclass(frozen=True, slots=True)
class GoldArticle:
    article: Article
    event: int


@dataclass(frozen=True, slots=True)
class ClusterScore:
    """Scores of one run."""

    split: str
    articles: int
    gold_events: int
    stories: int
    bcubed_p: float
    bcubed_r: float
    bcubed_f1: float
    pairwise_p: float
    pairwise_r: float
    pairwise_f1: float
    seconds: float
    path: str = "raw"


def read_records(path: Path) -> Iterator[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def load(path: Path = DEFAULT_DATA, *, annotate: bool = False) -> list[GoldArticle]:
    """The data set as cleaned articles with gold events, in ``date_publish`` order; ``annotate`` runs
    the stages clustering reads (sentences, entities) first, as ``parallax cluster`` does."""
    if not path.is_file():
        raise FileNotFoundError(
            f"{path}: cluster gold not found; pass --data FILE (news_cluster-articles.jsonl.gz)"
        )
    pipeline = None
    if annotate:
        from ..api import clustering_pipeline

        pipeline = clustering_pipeline()
    out: list[GoldArticle] = []
    for n, rec in enumerate(read_records(path), 1):
        raw = RawDocument(
            source=str(path),
            format="jsonl",
            record=f"line {n}",
            text=rec.get("text") or "",
            id=str(rec.get("doc_id") or n),
            url=rec.get("url"),
            outlet=rec.get("source_domain"),
            published=rec.get("date_publish"),
            title=rec.get("title"),
            language="en",
        )
        try:
            article = clean(raw)
        except InputError:
            if not raw.title:
                continue
            article = _headline_only(raw)
        if pipeline is not None:
            article = pipeline(article)
        out.append(GoldArticle(article, int(rec["event_id"])))
    out.sort(key=lambda g: (g.article.published or "", g.article.id))
    return out


def _headline_only(raw: RawDocument) -> Article:
    """The record as a headline with no body: cleaning found only page furniture in its text (a
    paywall, a video player), but the headline is still the article's, and the gold counts it."""
    return Article(id=raw.id or "", text="", title=raw.title, outlet=raw.outlet, url=raw.url,
                   published=raw.published, language=raw.language, source=raw.source)  # fmt: skip


def split(data: Sequence[GoldArticle], name: str) -> list[GoldArticle]:
    if name == "tune":
        return [g for g in data if g.event % 2 == 0]
    if name == "heldout":
        return [g for g in data if g.event % 2 == 1]
    if name == "all":
        return list(data)
    raise ValueError(f"unknown split {name!r}; expected one of {SPLITS}")


def score(
    name: str, data: Sequence[GoldArticle], pred: Sequence[str], seconds: float, path: str = "raw"
) -> ClusterScore:
    gold = [g.event for g in data]
    bp, br, bf = bcubed(pred, gold)
    pp, pr, pf = pairwise(pred, gold)
    counts = (len(data), len(set(gold)), len(set(pred)))
    return ClusterScore(name, *counts, bp, br, bf, pp, pr, pf, seconds, path)


def run(
    data: Sequence[GoldArticle],
    make: Callable[[], StoryClusterer] = StoryClusterer,
    splits: Sequence[str] = SPLITS,
    path: str = "raw",
) -> list[ClusterScore]:
    """Cluster each split with a fresh clusterer from ``make`` and score it (``path`` labels the scores)."""
    scores = []
    for name in splits:
        part = split(data, name)
        start = time.perf_counter()
        pred = make().fit_predict([g.article for g in part])
        scores.append(score(name, part, pred, time.perf_counter() - start, path))
    return scores


PATHS = ("raw", "annotated")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m parallax.evaluation.cluster", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="news_cluster-articles.jsonl.gz")
    parser.add_argument(
        "--path",
        choices=[*PATHS, "both"],
        default="both",
        help="raw articles, annotated ones (sentence and entity stages first, as parallax cluster "
        "and ingest run), or both",
    )
    parser.add_argument("--annotate", action="store_true", help="the same as --path annotated")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    paths = ["annotated"] if args.annotate else list(PATHS) if args.path == "both" else [args.path]
    scores: list[ClusterScore] = []
    for path in paths:
        try:
            data = load(args.data, annotate=path == "annotated")
        except FileNotFoundError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        scores += run(data, path=path)
    if args.json:
        print(json.dumps([asdict(s) for s in scores], indent=2))
        return 0
    print(f"{'path':9} {'split':8} {'n':>4} {'gold':>4} {'pred':>4}  {'B3 P':>5} {'B3 R':>5} {'B3 F1':>5}  "
          f"{'pw P':>5} {'pw R':>5} {'pw F1':>5}  {'sec':>5}")  # fmt: skip
    for s in scores:
        print(
            f"{s.path:9} {s.split:8} {s.articles:4d} {s.gold_events:4d} {s.stories:4d}  {s.bcubed_p:5.3f} "
            f"{s.bcubed_r:5.3f} {s.bcubed_f1:5.3f}  {s.pairwise_p:5.3f} {s.pairwise_r:5.3f} "
            f"{s.pairwise_f1:5.3f}  "
            f"{s.seconds:5.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
