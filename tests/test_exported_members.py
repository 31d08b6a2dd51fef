"""The front door: parallax.__all__ is complete, sorted and importable."""

from __future__ import annotations

import parallax


def test_exported_members_all_are_importable_and_sorted():
    names = [n for n in parallax.__all__ if n != "__version__"]
    assert names == sorted(names, key=lambda n: (n[0].islower(), n))
    for name in parallax.__all__:
        assert hasattr(parallax, name), name


def test_exported_members_public_names_are_all_listed():
    public = {n for n in dir(parallax) if not n.startswith("_") and not _is_module(getattr(parallax, n))}
    assert public <= set(parallax.__all__), public - set(parallax.__all__)


def _is_module(obj: object) -> bool:
    return type(obj).__name__ == "module"
