"""Exact phrases: documents whose words stand in a row, found a segment at a time.

Whoosh's phrase query nests intersection and span matchers and builds a Span object
per position. Here the words' posting lists are read a block at a time
(:mod:`index.bulk`), the documents with every word are intersected in C, and only
those have their positions decoded and compared. Scores are Whoosh's own: the sum of
the words' BM25F, added in the order of Whoosh's matcher tree.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import accumulate
from pickle import loads
from typing import Any

from whoosh import query
from whoosh.matching import Matcher, NullMatcher, UnionMatcher, WrappingMatcher
from whoosh.scoring import bm25

from index.bulk import ScoredList, blocks, leaf
from index.scoring import FastScorer


class PhraseMatcher(Matcher):
    """Exact phrase matching: the words' postings walked in step, positions compared in C.

    Whoosh's phrase matcher nests intersection and span matchers and builds a Span
    object per position; this one moves the words' posting lists together in one loop
    and tests adjacency by intersecting shifted position sets. Scores are Whoosh's: the
    sum of the words' scores.
    """

    def __init__(self, ms: list[Any]) -> None:
        self.ms = ms
        self._active = all(m.is_active() for m in ms)
        self._settle()

    def _settle(self) -> None:
        """Move to the first document at or after the current one that has the phrase."""
        ms, first = self.ms, self.ms[0]
        while self._active:
            target = max(m.id() for m in ms)
            aligned = True
            for m in ms:
                if m.id() < target:
                    m.skip_to(target)
                    if not m.is_active():
                        self._active = False
                        return
                    if m.id() != target:
                        aligned = False
                        break
            if not aligned:
                continue
            if self._adjacent():
                return
            first.next()
            self._active = first.is_active()

    def _adjacent(self) -> bool:
        return _has_phrase([m.value() for m in self.ms], [m.weight() for m in self.ms])

    def is_active(self) -> bool:
        return self._active

    def id(self) -> int:
        return int(self.ms[0].id())

    def next(self) -> None:
        self.ms[0].next()
        self._active = self.ms[0].is_active()
        self._settle()

    def skip_to(self, id: int) -> None:
        if not self._active or id <= self.id():
            return
        self.ms[0].skip_to(id)
        self._active = self.ms[0].is_active()
        self._settle()

    def score(self) -> float:
        return _tree_sum([m.score() for m in self.ms])

    def weight(self) -> float:
        return _tree_sum([m.weight() for m in self.ms])

    def supports(self, astype: str) -> bool:
        return False

    def supports_block_quality(self) -> bool:
        return False

    def copy(self) -> PhraseMatcher:
        return PhraseMatcher([m.copy() for m in self.ms])

    def replace(self, minquality: float = 0) -> Any:
        return self if self._active else NullMatcher()

    def children(self) -> list[Any]:
        return []

    def term_matchers(self) -> Iterator[Any]:
        for m in self.ms:
            yield from m.term_matchers()


def _tree_sum(values: list[float]) -> float:
    """Sum in the order Whoosh's tree of intersection matchers adds, to the last bit."""
    if len(values) == 1:
        return float(values[0])
    half = len(values) // 2
    return _tree_sum(values[:half]) + _tree_sum(values[half:])


def _postings(m: Any) -> tuple[dict[int, tuple[float, bytes]], Any] | None:
    """{docnum: (weight, positions value)} of a whole posting list, and its scorer.

    Only for Whoosh 2.7's own leaf matcher; None otherwise.
    """
    found = leaf(m)
    if found is None:
        return None
    m, deleted = found
    postings: dict[int, tuple[float, bytes]] = {}
    for ids, weights, values in blocks(m, values=True):
        postings.update(zip(ids, zip(weights, values, strict=True), strict=True))
    for doc in deleted:
        postings.pop(doc, None)
    return postings, m.scorer


