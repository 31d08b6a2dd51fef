"""Settings: one frozen object, every field with a default and a help text.

Settings travel as one keyword-only object through the library; the CLI builds it
once from its options. ``Settings.describe()`` lists every setting (the docs test
checks that each one is documented).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Iterator

from .errors import ConfigError

MiB = 1024 * 1024
BACKENDS = ("local", "spark")


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Every tunable of Parallax. Create with keywords; unknown names are an error."""

    db: str = _setting("parallax.db", "SQLite file of the store.")
    max_article_bytes: int = _setting(
        16 * MiB,
        "Largest single article accepted: a text or HTML file, one JSON line, one feed entry or WARC record.",
    )
    max_feed_bytes: int = _setting(64 * MiB, "Largest RSS/Atom feed file accepted (feeds are parsed whole).")
    max_decompressed_bytes: int = _setting(
        4096 * MiB, "Most bytes one gzip stream may expand to before it is refused as a gzip bomb."
    )
    max_compression_ratio: float = _setting(
        200.0,
        "Most a gzip stream may expand relative to its compressed size (checked past 64 MiB); guards against gzip bombs.",
    )
    batch_size: int = _setting(200, "Articles written per store transaction.")
    workers: int = _setting(1, "Worker processes for cleaning and annotation (1 = in process).")
    backend: str = _setting(
        "local",
        "Where cleaning and annotation run: 'local' (this process, or a process pool with workers > 1) "
        "or 'spark' (Apache Spark executors; needs the spark extra and Java 17+).",
    )
    spark_master: str = _setting(
        "",
        "Spark master URL for backend 'spark' (empty: local[workers] with workers > 1, else local[*]).",
    )
    extract_fast: bool = _setting(
        False, "Use trafilatura's fast mode for HTML (about 1.7x faster, slightly lower recall)."
    )
    min_text_chars: int = _setting(
        1, "Articles whose cleaned body is shorter than this are reported as failures (empty)."
    )
    detect_language: bool = _setting(True, "Detect the language of articles that do not state it.")
    progress: bool = _setting(True, "Show a progress bar on stderr for long runs.")
    assign_stories: bool = _setting(
        True, "Assign each ingested article to a story (online clustering) as it is stored."
    )

    def __post_init__(self) -> None:
        for name in (
            "max_article_bytes",
            "max_feed_bytes",
            "max_decompressed_bytes",
            "batch_size",
            "workers",
        ):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                raise ConfigError(f"setting {name} must be a positive whole number, got {value!r}")
        if self.backend not in BACKENDS:
            raise ConfigError(f"setting backend must be one of {', '.join(BACKENDS)}, got {self.backend!r}")
        if self.max_compression_ratio <= 1:
            raise ConfigError(
                f"setting max_compression_ratio must be above 1, got {self.max_compression_ratio!r}"
            )
        if self.min_text_chars < 0:
            raise ConfigError(f"setting min_text_chars must be 0 or more, got {self.min_text_chars!r}")

    def replace(self, **changes: Any) -> "Settings":
        unknown = set(changes) - {f.name for f in dataclasses.fields(self)}
        if unknown:
            raise ConfigError(
                f"unknown setting(s) {', '.join(sorted(unknown))}; known: "
                + ", ".join(f.name for f in dataclasses.fields(self))
            )
        return dataclasses.replace(self, **changes)

    @classmethod
    def describe(cls) -> Iterator[tuple[str, Any, str]]:
        """(name, default, help) for every setting, in declaration order."""
        for f in dataclasses.fields(cls):
            yield f.name, f.default, f.metadata["help"]
