"""Backends run the per-article work (cleaning, annotation) over a stream of inputs.

One seam, :class:`Backend`, with one method: ``map(fn, items)`` yields ``fn(item)`` for
every item, in input order, holding only a bounded window of items in memory.
:class:`SerialBackend` runs in process (and is the fake for tests);
:class:`LocalBackend` spreads the work over a process pool started per call, :class:`LocalPool`
over one that lives until it is closed; :class:`~parallax.backends.spark.SparkBackend` (optional
PySpark) over Apache Spark executors.
"""

from .local import Backend, LocalBackend, LocalPool, SerialBackend, make_backend
from .spark import SparkBackend

__all__ = ["Backend", "LocalBackend", "LocalPool", "SerialBackend", "SparkBackend", "make_backend"]
