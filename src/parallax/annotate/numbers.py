"""Numbers in news text: find quantities, parse their value, and skip the numbers that are not quantities.

:func:`find_numbers` scans a stretch of text (usually one sentence) and returns a
:class:`NumberMention` for every quantity written in

* digits with separators and decimals: ``1,068``, ``3.5``, ``.5``;
* digits with a scale word or abbreviation: ``1.5 million``, ``$2m``, ``€3bn``, ``10k``;
* words: ``two``, ``twenty-five``, ``three hundred``, ``a dozen``, ``two million``;
* percentages: ``12%``, ``12 percent``, ``12 per cent`` (unit ``"%"``), ``2 percentage points``;
* money: ``$2 million``, ``US$5``, ``€3``, ``£4``, ``USD 5``, ``2 million dollars`` (unit ``"USD"`` ...);
* ranges: ``10-20``, ``10–20``, ``10 to 20``, ``two or three``, ``between 10 and 20``
  (``value`` the lower, ``upper`` the higher bound; a scale, currency or percent sign
  written once applies to both: ``$1-2 million``, ``10-15%``).

Deliberately skipped (never returned), because they are labels, not quantities:

* ordinals (``third``, ``13th``, ``1st``) and fractions (``two-thirds``, ``two thirds``, ``half``);
* vague plurals (``dozens``, ``hundreds of``, ``thousands``): no value to compare;
* dates (a number next to a month name: ``March 10``, ``10 March``), times
  (``10:30``, ``5 p.m.``, ``0900 GMT``), slashed numbers (``9/11``, ``24/7``);
* codes and names: a number glued to letters (``G7``, ``COVID-19``, ``F-16``, ``5G``,
  ``1990s``), after a capitalised word inside the sentence (``Boeing 737``,
  ``Resolution 2254``), after a label word (``No. 2``, ``article 5``, ``flight 17``);
* compound modifiers (``13-year-old``, ``a 5,000-strong force``, ``three-day``);
* ages (``aged 45``, ``45 years old``); phone numbers; version numbers (``1.2.3``);
* ``one`` as a pronoun (``one of the``, ``no one``, ``one another``).

Four-digit numbers between 1800 and 2100 without a separator are returned with
``year_like=True``: the caller decides (the claims stage keeps ``2000 troops`` and
drops ``in 2024``).

Everything here is pure: module-level tables and compiled regexes only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["NUMBER_HINT_RE", "NumberMention", "find_numbers", "parse_number", "parse_number_words"]


@dataclass(frozen=True, slots=True)
class NumberMention:
    """One quantity in the text: ``[start, end)`` covers the whole expression ("$1.5 million", "10-20%").

    ``kind`` is ``"count"``, ``"percent"`` or ``"money"``; ``unit`` is ``"%"`` or a
    currency code (``"USD"``) when the expression itself names one, else ``None``.
    ``written`` is ``"digits"`` or ``"words"``.
    """

    start: int
    end: int
    value: float
    upper: float | None = None
    kind: str = "count"
    unit: str | None = None
    written: str = "digits"
    year_like: bool = False


_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12,
}  # fmt: skip
_CURRENCY_SIGNS = {
    "$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
    "¥": "JPY", "₽": "RUB", "rub": "RUB", "₹": "INR", "₺": "TRY", "₴": "UAH", "₪": "ILS",
    "a$": "AUD", "c$": "CAD", "hk$": "HKD", "chf": "CHF", "cny": "CNY", "jpy": "JPY",
}  # fmt: skip
_CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "us dollars": "USD", "euros": "EUR", "euro": "EUR",
    "pounds sterling": "GBP", "sterling": "GBP", "rubles": "RUB", "roubles": "RUB", "ruble": "RUB",
    "rouble": "RUB", "yuan": "CNY", "renminbi": "CNY", "yen": "JPY", "rupees": "INR",
    "shekels": "ILS", "hryvnias": "UAH", "hryvnia": "UAH", "lira": "TRY", "liras": "TRY",
    "francs": "CHF",
}  # fmt: skip
_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()

_NUMWORD = "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True))
_CUR_PREFIX = r"(?:US\$|HK\$|A\$|C\$|[$€£¥₽₹₺₴₪]|(?:USD|EUR|GBP|RUB|CHF|CNY|JPY)\s?)"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
# Scale: words after a space, abbreviations glued ("$2m") or after a space when unambiguous ("3 bn").
_SCALE = r"(?:\s+(?:thousand|million|billion|trillion)\b|\s?(?:mln|bln|bn|tn|trn)\b|(?:k|m|mn|b)\b)"
_PERCENT = r"(?:\s?%|\s+per\s?cent\b|\s+percentage\s+points?\b)"
_CUR_WORD = r"(?:\s+(?:" + "|".join(sorted(map(re.escape, _CURRENCY_WORDS), key=len, reverse=True)) + r")\b)"

_DIGIT_RE = re.compile(
    rf"(?=[\d.$€£¥₽₹₺₴₪UHACEGRJ])(?<![\d.,])(?P<cur>{_CUR_PREFIX})?(?<![\d.,])(?P<num>{_DIGITS})(?P<scale>{_SCALE})?(?P<pct>{_PERCENT})?(?P<curw>{_CUR_WORD})?"
)
_WORD_SEQ = (
    rf"(?:a\s+(?:dozen|hundred|thousand|million|billion)|(?:{_NUMWORD})(?:(?:-|\s+)(?:{_NUMWORD}))?"
    rf"(?:\s+(?:hundred|thousand|million|billion|dozen)(?:\s+(?:and\s+)?(?:{_NUMWORD})(?:-(?:{_NUMWORD}))?)?)*)"
)
_WORD_RE = re.compile(
    rf"\b(?=[aefnostzuhcgrjAEFNOSTZUHCGRJ$€£¥₽₹₺₴₪])(?P<cur>{_CUR_PREFIX})?(?P<num>{_WORD_SEQ})\b(?P<pct>{_PERCENT})?(?P<curw>{_CUR_WORD})?",
    re.IGNORECASE,
)
_PHONE_RE = re.compile(
    r"(?<![\w,.])(?:\+\d{1,3}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{1,4}(?:[ .-]\d{2,4}){1,4}"
    r"|\(\d{2,4}\)[ .-]?\d{3}[ .-]?\d{4}"
    r"|\d{3}[ .-]\d{3}[ .-]\d{4}"
    r"|\d{3}-\d{4})(?![\w])"
)
_RANGE_GAP_RE = re.compile(r"\s*[-–—]\s*|\s+(?:to|or)\s+|\s+and\s+")
_BETWEEN_RE = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
_TIME_AFTER_RE = re.compile(
    r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|hrs\b|h\b|GMT|UTC|BST|CET|EST|EDT|PST|MSK|local time)"
)
_AGE_AFTER_RE = re.compile(r"\s*(?:-|\s)years?(?:-|\s)old\b|-year-old|\s+yrs?\s+old\b")
#: An age in apposition to a name: "Martin Bamford, 30, from Croydon", "Kevin Snow (57) was".
_APPOSITIVE_AGE_BEFORE_RE = re.compile(
    r"(?<!\b[Ii]n )(?<!\b[Aa]t )(?<!\b[Oo]n )(?<![Ff]rom )(?<![Nn]ear )\b[A-Z][\w'’.-]*(?:,\s+|\s+\()$"
)  # not "In Nice, 84 died": a place
_APPOSITIVE_AGE_AFTER_RE = re.compile(r"(?:,|\))")
_ATTACHED_UNIT_RE = re.compile(r"(?:km|kg|cm|mm|mph|kph|kmh|ha|MW|GW|kW|kWh|bpd|sq)\b")
_WORD_BEFORE_RE = re.compile(r"([A-Za-z][\w.'’]*)\s+$")
_MONTH_AFTER_RE = re.compile(r"\s+(?:" + "|".join(_MONTHS) + r")\b\.?", re.IGNORECASE)
_FRACTION_AFTER_RE = re.compile(
    r"\s+(?:thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?|halves)\b", re.IGNORECASE
)
_ONE_PRONOUN_AFTER_RE = re.compile(r"\s+(?:of|another|or\s+(?:another|the\s+other)|day|time|way|thing)\b")
_ONE_PRONOUN_BEFORE_RE = re.compile(r"\b(?:no|any|every|each|the|this|that|which|someone|anyone)\s+$", re.I)

#: Words after which a number is a label, not a quantity (compared lower-cased, final dot removed).
LABEL_WORDS = frozenset(
    """
    no nos number resolution article articles section chapter paragraph clause page pages pp p
    room flight route highway road gate platform seat lane episode season vol volume version v
    level category phase stage grade class type model unit division brigade battalion regiment
    squad district ward precinct zone sector block building apartment apt suite floor channel
    line bus train track item point rule amendment protocol annex bill act law decree order code lap
    game round match week
    aged age ages
    """.split()
)

#: Capitalised words that may stand right before a quantity inside a sentence.
_FUNCTION_WORDS = frozenset(
    """
    a an the some about around approximately roughly nearly almost over under at least more than
    fewer less up to only just some another all and but or of in on by for with from into since
    after before as estimated exactly precisely another these those its their his her our
    """.split()
)


def parse_number_words(words: str) -> float | None:
    """Value of a number written in words: "twenty-five" → 25, "a dozen" → 12, "three hundred and two" → 302."""
    total = 0.0
    current = 0.0
    seen = False
    for w in re.split(r"[\s-]+", words.lower()):
        if not w or w == "and":
            continue
        if w == "a":
            current = max(current, 1.0)
            continue
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "hundred":
            current = (current or 1.0) * 100
        elif w == "dozen":
            current = (current or 1.0) * 12
        elif w in ("thousand", "million", "billion", "trillion"):
            total += (current or 1.0) * _SCALES[w]
            current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_number(text: str) -> float | None:
    """Value of a number written in digits or words, with an optional scale.

    >>> parse_number("1,068"), parse_number("1.5 million"), parse_number("a dozen")
    (1068.0, 1500000.0, 12.0)
    """
    s = text.strip()
    m = re.fullmatch(rf"({_DIGITS})({_SCALE})?", s, re.IGNORECASE)
    if m:
        value = float(m.group(1).replace(",", ""))
        if m.group(2):
            value *= _SCALES[m.group(2).strip().lower()]
        return value
    return parse_number_words(s)


def _is_sentence_initial(text: str, lo: int, pos: int) -> bool:
    return not text[lo:pos].strip(" \t\"'“‘(«—–-")


def _skip_by_context(
    text: str, lo: int, hi: int, s: int, ns: int, e: int, head_end: int, written: str
) -> bool:
    """True when the number at ``[s, e)`` is a label, date, time, code or age rather than a quantity.

    ``ns`` is where the digits start (after a currency sign); ``head_end`` where the bare
    number ends (before percent or currency words).
    """
    prev = text[ns - 1] if ns > lo else ""
    nxt = text[head_end] if head_end < hi else ""
    if written == "digits":
        if prev and (prev.isalpha() or prev in "#/"):
            return True
        if prev and prev in "-‑" and ns - 2 >= lo and text[ns - 2].isalnum():
            return True  # COVID-19, F-16 (a digit before the dash is a range, handled by the caller)
        if prev and prev in ":." and ns - 2 >= lo and text[ns - 2].isdigit():
            return True  # 10:30, 1.2.3
        if nxt.isalpha() and head_end == e and not _ATTACHED_UNIT_RE.match(text, head_end):
            return True  # 5G, 13th, 1990s, 737MAX
        if nxt and nxt in ":/" and head_end + 1 < hi and text[head_end + 1].isdigit():
            return True
        if nxt == "." and head_end + 1 < hi and text[head_end + 1].isdigit():
            return True
    if e < hi and text[e] in "-‑" and e + 1 < hi and text[e + 1].isalpha():
        return True  # 13-year-old, 5,000-strong, three-day
    if _TIME_AFTER_RE.match(text, head_end) and written == "digits":
        return True
    if _AGE_AFTER_RE.match(text, e):
        return True
    if (
        written == "digits"
        and e - ns <= 3
        and _APPOSITIVE_AGE_AFTER_RE.match(text, e)
        and _APPOSITIVE_AGE_BEFORE_RE.search(text, max(lo, ns - 40), ns)
        and (text[ns - 1] != "(" or text[e] == ")")
    ):
        return True  # "Martin Bamford, 30, from Croydon": an age, not a count
    if _FRACTION_AFTER_RE.match(text, e):
        return True  # "two thirds", "three quarters": a share, not a count
    if _MONTH_AFTER_RE.match(text, head_end) and written == "digits":
        return True
    before = _WORD_BEFORE_RE.search(text, max(lo, s - 40), s)
    if before:
        word = before.group(1)
        low = word.lower().rstrip(".").replace("’", "'")
        if low.rstrip("'s") in _MONTHS or low in _MONTHS:
            return written == "digits"
        if low in LABEL_WORDS or low.rstrip(".") in LABEL_WORDS:
            return True
        if (
            word[0].isupper()
            and low not in _FUNCTION_WORDS
            and not _is_sentence_initial(text, lo, before.start(1))
            and written == "digits"
        ):
            return True  # Boeing 737, Resolution 2254, Gaza 2
    return False


def _mention(text: str, lo: int, hi: int, m: re.Match[str], written: str) -> NumberMention | None:
    s, e = m.start(), m.end()
    num = m.group("num")
    cur = m.group("cur")
    curw = m.group("curw")
    pct = m.group("pct")
    scale = m.groupdict().get("scale")
    head_end = m.end("num")
    if written == "words":
        low = num.lower()
        if low == "one" and (
            _ONE_PRONOUN_AFTER_RE.match(text, e) or _ONE_PRONOUN_BEFORE_RE.search(text, max(lo, s - 12), s)
        ):
            return None
        value = parse_number_words(num)
    else:
        value = float(num.replace(",", ""))
        if scale:
            value *= _SCALES[scale.strip().lower()]
    if value is None:
        return None
    ns = m.start("num")
    if _skip_by_context(text, lo, hi, s, ns, e, m.end("scale") if scale else head_end, written):
        return None
    kind, unit = "count", None
    if pct:
        kind, unit = "percent", "%"
        if "point" in pct:
            unit = "percentage points"
    elif cur or curw:
        kind = "money"
        key = (cur or "").strip().lower() or (curw or "").strip().lower()
        unit = _CURRENCY_SIGNS.get(key) or _CURRENCY_WORDS.get(key)
    year_like = (
        written == "digits"
        and not (cur or curw or pct or scale)
        and re.fullmatch(r"\d{4}", num) is not None
        and 1800 <= value <= 2100
    )
    return NumberMention(s, e, value, None, kind, unit, written, year_like)


def _merge_ranges(text: str, lo: int, found: list[NumberMention]) -> list[NumberMention]:
    """Join "10-20", "10 to 20", "two or three", "between 10 and 20" into one mention with ``upper``."""
    out: list[NumberMention] = []
    i = 0
    while i < len(found):
        a = found[i]
        if i + 1 < len(found):
            b = found[i + 1]
            gap = _RANGE_GAP_RE.fullmatch(text, a.end, b.start)
            between = _BETWEEN_RE.search(text, max(lo, a.start - 10), a.start) is not None
            dash = gap is not None and gap.group().strip() in ("-", "–", "—")
            if dash and a.year_like and b.value < a.value:
                i += 2  # "2019-20": a season, not a quantity
                continue
            if gap and (("and" not in gap.group()) or between) and not a.year_like and not b.year_like:
                lower = a.value
                b_scale = _scale_of(text, b)
                if b_scale > 1 and _scale_of(text, a) == 1 and lower * b_scale <= b.value:
                    lower *= b_scale  # "$1-2 million", "10 to 20 million": the scale is written once
                if lower < b.value and not (gap.group().strip() == "to" and _from_before(text, lo, a)):
                    kind = b.kind if a.kind == "count" else a.kind
                    unit = b.unit if a.unit is None else a.unit
                    out.append(NumberMention(a.start, b.end, lower, b.value, kind, unit, a.written, False))
                    i += 2
                    continue
                if dash:
                    i += 2  # "3-1", "2019-20": a score or a season, not a quantity
                    continue
        out.append(a)
        i += 1
    return out


def _scale_of(text: str, m: NumberMention) -> float:
    scale = re.search(rf"{_SCALE}", text[m.start : m.end], re.IGNORECASE)
    return _SCALES[scale.group().strip().lower()] if scale else 1.0


def _from_before(text: str, lo: int, m: NumberMention) -> bool:
    return re.search(r"\bfrom\s+\S*$", text[max(lo, m.start - 12) : m.start], re.IGNORECASE) is not None


#: Finds where a number may stand (a digit or a number word): a cheap filter before :func:`find_numbers`.
NUMBER_HINT_RE = re.compile(rf"\d|\b(?:{_NUMWORD}|dozen|hundred|thousand|million|billion|trillion)\b", re.IGNORECASE)
_HINT_DIGIT_RE = re.compile(r"\d")
_HINT_WORDS = (*_UNITS, *_TENS, "dozen", "hundred", "thousand", "million", "billion", "trillion")


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def number_hints(text: str) -> list[int]:
    """The starts of ``NUMBER_HINT_RE.finditer(text)``, found faster.

    Matches of the two halves cannot overlap (a digit is never inside a number word) and no
    word match can start inside another, so the digits come from a plain ``\\d`` scan and the
    words from ``str.find`` on the lower-cased text, each checked for a word boundary on both
    sides. Lower-casing stands in for case-insensitive matching unless it changes the length or
    the text holds one of the two characters that match an ASCII letter only under IGNORECASE
    (dotless i, long s): then the regex itself runs.
    """
    lowered = text.lower()
    if len(lowered) != len(text) or "ı" in text or "ſ" in text:
        return [m.start() for m in NUMBER_HINT_RE.finditer(text)]
    starts = {m.start() for m in _HINT_DIGIT_RE.finditer(text)}
    n = len(text)
    for word in _HINT_WORDS:
        i = lowered.find(word)
        while i != -1:
            e = i + len(word)
            if (i == 0 or not _is_word_char(text[i - 1])) and (e == n or not _is_word_char(text[e])):
                starts.add(i)
            i = lowered.find(word, i + 1)
    return sorted(starts)


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[NumberMention]:
    """Every quantity in ``text[start:end]`` (see the module docstring for what is skipped), in order."""
    hi = len(text) if end is None else end
    lo = start
    raw: list[tuple[re.Match[str], str]] = []
    digit_matches = list(_DIGIT_RE.finditer(text, lo, hi))
    if digit_matches:
        blocked = [(m.start(), m.end()) for m in _PHONE_RE.finditer(text, lo, hi)]
        for m in digit_matches:
            if not any(bs < m.end() and m.start() < be for bs, be in blocked):
                raw.append((m, "digits"))
    taken = [(m.start(), m.end()) for m, _ in raw]
    for m in _WORD_RE.finditer(text, lo, hi):
        if not any(ts < m.end() and m.start() < te for ts, te in taken):
            raw.append((m, "words"))
    raw.sort(key=lambda item: item[0].start())
    # Digits right after a dash that follows a digit ("10-20") are kept for range merging.
    found: list[NumberMention] = []
    for m, written in raw:
        s = m.start()
        if written == "digits" and s - 2 >= lo and text[s - 1] in "-–—" and text[s - 2].isdigit():
            mention = _mention(text, s, hi, m, written)
        else:
            mention = _mention(text, lo, hi, m, written)
        if mention is not None:
            found.append(mention)
    return _merge_ranges(text, lo, found)
