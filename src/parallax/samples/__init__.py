"""The bundled demo corpus: one fictional news event, told by seven fictional outlets.

Everything under ``demo/`` is original fiction written for Parallax: the Republic of Dalmora,
the town of Port Alvane, the Halvik Chemicals plant and every person and outlet in it are
invented. The event is a fertilizer-plant explosion late on Monday 2 March 2026, followed from
Tuesday 3 to Saturday 7 March 2026; two further articles cover an unrelated story (a tram
extension in the capital, Versk) so that clustering has something to separate.

:func:`demo_paths` lists the corpus files. :data:`DEMO_EXPECTATIONS` records, as plain data,
what was written into them on purpose, so tests of later stages can assert that Parallax finds
it. Every string in it is an exact substring of the named article's text (for HTML pages and
feed items: of the visible text, with runs of whitespace collapsed to one space); the tests in
``tests/samples`` check this.

Article ids follow the input contract: a ``.txt`` or ``.html`` file's id is its file stem, a feed
item's id is its ``<guid>``, a JSON Lines record carries its ``id``. Plain-text files carry no
metadata, so their publication date is the ``YYYY-MM-DD`` prefix of the file name (their
datelines agree) and their outlet is given here.

Layout of :data:`DEMO_EXPECTATIONS` (all values are str, int, None, tuples or dicts):

``files``
    file name -> ``{"format": "text|html|feed|jsonl", "articles": (id, ...)}``.
``stories``
    story key -> ``{"label", "articles": (id, ...)}``; the gold clustering of the corpus.
``articles``
    id -> ``{"file", "format", "story", "outlet", "published", "title", "url", "byline",
    "byline_style", "byline_text"}``. ``byline_style`` is ``by`` (a "By Name" line),
    ``for-outlet`` ("Name for Outlet" at the end), ``meta-author`` (``<meta name="author">``),
    ``dc-creator`` (feed ``dc:creator``) or None; ``byline_text`` is the exact text in the body
    that a cleaner should remove (None when the byline is metadata only).
``appeals``, ``teasers``, ``prompts``
    boilerplate a cleaner must take out of the body: donation appeals (``start``/``end``/``text``),
    repeated teasers (``fragment`` ending in "..." and the ``full`` paragraph that repeats it) and
    prompts (``kind``: newsletter, share, read-more, cookie).
``casualties``
    death tolls: ``{"article", "published", "value", "qualifier", "predicate", "source",
    "as_of", "text"}``; ``as_of`` is the date the figure is given for.
``casualty_updates``, ``casualty_conflicts``
    the same source raising its figure over days, and two sources disagreeing on one day.
``quotes``
    ``{"article", "kind": "direct|partial|indirect", "speaker", "title", "cue", "text"}``;
    ``text`` is the quoted words (without quotation marks) or, for indirect speech, the
    reported clause; ``pronoun`` is set when the cue names the speaker only as "she"/"he".
``reuse``
    a copied article: copy id, original id, both headlines and bylines, the hours between
    them, and the changes the copier made (``changed_figures``, ``dropped_attributions``).
``frames``
    ``{"article", "kind": "hedge|distancing|loaded", "cue", "text"}``; ``unframed_articles``
    lists event articles that carry none of the cues.
``exclusives``
    a claim only one article carries, with ``markers``: strings no other article contains.
``consensus``
    facts carried by three or more independent outlets: ``{"fact", "evidence": ((id, text), ...)}``.
``dates``
    relative and absolute date phrases: ``{"article", "context", "text", "value",
    "granularity": "day|week|month"}``; ``text`` occurs inside ``context``, ``value`` is ISO
    (for ``week``, the Monday starting that week; for ``month``, ``YYYY-MM``).
``entities``
    ``{"name", "kind", "aliases", "mentions": ((id, text), ...)}``: each alias occurs in at
    least one listed article.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["DEMO_EXPECTATIONS", "EVENT_STORY", "UNRELATED_STORY", "demo_paths"]

#: Suffixes of the corpus files (anything else in ``demo/`` is ignored).
_CORPUS_SUFFIXES = (".txt", ".html", ".xml", ".jsonl")


def demo_paths() -> list[Path]:
    """Return the demo corpus files, sorted by name.

    The files are package data located with :mod:`importlib.resources`; Parallax must be
    installed from a directory or a wheel unpacked on disk (not run from a zip archive).
    """
    root = resources.files(__name__).joinpath("demo")
    paths = [
        Path(str(entry))
        for entry in root.iterdir()
        if entry.is_file() and entry.name.endswith(_CORPUS_SUFFIXES)
    ]
    return sorted(paths, key=lambda p: p.name)


EVENT_STORY = "port-alvane-explosion"
UNRELATED_STORY = "versk-tram-extension"

# Article ids, named once so the tables below stay consistent.
_HL1 = "2026-03-03-harbor-ledger-explosion"
_HL2 = "2026-03-04-harbor-ledger-toll-rises"
_CO1 = "2026-03-04-continental-observer-stockpile"
_DH1 = "2026-03-03-dalmora-herald-blast"
_CP1 = "2026-03-06-coastline-post-inspection-report"
_MW1 = "meridian-wire-2026-03-03-dalmora-explosion"
_MW2 = "meridian-wire-2026-03-05-dalmora-toll"
_MW3 = "meridian-wire-2026-03-07-dalmora-inquiry"
_DNR = "2026-03-04-dalmora-national-radio-toll"
_BE1 = "2026-03-05-bayview-express-mourning"
_VCJ = "2026-03-05-versk-city-journal-tram"
_VC1 = "2026-03-06-versk-courier-tram-vote"

_FEED = "meridian-wire-dalmora.xml"
_JSONL = "2026-03-dalmora-articles.jsonl"

_CMG = "Coastal Monitoring Group"
_MOH = "Health Ministry"


def _article(
    file: str,
    fmt: str,
    story: str,
    outlet: str,
    published: str,
    title: str,
    url: str | None,
    byline: str | None,
    byline_style: str | None,
    byline_text: str | None,
) -> dict[str, Any]:
    return {
        "file": file,
        "format": fmt,
        "story": story,
        "outlet": outlet,
        "published": published,
        "title": title,
        "url": url,
        "byline": byline,
        "byline_style": byline_style,
        "byline_text": byline_text,
    }


_ARTICLES: dict[str, dict[str, Any]] = {
    _HL1: _article(
        f"{_HL1}.txt",
        "text",
        EVENT_STORY,
        "The Harbor Ledger",
        "2026-03-03",
        "Explosion at Halvik plant kills at least 23 in Port Alvane",
        None,
        "Marta Kovacs",
        "by",
        "By Marta Kovacs",
    ),
    _DH1: _article(
        f"{_DH1}.html",
        "html",
        EVENT_STORY,
        "The Dalmora Herald",
        "2026-03-03T09:15:00+01:00",
        "Port Alvane blast: at least 23 dead as rescuers search ruins of Halvik plant",
        "https://dalmoraherald.example/news/2026/03/03/port-alvane-blast-halvik-plant",
        "Elena Marsh",
        "meta-author",
        "By Elena Marsh, National Correspondent",
    ),
    _MW1: _article(
        _FEED,
        "feed",
        EVENT_STORY,
        "Meridian Wire",
        "2026-03-03T11:05:00+01:00",
        "At least 23 killed in explosion at Dalmora fertilizer plant",
        "https://meridianwire.example/europe/2026/03/03/dalmora-fertilizer-plant-explosion",
        "Sofia Lindgren",
        "dc-creator",
        None,
    ),
    _HL2: _article(
        f"{_HL2}.txt",
        "text",
        EVENT_STORY,
        "The Harbor Ledger",
        "2026-03-04",
        "Death toll from Halvik blast rises to 41",
        None,
        "Jonas Hale",
        "by",
        "By Jonas Hale",
    ),
    _CO1: _article(
        f"{_CO1}.txt",
        "text",
        EVENT_STORY,
        "The Continental Observer",
        "2026-03-04",
        "Dalmora blast: questions mount over fertilizer stockpile as toll climbs",
        None,
        "Daniel Ortiz",
        "for-outlet",
        "Daniel Ortiz for The Continental Observer",
    ),
    _DNR: _article(
        _JSONL,
        "jsonl",
        EVENT_STORY,
        "Dalmora National Radio",
        "2026-03-04T18:00:00+01:00",
        "Health Ministry confirms 30 dead in Port Alvane accident as rescue operation nears completion",
        "https://dnr.example/news/2026/03/04/health-ministry-confirms-toll",
        None,
        None,
        None,
    ),
    _MW2: _article(
        _FEED,
        "feed",
        EVENT_STORY,
        "Meridian Wire",
        "2026-03-05T08:30:00+01:00",
        "Dalmora blast toll rises to 47 as first victims are buried",
        "https://meridianwire.example/europe/2026/03/05/dalmora-blast-toll-47",
        "Sofia Lindgren",
        "dc-creator",
        None,
    ),
    _BE1: _article(
        _JSONL,
        "jsonl",
        EVENT_STORY,
        "Bayview Express",
        "2026-03-05T13:10:00+01:00",
        "Port Alvane mourns firefighters as explosion death toll climbs",
        "https://bayviewexpress.example/2026/03/05/port-alvane-mourns-firefighters",
        "Paul Renner",
        "by",
        "By Paul Renner",
    ),
    _CP1: _article(
        f"{_CP1}.html",
        "html",
        EVENT_STORY,
        "Coastline Post",
        "2026-03-06T07:00:00+01:00",
        "Inspectors warned of oversized ammonium nitrate stock at Halvik plant, leaked report shows",
        "https://coastlinepost.example/investigations/halvik-inspection-report",
        "Rafael Dunne",
        "meta-author",
        None,
    ),
    _MW3: _article(
        _FEED,
        "feed",
        EVENT_STORY,
        "Meridian Wire",
        "2026-03-07T10:20:00+01:00",
        "Dalmora parliament orders independent inquiry into Port Alvane explosion",
        "https://meridianwire.example/europe/2026/03/07/dalmora-parliament-inquiry-port-alvane",
        "Tariq Benali",
        "dc-creator",
        None,
    ),
    _VCJ: _article(
        _JSONL,
        "jsonl",
        UNRELATED_STORY,
        "Versk City Journal",
        "2026-03-05T16:00:00+01:00",
        "Versk council approves Line 3 tram extension to Brenna Heights",
        "https://verskcityjournal.example/transport/line-3-brenna-heights-approved",
        None,
        None,
        None,
    ),
    _VC1: _article(
        f"{_VC1}.txt",
        "text",
        UNRELATED_STORY,
        "Versk Courier",
        "2026-03-06",
        "Tram to Brenna Heights wins final approval after ten-year wait",
        None,
        "Lucia Varnhagen",
        "by",
        "By Lucia Varnhagen",
    ),
}


def _files() -> dict[str, dict[str, Any]]:
    files: dict[str, dict[str, Any]] = {}
    for article_id, meta in _ARTICLES.items():
        entry = files.setdefault(meta["file"], {"format": meta["format"], "articles": ()})
        entry["articles"] = (*entry["articles"], article_id)
    return files


_HL1_APPEAL = (
    "A Message from The Harbor Ledger: Our reporters have been on the quay since the first minutes "
    "after the blast. Independent local journalism costs money, and we rely on readers like you. "
    "If you value this coverage, please consider a contribution of any size. Support the Ledger "
    "today. Remind me later."
)

_HL2_TEASER_FULL = (
    "The death toll from Monday night's explosion at the Halvik Chemicals plant has risen to at "
    "least 41, the Coastal Monitoring Group said on Wednesday, as rescuers reached the last of the "
    "collapsed buildings on the northern quay."
)

#: The gold annotations of the corpus; see the module docstring for the layout.
DEMO_EXPECTATIONS: dict[str, Any] = {
    "version": 1,
    "files": _files(),
    "stories": {
        EVENT_STORY: {
            "label": "Explosion at the Halvik Chemicals plant in Port Alvane, Dalmora (2-7 March 2026)",
            "articles": tuple(i for i, m in _ARTICLES.items() if m["story"] == EVENT_STORY),
        },
        UNRELATED_STORY: {
            "label": "Versk city council approves the Line 3 tram extension to Brenna Heights",
            "articles": tuple(i for i, m in _ARTICLES.items() if m["story"] == UNRELATED_STORY),
        },
    },
    "articles": _ARTICLES,
    # 1. Donation appeal with a trailing prompt, inside the body.
    "appeals": (
        {
            "article": _HL1,
            "start": "A Message from The Harbor Ledger:",
            "end": "Support the Ledger today. Remind me later.",
            "text": _HL1_APPEAL,
        },
    ),
    # 2. A truncated lead fragment that the next paragraph repeats in full.
    "teasers": (
        {
            "article": _HL2,
            "fragment": _HL2_TEASER_FULL.split(" as rescuers ")[0] + " as rescuers...",
            "full": _HL2_TEASER_FULL,
        },
    ),
    # 9. Prompts: newsletter sign-up, share widget, "Read more", cookie banner.
    "prompts": (
        {
            "article": _HL2,
            "kind": "newsletter",
            "text": "Get the Ledger in your inbox: sign up for our free evening newsletter at "
            "harborledger.example/newsletter.",
        },
        {
            "article": _HL2,
            "kind": "read-more",
            "text": "Read more: How the night of the Halvik explosion unfolded, minute by minute",
        },
        {"article": _HL2, "kind": "share", "text": "Share this article"},
        {
            "article": _DH1,
            "kind": "newsletter",
            "text": "Sign up for The Morning Brief, our free daily newsletter, and get the stories that "
            "matter before breakfast.",
        },
        {
            "article": _DH1,
            "kind": "read-more",
            "text": "Read more: Who owns Halvik Chemicals? A short history of the Port Alvane plant",
        },
        {"article": _DH1, "kind": "share", "text": "Share this article"},
        {
            "article": _DH1,
            "kind": "cookie",
            "text": "We use cookies to improve your experience, measure our audience and show you "
            "relevant advertising.",
        },
        {
            "article": _CP1,
            "kind": "newsletter",
            "text": "Get our Harbour Briefing newsletter every Friday. Sign up now",
        },
        {
            "article": _CP1,
            "kind": "read-more",
            "text": "Read more: Port Alvane explosion: what we know so far",
        },
        {"article": _CP1, "kind": "share", "text": "Share this article"},
        {"article": _CP1, "kind": "cookie", "text": "This site uses cookies."},
    ),
    # 4. Death tolls: the monitor's figure rises 23 -> 41 -> 47; the ministry says 30, then 44.
    "casualties": (
        {
            "article": _HL1,
            "published": "2026-03-03",
            "value": 23,
            "qualifier": "at least",
            "predicate": "killed",
            "source": _CMG,
            "as_of": "2026-03-03",
            "text": "killing at least 23 people, according to the Coastal Monitoring Group",
        },
        {
            "article": _DH1,
            "published": "2026-03-03",
            "value": 23,
            "qualifier": "at least",
            "predicate": "killed",
            "source": _CMG,
            "as_of": "2026-03-03",
            "text": "killed at least 23 people, according to the Coastal Monitoring Group (CMG)",
        },
        {
            "article": _MW1,
            "published": "2026-03-03",
            "value": 23,
            "qualifier": "at least",
            "predicate": "killed",
            "source": _CMG,
            "as_of": "2026-03-03",
            "text": "killed at least 23 people late on Monday, the Coastal Monitoring Group said on Tuesday",
        },
        {
            "article": _HL2,
            "published": "2026-03-04",
            "value": 41,
            "qualifier": "at least",
            "predicate": "killed",
            "source": _CMG,
            "as_of": "2026-03-04",
            "text": "has risen to at least 41, the Coastal Monitoring Group said on Wednesday",
        },
        {
            "article": _CO1,
            "published": "2026-03-04",
            "value": 41,
            "qualifier": "at least",
            "predicate": "killed",
            "source": _CMG,
            "as_of": "2026-03-04",
            "text": "rose to at least 41 on Wednesday, according to the Coastal Monitoring Group",
        },
        {
            "article": _CO1,
            "published": "2026-03-04",
            "value": 30,
            "qualifier": None,
            "predicate": "died",
            "source": _MOH,
            "as_of": "2026-03-04",
            "text": "The Health Ministry said on Wednesday that 30 people had died",
        },
        {
            "article": _DNR,
            "published": "2026-03-04",
            "value": 30,
            "qualifier": None,
            "predicate": "died",
            "source": _MOH,
            "as_of": "2026-03-04",
            "text": "The Health Ministry confirmed on Wednesday that 30 people died",
        },
        {
            "article": _MW2,
            "published": "2026-03-05",
            "value": 47,
            "qualifier": None,
            "predicate": "killed",
            "source": _CMG,
            "as_of": "2026-03-05",
            "text": "has risen to 47, the Coastal Monitoring Group said on Thursday",
        },
        {
            "article": _MW2,
            "published": "2026-03-05",
            "value": 30,
            "qualifier": None,
            "predicate": "died",
            "source": _MOH,
            "as_of": "2026-03-04",
            "text": (
                "The Health Ministry, which gives a lower toll, said on Wednesday that 30 people had died"
            ),
        },
        {
            "article": _BE1,
            "published": "2026-03-05",
            "value": 47,
            "qualifier": None,
            "predicate": "killed",
            "source": _CMG,
            "as_of": "2026-03-05",
            "text": "has risen to 47, the Coastal Monitoring Group said on Thursday",
        },
        {
            "article": _CP1,
            "published": "2026-03-06",
            "value": 47,
            "qualifier": "at least",
            "predicate": "killed",
            "source": _CMG,
            "as_of": "2026-03-05",
            "text": "The Coastal Monitoring Group said on Thursday that at least 47 people had been killed",
        },
        {
            "article": _CP1,
            "published": "2026-03-06",
            "value": 30,
            "qualifier": None,
            "predicate": "died",
            "source": _MOH,
            "as_of": None,
            "text": "The Health Ministry has put the toll at 30.",
        },
        {
            "article": _MW3,
            "published": "2026-03-07",
            "value": 47,
            "qualifier": None,
            "predicate": "killed",
            "source": _CMG,
            "as_of": "2026-03-07",
            "text": "which the Coastal Monitoring Group says killed 47 people",
        },
        {
            "article": _MW3,
            "published": "2026-03-07",
            "value": 44,
            "qualifier": None,
            "predicate": "died",
            "source": _MOH,
            "as_of": "2026-03-06",
            "text": "raised its count to 44 on Friday",
        },
    ),
    "casualty_updates": (
        {
            "source": _CMG,
            "predicate": "killed",
            "series": (("2026-03-03", 23, _HL1), ("2026-03-04", 41, _HL2), ("2026-03-05", 47, _MW2)),
        },
        {"source": _MOH, "predicate": "died", "series": (("2026-03-04", 30, _DNR), ("2026-03-06", 44, _MW3))},
    ),
    "casualty_conflicts": (
        {"date": "2026-03-04", "figures": ((_CMG, 41, _HL2), (_MOH, 30, _DNR)), "both_in": _CO1},
    ),
    # 5. Quotes: direct with a titled speaker, partial, indirect, and pronoun speakers.
    "quotes": (
        {
            "article": _DH1,
            "kind": "direct",
            "speaker": "Irena Haldane",
            "title": "Interior Minister",
            "cue": "told reporters",
            "text": "We will find out who allowed this to happen, and they will answer for it,",
        },
        {
            "article": _DH1,
            "kind": "direct",
            "speaker": "Viktor Saldana",
            "title": "Commander",
            "cue": "said",
            "text": "There may still be people under that concrete, and we will not stop until we know,",
        },
        {
            "article": _DH1,
            "kind": "direct",
            "speaker": "Teodora Lind",
            "title": None,
            "cue": "she said",
            "pronoun": "she",
            "text": "Nobody knew where to go. People were walking in the middle of the road, bleeding, "
            "looking for their children,",
        },
        {
            "article": _HL1,
            "kind": "direct",
            "speaker": "Miriam Achterberg",
            "title": "director",
            "cue": "she said",
            "pronoun": "she",
            "text": "We publish a name only when two separate sources confirm it,",
        },
        {
            "article": _HL1,
            "kind": "partial",
            "speaker": "Tomas Varga",
            "title": "President",
            "cue": "promised",
            "text": "a full and honest investigation.",
        },
        {
            "article": _HL1,
            "kind": "indirect",
            "speaker": "Nadia Ferrante",
            "title": "Mayor",
            "cue": "said that",
            "text": "Port Alvane General Hospital was operating beyond capacity",
        },
        {
            "article": _HL2,
            "kind": "partial",
            "speaker": "Tomas Varga",
            "title": "President",
            "cue": "called",
            "text": "a wound to the whole nation",
        },
        {
            "article": _HL2,
            "kind": "indirect",
            "speaker": "Nadia Ferrante",
            "title": "Mayor",
            "cue": "said that",
            "text": "the town would hold a memorial service once all the victims had been identified",
        },
        {
            "article": _CO1,
            "kind": "partial",
            "speaker": "Tomas Varga",
            "title": "President",
            "cue": "called",
            "text": "a wound to the whole nation",
        },
        {
            "article": _CO1,
            "kind": "partial",
            "speaker": "Irena Haldane",
            "title": "Interior Minister",
            "cue": "told a late-night press conference",
            "text": "every possibility, including negligence.",
        },
        {
            "article": _MW1,
            "kind": "partial",
            "speaker": "Irena Haldane",
            "title": "Interior Minister",
            "cue": "said",
            "text": "answer for it.",
        },
        {
            "article": _DNR,
            "kind": "direct",
            "speaker": "Aurel Dinescu",
            "title": "Health Minister",
            "cue": "the minister said",
            "text": "Every life lost is a tragedy, and every name will be honoured,",
        },
        {
            "article": _DNR,
            "kind": "direct",
            "speaker": "Viktor Saldana",
            "title": "Commander",
            "cue": "he said",
            "pronoun": "he",
            "text": "My people have not slept, and they will not rest until the job is done,",
        },
        {
            "article": _MW2,
            "kind": "direct",
            "speaker": "Nadia Ferrante",
            "title": "Mayor",
            "cue": "said",
            "text": (
                "We have lost neighbours, colleagues and friends, and this town will carry it for a "
                "generation,"
            ),
        },
        {
            "article": _CP1,
            "kind": "direct",
            "speaker": "Miriam Achterberg",
            "title": "director",
            "cue": "she said",
            "pronoun": "she",
            "text": "When official figures and official inspections both fail, families are left with "
            "nothing but questions,",
        },
        {
            "article": _CP1,
            "kind": "partial",
            "speaker": "Oskar Brandt",
            "title": "chief executive",
            "cue": "told shareholders",
            "text": "meets every standard that applies to it.",
        },
        {
            "article": _MW3,
            "kind": "direct",
            "speaker": "Irena Haldane",
            "title": "Interior Minister",
            "cue": "said",
            "text": "The investigation will follow the evidence wherever it leads, including into my own "
            "ministry\u2019s agencies,",
        },
    ),
    # 6. Bayview Express republishes Meridian Wire's 5 March story under its own byline.
    "reuse": (
        {
            "copy": _BE1,
            "original": _MW2,
            "original_title": _ARTICLES[_MW2]["title"],
            "copy_title": _ARTICLES[_BE1]["title"],
            "original_byline": "Sofia Lindgren",
            "copy_byline": "Paul Renner",
            "hours_later": 4 + 40 / 60,
            "changed_figures": (
                {
                    "original": "More than 170 people were injured",
                    "copy": "More than 180 people were injured",
                },
            ),
            "dropped_attributions": (
                {
                    "original": (
                        "Around 2,300 residents remain in temporary shelters, the rescue service said."
                    ),
                    "copy": "Around 2,300 residents remain in temporary shelters.",
                },
            ),
            "dropped_credit": "(Meridian Wire)",
        },
    ),
    # 7. Hedges, distancing and loaded terms: in the foreign and state outlets, not the others.
    "frames": (
        {
            "article": _CO1,
            "kind": "hedge",
            "cue": "reportedly",
            "text": "The warehouse that exploded reportedly held far more ammonium nitrate",
        },
        {
            "article": _CO1,
            "kind": "hedge",
            "cue": "allegedly",
            "text": "Plant managers allegedly ignored a fire alarm",
        },
        {
            "article": _CO1,
            "kind": "hedge",
            "cue": "unconfirmed reports",
            "text": "Unconfirmed reports circulating in Port Alvane",
        },
        {
            "article": _CO1,
            "kind": "distancing",
            "cue": "what state media described as",
            "text": "what state media described as \u201ca rapid and exemplary rescue operation,\u201d",
        },
        {
            "article": _DNR,
            "kind": "distancing",
            "cue": "so-called",
            "text": "the so-called Coastal Monitoring Group",
        },
        {
            "article": _DNR,
            "kind": "hedge",
            "cue": "purportedly",
            "text": "a purportedly independent organisation",
        },
        {
            "article": _DNR,
            "kind": "loaded",
            "cue": "scaremongering",
            "text": "described the group's numbers as scaremongering",
        },
        {
            "article": _DNR,
            "kind": "loaded",
            "cue": "heroic",
            "text": "a heroic effort by more than 600 rescuers",
        },
    ),
    "unframed_articles": (_HL1, _DH1, _HL2, _MW1, _MW2, _BE1, _CP1, _MW3),
    # 8. One exclusive and several consensus facts.
    "exclusives": (
        {
            "article": _CP1,
            "claim": "A November 2025 inspection found 1,900 tonnes of ammonium nitrate in a warehouse "
            "licensed for 600 tonnes",
            "text": "found that 1,900 tonnes of ammonium nitrate were being kept in warehouse No. 4, a "
            "building licensed to hold no more than 600 tonnes",
            "markers": ("1,900 tonnes", "600 tonnes", "inspection report", "warehouse No. 4", "Oskar Brandt"),
        },
    ),
    "consensus": (
        {
            "fact": "The explosion happened late on Monday 2 March",
            "evidence": (
                (
                    _HL1,
                    (
                        "A powerful explosion tore through the Halvik Chemicals fertilizer plant on the "
                        "town's northern quay late on Monday"
                    ),
                ),
                (_DH1, "an explosion late on Monday killed at least 23 people"),
                (_MW1, "killed at least 23 people late on Monday"),
                (_MW3, "The explosion late on Monday destroyed a warehouse storing ammonium nitrate"),
            ),
        },
        {
            "fact": "The warehouse held ammonium nitrate",
            "evidence": (
                (
                    _HL1,
                    "held several hundred tonnes of ammonium nitrate",
                ),
                (_DH1, "The warehouse stored ammonium nitrate"),
                (_MW1, "a warehouse storing ammonium nitrate"),
                (_CO1, "The warehouse that exploded reportedly held far more ammonium nitrate"),
            ),
        },
        {
            "fact": "More than 120 people were injured on the first day",
            "evidence": (
                (_HL1, "more than 120 people had been taken to hospital"),
                (_DH1, "more than 120 people had been injured"),
                (_MW1, "injured more than 120 people"),
            ),
        },
        {
            "fact": "About 2,300 residents were evacuated",
            "evidence": (
                (_DH1, "about 2,300 residents had been moved to schools and sports halls"),
                (_MW1, "About 2,300 residents were evacuated"),
                (_HL2, "roughly 2,300 evacuated residents"),
            ),
        },
        {
            "fact": "Two firefighters are among the dead",
            "evidence": (
                (_HL2, "Among the dead are two firefighters"),
                (_DH1, "Two firefighters are among the dead"),
                (_MW1, "its figure included two firefighters"),
            ),
        },
        {
            "fact": "President Tomas Varga visited Port Alvane on Tuesday 3 March",
            "evidence": (
                (_HL2, "President Tomas Varga visited the quay on Tuesday afternoon"),
                (_CO1, "President Tomas Varga, who visited the site on Tuesday"),
                (_DNR, "President Tomas Varga visited Port Alvane on Tuesday"),
                (_MW2, "President Tomas Varga, who visited the site on Tuesday"),
            ),
        },
    ),
    # Dates written relatively, resolved against each article's publication date.
    "dates": (
        {
            "article": _HL1,
            "context": "PORT ALVANE, March 3",
            "text": "March 3",
            "value": "2026-03-03",
            "granularity": "day",
        },
        {
            "article": _HL1,
            "context": "northern quay late on Monday",
            "text": "Monday",
            "value": "2026-03-02",
            "granularity": "day",
        },
        {
            "article": _HL1,
            "context": "By Tuesday morning",
            "text": "Tuesday",
            "value": "2026-03-03",
            "granularity": "day",
        },
        {
            "article": _DH1,
            "context": "into Tuesday in the ruins",
            "text": "Tuesday",
            "value": "2026-03-03",
            "granularity": "day",
        },
        {
            "article": _DH1,
            "context": "an explosion late on Monday",
            "text": "Monday",
            "value": "2026-03-02",
            "granularity": "day",
        },
        {
            "article": _DH1,
            "context": "Tuesday, March 3, 2026",
            "text": "Tuesday, March 3, 2026",
            "value": "2026-03-03",
            "granularity": "day",
        },
        {
            "article": _MW1,
            "context": "said on Tuesday",
            "text": "Tuesday",
            "value": "2026-03-03",
            "granularity": "day",
        },
        {
            "article": _HL2,
            "context": "Monday night's explosion",
            "text": "Monday",
            "value": "2026-03-02",
            "granularity": "day",
        },
        {
            "article": _HL2,
            "context": "up from 23 on Tuesday",
            "text": "Tuesday",
            "value": "2026-03-03",
            "granularity": "day",
        },
        {
            "article": _HL2,
            "context": "said on Wednesday, as rescuers reached",
            "text": "Wednesday",
            "value": "2026-03-04",
            "granularity": "day",
        },
        {
            "article": _CO1,
            "context": "Monday's explosion at a fertilizer plant",
            "text": "Monday",
            "value": "2026-03-02",
            "granularity": "day",
        },
        {
            "article": _CO1,
            "context": "who visited the site on Tuesday",
            "text": "Tuesday",
            "value": "2026-03-03",
            "granularity": "day",
        },
        {
            "article": _DNR,
            "context": "confirmed on Wednesday",
            "text": "Wednesday",
            "value": "2026-03-04",
            "granularity": "day",
        },
        {
            "article": _DNR,
            "context": "visited Port Alvane on Tuesday",
            "text": "Tuesday",
            "value": "2026-03-03",
            "granularity": "day",
        },
        {
            "article": _MW2,
            "context": "said on Thursday, as the first funerals",
            "text": "Thursday",
            "value": "2026-03-05",
            "granularity": "day",
        },
        {
            "article": _MW2,
            "context": "said on Wednesday that 30 people",
            "text": "Wednesday",
            "value": "2026-03-04",
            "granularity": "day",
        },
        {
            "article": _CP1,
            "context": "before Monday's explosion",
            "text": "Monday",
            "value": "2026-03-02",
            "granularity": "day",
        },
        {
            "article": _CP1,
            "context": "scheduled for early March",
            "text": "early March",
            "value": "2026-03",
            "granularity": "month",
        },
        {
            "article": _CP1,
            "context": "told shareholders last week",
            "text": "last week",
            "value": "2026-02-23",
            "granularity": "week",
        },
        {
            "article": _CP1,
            "context": "Varga promised on Tuesday",
            "text": "Tuesday",
            "value": "2026-03-03",
            "granularity": "day",
        },
        {
            "article": _CP1,
            "context": "dated November 2025",
            "text": "November 2025",
            "value": "2025-11",
            "granularity": "month",
        },
        {
            "article": _MW3,
            "context": "voted on Friday",
            "text": "Friday",
            "value": "2026-03-06",
            "granularity": "day",
        },
        {
            "article": _MW3,
            "context": "put the toll at 30 on Wednesday",
            "text": "Wednesday",
            "value": "2026-03-04",
            "granularity": "day",
        },
        {
            "article": _MW3,
            "context": "declared Sunday a national day of mourning",
            "text": "Sunday",
            "value": "2026-03-08",
            "granularity": "day",
            "future": True,
        },
        {
            "article": _MW3,
            "context": "suspended since Tuesday",
            "text": "Tuesday",
            "value": "2026-03-03",
            "granularity": "day",
        },
        {
            "article": _VCJ,
            "context": "council on Thursday approved",
            "text": "Thursday",
            "value": "2026-03-05",
            "granularity": "day",
        },
        {
            "article": _VC1,
            "context": "final approval on Thursday",
            "text": "Thursday",
            "value": "2026-03-05",
            "granularity": "day",
        },
    ),
    # 10. Entities and the aliases used for them across articles.
    "entities": (
        {
            "name": "Tomas Varga",
            "kind": "person",
            "aliases": ("President Tomas Varga", "Varga"),
            "mentions": (
                (_HL1, "President Tomas Varga"),
                (_HL1, "Varga promised"),
                (_CO1, "Varga's government"),
                (_CP1, "Varga promised on Tuesday"),
                (_MW3, "Varga, who has faced criticism"),
            ),
        },
        {
            "name": "Irena Haldane",
            "kind": "person",
            "aliases": ("Interior Minister Irena Haldane", "Haldane"),
            "mentions": (
                (_DH1, "Interior Minister Irena Haldane told reporters"),
                (_DH1, "Haldane said"),
                (_MW3, "Haldane said"),
            ),
        },
        {
            "name": "Coastal Monitoring Group",
            "kind": "org",
            "aliases": ("CMG",),
            "mentions": (
                (_DH1, "Coastal Monitoring Group (CMG)"),
                (_CO1, "the group, known as CMG"),
                (_CP1, "the director of the CMG"),
            ),
        },
        {
            "name": "National Emergency Rescue Service",
            "kind": "org",
            "aliases": ("NERS", "the rescue service"),
            "mentions": (
                (_HL1, "The rescue service, known as NERS"),
                (_DH1, "National Emergency Rescue Service (NERS)"),
                (_HL2, "NERS teams"),
                (_MW1, "the rescue service"),
            ),
        },
        {
            "name": "Halvik Chemicals",
            "kind": "org",
            "aliases": ("Halvik",),
            "mentions": ((_HL1, "Halvik plant"), (_CP1, "Halvik's chief executive")),
        },
        {
            "name": "State Industrial Safety Inspectorate",
            "kind": "org",
            "aliases": ("the inspectorate",),
            "mentions": (
                (_CP1, "The report by the State Industrial Safety Inspectorate"),
                (_CP1, "the inspectorate's files"),
            ),
        },
        {
            "name": "Port Alvane",
            "kind": "place",
            "aliases": (),
            "mentions": ((_HL1, "Port Alvane"), (_MW1, "Port Alvane")),
        },
        {
            "name": "Dalmora",
            "kind": "place",
            "aliases": ("Dalmoran",),
            "mentions": (
                (_MW1, "the Dalmoran port town"),
                (_CO1, "Dalmora, a country of about 7 million people"),
            ),
        },
    ),
}
