"""Builders and names the web tests share: the demo store, a store of hostile articles, browser flags.

Imported by conftest.py and by test modules (``from webfixtures import ...``; tests/web is on
sys.path under pytest's default import mode).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from parallax.api import ingest, open_store
from parallax.config import Settings
from parallax.samples import DEMO_EXPECTATIONS, demo_paths

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

#: Markup an attacker would plant in a title, an outlet, a byline or a body.
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
HOSTILE_STORY = "hostile-story"
HOSTILE_HTML_ID = "2026-04-01-hostile-page"
HOSTILE_JSONL_ID = "hostile-jsonl-1"
HOSTILE_ODD_ID = '"><svg onload=alert(1)>'
LONE_ID = "lone-article"

QUIET = Settings(progress=False)

_HOSTILE_PAGE = """<!DOCTYPE html>
<html><head>
<title>&lt;script&gt;alert(1)&lt;/script&gt; Fire at the Eastgate depot</title>
<meta name="author" content="&lt;img src=x onerror=alert(1)&gt;">
<meta property="og:site_name" content="&lt;img src=x onerror=alert(1)&gt; Gazette">
<meta property="article:published_time" content="2026-04-01T08:00:00+00:00">
<script>alert("page")</script>
</head><body>
<article>
<h1>&lt;script&gt;alert(1)&lt;/script&gt; Fire at the Eastgate depot</h1>
<p>EASTGATE, April 1 &#8212; A fire at the Eastgate bus depot killed at least 12 people on Tuesday, the fire
service said, as crews searched the burned hall. &lt;img src=x onerror=alert(1)&gt; was painted on a wall nearby.</p>
<p>"We will not stop until every bay is cleared," the fire chief, Lena Ostrova, told reporters outside the
depot. <img src=x onerror="alert(1)"> Residents reportedly heard two blasts before the roof fell in.</p>
<p>The city council said it would open an inquiry into the depot's fire doors &lt;script&gt;alert(1)&lt;/script&gt;
and its sprinkler system, which had failed an inspection last year.</p>
<p onmouseover="alert(1)">Buses on the northern routes will run from the old tram sheds until the hall is
rebuilt, the transport office said in a statement on Tuesday evening.</p>
</article>
</body></html>
"""


def _hostile_records() -> list[dict[str, Any]]:
    return [
        {
            "id": HOSTILE_JSONL_ID,
            "title": SCRIPT,
            "outlet": IMG,
            "byline": f"By {IMG}",
            "published": "2026-04-01T12:00:00+00:00",
            "url": "javascript:alert(1)",
            "text": (
                f"EASTGATE, April 1 - Police said 7 people died in the depot fire on Tuesday. {SCRIPT}\n\n"
                f"\u201cThe doors were locked,\u201d a driver, Marek Hale, said. {IMG} Firefighters allegedly "
                "arrived late, according to residents who watched the hall burn.\n\n"
                "The council will meet on Friday to discuss the inquiry into the depot."
            ),
        },
        {
            "id": HOSTILE_ODD_ID,
            "title": f"{IMG} and quotes \" ' & in a headline",
            "outlet": "Odd Ids Weekly",
            "published": "2026-04-02",
            "text": "A short note about the depot fire in Eastgate, with an id built to break attributes.",
        },
        {
            "id": LONE_ID,
            "title": "Harbour ferry timetable changes",
            "outlet": "Harbour Notes",
            "published": "2026-02-10",
            "text": "The harbour ferry will run every 40 minutes from next month, the operator said.",
        },
    ]


def build_demo_store(path: Path) -> Path:
    """The bundled demo corpus ingested and assigned to its two stories."""
    report = ingest(demo_paths(), db=path, settings=QUIET)
    assert report.ok, report.failures
    with open_store(path) as store:
        store.set_stories(
            (article_id, story)
            for story, spec in DEMO_EXPECTATIONS["stories"].items()
            for article_id in spec["articles"]
        )
    return path


def build_hostile_store(path: Path, work: Path) -> Path:
    """Hostile HTML and JSON Lines articles; two of them form a story, one stays unclustered."""
    work.mkdir(parents=True, exist_ok=True)
    (work / f"{HOSTILE_HTML_ID}.html").write_text(_HOSTILE_PAGE, encoding="utf-8")
    (work / "hostile.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in _hostile_records()), encoding="utf-8"
    )
    # stories set by hand below; the lone article must stay without one
    report = ingest([work], db=path, settings=QUIET.replace(assign_stories=False))
    assert report.ok, report.failures
    with open_store(path) as store:
        store.set_stories(
            [(HOSTILE_HTML_ID, HOSTILE_STORY), (HOSTILE_JSONL_ID, HOSTILE_STORY), (HOSTILE_ODD_ID, HOSTILE_STORY)]
        )
    return path
