"""Stories assigned while ingesting: the clusterer's state kept in the store between runs.

An ingest run opens a :class:`StoreAssigner` on its store, labels each batch before it is
written (:meth:`StoreAssigner.label`) and saves the clusterer's state when it ends
(:meth:`StoreAssigner.save`), so the next run continues the same stories without re-reading
every article. The saved state is trusted only if it agrees with the store (the same article
-> story pairs); otherwise (an interrupted run, stories set by hand, an older Parallax) the
clusterer is rebuilt from the stored articles with :meth:`StoryClusterer.seed`. Stored
articles without a story (ingested by a version before clustering, or with stories off) are
assigned on open, so after an ingest every stored article has a story. When the clusterer merges
two stories while assigning a batch, the stored articles of the merged-away story are moved to the
one that absorbed it in the same run.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import Article
from ..store import Store
from .online import StoryClusterer

__all__ = ["STATE_KEY", "StoreAssigner"]

#: The store meta key of the clusterer's state (zlib-compressed JSON of ``state_dict()``).
STATE_KEY = "cluster_state"


def _encode(clusterer: StoryClusterer) -> bytes:
    text = json.dumps(clusterer.state_dict(), separators=(",", ":"), allow_nan=False)
    return zlib.compress(text.encode("utf-8"), 1)


def _decode(blob: bytes) -> StoryClusterer | None:
    try:
        return StoryClusterer.from_state(json.loads(zlib.decompress(blob).decode("utf-8")))
    except (ValueError, KeyError, TypeError, zlib.error):
        return None  # unreadable or from another state version: rebuilt from the articles


@dataclass(slots=True)
class StoreAssigner:
    """Assigns stories to the articles of one ingest run, continuing the store's stories."""

    clusterer: StoryClusterer
    rebuilt: bool = False  # the saved state was missing or stale: rebuilt from stored articles
    backfilled: int = 0  # stored articles without a story that were assigned on open
    dirty: bool = field(default=False, repr=False)

    @classmethod
    def open(cls, store: Store, *, clusterer: StoryClusterer | None = None) -> StoreAssigner:
        """The assigner for ``store``: its saved state when it agrees with the stored stories, else
        ``clusterer`` (default :class:`StoryClusterer()`) seeded from them."""
        stored = store.story_assignments()
        saved = store.get_meta(STATE_KEY)
        restored = _decode(saved) if saved is not None and clusterer is None else None
        if restored is not None and restored.assignments_ == stored:
            self = cls(restored)
        else:
            fresh = clusterer if clusterer is not None else StoryClusterer()
            if stored:
                fresh.seed(a for a in store.articles() if a.story)
            else:
                fresh.partial_fit([])
            self = cls(fresh, rebuilt=saved is not None or bool(stored))
            self.dirty = True
        missing = store.unassigned()
        if missing:
            labels = self.clusterer.assign(missing)
            store.set_stories(zip((a.id for a in missing), labels))
            self._restory_moved(store)
            self.backfilled = len(missing)
            self.dirty = True
        return self

    def label(self, batch: Sequence[Article], store: Store) -> list[Article]:
        """``batch`` with each article's ``story`` set, learning from the articles the store will add.

        Articles whose content the store already holds are left as they are (they will be counted as
        duplicates and not stored); a new revision of a known article stays in that article's story;
        an id repeated within the batch takes the story of its first occurrence.
        """
        known = store.known_hashes(a.content_hash for a in batch)
        story: dict[str, str] = {}
        fresh: list[Article] = []
        hashes: set[str] = set()
        for article in batch:
            if article.content_hash in known or article.content_hash in hashes or article.id in story:
                continue
            hashes.add(article.content_hash)
            previous = self.clusterer.story_of(article.id)
            if previous is not None:
                story[article.id] = previous
            else:
                story[article.id] = ""
                fresh.append(article)
        if fresh:
            for article, label in zip(fresh, self.clusterer.assign(fresh)):
                story[article.id] = label
            resolve = self.clusterer.resolve  # a known article's story may have been merged meanwhile
            story = {article_id: resolve(label) for article_id, label in story.items()}
            self._restory_moved(store)
            self.dirty = True
        return [a.replace(story=story[a.id]) if a.id in story else a for a in batch]

    def _restory_moved(self, store: Store) -> None:
        """Give stored articles the story theirs was merged into (consolidation while assigning), so
        the store and the clusterer's state keep agreeing."""
        moved = self.clusterer.moved_
        if moved:
            assignments = self.clusterer.assignments_
            store.set_stories((aid, assignments[aid]) for aid in moved)

    def save(self, store: Store) -> None:
        """Keep the clusterer's state in ``store`` (a no-op when nothing changed)."""
        if self.dirty:
            store.set_meta(STATE_KEY, _encode(self.clusterer))
            self.dirty = False
