"""Queries answered a segment at a time, from whole posting lists read a block at a time.

Whoosh answers ``people`` (title OR body) by stepping a union matcher over every
matching document: eight method calls and a score a document, about 8 µs, so a word in
half of 10,000 articles costs 40 ms. Most queries people type are words, phrases,
AND, OR, NOT, fields and date ranges; for those, this module reads each word's posting
list a block at a time, scores a block in one comprehension, and combines the words as
dictionaries {docnum: score} in C. What comes out is the segment's whole answer as a
scored list; anything else (wildcards, boosts, scaled ORs) is left to Whoosh.

Scores are Whoosh's, to the bit: each word's BM25F is the same expression, and the
words' scores are added in the order Whoosh's tree of union and intersection matchers
adds them (``make_binary_tree`` for OR, ``make_weighted_tree`` for AND).
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from whoosh import query
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching import FilterMatcher, ListMatcher, NullMatcher
from whoosh.util import make_binary_tree

Scores = dict[int, float]
"""One segment's answer: document number to score."""


def leaf(m: Any) -> tuple[Any, Collection[int]] | None:
    """Whoosh 2.7's leaf matcher at the start of its list, and the deleted documents.

    None for any other matcher (another codec, a boost): the caller falls back.
    """
    deleted: Collection[int] = ()
    if type(m) is FilterMatcher and m._exclude:
        deleted, m = m._ids, m.child
        if type(m) is W3LeafMatcher:
            m.reset()  # the filter may have stepped past deleted documents
    if type(m) is not W3LeafMatcher or m._i != 0 or m._atend:
        return None
    return m, deleted


def blocks(m: Any, *, values: bool) -> Iterator[tuple[tuple[int, ...], Any, Any]]:
    """(ids, weights, values or None) of each block of a leaf matcher, to the end."""
    while m.is_active():
        if m._data is None:
            m._read_data()
        ids = m._data[0]
        # Whoosh's own _read_ids undoes the deltas in a Python generator.
        m._ids = tuple(ids) if m._byteids else tuple(accumulate(ids))
        m._read_weights()
        if values:
            m._read_values()
        yield m._ids, m._weights, (m._values if values else None)
        m._next_block()


def term_scores(m: Any) -> Scores | None:
    """A word's documents and BM25F scores in one segment, or None to fall back."""
    found = leaf(m)
    if found is None:
        return None
    m, deleted = found
    weights_to_scores = getattr(m.scorer, "scores", None)
    if weights_to_scores is None:
        return None
    scores: Scores = {}
    for ids, weights, _ in blocks(m, values=False):
        scores.update(zip(ids, weights_to_scores(ids, weights), strict=True))
    for doc in deleted:
        scores.pop(doc, None)
    return scores


def _union(a: Scores, b: Scores) -> Scores:
    """A union matcher's answer: a document in both gets a's score + b's."""
    if len(a) < len(b):
        merged = dict(b)
        for doc, score in a.items():
            merged[doc] = score + merged[doc] if doc in merged else score
        return merged
    merged = dict(a)
    for doc, score in b.items():
        merged[doc] = merged[doc] + score if doc in merged else score
    return merged


@dataclass(frozen=True, slots=True)
class _Without:
    """A NOT inside an AND: every document but ``excluded``, each scoring ``weight``."""

    excluded: frozenset[int]
    weight: float = 1.0


def _intersect(a: Scores | _Without, b: Scores | _Without) -> Scores | _Without:
    """An intersection matcher's answer: the documents in both, scoring a's + b's."""
    if isinstance(a, _Without) and isinstance(b, _Without):
        return _Without(a.excluded | b.excluded, a.weight + b.weight)
    if isinstance(b, _Without):
        assert isinstance(a, dict)
        return {d: s + b.weight for d, s in a.items() if d not in b.excluded}
    if isinstance(a, _Without):
        return {d: a.weight + s for d, s in b.items() if d not in a.excluded}
    if len(a) > len(b):
        return {d: a[d] + s for d, s in b.items() if d in a}
    return {d: s + b[d] for d, s in a.items() if d in b}


