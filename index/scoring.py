"""BM25F ranking with each segment's field lengths read once, not once per hit.

Whoosh's BM25F looks up a document's field length for every hit it scores, through a
seek and a read on the segment's length column; for a word in half of 100,000 articles
that is a third of the search. This model reads each length column once (a byte per
document) and keeps it with the segment reader. Scores are Whoosh's own, to the bit.
"""

from __future__ import annotations

import weakref
from typing import Any

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.scoring import BM25F, BM25FScorer, bm25
from whoosh.util.numeric import byte_to_length

_BYTE_LENGTHS = [byte_to_length(b) for b in range(256)]
"""Whoosh stores a field length as one byte; this decodes it."""

_LENGTHS: weakref.WeakKeyDictionary[Any, dict[str, tuple[bytes, int] | None]] = (
    weakref.WeakKeyDictionary()
)
"""Per segment reader and field: the raw length bytes and how many documents they cover."""


def _length_bytes(reader: Any, fieldname: str) -> tuple[bytes, int] | None:
    cached = _LENGTHS.setdefault(reader, {})
    if fieldname not in cached:
        try:
            column = reader._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
            data = column._dbfile.get(column._basepos, column._count) if column else None
        except AttributeError:  # not a Whoosh 2.7 segment: use the slow path
            data = None
        cached[fieldname] = (data, len(data)) if data is not None else None
    return cached[fieldname]


class FastScorer(BM25FScorer):
    def __init__(
        self, searcher: Any, fieldname: str, text: bytes, B: float, K1: float, qf: float = 1
    ) -> None:
        super().__init__(searcher, fieldname, text, B, K1, qf=qf)
        found = _length_bytes(searcher.reader(), fieldname)
        if found is not None:
            data, count = found
            table = _BYTE_LENGTHS

            def dfl(docnum: int) -> int:
                # A zero byte, or a document past the column's end, has no length:
                # Whoosh's default of 1 then applies.
                return (table[data[docnum]] or 1) if docnum < count else 1

            self.dfl = dfl
            self._lengths = (data, count)

    def score(self, matcher: Any) -> float:
        return self.score_weight(matcher.weight(), matcher.id())

    def score_weight(self, weight: float, docnum: int) -> float:
        """The score of a document where the term has this weight."""
        return float(bm25(self.idf, weight, self.dfl(docnum), self.avgfl, self.B, self.K1))

    def scores(self, ids: tuple[int, ...], weights: Any) -> list[float]:
        """``score_weight`` of a block of postings at once: Whoosh's ``bm25``, inlined."""
        idf, avgfl, B, K1 = self.idf, self.avgfl, self.B, self.K1
        lengths = getattr(self, "_lengths", None)
        if lengths is None:
            return [self.score_weight(w, d) for d, w in zip(ids, weights, strict=True)]
        data, count = lengths
        table = _BYTE_LENGTHS
        return [
            idf * ((w * (K1 + 1)) / (w + K1 * ((1 - B) + B * fl / avgfl)))
            for w, fl in zip(
                weights,
                [(table[data[d]] or 1) if d < count else 1 for d in ids],
                strict=True,
            )
        ]


class FastBM25F(BM25F):
    """Whoosh's BM25F, with field lengths read from memory."""

    def scorer(self, searcher: Any, fieldname: str, text: bytes, qf: float = 1) -> Any:
        if not searcher.schema[fieldname].scorable:
            return super().scorer(searcher, fieldname, text, qf)
        B = self._field_B.get(fieldname, self.B)
        return FastScorer(searcher, fieldname, text, B, self.K1, qf=qf)
