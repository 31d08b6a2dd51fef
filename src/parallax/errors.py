"""Errors raised by Parallax. Each names its input and, where there is one, the fix.

The library raises; only the edges translate: the CLI maps an error to a message on
stderr and an exit code, the web app to ``{ok, error, status}``.

Hierarchy::

    ParallaxError
    ├── ConfigError            a setting or argument is wrong (CLI exit code 2)
    ├── MissingExtraError      an optional dependency is not installed; says which pip line
    ├── SchemaError            a record or JSON document does not fit the data model
    ├── InputError             one input (file, record) cannot be read; names it
    │   ├── EmptyInputError
    │   ├── BinaryInputError
    │   ├── TooLargeError      over a size limit (file, record, decompressed stream)
    │   ├── MalformedInputError  bad JSON, broken feed, truncated archive ...
    │   └── UnreadableInputError permissions, missing file, I/O error
    ├── StoreError             the database cannot be opened, migrated or written
    │   └── QueryError         a search query the full-text engine rejects
    ├── PipelineError          stages declared in an order that cannot run
    └── NotFoundError          an article or story id that is not in the store
"""

from __future__ import annotations


class ParallaxError(Exception):
    """Base class of every error Parallax raises on purpose."""


class ConfigError(ParallaxError, ValueError):
    """A setting or argument is invalid; the message says which and what is allowed."""


class MissingExtraError(ParallaxError, ImportError):
    """An optional dependency is missing; the message gives the ``pip install`` line."""

    def __init__(self, extra: str, module: str, purpose: str) -> None:
        self.extra = extra
        self.module = module
        super().__init__(
            f"{purpose} needs the optional package {module!r}, which is not installed; "
            f"install it with: pip install 'parallax[{extra}]'"
        )


class SchemaError(ParallaxError, ValueError):
    """A record does not fit the data model (bad span, unknown kind, newer schema)."""


class InputError(ParallaxError):
    """One input cannot be read. ``source`` names the file, ``record`` the place in it."""

    def __init__(self, source: str, reason: str, record: str | None = None) -> None:
        self.source = source
        self.reason = reason
        self.record = record
        where = f"{source}: {record}" if record else source
        super().__init__(f"{where}: {reason}")


class EmptyInputError(InputError):
    """The input holds no text at all."""


class BinaryInputError(InputError):
    """The input is binary data, not text, HTML, JSON, a feed or a WARC archive."""


class TooLargeError(InputError):
    """The input (or what it decompresses to) is over a configured size limit."""


class MalformedInputError(InputError):
    """The input claims a format but breaks it (bad JSON, broken XML, truncated archive)."""


class UnreadableInputError(InputError):
    """The input cannot be opened or read (missing, permissions, I/O error)."""


class StoreError(ParallaxError):
    """The store cannot be opened, migrated or written."""


class QueryError(StoreError, ValueError):
    """A search query that the full-text engine cannot run; the message shows how to write it."""


class PipelineError(ParallaxError):
    """Annotation stages whose requirements are not met by the stages before them."""


class NotFoundError(ParallaxError, KeyError):
    """An id (article, story) that the store does not hold."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else "not found"
