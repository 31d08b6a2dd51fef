"""Entity mentions, their kinds, and alias resolution within an article and across a story.

Rules and lexicons, no model (see ``docs/entities.md``):

1. **Tokens.** One regex pass finds words with their offsets. A possessive ("Syria's")
   is cut off the mention; a hyphenated word is split where a lower-case part meets a
   capitalised one ("then-President", "Kurdish-dominated", "anti-Assad"), but an
   Arabic article stays on its name ("al-Assad").
2. **Phrases.** Runs of capitalised tokens separated by spaces only, joined across
   name particles ("de", "bin", "van") and, after an organisation or place head word,
   across "of"/"for"/"the"/"and" ("Syrian Observatory for Human Rights"). Titles with a
   full stop ("Mr.", "Gen.") and initials ("George W. Bush") do not break a phrase.
3. **Clean-up.** A sentence-initial word that is a function word or occurs lower-case
   elsewhere in the text is dropped ("Despite", "Subsequently", "The"); days and months
   are left to the dates stage.
4. **Kinds.** Gazetteer first (places, organisations, groups); then head words ("...
   Forces" org, "... Airbase" place); titles inside the phrase ("Interim President
   Ahmed al-Sharaa": the title is cut off and the rest is a person), a role noun before
   it ("Kremlin spokesman Dmitry Peskov"), a reporting verb after it ("Peskov added"),
   or a known given name make a person. Nationality adjectives ("Syrian") are not
   mentions; they only add links. Group adjectives ("the Alawite minority") are
   mentions of the group ("Alawites").
5. **Aliases.** Mentions that share a key (:func:`~parallax.annotate.gazetteer.name_key`)
   are one entity; a one-word person mention joins the person whose surname (or, if
   unique, given name) it is ("Assad" → "Bashar al-Assad"); an acronym joins the name it
   abbreviates when defined in parentheses or when it spells its initials ("SDF" →
   "Syrian Democratic Forces"). The canonical name is the gazetteer's for known names,
   else the longest full form. A surname shared by several people goes by the context:
   gender, relatives ("her father, Robert Lund"), the surname's earlier use, the nearest
   full mention.
6. **Real-event rules** (``docs/entities.md``, items 6–12): titles inside a run ("Croydon
   Central MP Gavin Barwell"), caption and credit words before a name, works ("Kill Bill"),
   two-word demonyms, month words inside names ("Theresa May"), romanised given names
   ("Kim Jong-un"), place hints ("in Nice") and role nouns at a sentence start.

:func:`find_entities` is pure; :class:`EntityStage` wraps it behind the
:class:`~parallax.pipeline.Stage` seam so a model-backed recogniser can replace it.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Mapping, NamedTuple, Sequence

from ..model import Article, Entity, Span
from .gazetteer import NAME_ARTICLES, NAME_PARTICLES, Gazetteer, GazetteerEntry, default_gazetteer, name_key

__all__ = [
    "EntityStage",
    "find_entities",
    "link_entities",
    "resolve_pronoun",
]

#: Words that may be names: starting with a capital (any letter but ASCII lower case, checked again in
#: code), a lower-case word hyphened to a capitalised one ("then-President", "al-Assad"), dotted acronyms.
_CAP_TOKEN_RE = re.compile(
    r"(?:[A-Z]\.){2,}|(?<![\w'’-])(?:(?![a-z])[^\W\d_]|[a-z]+-(?=[A-Z]))(?:\w|['’\-](?=[^\W_]))*"
)
_ACRONYM_RE = re.compile(r"^(?:[A-Z][A-Z0-9&]{1,6}|(?:[A-Z]\.){2,})$")
_PARTICLE_PREFIX_RE = re.compile(r"^(?:al|el|ad|as|ash|at|an|ar|az|ibn|bin|abu|ben|de|di|da|du|la|le|van|von)-[A-Z]")
_PLACE_ABBREVIATIONS = frozenset({"St", "Ste", "Ft", "Mt"})
_PARTY_STATE_RE = re.compile(r"^[A-Z]-[A-Z]{1,2}$")  # "(R-S.C.)", "(D-N.Y.)": party and state, not a name
_OPENERS = frozenset("\"“‘'([«—–-")

#: Connectors that join two capitalised runs after an organisation or place head word.
_HEAD_CONNECTORS = frozenset({"of", "for", "the", "and", "on"})
#: Extra head words (beyond organisation and place words) that take "of": "Republic of ...".
_EXTRA_HEADS = frozenset(
    {"Republic", "Kingdom", "States", "Emirates", "House", "Isle", "Secretary", "Museum", "Commonwealth",
     "Chamber", "Department", "Court", "Bank", "Minister", "Ministry", "Office", "Organization", "Friends"}
)
#: Lower-case words after a name that make it a person ("Peskov added").
REPORTING_VERBS = frozenset(
    """said says told added stated wrote tweeted posted argued insisted noted explained claimed asked answered
    replied warned urged announced declared conceded acknowledged admitted recalled suggested stressed emphasized
    emphasised believes believed thinks thought contends contended maintained testified responded countered
    continued concluded predicted promised vowed pledged confirmed denied alleged""".split()
)
#: Lower-case words the rules need as tokens: connectors, particles, reporting verbs, "according to".
_LOWER_KEEP = frozenset(
    {"of", "for", "the", "and", "on", "to", "according", "bin", "ibn", "abu", "ben", "de", "del", "della", "der",
     "den", "da", "di", "do", "dos", "das", "du", "la", "le", "van", "von", "ter", "y", "al", "el"}
)
_LOWER_KEEP_RE = re.compile(r"(?<![\w'’-])(?:" + "|".join(sorted(_LOWER_KEEP, key=len, reverse=True)) + r")(?![\w-])")
#: Both token kinds in one pass; group 1 is a lower-case word the rules keep (the two never overlap).
_TOKEN_RE = re.compile("(" + _LOWER_KEEP_RE.pattern + ")|" + _CAP_TOKEN_RE.pattern)
_LOWER_WORD_RE = re.compile(r"(?<![\w'’-])[a-z][a-z'’]*(?![\w-])")
_LOWER_CANDIDATE_RE = re.compile(r"[a-z][a-z'’]*")  # what _LOWER_WORD_RE can match at all
_NEXT_WORD_RE = re.compile(r"[ ,]{1,3}([a-z]+)\b")
_SUFFIXES_NOT_NAMES = ("ly", "ing", "ed")
_TIME_WORDS = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
    August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec""".split()
)
_MONTH_ABBREVIATIONS = frozenset("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split())
_MONTH_WORDS = _MONTH_ABBREVIATIONS | frozenset(
    "January February March April May June July August September October November December".split()
)
_DIGIT_AFTER_RE = re.compile(r"\.|\s{0,2}\d")
#: English words after a hyphen that make a compound adjective ("Saudi-led", "Trump-era"), not the
#: second syllable of a romanised given name ("Kim Jong-un", "Moon Jae-in", "Park Soo-hyun").
_COMPOUND_TAILS = frozenset("led era run ran made born area wide like type held free only old new up out off ish less wise".split())
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
                   "herself": "f"}


class _Tok(NamedTuple):
    start: int
    end: int
    text: str
    cap: bool
    poss: bool = False
    title_abbrev: bool = False  # "Mr." / "W." — the following full stop does not break the phrase


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    end: int
    surface: str
    key: str
    kind: str  # person | org | place | group | other
    strong_person: bool = False  # a title, role or reporting verb says so
    entry: GazetteerEntry | None = None
    links: tuple[str, ...] = ()
    gender: str | None = None
    weak: bool = False  # sentence-initial unknown word: kept only if another mention confirms it
    acronym: bool = False
    work: bool = False  # a title in quotation marks or after "film", "book" …: never a person
    relative: bool = False  # introduced as someone's relative ("her father, Robert Lund")
    place_hint: bool = False  # right after "in", "near", "outside" … ("in Nice"), or "X, Country"


