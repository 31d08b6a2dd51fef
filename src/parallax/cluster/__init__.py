"""Story clustering: group a stream of articles into stories, online and in near-linear time.

* :class:`StoryClusterer` -- the online clusterer (scikit-learn style; see :mod:`.online`).
* :func:`summarize_stories` -- size, outlets, time span, top entities and a label per story.
* :func:`bcubed`, :func:`pairwise` -- quality against gold labels (:mod:`.metrics`).
"""

from __future__ import annotations

from .metrics import bcubed, pairwise
from .online import StoryClusterer, StoryState, parse_published, story_id_for
from .summary import StorySummary, summarize_stories

__all__ = [
    "StoryClusterer",
    "StoryState",
    "StorySummary",
    "bcubed",
    "pairwise",
    "parse_published",
    "story_id_for",
    "summarize_stories",
]
