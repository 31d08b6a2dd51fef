"""Reading inputs: files, folders, globs and stdin in every common news format.

:func:`read_inputs` is the one entry point the rest of Parallax uses. Formats are sniffed
from content (:func:`sniff`), not trusted from extensions: plain text, HTML, JSON Lines (or
a JSON array), RSS/Atom/RDF feeds and WARC archives, each optionally gzipped. Each article
comes out as a :class:`~parallax.model.RawDocument`; each input that cannot be read as an
:class:`~parallax.model.IngestFailure` naming the file, the record and the reason.
"""

from __future__ import annotations

from .paths import InputRef, expand_paths
from .reader import read_file, read_inputs, read_stream
from .sniff import binary_kind, sniff

__all__ = ["InputRef", "binary_kind", "expand_paths", "read_file", "read_inputs", "read_stream", "sniff"]