# --------------------------------------------------------------------------------------------- tokens


def _tokens(text: str, gaz: Gazetteer) -> list[_Tok]:
    """Capitalised word tokens with offsets, and the lower-case words the rules look at.

    Other lower-case words are skipped: the text between two kept tokens then holds a
    word, which is all the phrase rules need to know. A kept lower-case word (a
    connector or particle) is only ever read right after a token with nothing but a
    space between (see :func:`_phrases`), so one that does not follow a token that way
    is dropped as well: the gap before the next token then holds it, which breaks a
    phrase just as the word itself would. One regex pass finds both kinds in text order.
    """
    toks: list[_Tok] = []
    n = len(text)
    for m in _TOKEN_RE.finditer(text):
        if m.lastindex:  # a lower-case connector or particle
            if toks:
                last = toks[-1]
                start = m.start()
                gap = text[last.end : start]
                if (gap == " " or (0 < len(gap) <= 2 and gap.isspace() and "\n" not in gap)) and not last.poss:
                    toks.append(_Tok(start, m.end(), m.group(), False))
            continue
        s = m.group()
        if not s[0].isupper():
            start = m.start()
            if _PARTICLE_PREFIX_RE.match(s) is None:
                # "then-President", "anti-Assad": the capitalised tail is a token of its own
                parts = s.split("-")
                off = start
                for k, part in enumerate(parts):
                    if part and part[0].isupper():
                        tail = "-".join(parts[k:])
                        _add_word(toks, tail, off, start + len(s), text, n, gaz)
                        break
                    off += len(part) + 1
                continue
        _add_word(toks, s, m.start(), m.end(), text, n, gaz)
    return toks


def _add_word(toks: list[_Tok], s: str, start: int, end: int, text: str, n: int, gaz: Gazetteer) -> None:
    titles = gaz.titles
    if _PARTY_STATE_RE.match(s):
        return
    poss = False
    if len(s) > 2 and s[-2] in "'’" and s[-1] in "sS":
        s, end, poss = s[:-2], end - 2, True
    if "-" in s and not _PARTICLE_PREFIX_RE.match(s) and not s.isupper():
        parts = s.split("-")
        if (
            len(parts) == 2
            and parts[1].islower()
            and 1 < len(parts[1]) <= 4
            and len(parts[0]) <= 6
            and parts[1] not in _COMPOUND_TAILS
            and toks
            and toks[-1].cap
            and text[toks[-1].end : start] == " "
        ):
            # "Kim Jong-un", "Park Soo-hyun": the hyphened syllable belongs to the given name
            toks.append(_Tok(start, end, s, True, poss, False))
            return
        if any(p and p[0].islower() for p in parts[1:]):
            # "Kurdish-dominated", "Kremlin-backed": keep the capitalised head only
            head: list[str] = []
            for p in parts:
                if not p or p[0].islower():
                    break
                head.append(p)
            s = "-".join(head)
            end = start + len(s)
            poss = False
        elif len(parts) > 1 and name_key(s) not in gaz.entries and all(
            p in gaz.demonyms or p in gaz.group_adjectives or name_key(p) in gaz.entries for p in parts
        ):
            # "Russian-Syrian relations": two adjectives, one token each
            off = start
            for p in parts:
                toks.append(_Tok(off, off + len(p), p, True))
                off += len(p) + 1
            return
    title_abbrev = False
    if end < n and text[end] == "." and not poss:
        if (s + ".") in titles or (len(s) == 1 and s.isupper()) or s in _PLACE_ABBREVIATIONS:
            s, end, title_abbrev = s + ".", end + 1, True
    toks.append(_Tok(start, end, s, True, poss, title_abbrev))


# --------------------------------------------------------------------------------------------- phrases


def _is_head(tok: _Tok, gaz: Gazetteer) -> bool:
    return tok.text in gaz.org_words or tok.text in gaz.place_words or tok.text in _EXTRA_HEADS


def _gap_ok(text: str, a: _Tok, b: _Tok) -> bool:
    gap = text[a.end : b.start]
    return (gap == " " or (0 < len(gap) <= 2 and gap.isspace() and "\n" not in gap)) and not a.poss


def _phrases(text: str, toks: list[_Tok], gaz: Gazetteer) -> list[list[_Tok]]:
    out: list[list[_Tok]] = []
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        if not t.cap:
            i += 1
            continue
        cur = [t]
        j = i + 1
        while j < n:
            prev, nxt = cur[-1], toks[j]
            if prev.poss:
                # "Prosecutor General's Office": a possessive inside an organisation name
                if (
                    nxt.cap
                    and all(x.text in gaz.titles for x in cur)
                    and _gap_ok(text, _Tok(prev.start, prev.end + 2, prev.text, True), nxt)
                    and _org_tail(toks, j, text, gaz)
                ):
                    cur.append(nxt)
                    j += 1
                    continue
                break
            if not _gap_ok(text, prev, nxt):
                break
            if nxt.cap:
                cur.append(nxt)
                j += 1
                continue
            # connectors: look ahead for a capitalised token after one or two of them
            w = nxt.text
            k = j
            conns: list[_Tok] = []
            while k < n and not toks[k].cap and len(conns) < 2 and (
                toks[k].text in _HEAD_CONNECTORS or toks[k].text in NAME_PARTICLES
            ):
                if conns and not _gap_ok(text, conns[-1], toks[k]):
                    break
                conns.append(toks[k])
                k += 1
            if not conns or k >= n or not toks[k].cap or not _gap_ok(text, conns[-1], toks[k]):
                break
            w = conns[0].text
            if w in NAME_PARTICLES and w not in _HEAD_CONNECTORS:
                ok = not _is_head(prev, gaz)
            elif w == "and":
                ok = any(c.text in ("of", "for") for c in cur if not c.cap)
            elif w == "the":
                ok = False
            else:
                ok = _is_head(prev, gaz) or any(c.text in ("of", "for") for c in cur if not c.cap)
            if not ok:
                break
            cur.extend(conns)
            cur.append(toks[k])
            j = k + 1
        # never end on a connector
        while cur and not cur[-1].cap:
            cur.pop()
        out.append(cur)
        i = j
    return out


def _org_tail(toks: list[_Tok], j: int, text: str, gaz: Gazetteer) -> bool:
    k = j
    while k < len(toks) and toks[k].cap:
        if toks[k].text in gaz.org_words:
            return True
        if k + 1 < len(toks) and not _gap_ok(text, toks[k], toks[k + 1]):
            break
        k += 1
    return False


# --------------------------------------------------------------------------------------------- mentions


@dataclass(frozen=True, slots=True)
class _Context:
    text: str
    gaz: Gazetteer
    sentence_starts: frozenset[int]
    toks: list[_Tok]
    lower: dict[str, bool] = field(default_factory=dict)  # word -> seen in lower case (memo of _seen_lower)


def _sentence_initial(ctx: _Context, start: int) -> bool:
    if start in ctx.sentence_starts:
        return True
    k = start - 1
    text = ctx.text
    while k >= 0 and text[k] in " \t":
        k -= 1
    if k < 0 or text[k] == "\n":
        return True
    if text[k] in _OPENERS:
        k2 = k - 1
        while k2 >= 0 and text[k2] in " \t":
            k2 -= 1
        return k2 < 0 or text[k2] in ".!?:\n" or (k2 + 1) in ctx.sentence_starts or k in ctx.sentence_starts
    return False


def _known(tok: _Tok, gaz: Gazetteer) -> bool:
    t = tok.text
    return (
        name_key(t) in gaz.entries
        or t in gaz.given_names
        or t in gaz.demonyms
        or t in gaz.group_adjectives
        or (t in gaz.titles and t[0].isupper() and t not in gaz.function_words)
        or bool(_ACRONYM_RE.match(t))
    )


