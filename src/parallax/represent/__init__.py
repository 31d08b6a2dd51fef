"""Representations of articles for comparison: term bags and online TF-IDF vectors."""

from __future__ import annotations

from .text import STOP_WORDS, ArticleTerms, article_terms, stem, tokens
from .tfidf import OnlineIdf, SparseVector, add_into, cosine_of_sums, cosine_to_sum, top_terms, weigh

__all__ = [
    "STOP_WORDS",
    "ArticleTerms",
    "OnlineIdf",
    "SparseVector",
    "add_into",
    "article_terms",
    "cosine_of_sums",
    "cosine_to_sum",
    "stem",
    "tokens",
    "top_terms",
    "weigh",
]
