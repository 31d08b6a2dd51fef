"""A cheap language guess: the writing system first, then common-word profiles.

Non-Latin scripts decide most languages on their own (Hangul, kana, Han, Arabic,
Hebrew, Greek, Thai, Devanagari, Georgian, Armenian); Cyrillic text is told apart by
its common words and letters. Latin-script text is scored against short profiles of
the most frequent function words of en, de, fr, es, it, pt, nl (and a few more). The
detector says ``None`` rather than guess when the evidence is thin or close.
"""

from __future__ import annotations

import re
import unicodedata

#: Characters of the text looked at: the start of an article says enough.
SAMPLE_CHARS = 3000
#: Fewest profile words a Latin-script text must hit before a language is named.
MIN_HITS = 4
#: The best language must beat the runner-up by this factor.
MIN_MARGIN = 1.5

# Frequent function words, chosen to be distinctive between the languages listed.
_PROFILES: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the and of to is was that with for are were have has this which from by not but they "
        "their been would will said who its it an there what when in on at as a be had he his her or after",
        "de": "der die das und ist nicht mit ein eine den dem des sich auch auf für von zu wird wurde "
        "sind war hat haben nach bei oder aus wie noch einer",
        "fr": "le la les et des est une un du dans pour que qui pas sur au avec ont sont été par aux "
        "cette ces elle il mais ou plus son leur selon",
        "es": "el la los las y de del que en un una es por con para se su sus al lo como más pero fue "
        "han ha este esta según entre sobre",
        "it": "il lo la gli le di che e è un una per non con del della dei nel nella sono alla anche "
        "ha più come dopo questo stato",
        "pt": "o a os as de do da dos das e que em um uma para com não no na é por se foi ao pelo pela "
        "são mais como ser também",
        "nl": "de het een en van is dat op te in niet met zijn voor er aan ook als bij door maar werd "
        "wordt naar heeft hij zij deze",
        "sv": "och att det som en på är av för med till den har inte om ett var jag men från också",
        "pl": "i w z na się że nie do to jest jak po co przez od za ale są dla jego było",
        "tr": "ve bir bu da de için ile olarak çok daha gibi olan ne ama sonra kadar değil",
        "id": "dan yang di dari ini itu dengan untuk tidak dalam akan pada juga ke karena oleh",
    }.items()
}
_RUSSIAN_WORDS = frozenset(
    [
        "и",
        "в",
        "не",
        "на",
        "что",
        "с",
        "по",
        "он",
        "как",
        "это",
        "из",
        "за",
        "от",
        "его",
        "но",
        "к",
        "для",
        "то",
        "же",
        "было",
        "она",
        "так",
        "все",
        "они",
        "был",
    ]
)
# Letters that mark a Cyrillic language other than Russian, and the share of letters that decides.
_CYRILLIC_MARKERS: tuple[tuple[str, frozenset[str], float], ...] = (
    ("uk", frozenset("іїєґ"), 0.005),
    ("sr", frozenset("јљњћђџ"), 0.003),
    ("mk", frozenset("ѓќѕ"), 0.003),
    ("bg", frozenset("ъ"), 0.01),
)

_WORD = re.compile(r"[^\W\d_]+")

# (language, first code point, last code point) of scripts that name one language.
_SCRIPTS: tuple[tuple[str, int, int], ...] = (
    ("ko", 0xAC00, 0xD7AF),
    ("ko", 0x1100, 0x11FF),
    ("ja", 0x3040, 0x30FF),
    ("zh", 0x4E00, 0x9FFF),
    ("ar", 0x0600, 0x06FF),
    ("he", 0x0590, 0x05FF),
    ("el", 0x0370, 0x03FF),
    ("th", 0x0E00, 0x0E7F),
    ("hi", 0x0900, 0x097F),
    ("ka", 0x10A0, 0x10FF),
    ("hy", 0x0530, 0x058F),
    ("cyrillic", 0x0400, 0x04FF),
)
_PERSIAN_LETTERS = frozenset("پچژگ")
_URDU_LETTERS = frozenset("ٹڈڑں")


def _script_of(ch: str) -> str | None:
    cp = ord(ch)
    for name, lo, hi in _SCRIPTS:
        if lo <= cp <= hi:
            return name
    return None


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the language of ``text``, or None when unsure."""
    sample = unicodedata.normalize("NFC", text[:SAMPLE_CHARS])
    letters = [ch for ch in sample if ch.isalpha()]
    if len(letters) < 20:
        return None
    counts: dict[str, int] = {}
    for ch in letters:
        script = _script_of(ch)
        if script:
            counts[script] = counts.get(script, 0) + 1
    total = len(letters)
    if counts:
        script, n = max(counts.items(), key=lambda kv: kv[1])
        if n / total >= 0.3:
            if script == "zh" and counts.get("ja", 0) / total >= 0.05:
                return "ja"  # Japanese mixes kana with Han characters
            if script == "ar":
                chars = set(sample)
                if chars & _URDU_LETTERS:
                    return "ur"
                if chars & _PERSIAN_LETTERS:
                    return "fa"
            if script == "cyrillic":
                return _cyrillic(sample, n)
            return script
    return _best(sample, _PROFILES)


def _cyrillic(sample: str, n_letters: int) -> str | None:
    lowered = sample.lower()
    for lang, marks, share in _CYRILLIC_MARKERS:
        if sum(lowered.count(ch) for ch in marks) >= share * n_letters:
            return lang
    hits = sum(w in _RUSSIAN_WORDS for w in _WORD.findall(lowered))
    return "ru" if hits >= 2 else None


def _best(sample: str, profiles: dict[str, frozenset[str]]) -> str | None:
    words = [w.lower() for w in _WORD.findall(sample)]
    if not words:
        return None
    scores = sorted(((sum(w in p for w in words), lang) for lang, p in profiles.items()), reverse=True)
    (best, lang), (second, _) = scores[0], scores[1]
    if best < MIN_HITS or best < 0.1 * len(words) or best < MIN_MARGIN * second:
        return None
    return lang
