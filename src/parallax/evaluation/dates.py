"""Date resolution scored against the Giveme5W1H gold "when" phrases.

Run as ``python -m parallax.evaluation.dates [--gold FILE] [--json] [--verbose]``.

The gold file (``gold_standard-5w1h.jsonl.gz``, Hamborg et al.) has, per article,
``date_publish``, ``title``, ``text`` and ``fiveWoneH.when.annotated``: a list of
``{"text": phrase, "parsed": "YYYY-MM-DD", "coderPhraseCount": n}``.

How a gold phrase is scored:

* Eligible: a "when" phrase with a ``parsed`` date and non-empty text (phrases
  with only a date cannot be located and are counted apart as ``no_phrase``).
* The document is ``title + "\\n\\n" + text`` (the annotators saw both), annotated
  with :func:`parallax.annotate.dates.find_dates` against ``date_publish``.
* Every occurrence of the stripped phrase in the document is located (exact case;
  if none, case-insensitive). A phrase that occurs nowhere counts as wrong.
* **correct** when, at some occurrence, a mention overlapping it resolves to the
  gold date exactly (``value == parsed``);
  **consistent** when a mention's value is the gold date or a coarser prefix of it
  ("2016" for 2016-11-08): reported, not gated.
* ``accuracy = correct / eligible`` is the headline (and gated) number.
  ``coherent_accuracy`` is the same share over the phrases whose gold date does
  not contradict the phrase itself (:func:`gold_is_coherent`: a "Sunday" dated on
  a Monday, a "November 7, 2016" dated 2016-11-08 are gold errors or time-zone
  shifts we cannot and should not reproduce). The gold carries phrases that are not
  temporal ("lap 48", "Brazilian Grand Prix") and some whose date contradicts the
  phrase (a "Wednesday" dated on a Saturday); they stay in the denominator.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from datetime import date
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterator, Sequence

from ..annotate.dates import find_dates

DEFAULT_GOLD = (
    Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "giveme5w1h" / "gold_standard-5w1h.jsonl.gz"
)


@dataclass(frozen=True, slots=True)
class PhraseResult:
    article: str
    phrase: str
    gold: str
    predicted: tuple[str | None, ...]
    found: bool
    correct: bool
    consistent: bool
    coherent: bool  # the gold date agrees with the phrase itself (see gold_is_coherent)


@dataclass(frozen=True, slots=True)
class DateEval:
    articles: int
    eligible: int
    no_phrase: int
    found: int
    correct: int
    consistent: int
    accuracy: float
    consistent_share: float
    coherent: int
    coherent_correct: int
    coherent_accuracy: float
    seconds: float
    results: tuple[PhraseResult, ...] = field(default=(), repr=False)

    def summary(self) -> dict[str, float | int]:
        d = asdict(self)
        d.pop("results")
        return d


def _occurrences(doc: str, phrase: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for haystack, needle in ((doc, phrase), (doc.lower(), phrase.lower())):
        i = haystack.find(needle)
        while i != -1:
            spans.append((i, i + len(needle)))
            i = haystack.find(needle, i + 1)
        if spans:
            break
    return spans


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def gold_is_coherent(phrase: str, gold: str) -> bool:
    """False when the gold date contradicts the phrase: a weekday name whose day differs, or a
    fully written date (read by our own rules, without publication date) that differs."""
    try:
        gold_day = date.fromisoformat(gold)
    except ValueError:
        return False
    low = phrase.lower()
    named = [i for i, w in enumerate(_WEEKDAY_NAMES) if re.search(rf"\b{w}\b", low)]
    if named and gold_day.weekday() not in named:
        return False
    absolute = [m.value for m in find_dates(phrase, None) if m.value and m.granularity == "day"]
    return not absolute or gold in absolute


def iter_gold(path: Path) -> Iterator[dict]:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    yield json.loads(line)
    except FileNotFoundError:
        raise FileNotFoundError(
            f"{path}: Giveme5W1H gold file not found; pass --gold with the path to gold_standard-5w1h.jsonl.gz"
        ) from None


def evaluate(path: Path = DEFAULT_GOLD) -> DateEval:
    import time

    results: list[PhraseResult] = []
    articles = no_phrase = 0
    elapsed = 0.0
    for row in iter_gold(path):
        articles += 1
        doc = (row.get("title") or "") + "\n\n" + (row.get("text") or "")
        published = row.get("date_publish")
        published = None if not published or published == "None" else str(published)
        t0 = time.perf_counter()
        mentions = find_dates(doc, published)
        elapsed += time.perf_counter() - t0
        for gold in row.get("fiveWoneH", {}).get("when", {}).get("annotated", []):
            parsed = gold.get("parsed")
            if not parsed:
                continue
            phrase = (gold.get("text") or "").strip()
            if not phrase:
                no_phrase += 1
                continue
            occ = _occurrences(doc, phrase)
            predicted = tuple(
                m.value for m in mentions if any(m.start < e and s < m.end for s, e in occ)
            )
            results.append(
                PhraseResult(
                    article=str(row.get("dId", "")),
                    phrase=phrase,
                    gold=parsed,
                    predicted=predicted,
                    found=bool(occ),
                    correct=parsed in predicted,
                    consistent=any(v is not None and parsed.startswith(v) for v in predicted),
                    coherent=gold_is_coherent(phrase, parsed),
                )
            )
    eligible = len(results)
    coherent = [r for r in results if r.coherent]
    correct = sum(r.correct for r in results)
    consistent = sum(r.consistent for r in results)
    return DateEval(
        articles=articles,
        eligible=eligible,
        no_phrase=no_phrase,
        found=sum(r.found for r in results),
        correct=correct,
        consistent=consistent,
        accuracy=correct / eligible if eligible else 0.0,
        consistent_share=consistent / eligible if eligible else 0.0,
        coherent=len(coherent),
        coherent_correct=sum(r.correct for r in coherent),
        coherent_accuracy=sum(r.correct for r in coherent) / len(coherent) if coherent else 0.0,
        seconds=elapsed,
        results=tuple(results),
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m parallax.evaluation.dates",
        description="Score date resolution against the Giveme5W1H gold 'when' phrases.",
    )
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold_standard-5w1h.jsonl.gz")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument("--verbose", action="store_true", help="list every phrase that is not correct")
    args = parser.parse_args(argv)
    try:
        ev = evaluate(args.gold)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(ev.summary(), indent=2))
    else:
        print(
            f"when phrases with a gold date: {ev.eligible} (+{ev.no_phrase} without phrase text, excluded) "
            f"in {ev.articles} articles\n"
            f"phrase found in text: {ev.found}\n"
            f"resolved to the gold date: {ev.correct}  accuracy {ev.accuracy:.3f}\n"
            f"consistent (same date or a coarser prefix): {ev.consistent}  share {ev.consistent_share:.3f}\n"
            f"gold coherent with its phrase: {ev.coherent}; of them correct {ev.coherent_correct}  "
            f"accuracy {ev.coherent_accuracy:.3f}\n"
            f"find_dates time: {ev.seconds * 1000 / max(ev.articles, 1):.2f} ms/article"
        )
    if args.verbose:
        for r in ev.results:
            if not r.correct:
                print(f"  MISS {r.phrase!r}: gold {r.gold}, predicted {list(r.predicted)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
