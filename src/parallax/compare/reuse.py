"""Copied text between outlets: MinHash candidates, word alignment to confirm, provenance, direction, changes.

1. Candidates: a MinHash (datasketch) of each article's word 5-grams, queried through an
   LSH index, so articles are never compared all pairs. Each article is aligned with its
   single most likely partner (the candidate holding most of its 5-grams).
2. Confirmation: the two articles' words are aligned (difflib); only runs of 8 or more
   identical words *outside quotations* count as copied (two outlets quoting the same tweet
   or statement copy nobody). A pair is reuse when enough words are copied: a share of the
   later article (``reuse_min_share``) or one long passage (``reuse_long_passage``).
   Articles of the same outlet are not compared (a newsroom reuses its own background).
3. Provenance: the credits of both articles ("(AP)", "Copyright 2017 The Associated Press",
   "(Reuters)", "seen by Reuters", "Information from: ...", "(Reporting by ...)", a press
   release, a byline naming an agency, an outlet's own dateline credit). When a credit names
   one of the two outlets ("(Reuters)" in a text Reuters also published, "told The
   Washington Post"), that outlet is the original. When it names a third source (a wire
   agency or a press release), the two carry the same source's text: ``relation:
   "shared-source"``, no direction. Two near-identical texts (``TWIN_SHARE`` of each) that
   credit nobody are also reported as one shared text without direction: two outlets
   running one text almost always carry a common source.
4. Direction otherwise: the earlier publication is the original. A date-only or midnight
   time (``T00:00:00``) is an unknown time and never gives a direction.
5. Changes a copier made: headline, byline, figures changed inside copied passages
   ("170" → "180"), attributions dropped ("..., the rescue service said."), the original
   outlet's credit dropped.

An article mostly made of another's text is not an independent source (see
:mod:`parallax.compare.independence`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import pairwise
from urllib.parse import urlparse

from datasketch import MinHash, MinHashLSH  # type: ignore[import-untyped]

from ..annotate.gazetteer import name_key
from ..model import Article
from .model import Evidence, Finding
from .settings import CompareSettings
from .story import Story
from .text import quoted_spans

_TOKEN_RE = re.compile(r"[\w’'-]+|\d[\d,.]*\d|\d")
_MIN_RUN = 8
_ATTRIBUTION_RE = re.compile(r"\b(?:said|says|told|according|reported|stated|announced|added|confirmed)\b", re.IGNORECASE)
_NUMBER_RE = re.compile(r"\d")
#: Two texts sharing this share of each one's words are one text (wire twins), whatever their times.
TWIN_SHARE = 0.85

# ---- provenance -------------------------------------------------------------------------------------
#: Wire agencies and press-release services: canonical name -> the names a credit uses.
AGENCIES: dict[str, tuple[str, ...]] = {
    "Associated Press": ("Associated Press", "AP"),
    "Thomson Reuters Foundation": ("Thomson Reuters Foundation",),
    "Reuters": ("Reuters", "Thomson Reuters"),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse", "Agence Francepresse"),
    "Press Association": ("Press Association", "PA Media"),
    "PTI": ("PTI", "Press Trust of India"),
    "IANS": ("IANS",),
    "ANI": ("ANI",),
    "UPI": ("UPI", "United Press International"),
    "dpa": ("dpa", "Deutsche Presse-Agentur"),
    "Xinhua": ("Xinhua",),
    "TASS": ("TASS",),
    "EFE": ("EFE",),
    "ANSA": ("ANSA",),
    "Kyodo": ("Kyodo",),
    "Yonhap": ("Yonhap",),
    "Bloomberg": ("Bloomberg",),
    "press release": ("PR Newswire", "PRNewswire", "Business Wire", "GlobeNewswire"),
}
#: Host stems of the agencies' own sites, so that "www.reuters.com" is Reuters.
_AGENCY_HOSTS = {"apnews": "Associated Press", "ap": "Associated Press", "reuters": "Reuters", "afp": "AFP",
                 "xinhuanet": "Xinhua", "tass": "TASS", "bloomberg": "Bloomberg", "upi": "UPI",
                 "efe": "EFE", "ansa": "ANSA", "yna": "Yonhap", "kyodonews": "Kyodo", "ptinews": "PTI"}
_ALIASES = sorted(((alias, name) for name, aliases in AGENCIES.items() for alias in aliases), key=lambda t: -len(t[0]))
_ALIAS_RX = "|".join(re.escape(a) for a, _ in _ALIASES)
_CANONICAL = {a.casefold(): n for a, n in _ALIASES}
_EXACT = frozenset(a for a, _ in _ALIASES)
#: Credits that say a text is an agency's ("strong"), and photo credits that only say the outlet takes
#: its pictures there ("weak": used to choose between strong credits, never alone).
_STRONG_CREDITS = [
    # dateline: "DALLAS (AP) -", "OFER PRISON, West Bank, Jan 1 (Reuters) -", "(AFP) —"
    re.compile(rf"\((?P<n>{_ALIAS_RX})\)\s*(?:[-—–:]|$)", re.MULTILINE),
    re.compile(rf"(?:Copyright|©)\s*(?:\(c\)\s*)?(?:\d{{4}}\s+)?(?:The\s+)?(?P<n>{_ALIAS_RX})\b", re.IGNORECASE),
    re.compile(rf"\b(?:The\s+)?(?P<n>{_ALIAS_RX})(?:\s+\w+){{0,8}}\s+contributed\s+to\s+this\s+report", re.IGNORECASE),
    re.compile(rf"\b(?:seen|obtained|reviewed)\s+by\s+(?:the\s+)?(?P<n>{_ALIAS_RX})\b"),
    re.compile(rf"\b(?:told|reported|according\s+to)\s+(?:the\s+)?(?P<n>{_ALIAS_RX})\b(?!\s+Photo)"),
    re.compile(rf"\b(?P<n>{_ALIAS_RX})\s+(?:reported|reports|has\s+learned|writers?|correspondents?)\b"),
    re.compile(rf"(?:^|\n)\s*[-—–]\s*(?:The\s+)?(?P<n>{_ALIAS_RX})\s*$", re.MULTILINE),
]
#: Credits of one tail line that names several agencies ("Reuters - Ap - Afp"): every name counts.
_TAIL_LINE = re.compile(rf"(?:^|\n)((?:{_ALIAS_RX})(?:\s*[-/,]\s*(?:{_ALIAS_RX}))+)\s*$", re.IGNORECASE)
_WEAK_CREDITS = [
    re.compile(rf"\b(?P<n>{_ALIAS_RX})\s*(?:Photo|Images?|/)", re.IGNORECASE),
    re.compile(rf"(?:via|/|Photo:|Image:|Images?/)\s*(?:The\s+)?(?P<n>{_ALIAS_RX})\b"),
    re.compile(rf"\((?P<n>{_ALIAS_RX})\)"),
]
_AP_TAIL = re.compile(r"\bInformation\s+from\s*:", re.IGNORECASE)  # the AP member-exchange tail
_REUTERS_TAIL = re.compile(r"\(\s*(?:Reporting|Additional\s+reporting|Writing)\s+by\b[^)]*\)", re.IGNORECASE)
_PRESS_RELEASE = re.compile(r"\b(?:press|news)\s+release\b|\bPR\s+Newswire\b|\bBusiness\s+Wire\b", re.IGNORECASE)
#: An outlet named as the teller of a text: "told The Washington Post", "(Capital Wire) —", "More from The New
#: York Times:" (the name is checked against the story's outlets afterwards).
_NAMED_SOURCE = re.compile(
    r"\((?P<d>[A-Z][\w.&' -]{1,40})\)\s*[-—–]|"
    r"\b(?i:told|seen\s+by|obtained\s+by|reviewed\s+by|according\s+to|(?:more|read\s+more)\s+from)\s+"
    r"(?P<t>(?:[Tt]he\s+)?[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,4})"
)
_PRESS_OFFICE_HOST = re.compile(r"(?:^|\.)(?:news|press|newsroom|media|mediacentre|media-centre)\.[\w-]+\.(?:ac|edu|gov|org)\b|"
                                r"\.(?:ac\.[a-z]{2}|edu|gov)$")


@dataclass(frozen=True, slots=True)
class Credits:
    """Who an article says its text comes from."""

    strong: frozenset[str]  # agencies (canonical names) or "press release"
    weak: frozenset[str]  # agencies credited for pictures only
    named: frozenset[str]  # name keys of outlets named as a source ("told The Washington Post")


def _agency(name: str) -> str:
    return _CANONICAL.get(name.casefold(), name)


def article_credits(article: Article) -> Credits:
    """The credits of an article: in its text, the parts cleaning removed, its byline."""
    parts = [article.text, *(r.text for r in article.removed)]
    text = "\n".join(parts)
    strong: set[str] = set()
    for rx in _STRONG_CREDITS:
        strong.update(_agency(m.group("n")) for m in rx.finditer(text) if _credible(m.group("n")))
    tail = _TAIL_LINE.search(article.text.rstrip())
    if tail:
        strong.update(_agency(n) for n in re.split(r"\s*[-/,]\s*", tail.group(1)))
    if _AP_TAIL.search(text):
        strong.add("Associated Press")
    if _REUTERS_TAIL.search(text) and re.search(r"\bEditing\s+by\b", text):
        strong.add("Reuters")
    if _PRESS_RELEASE.search(text):
        strong.add("press release")
    if article.byline:
        for alias, name in _ALIASES:
            if re.search(rf"\b{re.escape(alias)}\b", article.byline):
                strong.add(name)
    weak: set[str] = set()
    for rx in _WEAK_CREDITS:
        weak.update(_agency(m.group("n")) for m in rx.finditer(text) if _credible(m.group("n")))
    named = {name_key(m.group("d") or m.group("t")).casefold() for m in _NAMED_SOURCE.finditer(text)}
    return Credits(frozenset(strong), frozenset(weak - strong), frozenset(k for k in named if k))


def _credible(name: str) -> bool:
    """A credit name as agencies write it: a short alias ("AP", "dpa") only in its own case."""
    return len(name) > 5 or name in _EXACT


def _outlet_keys(story: Story, i: int) -> frozenset[str]:
    """The keys an outlet is credited by: its name, its host without "www." and the top-level domain."""
    a = story.articles[i]
    return _outlet_keys_of(story.outlets[i], a.url)


@lru_cache(maxsize=4096)
def _outlet_keys_of(outlet: str, url: str | None) -> frozenset[str]:
    out = {name_key(outlet).casefold()}
    host = urlparse(url).hostname if url else None
    host = host or (outlet if "." in outlet and " " not in outlet else None)
    if host:
        stem = host.removeprefix("www.").split(".")[0]
        out.add(stem.casefold())
        if stem in _AGENCY_HOSTS:
            out.add(name_key(_AGENCY_HOSTS[stem]).casefold())
    out.add(re.sub(r"[^a-z0-9]", "", outlet.casefold().removeprefix("the ")))
    return frozenset(k for k in out if k)


def _agency_of_outlet(story: Story, i: int) -> str | None:
    """The agency an outlet is ("www.reuters.com" is Reuters), if any."""
    return _agency_of_keys(_outlet_keys(story, i))


@lru_cache(maxsize=4096)
def _agency_of_keys(keys: frozenset[str]) -> str | None:
    for name, aliases in AGENCIES.items():
        if any(name_key(a).casefold() in keys or re.sub(r"[^a-z0-9]", "", a.casefold()) in keys for a in aliases):
            return name
    return None


def _names_outlet(credits: Credits, story: Story, i: int) -> bool:
    """The credits name outlet ``i`` as the source."""
    agency = _agency_of_outlet(story, i)
    if agency is not None and agency in credits.strong:
        return True
    keys = _outlet_keys(story, i)
    squashed = {re.sub(r"[^a-z0-9]", "", n.removeprefix("the ")) for n in credits.named}
    return bool(keys & (credits.named | squashed))


def _named_third(story: Story, credits: Credits, i: int, j: int) -> int | None:
    """Another outlet of the story that the credits name as the teller, if any (one check per outlet)."""
    if not credits.named:
        return None
    seen: set[str] = {story.outlets[i], story.outlets[j]}
    for k in range(len(story)):
        if story.outlets[k] in seen:
            continue
        seen.add(story.outlets[k])
        if _names_outlet(credits, story, k):
            return k
    return None


def _is_press_office(story: Story, i: int) -> bool:
    a = story.articles[i]
    host = urlparse(a.url).hostname if a.url else story.outlets[i]
    return bool(host and _PRESS_OFFICE_HOST.search(host.casefold()))


# ---- tokens, quotations ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Tokens:
    words: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    quoted: tuple[bool, ...]  # the token lies inside a quotation (a quote, a tweet, a statement)


def _tokens(article: Article) -> _Tokens:
    text = article.text
    spans_quoted = quoted_spans(article)
    words, spans, quoted = [], [], []
    k = 0
    for m in _TOKEN_RE.finditer(text):
        words.append(m.group(0).lower().replace("’", "'"))
        spans.append((m.start(), m.end()))
        while k < len(spans_quoted) and spans_quoted[k][1] <= m.start():
            k += 1
        quoted.append(any(s <= m.start() and m.end() <= e for s, e in spans_quoted[k : k + 8]))
    return _Tokens(tuple(words), tuple(spans), tuple(quoted))


def _shingles(words: tuple[str, ...]) -> frozenset[int]:
    return frozenset(hash(words[i : i + 5]) for i in range(len(words) - 4))


def _minhash(words: tuple[str, ...], num_perm: int) -> MinHash | None:
    if len(words) < 5:
        return None
    mh = MinHash(num_perm=num_perm, seed=7)
    mh.update_batch([" ".join(words[i : i + 5]).encode("utf-8") for i in range(len(words) - 4)])
    return mh


@dataclass(frozen=True, slots=True)
class Reuse:
    """One confirmed case of copied text: ``copy`` took ``copied`` words from ``original``.

    ``relation`` is ``"copy"`` (one outlet copied the other; ``directed`` when the direction is
    known) or ``"shared-source"`` (both carry a third source's text, ``source`` when credited;
    never directed). ``share`` is of the ``copy`` article's words, ``original_share`` of the
    ``original``'s; for a shared source the two are just the pair's two articles.
    """

    copy: int
    original: int
    directed: bool
    copied: int
    share: float  # of the copy's words
    passages: tuple[tuple[int, int, int, int], ...]  # (original start, end, copy start, end) in characters
    figures: tuple[tuple[tuple[int, int], tuple[int, int]], ...]  # changed numbers: original span, copy span
    attributions: tuple[tuple[tuple[int, int], tuple[int, int]], ...]  # dropped: original span, copy span
    credit: str | None
    relation: str = "copy"
    source: str | None = None  # the credited source: an agency, "press release", or the original outlet
    original_share: float = 0.0  # of the original's words
    basis: str = "time"  # what gave the direction: "time", "credit", "press office"; "none" without one

    def is_copy(self, settings: CompareSettings) -> bool:
        return self.relation == "copy" and self.directed and self.share >= settings.copy_share


def find_reuse(story: Story, settings: CompareSettings) -> list[Reuse]:
    """Confirmed copied text between articles of different outlets, earliest original first."""
    tokens = [_tokens(a) for a in story.articles]
    lsh = MinHashLSH(threshold=settings.reuse_threshold, num_perm=settings.num_perm)
    hashes: list[MinHash | None] = []
    for i, t in enumerate(tokens):
        mh = _minhash(t.words, settings.num_perm)
        hashes.append(mh)
        if mh is not None:
            lsh.insert(i, mh)
    shingles = [_shingles(t.words) for t in tokens]
    # each article is confirmed against its single most likely partner: the candidate that holds the
    # largest share of its 5-grams (so n articles cost at most n alignments, not n² pairs)
    best: dict[int, tuple[float, int]] = {}
    for i, mh in enumerate(hashes):
        if mh is None:
            continue
        for j in lsh.query(mh):
            if j == i or story.outlets[i] == story.outlets[j]:
                continue
            _orig, copy, directed = _order(story, i, j)
            if directed and copy != i:
                continue  # i is the earlier one: i is confirmed as the copy of something else, if at all
            shared = len(shingles[i] & shingles[j]) / max(len(shingles[i]), 1)
            if shared > best.get(i, (0.0, -1))[0]:
                best[i] = (shared, j)
    credits = [article_credits(a) for a in story.articles]
    out: list[Reuse] = []
    seen: set[frozenset[int]] = set()
    for i, (_shared, j) in sorted(best.items()):
        if frozenset((i, j)) in seen:
            continue
        seen.add(frozenset((i, j)))
        found = _confirm(story, tokens, credits, i, j, settings)
        if found is not None:
            out.append(found)
    out.sort(key=lambda r: (story.articles[r.original].published or "", r.original, r.copy))
    return out


def known_time(published: str | None) -> bool:
    """A publication time that says when: not absent, not a bare date, not midnight (``T00:00:00``), which
    feeds write for a date without a time."""
    if not published or len(published.strip()) <= 10:
        return False
    return not re.match(r"\d{4}-\d{2}-\d{2}[T ]00:00(?::00(?:\.0+)?)?(?:Z|[+-]\d{2}:?\d{2})?$", published.strip())


def _order(story: Story, i: int, j: int) -> tuple[int, int, bool]:
    """``(original, copy, directed)`` by publication time; undirected unless both times are known."""
    pi, pj = story.articles[i].published, story.articles[j].published
    if known_time(pi) and known_time(pj):
        assert pi is not None and pj is not None
        ti, tj = _when(pi), _when(pj)
        if ti != tj:
            return (i, j, True) if ti < tj else (j, i, True)
    return i, j, False


def _when(published: str) -> str:
    try:
        dt = datetime.fromisoformat(published.strip())
    except ValueError:
        return published
    if dt.tzinfo is None:
        return dt.isoformat()
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")


def _runs(a: _Tokens, b: _Tokens) -> list[tuple[int, int, int]]:
    """Runs ``(a start, b start, size)`` of 8+ identical words, outside quotations in both texts."""
    sm = SequenceMatcher(None, a.words, b.words, autojunk=False)
    out = []
    for blk in sm.get_matching_blocks():
        if blk.size < _MIN_RUN:
            continue
        start = None
        for k in range(blk.size + 1):
            inside = k == blk.size or a.quoted[blk.a + k] or b.quoted[blk.b + k]
            if not inside and start is None:
                start = k
            elif inside and start is not None:
                if k - start >= _MIN_RUN:
                    out.append((blk.a + start, blk.b + start, k - start))
                start = None
    return out


def _confirm(story: Story, tokens: list[_Tokens], credits: list[Credits], i: int, j: int,
             settings: CompareSettings) -> Reuse | None:
    orig, copy, directed = _order(story, i, j)
    blocks = _runs(tokens[orig], tokens[copy])  # (original word, copy word, size)
    copied = sum(size for _, _, size in blocks)
    if not blocks or copied < settings.reuse_min_words:
        return None
    share = copied / max(len(tokens[copy].words), 1)
    original_share = copied / max(len(tokens[orig].words), 1)
    longest = max(size for _, _, size in blocks)
    if max(share, original_share) < settings.reuse_min_share and longest < settings.reuse_long_passage:
        return None
    # provenance: a credit naming one of the two outlets, a press office, a third source, or time
    relation, source, basis = "copy", None, "time" if directed else "none"
    ci, cj = credits[orig], credits[copy]
    both = Credits(ci.strong | cj.strong, ci.weak | cj.weak, ci.named | cj.named)
    names_orig, names_copy = _names_outlet(both, story, orig), _names_outlet(both, story, copy)
    office_orig, office_copy = _is_press_office(story, orig), _is_press_office(story, copy)
    if names_orig != names_copy:
        if names_copy:
            orig, copy = copy, orig
            share, original_share = original_share, share
            blocks = [(y, x, size) for x, y, size in blocks]
        directed, basis = True, "credit"
        source = _agency_of_outlet(story, orig) or story.outlets[orig]
    elif office_orig != office_copy:
        if office_copy:
            orig, copy = copy, orig
            share, original_share = original_share, share
            blocks = [(y, x, size) for x, y, size in blocks]
        directed, basis, source = True, "press office", "press release"
    else:
        third = _third_source(ci, cj)
        if third is None:
            # a third outlet of the story named as the teller ("told The Washington Post" in two reprints)
            named = _named_third(story, both, orig, copy)
            if named is not None:
                third = _agency_of_outlet(story, named) or story.outlets[named]
        twins = min(share, original_share) >= TWIN_SHARE
        if third is not None or twins or not directed:
            relation, directed, basis = "shared-source", False, "none"
            source = third
    if relation == "shared-source":
        # no direction: order the pair by position in the story, keep their own shares
        if orig > copy:
            orig, copy = copy, orig
            share, original_share = original_share, share
            blocks = [(y, x, size) for x, y, size in blocks]
    a, b = tokens[orig], tokens[copy]
    blocks.sort()
    passages = tuple(
        (a.spans[x][0], a.spans[x + size - 1][1], b.spans[y][0], b.spans[y + size - 1][1]) for x, y, size in blocks
    )
    figures: list[tuple[tuple[int, int], tuple[int, int]]] = []
    attributions: list[tuple[tuple[int, int], tuple[int, int]]] = []
    if relation == "copy" and directed:
        # edits between two copied runs are the copier's changes
        for (xa, ya, sa), (xb, yb, _sb) in pairwise(blocks):
            i1, i2 = xa + sa, xb
            j1, j2 = ya + sa, yb
            if i2 - i1 > 25 or j2 - j1 > 25:
                continue
            old, new = a.words[i1:i2], b.words[j1:j2]
            old_numbers = [w for w in old if _NUMBER_RE.search(w)]
            new_numbers = [w for w in new if _NUMBER_RE.search(w)]
            if (old and new and len(old) <= 6 and len(new) <= 6 and (old_numbers or new_numbers)
                    and old_numbers != new_numbers):
                figures.append(((a.spans[i1][0], a.spans[i2 - 1][1]), (b.spans[j1][0], b.spans[j2 - 1][1])))
                continue
            if old and _ATTRIBUTION_RE.search(" ".join(old)) and not _ATTRIBUTION_RE.search(" ".join(new)):
                o_span = (a.spans[i1][0], a.spans[i2 - 1][1])
                c_pos = b.spans[j1 - 1][1] if j1 > 0 else 0
                attributions.append((o_span, (c_pos, c_pos)))
    credit = None
    orig_outlet = story.outlets[orig].split(" - ")[0].strip()
    pattern = re.compile(re.escape(orig_outlet), re.IGNORECASE) if orig_outlet else None
    if (relation == "copy" and directed and pattern is not None and orig_outlet != story.articles[orig].id
            and pattern.search(story.articles[orig].text) and not pattern.search(story.articles[copy].text)):
        credit = orig_outlet
    return Reuse(copy, orig, directed, copied, round(share, 3), passages, tuple(figures), tuple(attributions),
                 credit, relation, source, round(original_share, 3), basis)


def _third_source(a: Credits, b: Credits) -> str | None:
    """The source two carriers' credits point to: an agency both credit, else the one agency either credits
    in its text; photo credits only choose between several."""
    strong = a.strong | b.strong
    if not strong:
        return None
    both = (a.strong | a.weak) & (b.strong | b.weak) & strong
    for pool in (a.strong & b.strong, both, strong if len(strong) == 1 else frozenset()):
        if pool:
            return sorted(pool, key=lambda n: (n == "press release", list(AGENCIES).index(n) if n in AGENCIES else 99))[0]
    return ", ".join(sorted(strong))


# ---- findings ----------------------------------------------------------------------------------------
def _sentence_evidence(story: Story, article: int, start: int, end: int, **extra: object) -> Evidence:
    s = story.sentence_at(article, start)
    lo, hi = min(s.start, start), max(s.end, end)
    a = story.articles[article]
    return Evidence.make(a.id, story.outlets[article], lo, hi, a.text[lo:hi], **extra)


def reuse_findings(story: Story, found: list[Reuse]) -> list[Finding]:
    """One ``reuse`` finding per copied pair, naming what the copier changed; one per group of outlets
    carrying the same source's text."""
    findings = [_copy_finding(story, r) for r in found if r.relation == "copy"]
    originals: dict[int, set[int]] = defaultdict(set)
    for r in found:
        if r.relation == "copy" and r.directed:
            originals[r.copy].add(r.original)
    # two reprints of one original already reported as its copies say nothing more together
    shared = [r for r in found if r.relation == "shared-source"
              and not (originals[r.original] & originals[r.copy])]
    findings += _shared_findings(story, shared)
    return findings


