"""CompareSettings: every threshold of the comparison, one frozen keyword-only object."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from typing import Any

from ..errors import ConfigError


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True, slots=True, kw_only=True)
class CompareSettings:
    """Thresholds of :func:`parallax.compare.compare`. Defaults favour precision over recall."""

    sentence_similarity: float = _setting(
        0.3, "Weighted cosine of content words/entities above which two sentences state the same fact."
    )
    sentence_similarity_floor: float = _setting(
        0.12,
        "Lower cosine accepted when the two sentences are each other's best match between their articles.",
    )
    min_shared_keys: int = _setting(3, "Content words/entities two sentences must share to state the same fact.")
    consensus_min_outlets: int | None = _setting(
        None,
        "Independent outlets a fact needs to count as consensus; None: 2 when the story has at most 3 "
        "independent outlets, else 3.",
    )
    exclusive_similarity: float = _setting(
        0.22, "A claim or quote is not exclusive when another outlet has a sentence at least this similar."
    )
    reuse_threshold: float = _setting(0.2, "MinHash Jaccard of word 5-grams above which two articles are candidates.")
    reuse_min_words: int = _setting(40, "Copied words (in aligned runs of 8+ words) needed to report reuse.")
    reuse_min_share: float = _setting(
        0.3, "Share of the later article's words that must be copied, unless one copied passage is long."
    )
    reuse_long_passage: int = _setting(60, "A single copied run this long (words) is reuse whatever its share.")
    copy_share: float = _setting(
        0.6, "Share of an article copied from another above which it is a copy, not an independent source."
    )
    num_perm: int = _setting(64, "MinHash permutations.")
    max_timeline_per_date: int = _setting(4, "Timeline events kept per date (most reported first).")
    max_exclusives_per_article: int = _setting(
        3, "Exclusive findings reported per independent outlet (its articles together), most important first."
    )

    def __post_init__(self) -> None:
        for name in ("sentence_similarity", "sentence_similarity_floor", "exclusive_similarity", "reuse_threshold", "reuse_min_share", "copy_share"):
            value = getattr(self, name)
            if not 0.0 < value <= 1.0:
                raise ConfigError(f"compare setting {name} must be in (0, 1], got {value!r}")
        for name in ("min_shared_keys", "reuse_min_words", "reuse_long_passage", "num_perm", "max_timeline_per_date",
                     "max_exclusives_per_article"):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                raise ConfigError(f"compare setting {name} must be a positive whole number, got {value!r}")
        if self.consensus_min_outlets is not None and self.consensus_min_outlets < 2:
            raise ConfigError(
                f"compare setting consensus_min_outlets must be at least 2 (or None), got {self.consensus_min_outlets!r}"
            )

    @classmethod
    def describe(cls) -> Iterator[tuple[str, Any, str]]:
        """Every setting as ``(name, default, help)``."""
        for f in fields(cls):
            yield f.name, f.default, f.metadata.get("help", "")
