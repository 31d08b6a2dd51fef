"""Reading terms in worker processes (``StoryClusterer(workers=N)``): the same terms, stories and state
as reading in process, in order, across batches and vocabulary restarts."""

from __future__ import annotations

import pickle

import pytest

from parallax.cluster import StoryClusterer, online, reader
from parallax.cluster.reader import TermReader
from parallax.model import Article, Entity
from parallax.represent.text import article_terms

from conftest import CORPUS  # type: ignore[import-not-found]
from test_cluster_split import RESIGN, SPILL, TRIAL  # type: ignore[import-not-found]


ASSAD = Entity("Bashar al-Assad", "person", aliases=("Assad",))


def _stream(copies: int) -> list[Article]:
    """The fixture stories told again ``copies`` times, a year apart each time, under new ids."""
    base = [a for a, _ in CORPUS] + SPILL + RESIGN + TRIAL
    out = []
    for k in range(copies):
        for a in base:
            published = a.published.replace("2031", str(2031 + k)) if a.published else None
            out.append(a.replace(id=f"{a.id}-{k}", published=published))
    return out


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(online, "_PARALLEL_MIN", 2)  # send even the fixtures' small batches
    monkeypatch.setattr(reader, "CHUNK", 3)  # and many chunks per batch


def test_reader_gives_the_terms_an_article_has_when_read_in_process() -> None:
    articles = [
        *(a for a, _ in CORPUS),
        Article(id="u", title="Café Zürich “reopens”", text="Kim’s “offer” — made in Seoul… Café opened."),
        Article(id="e", text="Assad spoke.", entities=(ASSAD,)),
        Article(id="empty", text=""),
    ]
    with TermReader(2, lead_words=7) as terms_reader:
        got = list(terms_reader.read(articles))
        again = list(terms_reader.read(articles))  # a second batch: the workers' vocabularies are known
    assert got == again == [article_terms(a, lead_words=7) for a in articles]
    assert [list(t.body) for t in got] == [list(article_terms(a, lead_words=7).body) for a in articles]


def test_reader_workers_give_the_same_stories_and_state_as_one_process(small_batches: None) -> None:
    articles = _stream(3)
    serial = StoryClusterer()
    with StoryClusterer(workers=3) as parallel:
        for start in range(0, len(articles), 17):  # several batches, each in several chunks
            serial.partial_fit(articles[start : start + 17])
            parallel.partial_fit(articles[start : start + 17])
            assert parallel.moved_ == serial.moved_
        assert parallel.labels_ == serial.labels_
        assert parallel.state_dict() == serial.state_dict()
    assert len(set(serial.labels_)) >= 5 and serial.splits_  # the stream exercises splits too


def test_reader_keeps_terms_right_when_a_worker_starts_a_new_vocabulary(
    small_batches: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader, "VOCABULARY_LIMIT", 40)  # the workers start over every chunk or two
    articles = _stream(2)
    with StoryClusterer(workers=2) as parallel:
        labels = parallel.fit_predict(articles)
    assert labels == StoryClusterer().fit_predict(articles)


def test_reader_batches_read_in_process_and_by_the_workers_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(online, "_PARALLEL_MIN", 10)  # batches of 10 or more go to the workers
    monkeypatch.setattr(reader, "CHUNK", 4)
    articles = _stream(3)
    serial = StoryClusterer()
    with StoryClusterer(workers=2) as parallel:
        start = 0
        for size in (12, 3, 15, 5, 1, 20, 11, 30):  # sent, in process, sent, ...
            serial.partial_fit(articles[start : start + size])
            parallel.partial_fit(articles[start : start + size])
            start += size
        parallel.fit(articles[:25])  # starting over
        serial.fit(articles[:25])
        parallel.partial_fit(articles[25:60])
        serial.partial_fit(articles[25:60])
        assert parallel.labels_ == serial.labels_
        assert parallel.state_dict() == serial.state_dict()


def test_reader_a_batch_that_fails_half_way_does_not_break_the_next(
    small_batches: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = _stream(2)
    serial = StoryClusterer().partial_fit(articles[:20])
    with StoryClusterer(workers=2) as parallel:
        calls = 0
        add = StoryClusterer._add

        def failing(self: StoryClusterer, *args: object, **kwargs: object) -> str:
            nonlocal calls
            calls += 1
            if calls == 5:
                raise RuntimeError("stop")
            return add(self, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(StoryClusterer, "_add", failing)
        with pytest.raises(RuntimeError, match="stop"):
            parallel.partial_fit(articles[:20])  # the workers read chunks the clusterer never took
        monkeypatch.setattr(StoryClusterer, "_add", add)
        parallel.fit(articles[:20])
        assert parallel.labels_ == serial.labels_
        assert parallel.state_dict() == serial.state_dict()


def test_reader_keeps_its_workers_between_batches(small_batches: None) -> None:
    with StoryClusterer(workers=2) as parallel:
        parallel.partial_fit(SPILL)
        pool = parallel.__dict__["_reader"]._pool._pool
        parallel.partial_fit(RESIGN)  # each batch is read to its end: the same processes go on
        assert parallel.__dict__["_reader"]._pool._pool is pool is not None


def test_reader_small_batches_are_read_in_process() -> None:
    clusterer = StoryClusterer(workers=2)
    clusterer.partial_fit(SPILL)  # below the batch size worth sending: no process is started
    assert "_reader" not in clusterer.__dict__


def test_reader_a_clusterer_with_workers_pickles_and_closes(small_batches: None) -> None:
    clusterer = StoryClusterer(workers=2).partial_fit(SPILL)
    assert clusterer.__dict__.get("_reader") is not None
    copy = pickle.loads(pickle.dumps(clusterer))  # the processes stay with the original
    assert copy.state_dict() == clusterer.state_dict()
    assert copy.assign(RESIGN) == clusterer.assign(RESIGN)
    clusterer.close()
    clusterer.close()  # twice is fine
    assert clusterer.assign(TRIAL) == copy.assign(TRIAL)  # a later batch starts them again
    clusterer.close()


@pytest.mark.parametrize("workers", ["2", 1.5, True])
def test_reader_workers_must_be_a_whole_number(workers: object) -> None:
    with pytest.raises(ValueError, match="workers"):
        StoryClusterer(workers=workers).fit(SPILL)  # type: ignore[arg-type]