def _seen_lower(ctx: _Context, word: str) -> bool:
    """Whether ``word`` occurs in lower case somewhere in the text ("Days" / "days").

    That is, whether :data:`_LOWER_WORD_RE` matches exactly ``word.lower()`` at some
    place: each occurrence found by ``str.find`` is checked with the regex (whose
    look-behind sees the text before it). Answers are memoised per call in ``ctx.lower``.
    """
    low = word.lower()
    if not low:
        return True
    seen = ctx.lower.get(low)
    if seen is None:
        seen = False
        if _LOWER_CANDIDATE_RE.fullmatch(low) is not None:
            text = ctx.text
            p = text.find(low)
            while p >= 0:
                m = _LOWER_WORD_RE.match(text, p)
                if m is not None and m.end() - p == len(low):
                    seen = True
                    break
                p = text.find(low, p + 1)
        ctx.lower[low] = seen
    return seen


def _looks_common(tok: _Tok, ctx: _Context) -> bool:
    t = tok.text
    gaz = ctx.gaz
    if t in gaz.function_words:
        return True
    if _seen_lower(ctx, t):
        return True
    low = t.lower()
    if low in gaz.titles or low.endswith("s") and (
        low[:-1] in gaz.titles
        or low.endswith("es") and low[:-2] in gaz.titles
        or low.endswith("ies") and low[:-3] + "y" in gaz.titles
    ):
        return True  # "Officials said", "Witnesses", "Residents": role nouns, not names
    return len(t) > 5 and t.endswith(_SUFFIXES_NOT_NAMES) and "-" not in t


def _surface(ctx: _Context, toks: Sequence[_Tok]) -> tuple[int, int, str]:
    s, e = toks[0].start, toks[-1].end
    return s, e, ctx.text[s:e]


def _prev_words(ctx: _Context, tok: _Tok) -> list[str]:
    """The (up to two) words right before ``tok`` on its line, with nothing but spaces between."""
    before = ctx.text[max(0, tok.start - 40) : tok.start]
    if not before or before[-1] != " ":
        return []
    before = before.rsplit("\n", 1)[-1]
    words = before.split()
    out: list[str] = []
    for w in reversed(words[-2:]):
        if not w.replace("-", "").isalpha():
            break
        out.append(w)
    return out  # nearest first


def _next_word(ctx: _Context, tok: _Tok) -> str | None:
    """The word right after ``tok`` (a comma may stand between: "Peskov, added")."""
    m = _NEXT_WORD_RE.match(ctx.text, tok.end + (2 if tok.poss else 0))
    return m.group(1) if m else None


def _month_in_name(ctx: _Context, phrase: Sequence[_Tok], k: int) -> bool:
    """Whether the month word ``phrase[k]`` is part of a name: "Ajmal Jan", "Theresa May".

    A month abbreviation is a date only before a number or with its full stop ("Jan. 5",
    "Jan 5"); a full month name is a surname right after a known given name ("Theresa May",
    "Brian May"), unless a number follows ("Theresa May 5" does not occur in prose).
    Day names always split.
    """
    t = phrase[k]
    if t.text not in _MONTH_WORDS or t.title_abbrev:
        return False
    after = _DIGIT_AFTER_RE.match(ctx.text, t.end)
    if after is not None:
        return False
    if t.text in _MONTH_ABBREVIATIONS:
        return True
    return k > 0 and phrase[k - 1].cap and phrase[k - 1].text in ctx.gaz.given_names


def _phrase_mentions(ctx: _Context, phrase: list[_Tok]) -> list[_Mention]:
    gaz = ctx.gaz
    # split on days and months: "Monday", "March" are the dates stage's
    parts: list[list[_Tok]] = [[]]
    for k, t in enumerate(phrase):
        if t.text in _TIME_WORDS and not _month_in_name(ctx, phrase, k):
            parts.append([])
        else:
            parts[-1].append(t)
    out: list[_Mention] = []
    for part in parts:
        while part and not part[-1].cap:
            part.pop()
        while part and not part[0].cap:
            part.pop(0)
        if part:
            out.extend(_context_flags(ctx, m) for m in _classify(ctx, part))
    return out


def _classify(ctx: _Context, toks: list[_Tok]) -> list[_Mention]:
    gaz = ctx.gaz
    # 1. the whole phrase is known (also with a leading "The")
    whole = _gazetteer_mention(ctx, toks)
    if whole is not None:
        return [whole]
    initial = _sentence_initial(ctx, toks[0].start)
    if initial and len(toks) > 1 and not _known(toks[0], gaz):
        rest = _gazetteer_mention(ctx, toks[1:])
        if rest is not None:  # "Hardline Islamists", "Neighbouring Syria"
            return [rest]
        if len(toks) > 2 and _occurs_without(ctx, toks[0], toks[1:]):
            # "Jubilant Chicago Cubs fans …" when "Chicago Cubs" is written elsewhere on its own
            toks = toks[1:]
            initial = False
    # 2. drop leading function words, and a sentence-initial common word
    while toks and (toks[0].text in gaz.function_words and toks[0].text not in gaz.titles or (
        initial and not _known(toks[0], gaz) and _looks_common(toks[0], ctx)
    )):
        toks = toks[1:]
        initial = False
        if toks:
            whole = _gazetteer_mention(ctx, toks)
            if whole is not None:
                return [whole]
    while toks and toks[-1].text in gaz.function_words and toks[-1].text not in gaz.org_words and not (
        toks[-1].text == "May" and len(toks) > 1 and toks[-2].text in gaz.given_names  # "Theresa May"
    ):
        toks = toks[:-1]
    if not toks or (len(toks) == 1 and len(toks[0].text.rstrip(".")) == 1):
        return []
    # "North Korean", "South Korean": a demonym of two words is an adjective, not a name
    if len(toks) > 1 and _demonym2(gaz, toks, 0):
        if len(toks) == 2:
            return []
        return _classify(ctx, toks[2:])
    if len(toks) > 2 and _demonym2(gaz, toks, len(toks) - 2):
        return _classify(ctx, toks[:-2])
    last = toks[-1].text
    if toks[0].text in gaz.adjectives and toks[0].text not in gaz.demonyms and not (
        last in gaz.org_words or last in gaz.place_words or any(t.text in gaz.strong_org_words for t in toks)
    ):
        # "Western media", "Islamic sect": an adjective, not a name
        toks = toks[1:]
        if not toks:
            return []
        whole = _gazetteer_mention(ctx, toks)
        if whole is not None:
            return [whole]
        last = toks[-1].text
    # 3a. "U.S. Supreme Court Justice Antonin Scalia", "Croydon Central MP Gavin Barwell", "U.S. Defense
    # Secretary Jim Mattis": an institution or place, a title, then a person's name
    if len(toks) > 2:
        split = _title_inside(ctx, toks)
        if split is not None:
            return split
        # 3b. "United Nations Nikki Haley", "Twitter Christian Lund", "GETTY Max Verstappen": a known name, an
        # organisation or caption words glued to a person's name that starts with a known given name
        split = _name_after_head(ctx, toks)
        if split is not None:
            return split
    # 3. organisation and place head words keep the whole phrase ("Center for Global Policy" too)
    if len(toks) > 1 or _ACRONYM_RE.match(last) is None:
        if (
            last in gaz.org_words
            or any(t.text in gaz.strong_org_words for t in toks)
            or len(toks) > 2
            and _head_before_connector(toks, gaz.org_words)
        ):
            return [_make(ctx, toks, "org", links=_prefix_links(ctx, toks))]
        if len(toks) > 1 and (
            last in gaz.place_words or len(toks) > 2 and _head_before_connector(toks, gaz.place_words)
        ):
            prev = _prev_words(ctx, toks[0])
            if not (prev and prev[0][0].islower() and prev[0] in gaz.titles and len(toks) <= 3):
                return [_make(ctx, toks, "place", links=_prefix_links(ctx, toks))]
            # "spokeswoman Lea Park": a role noun before it makes it a person's name
    # 4. titles, nationality adjectives and places in front of a name
    i, role_gender, has_title, links = 0, None, False, []
    while i < len(toks):
        t = toks[i]
        took = False
        for width in range(min(gaz.max_title_words, len(toks) - i - 1), 0, -1):
            cand = " ".join(x.text for x in toks[i : i + width])
            if cand in gaz.titles and cand[0].isupper() and i + width < len(toks):
                g = gaz.title_gender(cand)
                role_gender = g or role_gender
                has_title, took, i = True, True, i + width
                break
        if took:
            continue
        if (
            i == 0
            and len(toks) > 2
            and t.text[0].isupper()
            and t.text.lower() in gaz.titles
            and toks[1].text in gaz.given_names
        ):
            # "Actress Uma Thurman", "Comedienne Sarah Lund": a role noun written with a capital
            role_gender = gaz.title_gender(t.text.lower()) or role_gender
            has_title, i = True, 1
            continue
        if t.text in gaz.demonyms and i + 1 < len(toks):
            links.append(gaz.demonyms[t.text])
            i += 1
            continue
        ent = gaz.lookup(t.text)
        if ent is not None and ent.kind in ("place", "org") and i + 1 < len(toks) and has_title is False and (
            " ".join(x.text for x in toks[i + 1 : i + 3]) in gaz.titles or toks[i + 1].text in gaz.titles
        ):
            links.append(ent.country or ent.name)
            i += 1
            continue
        break
    if (
        has_title
        and i < len(toks)
        and toks[i].text not in gaz.adjectives
        and not all(x.text in gaz.titles or not x.cap for x in toks[i:])
    ):
        rest = toks[i:]
        return [_make(ctx, rest, "person", strong=True, links=tuple(links), gender=role_gender)]
    if has_title or (i == len(toks) and i > 0) or (i > 0 and all(x.text in gaz.titles for x in toks[i:])):
        # only titles and adjectives: "Syrian", "Russian President", "Alawite Muslim", "Deputy Chairman"
        return [m for t in toks for m in _single_known(ctx, t)]
    # 5. all tokens are group adjectives or nationality adjectives: one mention each
    if len(toks) > 1 and all(t.text in gaz.group_adjectives or t.text in gaz.demonyms for t in toks):
        return [m for t in toks for m in _single_known(ctx, t)]
    if len(toks) == 1:
        single = _single_known(ctx, toks[0], allow_unknown=True)
        if single or toks[0].text in gaz.demonyms:
            return single
    # 6. a nationality adjective before a known group or place: "Syrian Kurds"
    if len(toks) > 1 and (toks[0].text in gaz.demonyms or toks[0].text in gaz.group_adjectives):
        rest = _gazetteer_mention(ctx, toks[1:])
        if rest is not None:
            return [rest]
    # 7. unknown multi-word phrase: person by cue or given name, else other
    return [_person_or_other(ctx, toks, weak=False)]


