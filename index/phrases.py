"""Exact phrases: documents whose words stand in a row, found a segment at a time.

Whoosh's phrase query nests intersection and span matchers and builds a Span object
per position. Here the words' posting lists are read a block at a time
(:mod:`index.bulk`), the documents with every word are intersected in C, and only
those have their positions decoded and compared. Scores are Whoosh's own: the sum of
the words' BM25F, added in the order of Whoosh's matcher tree.
"""

from __future__ import annotations

import copy
import functools
import heapq
import itertools
import weakref
from collections.abc import Callable, Iterator
from itertools import accumulate
from operator import add
from pickle import loads
from typing import Any

from whoosh import query
from whoosh.matching import Matcher, NullMatcher, UnionMatcher, WrappingMatcher

from index.bulk import ScoredList, blocks, leaf
from index.schema import PAIR_BITS, PAIR_FIELDS, pair_bit
from index.scoring import FastScorer

_SIGNATURES: weakref.WeakKeyDictionary[Any, bytes | None] = weakref.WeakKeyDictionary()
"""Per segment reader: its articles' pair signatures, end to end (``pairs`` column)."""


def segment_signatures(reader: Any) -> bytes | None:
    """The segment's pair signatures, read once; None when it has none to read."""
    if reader not in _SIGNATURES:
        data = None
        try:
            if reader.has_column("pairs"):
                column = reader.column_reader("pairs", translate=False)
                data = column._dbfile.get(column._basepos, column._count * column._fixedlen)
        except AttributeError:  # not a Whoosh 2.7 segment: no quick path
            data = None
        _SIGNATURES[reader] = data
    return _SIGNATURES[reader]


def _with_pairs(docs: list[int], signatures: bytes, bits: set[int]) -> list[int]:
    """The documents whose pair signature has every one of ``bits``."""
    size = PAIR_BITS // 8
    count = len(signatures) // size
    for bit in bits:
        offset, mask = bit >> 3, 1 << (bit & 7)
        docs = [d for d in docs if d >= count or signatures[d * size + offset] & mask]
    return docs


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


SAMPLE = 100
"""Candidates checked, spread evenly over a segment, to estimate a phrase's count."""