def _whole_phrase(ms: list[Any]) -> Any | None:
    """The phrase's documents and scores in one segment, worked out at once.

    Walking two posting lists a posting at a time costs ~9 µs a document in Python;
    reading them a block at a time and intersecting the document sets in C leaves only
    the matches to check, at ~4 µs. Scores are Whoosh's: the sum of the words' BM25F.
    """
    lists, scorers = [], []
    for m in ms:
        read = _postings(m)
        if read is None or not isinstance(read[1], FastScorer):
            return None
        lists.append(read[0])
        scorers.append(read[1])
    common = set(lists[0])
    for postings in lists[1:]:
        common.intersection_update(postings)
    ids: list[int] = []
    scores: list[float] = []
    if len(lists) == 2:  # most phrases, once stop words are gone: the loop spelled out
        first, second = lists
        one, two = scorers
        dfl, avgfl, b, k1 = one.dfl, one.avgfl, one.B, one.K1
        for doc in sorted(common):
            weight_one, value_one = first[doc]
            weight_two, value_two = second[doc]
            # _has_phrase, spelled out: a third of the time for the commonest words.
            if set(accumulate(loads(value_one[4:]))).isdisjoint(
                map(_BACK_ONE, accumulate(loads(value_two[4:])))
            ):
                continue
            length = dfl(doc)
            ids.append(doc)
            scores.append(
                bm25(one.idf, weight_one, length, avgfl, b, k1)
                + bm25(two.idf, weight_two, length, avgfl, b, k1)
            )
        return ScoredList(ids, weights=scores) if ids else NullMatcher()
    for doc in sorted(common):
        found = [postings[doc] for postings in lists]
        if _has_phrase([value for _, value in found], [weight for weight, _ in found]):
            ids.append(doc)
            scores.append(
                _tree_sum(
                    [
                        sc.score_weight(postings[doc][0], doc)
                        for sc, postings in zip(scorers, lists, strict=True)
                    ]
                )
            )
    if not ids:
        return NullMatcher()
    return ScoredList(ids, weights=scores)


def _has_phrase(values: list[bytes], counts: list[float] | None = None) -> bool:
    """Whether the words, given their position values in one document, stand in a row.

    The word with the fewest positions in the document (``counts``, its weights) gives
    the phrase's possible starts; every other word, fewest first, keeps those it fits,
    and the first to keep none ends the check before the commonest words are decoded.
    """
    order = sorted(range(len(values)), key=(counts or [0.0] * len(values)).__getitem__)
    first = order[0]
    starts = [p - first for p in _positions(values[first])]
    for offset in order[1:]:
        found = set(_positions(values[offset]))
        starts = [s for s in starts if s + offset in found]
        if not starts:
            return False
    return True


def _positions(value: bytes) -> Iterator[int]:
    """A posting's positions, decoded as Whoosh's ``Positions`` format does, in C:
    a 4-byte count, then the pickled list of gaps between positions."""
    return accumulate(loads(value[4:]))


_BACK_ONE = (-1).__add__


class ExactPhrase(query.Phrase):
    answers_whole = True

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        reader = searcher.reader()
        field = searcher.schema[self.fieldname]
        terms = []
        for word in self.words:
            btext = field.to_bytes(word)
            if (self.fieldname, btext) not in reader:
                return NullMatcher()
            terms.append(query.Term(self.fieldname, btext))
        ms = [t.matcher(searcher, context) for t in terms]
        matcher = _whole_phrase(ms) or PhraseMatcher(ms)
        if self.boost != 1.0:
            return WrappingMatcher(matcher, boost=self.boost)
        return matcher


class PhraseInFields(query.Or):
    """A phrase looked up in title and body, with the two answers merged at once.

    The parser asks for a bare phrase in both fields; merging two scored lists here
    saves a union matcher stepping through every match. Scores are Whoosh's: a
    document in both gets title score + body score.
    """

    answers_whole = True

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        first, second = (q.matcher(searcher, context) for q in self.subqueries)
        if not isinstance(first, ScoredList) and not first.is_active():
            return second
        if not isinstance(second, ScoredList) and not second.is_active():
            return first
        if not (isinstance(first, ScoredList) and isinstance(second, ScoredList)):
            return UnionMatcher(first, second)
        merged = dict(zip(first._ids, first._weights, strict=True))
        for doc, score in zip(second._ids, second._weights, strict=True):
            merged[doc] = merged[doc] + score if doc in merged else score
        ids = sorted(merged)
        return ScoredList(ids, [merged[doc] for doc in ids])
