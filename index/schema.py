"""The Whoosh schema: what search needs and nothing more.

Only the id is stored in Whoosh; titles, bodies and everything shown come from the
article records in SQLite, so the index stays small and quick to open. Two columns
serve search: ``published`` (sorting, date ranges) and ``pairs`` (each article's
signature of adjacent words, which rules documents out of a phrase search cheaply).
"""

from __future__ import annotations

import re
import zlib
from itertools import pairwise

from whoosh.analysis import STOP_WORDS, StandardAnalyzer
from whoosh.columns import FixedBytesColumn
from whoosh.fields import COLUMN, DATETIME, ID, TEXT, Schema

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


PAIR_BITS = 4096
"""Bits in an article's signature of adjacent word pairs (512 bytes an article)."""

PAIR_FIELDS = ("title", "body")
"""Fields whose adjacent words all stand next to each other in ``body``'s tokens."""


def pair_bit(first: str, second: str) -> int:
    """The signature bit of two adjacent tokens: CRC-32 of "first second", so the same
    in every process and Python version."""
    return zlib.crc32(f"{first} {second}".encode()) % PAIR_BITS


def pair_signature(tokens: list[str]) -> bytes:
    """A one-hash Bloom filter of the token list's adjacent pairs.

    A phrase search checks a phrase's pairs against it before it decodes any word
    positions: a document without one of the bits cannot hold the phrase. An article
    of 600 distinct pairs sets about 14% of the bits, so most documents that have a
    phrase's words but not the phrase are ruled out at the cost of a byte lookup.
    """
    bits = bytearray(PAIR_BITS // 8)
    crc = zlib.crc32
    encoded = {token: token.encode() for token in tokens}
    heads = {token: crc(data + b" ") for token, data in encoded.items()}
    mask = PAIR_BITS - 1
    for first, second in set(pairwise(tokens)):
        bit = crc(encoded[second], heads[first]) & mask
        bits[bit >> 3] |= 1 << (bit & 7)
    return bytes(bits)


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
        pairs=COLUMN(FixedBytesColumn(PAIR_BITS // 8)),
    )