#: Nouns before a title that make it a work: "the 2003 film Kill Bill", "his memoir A Long Walk".
_WORK_NOUNS = frozenset(
    """film films movie movies show series sitcom documentary miniseries album song single book novel memoir play
    musical opera episode game franchise podcast programme program painting poem biopic thriller blockbuster
    sequel prequel""".split()
)
#: What may follow a quoted title: its closing mark (after a comma or full stop), or a subtitle after a colon.
_WORK_CLOSE_RE = re.compile(r"(?:[,.!?]?[”\"’']|:[^”\"’'\n]{1,30}[”\"’'])(?!\w)")
_WORK_OPENERS = frozenset("“\"‘'«")


def _is_work(ctx: _Context, toks: Sequence[_Tok]) -> bool:
    start = toks[0].start
    if start == 0:
        return False
    text = ctx.text
    c = text[start - 1]
    if c == " ":
        return _prev_word(text, start) in _WORK_NOUNS
    return c in _WORK_OPENERS and len(toks) > 1 and _WORK_CLOSE_RE.match(text, toks[-1].end) is not None


def _prev_word(text: str, start: int, commas: bool = False) -> str:
    """The word before ``start`` when only a space (and, with ``commas``, a comma) stands between."""
    j = start - 1
    if j < 0 or text[j] != " ":
        return ""
    if commas:
        while j > 0 and text[j - 1] in " ,":
            j -= 1
    elif j > 0 and text[j - 1] == " ":
        return ""
    i = text.rfind(" ", max(0, j - 25), j)
    return text[i + 1 : j]


def work_context(text: str, start: int, end: int) -> bool:
    """Whether the name at ``[start, end)`` is a title: the whole of a quotation of two words or more
    (“Kill Bill,” “Kill Bill: Vol. 1”), or right after a work noun ("the film Kill Bill")."""
    if start == 0:
        return False
    c = text[start - 1]
    if c in _WORK_OPENERS:
        return " " in text[start:end] and _WORK_CLOSE_RE.match(text, end) is not None
    return c == " " and _word_before(text, start - 1) in _WORK_NOUNS


def _word_before(text: str, end: int) -> str:
    """The run of letters (and hyphens) that ends at ``end``, spaces before ``end`` skipped."""
    j = end
    while j > 0 and text[j - 1] == " ":
        j -= 1
    i = j
    while i > 0 and (text[i - 1].isalpha() or text[i - 1] == "-") and j - i < 20:
        i -= 1
    return text[i:j]


def _occurs_without(ctx: _Context, first: _Tok, rest: Sequence[_Tok]) -> bool:
    """Whether the words of ``rest`` occur elsewhere in the text without ``first`` before them."""
    text = ctx.text
    surface = text[rest[0].start : rest[-1].end]
    p = text.find(surface)
    while p >= 0:
        if p != rest[0].start and not text[max(0, p - len(first.text) - 1) : p].startswith(first.text):
            end = p + len(surface)
            if end >= len(text) or not (text[end].isalnum()):
                return True
        p = text.find(surface, p + 1)
    return False


def _demonym2(gaz: Gazetteer, toks: Sequence[_Tok], k: int) -> bool:
    """Whether ``toks[k]`` and ``toks[k + 1]`` form a demonym of two words ("North Korean")."""
    return k + 1 < len(toks) and f"{toks[k].text} {toks[k + 1].text}" in gaz.demonyms


def _head_before_connector(toks: Sequence[_Tok], heads: frozenset[str]) -> bool:
    """A head word right before a connector inside the phrase ("Center for Global Policy", "Gulf of Aden")."""
    if len(toks) < 3:
        return False
    for k in range(1, len(toks) - 1):
        if not toks[k].cap and toks[k - 1].text in heads and toks[k].text in ("of", "for", "on"):
            return True
    return False


def _clean_tail(gaz: Gazetteer, tail: Sequence[_Tok]) -> bool:
    return all(
        t.cap
        and t.text not in gaz.org_words
        and t.text not in gaz.place_words
        and t.text not in gaz.adjectives
        and t.text not in gaz.function_words
        and t.text not in gaz.titles
        and t.text not in gaz.demonyms
        and not _ACRONYM_RE.match(t.text)
        for t in tail
    )


def _head_mentions(ctx: _Context, head: list[_Tok]) -> tuple[list[_Mention], list[str]]:
    """Mentions of the words before a person's name, and the links they give the person.

    The head is an institution or a place ("Croydon Central", "U.S.", "Twitter"), never a
    person: a person found there is taken as a name of kind other."""
    out = _classify(ctx, head) if head else []
    if any(m.kind == "person" for m in out):
        out = [_make(ctx, head, "other")]
    links = [m.entry.country or m.entry.name for m in out if m.entry is not None and m.kind in ("place", "org")]
    return out, links


