"""Framing language: hedges, distancing attributions and loaded terms.

Cues come from the lexicon ``lexicons/frames.tsv`` (documented in ``docs/frames.md``)
plus two rules that need context:

* **distancing attribution**: "which Western media have described as X", "what
  state media called X", "whom critics labelled as X". The span covers the
  attribution ("Western media have described as"); the described term X (up to the
  next punctuation, at most eight words) is kept in ``cue``. Loaded words inside X
  are not the outlet's own framing and are not flagged.
* **"alleged" before a noun** ("the alleged attack") is distancing; "he alleged that"
  is a verb and is not.

Neutral uses are not framing (docs/frames.md, "Neutral uses"): "terrorist"/"jihadist" as
an adjective of a descriptive noun ("terrorist group", "jihadist attacks") or after a prefix
("anti-terrorist"); "regime" as a system of rules ("tax regime", "testing regime", "chaotic
flow regime"); "so-called" introducing a term (a quoted term, an abbreviation, a thing rather
than an actor: "so-called initial coin offerings (ICOs)", "the so-called White Plan"); an
attribution without an agent ("which have been dubbed the Panama Papers").

Quoted speech: a hedge or loaded word inside a direct or partial quote belongs to the
speaker, not the outlet, and is skipped; a distancing cue inside a quote is kept with
"(in quote)" appended to its ``cue``. Loaded words and distancing cues in reported speech of
a named speaker ("the North calls such drills a rehearsal for invasion") or after a verb of
characterising ("singled it out as a haven for terrorists") are the speaker's and skipped.
Quote spans come from ``article.quotes`` when the quotes stage ran, else from quotation marks
found in the text (paired within a line).

:func:`find_frames` is pure; :class:`FrameStage` is the seam a model-backed
classifier would replace.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from importlib import resources
from typing import Iterable, Sequence

from ..model import FRAME_KINDS, Article, Entity, Frame, Quote, Span

_LEXICON_FILE = "frames.tsv"


def _load_lexicon() -> tuple[tuple[str, str, str], ...]:
    text = resources.files("parallax.annotate").joinpath("lexicons", _LEXICON_FILE).read_text(encoding="utf-8")
    rows: list[tuple[str, str, str]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 2 or parts[0] not in FRAME_KINDS:
            raise ValueError(
                f"lexicons/{_LEXICON_FILE} line {number}: expected 'kind<TAB>pattern<TAB>note' with kind in "
                f"{FRAME_KINDS}, got {line!r}; fix the line"
            )
        rows.append((parts[0], parts[1], parts[2] if len(parts) > 2 else ""))
    return tuple(rows)


#: (kind, pattern, note) rows of the frames lexicon, read once at import.
LEXICON: tuple[tuple[str, str, str], ...] = _load_lexicon()

# One alternation without groups, run on the lower-cased text (much faster than named groups with
# IGNORECASE); the entry that matched is found afterwards from the matched words.
_LEXICON_ALTERNATION = "|".join(f"(?:{pattern})" for _, pattern, _ in LEXICON)
_LEXICON_RX = re.compile(f"\\b(?:{_LEXICON_ALTERNATION})\\b")
_LEXICON_RX_ANYCASE = re.compile(f"\\b(?:{_LEXICON_ALTERNATION})\\b", re.IGNORECASE)
_ENTRY_RX = tuple(re.compile(pattern, re.IGNORECASE) for _, pattern, _ in LEXICON)


def _entry_of(matched: str) -> int:
    for i, rx in enumerate(_ENTRY_RX):
        if rx.fullmatch(matched):
            return i
    return -1  # pragma: no cover - the alternation only matches entries


_ATTRIBUTION = re.compile(
    r"\b(?:which|what|whom)\s+"
    r"(?P<attr>(?:[\w'’-]+\s+){1,4}?(?:ha(?:ve|s|d)\s+(?:been\s+)?)?"
    r"(?:described|called|labell?ed|branded|termed|dubbed|characteri[sz]ed|portrayed|painted|referred\s+to)"
    r"(?:\s+(?:it|them|him|her))?(?:\s+as)?)\s+"
    r"(?P<term>[^.,;:!?()\n]{1,80})",
    re.IGNORECASE,
)
_DESCRIBING_VERB = re.compile(
    r"described|called|labell?ed|branded|termed|dubbed|characteri[sz]ed|portrayed|painted|referred", re.IGNORECASE
)
_ALLEGED = re.compile(r"\b(?:the|an|a|his|her|their|its|this|these|those)\s+(?P<w>alleged)\s+(?=[a-z])", re.IGNORECASE)
# Necessary substrings of a match of _ATTRIBUTION / _ALLEGED in lower-cased text, free of "i" and
# "s" (the letters that IGNORECASE also matches with dotless i and long s): cheap prefilters.
_ATTRIBUTION_HINT = re.compile(r"bed|called|label|branded|termed|dubbed|character|portrayed|nted|referred")
_QUOTED = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"|‘[^’\n]{2,}’(?!\w)")



def _label(pattern: str) -> str:
    """A readable name for a lexicon entry: its first alternative without regex syntax, so that every
    inflection of one entry has one name ("massacres?|massacred" -> "massacre", "atrocit(?:y|ies)" ->
    "atrocity", "(?:is|are|was|were)\\s+said\\s+to" -> "is said to")."""
    depth, first = 0, ""
    for ch in pattern:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "|" and depth == 0:
            break
        first += ch
    p = re.sub(r"\(\?:[^()]*\)\?", "", first)  # an optional group: left out
    p = re.sub(r"\(\?:([^()|]*)[^()]*\)", r"\1", p)  # a group: its first option
    p = p.replace("\\s+", " ").replace("\\s*", "")
    p = re.sub(r"s\?$", "", p)  # a plural "s?": left out
    return re.sub(r"(.)\?", r"\1", p)  # any other optional character: kept ("neo-?nazi" -> "neo-nazi")


#: The name of each lexicon entry (see :func:`cue_label`), in LEXICON order.
LABELS: tuple[str, ...] = tuple(_label(pattern) for _, pattern, _ in LEXICON)


def cue_label(cue: str) -> str:
    """The lexicon entry a matched cue belongs to, by name: "terrorists" -> "terrorist", "massacred" ->
    "massacre". A cue that is not a lexicon word (an attribution, "alleged") is returned as given, without
    any "(in quote)" mark."""
    cue = cue.replace(" (in quote)", "").strip().lower()
    i = _entry_of(re.sub(r"\s+", " ", cue))
    return LABELS[i] if i >= 0 else cue


# ---- neutral uses (docs/frames.md, "Neutral uses") -----------------------------------------------
#: Loaded labels that are also plain adjectives of a descriptive noun ("terrorist group", "jihadist attacks").
_ADJECTIVAL = frozenset({"terrorist", "jihadist"})
_DESCRIPTIVE_NOUN = re.compile(
    r"\s+(?:attacks?|attackers?|assaults?|bombings?|strikes?|groups?|organi[sz]ations?|outfits?|movements?|"
    r"networks?|cells?|threats?|plots?|acts?|activit(?:y|ies)|offen[cs]es?|charges?|enterprises?|links?|ties|"
    r"connections?|lists?|designations?|suspects?|investigat\w*|incidents?|violence|propaganda|financing|"
    r"funding|training|camps?|motives?|ideology|cases?|laws?|legislation|index|sympathi[sz]ers?|militias?|"
    r"factions?|insurgen\w*|leaders?|fighters?|militants?|rebels?|state)\b",
    re.IGNORECASE,
)
#: Words before "regime" that give it the sense of a system of rules, not of a government ("tax regime",
#: "testing regime", "chaotic flow regime", "sanctions regime").
_SYSTEM_BEFORE = frozenset(
    ["tax", "taxation", "testing", "test", "flow", "visa", "visa-free", "sanctions", "sanction", "trade", "price",
     "pricing", "training", "exercise", "fitness", "treatment", "dosing", "drug", "medication", "inspection",
     "inspections", "regulatory", "legal", "tariff", "currency", "exchange", "exchange-rate", "monetary", "fiscal",
     "pension", "safeguards", "non-proliferation", "proliferation", "climate", "ownership", "licensing", "licence",
     "license", "compliance", "control", "controls", "export", "import", "customs", "immigration", "border", "data",
     "privacy", "reporting", "disclosure", "accounting", "subsidy", "quota", "water", "temperature", "weather",
     "rainfall", "hydrological", "energy", "power", "feed", "diet", "dietary", "sleep", "work", "working",
     "production", "rate", "interest-rate", "capital", "banking", "insurance", "benefits", "welfare", "copyright",
     "patent", "planning", "waste", "recycling", "emissions", "emission", "carbon", "labour", "labor", "safety",
     "security", "oversight", "supervisory", "sentencing", "penal", "prison", "detention", "asylum", "refugee",
     "food", "nutrition", "vaccination", "screening", "maintenance", "operating", "storage", "wind", "wave",
     "flight", "turbulent", "laminar", "thermal", "rules-based", "investment", "investor", "disciplinary",
     "antidoping", "anti-doping", "doping", "transfer", "salary", "wage", "spending", "austerity", "lockdown",
     "quarantine", "travel", "entry", "residence", "ceasefire", "verification", "monitoring"]
)  # fmt: skip
#: Heads of a term that "so-called" introduces rather than distances from: things, not actors.
_TERM_NOUNS = frozenset(
    ["plan", "plans", "curse", "papers", "files", "leaks", "offering", "offerings", "proposal", "proposals",
     "training", "planet", "planets", "exoplanet", "exoplanets", "effect", "law", "laws", "rule", "rules",
     "doctrine", "list", "index", "syndrome", "theory", "technique", "method", "model", "era", "generation",
     "phenomenon", "tax", "loophole", "bill", "act", "scheme", "program", "programme", "strategy", "policy",
     "style", "term", "concept", "economy", "currency", "currencies", "coins", "tokens", "mat", "zone", "zones",
     "scam", "scams", "email", "emails", "format", "test", "tests", "clause", "formula", "principle", "belt",
     "corridor", "gap", "trap", "freeze", "deal"]
)  # fmt: skip
_TERM_AFTER = re.compile(r"[\s\u00a0]*(?P<term>[^.,;:!?()\n]{1,80})")
_ABBREVIATION_AFTER = re.compile(r"[^.;:!?\n]{0,80}?\((?:[A-Z][A-Za-z]?){2,}s?\)")
#: Words between "which/what" and the verb that name no agent: "which have been dubbed", "what is called".
_NO_AGENT = frozenset(
    ["is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "now", "also", "often", "widely",
     "commonly", "sometimes", "since", "become", "variously", "locally", "popularly", "officially", "generally",
     "colloquially", "informally", "affectionately", "already", "once", "later"]
)  # fmt: skip
#: A verb of characterising: what follows it, to the end of the clause, is the characteriser's wording
#: ("the North calls such drills a rehearsal for invasion", "singled it out as a haven for terrorists").
_CHARACTERISING = re.compile(
    r"(?<!so-)\b(?:call(?:s|ed|ing)?|describ(?:es|ed|ing)|labell?(?:s|ed|ing)?|brand(?:s|ed|ing)?|term(?:s|ed)|"
    r"dub(?:s|bed|bing)|characteri[sz](?:es|ed|ing)|portray(?:s|ed|ing)?|denounc(?:es|ed|ing)|decr(?:ies|ied)|"
    r"singl(?:es|ed|ing)\s+(?:\w+\s+)?out|(?:condemn|view|regard|dismiss)(?:s|ed|ing)?\s+(?:[\w'’-]+\s+){0,5}?as)\b",
    re.IGNORECASE,
)


def _characterised(text: str, start: int) -> bool:
    """A verb of characterising earlier in the clause (sentence part up to ``start``, at most 200 characters)."""
    lo = max(0, start - 200)
    cut = max(text.rfind(ch, lo, start) for ch in ".;!?\n") + 1
    return _CHARACTERISING.search(text, max(lo, cut), start) is not None


def _term_is_introduced(text: str, end: int, entity_kind: str | None) -> bool:
    """True when the words after "so-called" (ending at ``end``) introduce a term rather than distance the
    outlet from a name: a quoted term, a term followed by its abbreviation, a thing ("plan", "papers",
    "training"), or a capitalised name the entities stage calls ``other`` (not a person, organisation,
    group or place)."""
    m = _TERM_AFTER.match(text, end)
    if m is None:
        return False
    term = m["term"]
    if term[:1] in "\"“‘'`«":
        return True
    if _ABBREVIATION_AFTER.match(text, end):
        return True
    words = [w.lower().strip("'’") for w in re.findall(r"[\w'’-]+", term)[:5]]
    if any(w in _TERM_NOUNS for w in words):
        return True
    return term[:1].isupper() and entity_kind == "other"


def _entity_kind_at(entities: Sequence[Entity], pos: int) -> str | None:
    for e in entities:
        for m in e.mentions:
            if m.start <= pos < m.end:
                return e.kind
    return None


def _neutral(label: str, text: str, start: int, end: int, entities: Sequence[Entity]) -> bool:
    """A lexicon word in a neutral use: not framing (see the module docstring)."""
    if label in _ADJECTIVAL:
        if start > 0 and text[start - 1] in "-‐–":
            return True  # "anti-terrorist", "counter-terrorist"
        return bool(_DESCRIPTIVE_NOUN.match(text, end))
    if label == "regime":
        before = text[max(0, start - 40) : start]
        if not before[-1:].isspace():
            return False
        words = before.split()
        return bool(words) and words[-1].lower() in _SYSTEM_BEFORE  # "tax regime", "testing regime", "flow regime"
    if label == "so-called":
        after = _TERM_AFTER.match(text, end)
        kind = _entity_kind_at(entities, after.start("term")) if after is not None else None
        return _term_is_introduced(text, end, kind)
    return False


def _quoted_spans(text: str, quotes: Iterable[Quote | Span]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """``(quoted, reported)``: spans of direct and partial quotes, and spans of indirect speech of a named
    speaker (the speaker's wording, paraphrased). Without quote records, quotation marks in the text."""
    spans: list[tuple[int, int]] = []
    reported: list[tuple[int, int]] = []
    given = False
    for q in quotes:
        given = True
        if isinstance(q, Quote) and q.kind == "indirect":
            if q.speaker:
                reported.append((q.start, q.end))
            continue  # paraphrase without a speaker: the words are the outlet's
        spans.append((q.start, q.end))
    if not given:
        spans = [m.span() for m in _QUOTED.finditer(text)]
    return spans, reported


class _Spans:
    """Spans, answering "is [start, end) inside one of them?" in log time (sorted starts, running max of ends)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach: list[int] = []
        best = -1
        for _, e in ordered:
            best = max(best, e)
            self.reach.append(best)

    def __contains__(self, span: tuple[int, int]) -> bool:
        k = bisect_right(self.starts, span[0]) - 1
        return k >= 0 and self.reach[k] >= span[1]


def _inside(start: int, end: int, spans: _Spans) -> bool:
    return (start, end) in spans


def find_frames(
    text: str,
    sentences: Sequence[Span] | None = None,
    quotes: Iterable[Quote | Span] = (),
    entities: Sequence[Entity] = (),
) -> list[Frame]:
    """Hedges, distancing cues and loaded terms of ``text``, sorted by position.

    ``quotes`` (quote records or spans) mark speech that is not the outlet's; when
    empty, quotation marks in the text are used. ``entities`` (optional) tell an actor
    ("the so-called Islamic State") from a thing ("the so-called White Plan").
    ``sentences`` is accepted for the stage seam and not needed by the rules.
    """
    quoted_list, reported_list = _quoted_spans(text, quotes)
    quoted, reported = _Spans(quoted_list), _Spans(reported_list)
    frames: list[Frame] = []
    described_list: list[tuple[int, int]] = []
    lowered = text.lower()
    same_length = len(lowered) == len(text)
    attribution = (
        _ATTRIBUTION.finditer(text)
        if not same_length or ("wh" in lowered and _ATTRIBUTION_HINT.search(lowered))
        else ()
    )
    for m in attribution:
        described_list.append((m.start("term"), m.end("term")))
        words = m["attr"].split()
        verb = next((n for n, w in enumerate(words) if _DESCRIBING_VERB.fullmatch(w)), len(words))
        if all(w.lower() in _NO_AGENT for w in words[:verb]):
            continue  # "which have been dubbed the Panama Papers", "what are called draa": a name, no one's view
        term = " ".join(m["term"].split()[:8])
        cue = f"described as: {term}"
        if _inside(m.start("attr"), m.end("attr"), quoted) or _inside(m.start("attr"), m.end("attr"), reported):
            cue += " (in quote)"
        frames.append(Frame(m.start("attr"), m.end("attr"), "distancing", cue))
    described = _Spans(described_list)
    for m in _ALLEGED.finditer(text) if not same_length or "alleged" in lowered else ():
        s, e = m.span("w")
        if _inside(s, e, quoted):
            continue  # "alleged" in a quote is the speaker's word
        frames.append(Frame(s, e, "distancing", "alleged"))
    matches = _LEXICON_RX.finditer(lowered) if same_length else _LEXICON_RX_ANYCASE.finditer(text)
    entries: dict[str, int] = {}
    for m in matches:
        s, e = m.span()
        cue = re.sub(r"\s+", " ", m.group().lower())
        if cue not in entries:
            entries[cue] = _entry_of(cue)
        kind = LEXICON[entries[cue]][0]
        if _neutral(LABELS[entries[cue]], text, s, e, entities):
            continue
        if kind == "distancing":
            if _inside(s, e, quoted) or _inside(s, e, reported):
                cue += " (in quote)"
        elif _inside(s, e, quoted) or _inside(s, e, described):
            continue
        elif kind == "loaded":
            if _inside(s, e, reported) or _characterised(text, s):
                continue  # "the North calls such drills a rehearsal for invasion": the North's word
        frames.append(Frame(s, e, kind, cue))
    frames.sort(key=lambda f: (f.start, f.end))
    return frames


@dataclass(frozen=True, slots=True)
class FrameStage:
    """Pipeline stage: sets ``article.frames`` with :func:`find_frames`, using quotes when present.

    English only: an article whose ``language`` is set and is not English is returned
    with a note instead of frames.
    """

    name: str = "frames"
    requires: tuple[str, ...] = ("sentences",)
    provides: tuple[str, ...] = ("frames",)

    def __call__(self, article: Article) -> Article:
        lang = (article.language or "").lower()
        if lang and not lang.startswith("en"):
            note = f"{self.name}: skipped, language {article.language!r} is not supported"
            return article.replace(frames=(), notes=article.notes + (note,))
        quotes: Iterable[Quote | Span] = article.quotes if "quotes" in article.annotated else ()
        entities = article.entities if "entities" in article.annotated else ()
        frames = find_frames(article.text, article.sentences, quotes, entities)
        return article.replace(frames=tuple(frames))
