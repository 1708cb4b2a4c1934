"""BM25F ranking with each segment's field lengths read once, not once per hit.

Whoosh's BM25F looks up a document's field length for every hit it scores, through a
seek and a read on the segment's length column; for a word in half of 100,000 articles
that is a third of the search. This model reads each length column once (a byte per
document) and keeps it with the segment reader. Scores are Whoosh's own, to the bit.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
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


_NORMS: weakref.WeakKeyDictionary[Any, dict[tuple[str, float, float, float], list[float]]] = (
    weakref.WeakKeyDictionary()
)
"""Per segment reader: each document's BM25 length norm for a field and its constants."""


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
            self._reader = searcher.reader()
            self._field = fieldname
            self._lengths = (data, count)

    def score(self, matcher: Any) -> float:
        return self.score_weight(matcher.weight(), matcher.id())

    def score_weight(self, weight: float, docnum: int) -> float:
        """The score of a document where the term has this weight."""
        return float(bm25(self.idf, weight, self.dfl(docnum), self.avgfl, self.B, self.K1))

    def scores(self, ids: Sequence[int], weights: Any) -> list[float]:
        """``score_weight`` of many postings at once: Whoosh's ``bm25``, inlined.

        The part of BM25 that depends only on the document's length is worked out once
        per segment and field (the same expression, so the same bits); a posting then
        costs one lookup and three operations.
        """
        if getattr(self, "_lengths", None) is None:
            return [self.score_weight(w, d) for d, w in zip(ids, weights, strict=True)]
        idf, k1_plus_one, norms = self.idf, self.K1 + 1, self.norms()
        return [
            idf * ((w * k1_plus_one) / (w + norm))
            for w, norm in zip(weights, [norms[d] for d in ids], strict=True)
        ]

    def norms(self) -> list[float]:
        """``K1 * ((1 - B) + B * fl / avgfl)`` for every document of the segment (kept)."""
        avgfl, B, K1 = self.avgfl, self.B, self.K1
        key = (self._field, B, K1, avgfl)
        cached = _NORMS.setdefault(self._reader, {})
        if key not in cached:
            data, count = self._lengths
            table = _BYTE_LENGTHS
            lengths = [table[byte] or 1 for byte in data[:count]]
            lengths += [1] * (self._reader.doc_count_all() - len(lengths))
            cached[key] = [K1 * ((1 - B) + B * fl / avgfl) for fl in lengths]
        return cached[key]


class FastBM25F(BM25F):
    """Whoosh's BM25F, with field lengths read from memory."""

    def scorer(self, searcher: Any, fieldname: str, text: bytes, qf: float = 1) -> Any:
        if not searcher.schema[fieldname].scorable:
            return super().scorer(searcher, fieldname, text, qf)
        B = self._field_B.get(fieldname, self.B)
        return FastScorer(searcher, fieldname, text, B, self.K1, qf=qf)