def _title_inside(ctx: _Context, toks: list[_Tok]) -> list[_Mention] | None:
    """ "Croydon Central MP Gavin Barwell": the words before a title, and the name after it."""
    gaz = ctx.gaz
    n = len(toks)
    if n < 3:
        return None
    titles = gaz.titles
    if not any(t.text in titles or t.text.lower() in titles for t in toks[1:-1]):
        return None
    for p in range(n - 2, 0, -1):
        tail = toks[p + 1 :]
        if len(tail) > 3 or not toks[p].cap:
            continue
        q = None
        for width in range(min(gaz.max_title_words, p), 0, -1):
            cand = " ".join(x.text for x in toks[p - width + 1 : p + 1])
            if cand in gaz.titles and cand[0].isupper():
                q = p - width + 1
                break
        if q is None and toks[p].text.lower() in gaz.titles and tail[0].text in gaz.given_names:
            q = p  # "Clinton Senior Adviser Sidney Blumenthal": a role noun with a capital
        if q is None:
            continue
        while q > 1 and toks[q - 1].text in gaz.titles and toks[q - 1].text[0].isupper():
            q -= 1  # "Senior Adviser", "Deputy Chief Constable"
        if q == 0:
            continue
        head = toks[:q]
        if all(t.text in gaz.titles or t.text in gaz.adjectives or t.text in gaz.demonyms for t in head):
            continue  # "Interim President …", "Russian President …": step 4 reads these
        if not _clean_tail(gaz, tail) or tail[0].text.lower() in gaz.titles:
            continue
        known_head = any(
            t.text in gaz.org_words or name_key(t.text) in gaz.entries or t.text in gaz.place_words for t in head
        )
        if len(tail) == 1 and not known_head:
            continue
        g = gaz.title_gender(" ".join(x.text for x in toks[q : p + 1]))
        head_mentions, links = _head_mentions(ctx, head)
        return head_mentions + [_make(ctx, tail, "person", strong=True, gender=g, links=links)]
    return None


#: Caption and credit words that may be glued to the name they caption ("Getty Images Max Lund").
_CREDIT_WORDS = frozenset(
    "Twitter Instagram Facebook YouTube TikTok Reuters AP AFP EPA PA Getty Images Shutterstock Rex Splash".split()
)


def _name_after_head(ctx: _Context, toks: list[_Tok]) -> list[_Mention] | None:
    """ "United Nations Nikki Haley", "GETTY Max Lund": a head that is not a name, then a given name."""
    gaz = ctx.gaz
    n = len(toks)
    for p in range(1, n - 1):
        t = toks[p]
        if t.text not in gaz.given_names or not t.cap:
            continue
        tail = toks[p:]
        head = toks[:p]
        prev = head[-1].text
        if len(tail) > 3 or prev in gaz.given_names or not _clean_tail(gaz, tail[1:]):
            return None
        head_key = name_key(ctx.text[head[0].start : head[-1].end])
        if not (
            head_key in gaz.entries
            or prev in gaz.org_words
            or prev in gaz.place_words
            or all(x.text.isupper() and len(x.text) > 1 for x in head if x.cap)
            or all(x.text in _CREDIT_WORDS for x in head if x.cap)
        ):
            return None
        head_mentions, links = _head_mentions(ctx, head)
        given = gaz.given_names.get(t.text)
        g = given if given in ("m", "f") else None
        return head_mentions + [_make(ctx, tail, "person", strong=True, gender=g, links=links)]
    return None


def _single_known(ctx: _Context, t: _Tok, allow_unknown: bool = False) -> list[_Mention]:
    gaz = ctx.gaz
    m = _gazetteer_mention(ctx, [t])
    if m is not None:
        return [m]
    if t.text in gaz.group_adjectives:
        name = gaz.group_adjectives[t.text]
        entry = gaz.lookup(name)
        return [_make(ctx, [t], "group", entry=entry, key=name_key(name))]
    if t.text in gaz.demonyms or t.text in gaz.titles or t.text in gaz.function_words:
        return []
    if not allow_unknown:
        return []
    if _ACRONYM_RE.match(t.text):
        return [_make(ctx, [t], "org", acronym=True)]
    weak = _sentence_initial(ctx, t.start) and t.text not in gaz.given_names
    return [_person_or_other(ctx, [t], weak=weak)]


def _gazetteer_mention(ctx: _Context, toks: Sequence[_Tok]) -> _Mention | None:
    s, e, surface = _surface(ctx, toks)
    entry = ctx.gaz.entries.get(name_key(surface))
    if entry is None:
        return None
    links = (entry.country,) if entry.country and entry.country != entry.name else ()
    acr = len(toks) == 1 and bool(_ACRONYM_RE.match(toks[0].text))
    return _make(ctx, toks, entry.kind, entry=entry, links=links, acronym=acr)


def _prefix_links(ctx: _Context, toks: Sequence[_Tok]) -> tuple[str, ...]:
    first = toks[0].text
    if first in ctx.gaz.demonyms:
        return (ctx.gaz.demonyms[first],)
    ent = ctx.gaz.lookup(first)
    if ent is not None and ent.kind == "place":
        return (ent.country or ent.name,)
    return ()


def _person_or_other(ctx: _Context, toks: Sequence[_Tok], weak: bool) -> _Mention:
    gaz = ctx.gaz
    if _is_work(ctx, toks):
        # a title in quotation marks or after "film", "book" …: a work, never a person
        return _make(ctx, toks, "other", work=True)
    first = toks[0]
    gender: str | None = None
    strong = False
    prev = _prev_words(ctx, first)
    if prev and prev[0][0].islower() and prev[0] in gaz.titles:
        strong = True
        gender = gaz.title_gender(prev[0])
    if (_next_word(ctx, toks[-1]) in REPORTING_VERBS and not _after_preposition(prev)
            and not _IT_AFTER_RE.match(ctx.text, toks[-1].end)):
        # "Peskov added", but not "witnesses in Nice said", "… the southern tip of Hokkaido, said …",
        # nor "Qualcomm said it was considering the bid" (an organisation speaks of itself as "it")
        strong = True
    if len(prev) == 2 and prev[0] == "to" and prev[1].lower() == "according":
        strong = True
    if _HUMAN_AFTER_RE.match(ctx.text, toks[-1].end):
        strong = True  # "Lund did not respond to requests for comment"
    if name_key(toks[-1].text) in gaz.person_names:
        strong = True
    given = gaz.given_names.get(first.text)
    if given is not None and (len(toks) > 1 or not weak):
        # "Ana Ruiz"; a known given name alone is a person too ("Harvey", not at a sentence start)
        gender = gender or (given if given in ("m", "f") else None)
        return _make(ctx, toks, "person", strong=True, gender=gender)
    if strong:
        return _make(ctx, toks, "person", strong=True, gender=gender, weak=False)
    return _make(ctx, toks, "other", weak=weak)


#: A reporting verb whose clause goes on with "it" as its subject: "Qualcomm said it was considering".
_IT_AFTER_RE = re.compile(r"(?:['’]s)?,?\s+\w+\s+(?:that\s+)?(?:it|its)\b")
#: What only a person does after their name: "did not respond to requests for comment".
_HUMAN_AFTER_RE = re.compile(
    r"(?:['’]s?)?,?\s+(?:did\s+not|didn['’]t|could\s+not|couldn['’]t|has\s+not|had\s+not|would\s+not|declined|"
    r"refused)\s+(?:to\s+)?(?:respond|comment|return|be\s+reached|reply)"
)
#: Prepositions before a name that make it an oblique (a place, an institution), not a subject.
_PREPOSITIONS = frozenset(
    "in at from of near to for with by on outside across into over under behind around throughout toward towards via"
    .split()
)
#: Prepositions before a name that make it a place ("in Nice", "near Erimo").
_PLACE_PREPOSITIONS = frozenset("in near outside across throughout around toward towards".split())
#: A kinship noun before a name: "her father, Robert Lund", "Bruce Lund's sister, Tamara Lund Hale".
_KIN_RE = re.compile(
    r"(?:\b(?:[Hh]is|[Hh]er|[Tt]heir)|['’]s)\s+(?:(?:late|younger|older|elder|eldest|twin|former|estranged)\s+)?"
    r"(?P<kin>father|mother|son|daughter|brother|sister|wife|husband|widow|widower|uncle|aunt|cousin|nephew|niece|"
    r"grandfather|grandmother|grandson|granddaughter|stepfather|stepmother|stepson|stepdaughter|fiancée?|fiancé|"
    r"fiancee?|boyfriend|girlfriend|ex-wife|ex-husband|ex-boyfriend|ex-girlfriend|mom|dad|mum)\s*,?\s+$"
)
_KIN_WORDS = frozenset(
    """father mother son daughter brother sister wife husband widow widower uncle aunt cousin nephew niece
    grandfather grandmother grandson granddaughter stepfather stepmother stepson stepdaughter fiancée fiancé
    fiancee fiance boyfriend girlfriend ex-wife ex-husband ex-boyfriend ex-girlfriend mom dad mum""".split()
)
_PLACE_AFTER_RE = re.compile(r",\s+([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?)(?=[,.;:)]|\s*$)")


