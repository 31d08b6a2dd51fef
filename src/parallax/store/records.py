"""What the store hands back: the counts of an add and the hits of a search."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class AddReport:
    """Counts of one :meth:`Store.add`: new articles, exact re-ingests, new revisions of known ids.

    Reports add up (``total = total + store.add_batch(batch)``).
    """

    added: int = 0
    duplicates: int = 0
    revisions: int = 0

    @property
    def seen(self) -> int:
        """Articles offered to the store: stored or recognised as already there."""
        return self.added + self.duplicates + self.revisions

    def __add__(self, other: AddReport) -> AddReport:
        if not isinstance(other, AddReport):
            return NotImplemented
        return AddReport(
            added=self.added + other.added,
            duplicates=self.duplicates + other.duplicates,
            revisions=self.revisions + other.revisions,
        )


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One full-text match: the latest revision of an article.

    ``snippet`` is a short extract with ``[`` and ``]`` around the matched words. ``score`` is the
    negated bm25 rank (title words weigh double): higher is a better match; compare scores only
    within one search.
    """

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str
    score: float