def _documents(q: Any, searcher: Any) -> frozenset[int] | None:
    """The documents a query matches in one segment, scores ignored."""
    answer = scores_of(q, searcher, None)
    if answer is not None:
        return frozenset(answer)
    m = q.matcher(searcher, searcher.boolean_context())
    return frozenset(m.all_ids()) if m.is_active() else frozenset()


def scores_of(q: Any, searcher: Any, context: Any) -> Scores | None:
    """The query's whole answer in one segment, or None when Whoosh must do it."""
    kind = type(q)
    if kind is query.Term:
        if q.boost != 1.0 or q.minquality:
            return None
        m = q.matcher(searcher, context)
        return term_scores(m) if m.is_active() else {}
    if kind is query.Or:
        if q.boost != 1.0 or q.scale or not q.subqueries:
            return None
        parts = [scores_of(sub, searcher, context) for sub in q.subqueries]
        if any(part is None for part in parts):
            return None
        return make_binary_tree(_union, parts) if len(parts) > 1 else parts[0]
    if kind is query.And:
        if q.boost != 1.0 or not q.subqueries:
            return None
        if all(isinstance(sub, query.Not) for sub in q.subqueries):
            return None
        reader = searcher.reader()
        weighted: list[tuple[int, Scores | _Without]] = []
        for sub in q.subqueries:
            part: Scores | _Without | None
            if isinstance(sub, query.Not):
                excluded = _documents(sub.query, searcher)
                part = None if excluded is None else _Without(excluded)
            else:
                part = scores_of(sub, searcher, context)
            if part is None:
                return None
            weighted.append((0 - sub.estimate_size(reader), part))
        if len(weighted) == 1:
            answer = weighted[0][1]
        else:
            # make_weighted_tree, with ties kept in query order rather than compared.
            weighted.sort(key=lambda pair: pair[0])
            tree: list[tuple[int, int, Scores | _Without]] = [
                (w, n, part) for n, (w, part) in enumerate(weighted)
            ]
            serial = len(tree)
            while len(tree) > 1:
                (wa, _, a), (wb, _, b) = tree.pop(0), tree.pop(0)
                insort(tree, (wa + wb, serial, _intersect(a, b)), key=lambda t: (t[0], t[1]))
                serial += 1
            answer = tree[0][2]
        return answer if isinstance(answer, dict) else None
    if getattr(q, "answers_whole", False):
        # Phrases and date ranges: their matchers already hold the whole answer.
        m = q.matcher(searcher, context)
        if not m.is_active():
            return {}
        if type(m) is ScoredList and m._i == 0 and m.total == len(m._ids):
            return dict(zip(m._ids, m._weights, strict=True))
        if type(m) is ListMatcher and m._i == 0 and m._weights is None and m._all_weights:
            return dict.fromkeys(m._ids, float(m._all_weights))
    return None


class ScoredList(ListMatcher):
    """Documents with their final scores; the best score is worked out once, not per call.

    ``total`` is how many documents match when the list holds only the best of them (a
    first page); ``estimated`` says that number is an estimate.
    """

    def __init__(
        self,
        ids: list[int],
        weights: list[float],
        *,
        total: int | None = None,
        estimated: bool = False,
    ) -> None:
        super().__init__(ids, weights=weights)
        self._best = max(weights) if weights else 0.0
        self.total = len(ids) if total is None else total
        self.estimated = estimated

    def max_quality(self) -> float:
        return self._best

    def block_max_weight(self) -> float:
        return self._best

    def copy(self) -> ScoredList:
        copied = ScoredList(self._ids, self._weights, total=self.total, estimated=self.estimated)
        copied._i = self._i
        return copied

    @classmethod
    def of(cls, scores: Scores) -> Any:
        if not scores:
            return NullMatcher()
        ids = sorted(scores)
        return cls(ids, [scores[doc] for doc in ids])


class Bulk(query.WrappingQuery):
    """A query answered by :func:`scores_of` where it can be, by Whoosh where not."""

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        if getattr(self.child, "answers_whole", False):
            return self.child.matcher(searcher, context)
        scores = scores_of(self.child, searcher, context)
        if scores is None:
            return self.child.matcher(searcher, context)
        return ScoredList.of(scores)