def _after_preposition(prev: Sequence[str]) -> bool:
    """Whether the words before a name (nearest first) end in a preposition: "in", "at the"."""
    if not prev:
        return False
    if prev[0] in _PREPOSITIONS:
        return True
    return len(prev) > 1 and prev[0] in ("the", "a") and prev[1] in _PREPOSITIONS


def _context_flags(ctx: _Context, m: _Mention) -> _Mention:
    """Relatives ("her father, Robert Lund") and place hints ("in Nice", "Erimo, Japan") from the words around."""
    if m.kind not in ("person", "other") or m.entry is not None or m.work:
        return m
    s = m.start
    text = ctx.text
    word = _prev_word(text, s, commas=True)
    if word in _KIN_WORDS:
        kin = _KIN_RE.search(text, max(0, s - 40), s)
        if kin is not None:
            object.__setattr__(m, "relative", True)  # a mention just made here, not yet shared
            object.__setattr__(m, "gender", m.gender or ctx.gaz.title_gender(kin.group("kin")))
            return m
    if m.kind == "other" and not m.strong_person:
        if word in _PLACE_PREPOSITIONS and text[s - 2 : s] != ", ":
            object.__setattr__(m, "place_hint", True)
            return m
        if text.startswith(",", m.end):
            after = _PLACE_AFTER_RE.match(text, m.end, min(len(text), m.end + 40))
            if after is not None:
                ent = ctx.gaz.lookup(after.group(1))
                if ent is not None and ent.kind == "place":
                    object.__setattr__(m, "place_hint", True)
    return m


def _make(
    ctx: _Context,
    toks: Sequence[_Tok],
    kind: str,
    *,
    strong: bool = False,
    entry: GazetteerEntry | None = None,
    links: tuple[str, ...] | list[str] = (),
    gender: str | None = None,
    weak: bool = False,
    acronym: bool = False,
    key: str | None = None,
    work: bool = False,
    relative: bool = False,
    place_hint: bool = False,
) -> _Mention:
    s, e, surface = _surface(ctx, toks)
    if surface[:4] in ("The ", "the ") and (entry is None or not entry.name.startswith("The ")):
        s, surface = s + 4, surface[4:]
    if acronym is False and len(toks) == 1 and _ACRONYM_RE.match(toks[0].text):
        acronym = True
    if key is None:
        key = entry.name if entry is not None else name_key(surface)
        if entry is not None:
            key = name_key(entry.name)
    return _Mention(
        s, e, surface, key, kind, strong, entry, tuple(dict.fromkeys(links)), gender, weak, acronym, work, relative,
        place_hint,
    )


#: Words a Title Case headline leaves in lower case.
_TITLE_CASE_SMALL = frozenset(
    "a an the and but or nor for of to in on at by as from with into onto over up via vs vs. per than".split()
)


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """Lines written in Title Case (headlines): there, a capital letter says nothing about names.

    A line is one when it has at least three words (other than small words and words not
    starting with a letter) and at most an eighth of them start in lower case. The count
    stops as soon as the lower-case words exceed an eighth of all the line's words, which
    settles ordinary prose after a few words.
    """
    out: list[tuple[int, int]] = []
    pos = 0
    small = _TITLE_CASE_SMALL
    for line in text.split("\n"):
        ws = line.split()
        if len(ws) >= 3:
            limit = len(ws) // 8  # ``words`` is a subset of ``ws``: more lower-case words than this fail
            lower = count = 0
            for w in ws:
                c = w[0]
                if not c.isalpha() or w.lower() in small:
                    continue
                count += 1
                if not c.isupper():
                    lower += 1
                    if lower > limit:
                        break
            else:
                if count >= 3 and lower <= count // 8:
                    out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _headline_mentions(ctx: _Context, phrase: list[_Tok]) -> list[_Mention]:
    """Mentions in a Title Case line: split at common words; kept only if the body confirms them."""
    gaz = ctx.gaz
    runs: list[list[_Tok]] = [[]]
    for t in phrase:
        if t.text in gaz.function_words or not t.cap or _seen_lower(ctx, t.text):
            runs.append([])
        else:
            runs[-1].append(t)
    out: list[_Mention] = []
    for run in runs:
        if run:
            for m in _phrase_mentions(ctx, run):
                out.append(m if m.entry is not None else dataclasses.replace(m, weak=True, strong_person=False))
    return out


# --------------------------------------------------------------------------------------------- clustering


def _person_tokens(key: str) -> list[str]:
    return [w for w in key.split() if len(w) > 1 and w not in NAME_PARTICLES and w not in NAME_ARTICLES]


