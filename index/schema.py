"""The Whoosh schema: what search needs and nothing more.

Only the id is stored in Whoosh; titles, bodies and everything shown come from the
article records in SQLite, so the index stays small and quick to open.
"""

from __future__ import annotations

import re

from whoosh.analysis import STOP_WORDS, StandardAnalyzer
from whoosh.fields import DATETIME, ID, KEYWORD, TEXT, Schema

SEARCH_FIELDS = ("title", "body")
"""Fields a bare word is looked up in. ``body`` also holds the title, summary, authors,
outlet and source names, so a bare word costs two posting lists instead of five, while
``title`` keeps its boost."""

QUERY_FIELDS = ("title", "body", "author", "outlet", "source", "figure", "published", "id")
"""Fields a user may name as ``field:value``."""


_TOKEN = re.compile(r"\w+(?:\.?\w+)*")
"""Whoosh's default tokenizer pattern, without its capturing group."""


def index_tokens(text: str) -> list[str]:
    """The tokens StandardAnalyzer(minsize=1) makes of ``text``, in order.

    Passing these lists to Whoosh instead of text lets ingest tokenize once for both
    the body and its word pairs, in the worker processes.
    """
    return [t for t in (m.lower() for m in _TOKEN.findall(text)) if t not in STOP_WORDS]


def word_pairs(tokens: list[str]) -> list[str]:
    """Adjacent token pairs ("north korean", "korean troops"): phrase search by lookup."""
    return [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)]


def make_schema() -> Schema:
    analyzer = StandardAnalyzer(minsize=1)
    return Schema(
        id=ID(stored=True, unique=True),
        title=TEXT(analyzer=analyzer, field_boost=2.0),
        body=TEXT(analyzer=analyzer),
        pairs=KEYWORD(scorable=False),
        # Adjacent word pairs of ``body``. A quoted phrase becomes a lookup of its
        # pairs instead of a scan of word positions in every document holding its
        # words, which Whoosh does in Python and which took 0.3 s at 10k articles.
        author=TEXT(analyzer=analyzer),
        outlet=TEXT(analyzer=analyzer),
        source=TEXT(analyzer=analyzer),
        figure=TEXT(analyzer=analyzer, phrase=False),
        published=DATETIME(sortable=True),
        hash=ID(),
    )
