"""Copied text between outlets: MinHash candidates, word alignment to confirm, direction, changes.

1. Candidates: a MinHash (datasketch) of each article's word 5-grams, queried through an
   LSH index, so articles are never compared all pairs.
2. Confirmation: the two articles' words are aligned (difflib); only runs of 8 or more
   identical words count as copied. A pair is reuse when enough words are copied: a share
   of the later article (``reuse_min_share``) or one long passage (``reuse_long_passage``).
   Articles of the same outlet are not compared (a newsroom reuses its own background).
3. Direction: the earlier publication is the original; with equal or unknown times the
   direction is left open.
4. Changes the copier made: headline, byline, figures changed inside copied passages
   ("170" → "180"), attributions dropped ("..., the rescue service said."), the original
   outlet's credit dropped.

An article mostly made of another's text (``copy_share``) is a *copy*: it is not an
independent source for consensus or exclusivity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from difflib import SequenceMatcher
from itertools import pairwise

from datasketch import MinHash, MinHashLSH  # type: ignore[import-untyped]

from ..annotate.gazetteer import name_key
from .model import Evidence, Finding
from .settings import CompareSettings
from .story import Story

_TOKEN_RE = re.compile(r"[\w’'-]+|\d[\d,.]*\d|\d")
_MIN_RUN = 8
_ATTRIBUTION_RE = re.compile(r"\b(?:said|says|told|according|reported|stated|announced|added|confirmed)\b", re.IGNORECASE)
_NUMBER_RE = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class _Tokens:
    words: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]


def _tokens(text: str) -> _Tokens:
    words, spans = [], []
    for m in _TOKEN_RE.finditer(text):
        words.append(m.group(0).lower().replace("’", "'"))
        spans.append((m.start(), m.end()))
    return _Tokens(tuple(words), tuple(spans))


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
    """One confirmed case of copied text: ``copy`` took ``copied`` words from ``original``."""

    copy: int
    original: int
    directed: bool
    copied: int
    share: float  # of the copy's words
    passages: tuple[tuple[int, int, int, int], ...]  # (original start, end, copy start, end) in characters
    figures: tuple[tuple[tuple[int, int], tuple[int, int]], ...]  # changed numbers: original span, copy span
    attributions: tuple[tuple[tuple[int, int], tuple[int, int]], ...]  # dropped: original span, copy span
    credit: str | None

    def is_copy(self, settings: CompareSettings) -> bool:
        return self.directed and self.share >= settings.copy_share


def find_reuse(story: Story, settings: CompareSettings) -> list[Reuse]:
    """Confirmed copied text between articles of different outlets, earliest original first."""
    tokens = [_tokens(a.text) for a in story.articles]
    lsh = MinHashLSH(threshold=settings.reuse_threshold, num_perm=settings.num_perm)
    hashes: list[MinHash | None] = []
    for i, t in enumerate(tokens):
        mh = _minhash(t.words, settings.num_perm)
        hashes.append(mh)
        if mh is not None:
            lsh.insert(i, mh)
    shingles = [_shingles(t.words) for t in tokens]
    # each article is confirmed against its single most likely source: the candidate that holds
    # the largest share of its 5-grams (so n articles cost at most n alignments, not n² pairs)
    best: dict[int, tuple[float, int]] = {}
    for i, mh in enumerate(hashes):
        if mh is None:
            continue
        for j in lsh.query(mh):
            if j == i or story.outlets[i] == story.outlets[j]:
                continue
            _orig, copy, _ = _order(story, i, j)
            if copy != i:
                continue
            shared = len(shingles[i] & shingles[j]) / max(len(shingles[i]), 1)
            if shared > best.get(i, (0.0, -1))[0]:
                best[i] = (shared, j)
    out: list[Reuse] = []
    seen: set[frozenset[int]] = set()
    for i, (_shared, j) in sorted(best.items()):
        if frozenset((i, j)) in seen:
            continue
        seen.add(frozenset((i, j)))
        found = _confirm(story, tokens, i, j, settings)
        if found is not None:
            out.append(found)
    out.sort(key=lambda r: (story.articles[r.original].published or "", r.original, r.copy))
    return out


def _order(story: Story, i: int, j: int) -> tuple[int, int, bool]:
    pi, pj = story.articles[i].published, story.articles[j].published
    if pi and pj and pi[:19] != pj[:19]:
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


def _confirm(story: Story, tokens: list[_Tokens], i: int, j: int, settings: CompareSettings) -> Reuse | None:
    orig, copy, directed = _order(story, i, j)
    a, b = tokens[orig], tokens[copy]
    sm = SequenceMatcher(None, a.words, b.words, autojunk=False)
    blocks = [blk for blk in sm.get_matching_blocks() if blk.size >= _MIN_RUN]
    copied = sum(blk.size for blk in blocks)
    if not blocks or copied < settings.reuse_min_words:
        return None
    share = copied / max(len(b.words), 1)
    longest = max(blk.size for blk in blocks)
    if share < settings.reuse_min_share and longest < settings.reuse_long_passage:
        return None
    passages = tuple(
        (a.spans[blk.a][0], a.spans[blk.a + blk.size - 1][1], b.spans[blk.b][0], b.spans[blk.b + blk.size - 1][1])
        for blk in blocks
    )
    figures: list[tuple[tuple[int, int], tuple[int, int]]] = []
    attributions: list[tuple[tuple[int, int], tuple[int, int]]] = []
    # edits between two copied runs are the copier's changes
    for prev, nxt in pairwise(blocks):
        i1, i2 = prev.a + prev.size, nxt.a
        j1, j2 = prev.b + prev.size, nxt.b
        if i2 - i1 > 25 or j2 - j1 > 25:
            continue
        old, new = a.words[i1:i2], b.words[j1:j2]
        old_numbers = [w for w in old if _NUMBER_RE.search(w)]
        new_numbers = [w for w in new if _NUMBER_RE.search(w)]
        if old and new and len(old) <= 6 and len(new) <= 6 and (old_numbers or new_numbers) and old_numbers != new_numbers:
            figures.append(((a.spans[i1][0], a.spans[i2 - 1][1]), (b.spans[j1][0], b.spans[j2 - 1][1])))
            continue
        if old and _ATTRIBUTION_RE.search(" ".join(old)) and not _ATTRIBUTION_RE.search(" ".join(new)):
            o_span = (a.spans[i1][0], a.spans[i2 - 1][1])
            c_pos = b.spans[j1 - 1][1] if j1 > 0 else 0
            attributions.append((o_span, (c_pos, c_pos)))
    credit = None
    orig_outlet = story.outlets[orig].split(" - ")[0].strip()
    pattern = re.compile(re.escape(orig_outlet), re.IGNORECASE) if orig_outlet else None
    if (pattern is not None and orig_outlet != story.articles[orig].id
            and pattern.search(story.articles[orig].text) and not pattern.search(story.articles[copy].text)):
        credit = orig_outlet
    return Reuse(copy, orig, directed, copied, round(share, 3), passages, tuple(figures), tuple(attributions), credit)


def _sentence_evidence(story: Story, article: int, start: int, end: int, **extra: object) -> Evidence:
    s = story.sentence_at(article, start)
    lo, hi = min(s.start, start), max(s.end, end)
    a = story.articles[article]
    return Evidence.make(a.id, story.outlets[article], lo, hi, a.text[lo:hi], **extra)


def reuse_findings(story: Story, found: list[Reuse]) -> list[Finding]:
    """One ``reuse`` finding per copied pair, naming what the copier changed."""
    findings = []
    for r in found:
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
        if r.directed:
            summary = (f"{c_out} ({copy.published}) reuses {pct}% of its text from {o_out} ({orig.published}), "
                       f"{r.copied} words copied")
        else:
            summary = f"{c_out} and {o_out} share {r.copied} words of identical text (direction unknown)"
        if notes:
            summary += ": " + ", ".join(notes)
        findings.append(Finding.make(
            "reuse", summary, evidence,
            original=orig.id if r.directed else None, copy=copy.id if r.directed else None,
            articles=[orig.id, copy.id], directed=r.directed, share=r.share, copied_words=r.copied,
            changes=changes,
        ))
    return findings
