"""Boilerplate in an article body: appeals, prompts and notices, captions and page furniture.

Three kinds, as :class:`~parallax.model.Removed` names them (docs/cleaning.md lists every
rule with its reason string and how often it fires on real extractor output):

``appeal``
    A block asking the reader for money or a subscription. Found three ways: an
    appeal header ("A message from ...", "Dear readers") up to its closing prompt
    ("Remind me later"), taking everything in between; a closing prompt with the
    asking paragraphs just before it; a run of asking paragraphs at the end of the
    body (first/second person + donate/support/subscribe, no reported speech).
``prompt``
    A paragraph that is all widget, link or notice (:func:`prompt_reason`): newsletter
    sign-ups and their widgets, cookie notices, share buttons, "Advertisement",
    copyright lines and notices, transcript notices ("... transcripts are created on a
    rush deadline ..."), print-edition, syndication, update and correction notices,
    editor's notes, follow/contact/tip lines ("Follow Jane Doe on Twitter @jdoe"),
    links ("Read more: ...", "More: ...", "[<headline>]", "<headline> Read more",
    "Read the full report here.", "Label: https://..."), player notices, slideshow
    buttons; blocks of links to other stories ("MOST READ IN NEWS SIN CITY How ... PORN
    DEATHS Porn ...": upper-case kickers each followed by a headline); and, through
    :func:`find_link_blocks`, a links heading ("Related:", "Also on X:") with the link
    titles under it, or a video playlist with its titles.
``other``
    Picture, video and graphic furniture (:func:`find_captions`): photo galleries ("8 show
    all ... 1/8 ...", "Photos: <title> <caption> Hide Caption 1 of 25 ...", "Play slideshow
    ... 1 of 35", runs of slides opening with the gallery title), player notices, captions
    that open or end with their credit ("Getty Images <caption>", "<caption> (Jane Doe/AP)",
    "<caption>. Photograph: X/AP", "<caption> \u00a9Jane Doe (AFP)"), agency captions ("FILE - In
    this May 1, 2017 file photo, ..."), credit lines on their own ("Jane Doe/Getty Images"),
    video captions ("CLOSE <caption> Buzz60"), maps and diagrams flattened to text (upper-case
    labels ending "By The New York Times"), "Source: X" lines, database labels ("ABSTRACT.",
    "FULL TEXT."), a date on its own line, stylesheet text.

Everything here works on paragraph texts and returns indices; the caller records
the removals. News paragraphs that merely mention donations, newsletters, cookies,
photographs or Twitter are never matched: every rule is anchored at the paragraph start
or end and capped in length, needs words no news sentence uses together (a credit and a
caption shape, "rush deadline", "Hide Caption 3 of 12"), or requires the whole paragraph
to be prompt words; rules for follow, contact and link lines never take a paragraph that
reports speech ("said", quotation marks).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .byline import is_outlet

#: Paragraphs after an appeal header searched for its closing prompt.
APPEAL_MAX_PARAGRAPHS = 15

_WORD = re.compile(r"\w+(?:['\u2019]\w+)?")


@dataclass(frozen=True, slots=True)
class _Rule:
    """One paragraph rule: a pattern, the most words a matching paragraph may have, and why it goes.

    ``needles``: lower-case strings one of which the paragraph must contain before the pattern is
    tried (a cheap filter for unanchored patterns); ``tail``: only the last characters are searched
    (for patterns anchored at the paragraph end); ``endings``: a pattern the last three characters
    must match; ``plain``: the rule never takes a paragraph that reports speech ("said", quotes).
    """

    pattern: re.Pattern[str]
    max_words: int
    reason: str
    needles: tuple[str, ...] = ()
    tail: int = 0
    endings: re.Pattern[str] | None = None
    plain: bool = False  # never in a paragraph that reports speech ("said", quotation marks)

    def hit(self, text: str, lowered: str, n_words: int) -> bool:
        if n_words > self.max_words:
            return False
        if self.plain and _REPORTED.search(text):
            return False
        if self.needles and not any(n in lowered for n in self.needles):
            return False
        if self.endings is not None and not self.endings.search(text[-3:]):
            return False
        if self.tail and len(text) > self.tail:
            cut = text.find(" ", len(text) - self.tail)
            text = text[cut + 1 :] if cut >= 0 else text
        return bool(self.pattern.search(text))


def _rules(*specs: tuple) -> tuple[_Rule, ...]:
    return tuple(_Rule(re.compile(p, re.IGNORECASE), n, reason, *extra) for p, n, reason, *extra in specs)


_APPLICABLE: dict[tuple[str, int], tuple[_Rule, ...]] = {}


def _applicable(table: str, rules: tuple[_Rule, ...], n_words: int) -> tuple[_Rule, ...]:
    """The rules of ``table`` a paragraph of ``n_words`` words may match, in order (cached)."""
    key = (table, min(n_words, 1000))
    found = _APPLICABLE.get(key)
    if found is None:
        found = _APPLICABLE[key] = tuple(r for r in rules if n_words <= r.max_words)
    return found


# --- prompts -------------------------------------------------------------------------------

#: (pattern, most words the paragraph may have, reason). Patterns are anchored at the paragraph
#: start or end, or need words no news sentence uses together (``(?-i:...)`` parts are case-sensitive).
_PROMPT_RULES: tuple[_Rule, ...] = _rules(
    (r"^(?:read|see) (?:more|also)\s*[:\-\u2013\u2014>]", 30, "read-more link"),
    (
        r"^[\"\u201c]?(?:related|recommended|more on this|more from)\b.{0,30}[:\-\u2013\u2014]",
        30,
        "related link",
    ),
    (r"^advertisement\b|^ad(?:vert)?\s*$|^sponsored(?: content)?\s*$|^anzeige\s*:?\s*$", 4, "advertisement"),
    (r"^advertisement\s+continue reading the main story\s*$", 8, "advertisement"),
    (r"^(?:read|see) more\s*[.!]?\s*$", 3, "read-more link"),
    (r"^(?:read|share|read or share) (?:or share )?this (?:story|article)\s*:", 20, "share widget"),
    (r"^scroll (?:down |below |up )?for (?:the )?(?:video|more)\b", 8, "video prompt"),
    (r"^(?:[_*=~\-\u2013\u2014#]\s*){3,}\.?$|^[_\-\u2013\u2014]{2}$", 1, "separator"),
    (r"^for more\b.{0,60}:\s*https?://", 30, "read-more link"),
    (r"^today['\u2019]s coverage from\b", 12, "related link"),
    (
        r"^(?:we pay for (?:your )?(?:stories|videos|photos|pictures)|got a story\?|do you have a story for)",
        60,
        "tip-line prompt",
    ),
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
    (r"^(?:\u00a9|\(c\)|copyright\s*(?:\u00a9|\(c\)|\d{4}|(?-i:[A-Z])))", 25, "copyright line"),
    (r"^all rights reserved", 12, "copyright line"),
    (r"^(?:download|get) (?:our|the) (?:free )?app\b", 20, "app prompt"),
    (r"^(?:leave a comment|comments?\s*\(\d+\)|show comments)", 8, "comments widget"),
    (
        r"^(?:print|email|e-mail|save|share)(?:\s*[|\u00b7,]?\s*(?:print|email|e-mail|save|share))*\s*$",
        6,
        "share widget",
    ),
    # --- notices at the foot of a page ---
    (
        r"^[\w.&'\u2019 -]{0,40}\btranscripts? (?:is|are) (?:created|produced) on a rush deadline\b"
        r"|\bthis text may not be in its final form\b",
        90,
        "transcript notice",
        ("transcript", "final form"),
    ),
    (
        r"^(?:\u00a9|\(c\)|copyright\s*(?:\u00a9|\(c\))?\s*\d{4}).{0,300}?"
        r"\b(?:all rights reserved|without (?:the )?(?:written|prior) (?:authori[sz]ation|permission|consent)"
        r"|may not be (?:re)?(?:published|produced|distributed))"
        r"|\bcopyright\s*(?:\u00a9\s*)?\d{4}\b.{0,120}"
        r"\b(?:reprinted|by permission of|used with permission)\b",
        90,
        "copyright notice",
        ("copyright", "\u00a9", "(c)"),
    ),
    (r"^(?:license|licence) for publishing\b|^registration number\s*:\s*\d", 12, "site licence footer"),
    (
        r"^order reprints\s*(?:\||$)|^a version of this (?:article|story|review) appears in print\b"
        r"|^as published in the international new york times\b"
        r"|^\((?:the )?[a-z][\w.' ]{1,40}\s\d{1,2}/\d{1,2}/\d{4}\s*page\s*\d+\)\.?$",
        60,
        "print-edition notice",
    ),
    (
        r"^(?:this|the above) (?:article|story|piece|post|column|essay|report|commentary)\b.{0,40}"
        r"\b(?:originally|first) (?:appeared|ran|was published)\b"
        r"|^read the original article (?:on|at)\b"
        r"|\boriginally appeared on\b.{0,120}\bterms for use of feeds\b",
        40,
        "syndication notice",
        ("originally", "first appeared", "first ran", "first was", "original article"),
    ),
    (r"^disclaimer\s*:", 80, "disclaimer"),
    (
        r"^external links are provided for (?:reference|information(?:al)?) purposes\b"
        r"|\bis not responsible for the content of external (?:internet )?sites\b",
        40,
        "external-links notice",
        ("external",),
    ),
    (
        r"^[\ufeff\u2022*]?\s*this (?:article|story|post|piece|report) (?:has been|was|is being) "
        r"(?:updated|amended|corrected|changed|revised)"
        r"(?:\s*[.]?\s*$| to\b| with\b| at\b| on \d| on [a-z]+ \d)"
        r"|^[\ufeff\u2022*]?\s*this is a (?:developing|breaking(?: news)?) (?:news )?story\b"
        r"|^updated?\s*(?:\([^)]{0,40}\))?\s*[:|,]\s*this (?:article|story|post)\b"
        r"|^updated (?:at|on) \d{1,2}(?::\d{2})?\s*[ap]\.?m\.?(?: [a-z]{2,4})?(?: \w+)?\s*$",
        50,
        "update notice",
    ),
    (
        r"^[\u2022*]?\s*(?:corrections?|clarifications?|editor['\u2019]?s['\u2019]? note)\s*:.{0,500}?"
        r"\b(?:an earlier version|a previous version|an earlier draft|this (?:article|story|post)"
        r"|an article (?:on|in)\b|was amended|misstated|incorrectly|due to an editing error)",
        200,
        "correction notice",
    ),
    (r"^editor['\u2019]?s['\u2019]? note\s*:", 80, "editor's note"),
    # --- follow, contact and tip lines ---
    (
        r"^follow\b.{0,100}\bon (?:twitter|facebook|instagram|x)(?![\w'\u2019])|^follow\s+@\w+"
        r"|^on twitter,? follow\b",
        24,
        "follow prompt",
        (),
        0,
        None,
        True,
    ),
    (
        r"^(?:twitter|instagram)\s*:\s*@\w+|^e-?mail\s*:\s*[\w.+-]+@[\w-]+\.\w+"
        r"|^(?:e-?mail|contact) (?:the )?(?:author|writer|reporter)s?\b"
        r"|^(?-i:[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){1,3}) can be reached at\s+\S+@"
        r"|^reach (?:him|her|them|me|us) (?:directly )?at\s+\S*@"
        r"|^(?:feedback|questions|tips|got a tip)\?.{0,80}\b(?:e-?mail|contact|write to) us\b"
        r"|^send (?:us )?(?:your )?(?:news )?tips\b",
        24,
        "contact line",
        (),
        0,
        None,
        True,
    ),
    (
        r"^(?:check|find) us out on\b|^follow us\s*(?:@|at\b)|^chat with us\b.{0,40}\bmessenger\b"
        r"|^join the conversation\b.{0,80}\b(?:facebook|twitter|comments?)\b"
        r"|^like (?:us|(?-i:[A-Z][\w.]*(?: [A-Z][\w.]*){0,4})) on facebook"
        r"(?:\s+and\s+(?:stay|get|keep|follow)\b|\s*[.!]?\s*$)"
        r"|^(?:do you support|do you agree with)\b.{0,60}\blike (?:the|our) page\b"
        r"|\b(?:like|follow) us on (?:facebook|twitter|instagram)\b",
        20,
        "follow-us prompt",
        (),
        0,
        None,
        True,
    ),
    # --- newsletter widgets ---
    (
        r"^newsletter sign[- ]?up\s+(?:continue reading|sign up|enter|get\b|please)"
        r"|\bplease verify you['\u2019]re not a robot\b"
        r"|\benter (?:your )?e-?mail(?: address)?\b.{0,200}?\b(?:is invalid|invalid e-?mail|please enter)\b"
        r"|^(?:sign up|subscribe|get (?:daily|our|the)\b.{0,40}\binbox)\b"
        r".{0,120}\bthank(?:s| you) for subscribing\b"
        r"|^enter your e-?mail(?: address)?\s*:?\s*$"
        r"|^sign up (?:to get|for)\b.{0,80}\b(?:e-?mails?|alerts?)\b"
        r"|^want more\b.{0,60}\bsign up\b|^keep up with this story\b.{0,60}\bsubscrib"
        r"|^for more,?\s+sign up\b"
        r"|^want to receive\b.{0,60}\binbox\b|\bclick here,? enter your e-?mail\b",
        130,
        "newsletter widget",
        ("newsletter", "robot", "mail", "subscri", "sign up"),
    ),
    # --- links to other pages ---
    (r"^more\s*:\s*\S", 30, "related link (More:)"),
    (r"^\[\s*[^\[\]\s]+(?:\s+[^\[\]\s]+){4,}\s*\]\.?$", 30, "bracketed link or note"),
    (r"^.{3,200}[^.!?:;,\s]\s+(?-i:Read more)\s*$", 25, "related link (... Read more)", ("read more",)),
    (
        r"^(?:read|see|watch|view|listen to|check out)\b.{0,80}\b(?:here|below|above)\s*[.!:]?\s*$",
        20,
        "link prompt",
        (),
        0,
        None,
        True,
    ),
    (
        r"\b(?:can be (?:found|read|seen|watched)|is available|are available|subscribe|sign up)"
        r" here\s*[.!]?\s*$",
        20,
        "link prompt",
        (" here",),
        60,
    ),
    (
        r"^(?:https?://)?(?:www\.)?(?:facebook|twitter|instagram|youtube|t)\.(?:com|co)/\S*$"
        r"|^(?:[\w'\u2019&-]+\s){0,8}?[\w'\u2019&)-]*\s*:\s*(?:https?://|www\.)\S+\s*$"
        r"|^online\s*:?\s*$",
        14,
        "link line",
    ),
    # --- players and page widgets ---
    (
        r"^now playing\s*:?\s*$|^your browser does not support (?:iframes|the video|html5 video)"
        r"|^watch the (?:latest )?video at\b",
        20,
        "video player notice",
    ),
    (r"^(?-i:next|prev|previous)$", 1, "slideshow navigation"),
    (r"^[x\u00d7\u2715]\.?$", 1, "close button"),
    (r"^(?:categories|archives)\s+(?:categories|archives)\s+select\b", 400, "navigation widget"),
    (r"^flag\s*share\s*like\s*reply", 120, "live-blog post header"),
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
    low = text.lower()
    for rule in _applicable("prompt", _PROMPT_RULES, len(words)):
        if rule.hit(text, low, len(words)):
            return rule.reason
    lowered = [w.lower() for w in words] if len(words) <= 12 else []
    if (
        2 <= len(lowered) <= 12
        and all(w in _SHARE_WORDS for w in lowered)
        and ({"share", "facebook", "twitter", "whatsapp", "telegram"} & set(lowered))
    ):
        return "share widget"
    if len(words) <= 12 and _ALL_RIGHTS.search(text):
        return "copyright line"
    if _PLAYLIST_HEAD.match(text):
        return "video playlist"
    if len(words) >= 12 and _KICKER.search(text) and not _GRAPHIC_CREDIT.search(text[-200:]):
        kickers = _kicker_runs(text)
        if kickers >= 3 or (kickers >= 1 and _RELATED_HEAD.match(text)):
            return "related-stories block"
    return None


# A block of links to other stories: "MOST READ IN NEWS SIN CITY How Thai vice haven ... PORN DEATHS
# Porn actress reveals ...": upper-case kickers of two or more words, each followed by a headline.
_RELATED_HEAD = re.compile(
    r"^(?:related (?:stories|articles|links|coverage)|most (?:read|popular|viewed|shared))\b", re.IGNORECASE
)
_KICKER = re.compile(  # a cheap test before counting: two upper-case words, then "Xy"
    r"(?:^|\s)[^\sa-z]*[A-Z][^\sa-z]*[A-Z][^\sa-z]*\s+[^\sa-z]*[A-Z][^\sa-z]*[A-Z][^\sa-z]*\s+\W?[A-Z][a-z]"
)
_CAPS_TOKEN = re.compile(r"^[^a-z]*[A-Z][^a-z]*[A-Z][^a-z]*$")


def _kicker_runs(text: str) -> int:
    """Runs of two or more upper-case words followed by a capitalised, lower-case headline word."""
    tokens = text.split()
    count = run = 0
    for tok in tokens:
        if _CAPS_TOKEN.match(tok) and sum(c.isalpha() for c in tok) >= 2:
            run += 1
            continue
        core = tok.lstrip("'\"\u2018\u201c(")
        if run >= 2 and len(core) >= 2 and core[0].isupper() and core[1].islower():
            count += 1
        run = 0
    return count


# --- blocks of links ------------------------------------------------------------------------

_LINKS_HEADING = re.compile(
    r"^[\"\u201c\ufeff]?(?:related(?: (?:stories|articles|links|content|coverage|videos?))?"
    r"|also on [\w.'\u2019 ]{1,25}"
    r"|more (?:from|on) [\w.'\u2019 ]{1,25}|trending(?: right)? now|(?:[\w.]+ )?top deals"
    r"|recommended(?: for you)?"
    r"|you (?:may|might) also like|most (?:read|popular))\s*:?[\"\u201d]?\.?$",
    re.IGNORECASE,
)
_PLAYLIST_HEAD = re.compile(r"^skip in skip x embed x share\b", re.IGNORECASE)
_ABOUT_AUTHOR = re.compile(r"^about the authors?\s*:?$", re.IGNORECASE)
#: Paragraphs after a links heading, or in a video playlist, are link titles when this short.
LINK_TITLE_MAX_WORDS = 25
#: Link titles run together on one line (no separator kept by the extractor) are this long at most.
LINK_TITLES_MAX_WORDS = 80
_SENTENCE_END_ANYWHERE = re.compile(r"[.!?;:][\"'\u201d\u2019)]*(?:\s|$)")
AUTHOR_BIO_MAX_WORDS = 80


def _title_case(text: str) -> bool:
    """A headline in title case: "Rand Paul Scores Direct Hit On Donald Trump"."""
    long_words = [w for w in _words(text) if len(w) >= 4 and w.isalpha()]
    return len(long_words) >= 2 and sum(w[0].isupper() for w in long_words) * 4 >= len(long_words) * 3


def _link_title(text: str, playlist: bool) -> bool:
    """A short paragraph that reads as a link title: title case, no closing full stop, or a stub ("1.");
    or several titles run together on one line (a feed's "Top Deals" or "Trending" block): up to
    :data:`LINK_TITLES_MAX_WORDS` words with no sentence end anywhere."""
    words = _words(text)
    if len(words) > LINK_TITLE_MAX_WORDS:
        return len(words) <= LINK_TITLES_MAX_WORDS and not _SENTENCE_END_ANYWHERE.search(text)
    if playlist:  # video titles may ask a question; a sentence of the story ends with a full stop
        return not re.search(r"\.[\"'\u201d\u2019)]*\s*$", text)
    return _title_case(text) or not _ENDS_SENTENCE.search(text) or len(words) <= 3


def find_link_blocks(texts: Sequence[str], skip: Sequence[bool]) -> list[tuple[int, str, str]]:
    """Headed blocks of links and the like, as ``(index, kind, reason)``.

    * a links heading ("Related:", "Also on HuffPost:", "Trending Right Now:") and the link titles
      after it: short paragraphs in title case or without a closing full stop, and stubs ("1.");
    * a video playlist ("Skip in Skip x Embed x Share ...") and the short titles after it;
    * "About the author" and the bio paragraph after it.
    """
    n = len(texts)
    out: list[tuple[int, str, str]] = []
    i = 0
    while i < n:
        text = texts[i]
        if skip[i] and not (_PLAYLIST_HEAD.match(text) or _LINKS_HEADING.match(text)):
            i += 1
            continue
        if _ABOUT_AUTHOR.match(text):
            out.append((i, "byline", "author bio heading"))
            if i + 1 < n and not skip[i + 1] and len(_words(texts[i + 1])) <= AUTHOR_BIO_MAX_WORDS:
                out.append((i + 1, "byline", "author bio"))
                i += 1
            i += 1
            continue
        heading = _LINKS_HEADING.match(text) and len(_words(text)) <= 6
        playlist = _PLAYLIST_HEAD.match(text)
        if not (heading or playlist):
            i += 1
            continue
        if not skip[i]:
            out.append((i, "prompt", "video playlist" if playlist else "related-links heading"))
        run: list[int] = []
        j = i + 1
        while j < n and (skip[j] or _link_title(texts[j], bool(playlist))):
            if not skip[j]:
                run.append(j)
            j += 1
        reason = "video playlist" if playlist else "related link"
        out.extend((k, "prompt", reason) for k in run)
        i = (run[-1] if run else i) + 1
    return out


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
    r"[\s.!,|\u00b7\u2022/\u2013\u2014>\u203a\u00bb\u2026-]*)+$",
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


# Where an appeal names the outlet that wrote it: its header ("A Message from The Moscow Times:",
# "A note from the editors of X") or the ask ("By supporting X, you ...", "Support X today").
_APPEAL_OUTLET = (
    re.compile(
        r"^an? (?:message|note|letter|word) from (?:the (?:editors?|team|staff|newsroom|journalists) (?:of|at) )?"
        r"(?P<org>[^:\n]{2,60}?)\s*[:.!]?\s*$",
        re.IGNORECASE,
    ),
    re.compile(r"\b[Bb]y (?:supporting|donating to|subscribing to) (?P<org>[A-Z][^,.;:!?\n]{1,60}?)\s*,"),
)


def appeal_outlet(paragraphs: Sequence[str]) -> str | None:
    """The outlet an appeal names as its own, if one of its paragraphs says it plainly: the header
    "A Message from X:" (first) or "By supporting X, ..."; ``X`` must read as an outlet's name
    (:func:`~parallax.clean.byline.is_outlet`). None when no paragraph names one."""
    for rx in _APPEAL_OUTLET:
        for text in paragraphs:
            m = rx.search(text.strip())
            if m:
                org = m.group("org").strip()
                if org.startswith("the "):  # "from the Harbour Gazette": the name without its article
                    org = org[4:]
                if is_outlet(org) and org.lower() not in {"us", "you"}:  # "By supporting Us, ..."
                    return org
    return None


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

# Picture agencies and credit words as they end or open a caption.
_AGENCY = (
    r"(?:getty(?: images)?|reuters|ap|afp|epa|pa|rex(?: features)?|rex/shutterstock|shutterstock|alamy|swns"
    r"|ap photo|(?:the )?associated press|press association|bloomberg|wireimage|invision|xinhua|efe|anadolu"
    r"|splash news|backgrid|zuma(?: press)?|nurphoto|sipa(?: press)?|european pressphoto agency"
    r"|agence france[- ]?presse|handout|pool|afp/getty images)"
)
_CAP = r"(?-i:[A-Z])"
_NAME_WORDS = r"(?-i:[A-Z][\w.'\u2019&-]*)(?:[ -](?:(?-i:[A-Z][\w.'\u2019&-]*)|of|de|van|the|and|&)){0,5}"

_CAPTION_RULES: tuple[_Rule, ...] = _rules(
    (r"^media playback is (?:unsupported|not supported) on your device", 60, "video caption"),
    (
        r"^(?:image|picture|photo) copyright\b.{0,80}?\b(?:image|picture|photo) caption\b"
        r"|^(?:image|picture|photo) (?:caption|credit)\b",
        70,
        "photo caption",
    ),
    (r"^(?:video|media) caption\b", 60, "video caption"),
    (r"^(?:photo|photos|video|image|gallery|watch)\s*$", 1, "picture placeholder"),
    (r"^(?:enlarge (?:this )?image|toggle caption|hide caption)\b", 60, "photo caption"),
    (r"\bhide caption \d+ of \d+\s*$", 90, "photo gallery", ("hide caption",)),
    (r"^(?:getty images|reuters|ap|afp|epa|pa|rex|shutterstock|alamy|ap photo)\s*$", 2, "photo credit"),
    (
        r"^(?:(?:getty(?: images)?|pa|ap|afp|reuters|epa|swns|rex(?: features)?|shutterstock|alamy)"
        r"(?:\s*/\s*[\w ]+)?\s*[\u2022|]\s*)+",
        40,
        "photo caption",
    ),
    # --- picture credits on their own ---
    (
        r"^(?:getty|" + _AGENCY + r")\.?\s*$"
        r"|^(?:image|picture|photo) copyright\s+[^.]{1,40}$"
        r"|^\(\s*(?:courtesy(?: of)?|photos?|images?|pictures?|credit)\b[^()]{0,80}\)\.?$"
        r"|^" + _NAME_WORDS + r"(?:\s*/\s*" + _NAME_WORDS + r")+"
        r"(?: via " + _NAME_WORDS + r")?(?:,\s*file)?\.?$"
        r"|^" + _NAME_WORDS + r" via (?:getty images|storyful|shutterstock|reuters|ap|afp)\.?$",
        10,
        "photo credit",
    ),
    # --- captions that end with their credit ---
    (
        r"[(\[]\s*(?:photos?|images?|pictures?|photograph|video|credit)\s*(?:by\b|:|/)"
        r"[^()\[\]]{0,80}[)\]]\.?\s*$"
        r"|\([^()]{0,80}/\s*" + _AGENCY + r"(?:\s*/\s*[^()]{1,40})?\s*\)\.?\s*$"
        r"|[^.!?\s\"\u201d\u2019]\s*\((?-i:Getty(?: Images)?|Reuters|AP|AFP|EPA|PA|REX|Rex Features"
        r"|Shutterstock|Alamy|SWNS|AP Photo|Associated Press|Press Association|Bloomberg|WireImage|Handout"
        r"|Pool)\)\.?\s*$"
        r"|\(\s*" + _CAP + r"[^()/\s]*\s[^()/]{1,60}(?:\s*/\s*" + _CAP + r"[^()/]{1,60})+\)\s*$"
        r"|\S\s+(?:photograph|photographer|photo|picture|image)s?\s*:\s*[^:()]{1,60}$"
        r"|(?:^|[\s.])(?-i:[A-Z][\w.'\u2019-]+(?: [A-Z][\w.'\u2019-]+){0,3})\s?/\s?" + _AGENCY + r"\s*$"
        r"|\bcredit\s+" + _CAP + r"[^/]{1,40}/[^/]{1,60}$",
        90,
        "photo caption (credit at the end)",
        (),
        240,
        re.compile(r"[)\]]\.?\s*$|\w\s*$"),
    ),
    # --- agency captions that open with what the picture shows ---
    (
        r"^file\s*[-\u2013\u2014]\s*(?:in )?this\b"
        r"|^in this (?:[\w.]+,? ){0,5}(?:file |handout |undated )?"
        r"(?:photo|photograph|image|picture|frame grab)"
        r"(?:,| taken\b| provided\b| released\b| made available\b| distributed\b| obtained\b| shows\b)"
        r"|^this (?:[\w.]+,? ){0,5}(?:file |handout |undated |satellite )?(?:photo|photograph|image|picture)"
        r"(?: \w+){0,2}? (?:made available|released|provided|distributed|obtained|taken)\b",
        120,
        "photo caption (agency style)",
    ),
    (r"(?<=\S)\s*\u00a9\s*[^\u00a9]{1,80}$", 60, "graphic credit", ("\u00a9",)),
    (r"^(?-i:CLOSE)\s+(?-i:[\"\u201cA-Z]).*[^.!?\"\u201d\u2019)\s]$", 90, "video caption"),
    # --- galleries and players ---
    (r"\bplay slideshow\b.{0,80}?\b1 of \d+\b|^slideshow\s*\(\d+ images?\)\.?$|^\+\s*show all\b", 400,
     "photo gallery", ("slideshow", "show all")),
    # --- page furniture ---
    (r"^sources?\s*:\s*\S.{0,80}$", 10, "graphic source line"),
    (
        r"^(?:abstract|full text|correction appended|corrections?)\s*[.:]?$"
        r"|^corrections?\s*:\s*(?:\w+ \d{1,2}, \d{4}|\d{1,2} \w+ \d{4})(?:,\s*\w+day)?\.?$",
        6,
        "database label",
    ),
    (
        r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?"
        r"|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?"
        r"|dec(?:ember)?)\.?\s+\d{1,2},?\s+\d{4}\.?$",
        6,
        "date line",
    ),
    (
        r"^@media\b.*\{$|^[.#]?[\w-]+(?:[ ,>.#:][\w .#:>,-]*)?\s*\{\s*$|^\}\.?$"
        r"|^(?:-webkit-|-moz-)?(?:width|height|margin|padding|float|text-align|font|line-height|border"
        r"|display|color|background|position|top|left|right|bottom|overflow|max-width|min-width)[\w-]*"
        r"\s*:\s*[^;]{1,80};\s*\.?$",
        12,
        "stylesheet text",
    ),
)
_GALLERY_ITEM = re.compile(r"(?:^|\s)(\d{1,3})/(\d{1,3})\s")
_GALLERY_LINE = re.compile(r"^(\d{1,3})/(\d{1,3})\s")
_SHOW_ALL = re.compile(r"(?:^|\s)(\d{1,3}) show all\b", re.IGNORECASE)
_PLUS_SHOW_ALL = re.compile(r"^\+\s*show all\s+(.+)$", re.IGNORECASE)
_IN_PICTURES = re.compile(r"\bin pictures\s*$", re.IGNORECASE)
_DATELINE = re.compile(r"\bupdated\s*:\s*\d{4}-\d{2}-\d{2}\b", re.IGNORECASE)
_HIDE_CAPTION = re.compile(r"\bhide caption \d+ of \d+\b", re.IGNORECASE)
# A map or diagram flattened to text: upper-case labels and a credit "By The New York Times".
_GRAPHIC_CREDIT = re.compile(
    r"(?:^|\s)(?-i:By (?:The )?[A-Z][\w.&]*(?: [A-Z][\w.&]*){0,3})(?:\s*\|\s*sources?:[^|]{0,150})?\s*$",
    re.IGNORECASE,
)
_CAPS_WORD = re.compile(r"\b[A-Z][A-Z.'\u2019-]*[A-Z]\b")
# A caption that opens with its credit: "Getty Images A crane lies on the quay", "Getty - Contributor ...".
_LEAD_CREDIT = re.compile(
    r"^(?:(?P<agency>getty images|getty|reuters|ap|afp|epa|pa|rex(?: features)?|shutterstock|alamy|swns"
    r"|usa today sports|afp or licensors|ap:associated press|pa:press association|splash news|backgrid"
    r"|(?:handout|pool|afp|ap|reuters|epa) - getty(?: images)?)"
    r"|(?P<site>twitter|facebook|instagram|youtube|google))"
    r"(?:\s*[-/]\s*(?:contributor|@\w+))?\s+(?=(?-i:[\"'\u2018\u201c]?(?:[A-Z][a-z]|A\s|\d)))",
    re.IGNORECASE,
)
_CREDIT_LED = re.compile(
    r"(?:^|\s)(?:Getty Images|Getty|Reuters|AP:Associated Press|EPA|AFP|PA|Rex Features|Splash News)\s+[A-Z\d]"
)
_SENTENCE_GAP = re.compile(r"[a-z][.!?][\"'\u201d\u2019]?\s+[A-Z]")
_ENDS_SENTENCE = re.compile(r"[.!?][\"'\u201d\u2019)]*\s*$")
#: Consecutive paragraphs opening with the same words that make a gallery ("Port of X turns 300 <slide>").
GALLERY_PREFIX_RUN = 3
GALLERY_PREFIX_WORDS = 3


def caption_reason(text: str) -> str | None:
    """Why a single paragraph is picture or video furniture, or None when it is not."""
    words = _words(text)
    low = text.lower()
    if "updated" in low and _DATELINE.search(text):
        return None  # a dateline: see byline.py
    if "hide caption" in low and len(_HIDE_CAPTION.findall(text)) >= 2:
        return "photo gallery"
    for rule in _applicable("caption", _CAPTION_RULES, len(words)):
        if rule.hit(text, low, len(words)):
            return rule.reason
    show = _SHOW_ALL.search(text)
    if show:
        total = show.group(1)
        items = [m for m in _GALLERY_ITEM.finditer(text) if m.group(2) == total and int(m.group(1)) <= int(total)]
        if len(items) >= 2 or (text[: show.start()].strip() == "" and len(words) <= 8):
            return "photo gallery"
    if _GRAPHIC_CREDIT.search(text[-200:]) and len(_CAPS_WORD.findall(text)) >= 6:
        return "graphic labels"
    lead = _LEAD_CREDIT.match(text)
    if lead and len(words) > 40 and len(_CREDIT_LED.findall(text)) >= 3 and not _SENTENCE_GAP.search(text):
        return "photo caption (credit first)"  # several captions run together
    if lead and len(words) <= 40 and not _ENDS_SENTENCE.search(text):
        rest = text[lead.end() :]
        site = lead.group("site")
        if len(_words(rest)) >= (6 if site else 4) and not (site and _title_case(rest)):
            return "photo caption (credit first)"
    return None


def _prefix_gallery(texts: Sequence[str], found: dict[int, str]) -> None:
    """Mark runs of paragraphs that all open with the same words, each then a new capitalised title."""
    split = [t.split() for t in texts]
    i = 0
    while i + GALLERY_PREFIX_RUN <= len(texts):
        common = _common_prefix([split[k] for k in range(i, i + GALLERY_PREFIX_RUN)])
        wordy = sum(1 for w in split[i][:common] if sum(c.isalpha() for c in w) >= 2)
        if wordy < GALLERY_PREFIX_WORDS or any(k in found for k in range(i, i + GALLERY_PREFIX_RUN)):
            i += 1
            continue
        j = i + GALLERY_PREFIX_RUN
        while j < len(texts) and j not in found and split[j][:common] == split[i][:common]:
            j += 1
        run = range(i, j)
        last_word = split[i][common - 1]
        if not _ENDS_SENTENCE.search(last_word) and all(
            len(split[k]) > common + 2 and split[k][common][:1].isupper() for k in run
        ):
            for k in run:
                found[k] = "photo gallery"
            i = j
        else:
            i += 1


def _common_prefix(rows: list[list[str]]) -> int:
    n = 0
    for column in zip(*rows):
        if any(w != column[0] for w in column):
            break
        n += 1
    return n


def find_captions(texts: Sequence[str]) -> list[tuple[int, str]]:
    """Paragraphs that are captions, players, photo galleries or page labels, as ``(index, reason)``.

    A gallery spread over lines ("1/34 30 November 2017 A supporter of ...") needs two or more
    lines numbered out of the same total, so a story line opening with "9/11" is never taken;
    its "N show all" line and a short "... in pictures" heading just before go with it.
    """
    found: dict[int, str] = {}
    for i, text in enumerate(texts):
        reason = caption_reason(text)
        if reason:
            found[i] = reason
        plus = _PLUS_SHOW_ALL.match(text)
        if plus and i > 0 and _words(texts[i - 1]) == _words(plus.group(1)):
            found[i - 1] = "photo gallery"
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
    _prefix_gallery(texts, found)
    return sorted(found.items())
