"""Boilerplate in an article body: donation appeals and short prompts.

Two kinds, as :class:`~parallax.model.Removed` names them:

``appeal``
    A block asking the reader for money or a subscription. Found three ways: an
    appeal header ("A message from ...", "Dear readers") up to its closing prompt
    ("Remind me later"), taking everything in between; a closing prompt with the
    asking paragraphs just before it; a run of asking paragraphs at the end of the
    body (first/second person + donate/support/subscribe, no reported speech).
``prompt``
    A short paragraph that is all widget: newsletter sign-up, cookie notice, share
    buttons, "Read more: ...", "Advertisement", copyright line.

``other`` (captions)
    Picture and video furniture that generic extractors leave in the text: photo
    galleries ("8 show all ... 1/8 The scene ... 2/8 ..." and runs of "4/34 <caption>"
    lines with their "... in pictures" heading), player notices ("Media playback is
    unsupported on your device Media caption ...") and caption lines ("Image copyright
    PA Image caption ...", "SWNS • PA <caption>").

Everything here works on paragraph texts and returns indices; the caller records
the removals. Long news paragraphs that merely mention donations, newsletters or
cookies are never matched: every rule is anchored at the paragraph start and capped
in length, or requires the whole paragraph to be prompt words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: Paragraphs after an appeal header searched for its closing prompt.
APPEAL_MAX_PARAGRAPHS = 15

_WORD = re.compile(r"\w+(?:['\u2019]\w+)?")

# --- prompts -------------------------------------------------------------------------------

#: (pattern anchored at the paragraph start, most words the paragraph may have, reason)
_PROMPT_RULES: tuple[tuple[re.Pattern[str], int, str], ...] = tuple(
    (re.compile(p, re.IGNORECASE), n, reason)
    for p, n, reason in (
        (r"^(?:read|see) (?:more|also)\s*[:\-\u2013\u2014>]", 30, "read-more link"),
        (r"^(?:related|recommended|more on this|more from)\b.{0,30}[:\-\u2013\u2014]", 30, "related link"),
        (r"^advertisement\b|^ad(?:vert)?\s*$|^sponsored(?: content)?\s*$", 4, "advertisement"),
        (r"^advertisement\s+continue reading the main story\s*$", 8, "advertisement"),
        (r"^(?:read|see) more\s*[.!]?\s*$", 3, "read-more link"),
        (r"^(?:read|share|read or share) (?:or share )?this (?:story|article)\s*:", 20, "share widget"),
        (r"^scroll down for (?:video|more)\b", 8, "video prompt"),
        (r"^(?:[_*=~\-\u2013\u2014#]\s*){3,}$", 1, "separator"),
        (r"^for more\b.{0,60}:\s*https?://", 30, "read-more link"),
        (r"^today['\u2019]s coverage from\b", 12, "related link"),
        (r"^(?:we pay for your stories|got a story\?|do you have a story for)\b", 60, "tip-line prompt"),
        (r"^(?:share (?:this|the) (?:article|story|post|page)|share on\b|share via\b)", 12, "share widget"),
        (r"^(?:follow|like|join) us on\b", 20, "follow-us prompt"),
        (
            r"^click (?:here|below|(?:on )?the link(?: above| below)?)(?: to| for|\s*[.!:]|\s*$)",
            25,
            "click-here prompt",
        ),
        (r"^(?:sign up|subscribe|register)\b.{0,80}\bnewsletters?\b", 40, "newsletter sign-up"),
        (r"^(?:get|receive) (?:our|the)\b.{0,60}\b(?:newsletter|in your inbox)", 40, "newsletter sign-up"),
        (r"^(?:this|our) (?:website|site) uses cookies|^we use cookies", 60, "cookie notice"),
        (
            r"^by (?:continuing|using) (?:to (?:use|browse) )?(?:this|our) (?:site|website)",
            40,
            "cookie notice",
        ),
        (r"^(?:accept|reject|manage) (?:all )?cookies", 10, "cookie notice"),
        (r"^(?:\u00a9|\(c\)|copyright\b)", 25, "copyright line"),
        (r"^all rights reserved", 12, "copyright line"),
        (r"^(?:download|get) (?:our|the) (?:free )?app\b", 20, "app prompt"),
        (r"^(?:leave a comment|comments?\s*\(\d+\)|show comments)", 8, "comments widget"),
        (
            r"^(?:print|email|e-mail|save|share)(?:\s*[|\u00b7,]?\s*(?:print|email|e-mail|save|share))*\s*$",
            6,
            "share widget",
        ),
    )
)

_SHARE_WORDS = frozenset(
    [
        "share",
        "this",
        "article",
        "story",
        "on",
        "via",
        "facebook",
        "twitter",
        "x",
        "linkedin",
        "email",
        "e-mail",
        "whatsapp",
        "telegram",
        "reddit",
        "pinterest",
        "print",
        "copy",
        "link",
        "messenger",
        "vk",
        "viber",
        "bluesky",
        "threads",
        "mastodon",
        "tweet",
    ]
)
_ALL_RIGHTS = re.compile(r"\ball rights reserved\b", re.IGNORECASE)


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def prompt_reason(text: str) -> str | None:
    """Why the paragraph is a prompt (a short widget line), or None when it is not one."""
    words = _words(text)
    for pattern, max_words, reason in _PROMPT_RULES:
        if len(words) <= max_words and pattern.search(text):
            return reason
    lowered = [w.lower() for w in words]
    if (
        2 <= len(lowered) <= 12
        and all(w in _SHARE_WORDS for w in lowered)
        and ({"share", "facebook", "twitter", "whatsapp", "telegram"} & set(lowered))
    ):
        return "share widget"
    if len(words) <= 12 and _ALL_RIGHTS.search(text):
        return "copyright line"
    return None


# --- appeals -------------------------------------------------------------------------------

_APPEAL_HEADER = re.compile(
    r"^(?:a (?:message|note|letter) (?:from|to)\b"
    r"|dear (?:readers?|friends?|subscribers?)\b"
    r"|support (?:independent|our|quality|free|fearless|trusted)\b.{0,40}journalism"
    r"|before you go\b"
    r"|(?:we|the \w+ (?:team|staff)) needs? your (?:help|support)\b"
    r"|help (?:us|keep)\b.{0,60}\b(?:journalism|reporting|newsroom|going|free|independent)"
    r"|(?:become|join us as) an? (?:member|supporter|subscriber|patron)\b"
    r"|thank you for reading\b"
    r"|(?:if you|do you) (?:value|like|enjoy|appreciate)d? (?:our|this|what)\b"
    r"|make a (?:donation|contribution)\b"
    r"|donate to\b)",
    re.IGNORECASE,
)
_APPEAL_HEADER_MAX_WORDS = 14

_CLOSING_PHRASES = (
    "remind me later",
    "maybe later",
    "not now",
    "no thanks",
    "no thank you",
    "continue",
    "continue reading",
    "donate now",
    "donate",
    "contribute",
    "contribute now",
    "support us",
    "support us now",
    "subscribe now",
    "subscribe",
    "close",
    "dismiss",
    "i already support",
    "i'm already a subscriber",
)
_CLOSING = re.compile(
    r"^(?:(?:" + "|".join(re.escape(p) for p in sorted(_CLOSING_PHRASES, key=len, reverse=True)) + r")"
    r"[\s.!,|\u00b7\u2022/\u2013\u2014>\u203a\u00bb-]*)+$",
    re.IGNORECASE,
)
_CLOSING_MAX_WORDS = 10

# Words that ask for money on their own, and ones that do only when aimed at "us"/"our".
_ASK = re.compile(
    r"\b(?:donat(?:e|es|ed|ing|ion|ions)|contribut(?:e|es|ion|ions|ing)"
    r"|subscri(?:be|bes|ber|bers|bing|ption|ptions)|chip in|pledge|membership|become a member"
    r"|patreon|paywall)\b"
    r"|\b(?:support|help|fund)(?:ing)? (?:us|our)\b|\byour (?:support|help|generosity)\b",
    re.IGNORECASE,
)
_PERSON = re.compile(r"\b(?:you|your|you're|yours|we|us|our|we're|ours)\b", re.IGNORECASE)
# Reported speech: the paragraph tells what someone said, it does not ask the reader.
_REPORTED = re.compile(
    r"\b(?:said|says|told|according to|recalled|added|stated|announced|urged|wrote|explained|"
    r"reported|claimed|insisted|argued)\b|[\"\u201c\u201d]",
    re.IGNORECASE,
)


def is_appeal_header(text: str) -> bool:
    """A short paragraph that opens a reader appeal ("A Message from X:", "Dear readers,")."""
    return len(_words(text)) <= _APPEAL_HEADER_MAX_WORDS and bool(_APPEAL_HEADER.search(text.strip()))


def is_closing_prompt(text: str) -> bool:
    """A paragraph that is only the buttons closing an appeal ("Remind me later.")."""
    t = text.strip()
    return bool(t) and len(_words(t)) <= _CLOSING_MAX_WORDS and bool(_CLOSING.match(t))


def is_asking(text: str) -> bool:
    """A paragraph that asks the reader for money or a subscription in first/second person.

    Needs an ask word and at least two first/second person pronouns (or one in a
    short paragraph), and no sign of reported speech ("said", quotation marks).
    """
    if _REPORTED.search(text):
        return False
    if not _ASK.search(text):
        return False
    n_words = len(_words(text))
    persons = len(_PERSON.findall(text))
    return persons >= 2 or (persons >= 1 and n_words <= 15)


def find_appeals(texts: Sequence[str], skip: Sequence[bool]) -> list[tuple[int, int, str]]:
    """Appeal blocks as ``(first, last, reason)`` paragraph indices (inclusive).

    ``skip[i]`` marks paragraphs already removed for another reason; they neither
    start nor break a block, but may sit inside one.
    """
    n = len(texts)
    blocks: list[tuple[int, int, str]] = []
    taken = [False] * n
    # 1. header ... closing prompt
    i = 0
    while i < n:
        if skip[i] or not is_appeal_header(texts[i]):
            i += 1
            continue
        end = None
        for j in range(i + 1, min(n, i + 1 + APPEAL_MAX_PARAGRAPHS)):
            if is_closing_prompt(texts[j]):
                end = j
                break
        if end is None:
            end = _open_appeal_end(texts, skip, i)
            if end is None:
                i += 1
                continue
            blocks.append((i, end, "appeal after its header"))
        else:
            blocks.append((i, end, "appeal between its header and closing prompt"))
        for k in range(blocks[-1][0], blocks[-1][1] + 1):
            taken[k] = True
        i = blocks[-1][1] + 1
    # 2. closing prompt without header: it and the asking paragraphs before it
    for j in range(n):
        if taken[j] or skip[j] or not is_closing_prompt(texts[j]):
            continue
        start = j
        while start - 1 >= 0 and not taken[start - 1] and (skip[start - 1] or is_asking(texts[start - 1])):
            start -= 1
        if start == j and not _near_end(j, skip, n):
            continue  # a lone "Continue" in mid-story is not evidence enough
        blocks.append((start, j, "appeal ending in a closing prompt"))
        for k in range(start, j + 1):
            taken[k] = True
    # 3. a run of asking paragraphs at the end of the body
    end = n - 1
    while end >= 0 and (skip[end] or taken[end]):
        end -= 1
    start = end
    while start >= 0 and not taken[start] and (skip[start] or is_asking(texts[start])):
        start -= 1
    start += 1
    while start <= end and skip[start]:
        start += 1
    if start <= end and any(not skip[k] for k in range(start, end + 1)):
        blocks.append((start, end, "reader appeal at the end of the body"))
    return sorted(blocks)


def _open_appeal_end(texts: Sequence[str], skip: Sequence[bool], i: int) -> int | None:
    """Last paragraph of an appeal whose header at ``i`` has no closing prompt, or None."""
    n = len(texts)
    rest = [k for k in range(i + 1, n) if not skip[k]]
    if not rest:
        return n - 1  # the header is the last thing in the body
    appeal_like = [is_asking(texts[k]) or is_appeal_header(texts[k]) for k in rest]
    if len(rest) <= APPEAL_MAX_PARAGRAPHS and sum(appeal_like) * 2 > len(rest):
        return n - 1
    j = i + 1
    while j < n and (skip[j] or is_asking(texts[j]) or is_appeal_header(texts[j])):
        j += 1
    return j - 1 if j > i + 1 else None


def _near_end(j: int, skip: Sequence[bool], n: int) -> bool:
    return all(skip[k] for k in range(j + 1, n))


# --- captions ------------------------------------------------------------------------------

_CAPTION_RULES: tuple[tuple[re.Pattern[str], int, str], ...] = tuple(
    (re.compile(p, re.IGNORECASE), n, reason)
    for p, n, reason in (
        (r"^media playback is (?:unsupported|not supported) on your device", 60, "video caption"),
        (
            r"^(?:image|picture|photo) copyright\b.{0,80}?\b(?:image|picture|photo) caption\b"
            r"|^(?:image|picture|photo) (?:caption|credit)\b",
            70,
            "photo caption",
        ),
        (r"^(?:video|media) caption\b", 60, "video caption"),
        (r"^(?:photo|photos|video|image|gallery|watch)\s*$", 1, "picture placeholder"),
        (r"^(?:enlarge this image|toggle caption|hide caption)\b", 60, "photo caption"),
        (r"\bhide caption \d+ of \d+\s*$", 90, "photo gallery"),
        (r"^(?:getty images|reuters|ap|afp|epa|pa|rex|shutterstock|alamy|ap photo)\s*$", 2, "photo credit"),
        (
            r"^(?:(?:getty(?: images)?|pa|ap|afp|reuters|epa|swns|rex(?: features)?|shutterstock|alamy)"
            r"(?:\s*/\s*[\w ]+)?\s*[\u2022|]\s*)+",
            40,
            "photo caption",
        ),
    )
)
_GALLERY_ITEM = re.compile(r"(?:^|\s)(\d{1,3})/(\d{1,3})\s")
_GALLERY_LINE = re.compile(r"^(\d{1,3})/(\d{1,3})\s")
_SHOW_ALL = re.compile(r"(?:^|\s)(\d{1,3}) show all\b", re.IGNORECASE)
_IN_PICTURES = re.compile(r"\bin pictures\s*$", re.IGNORECASE)


def caption_reason(text: str) -> str | None:
    """Why a single paragraph is picture or video furniture, or None when it is not."""
    words = _words(text)
    for pattern, max_words, reason in _CAPTION_RULES:
        if len(words) <= max_words and pattern.search(text):
            return reason
    show = _SHOW_ALL.search(text)
    if show:
        total = show.group(1)
        items = [m for m in _GALLERY_ITEM.finditer(text) if m.group(2) == total and int(m.group(1)) <= int(total)]
        if len(items) >= 2 or (text[: show.start()].strip() == "" and len(words) <= 8):
            return "photo gallery"
    return None


def find_captions(texts: Sequence[str]) -> list[tuple[int, str]]:
    """Paragraphs that are captions, players or photo galleries, as ``(index, reason)``.

    A gallery spread over lines ("1/34 30 November 2017 A supporter of ...") needs two or more
    lines numbered out of the same total, so a story line opening with "9/11" is never taken;
    its "N show all" line and a short "... in pictures" heading just before go with it.
    """
    found: dict[int, str] = {}
    for i, text in enumerate(texts):
        reason = caption_reason(text)
        if reason:
            found[i] = reason
    by_total: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        m = _GALLERY_LINE.match(text)
        if m and 0 < int(m.group(1)) <= int(m.group(2)) and len(_words(text)) <= 80:
            by_total.setdefault(m.group(2), []).append(i)
    for lines in by_total.values():
        if len(lines) < 2:
            continue
        for i in lines:
            found[i] = "photo gallery"
        head = min(lines) - 1
        while head >= 0 and head >= min(lines) - 2 and (
            head in found or (len(_words(texts[head])) <= 8 and _IN_PICTURES.search(texts[head]))
        ):
            found[head] = "photo gallery"
            head -= 1
    return sorted(found.items())
