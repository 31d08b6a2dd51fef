"""Temporal expressions, resolved against the article's publication date.

Finding is done by compiled regexes (a handful of passes over the text); resolving
is plain calendar arithmetic. dateparser is not used: every form we find has a
closed grammar (a weekday, a month name, a number), and the rules below resolve them
faster (about 100x) and with the news-specific conventions dateparser does not know
(a bare weekday in past-tense news means the most recent one).

Forms found, with the value they resolve to (``P`` is the publication date):

==========================================  ==========================================================
``2025-03-10``, ``10/23/2025``               that day (slashed dates only when day and month cannot be
                                             confused: one part above 12, or both equal)
``March 10, 2025``, ``10 March 2025``        that day (a leading weekday "Tue, March 22, 2016" is kept)
``March 10``, ``Nov. 10``, ``10 March``      that day in the year that puts it nearest to P, a date more
                                             than 2 months after P counting as twice as far (news looks back)
``March 2025``, ``early March 2025``         that month
``in December``, ``early March``, ``mid-``   the most recent such month not after P's month; ``last
``January``, ``last May``, ``next June``     December`` strictly before, ``next June`` strictly after,
                                             ``this June`` in P's year; future tense: the next one
``2024``, ``in 2024``, ``late 2024``         that year (a bare number only when it cannot be a count)
``last/this/next year``, ``last month``      P's year or month shifted
``Tuesday``, ``on Monday``, ``last Friday``  the most recent such day on or before P (``last``: strictly
                                             before); in a future-tense sentence ("will", "is scheduled
                                             to", "is expected to" ...) or with ``next``: the first such
                                             day on or after P (``next``: strictly after); ``this``:
                                             within P's Monday-to-Sunday week
``today``, ``tonight``, ``this morning``     P; ``yesterday``, ``last night`` P - 1; ``tomorrow`` P + 1
``two days ago``, ``a week ago``             P minus that many days (day), months (month) or years (year)
``at 6.10am``, ``around 11:30pm``            the day of another day-level mention in the same sentence,
                                             else P
==========================================  ==========================================================

Without a publication date, everything but a fully written date ("March 10, 2025",
"2025-03-10", "March 2025", "2024") keeps ``value=None``. Week expressions
("last week") are found with ``value=None`` and ``granularity="week"``: the schema
has no week value.

Lower-case "may" and "march" are never months; a capitalised month name alone needs
a preposition or modifier ("in May", "early March") or a number next to it, so
"Theresa May said" and "March organisers said" are not dates. Weekday names
followed by a publication word ("Sunday Times", "Saturday Night Live") are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable, Iterable, Iterator, Sequence

from ..model import Article, DateMention, Span
from .sentences import split_sentences

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

#: Capitalised words that make a preceding weekday part of a name ("Sunday Times").
WEEKDAY_NAME_FOLLOWERS = frozenset(
    "Times Telegraph Mirror Express Herald Post Independent Mail Sport People Star Tribune Observer "
    "Business Review Night Football School Service Edition Magazine Briefing Show".split()
)
#: Words before a weekday that make it a name or a feast rather than a date.
WEEKDAY_NAME_PRECEDERS = frozenset({"bloody", "super", "black", "cyber", "good", "holy", "ash", "easter", "palm"})

#: Cues that a sentence speaks of the future: a bare weekday or month then means the next one.
_FUTURE = re.compile(
    r"\b(?:will|won't|shall|(?:is|are|was|were)\s+(?:scheduled|set|due|expected|slated|planned|poised|going)\s+to"
    r"|(?:is|are)\s+due|plans?\s+to|to\s+be\s+held|upcoming|\w+'ll|\w+’ll)\b",
    re.IGNORECASE,
)

_MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH_ANY = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_WEEKDAY_FULL = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WEEKDAY_ANY = _WEEKDAY_FULL + r"|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?"
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_MOD = r"(?P<mod>early|mid|late|last|next|this|the\s+end\s+of|end\s+of|the\s+start\s+of|the\s+beginning\s+of)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))"

_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_SLASH = re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4})\b")
_MDY = re.compile(
    rf"\b(?:(?P<wd>{_WEEKDAY_ANY}),?\s+)?(?P<month>{_MONTH_ANY})\s+{_DAY}\b(?![:.,]\d)(?:,?\s+{_YEAR}\b)?"
)
_DMY = re.compile(rf"\b(?:the\s+)?{_DAY}\s+(?:of\s+)?(?P<month>{_MONTH_ANY})(?:,?\s+{_YEAR}\b)?")
_MONTH_YEAR = re.compile(rf"\b(?:{_MOD}[\s-]+)?(?P<month>{_MONTH_FULL})(?:\s+of)?,?\s+{_YEAR}\b")
_MONTH_ALONE = re.compile(
    rf"\b(?:(?P<mod>early|mid|late|last|next|this)-?\s*|(?P<prep>[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Dd]uring|[Tt]hrough)\s+)"
    rf"(?P<month>{_MONTH_FULL})\b(?!['’]s|\s+\d)"
)
_YEAR_ALONE = re.compile(
    rf"\b(?:(?P<mod>early|mid|late|the\s+end\s+of|end\s+of)[\s-]+|(?P<prep>[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Dd]uring|[Tt]hrough)\s+)?"
    rf"(?<![/.])(?<!\d-){_YEAR}\b(?![/-]\d)(?!['’]?s\b)(?P<after>\s+[a-z]|[.,]\d)?"
)
_RELATIVE_PERIOD = re.compile(
    r"\b(?P<mod>last|this|next|earlier\s+this|later\s+this|past)\s+(?P<unit>year|month|week)\b", re.IGNORECASE
)
_AGO = re.compile(
    r"\b(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?P<unit>day|week|month|year)s?\s+ago\b",
    re.IGNORECASE,
)
_DEICTIC = re.compile(
    r"\b(?:(?P<today>[Tt]oday|[Tt]onight|this\s+(?:morning|afternoon|evening))"
    r"|(?P<yesterday>[Yy]esterday(?:\s+(?:morning|afternoon|evening))?|last\s+night)"
    r"|(?P<tomorrow>[Tt]omorrow(?:\s+(?:morning|afternoon|evening|night))?))\b"
)
_WEEKDAY = re.compile(
    rf"\b(?:(?P<mod>[Oo]n|[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate|[Ll]ate\s+on|[Ee]arly\s+on)\s+)?"
    rf"(?P<wd>{_WEEKDAY_FULL})(?P<part>{_PART})?\b"
)
_TIME = re.compile(
    r"(?<![\w.:])(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s*(?:a\.m\.|p\.m\.|[ap]m\b)"
    r"|(?<![\w.:])(?:[01]?\d|2[0-3]):[0-5]\d(?=\s*(?:GMT|UTC|BST|CET|EST|EDT|PST|PDT|local\s+time|hrs|h\b))",
    re.IGNORECASE,
)
_TIME_PREFIX = re.compile(
    r"(?:\b(?:at|around|about|before|after|by|shortly\s+before|shortly\s+after|just\s+before|just\s+after)\s+)+$",
    re.IGNORECASE,
)
_AGO_CORE = re.compile(r"\bago\b", re.IGNORECASE)
_AGO_BEFORE = re.compile(
    r"\b(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?P<unit>day|week|month|year)s?\s+$",
    re.IGNORECASE,
)

# Cheap scanners. Each pattern above tries to match at every position of the text; these find
# where a match can start (or whether one can exist at all) with a literal or character-set
# prefix that the regex engine skips to quickly. ``_iter_at`` then gives exactly what
# ``finditer`` would, trying the full pattern only at the candidate starts.
_MDY_START = re.compile(r"Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_MONTH_FULL_SCAN = re.compile(_MONTH_FULL[3:-1])
_WEEKDAY_FULL_SCAN = re.compile(_WEEKDAY_FULL[3:-1])
_ISO_HINT = re.compile(r"\d{4}-\d{2}-\d{2}")
_SLASH_HINT = re.compile(r"\d/\d{1,2}/\d{4}")
_DMY_HINT = re.compile(r"\d(?:st|nd|rd|th)?\s+(?:of\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
_YEAR_HINT = re.compile(r"1[89]\d\d|20\d\d")
_DEICTIC_HINT = re.compile(r"oday|onight|morning|afternoon|evening|esterday|night|omorrow")
_TIME_HINT = re.compile(r"\d(?:\s*[aApP](?:\.[mM]\.|[mM])|:[0-5]\d)")
_PERIOD_UNITS = ("year", "month", "week")


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _word_before(text: str, end: int) -> int | None:
    """Start of the run of word characters that ends at ``end`` after skipping whitespace back, if any."""
    j = end
    while j > 0 and text[j - 1].isspace():
        j -= 1
    k = j
    while k > 0 and _is_word(text[k - 1]):
        k -= 1
    return k if k < j else None


def _iter_at(rx: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """``rx.finditer(text)`` when ``starts`` holds every position where a match of ``rx`` can start."""
    pos = 0
    for s in sorted(set(starts)):
        if s < pos:
            continue
        m = rx.match(text, s)
        if m is not None:
            yield m
            pos = m.end()


def _preceded(text: str, cores: Iterable[int], words: int, hyphen: bool = False) -> list[int]:
    """The cores and the starts of up to ``words`` words before each (over whitespace, and a hyphen)."""
    out: list[int] = []
    for p in cores:
        out.append(p)
        ends = [p]
        if hyphen:
            j = p
            while j > 0 and text[j - 1].isspace():
                j -= 1
            if j > 0 and text[j - 1] == "-":
                ends.append(j - 1)
        for e in ends:
            for _ in range(words):
                k = _word_before(text, e)
                if k is None:
                    break
                out.append(k)
                e = k
    return out


# Priorities when two candidate mentions overlap: the longer wins, then the higher priority.
_P_TIME, _P_LOW, _P_MID, _P_HIGH = 0, 1, 2, 3


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    priority: int
    resolve: Callable[[date | None, bool, "list[_Candidate]"], tuple[str | None, str | None]]
    minutes: int | None = None  # a time of day: minutes after midnight


def parse_published(published: str | None) -> date | None:
    """The calendar date of an ISO 8601 publication time, or None when absent or unreadable."""
    if not published:
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def _day(d: date) -> tuple[str, str]:
    return d.isoformat(), "day"


def _month(y: int, m: int) -> tuple[str, str]:
    return f"{y:04d}-{m:02d}", "month"


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month_num(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    total = y * 12 + (m - 1) + k
    return total // 12, total % 12 + 1


def resolve_month_day(month: int, day: int, pub: date, future: bool = False) -> date | None:
    """The year for a month-day without one: nearest to ``pub``; dates over 2 months ahead count double."""
    best: tuple[float, date] | None = None
    for y in (pub.year - 1, pub.year, pub.year + 1):
        d = _valid(y, month, day)
        if d is None:
            continue
        delta = (d - pub).days
        cost = float(abs(delta))
        if delta > 0 and not future:
            cost = delta * 2.0 if delta > 61 else float(delta)
        if best is None or cost < best[0]:
            best = (cost, d)
    return best[1] if best else None


def resolve_weekday(weekday: int, pub: date, mod: str | None, future: bool) -> date:
    """A weekday name against ``pub``: see the module docstring for the rule."""
    mod = (mod or "").lower()
    if mod == "this":
        return pub + timedelta(days=weekday - pub.weekday())
    if mod == "next":
        ahead = (weekday - pub.weekday()) % 7 or 7
        return pub + timedelta(days=ahead)
    if mod == "last":
        back = (pub.weekday() - weekday) % 7 or 7
        return pub - timedelta(days=back)
    if future:
        return pub + timedelta(days=(weekday - pub.weekday()) % 7)
    return pub - timedelta(days=(pub.weekday() - weekday) % 7)


def _resolve_month_alone(month: int, pub: date, mod: str | None, future: bool) -> tuple[int, int]:
    mod = (mod or "").lower()
    if mod == "this":
        return pub.year, month
    if mod == "next" or (future and mod not in ("last",)):
        strict = mod == "next"
        y = pub.year if (month > pub.month or (month == pub.month and not strict)) else pub.year + 1
        return y, month
    if mod == "last":
        return (pub.year if month < pub.month else pub.year - 1), month
    return (pub.year if month <= pub.month else pub.year - 1), month


def _sentence_index(sentences: Sequence[Span], pos: int) -> int:
    lo, hi = 0, len(sentences)
    while lo < hi:
        mid = (lo + hi) // 2
        if sentences[mid].end <= pos:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _relative_periods(text: str) -> Iterator[re.Match[str]]:
    """``_RELATIVE_PERIOD.finditer(text)``, tried only before a unit word."""
    lowered = text.lower()
    if len(lowered) != len(text):
        yield from _RELATIVE_PERIOD.finditer(text)
        return
    cores: list[int] = []
    for unit in _PERIOD_UNITS:
        i = lowered.find(unit)
        while i != -1:
            cores.append(i)
            i = lowered.find(unit, i + 1)
    yield from _iter_at(_RELATIVE_PERIOD, text, _preceded(text, cores, 2))


def _candidates(text: str) -> list[_Candidate]:  # noqa: C901 - one flat list of patterns
    out: list[_Candidate] = []
    add = out.append

    def fixed(value: str | None, gran: str) -> Callable[..., tuple[str | None, str | None]]:
        return lambda pub, future, same: (value, gran)

    for m in _ISO.finditer(text) if _ISO_HINT.search(text) else ():
        d = _valid(int(m["year"]), int(m["month"]), int(m["day"]))
        if d:
            add(_Candidate(m.start(), m.end(), _P_HIGH, fixed(*_day(d))))
    for m in _SLASH.finditer(text) if "/" in text and _SLASH_HINT.search(text) else ():
        a, b, y = int(m["a"]), int(m["b"]), int(m["year"])
        if a > 12 and b <= 12:
            d = _valid(y, b, a)
        elif b > 12 and a <= 12:
            d = _valid(y, a, b)
        elif a == b:
            d = _valid(y, a, a)
        else:
            d = None  # 03/10/2025: March 10 or 3 October; refuse to guess
        if d:
            add(_Candidate(m.start(), m.end(), _P_HIGH, fixed(*_day(d))))
    mdy = _iter_at(_MDY, text, [m.start() for m in _MDY_START.finditer(text)])
    dmy = _DMY.finditer(text) if _DMY_HINT.search(text) else ()
    for matches in (mdy, dmy):
        for m in matches:
            month, day = _month_num(m["month"]), int(m["day"])
            if m["year"]:
                d = _valid(int(m["year"]), month, day)
                if d:
                    add(_Candidate(m.start(), m.end(), _P_HIGH, fixed(*_day(d))))
                continue
            if _valid(2000, month, day) is None:
                continue

            def md(pub: date | None, future: bool, same: list[_Candidate], month: int = month, day: int = day):
                if pub is None:
                    return None, "day"
                d = resolve_month_day(month, day, pub, future)
                return (d.isoformat(), "day") if d else (None, "day")

            add(_Candidate(m.start(), m.end(), _P_HIGH, md))
    month_cores = [m.start() for m in _MONTH_FULL_SCAN.finditer(text)]
    for m in _MONTH_YEAR.finditer(text) if month_cores and _YEAR_HINT.search(text) else ():
        start = m.start("mod") if m["mod"] else m.start("month")
        add(_Candidate(start, m.end(), _P_MID, fixed(*_month(int(m["year"]), _month_num(m["month"])))))
    for m in _iter_at(_MONTH_ALONE, text, _preceded(text, month_cores, 1, hyphen=True)):
        month, mod = _month_num(m["month"]), m["mod"]

        def mo(pub: date | None, future: bool, same: list[_Candidate], month: int = month, mod: str | None = mod):
            if pub is None:
                return None, "month"
            return _month(*_resolve_month_alone(month, pub, mod, future))

        add(_Candidate(m.start(), m.end(), _P_MID, mo))
    for m in _YEAR_ALONE.finditer(text) if _YEAR_HINT.search(text) else ():
        if m["after"] and not (m["mod"] or m["prep"]):
            continue  # "2000 troops", "2016.5": a count, not a year
        add(_Candidate(m.start(), m.end("year"), _P_LOW, fixed(m["year"], "year")))
    for m in _relative_periods(text):
        mod = re.sub(r"\s+", " ", m["mod"].lower())
        unit = m["unit"].lower()
        if mod == "past":
            continue
        k = {"last": -1, "next": 1}.get(mod, 0)

        def rp(pub: date | None, future: bool, same: list[_Candidate], k: int = k, unit: str = unit):
            if unit == "week":
                return None, "week"
            if pub is None:
                return None, unit
            if unit == "year":
                return str(pub.year + k), "year"
            return _month(*_shift_month(pub.year, pub.month, k))

        add(_Candidate(m.start(), m.end(), _P_MID, rp))
    for core in _AGO_CORE.finditer(text) if "ago" in text.lower() else ():
        m = _AGO_BEFORE.search(text, max(0, core.start() - 24), core.start())
        if m is None:
            continue
        m_start, m_end = m.start(), core.end()
        raw = m["n"].lower()
        n = int(raw) if raw.isdigit() else NUMBER_WORDS[raw]
        unit = m["unit"].lower()

        def ago(pub: date | None, future: bool, same: list[_Candidate], n: int = n, unit: str = unit):
            if unit in ("day", "week"):
                return (None, "day") if pub is None else _day(pub - timedelta(days=n * (7 if unit == "week" else 1)))
            if pub is None:
                return None, unit
            if unit == "month":
                return _month(*_shift_month(pub.year, pub.month, -n))
            return str(pub.year - n), "year"

        add(_Candidate(m_start, m_end, _P_MID, ago))
    for m in _DEICTIC.finditer(text) if _DEICTIC_HINT.search(text) else ():
        if m["today"] and text[max(0, m.start() - 4) : m.start()] == "USA ":
            continue
        shift = 0 if m["today"] else (-1 if m["yesterday"] else 1)

        def deictic(pub: date | None, future: bool, same: list[_Candidate], shift: int = shift):
            return (None, "day") if pub is None else _day(pub + timedelta(days=shift))

        add(_Candidate(m.start(), m.end(), _P_MID, deictic))
    weekday_cores = [m.start() for m in _WEEKDAY_FULL_SCAN.finditer(text)]
    for m in _iter_at(_WEEKDAY, text, _preceded(text, weekday_cores, 2)):
        after = text[m.end() : m.end() + 20].lstrip(" ")
        nxt = after.split(" ", 1)[0].strip(".,;:!?\"'”’") if after else ""
        if nxt in WEEKDAY_NAME_FOLLOWERS and not m["part"]:
            continue
        before = text[max(0, m.start() - 12) : m.start()].split()
        if not m["mod"] and before and before[-1].lower() in WEEKDAY_NAME_PRECEDERS:
            continue
        weekday = WEEKDAYS[m["wd"].lower()]
        mod = (m["mod"] or "").lower().split()[0] if m["mod"] else None

        def wd(pub: date | None, future: bool, same: list[_Candidate], weekday: int = weekday, mod: str | None = mod):
            if pub is None:
                return None, "day"
            return _day(resolve_weekday(weekday, pub, mod, future))

        add(_Candidate(m.start(), m.end(), _P_MID, wd))
    for m in _TIME.finditer(text) if _TIME_HINT.search(text) else ():
        pre = _TIME_PREFIX.search(text, max(0, m.start() - 30), m.start())
        start = pre.start() if pre else m.start()
        add(_Candidate(start, m.end(), _P_TIME, _unresolved_day, minutes=_minutes(m.group())))
    return out


def _unresolved_day(pub: date | None, future: bool, same: list[_Candidate]) -> tuple[str | None, str | None]:
    return None, "day"


_CLOCK = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?", re.IGNORECASE)


def _minutes(time_text: str) -> int | None:
    m = _CLOCK.search(time_text)
    if m is None:  # pragma: no cover - the time regex guarantees digits
        return None
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    half = (m.group(3) or "").lower().replace(".", "")
    if half == "pm" and hour < 12:
        hour += 12
    elif half == "am" and hour == 12:
        hour = 0
    return hour * 60 + minute


def _day_of_time(
    c: _Candidate, pub: date | None, pub_minutes: int | None, context: list[tuple[_Candidate, str | None]]
) -> tuple[str | None, str | None]:
    """A time of day: the date of the nearest day-level mention in its sentence, else of the nearest
    earlier one in the two sentences before, else the publication date (the day before when the time
    is later than a known publication time)."""
    for other, value in sorted(context, key=lambda cv: abs(cv[0].start - c.start)):
        if value is not None:
            return value, "day"
    if pub is None:
        return None, "day"
    if pub_minutes is not None and c.minutes is not None and c.minutes > pub_minutes:
        return _day(pub - timedelta(days=1))
    return _day(pub)


def _select(cands: list[_Candidate], length: int) -> list[_Candidate]:
    """Non-overlapping candidates: longest first, then by priority, then leftmost."""
    chosen: list[_Candidate] = []
    taken = bytearray(length)
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), -c.priority, c.start)):
        if taken.find(1, c.start, c.end) != -1:
            continue
        chosen.append(c)
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
    chosen.sort(key=lambda c: c.start)
    return chosen


def parse_published_minutes(published: str | None) -> int | None:
    """Minutes after midnight of an ISO publication time, when it states one (midnight counts as none)."""
    if not published or len(published) < 16:
        return None
    m = re.match(r"\d{4}-\d{2}-\d{2}[T ](\d{2}):(\d{2})", published.strip())
    if m is None:
        return None
    minutes = int(m.group(1)) * 60 + int(m.group(2))
    return minutes or None


def find_dates(text: str, published: str | None, sentences: Sequence[Span] | None = None) -> list[DateMention]:
    """Every temporal expression of ``text``, resolved against ``published`` (ISO 8601 or None).

    ``sentences`` (spans into ``text``) are used to tell future-tense sentences and to
    give a time of day the date of its sentence; they are computed when not given.
    """
    pub = parse_published(published)
    chosen = _select(_candidates(text), len(text))
    if not chosen:
        return []
    if sentences is None:
        sentences = split_sentences(text)
    future_cache: dict[int, bool] = {}
    resolved: list[tuple[_Candidate, int, str | None, str | None]] = []
    for c in chosen:
        i = _sentence_index(sentences, c.start)
        if i not in future_cache:
            s = sentences[i] if i < len(sentences) else None
            future_cache[i] = s is not None and _FUTURE.search(text, s.start, s.end) is not None
        if c.minutes is not None:
            resolved.append((c, i, None, None))  # resolved below, once the days are known
            continue
        value, gran = c.resolve(pub, future_cache[i], [])
        resolved.append((c, i, value, gran))
    pub_minutes = parse_published_minutes(published) if pub is not None else None
    out: list[DateMention] = []
    for c, i, value, gran in resolved:
        if c.minutes is not None:
            same = [(o, v) for o, j, v, g in resolved if j == i and g == "day" and o.minutes is None]
            if not same:
                same = [
                    (o, v) for o, j, v, g in resolved
                    if i - 2 <= j < i and g == "day" and o.minutes is None and v is not None
                ][-1:]
            value, gran = _day_of_time(c, pub, pub_minutes, same)
        out.append(DateMention(c.start, c.end, value, gran))
    return out


@dataclass(frozen=True, slots=True)
class DateStage:
    """Pipeline stage: sets ``article.dates`` with :func:`find_dates` against ``article.published``.

    English only: an article whose ``language`` is set and is not English is returned
    with a note instead of dates.
    """

    name: str = "dates"
    requires: tuple[str, ...] = ("sentences",)
    provides: tuple[str, ...] = ("dates",)

    def __call__(self, article: Article) -> Article:
        lang = (article.language or "").lower()
        if lang and not lang.startswith("en"):
            note = f"{self.name}: skipped, language {article.language!r} is not supported"
            return article.replace(dates=(), notes=article.notes + (note,))
        sentences = article.sentences or None
        return article.replace(dates=tuple(find_dates(article.text, article.published, sentences)))