def _copy_finding(story: Story, r: Reuse) -> Finding:
    orig, copy = story.articles[r.original], story.articles[r.copy]
    o_out, c_out = story.outlets[r.original], story.outlets[r.copy]
    changes: dict[str, object] = {}
    notes: list[str] = []
    if orig.title and copy.title and name_key(orig.title) != name_key(copy.title):
        changes["headline"] = {"original": orig.title, "copy": copy.title}
        notes.append("new headline")
    if orig.byline and copy.byline and name_key(orig.byline) != name_key(copy.byline):
        changes["byline"] = {"original": orig.byline, "copy": copy.byline}
        notes.append(f"byline {copy.byline} instead of {orig.byline}")
    elif copy.byline and not orig.byline:
        changes["byline"] = {"original": None, "copy": copy.byline}
        notes.append(f"byline {copy.byline} added")
    evidence: list[Evidence] = []
    longest = max(r.passages, key=lambda p: p[1] - p[0])
    evidence.append(Evidence.make(orig.id, o_out, longest[0], longest[1], orig.text[longest[0] : longest[1]],
                                  role="original"))
    evidence.append(Evidence.make(copy.id, c_out, longest[2], longest[3], copy.text[longest[2] : longest[3]],
                                  role="copy"))
    figures = []
    for (os_, oe), (cs, ce) in r.figures:
        figures.append({"original": orig.text[os_:oe], "copy": copy.text[cs:ce]})
        evidence.append(_sentence_evidence(story, r.original, os_, oe, role="original", change="figure",
                                           changed=orig.text[os_:oe]))
        evidence.append(_sentence_evidence(story, r.copy, cs, ce, role="copy", change="figure",
                                           changed=copy.text[cs:ce]))
    if figures:
        changes["figures"] = figures
        notes.append("figures changed (" + "; ".join(f"{f['original']} → {f['copy']}" for f in figures) + ")")
    attributions = []
    for (os_, oe), (cs, _ce) in r.attributions:
        attributions.append(orig.text[os_:oe])
        evidence.append(_sentence_evidence(story, r.original, os_, oe, role="original", change="attribution",
                                           dropped=orig.text[os_:oe]))
        evidence.append(_sentence_evidence(story, r.copy, max(cs - 1, 0), max(cs - 1, 0), role="copy",
                                           change="attribution"))
    if attributions:
        changes["attributions"] = attributions
        notes.append("attribution removed (" + "; ".join(f"“{t}”" for t in attributions) + ")")
    if r.credit:
        changes["credit"] = r.credit
        notes.append(f"credit to {r.credit} removed")
    pct = round(100 * r.share)
    if r.basis == "credit":
        summary = (f"{c_out} ({copy.published}) carries {o_out}'s text, as credited: {pct}% of its text, "
                   f"{r.copied} words")
    elif r.basis == "press office":
        summary = (f"{c_out} ({copy.published}) carries the press release of {o_out}: {pct}% of its text, "
                   f"{r.copied} words")
    else:
        summary = (f"{c_out} ({copy.published}) reuses {pct}% of its text from {o_out} ({orig.published}), "
                   f"{r.copied} words copied")
    if notes:
        summary += ": " + ", ".join(notes)
    return Finding.make(
        "reuse", summary, evidence, relation="copy", source=r.source, basis=r.basis,
        original=orig.id, copy=copy.id, articles=[orig.id, copy.id], directed=True, share=r.share,
        copied_words=r.copied, changes=changes,
    )


