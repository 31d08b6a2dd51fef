"""Backends keep input order and bounded memory, in process and on a process pool."""

from __future__ import annotations

import itertools

from parallax.backends import LocalBackend, SerialBackend, make_backend


def _square(x: int) -> int:
    return x * x


def test_backends_serial_and_pool_give_the_same_ordered_results():
    items = list(range(200))
    expected = [x * x for x in items]
    assert list(SerialBackend().map(_square, items)) == expected
    assert list(LocalBackend(workers=2, chunksize=7).map(_square, items)) == expected


def test_backends_pool_consumes_an_endless_stream_lazily():
    results = LocalBackend(workers=2, chunksize=4, window=2).map(_square, itertools.count())
    assert list(itertools.islice(results, 10)) == [x * x for x in range(10)]


def test_backends_make_backend_picks_serial_for_one_worker():
    assert isinstance(make_backend(1), SerialBackend)
    assert isinstance(make_backend(2), LocalBackend)


def test_backends_spark_without_pyspark_names_the_extra_to_install(monkeypatch):
    import sys

    import pytest

    from parallax.backends import SparkBackend
    from parallax.errors import ConfigError

    monkeypatch.setitem(sys.modules, "pyspark.sql", None)  # import fails as if PySpark were absent
    with pytest.raises(ConfigError, match=r"pip install 'parallax\[spark\]'"):
        list(SparkBackend().map(_square, [1, 2]))


def test_backends_an_unknown_backend_is_a_config_error():
    import pytest

    from parallax.config import Settings
    from parallax.errors import ConfigError

    with pytest.raises(ConfigError, match="local, spark"):
        Settings(backend="dask")
    with pytest.raises(ValueError, match="unknown backend"):
        make_backend(1, "dask")
