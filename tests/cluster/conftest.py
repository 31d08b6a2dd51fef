"""Small hand-written fixtures for the clustering tests: fictional stories, fictional outlets."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from parallax.model import Article

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def outputs_under_hash_seeds(script: str, seeds: tuple[str, ...] = ("1", "2", "3")) -> list[str]:
    """What ``script`` prints, run in a fresh interpreter per ``PYTHONHASHSEED``; the script gets this
    folder as ``sys.argv[1]`` (to import the test modules' fixtures)."""
    here = str(Path(__file__).resolve().parent)
    runs = []
    for seed in seeds:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", script, here], env=env, capture_output=True, text=True,
                             check=True)  # fmt: skip
        runs.append(out.stdout)
    return runs

FLOOD = "flood"
CHESS = "chess"
BRIDGE = "bridge"


def _a(aid: str, title: str, text: str, outlet: str, published: str | None) -> Article:
    return Article(id=aid, title=title, text=text, outlet=outlet, published=published)


#: (article, gold story) in publication order: two overlapping stories, then a third later.
CORPUS: list[tuple[Article, str]] = [
    (
        _a(
            "f1",
            "Floods cut off Brindlemoor as the river Kessa bursts its banks",
            "The river Kessa burst its banks on Sunday night and flooded the lower town of Brindlemoor. "
            "Mayor Ottilie Varn said two hundred homes were under water and the ferry to Lusk was suspended. "
            "Rescue boats from Quarrow carried elderly residents to the sports hall.",
            "Brindle Gazette",
            "2031-05-04T08:00:00+00:00",
        ),
        FLOOD,
    ),
    (
        _a(
            "c1",
            "Teenager Ilse Morrow leads the Oskova chess open after five rounds",
            "Ilse Morrow, sixteen, beat grandmaster Petr Halloway with the black pieces to take the lead of "
            "the Oskova chess open. The tournament, held in the old corn exchange, has drawn players from "
            "nineteen countries; the final round is on Friday.",
            "Oskova Evening Star",
            "2031-05-04T18:30:00+00:00",
        ),
        CHESS,
    ),
    (
        _a(
            "f2",
            "Brindlemoor flood: Kessa waters start to recede, mayor says",
            "Flood water in Brindlemoor began to fall on Monday as the Kessa returned towards its banks. "
            "Mayor Ottilie Varn warned residents of the lower town not to return until engineers checked the "
            "homes. The Lusk ferry stays suspended and rescue boats from Quarrow remain on standby.",
            "Northern Ledger",
            "2031-05-05T07:15:00+00:00",
        ),
        FLOOD,
    ),
    (
        _a(
            "c2",
            "Morrow holds on to win Oskova open",
            "Ilse Morrow drew her final game to win the Oskova chess open by half a point, ahead of Petr "
            "Halloway. Organisers at the corn exchange said the sixteen-year-old is the youngest winner in "
            "the tournament's history.",
            "Chessboard Weekly",
            "2031-05-09T20:00:00+00:00",
        ),
        CHESS,
    ),
    (
        _a(
            "f3",
            "Insurers count the cost of the Brindlemoor flood",
            "Insurers estimate the Kessa flood in Brindlemoor will cost more than forty million. Mayor "
            "Ottilie Varn asked the government for emergency funds for the lower town, where two hundred "
            "homes were flooded; the Lusk ferry resumed on Thursday.",
            "Brindle Gazette",
            "2031-05-08T12:00:00+00:00",
        ),
        FLOOD,
    ),
    (
        _a(
            "b1",
            "Tollan suspension bridge closed after cable snaps",
            "Engineers closed the Tollan suspension bridge over the Veyr estuary after a main cable snapped "
            "in high winds. Transport minister Aurel Damsk said traffic would divert through Corvin for weeks "
            "while inspectors examine the remaining cables.",
            "Northern Ledger",
            "2031-06-20T09:00:00+00:00",
        ),
        BRIDGE,
    ),
    (
        _a(
            "b2",
            "Weeks of diversions as Tollan bridge cable inspection begins",
            "Inspectors began examining the cables of the Tollan suspension bridge on the Veyr estuary. "
            "Aurel Damsk, the transport minister, told drivers to expect diversions through Corvin.",
            "Brindle Gazette",
            "2031-06-21T10:00:00+00:00",
        ),
        BRIDGE,
    ),
]


@pytest.fixture
def corpus() -> list[tuple[Article, str]]:
    return list(CORPUS)


@pytest.fixture
def seeds_dir() -> Path:
    path = SHARED / "samples" / "seeds"
    if not path.is_dir() or len(sorted(path.glob("*.txt"))) < 2:
        pytest.skip(f"seed articles not found in {path}")
    return path
