"""Docs are tested like code: generated references are current, and every contract field is documented."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from parallax.model import Article

ROOT = Path(__file__).resolve().parents[1]


def test_docs_generated_references_are_current():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "gendocs.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_docs_every_cli_verb_is_in_the_readme_and_has_help():
    from parallax.cli import cli

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, command in cli.commands.items():
        assert command.help, f"parallax {name} has no help text"
        assert f"parallax {name}" in readme, f"README does not show parallax {name}"


def test_docs_readme_opens_with_the_two_setup_commands():
    head = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:10]
    assert any(line.startswith("make demo") for line in head)
    assert any(line.startswith("make test") for line in head)


def test_docs_every_output_field_is_documented():
    doc = (ROOT / "docs" / "output.md").read_text(encoding="utf-8")
    article = Article(id="x", text="t")
    missing = [key for key in article.to_dict() if f"`{key}`" not in doc]
    assert not missing, f"docs/output.md does not document {missing}"


@pytest.mark.parametrize("page", ["frames.md", "entities.md", "claims.md", "quotes.md", "quality.md"])
def test_docs_annotation_pages_exist(page):
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    assert len(text) > 500 and re.search(r"^# ", text, re.M)