def _shared_findings(story: Story, shared: list[Reuse]) -> list[Finding]:
    """Outlets carrying one source's text, one finding per connected group: no direction, no changes."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r in shared:
        ra, rb = find(r.original), find(r.copy)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[Reuse]] = defaultdict(list)
    for r in shared:
        groups[find(r.original)].append(r)
    findings = []
    for pairs in groups.values():
        members = sorted({m for r in pairs for m in (r.original, r.copy)})
        sources = [r.source for r in pairs if r.source]
        source = max(sorted(set(sources)), key=sources.count) if sources else None
        evidence: list[Evidence] = []
        for m in members:
            # each carrier's longest passage shared with another carrier
            best = None
            for r in pairs:
                for p in r.passages:
                    span = (p[0], p[1]) if r.original == m else (p[2], p[3]) if r.copy == m else None
                    if span is not None and (best is None or span[1] - span[0] > best[1] - best[0]):
                        best = span
            assert best is not None
            a = story.articles[m]
            evidence.append(Evidence.make(a.id, story.outlets[m], best[0], best[1], a.text[best[0] : best[1]],
                                          role="carrier"))
        outlets = list(dict.fromkeys(story.outlets[m] for m in members))
        names = " and ".join(outlets) if len(outlets) <= 2 else ", ".join(outlets[:-1]) + " and " + outlets[-1]
        copied = max(r.copied for r in pairs)
        if source == "press release":
            what = "the same press-release text"
        elif source:
            what = f"the same {source} copy" if source in AGENCIES else f"the same text, credited to {source}"
        else:
            what = "the same text, crediting no source"
        summary = (f"{names} carry {what} ({copied} words identical); "
                   f"{'shared wire copy: neither' if len(members) == 2 else 'none'} is the other's source")
        if not source:
            summary = (f"{names} carry the same text ({copied} words identical) and credit no source: "
                       "direction unknown")
        findings.append(Finding.make(
            "reuse", summary, evidence, relation="shared-source", source=source, original=None, copy=None,
            articles=[story.articles[m].id for m in members], directed=False,
            share=max(max(r.share, r.original_share) for r in pairs), copied_words=copied,
            pairs=[{"articles": [story.articles[r.original].id, story.articles[r.copy].id],
                    "copied_words": r.copied, "shares": [r.original_share, r.share]} for r in pairs],
        ))
    return findings
