"""Synthetic articles for the store tests: deterministic, made up here, no real data.

Importable both from the tests (through conftest) and from a child process (by path), so a
killed ingest and a clean one see exactly the same input.
"""

from __future__ import annotations

import random

from parallax.model import Article

_WORDS = [
    "council",
    "harbour",
    "ministry",
    "convoy",
    "ceasefire",
    "bridge",
    "province",
    "mayor",
    "envoy",
    "drought",
    "tariff",
    "senate",
    "river",
    "rally",
    "inquiry",
    "pipeline",
    "border",
    "festival",
    "budget",
    "strike",
    "vaccine",
    "rail",
    "court",
    "reservoir",
    "typhoon",
    "election",
    "quarry",
    "summit",
    "refinery",
    "glacier",
    "treaty",
    "airport",
    "census",
    "orchard",
    "lighthouse",
    "ferry",
    "monsoon",
    "museum",
    "parliament",
    "factory",
    "canal",
    "volunteer",
    "satellite",
    "harvest",
]
_OUTLETS = ("North Ledger", "Valley Courier", "Harbour Post", "Plains Daily")


def _text(rng: random.Random, chars: int) -> str:
    sentences: list[str] = []
    size = 0
    while size < chars:
        words = [rng.choice(_WORDS) for _ in range(rng.randint(8, 16))]
        sentence = " ".join(words).capitalize() + f" {rng.randint(2, 999)} times."
        sentences.append(sentence)
        size += len(sentence) + 1
    return " ".join(sentences)


def make_corpus(n: int, *, chars: int = 400, seed: int = 7) -> list[Article]:
    """``n`` articles in a fixed order, with exact repeats (every 9th) and new revisions (every 7th)."""
    rng = random.Random(seed)
    out: list[Article] = []
    for i in range(n):
        if i % 9 == 8:
            out.append(out[i - 5])  # the same article offered again
            continue
        if i % 7 == 6:
            base = out[i - 3]  # new content under a known id: a revision
            out.append(base.replace(text=_text(rng, chars), title=(base.title or "") + " (updated)"))
            continue
        out.append(
            Article(
                id=f"art-{i:05d}",
                text=_text(rng, chars),
                title=f"{rng.choice(_WORDS).capitalize()} {rng.choice(_WORDS)} report {i}",
                outlet=_OUTLETS[i % len(_OUTLETS)],
                url=f"https://news.example/{i}",
                published=f"2025-03-{1 + i % 28:02d}",
                language="en",
            )
        )
    return out
