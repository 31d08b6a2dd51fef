"""Story clustering scored against the Giveme5W1H news-cluster gold (BCubed and pairwise).

Run as ``python -m parallax.evaluation.cluster [--data FILE] [--annotate] [--json]``.

The data set (``news_cluster-articles.jsonl.gz``, Hamborg et al.) has 383 articles from 94
outlets in 69 gold events (``event_id``). Each record becomes an :class:`Article` through our
cleaner (``title``, ``text``, ``date_publish`` as ``published``, ``source_domain`` as
``outlet``); with ``--annotate`` the default annotation pipeline adds entities. Articles are
clustered in ``date_publish`` order.

Three runs are scored, each clustered on its own:

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


def read_records(path: Path) -> Iterator[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def load(path: Path = DEFAULT_DATA, *, annotate: bool = False) -> list[GoldArticle]:
    """The data set as cleaned (optionally annotated) articles with gold events, in ``date_publish`` order."""
    if not path.is_file():
        raise FileNotFoundError(
            f"{path}: cluster gold not found; pass --data FILE (news_cluster-articles.jsonl.gz)"
        )
    pipeline = None
    if annotate:
        from ..annotate import default_pipeline

        pipeline = default_pipeline()
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
            continue
        if pipeline is not None:
            article = pipeline(article)
        out.append(GoldArticle(article, int(rec["event_id"])))
    out.sort(key=lambda g: (g.article.published or "", g.article.id))
    return out


def split(data: Sequence[GoldArticle], name: str) -> list[GoldArticle]:
    if name == "tune":
        return [g for g in data if g.event % 2 == 0]
    if name == "heldout":
        return [g for g in data if g.event % 2 == 1]
    if name == "all":
        return list(data)
    raise ValueError(f"unknown split {name!r}; expected one of {SPLITS}")


def score(name: str, data: Sequence[GoldArticle], pred: Sequence[str], seconds: float) -> ClusterScore:
    gold = [g.event for g in data]
    bp, br, bf = bcubed(pred, gold)
    pp, pr, pf = pairwise(pred, gold)
    return ClusterScore(name, len(data), len(set(gold)), len(set(pred)), bp, br, bf, pp, pr, pf, seconds)


def run(
    data: Sequence[GoldArticle],
    make: Callable[[], StoryClusterer] = StoryClusterer,
    splits: Sequence[str] = SPLITS,
) -> list[ClusterScore]:
    """Cluster each split with a fresh clusterer from ``make`` and score it."""
    scores = []
    for name in splits:
        part = split(data, name)
        start = time.perf_counter()
        pred = make().fit_predict([g.article for g in part])
        scores.append(score(name, part, pred, time.perf_counter() - start))
    return scores


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m parallax.evaluation.cluster", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="news_cluster-articles.jsonl.gz")
    parser.add_argument(
        "--annotate", action="store_true", help="run the annotation pipeline (entities) first"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    try:
        data = load(args.data, annotate=args.annotate)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    scores = run(data)
    if args.json:
        print(json.dumps([asdict(s) for s in scores], indent=2))
        return 0
    print(f"{'split':8} {'n':>4} {'gold':>4} {'pred':>4}  {'B3 P':>5} {'B3 R':>5} {'B3 F1':>5}  "
          f"{'pw P':>5} {'pw R':>5} {'pw F1':>5}  {'sec':>5}")  # fmt: skip
    for s in scores:
        print(
            f"{s.split:8} {s.articles:4d} {s.gold_events:4d} {s.stories:4d}  {s.bcubed_p:5.3f} {s.bcubed_r:5.3f} "
            f"{s.bcubed_f1:5.3f}  {s.pairwise_p:5.3f} {s.pairwise_r:5.3f} {s.pairwise_f1:5.3f}  {s.seconds:5.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
