"""Scale benchmark of the story clusterer on a synthetic stream: wall time, articles/s, peak memory.

    python bench/cluster_scale.py 10000 100000 300000      # each size in its own process
    python bench/cluster_scale.py --one 10000              # one size, in this process
    python bench/cluster_scale.py --workers 2 10000 100000 # terms read by a second process

The stream imitates a crawl: a Zipfian background vocabulary of made-up words (so no real
text is bundled), a few hundred topics with their own vocabulary (stories of one topic
share words, as earthquakes or elections do), thousands of stories of Pareto-distributed
size with their own names and key words, published over a few days with bursts (some
hours bring three times the usual number of new stories). Articles are about 600 words.

Only clustering is timed (generation is excluded), in wall and CPU seconds (the machine
may be shared; CPU time is what the clusterer itself spent); peak memory is the process's maximum
resident set size, reported by the OS, so it includes the generator and the interpreter.
Targets (issue 4): >= 1,000 articles/s, time(100k)/time(10k) <= 12, peak < 4 GB at 300k.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate

from parallax.cluster import StoryClusterer, bcubed, pairwise
from parallax.model import Article

_ONSETS = [
    "b",
    "d",
    "f",
    "g",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "z",
    "br",
    "st",
    "tr",
    "kl",
    "sh",
    "gr",
]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ou", "ea"]
_CODAS = ["", "", "n", "r", "s", "l", "m", "nd", "st", "k"]


def _words(rng: random.Random, count: int, syllables: tuple[int, int]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < count:
        w = "".join(
            rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)
            for _ in range(rng.randint(*syllables))
        )
        if w not in seen:
            seen.add(w)
            out.append(w)
    return out


@dataclass(frozen=True, slots=True)
class _Story:
    key: str
    topic: int
    names: tuple[str, ...]
    words: tuple[str, ...]
    start: float  # hours since the stream began
    size: int


class Stream:
    """A deterministic synthetic news stream (see the module docstring)."""

    def __init__(
        self, seed: int = 11, vocabulary: int = 40000, topics: int = 300, names: int = 30000
    ) -> None:
        rng = random.Random(seed)
        self.seed = seed
        self.vocab = _words(rng, vocabulary, (1, 3))
        self.cum = list(accumulate(1.0 / (r + 1) ** 1.05 for r in range(vocabulary)))
        self.names = [w.capitalize() for w in _words(rng, names, (2, 3))]
        self.name_cum = list(accumulate(1.0 / (r + 1) ** 0.9 for r in range(names)))
        mid = self.vocab[500:20000]
        self.topics = [tuple(rng.sample(mid, 40)) for _ in range(topics)]
        self.outlets = [
            f"{w.capitalize()} {s}" for w, s in zip(_words(rng, 120, (2, 2)), ["Post", "Times", "Wire"] * 40)
        ]

    def articles(self, count: int) -> Iterator[tuple[Article, str]]:
        rng = random.Random(self.seed + 1)
        pending: list[tuple[float, int, _Story]] = []  # (publication hour, tiebreak, story)
        hour, n, made = 0.0, 0, 0
        serial = 0
        while made < count:
            burst = 3 if rng.random() < 0.1 else 1
            for _ in range(rng.randint(15, 30) * burst):  # new stories this hour
                topic = rng.randrange(len(self.topics))
                story = _Story(
                    key=f"st{serial}",
                    topic=topic,
                    names=tuple(rng.choices(self.names, cum_weights=self.name_cum, k=rng.randint(2, 5))),
                    words=tuple(rng.sample(self.vocab[300:30000], 25)),
                    start=hour + rng.random(),
                    size=min(300, int(rng.paretovariate(1.3))),
                )
                serial += 1
                for _ in range(story.size):
                    pending.append(
                        (story.start + rng.expovariate(1 / 18.0), serial * 1000 + len(pending), story)
                    )
            pending.sort(key=lambda x: x[0], reverse=True)
            hour += 1.0
            while pending and pending[-1][0] < hour and made < count:
                t, _, story = pending.pop()
                yield self._article(rng, story, t, n), story.key
                n += 1
                made += 1

    def _article(self, rng: random.Random, story: _Story, hour: float, n: int) -> Article:
        length = rng.randint(450, 750)
        k_story = int(length * 0.25)
        k_topic = int(length * 0.15)
        words = rng.choices(self.vocab, cum_weights=self.cum, k=length - k_story - k_topic)
        words += rng.choices(story.words, k=k_story)
        words += rng.choices(self.topics[story.topic], k=k_topic)
        words += rng.choices(story.names, k=max(4, length // 60))
        rng.shuffle(words)
        sentences = [" ".join(words[i : i + 20]).capitalize() + "." for i in range(0, len(words), 20)]
        title_words = (
            rng.sample(story.words, 4) + rng.sample(story.names, 1) + rng.sample(self.topics[story.topic], 2)
        )
        rng.shuffle(title_words)
        seconds = int(hour * 3600)
        published = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(1_735_689_600 + seconds))
        return Article(
            id=f"a{n:07d}",
            text="\n\n".join(" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)),
            title=" ".join(title_words).capitalize(),
            outlet=rng.choice(self.outlets),
            published=published,
        )


def measure(count: int, batch: int = 1000, workers: int = 1) -> dict[str, float | int]:
    """Cluster ``count`` synthetic articles in batches; returns timings, memory and quality.

    With ``workers`` above 1 the clusterer's term readers are other processes: their CPU time is
    added once they have stopped, and their peak memory is reported beside this process's."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    clusterer = StoryClusterer(workers=workers)
    clusterer.partial_fit([])
    gold: list[str] = []
    spent = cpu = 0.0
    chunk: list[Article] = []

    def flush() -> None:
        nonlocal spent, cpu, chunk
        start, start_cpu = time.perf_counter(), time.process_time()
        clusterer.partial_fit(chunk)
        spent += time.perf_counter() - start
        cpu += time.process_time() - start_cpu
        chunk = []

    for article, story in Stream().articles(count):
        chunk.append(article)
        gold.append(story)
        if len(chunk) >= batch:
            flush()
    if chunk:
        flush()
    clusterer.close()
    done = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu += (done.ru_utime + done.ru_stime) - (children.ru_utime + children.ru_stime)
    pred = clusterer.labels_
    bp, br, bf = bcubed(pred, gold)
    _, _, pf = pairwise(pred, gold)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "articles": count,
        "workers": workers,
        "seconds": round(spent, 2),
        "articles_per_s": round(count / spent, 1),
        "cpu_seconds": round(cpu, 2),
        "articles_per_cpu_s": round(count / cpu, 1),
        "peak_mb": round(peak_kib / 1024, 1),
        "peak_worker_mb": round(done.ru_maxrss / 1024, 1) if workers > 1 else 0.0,
        "stories_gold": len(set(gold)),
        "stories_pred": len(set(pred)),
        "active_stories": sum(s.active for s in clusterer.stories_.values()),
        "merges": len(clusterer.merged_),
        "splits": len(getattr(clusterer, "splits_", {})),
        "bcubed_p": round(bp, 4),
        "bcubed_r": round(br, 4),
        "bcubed_f1": round(bf, 4),
        "pairwise_f1": round(pf, 4),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10000])
    parser.add_argument("--one", type=int, help="measure one size in this process and print JSON")
    parser.add_argument("--workers", type=int, default=1, help="processes in all (StoryClusterer(workers=))")
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure(args.one, workers=args.workers)))
        return 0
    results = []
    for size in args.sizes:  # a fresh process per size, so peak memory is that size's own
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(size), "--workers", str(args.workers)],
            capture_output=True,
            text=True,
            check=True,
        )
        results.append(json.loads(out.stdout))
        print(json.dumps(results[-1]), flush=True)
    by = {r["articles"]: r for r in results}
    if 10000 in by and 100000 in by:
        wall = by[100000]["seconds"] / by[10000]["seconds"]
        cpu = by[100000]["cpu_seconds"] / by[10000]["cpu_seconds"]
        print(f"time(100k)/time(10k) = {wall:.2f} wall, {cpu:.2f} CPU (target <= 12)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
