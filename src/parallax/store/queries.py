"""Turning what a person types into an FTS5 query, and the SQL the store reads with.

By default search text is plain words: each whitespace-separated chunk becomes one quoted
FTS5 phrase (``al-Assad`` -> ``"al-Assad"``, i.e. the phrase "al assad"), inner double quotes
are doubled, and chunks without a letter or digit are dropped. Quoted phrases cannot carry
operators, column filters, prefixes or parentheses, so no input can raise or inject.
"""

from __future__ import annotations

import re

# A chunk the unicode61 tokenizer makes at least one token of: a letter or digit
# (underscore and other punctuation are separators for it).
_HAS_TOKEN = re.compile(r"[^\W_]")
# Control characters (NUL would end the query early inside FTS5) count as spaces.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

#: bm25 weights of the FTS columns (title, text): a word in the headline counts double.
BM25_WEIGHTS = (2.0, 1.0)

#: Snippet marks, ellipsis and length (in tokens) of :attr:`SearchHit.snippet`.
SNIPPET_OPEN, SNIPPET_CLOSE, SNIPPET_ELLIPSIS, SNIPPET_TOKENS = "[", "]", "…", 16


def plain_query(text: str) -> str | None:
    """The FTS5 query matching every word of ``text`` (implicit AND); None when it has no words."""
    chunks = _CONTROL.sub(" ", text).split()
    phrases = ['"' + chunk.replace('"', '""') + '"' for chunk in chunks if _HAS_TOKEN.search(chunk)]
    return " ".join(phrases) if phrases else None


# Only the latest revision of each article is searched and listed by default.
LATEST = "NOT EXISTS (SELECT 1 FROM articles AS newer WHERE newer.id = a.id AND newer.revision > a.revision)"

# ``rank MATCH 'bm25(...)'`` + ``ORDER BY rank`` lets FTS5 hand rows over best first, so the
# snippet is only built for the rows LIMIT keeps (about twice as fast as sorting on bm25()).
SEARCH = f"""
    SELECT a.id, a.title, a.outlet, a.published,
           snippet(articles_fts, -1, ?, ?, ?, ?) AS snippet,
           articles_fts.rank AS score
    FROM articles_fts
    JOIN articles AS a ON a.rowid = articles_fts.rowid
    WHERE articles_fts MATCH ? AND articles_fts.rank MATCH 'bm25({BM25_WEIGHTS[0]}, {BM25_WEIGHTS[1]})'
      AND {LATEST}
    ORDER BY articles_fts.rank
    LIMIT ?
"""

INSERT = """
    INSERT INTO articles (id, revision, content_hash, url, outlet, published, title, byline,
                          language, text, doc, story, ingested_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""

#: Most ``?`` parameters put in one ``IN (...)`` list (SQLite's historic limit is 999).
MAX_PARAMS = 500


def in_list(n: int) -> str:
    """``(?, ?, ..., ?)`` with ``n`` placeholders."""
    return "(" + ", ".join(["?"] * n) + ")"
