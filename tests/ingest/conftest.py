"""Helpers for ingest tests: run read_inputs and split documents from failures."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from parallax.config import Settings
from parallax.ingest import read_inputs
from parallax.model import IngestFailure, RawDocument

Read = Callable[..., tuple[list[RawDocument], list[IngestFailure]]]


@pytest.fixture
def read() -> Read:
    """``read(paths, stdin=None, **settings) -> (documents, failures)``, asserting nothing else comes out."""

    def run(paths: Iterable[str | os.PathLike[str]], stdin=None, **settings: object):
        docs: list[RawDocument] = []
        failures: list[IngestFailure] = []
        for item in read_inputs(list(paths), Settings(**settings) if settings else None, stdin=stdin):
            if isinstance(item, RawDocument):
                docs.append(item)
            else:
                assert isinstance(item, IngestFailure), item
                failures.append(item)
        return docs, failures

    return run


@pytest.fixture
def good_text(tmp_path: Path) -> Path:
    """A small readable article that must come out of every run it is part of."""
    path = tmp_path / "good.txt"
    path.write_text(
        "Council approves the new bridge\n\nThe city council voted 7 to 2 on Monday.\n", encoding="utf-8"
    )
    return path
