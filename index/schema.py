"""The Whoosh schema: what search needs and nothing more.

Only the id is stored in Whoosh; titles, bodies and everything shown come from the
article records in SQLite, so the index stays small and quick to open.
"""

from __future__ import annotations

import re

from whoosh.analysis import STOP_WORDS, StandardAnalyzer
from whoosh.fields import DATETIME, ID, TEXT, Schema

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

    Ingest hands Whoosh these lists instead of text, so tokenizing happens in the
    worker processes that clean and extract, not in the indexing ones.
    """
    return [t for t in map(str.lower, _TOKEN.findall(text)) if t not in STOP_WORDS]


def make_schema() -> Schema:
    analyzer = StandardAnalyzer(minsize=1)
    return Schema(
        id=ID(stored=True, unique=True),
        title=TEXT(analyzer=analyzer, field_boost=2.0),
        body=TEXT(analyzer=analyzer),
        author=TEXT(analyzer=analyzer),
        outlet=TEXT(analyzer=analyzer),
        source=TEXT(analyzer=analyzer),
        figure=TEXT(analyzer=analyzer, phrase=False),
        published=DATETIME(sortable=True),
        hash=ID(),
    )
