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

Coherence (:func:`gold_coherence`): the gold ``parsed`` date is often not what its own
phrase says, and no resolver should reproduce that. A phrase is read by the small,
independent rules below (not by the resolver under test), and its gold date is
**coherent** unless:

* ``not_temporal``: the phrase has no temporal expression at all: no month or weekday
  name, no year, no clock time, no numeric date, no temporal word ("today", "night",
  "days", "ago", "season" ...): "lap 48", "Brazilian Grand Prix";
* ``contradicts``: the phrase names a weekday and the gold date is another weekday
  ("Wednesday" dated on a Saturday), or it writes a month and day (with or without a
  year), a month or a year that the gold date does not have ("Nov 6" dated
  2016-11-07; "November 7, 2016" dated 2016-11-08);
* ``coarser``: the phrase names no day at all, only a year, a month or a season
  ("2016", "last month", "end of the season") while the gold is a day: the gold then
  adds a day the text does not give (usually the publication day).

``coherent_accuracy`` is the exact share over the coherent phrases. Two baselines tell
reviewers what the gold is: ``baseline_publication`` is the share of eligible phrases
whose gold date is just ``date_publish``'s day, ``coherent_baseline_publication`` the
same over the coherent ones. Gold dates later than the publication day are counted
(``gold_after_publication``): for a past-tense report they mean the gold or
``date_publish`` is wrong, but they stay in every denominator.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterator, Sequence

from ..annotate.dates import find_dates

DEFAULT_GOLD = (
    Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "giveme5w1h" / "gold_standard-5w1h.jsonl.gz"
)

COHERENT, NOT_TEMPORAL, CONTRADICTS, COARSER = "coherent", "not_temporal", "contradicts", "coarser"


@dataclass(frozen=True, slots=True)
class PhraseResult:
    article: str
    phrase: str
    gold: str
    predicted: tuple[str | None, ...]
    found: bool
    correct: bool
    consistent: bool
    coherent: bool  # the gold date agrees with the phrase itself (see gold_coherence)
    coherence: str = COHERENT  # coherent | not_temporal | contradicts | coarser
    published: str | None = None  # date_publish's day


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
    not_temporal: int = 0
    contradicts: int = 0
    coarser: int = 0
    baseline_publication: float = 0.0
    coherent_baseline_publication: float = 0.0
    gold_after_publication: int = 0
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


# The phrase reader of the coherence check: deliberately small and independent of the resolver.
_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?"
)
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_FULL = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_WEEKDAY_ABBR = re.compile(r"\b(Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[.,]")
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}})\b)?")
_DAY_MONTH = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<year>\d{{4}})\b)?"
)
_MONTH_ONLY = re.compile(rf"\b{_MONTH}")
_ISO_DATE = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_CLOCK = re.compile(r"\b\d{1,2}(?:[:.]\d\d)?\s*(?:a\.?m\b\.?|p\.?m\b\.?)|\b\d{1,2}:\d\d\b", re.I)
#: Words that name a day or a time of day.
_DAY_WORDS = re.compile(
    r"\b(?:today|tonight|yesterday|tomorrow|morning|afternoon|evening|night|midnight|noon|days?|hours?|minutes?)\b",
    re.I,
)
#: Words that name a span longer than a day.
_COARSE_WORDS = re.compile(
    r"\b(?:weeks?|weekend|months?|years?|decades?|century|season|spring|summer|autumn|winter)\b", re.I
)
#: Other temporal words: the phrase is temporal, at no stated granularity.
_TEMPORAL_WORDS = re.compile(r"\b(?:ago|now|recently|earlier|later|since|until)\b", re.I)
_MONTH_NAMES = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip
_ABBR_INDEX = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip


def _month_of(name: str) -> int:
    return _MONTH_NAMES[name.lower()[:3]]


def gold_coherence(phrase: str, gold: str) -> str:
    """How a gold date relates to its own phrase: ``coherent``, ``not_temporal``, ``contradicts``
    or ``coarser`` (see the module docstring)."""
    try:
        gold_day = date.fromisoformat(gold)
    except ValueError:
        return CONTRADICTS
    weekdays = {_WEEKDAY_NAMES.index(m.group(1).lower()) for m in _WEEKDAY_FULL.finditer(phrase)}
    weekdays |= {_ABBR_INDEX[m.group(1).lower()] for m in _WEEKDAY_ABBR.finditer(phrase)}
    days = [(m["month"], m["day"], m["year"]) for rx in (_MONTH_DAY, _DAY_MONTH) for m in rx.finditer(phrase)]
    days += [(m["month"], m["day"], m["year"]) for m in _ISO_DATE.finditer(phrase)]
    months = [m["month"] for m in _MONTH_ONLY.finditer(phrase)]
    years = [int(y) for y in _YEAR.findall(phrase)]
    clock = _CLOCK.search(phrase) is not None
    day_words = _DAY_WORDS.search(phrase) is not None
    coarse_words = _COARSE_WORDS.search(phrase) is not None
    temporal_words = _TEMPORAL_WORDS.search(phrase) is not None
    if not (weekdays or days or months or years or clock or day_words or coarse_words or temporal_words):
        return NOT_TEMPORAL
    if weekdays and gold_day.weekday() not in weekdays:
        return CONTRADICTS
    for month, day, year in days:
        m = int(month) if month.isdigit() else _month_of(month)
        if (m, int(day)) != (gold_day.month, gold_day.day) or (year and int(year) != gold_day.year):
            return CONTRADICTS
    if months and not days and all(_month_of(m) != gold_day.month for m in months):
        return CONTRADICTS
    if years and gold_day.year not in years:
        return CONTRADICTS
    if not (weekdays or days or clock or day_words):
        return COARSER
    return COHERENT