def _whole_phrase(
    ms: list[Any],
    top: int | None = None,
    bonus: dict[int, float] | None = None,
    prefilter: Callable[[list[int]], list[int]] | None = None,
) -> Any | None:
    """The phrase's documents and scores in one segment, worked out at once.

    Walking two posting lists a posting at a time costs ~9 µs a document in Python;
    reading them a block at a time and intersecting the document sets in C leaves only
    the documents with every word to check, at ~4 µs. Scores are Whoosh's: the sum of
    the words' BM25F.

    With ``top``, only the first page is wanted (see :func:`_first_page`); ``bonus``
    holds scores to add per document (the phrase's title matches). ``prefilter`` rules
    out documents that cannot hold the phrase (by their pair signatures).
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
    docs = sorted(common)
    if prefilter is not None:
        docs = prefilter(docs)
    if len(lists) == 2:  # most phrases, once stop words are gone: spelled out
        first, second = lists
        one, two = scorers

        def check(doc: int) -> bool:
            # The second word's positions less one: ``initial`` starts the sum at -1
            # (and yields that -1 first, which no position equals).
            return not set(accumulate(loads(first[doc][1][4:]))).isdisjoint(
                accumulate(loads(second[doc][1][4:]), initial=-1)
            )

        def scores(docs: list[int]) -> list[float]:
            # FastScorer.scores is Whoosh's bm25, inlined: the same sums to the bit.
            return list(
                map(
                    add,
                    one.scores(docs, [first[doc][0] for doc in docs]),
                    two.scores(docs, [second[doc][0] for doc in docs]),
                )
            )

    else:

        def check(doc: int) -> bool:
            found = [postings[doc] for postings in lists]
            return _has_phrase([value for _, value in found], [weight for weight, _ in found])

        def scores(docs: list[int]) -> list[float]:
            words = [
                sc.scores(docs, [postings[doc][0] for doc in docs])
                for sc, postings in zip(scorers, lists, strict=True)
            ]
            return [_tree_sum(list(column)) for column in zip(*words, strict=True)]

    if top is not None and len(docs) > top + SAMPLE:
        return _first_page(docs, check, scores(docs), top, bonus or {})
    ids = [doc for doc in docs if check(doc)]
    if bonus is None:
        return ScoredList(ids, scores(ids)) if ids else NullMatcher()
    merged = dict(bonus)
    for doc, score in zip(ids, scores(ids), strict=True):
        merged[doc] = merged[doc] + score if doc in merged else score
    return ScoredList.of(merged)


def _first_page(
    docs: list[int],
    check: Callable[[int], bool],
    ceilings: list[float],
    top: int,
    bonus: dict[int, float],
) -> ScoredList | Any:
    """The ``top`` best matches among ``docs`` exactly, and an estimate of how many match.

    A phrase's score does not depend on where its words stand, so every candidate's
    score is known before its positions are: candidates are checked best first, and
    once ``top`` matches are found no later candidate can outrank them. A phrase of two
    common words in 5,000 of 10,000 articles needs a few dozen checks instead of 5,000.
    The count is estimated from ``SAMPLE`` candidates spread over each segment.
    """
    scores = [bonus[doc] + s if doc in bonus else s for doc, s in zip(docs, ceilings, strict=True)]
    candidates = set(docs)
    title_only = [doc for doc in bonus if doc not in candidates]
    best: list[tuple[float, int]] = [(bonus[doc], -doc) for doc in title_only]
    heapq.heapify(best)
    while len(best) > top:
        heapq.heappop(best)
    checked: dict[int, bool] = {}
    complete = True
    for i in sorted(range(len(docs)), key=scores.__getitem__, reverse=True):
        doc, ceiling = docs[i], scores[i]
        if len(best) >= top and (ceiling, -doc) < best[0]:
            complete = False  # in this order, nothing after can enter the page
            break
        checked[i] = matched = check(doc)
        if not matched and doc not in bonus:
            continue
        item = (ceiling if matched else bonus[doc], -doc)
        if len(best) < top:
            heapq.heappush(best, item)
        elif item > best[0]:
            heapq.heapreplace(best, item)
    if complete:
        total = len(title_only) + sum(
            1 for i, matched in checked.items() if matched or docs[i] in bonus
        )
    else:
        stride = len(docs) / SAMPLE
        sample = [int(k * stride) for k in range(SAMPLE)]
        hits = sum(checked[i] if i in checked else check(docs[i]) for i in sample)
        total = max(len(best), round(hits / SAMPLE * len(docs)) + len(title_only))
    page = sorted((-d, s) for s, d in best)
    return ScoredList(
        [d for d, _ in page], [s for _, s in page], total=total, estimated=not complete
    )


def _has_phrase(values: list[bytes], counts: list[float] | None = None) -> bool:
    """Whether the words, given their position values in one document, stand in a row.

    The word with the fewest positions in the document (``counts``, its weights) gives
    the phrase's possible starts; every other word, fewest first, keeps those it fits,
    and the first to keep none ends the check before the commonest words are decoded.
    """
    order = sorted(range(len(values)), key=(counts or [0.0] * len(values)).__getitem__)
    first = order[0]
    starts = {p - first for p in _positions(values[first])}
    for offset in order[1:]:
        starts.intersection_update(map((-offset).__add__, _positions(values[offset])))
        if not starts:
            return False
    return True


def _positions(value: bytes) -> Iterator[int]:
    """A posting's positions, decoded as Whoosh's ``Positions`` format does, in C:
    a 4-byte count, then the pickled list of gaps between positions."""
    return accumulate(loads(value[4:]))


class ExactPhrase(query.Phrase):
    answers_whole = True
    top: int | None = None
    """Set for a first page (see :func:`first_page`): the best ``top`` matches are wanted."""

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        if not self._has_positions(searcher):
            return self._all_words().matcher(searcher, context)
        ms = self._word_matchers(searcher, context)
        if ms is None:
            return NullMatcher()
        matcher = _whole_phrase(ms, self.top, None, self._prefilter(searcher)) or PhraseMatcher(ms)
        if self.boost != 1.0:
            return WrappingMatcher(matcher, boost=self.boost)
        return matcher

    def with_bonus(
        self, searcher: Any, context: Any, bonus: dict[int, float], top: int | None
    ) -> ScoredList | Any | None:
        """The phrase's answer with ``bonus`` scores added (and bonus-only documents
        matching); None when the quick path cannot be taken."""
        if not self._has_positions(searcher):
            return None
        ms = self._word_matchers(searcher, context)
        if ms is None:
            return ScoredList.of(bonus)
        return _whole_phrase(ms, top, bonus, self._prefilter(searcher))

    def _has_positions(self, searcher: Any) -> bool:
        """Whether the field keeps word positions: ``figure`` does not (a figure's words
        are one phrase already), and a quoted phrase there means all its words."""
        return bool(searcher.schema[self.fieldname].format.supports("positions"))

    def _all_words(self) -> Any:
        return query.And([query.Term(self.fieldname, w) for w in self.words], boost=self.boost)

    def _prefilter(self, searcher: Any) -> Callable[[list[int]], list[int]] | None:
        if self.fieldname not in PAIR_FIELDS:
            return None
        signatures = segment_signatures(searcher.reader())
        if signatures is None:
            return None
        bits = {pair_bit(a, b) for a, b in itertools.pairwise(self.words)}
        return functools.partial(_with_pairs, signatures=signatures, bits=bits)

    def _word_matchers(self, searcher: Any, context: Any) -> list[Any] | None:
        reader = searcher.reader()
        field = searcher.schema[self.fieldname]
        terms = []
        for word in self.words:
            btext = field.to_bytes(word)
            if (self.fieldname, btext) not in reader:
                return None
            terms.append(query.Term(self.fieldname, btext))
        return [t.matcher(searcher, context) for t in terms]


class PhraseInFields(query.Or):
    """A phrase looked up in title and body, with the two answers merged at once.

    The parser asks for a bare phrase in both fields; merging two scored lists here
    saves a union matcher stepping through every match. Scores are Whoosh's: a
    document in both gets title score + body score.
    """

    answers_whole = True
    top: int | None = None
    """Set for a first page (see :func:`first_page`): the best ``top`` matches are wanted."""

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        title, body = self.subqueries
        first = title.matcher(searcher, context)
        if isinstance(body, ExactPhrase) and (type(first) is ScoredList or not first.is_active()):
            bonus = dict(zip(first._ids, first._weights, strict=True)) if first.is_active() else {}
            merged = body.with_bonus(searcher, context, bonus, self.top)
            if merged is not None:
                return merged
        second = body.matcher(searcher, context)
        if not first.is_active():
            return second
        if not second.is_active():
            return first
        return UnionMatcher(first, second)


def first_page(q: Any, top: int) -> Any:
    """The query, asking only for its best ``top`` matches and an estimated count when
    that is quicker (a bare phrase: see :func:`_first_page`)."""
    if type(q) in (ExactPhrase, PhraseInFields) and q.boost == 1.0:
        q = copy.copy(q)
        q.top = top
    return q