def _initials(key_surface: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", key_surface) if w and w[0].isupper()]
    return "".join(w[0] for w in words)


def _cluster(
    mentions: list[_Mention],
    text: str,
    given_names: Mapping[str, str] | frozenset[str] = frozenset(),
    sent_starts: Sequence[int] = (),
) -> list[list[_Mention]]:
    """Group mentions into entities (lists of mentions in text order).

    A one-word name joins a person by surname ("Peskov"), or by given name only when it is one
    (``given_names``: "Hillary" joins Hillary Clinton; "Croydon" never joins "Croydon Central MP
    Gavin Barwell")."""
    clusters: list[list[_Mention]] = []
    by_key: dict[str, int] = {}
    singles: list[_Mention] = []
    acronyms: list[_Mention] = []
    # pass 1: full keys; multi-word names and gazetteer names
    for m in mentions:
        if m.entry is None and m.acronym:
            acronyms.append(m)
            continue
        if m.entry is None and m.kind in ("person", "other") and len(_person_tokens(m.key)) == 1:
            singles.append(m)
            continue
        k = m.key if m.kind != "person" else " ".join(_person_tokens(m.key)) or m.key
        if k in by_key:
            clusters[by_key[k]].append(m)
        else:
            by_key[k] = len(clusters)
            clusters.append([m])
    # pass 1b: "Hillary Rodham Clinton" = "Hillary Clinton" (same first and last name)
    fl: dict[tuple[str, str], int] = {}
    merged: dict[int, int] = {}
    for ci, c in enumerate(clusters):
        head = c[0]
        if head.entry is not None or head.kind not in ("person", "other"):
            continue
        toks = _person_tokens(head.key)
        if len(toks) < 2:
            continue
        pair = (toks[0], toks[-1])
        if pair in fl:
            merged[ci] = fl[pair]
        else:
            fl[pair] = ci
    for ci, target in merged.items():
        clusters[target].extend(clusters[ci])
        clusters[ci] = []
    # pass 2: acronyms: defined in parentheses, or spelling a name's initials
    for m in acronyms:
        target = None
        before = text[: m.start].rstrip()
        if before.endswith("(") and text[m.end : m.end + 1] == ")":
            prior = before[:-1].rstrip()
            for ci, c in enumerate(clusters):
                if any(x.end == len(prior) for x in c):
                    target = ci
                    break
        if target is None:
            letters = m.surface.replace(".", "")
            for ci, c in enumerate(clusters):
                if c and c[0].kind in ("org", "other", "place") and any(
                    len(x.surface.split()) > 1 and _initials(x.surface) == letters for x in c
                ):
                    target = ci
                    break
        if target is None:
            k = m.key
            if k in by_key:
                target = by_key[k]
            else:
                by_key[k] = len(clusters)
                clusters.append([])
                target = by_key[k]
        clusters[target].append(m)
    # pass 3: one-word names join the person (or unknown name) whose surname or given name they are
    surname_index: dict[str, list[int]] = defaultdict(list)
    given_index: dict[str, list[int]] = defaultdict(list)
    for ci, c in enumerate(clusters):
        if not c or c[0].entry is not None:
            continue
        if not any(x.kind in ("person", "other") for x in c) or any(x.work for x in c):
            continue
        toks = _person_tokens(max(c, key=lambda x: len(x.key)).key)
        if len(toks) >= 2:
            surname_index[toks[-1]].append(ci)
            given_index[toks[0]].append(ci)
    first_single: dict[str, int] = {}
    assigned: dict[str, int] = {}
    for m in singles:
        toks = _person_tokens(m.key)
        first_single.setdefault(toks[0] if toks else m.key, m.start)
    for m in singles:
        toks = _person_tokens(m.key)
        k = toks[0] if toks else m.key
        cands = surname_index.get(k) or (given_index.get(k) if m.surface in given_names else None) or []
        if m.place_hint or m.work:
            cands = []  # "in Nice" is not the surname of "Hyatt Regency Nice"
        if cands:
            cands = _without_relatives(clusters, cands, first_single[k])
        gender = (m.gender or _pronoun_gender_after(text, m.end)) if cands else None
        if gender is not None and cands:
            # "Mrs. Clinton", "Lund says she …": not a man's surname
            cands = [ci for ci in cands if _cluster_gender(clusters[ci]) in (None, gender)]
        if len(cands) > 1:
            # once a bare surname has been used for someone it goes on meaning them, unless another
            # bearer is named in full earlier in the same sentence
            prev = assigned.get(k)
            if prev in cands and not _named_in_sentence(clusters, cands, prev, m, sent_starts):
                cands = [prev]
            else:
                cands = [_nearest_full(clusters, cands, m, sent_starts)]
        if cands:
            clusters[cands[0]].append(m)
            assigned[k] = cands[0]
            continue
        if m.key in by_key:
            clusters[by_key[m.key]].append(m)
        else:
            by_key[m.key] = len(clusters)
            clusters.append([m])
    out = []
    for c in clusters:
        if not c:
            continue
        c.sort(key=lambda x: x.start)
        if all(x.weak for x in c):
            continue
        out.append(c)
    out.sort(key=lambda c: c[0].start)
    return out


def _first_full(c: Sequence[_Mention]) -> _Mention | None:
    full = [x for x in c if len(_person_tokens(x.key)) > 1]
    return min(full, key=lambda x: x.start) if full else None


def _without_relatives(clusters: list[list[_Mention]], cands: list[int], first_use: int) -> list[int]:
    """Candidates for a bare surname, without the people introduced as someone's relative.

    "… her father, Robert Lund, …" does not take the "Lund" the article is about: a relative
    keeps the bare surname only when nobody else has it and the relative was named before the
    surname was first used alone."""
    rel = []
    for ci in cands:
        f = _first_full(clusters[ci])
        if f is not None and f.relative:
            rel.append((ci, f.start))
    if not rel:
        return cands
    others = [ci for ci in cands if ci not in {r for r, _ in rel}]
    if others:
        return others
    return [ci for ci, start in rel if start < first_use]


#: A pronoun subject right after a name and its reporting verb: "Lund says she …", "Lund said that he …".
_PRONOUN_AFTER_RE = re.compile(
    r"(?:['’]s)?,?\s+(?:says|said|told\s+\w+|tells\s+\w+|added|adds|recalled|recalls|explained|explains|"
    r"insisted|insists|wrote|writes|believes|believed|thinks|thought|admitted|admits|argued|argues)\s+"
    r"(?:that\s+)?(he|she)\b"
)


def _pronoun_gender_after(text: str, end: int) -> str | None:
    m = _PRONOUN_AFTER_RE.match(text, end, min(len(text), end + 60))
    if m is None:
        return None
    return "m" if m.group(1) == "he" else "f"


def _sentence_of(sent_starts: Sequence[int], pos: int) -> int:
    return bisect.bisect_right(sent_starts, pos) - 1 if sent_starts else 0


def _named_in_sentence(
    clusters: list[list[_Mention]], cands: list[int], prev: int, m: _Mention, sent_starts: Sequence[int]
) -> bool:
    """Whether a bearer of the surname other than ``prev`` is named in full before ``m`` in its sentence."""
    here = _sentence_of(sent_starts, m.start)
    for ci in cands:
        if ci == prev:
            continue
        for x in clusters[ci]:
            if x.start < m.start and len(_person_tokens(x.key)) > 1 and _sentence_of(sent_starts, x.start) == here:
                return True
    return False


def _nearest_full(clusters: list[list[_Mention]], cands: list[int], m: _Mention, sent_starts: Sequence[int]) -> int:
    """Among people sharing a surname, the one the context supports for the bare surname ``m``.

    The person named in full in the same or the previous sentence, else the one named in
    full most often before ``m`` (the nearer on a tie), else the first named after it."""
    def sent(pos: int) -> int:
        return _sentence_of(sent_starts, pos)

    here = sent(m.start)
    best: tuple[int, int] | None = None
    for ci in cands:
        before = [x.start for x in clusters[ci] if x.start < m.start and len(_person_tokens(x.key)) > 1]
        if before and here - sent(before[-1]) <= 1 and (best is None or before[-1] > best[1]):
            best = (ci, before[-1])
    if best is not None:
        return best[0]

    def rank(ci: int) -> tuple[int, int, int]:
        full = [x.start for x in clusters[ci] if len(_person_tokens(x.key)) > 1]
        before = [p for p in full if p < m.start]
        return (len(before), max(before, default=-1), -min(full, default=0))

    return max(cands, key=rank)


def _cluster_gender(c: Sequence[_Mention]) -> str | None:
    for x in c:
        if x.gender is not None:
            return x.gender
    return None


def _cluster_kind(c: Sequence[_Mention], gaz: Gazetteer | None = None) -> str:
    if any(x.entry is not None for x in c):
        return next(x.entry.kind for x in c if x.entry is not None)  # type: ignore[union-attr]
    if any(x.work for x in c):
        return "other"  # a title: "Kill Bill" is not Bill
    if any(x.strong_person for x in c):
        return "person"
    full = [x for x in c if len(_person_tokens(x.key)) > 1]
    if (
        full
        and any(len(_person_tokens(x.key)) == 1 and not x.acronym and not x.place_hint for x in c)
        and all(x.kind in ("person", "other") for x in c)
        and not (gaz is not None and any(_place_first(gaz, x.surface) for x in full))
    ):
        return "person"  # "Lester Holt" ... "Holt asked": a name used by its surname (not "Chicago Cubs" … "Cubs")
    if any(x.place_hint for x in c) and not any(x.kind == "person" for x in c):
        return "place"  # "in Erimo", "Erimo, Japan"
    votes: dict[str, int] = defaultdict(int)
    for x in c:
        votes[x.kind] += 1
    kinds = [k for k in ("person", "org", "place", "group") if votes.get(k)]
    return max(kinds, key=lambda k: votes[k]) if kinds else "other"


def _place_first(gaz: Gazetteer, surface: str) -> bool:
    """Whether a name starts with a known place or a demonym ("Chicago Cubs", "Manchester United")."""
    first = surface.split()[0] if surface else ""
    if first in gaz.demonyms:
        return True
    ent = gaz.lookup(first)
    return ent is not None and ent.kind == "place"


def _canonical(c: Sequence[_Mention]) -> str:
    for x in c:
        if x.entry is not None:
            return x.entry.name
    full = [x for x in c if not x.acronym] or list(c)

    def rank(x: _Mention) -> tuple[int, int, int]:
        return (len(_person_tokens(x.key)) or 1, len(x.surface), -x.start)

    return max(full, key=rank).surface


def _to_entity(c: Sequence[_Mention], gaz: Gazetteer | None = None) -> Entity:
    name = _canonical(c)
    kind = _cluster_kind(c, gaz)
    aliases = tuple(dict.fromkeys(x.surface for x in c if x.surface != name))
    links = tuple(dict.fromkeys(link for x in c for link in x.links if link != name))
    mentions = tuple(sorted({(x.start, x.end) for x in c}))
    return Entity(
        name=name,
        kind=kind,
        aliases=aliases,
        mentions=tuple(Span(s, e) for s, e in mentions),
        links=links,
    )


# --------------------------------------------------------------------------------------------- public API


def find_entities(text: str, sentences: Sequence[Span], gazetteer: Gazetteer | None = None) -> list[Entity]:
    """Entities of ``text``: each with its canonical name, kind, aliases, mention spans and links.

    ``sentences`` (from the sentences stage) tell which capitalised words only open a
    sentence; an empty sequence treats line starts as the only sentence starts.
    """
    gaz = gazetteer or default_gazetteer()
    toks = _tokens(text, gaz)
    ctx = _Context(
        text=text,
        gaz=gaz,
        sentence_starts=frozenset(s.start for s in sentences),
        toks=toks,
    )
    headlines = _title_case_lines(text)
    mentions: list[_Mention] = []
    for phrase in _phrases(text, toks, gaz):
        if headlines and any(a <= phrase[0].start < b for a, b in headlines):
            mentions.extend(_headline_mentions(ctx, phrase))
        else:
            mentions.extend(_phrase_mentions(ctx, phrase))
    starts = sorted(ctx.sentence_starts)
    return [_to_entity(c, gaz) for c in _cluster(mentions, text, gaz.given_names, starts)]


@dataclass(frozen=True, slots=True)
class EntityStage:
    """The ``entities`` stage: :func:`find_entities` over an article's text and sentences."""

    name: str = "entities"
    requires: tuple[str, ...] = ("sentences",)
    provides: tuple[str, ...] = ("entities",)
    gazetteer: Gazetteer | None = field(default=None, repr=False)

    def __call__(self, article: Article) -> Article:
        if article.language and article.language.lower() not in ("en",) and not article.language.lower().startswith(
            "en-"
        ):
            note = f"entities: skipped, language {article.language!r} is not supported"
            return article.replace(entities=(), notes=article.notes + (note,))
        entities = find_entities(article.text, article.sentences, self.gazetteer)
        return article.replace(entities=tuple(entities))


def _entity_gender(article: Article, entity: Entity, gaz: Gazetteer) -> str | None:
    first = entity.name.split()[0] if entity.name else ""
    g = gaz.given_names.get(first)
    if g in ("m", "f"):
        return g
    text = article.text
    for m in entity.mentions:
        before = text[max(0, m.start - 30) : m.start].split()
        if before:
            g2 = gaz.title_gender(before[-1])
            if g2 is not None:
                return g2
    return None


def resolve_pronoun(
    article: Article, offset: int, pronoun: str | None = None, gazetteer: Gazetteer | None = None
) -> Entity | None:
    """The person a pronoun at ``offset`` most likely refers to: the most recent compatible one before it.

    The pronoun is read from the text at ``offset`` unless given. "he"/"his" want a
    person not known to be female, "she"/"her" one not known to be male; other
    pronouns ("they") take any person. Gender comes from given names and titles
    ("Mr.", "Mrs.", "spokeswoman"); unknown gender is compatible with either.
    """
    gaz = gazetteer or default_gazetteer()
    if pronoun is None:
        m = re.match(r"[A-Za-z]+", article.text[offset : offset + 10])
        pronoun = m.group() if m else ""
    want = _PRONOUN_GENDER.get(pronoun.lower())
    best: Entity | None = None
    best_end = -1
    for e in article.entities:
        if e.kind != "person":
            continue
        end = max((m.end for m in e.mentions if m.end <= offset), default=-1)
        if end <= best_end:
            continue
        if want is not None:
            g = _entity_gender(article, e, gaz)
            if g is not None and g != want:
                continue
        best, best_end = e, end
    return best


def link_entities(articles: Sequence[Article], gazetteer: Gazetteer | None = None) -> dict[tuple[str, str], str]:
    """Story-level names: ``(article_id, entity name) -> canonical name`` across ``articles``.

    The same alias rules as within an article: equal keys, a one-word person name that
    is a unique surname (or, when it is a given name, the given name) of a fuller name in the story, an acronym
    spelling a name's initials. The canonical name is the longest full form in the story.
    Articles without entities are annotated on the fly (their sentences, if any, are used).
    """
    gaz = gazetteer or default_gazetteer()
    items: list[tuple[str, Entity]] = []
    texts = {a.id: a.text for a in articles}
    for a in articles:
        ents = a.entities if "entities" in a.annotated or a.entities else tuple(
            find_entities(a.text, a.sentences, gaz)
        )
        items.extend((a.id, e) for e in ents)
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)

    keys: dict[tuple[str, str], int] = {}
    surnames: dict[str, set[int]] = defaultdict(set)
    given: dict[str, set[int]] = defaultdict(set)
    initials: dict[str, set[int]] = defaultdict(set)
    for i, (_, e) in enumerate(items):
        forms = (e.name,) + e.aliases
        group = "person" if e.kind in ("person", "other") else e.kind
        for f in forms:
            k = name_key(f)
            if group == "person" and len(k.rsplit(" ", 1)[-1]) > 1:
                # initials inside a name do not count ("George W. Bush"); a final letter does ("Telegram X")
                k = " ".join(_person_tokens(k)) or k
                if f != e.name and len(k.split()) < 2:
                    # a bare surname or given name an article gave one of its people ("Kim") is not a
                    # story-wide key: two Kims in two articles are not one person
                    continue
            prev = keys.setdefault((group, k), i)
            if prev != i:
                union(prev, i)
        toks = _person_tokens(name_key(e.name))
        if group == "person" and len(toks) >= 2 and not (
            e.kind == "other" and any(work_context(texts[items[i][0]], m.start, m.end) for m in e.mentions)
        ):
            # not a title: "Bill" is nobody's surname in "Kill Bill"
            surnames[toks[-1]].add(i)
            given[toks[0]].add(i)
        if e.kind in ("org", "other") and len(e.name.split()) > 1:
            initials[_initials(e.name)].add(i)
    for i, (_, e) in enumerate(items):
        group = "person" if e.kind in ("person", "other") else e.kind
        toks = _person_tokens(name_key(e.name))
        if group == "person" and len(toks) == 1:
            # a fuller name in the same article was not joined there on purpose (a relative, another
            # gender): only the other articles' people are candidates
            art = items[i][0]
            roots = {find(j) for j in surnames.get(toks[0], ()) if items[j][0] != art}
            if not roots and e.name in gaz.given_names:
                roots = {find(j) for j in given.get(toks[0], ()) if items[j][0] != art}
            if len(roots) == 1:
                union(roots.pop(), i)
        if e.kind in ("org", "other") and _ACRONYM_RE.match(e.name):
            roots = {find(j) for j in initials.get(e.name.replace(".", ""), ())}
            if len(roots) == 1:
                union(roots.pop(), i)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        members[find(i)].append(i)
    out: dict[tuple[str, str], str] = {}
    for idx in members.values():
        names = [items[i][1].name for i in idx]
        best = max(names, key=lambda n: (0 if _ACRONYM_RE.match(n) else 1, len(_person_tokens(name_key(n))), len(n),
                                         names.count(n), n))
        for i in idx:
            out[(items[i][0], items[i][1].name)] = best
    return out
