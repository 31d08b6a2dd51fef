from __future__ import annotations

import builtins
import io
import os
from pathlib import Path

import pytest

from parallax.ingest import reader


def _tree(root: Path) -> None:
    (root / "b").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "a.txt").write_text("Alpha story.", encoding="utf-8")
    (root / "b" / "c.txt").write_text("Charlie story.", encoding="utf-8")
    (root / "d.txt").write_text("Delta story.", encoding="utf-8")
    (root / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main", encoding="utf-8")


def test_paths_folder_is_read_recursively_sorted_skipping_dotfiles(read, tmp_path: Path) -> None:
    _tree(tmp_path / "corpus")
    docs, failures = read([tmp_path / "corpus"])
    assert failures == []
    root = str(tmp_path / "corpus")
    assert [d.source for d in docs] == [
        os.path.join(root, "a.txt"),
        os.path.join(root, "b", "c.txt"),
        os.path.join(root, "d.txt"),
    ]


def test_paths_glob_patterns_expand_sorted(read, tmp_path: Path) -> None:
    _tree(tmp_path / "corpus")
    docs, failures = read([str(tmp_path / "corpus" / "**" / "*.txt")])
    assert failures == []
    assert [d.id for d in docs] == ["a", "c", "d"]


def test_paths_glob_matching_nothing_and_missing_path_are_named(
    read, tmp_path: Path, good_text: Path
) -> None:
    pattern = str(tmp_path / "*.nothing")
    missing = str(tmp_path / "missing.txt")
    docs, failures = read([pattern, good_text, missing])
    assert [d.id for d in docs] == ["good"]
    assert [f.source for f in failures] == [pattern, missing]
    assert "no file matches" in failures[0].reason
    assert "no such file" in failures[1].reason


def test_paths_broken_symlink_in_folder_is_named_and_rest_read(read, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text("Readable.", encoding="utf-8")
    (folder / "b.txt").symlink_to(folder / "gone.txt")
    (folder / "c.txt").write_text("Also readable.", encoding="utf-8")
    docs, failures = read([folder])
    assert [d.id for d in docs] == ["a", "c"]
    (failure,) = failures
    assert failure.source == str(folder / "b.txt")
    assert "broken symbolic link" in failure.reason


def test_paths_permission_denied_is_named_and_rest_read(read, tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("a.txt", "locked.txt", "z.txt"):
        (folder / name).write_text(f"Story {name}.", encoding="utf-8")

    def fake_open(path, *args, **kwargs):
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return builtins.open(path, *args, **kwargs)

    monkeypatch.setattr(reader, "open", fake_open, raising=False)
    docs, failures = read([folder])
    assert [d.id for d in docs] == ["a", "z"]
    (failure,) = failures
    assert failure.source == str(folder / "locked.txt")
    assert failure.reason == "cannot be read: Permission denied"


def test_paths_symlink_loop_does_not_hang(read, tmp_path: Path) -> None:
    folder = tmp_path / "loop"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_text("Once.", encoding="utf-8")
    (folder / "sub" / "back").symlink_to(folder, target_is_directory=True)
    docs, failures = read([folder])
    assert failures == []
    assert [d.id for d in docs] == ["a"]


def test_paths_stdin_dash_is_read_and_sniffed(read, good_text: Path) -> None:
    stdin = io.BytesIO(b'{"id": "s1", "text": "from a pipe"}\n{"id": "s2", "text": "again"}\n')
    docs, failures = read(["-", good_text], stdin=stdin)
    assert failures == []
    assert [(d.source, d.id) for d in docs] == [
        ("<stdin>", "s1"),
        ("<stdin>", "s2"),
        (str(good_text), "good"),
    ]


def test_paths_stdin_text_has_no_id(read) -> None:
    (doc,), _ = read(["-"], stdin=io.BytesIO(b"Plain text through a pipe."))
    assert (doc.source, doc.format, doc.id) == ("<stdin>", "text", None)


def test_paths_reader_bug_becomes_failure_not_exception(
    read, tmp_path: Path, good_text: Path, monkeypatch
) -> None:
    bad = tmp_path / "x.txt"
    bad.write_text("Anything.", encoding="utf-8")

    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(reader, "read_text", boom)
    docs, failures = read([bad])
    assert docs == []
    assert "RuntimeError: boom" in failures[0].reason


@pytest.mark.skipif(
    not (Path(__file__).resolve().parents[2] / ".." / "shared").is_dir(), reason="../shared absent"
)
def test_paths_shared_seed_articles_are_read_as_text(read) -> None:
    seeds = Path(__file__).resolve().parents[2] / ".." / "shared" / "samples" / "seeds"
    if not seeds.is_dir():
        pytest.skip("seed articles absent")
    docs, failures = read([seeds])
    assert failures == []
    assert len(docs) == 2
    assert all(d.format == "text" and d.text and d.encoding == "utf-8" for d in docs)
