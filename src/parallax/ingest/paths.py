"""Expanding the paths a user gives into the inputs to read.

Files as given; folders recursively, in sorted order, skipping dotfiles and dot-folders
(``.git``); glob patterns (``corpus/**/*.html``); ``-`` for standard input. What cannot
be expanded (a missing path, a pattern matching nothing, a broken link) comes back as an
:class:`IngestFailure` naming it, in its place in the order.
"""

from __future__ import annotations

import glob
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..model import IngestFailure

STDIN_NAME = "<stdin>"


@dataclass(frozen=True, slots=True)
class InputRef:
    """One input to read: ``name`` as the user will see it; ``path`` is None for standard input."""

    name: str
    path: str | None


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[InputRef | IngestFailure]:
    """The inputs ``paths`` stand for, in order (folders sorted, dotfiles skipped)."""
    for given in paths:
        name = os.fspath(given)
        if name == "-":
            yield InputRef(STDIN_NAME, None)
        elif os.path.lexists(name):
            yield from _expand_existing(name)
        elif glob.has_magic(name):
            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                yield IngestFailure(name, "no file matches this pattern; check the pattern and the folder")
            for match in matches:
                yield from _expand_existing(match)
        else:
            yield IngestFailure(name, "no such file or folder; check the path")


def _expand_existing(name: str) -> Iterator[InputRef | IngestFailure]:
    if os.path.isdir(name):
        yield from _walk(name, set())
    else:
        yield _file_ref(name)


def _file_ref(name: str) -> InputRef | IngestFailure:
    try:
        st = os.stat(name)
    except FileNotFoundError:
        if os.path.islink(name):
            return IngestFailure(name, f"broken symbolic link to {os.readlink(name)!r}, which does not exist")
        return IngestFailure(name, "no such file or folder; check the path")
    except OSError as exc:
        return IngestFailure(name, f"cannot be read: {exc.strerror or exc}")
    if not stat.S_ISREG(st.st_mode):
        kind = (
            "a FIFO" if stat.S_ISFIFO(st.st_mode) else "a socket" if stat.S_ISSOCK(st.st_mode) else "a device"
        )
        return IngestFailure(name, f"not a regular file ({kind}); give a file or a folder")
    return InputRef(name, name)


def _walk(folder: str, seen: set[tuple[int, int]]) -> Iterator[InputRef | IngestFailure]:
    """Files under ``folder`` in sorted order; ``seen`` (device, inode) pairs stop symlink loops."""
    try:
        st = os.stat(folder)
        key = (st.st_dev, st.st_ino)
        if key in seen:
            return  # a symbolic link back to a folder being read: its files come out once
        seen.add(key)
        with os.scandir(folder) as it:
            entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as exc:
        yield IngestFailure(folder, f"folder cannot be listed: {exc.strerror or exc}")
        return
    for entry in entries:
        path = os.path.join(folder, entry.name)
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path, seen)
        else:
            yield _file_ref(path)