def gold_is_coherent(phrase: str, gold: str) -> bool:
    """True when the gold date agrees with its phrase (:func:`gold_coherence` says ``coherent``)."""
    return gold_coherence(phrase, gold) == COHERENT


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
            predicted = tuple(m.value for m in mentions if any(m.start < e and s < m.end for s, e in occ))
            coherence = gold_coherence(phrase, parsed)
            results.append(
                PhraseResult(
                    article=str(row.get("dId", "")),
                    phrase=phrase,
                    gold=parsed,
                    predicted=predicted,
                    found=bool(occ),
                    correct=parsed in predicted,
                    consistent=any(v is not None and parsed.startswith(v) for v in predicted),
                    coherent=coherence == COHERENT,
                    coherence=coherence,
                    published=published[:10] if published else None,
                )
            )
    eligible = len(results)
    coherent = [r for r in results if r.coherent]
    correct = sum(r.correct for r in results)
    consistent = sum(r.consistent for r in results)

    def share(part: int, whole: int) -> float:
        return part / whole if whole else 0.0

    def is_publication_day(r: PhraseResult) -> bool:
        return r.published is not None and r.gold == r.published

    return DateEval(
        articles=articles,
        eligible=eligible,
        no_phrase=no_phrase,
        found=sum(r.found for r in results),
        correct=correct,
        consistent=consistent,
        accuracy=share(correct, eligible),
        consistent_share=share(consistent, eligible),
        coherent=len(coherent),
        coherent_correct=sum(r.correct for r in coherent),
        coherent_accuracy=share(sum(r.correct for r in coherent), len(coherent)),
        seconds=elapsed,
        not_temporal=sum(r.coherence == NOT_TEMPORAL for r in results),
        contradicts=sum(r.coherence == CONTRADICTS for r in results),
        coarser=sum(r.coherence == COARSER for r in results),
        baseline_publication=share(sum(map(is_publication_day, results)), eligible),
        coherent_baseline_publication=share(sum(map(is_publication_day, coherent)), len(coherent)),
        gold_after_publication=sum(r.published is not None and r.gold > r.published for r in results),
        results=tuple(results),
    )


def format_report(ev: DateEval) -> str:
    """The plain-text summary printed by ``python -m parallax.evaluation.dates``."""
    excluded = ev.eligible - ev.coherent
    return (
        f"when phrases with a gold date: {ev.eligible} in {ev.articles} articles "
        f"(+{ev.no_phrase} without phrase text, excluded); found in the text: {ev.found}\n"
        f"exact, all phrases:    {ev.correct:>3}/{ev.eligible:<3} {ev.accuracy:.3f}"
        f"   (same date or a coarser prefix: {ev.consistent}, {ev.consistent_share:.3f})\n"
        f"exact, coherent gold:  {ev.coherent_correct:>3}/{ev.coherent:<3} {ev.coherent_accuracy:.3f}"
        f"   (left out {excluded}: not temporal {ev.not_temporal}, contradicts its phrase {ev.contradicts}, "
        f"coarser than a day {ev.coarser})\n"
        f"baseline, gold = publication day: all {ev.baseline_publication:.3f}, "
        f"coherent {ev.coherent_baseline_publication:.3f}   (gold after the publication day: "
        f"{ev.gold_after_publication})\n"
        f"find_dates time: {ev.seconds * 1000 / max(ev.articles, 1):.2f} ms/article"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m parallax.evaluation.dates",
        description="Score date resolution against the Giveme5W1H gold 'when' phrases.",
    )
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold_standard-5w1h.jsonl.gz")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument(
        "--verbose", action="store_true", help="list every phrase that is not correct, with its coherence (on stderr)"
    )
    args = parser.parse_args(argv)
    try:
        ev = evaluate(args.gold)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(ev.summary(), indent=2) if args.json else format_report(ev))
    if args.verbose:
        for r in ev.results:
            if not r.correct:
                print(
                    f"  MISS [{r.coherence}] {r.phrase!r}: gold {r.gold} (published {r.published}), "
                    f"predicted {list(r.predicted)}",
                    file=sys.stderr,
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
