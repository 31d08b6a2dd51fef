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
``March 10``, ``Nov. 10``, ``10 March``      that day in the year that puts it nearest to P; a date more
                                             than 2 months after P counts as twice as far (news looks
                                             back), and in a future-tense clause a date more than 2
                                             months before P does; ``since March 10`` is on or before P;
                                             ``Monday, Aug. 3`` takes a year where Aug. 3 is a Monday;
                                             the first date of a range ("Jan. 1 to Sept. 26") is the
                                             latest one not after the second
``June 12 last year``, ``May of next year``  that day or month of P's year shifted
``March 2025``, ``early March 2025``         that month
``in December``, ``early March``, ``mid-``   the most recent such month not after P's month; ``last
``January``, ``last May``, ``next June``     December`` strictly before, ``next June`` strictly after,
                                             ``this June`` in P's year; future tense: the next one;
                                             ``since May``: never after P's month
``2024``, ``in 2024``, ``late 2024``         that year (a bare number only when it cannot be a count)
``last/this/next year``, ``last month``      P's year or month shifted
``Tuesday``, ``on Monday``, ``last Friday``  the most recent such day on or before P (``last``: strictly
``Sunday's race``                            before); in a future-tense clause or with ``next``: the
                                             first such day on or after P (``next``: strictly after);
                                             ``this``: within P's Monday-to-Sunday week
``today``, ``tonight``, ``this morning``     P; ``yesterday``, ``last night`` P - 1; ``tomorrow`` P + 1
``two days ago``, ``twenty-five years ago``  P minus that many days (day, week), months or years
``a decade ago``                             (decade: ten years)
``at 6.10am``, ``around 11:30pm local``      the day of the day-level mention it is attached to ("at
``time``, ``at 00:48``                       9pm on Sunday", "7 p.m. Tuesday"), else of the nearest one
                                             in its sentence, else of the nearest one in the two
                                             sentences before (not for a live-blog timestamp line
                                             "9:18 p.m."; not a ``since`` date), else P; P - 1 when the
                                             time is later than a known publication time in a clause
                                             with a past-tense cue, unless it is in "local time" (the
                                             event's clock, not the publication's: no comparison)
``in the early hours of Thursday``,          the day of the mention it introduces ("the morning of",
``the night of March 3``                     "the small hours of" ...)
``on the eve of Tuesday's vote``,            the day of the mention it introduces, shifted: the anchor
``two days before March 10``,                must be a day-level mention right after the phrase;
``the day after Sunday's race``              "two days before the election" (no dated anchor) is not
                                             found
==========================================  ==========================================================

Tense is read per mention, not per sentence: the nearest tense cue before the mention in its
sentence decides ("X said Wednesday that Y will ..." is past; "Y will meet X on Thursday" is
future), else the nearest cue after it ("On Monday, X will ..."); no cue reads as past. Future
cues: "will", "'ll", "shall", "would" (not "would have", "would not"), "is/are
scheduled/set/due/expected/slated/planned/poised", "is/are going to", "was/were scheduled ...
to", "plans to", "ahead of", "upcoming"; past cues: "said", "told", "was", "were", "had", "did",
common irregular past forms, present reporting verbs ("says", "shows"), and lower-case ``-ed``
words that do not follow a form of "be", "get", "remain" or a determiner ("will be released",
"remain closed", "the proposed law" are not past).

In an embedded post (a tweet "... — Name (@handle) May 28, 2016", "A post shared by X (@x) on
Feb 4, 2018"), relative expressions resolve against the post's own date, not P.

Without a publication date, everything but a fully written date ("March 10, 2025",
"2025-03-10", "March 2025", "2024") keeps ``value=None``. Week expressions
("last week") are found with ``value=None`` and ``granularity="week"``: the schema
has no week value.

Lower-case "may" and "march" are never months; a capitalised month name alone needs
a preposition or modifier ("in May", "early March") or a number next to it, so
"Theresa May said" and "March organisers said" are not dates; a month abbreviation must end
the word ("14 Mar" is not read in "14 Marcus"), and "Long March 9" (a rocket) is a name.
Weekday names followed by a publication word ("Sunday Times", "Saturday Night Live") are
skipped; a possessive weekday ("Sunday's Grand Prix") is a date.
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
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip

#: Capitalised words that make a preceding weekday part of a name ("Sunday Times").
WEEKDAY_NAME_FOLLOWERS = frozenset(
    "Times Telegraph Mirror Express Herald Post Independent Mail Sport People Star Tribune Observer "
    "Business Review Night Football School Service Edition Magazine Briefing Show".split()
)
#: Words before a weekday that make it a name or a feast rather than a date.
WEEKDAY_NAME_PRECEDERS = frozenset(
    {"bloody", "super", "black", "cyber", "good", "holy", "ash", "easter", "palm", "news"}
)  # "News": "Fox News Sunday", a programme
#: Words before a month name that make "Month D" a name rather than a date ("Long March 9", a rocket).
MONTH_NAME_PRECEDERS = frozenset({"Long", "Theresa", "Brian", "Mrs", "Ms", "Mr", "Minister"})

#: Tense cues, read word by word (:func:`_tense_cues`). Future: a bare weekday, month or month-day
#: then looks ahead. Past: auxiliaries, common irregular past forms, and -ed words that are not a
#: participle or an adjective. Reporting verbs in the present ("says", "shows") count as not future.
_FUTURE_WORDS = frozenset({"will", "shall", "won't", "won’t", "upcoming"})
_SCHEDULED = frozenset({"scheduled", "set", "due", "expected", "slated", "planned", "poised"})
_PAST_WORDS = frozenset(
    "says say shows said told was were had did wasn't weren't hadn't didn't wasn’t weren’t hadn’t "
    "didn’t made held met took came went left gave began won lost led ran sent spoke saw found fell "
    "rose became brought bought caught fought thought knew grew drew flew threw wrote broke chose "
    "struck shot stood sat sold spent paid heard felt kept got woke laid shook swore hung dug fled "
    "sought taught meant built stole sank tore wore forgot froze hid rode rang sang drove arose "
    "overtook withdrew undertook upheld oversaw foresaw".split()
)
_WORD_RX = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
#: First words of every tense cue but the -ed and -'ll ones: the rest are skipped at once.
_CUE_STARTS = _FUTURE_WORDS | _PAST_WORDS | {"would", "is", "are", "was", "were", "plan", "plans", "ahead", "to"}
#: -ed words that are not past verbs: present verbs in -eed, nouns, adjectives.
_PAST_ED_STOP = frozenset(
    "need proceed exceed succeed feed seed speed bleed breed heed weed deed indeed greed steed reed creed "
    "tweed shed sled embed hundred based alleged naked wicked sacred beloved kindred aged".split()
)
#: Words before an -ed word that make it a participle or an adjective, not a past verb.
_PASSIVE_BEFORE = frozenset(
    "be been being is are am was were get gets got remain remains remained stay stays stayed "
    "the a an this that these those its their his her our".split()
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
_REL_YEAR = r"(?:of\s+)?(?P<rel>last|this|next)\s+year\b"
_MOD = r"(?P<mod>early|mid|late|last|next|this|the\s+end\s+of|end\s+of|the\s+start\s+of|the\s+beginning\s+of)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))"
_NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})*|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine)\b)?|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    r"|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
)

