"""Reading articles' terms in worker processes while the clusterer's own process clusters.

The words of an article (:func:`~parallax.represent.text.article_terms`) do not depend on what the
clusterer has seen, so they can be read ahead in other processes; their weights do (the IDF is
learned in stream order), so everything after reading stays in the clusterer's process, and the
result is the same as reading in process.

Terms cross the process boundary as integers: a term string arriving from another process is a new
object whose hash is not computed yet, and re-hashing and interning every term of every article
cost the clusterer's process more than reading the article itself. Each worker numbers the terms it
has met (its *vocabulary*) and sends each new term's text once; the reader keeps, per worker, the
list from number to the (interned) term, so an article arrives as lists of small integers and
counts and is turned back into term bags with list look-ups.
"""

from __future__ import annotations

import os
import sys
import weakref
from collections.abc import Iterator, Sequence
from functools import partial
from itertools import islice

from ..backends.local import LocalPool
from ..model import Article
from ..represent.text import ArticleTerms, Memo, article_terms

__all__ = ["TermReader"]

#: Articles sent to a worker at a time.
CHUNK = 32
#: Terms a worker numbers before it starts a new vocabulary (and the stemmer's memo: words it
#: remembers before starting over), so a long crawl's vocabulary never fills memory.
VOCABULARY_LIMIT = 1_000_000

#: A bag coded for the trip: the term numbers and their counts, in the bag's order.
_Coded = tuple[list[int], list[int]]


class _Vocabulary(dict[str, int]):
    """term -> number, numbering each new term as it is looked up and noting it in ``new``."""

    def __init__(self) -> None:
        super().__init__()
        self.new: list[str] = []

    def __missing__(self, term: str) -> int:
        number = self[term] = len(self)
        self.new.append(term)
        return number


class _WorkerState:
    """What one worker process keeps between chunks: the stemmer's memo and its vocabulary."""

    def __init__(self) -> None:
        self.memo: Memo = {}
        self.vocabulary = _Vocabulary()
        self.generation = 0  # bumped when the vocabulary starts over


#: The state of the worker process this module runs in (created in the worker on its first chunk;
#: never read by the clusterer's own process).
_STATE: list[_WorkerState] = []


def _read_chunk(
    articles: Sequence[Article], lead_words: int
) -> tuple[tuple[int, int], int, list[str], list[tuple[_Coded, _Coded, _Coded, _Coded]]]:
    """Read a chunk in a worker: ``((pid, generation), first new number, new terms, coded articles)``."""
    if not _STATE:
        _STATE.append(_WorkerState())
    state = _STATE[0]
    if len(state.vocabulary) > VOCABULARY_LIMIT:
        state.vocabulary = _Vocabulary()
        state.generation += 1
    if len(state.memo) > VOCABULARY_LIMIT:
        state.memo.clear()
    vocabulary = state.vocabulary
    start = len(vocabulary)
    number = vocabulary.__getitem__
    coded = []
    for article in articles:
        terms = article_terms(article, lead_words=lead_words, memo=state.memo)
        coded.append(tuple((list(map(number, bag)), list(bag.values()))
                           for bag in (terms.title, terms.lead, terms.body, terms.entities)))  # fmt: skip
    new, vocabulary.new = vocabulary.new, []
    return (os.getpid(), state.generation), start, new, coded  # type: ignore[return-value]


def _chunks(articles: Sequence[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while chunk := list(islice(it, size)):
        yield chunk


class TermReader:
    """Reads the terms of articles in ``processes`` worker processes, in order (see the module
    docstring). Owned by one clusterer; :meth:`close` stops the processes (they also stop when
    the reader is collected)."""

    def __init__(self, processes: int, lead_words: int) -> None:
        self.processes = processes
        self.lead_words = lead_words
        self._pool = LocalPool(workers=processes, chunksize=1, window=3)
        self._tables: dict[tuple[int, int], list[str]] = {}  # (pid, generation) -> number -> term
        weakref.finalize(self, self._pool.close)

    def read(self, articles: Sequence[Article]) -> Iterator[ArticleTerms]:
        """The terms of ``articles``, in order, as :func:`article_terms` gives them."""
        results = self._pool.map(partial(_read_chunk, lead_words=self.lead_words), _chunks(articles, CHUNK))
        tables, intern = self._tables, sys.intern
        try:
            for key, start, new, coded in results:
                table = tables.get(key)
                if table is None:
                    if key[1] > 0:  # that worker started a new vocabulary: its old one is done with
                        tables.pop((key[0], key[1] - 1), None)
                    table = tables[key] = []
                if len(table) != start:
                    raise RuntimeError(f"term reader: worker {key} sent terms from {start}, {len(table)} known")
                table.extend(map(intern, new))
                term = table.__getitem__
                for bags in coded:
                    title, lead, body, entities = (dict(zip(map(term, ids), counts)) for ids, counts in bags)
                    yield ArticleTerms(title=title, lead=lead, body=body, entities=entities)
        except BaseException:
            # a batch left half read (the clusterer failed, or stopped taking terms): the workers have
            # numbered terms of chunks it never took, so their vocabularies and the tables disagree;
            # stop them, and the next batch starts afresh (read to its end, a batch keeps them)
            self.close()
            raise

    def close(self) -> None:
        """Stop the worker processes (a later :meth:`read` starts new ones)."""
        self._pool.close()
        self._tables.clear()  # new processes may reuse a pid

    def __enter__(self) -> TermReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