_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_SLASH = re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4})\b")
_MDY = re.compile(
    rf"\b(?:(?P<wd>{_WEEKDAY_ANY}),?\s+)?(?P<month>{_MONTH_ANY})\s+{_DAY}\b(?![:.,]\d)"
    rf"(?:,?\s+{_YEAR}\b|,?\s+{_REL_YEAR})?"
)
_DMY = re.compile(
    rf"\b(?:the\s+)?{_DAY}\s+(?:of\s+)?(?P<month>{_MONTH_ANY})(?![a-z])(?:,?\s+{_YEAR}\b|\s+{_REL_YEAR})?"
)
_MONTH_YEAR = re.compile(rf"\b(?:{_MOD}[\s-]+)?(?P<month>{_MONTH_FULL})(?:\s+of)?,?\s+{_YEAR}\b")
_MONTH_REL_YEAR = re.compile(
    rf"\b(?:(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Dd]uring|[Tt]hrough)\s+)?(?:{_MOD}[\s-]+)?"
    rf"(?P<month>{_MONTH_FULL})\s+{_REL_YEAR}"
)
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
#: The count and unit before an "ago" (searched back from it, anchored at its start).
_AGO_BEFORE = re.compile(
    rf"(?<![\w,.-])(?P<n>{_NUMBER})\s+(?P<unit>day|week|month|year|decade)s?\s+$", re.IGNORECASE
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
#: A 24-hour clock time that cannot be on a 12-hour clock ("00:48", "14:30"; not "10:25"): a time only
#: after "at", "around" ...
_TIME24 = re.compile(
    r"(?<![\w.:])(?:0\d|1[3-9]|2[0-3]):[0-5]\d\b(?![:.]\d)(?!\s*(?:[ap]\.?m\b|[ap]\.m\.))", re.IGNORECASE
)
_TIME_PREFIX = re.compile(
    r"(?:\b(?:at|around|about|approximately|before|after|by|from|until|till|shortly\s+before|shortly\s+after"
    r"|just\s+before|just\s+after)\s+)+$",
    re.IGNORECASE,
)
#: A time zone (or "local time") after a clock time: part of the mention.
_ZONE = re.compile(
    r"\s*(?:local\s+time|(?:GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT|CT|JST|KST|AEST|AEDT|IST"
    r"|MSK|HKT|SGT)\b|(?:Eastern|Pacific|Central|Mountain)(?:\s+(?:Standard|Daylight))?(?:\s+[Tt]ime)?\b"
    r"|(?:[A-Z][a-z]+\s+){1,2}time\b)"
)
_AGO_CORE = re.compile(r"\bago\b", re.IGNORECASE)
#: Phrases that introduce a day-level mention and give the day they mean: same day, the eve, or an offset.
_PREFIX = re.compile(
    r"(?:\b(?:[Ii]n|[Oo]n|[Dd]uring)\s+)?\b[Tt]he\s+(?:(?:early|small|wee)\s+hours|morning|afternoon|evening"
    r"|night|(?P<eve>eve))\s+of\s+$"
    rf"|(?<![\w-])(?P<n>{_NUMBER})\s+(?P<unit>day|week)s?\s+(?P<dir>before|after|prior\s+to|earlier\s+than"
    r"|later\s+than)\s+(?:the\s+)?$"
    r"|\b[Tt]he\s+(?P<dunit>day|night)\s+(?P<ddir>before|after)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_PREFIX_ENDS = ("of", "before", "after", "to", "than", "the", "OF", "BEFORE", "AFTER", "TO", "THAN", "THE")
#: An embedded post's signature: "(@handle) May 28, 2016" / "(@handle) on Feb 4, 2018".
_POST_SIGNATURE = re.compile(
    rf"\(@\w{{1,15}}\)\s+(?:on\s+)?(?P<month>{_MONTH_ANY})\s+{_DAY},?\s+{_YEAR}\b"
)
#: Between two month-days of a range ("Jan. 1 to Sept. 26", "between Jan. 1 and Sept. 26").
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|through|until|till|(?P<and>and))\s*$")
_POST_MAX = 300  # characters of a post before its signature (a tweet is at most 280)

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
_REL_YEAR_HINT = re.compile(r"(?:last|this|next)\s+year")
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


def _previous_word(text: str, end: int) -> str:
    k = _word_before(text, end)
    if k is None:
        return ""
    j = k
    while j < end and _is_word(text[j]):
        j += 1
    return text[k:j]


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

#: ``resolve(anchor, future)``: the value and granularity of a mention, given the date relative
#: expressions are read against (the publication date, or an embedded post's date) and the tense.
Resolver = Callable[[date | None, bool], tuple[str | None, str | None]]


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    priority: int
    resolve: Resolver
    minutes: int | None = None  # a time of day: minutes after midnight
    local: bool = False  # a time of day in "local time": another clock than the publication's
    tensed: bool = False  # the value depends on the tense of its clause
    month_day: tuple[int, int] | None = None  # a month-day without a year: may start a range
    anchors_time: bool = True  # False for "since March 10": a starting point, not the day of a clock time


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


def _number(raw: str) -> int:
    raw = raw.lower().replace(",", "")
    if raw.isdigit():
        return int(raw)
    parts = re.split(r"[-\s]+", raw)
    return sum(NUMBER_WORDS[p] for p in parts)


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    total = y * 12 + (m - 1) + k
    return total // 12, total % 12 + 1


def resolve_month_day(
    month: int, day: int, pub: date, future: bool = False, *, weekday: int | None = None, since: bool = False
) -> date | None:
    """The year for a month-day without one, against ``pub``.

    The nearest such date, where a date more than 2 months on the unexpected side of ``pub``
    (after it in a past or neutral clause, before it in a future one) counts as twice as far.
    ``since``: the latest such date not after ``pub``. ``weekday`` (from "Monday, Aug. 3"):
    only years where the date falls on that weekday, the nearest three first, then back six more.
    """
    cands = [d for y in (pub.year - 1, pub.year, pub.year + 1) if (d := _valid(y, month, day)) is not None]
    if weekday is not None:
        pinned = [d for d in cands if d.weekday() == weekday]
        if not pinned:
            for y in range(pub.year - 2, pub.year - 8, -1):
                d = _valid(y, month, day)
                if d is not None and d.weekday() == weekday:
                    return d
        else:
            cands = pinned
    if since:
        before = [d for d in cands if d <= pub]
        return max(before) if before else None
    best: tuple[float, date] | None = None
    for d in cands:
        delta = (d - pub).days
        cost = float(abs(delta))
        if (delta > 61 and not future) or (delta < -61 and future):
            cost *= 2.0
        if best is None or cost < best[0]:
            best = (cost, d)
    return best[1] if best else None


def _latest_not_after(month: int, day: int, limit: date) -> date | None:
    for y in (limit.year, limit.year - 1):
        d = _valid(y, month, day)
        if d is not None and d <= limit:
            return d
    return None


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


def _resolve_month_alone(
    month: int, pub: date, mod: str | None, future: bool, since: bool = False
) -> tuple[int, int]:
    mod = (mod or "").lower()
    if mod == "this":
        return pub.year, month
    if not since and (mod == "next" or (future and mod not in ("last",))):
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


def _fixed(value: str | None, gran: str) -> Resolver:
    return lambda anchor, future: (value, gran)


def _candidates(text: str) -> list[_Candidate]:  # noqa: C901 - one flat list of patterns
    out: list[_Candidate] = []
    add = out.append

    for m in _ISO.finditer(text) if _ISO_HINT.search(text) else ():
        d = _valid(int(m["year"]), int(m["month"]), int(m["day"]))
        if d:
            add(_Candidate(m.start(), m.end(), _P_HIGH, _fixed(*_day(d))))
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
            add(_Candidate(m.start(), m.end(), _P_HIGH, _fixed(*_day(d))))
    mdy = _iter_at(_MDY, text, [m.start() for m in _MDY_START.finditer(text)])
    dmy = _DMY.finditer(text) if _DMY_HINT.search(text) else ()
    for matches in (mdy, dmy):
        for m in matches:
            month, day = _month_num(m["month"]), int(m["day"])
            if m["year"]:
                d = _valid(int(m["year"]), month, day)
                if d:
                    add(_Candidate(m.start(), m.end(), _P_HIGH, _fixed(*_day(d))))
                continue
            if _valid(2000, month, day) is None:
                continue
            weekday = WEEKDAYS[m["wd"].lower().rstrip(".")] if m.groupdict().get("wd") else None
            if weekday is None and _previous_word(text, m.start()) in MONTH_NAME_PRECEDERS:
                continue  # "Long March 9": a name
            if m["rel"]:
                k = {"last": -1, "next": 1}.get(m["rel"].lower(), 0)

                def md_rel(anchor: date | None, future: bool, month: int = month, day: int = day, k: int = k):
                    d = _valid(anchor.year + k, month, day) if anchor is not None else None
                    return (d.isoformat() if d else None), "day"

                add(_Candidate(m.start(), m.end(), _P_HIGH, md_rel))
                continue
            since = _previous_word(text, m.start()).lower() == "since"

            def md(anchor: date | None, future: bool, month: int = month, day: int = day,
                   weekday: int | None = weekday, since: bool = since):  # fmt: skip
                if anchor is None:
                    return None, "day"
                d = resolve_month_day(month, day, anchor, future, weekday=weekday, since=since)
                return (d.isoformat(), "day") if d else (None, "day")

            add(_Candidate(m.start(), m.end(), _P_HIGH, md, tensed=True, month_day=(month, day),
                           anchors_time=not since))  # fmt: skip
    month_cores = [m.start() for m in _MONTH_FULL_SCAN.finditer(text)]
    for m in _MONTH_YEAR.finditer(text) if month_cores and _YEAR_HINT.search(text) else ():
        start = m.start("mod") if m["mod"] else m.start("month")
        add(_Candidate(start, m.end(), _P_MID, _fixed(*_month(int(m["year"]), _month_num(m["month"])))))
    rel_year = bool(month_cores) and "year" in text and _REL_YEAR_HINT.search(text) is not None
    for m in _MONTH_REL_YEAR.finditer(text) if rel_year else ():
        start = m.start()
        k = {"last": -1, "next": 1}.get(m["rel"].lower(), 0)

        def mo_rel(anchor: date | None, future: bool, month: int = _month_num(m["month"]), k: int = k):
            return (None, "month") if anchor is None else _month(anchor.year + k, month)

        add(_Candidate(start, m.end(), _P_MID, mo_rel))
    for m in _iter_at(_MONTH_ALONE, text, _preceded(text, month_cores, 1, hyphen=True)):
        month, mod = _month_num(m["month"]), m["mod"]
        since = (m["prep"] or "").lower() == "since"

        def mo(anchor: date | None, future: bool, month: int = month, mod: str | None = mod,
               since: bool = since):  # fmt: skip
            if anchor is None:
                return None, "month"
            return _month(*_resolve_month_alone(month, anchor, mod, future, since))

        add(_Candidate(m.start(), m.end(), _P_MID, mo, tensed=True))
    for m in _YEAR_ALONE.finditer(text) if _YEAR_HINT.search(text) else ():
        if m["after"] and not (m["mod"] or m["prep"]):
            continue  # "2000 troops", "2016.5": a count, not a year
        add(_Candidate(m.start(), m.end("year"), _P_LOW, _fixed(m["year"], "year")))
    for m in _relative_periods(text):
        mod = re.sub(r"\s+", " ", m["mod"].lower())
        unit = m["unit"].lower()
        if mod == "past":
            continue
        k = {"last": -1, "next": 1}.get(mod, 0)

        def rp(anchor: date | None, future: bool, k: int = k, unit: str = unit):
            if unit == "week":
                return None, "week"
            if anchor is None:
                return None, unit
            if unit == "year":
                return str(anchor.year + k), "year"
            return _month(*_shift_month(anchor.year, anchor.month, k))

        add(_Candidate(m.start(), m.end(), _P_MID, rp))
    for core in _AGO_CORE.finditer(text) if "ago" in text.lower() else ():
        m = _AGO_BEFORE.search(text, max(0, core.start() - 40), core.start())
        if m is None:
            continue
        n = _number(m["n"])
        unit = m["unit"].lower()
        if unit == "decade":
            n, unit = n * 10, "year"
        if unit == "year" and n > 999:
            continue  # "8,000 years ago": before any year we write

        def ago(anchor: date | None, future: bool, n: int = n, unit: str = unit):
            if unit in ("day", "week"):
                if anchor is None:
                    return None, "day"
                return _day(anchor - timedelta(days=n * (7 if unit == "week" else 1)))
            if anchor is None:
                return None, unit
            if unit == "month":
                return _month(*_shift_month(anchor.year, anchor.month, -n))
            return str(anchor.year - n), "year"

        add(_Candidate(m.start(), core.end(), _P_MID, ago))
    for m in _DEICTIC.finditer(text) if _DEICTIC_HINT.search(text) else ():
        if m["today"] and text[max(0, m.start() - 4) : m.start()] == "USA ":
            continue
        shift = 0 if m["today"] else (-1 if m["yesterday"] else 1)

        def deictic(anchor: date | None, future: bool, shift: int = shift):
            return (None, "day") if anchor is None else _day(anchor + timedelta(days=shift))

        add(_Candidate(m.start(), m.end(), _P_MID, deictic))
    weekday_cores = [m.start() for m in _WEEKDAY_FULL_SCAN.finditer(text)]
    for m in _iter_at(_WEEKDAY, text, _preceded(text, weekday_cores, 2)):
        after = text[m.end() : m.end() + 20].lstrip(" ")
        nxt = after.split(" ", 1)[0].strip(".,;:!?\"'”’") if after else ""
        if nxt in WEEKDAY_NAME_FOLLOWERS and not m["part"]:
            continue
        before = text[max(0, m.start() - 12) : m.start()].split()
        if not m["mod"] and before and before[-1].lower() in WEEKDAY_NAME_PRECEDERS:
            if before[-1].lower() != "news" or not (m["part"] or text.startswith(("'s", "’s"), m.end())):
                continue  # "Good Friday", "Fox News Sunday" (but "Fox News Tuesday night", "News Friday's")
        weekday = WEEKDAYS[m["wd"].lower()]
        mod = (m["mod"] or "").lower().split()[0] if m["mod"] else None

        def wd(anchor: date | None, future: bool, weekday: int = weekday, mod: str | None = mod):
            if anchor is None:
                return None, "day"
            return _day(resolve_weekday(weekday, anchor, mod, future))

        add(_Candidate(m.start(), m.end(), _P_MID, wd, tensed=mod not in ("last", "next", "this")))
    times = list(_TIME.finditer(text)) if _TIME_HINT.search(text) else []
    colon = text.find(":")
    while colon != -1:
        m24 = _TIME24.match(text, colon - 2) if colon >= 2 else None
        if m24 is not None and _TIME_PREFIX.search(text, max(0, colon - 32), colon - 2) is not None:
            times.append(m24)  # a bare "14:30" may be a score or a ratio; "at 14:30" is a time
        colon = text.find(":", colon + 1)
    for m in times:
        pre = _TIME_PREFIX.search(text, max(0, m.start() - 30), m.start())
        start = pre.start() if pre else m.start()
        zone = _ZONE.match(text, m.end())
        end = zone.end() if zone else m.end()
        local = zone is not None and zone.group().strip().lower().startswith("local")
        minutes = _minutes(m.group())
        add(_Candidate(start, end, _P_TIME, _unresolved_day, minutes=minutes, local=local, tensed=True))
    return out


def _unresolved_day(anchor: date | None, future: bool) -> tuple[str | None, str | None]:
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


_ADVERB_SKIP = frozenset("not also already just still then now never ever since formally officially".split())


def _tense_cues(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """The tense cues of ``text[start:end]``: ``(start, end, is_future)``, in order.

    Future: "will", "shall", "won't", "'ll", "upcoming", "would" (not "would have", "would not",
    "wouldn't"), "is/are scheduled|set|due|expected|slated|planned|poised", "is/are going to",
    "was/were scheduled|... to", "plan(s) to", "ahead of", "to be held". Past: :data:`_PAST_WORDS`,
    and lower-case -ed words not in :data:`_PAST_ED_STOP`, not after a hyphen or apostrophe, and
    not after a form of "be", "get", "remain" or a determiner (over -ly adverbs: "will be formally
    completed").
    """
    ms = list(_WORD_RX.finditer(text, start, end))
    lows = [m.group().lower() for m in ms]
    cues: list[tuple[int, int, bool]] = []
    n = len(ms)
    i = 0
    while i < n:
        lw = lows[i]
        if lw not in _CUE_STARTS and not lw.endswith(("ed", "ll")):
            i += 1
            continue
        nxt = lows[i + 1] if i + 1 < n else ""
        third = lows[i + 2] if i + 2 < n else ""
        future: bool | None = None
        k = 1
        if lw in _FUTURE_WORDS or lw.endswith(("'ll", "’ll")):
            future = True
        elif lw == "would":
            future = None if nxt in ("have", "not") else True
        elif lw in ("is", "are") and (nxt in _SCHEDULED or (nxt == "going" and third == "to")):
            future, k = True, 2
        elif lw in ("was", "were") and (nxt in _SCHEDULED or nxt == "going") and third == "to":
            future, k = True, 3
        elif (lw in ("plan", "plans") and nxt == "to") or (lw == "ahead" and nxt == "of"):
            future, k = True, 2
        elif lw == "to" and nxt == "be" and third == "held":
            future, k = True, 3
        elif lw in _PAST_WORDS:
            future = False
        elif lw.endswith("ed") and len(lw) >= 4 and lw not in _PAST_ED_STOP:
            s = ms[i].start()
            if text[s].islower() and text[s - 1 : s] not in ("-", "'", "’") and not _participle_before(lows, i):
                future = False
        if future is not None:
            cues.append((ms[i].start(), ms[i + k - 1].end(), future))
        i += k
    return cues


def _participle_before(lows: list[str], i: int) -> bool:
    """Whether word ``i`` (an -ed word) follows a form of "be", "get", "remain" or a determiner, over
    -ly adverbs and "not", "already" ...: a participle or an adjective, not a past verb."""
    for j in range(i - 1, max(-1, i - 4), -1):
        word = lows[j]
        if word in _PASSIVE_BEFORE:
            return True
        if not (word.endswith("ly") or word in _ADVERB_SKIP):
            return False
    return False


class _Tense:
    """The tense of the clause around a mention: True (future), False (past) or None (no cue).

    The nearest cue before the mention in its sentence decides, else the nearest after it.
    """

    __slots__ = ("text", "sentences", "cache")

    def __init__(self, text: str, sentences: Sequence[Span]) -> None:
        self.text = text
        self.sentences = sentences
        self.cache: dict[int, list[tuple[int, int, bool]]] = {}

    def of(self, i: int, start: int, end: int) -> bool | None:
        cues = self.cache.get(i)
        if cues is None:
            s = self.sentences[i] if i < len(self.sentences) else None
            cues = self.cache[i] = _tense_cues(self.text, s.start, s.end) if s is not None else []
        left: bool | None = None
        for cs, ce, fut in cues:
            if ce <= start:
                left = fut
            elif cs >= end:
                return fut if left is None else left
        return left


def _post_anchors(text: str) -> list[tuple[int, int, date]]:
    """Embedded posts: ``(body_start, signature_start, post_date)`` for each signed post."""
    out: list[tuple[int, int, date]] = []
    prev_end = 0
    for m in _POST_SIGNATURE.finditer(text):
        d = _valid(int(m["year"]), _month_num(m["month"]), int(m["day"]))
        if d is None:
            continue
        sig = m.start()
        body = max(text.rfind("\n", 0, sig) + 1, sig - _POST_MAX, prev_end)
        out.append((body, sig, d))
        prev_end = m.end()
    return out


def _post_date(posts: list[tuple[int, int, date]], pos: int) -> date | None:
    for body, sig, d in posts:
        if body <= pos < sig:
            return d
    return None


_TIMESTAMP_AFTER = re.compile(r"[ \t]*(?:$|\n|[-–—:|]\s)")


def _is_timestamp(text: str, c: _Candidate) -> bool:
    """A clock time alone at the start of a line, or followed by a dash: a live-blog entry's time."""
    line_start = text.rfind("\n", 0, c.start) + 1
    return not text[line_start : c.start].strip() and _TIMESTAMP_AFTER.match(text, c.end) is not None


_ATTACH_AFTER = re.compile(r"[\s,]*(?:on\s+)?$")
_ATTACH_BEFORE = re.compile(r"[\s,]*$")


def _day_of_time(
    c: _Candidate,
    anchor: date | None,
    pub_minutes: int | None,
    tense: bool | None,
    text: str,
    same: list[tuple[_Candidate, str | None]],
    earlier: list[tuple[_Candidate, str | None]],
) -> tuple[str | None, str | None]:
    """A time of day: see the module docstring for the rule."""
    days = [(o, v) for o, v in same if v is not None]
    for o, v in days:  # attached: "7 p.m. Tuesday", "at 9pm on Sunday", "Sunday at 9pm", "Feb. 7, around 8 a.m."
        if o.start >= c.end and _ATTACH_AFTER.match(text, c.end, o.start):
            return v, "day"
    for o, v in days:
        if o.end <= c.start and _ATTACH_BEFORE.match(text, o.end, c.start):
            return v, "day"
    if days:
        gap = lambda ov: ov[0].start - c.end if ov[0].start >= c.end else c.start - ov[0].end  # noqa: E731
        return min(days, key=gap)[1], "day"
    if not _is_timestamp(text, c):  # a timestamp line ("9:18 p.m.", "10.06am - UPDATE") starts afresh
        for o, v in reversed(earlier):
            if v is not None:
                return v, "day"
    if anchor is None:
        return None, "day"
    if pub_minutes is not None and c.minutes is not None and tense is False and not c.local:
        if c.minutes > pub_minutes:
            return _day(anchor - timedelta(days=1))
    return _day(anchor)


def _shifted(value: str, days: int) -> str:
    return (date.fromisoformat(value) + timedelta(days=days)).isoformat()


def find_dates(text: str, published: str | None, sentences: Sequence[Span] | None = None) -> list[DateMention]:
    """Every temporal expression of ``text``, resolved against ``published`` (ISO 8601 or None).

    ``sentences`` (spans into ``text``) are used to read the tense around a mention and to
    give a time of day the date of its sentence; they are computed when not given.
    """
    pub = parse_published(published)
    chosen = _select(_candidates(text), len(text))
    if not chosen:
        return []
    if sentences is None:
        sentences = split_sentences(text)
    tense = _Tense(text, sentences)
    posts = _post_anchors(text) if "(@" in text else []
    pub_minutes = parse_published_minutes(published) if pub is not None else None
    # (candidate, sentence index, value, granularity, anchor, future)
    rows: list[list] = []
    for c in chosen:
        i = _sentence_index(sentences, c.start)
        anchor = pub
        post = _post_date(posts, c.start) if posts else None
        if post is not None:
            anchor = post
        future = tense.of(i, c.start, c.end) if c.tensed and anchor is not None else None
        if c.minutes is not None:
            rows.append([c, i, None, None, anchor, future, post is not None])
            continue
        value, gran = c.resolve(anchor, bool(future))
        rows.append([c, i, value, gran, anchor, future, post is not None])
    # a range "Jan. 1 to Sept. 26": the first month-day is the latest one not after the second
    for a, b in zip(rows, rows[1:]):
        ca, cb = a[0], b[0]
        if ca.month_day is None or b[3] != "day" or b[2] is None or cb.minutes is not None:
            continue
        join = _RANGE_JOIN.match(text, ca.end, cb.start)
        if join is None or (join["and"] and _previous_word(text, ca.start).lower() != "between"):
            continue
        d = _latest_not_after(*ca.month_day, date.fromisoformat(b[2]))
        if d is not None:
            a[2] = d.isoformat()
    for k, (c, i, value, gran, anchor, future, in_post) in enumerate(rows):
        if c.minutes is None:
            continue
        same = [
            (r[0], r[2]) for r in rows
            if r[1] == i and r[3] == "day" and r[0].minutes is None and r[0].anchors_time
        ]  # fmt: skip
        earlier = [
            (r[0], r[2]) for r in rows[:k]
            if i - 2 <= r[1] < i and r[3] == "day" and r[0].minutes is None and r[0].anchors_time
        ]  # fmt: skip
        minutes = None if in_post else pub_minutes
        rows[k][2], rows[k][3] = _day_of_time(c, anchor, minutes, future, text, same, earlier)
    out: list[DateMention] = []
    prev_end = 0
    for c, i, value, gran, anchor, future, in_post in rows:
        start = c.start
        tail = text[max(prev_end, start - 8) : start].rstrip()
        if gran == "day" and value is not None and tail.endswith(_PREFIX_ENDS):
            m = _PREFIX.search(text, max(prev_end, start - 48), start)
            if m is not None and m.end() == start:
                if m["eve"]:
                    value = _shifted(value, -1)
                elif m["n"]:
                    n = _number(m["n"]) * (7 if m["unit"].lower() == "week" else 1)
                    back = m["dir"].lower() in ("before", "prior to", "earlier than")
                    value = _shifted(value, -n if back else n)
                elif m["dunit"]:
                    value = _shifted(value, -1 if m["ddir"].lower() == "before" else 1)
                start = m.start()
        out.append(DateMention(start, c.end, value, gran))
        prev_end = c.end
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
