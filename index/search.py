"""Searching the library: query parsing, capped wildcards, ranked or dated hits.

Query syntax (Whoosh's, with a few guards):

- words: ``kursk troops`` (all words must match)
- phrases: ``"north korean troops"``
- operators: ``blinken OR austin``, ``troops NOT kursk``, parentheses
- fields: ``title:kursk``, ``outlet:kyiv``, ``author:hodunova``, ``source:blinken``,
  ``figure:8,000``
- dates on ``published``: ``published:2024-10``, ``published:[2024-10-25 TO 2024-10-31]``,
  ``published:>2024-10-28``
- wildcards: ``depl*``, ``tr?ops`` (at least two letters before the first wildcard)
"""

from __future__ import annotations

import heapq
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import accumulate, islice
from pickle import loads
from typing import TYPE_CHECKING, Any

from whoosh import query
from whoosh.collectors import TopCollector
from whoosh.matching import Matcher, NullMatcher, UnionMatcher, WrappingMatcher
from whoosh.qparser import FieldAliasPlugin, GtLtPlugin, MultifieldParser
from whoosh.qparser.syntax import AndGroup
from whoosh.scoring import bm25

from index.bulk import Bulk, ScoredList, blocks, leaf
from index.date_range import column_range
from index.schema import QUERY_FIELDS, SEARCH_FIELDS
from index.scoring import FastScorer

if TYPE_CHECKING:
    from index.library import Library

MAX_WILDCARD_TERMS = 32
"""Index terms a wildcard may expand to; past this the expansion is cut."""
MIN_WILDCARD_PREFIX = 2


class QueryError(ValueError):
    """A query that cannot be run; the message says what is wrong."""


class _CappedPrefix(query.Prefix):
    def _btexts(self, ixreader: Any) -> Any:
        return islice(super()._btexts(ixreader), MAX_WILDCARD_TERMS)


class _CappedWildcard(query.Wildcard):
    def _btexts(self, ixreader: Any) -> Any:
        return islice(super()._btexts(ixreader), MAX_WILDCARD_TERMS)


@dataclass(slots=True)
class Hit:
    id: str
    title: str
    outlet: str | None
    published: str | None
    score: float
    snippet: str = ""
    snippet_spans: list[tuple[int, int]] = field(default_factory=list)
    """Matches in ``snippet`` as (start, end)."""
    title_spans: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            "score": round(self.score, 4),
            "snippet": self.snippet,
            "snippet_spans": [list(s) for s in self.snippet_spans],
        }


@dataclass(slots=True)
class SearchResults:
    query: str
    total: int
    hits: list[Hit]
    terms: list[str]
    """The words the query matches, lowercased, for highlighting in article text."""
    seconds: float


_FIELD_REF = re.compile(r"(?:(?<=\s)|(?<=^)|(?<=\())([A-Za-z_]+):(?=\S)")
_WILDCARD_WORD = re.compile(r"(?:[^\s\"():]+:)?([^\s\"()]*[*?][^\s\"()]*)")

_ALIASES = {
    "author": ["authors", "by"],
    "source": ["sources"],
    "figure": ["figures"],
    "published": ["date"],
}


def _parser(schema: Any) -> MultifieldParser:
    parser = MultifieldParser(list(SEARCH_FIELDS), schema, group=AndGroup)
    parser.add_plugin(GtLtPlugin())
    parser.add_plugin(FieldAliasPlugin(_ALIASES))
    return parser


def _check_syntax(text: str) -> None:
    if text.count('"') % 2:
        raise QueryError('unclosed quote: add the closing "')
    depth = 0
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        if depth < 0:
            raise QueryError("')' without a matching '('")
    if depth:
        raise QueryError("'(' without a matching ')'")
    if text.count("[") != text.count("]"):
        raise QueryError("unclosed date range: write published:[2024-10-01 TO 2024-10-31]")
    known = set(QUERY_FIELDS) | {a for names in _ALIASES.values() for a in names}
    for match in _FIELD_REF.finditer(text):
        name = match.group(1)
        if name.lower() not in known:
            raise QueryError(f"unknown field '{name}': use one of {', '.join(QUERY_FIELDS)}")
    for match in _WILDCARD_WORD.finditer(text):
        word = match.group(1)
        head = re.split(r"[*?]", word, maxsplit=1)[0]
        if len(head) < MIN_WILDCARD_PREFIX:
            raise QueryError(
                f"'{word}': a wildcard needs at least {MIN_WILDCARD_PREFIX} letters before * or ?"
            )


class _PhraseMatcher(Matcher):
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

    def copy(self) -> _PhraseMatcher:
        return _PhraseMatcher([m.copy() for m in self.ms])

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
            if set(accumulate(loads(value_one[4:] + b"."))).isdisjoint(
                map(_BACK_ONE, accumulate(loads(value_two[4:] + b".")))
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
    """A posting's positions, decoded as Whoosh's ``Positions`` format does, in C.

    Whoosh leaves out the pickle's final STOP; one more after a STOP does no harm.
    """
    return accumulate(loads(value[4:] + b"."))


_BACK_ONE = (-1).__add__


class _ExactPhrase(query.Phrase):
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
        matcher = _whole_phrase(ms) or _PhraseMatcher(ms)
        if self.boost != 1.0:
            return WrappingMatcher(matcher, boost=self.boost)
        return matcher


class _PhraseInFields(query.Or):
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


class _TopCollector(TopCollector):
    """Whoosh's top-N collector, taking a segment's precomputed scores in one go.

    When a segment's whole answer is a :class:`ScoredList` (index/bulk.py), stepping the
    collector through it costs ~2 µs a document for nothing; the same heap comes out of
    one ``heapq.nlargest`` over (score, -docnum), ties going to the earlier document.
    """

    def collect_matches(self) -> None:
        m = self.matcher
        if type(m) is not ScoredList or m._i != 0 or self.final_fn is not None:
            super().collect_matches()
            return
        offset, ids, scores = self.offset, m._ids, m._weights
        # The segment's best by score, ties to the earlier document (nlargest is stable),
        # before making (score, -docnum) pairs: making one for every match cost more.
        best = heapq.nlargest(self.limit, range(len(ids)), key=scores.__getitem__)
        fresh = [(scores[i], -(offset + ids[i])) for i in best]
        self.total += len(ids)
        kept: list[tuple[float, int]] = self.items  # type: ignore[has-type]
        items = heapq.nlargest(self.limit, [*kept, *fresh])
        heapq.heapify(items)
        self.items = items
        if len(items) >= self.limit:
            self.minscore = items[0][0]


def _rewrite(q: Any) -> Any:
    """Cap wildcard expansion; exact phrases and date ranges use quicker matchers."""
    if type(q) is query.Phrase and q.slop == 1 and len(q.words) > 1:
        return _ExactPhrase(q.fieldname, q.words, boost=q.boost)
    if (
        type(q) is query.Or
        and len(q.subqueries) == 2
        and all(type(sub) is _ExactPhrase and sub.boost == 1.0 for sub in q.subqueries)
        and q.boost == 1.0
        and q.scale is None
    ):
        return _PhraseInFields(q.subqueries)
    if type(q) in (query.NumericRange, query.DateRange) and q.fieldname == "published":
        return column_range(q)
    if isinstance(q, query.Prefix) and not isinstance(q, _CappedPrefix):
        return _CappedPrefix(q.fieldname, q.text, boost=q.boost)
    if isinstance(q, query.Wildcard) and not isinstance(q, _CappedWildcard):
        return _CappedWildcard(q.fieldname, q.text, boost=q.boost)
    return q


def parse_query(text: str, schema: Any) -> Any:
    """Parse a user's query into a Whoosh query.

    Raises:
        QueryError: with a one-line message saying what is wrong.
    """
    text = text.strip()
    if not text:
        raise QueryError('empty query: type a word, a "phrase" or field:value')
    _check_syntax(text)
    try:
        q = _parser(schema).parse(text)
    except ValueError as exc:
        raise QueryError(f"cannot read a date in the query ({exc}); write YYYY-MM-DD") from None
    except Exception as exc:  # Whoosh raises assorted errors on odd input
        raise QueryError(f"cannot parse the query: {exc}") from None
    if q is query.NullQuery or isinstance(q, type(query.NullQuery)):
        raise QueryError("nothing to search for: the query has only operators or stop words")
    return q.accept(_rewrite)


SNIPPET_CHARS = 220


def _term_pattern(terms: list[str]) -> re.Pattern[str] | None:
    """A regex matching the query's words as whole words, case-insensitively."""
    if not terms:
        return None
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def match_spans(text: str, pattern: re.Pattern[str] | None) -> list[tuple[int, int]]:
    """Where the query's words stand in ``text``."""
    if pattern is None:
        return []
    return [m.span() for m in pattern.finditer(text)]


def make_snippet(
    text: str, pattern: re.Pattern[str] | None, width: int = SNIPPET_CHARS
) -> tuple[str, list[tuple[int, int]]]:
    """A window of ``text`` around the first match, with the matches in it.

    Cheaper than Whoosh's highlighter, which re-analyses the whole stored text.
    """
    first = pattern.search(text) if pattern is not None else None
    start = 0
    if first is not None and first.start() > width // 3:
        start = text.rfind(" ", 0, first.start() - width // 4) + 1
    end = min(len(text), start + width)
    if end < len(text):
        cut = text.rfind(" ", start, end)
        end = cut if cut > start else end
    window = text[start:end]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    spans = [(s + len(prefix), e + len(prefix)) for s, e in match_spans(window, pattern)]
    return prefix + window + suffix, spans


def _terms(q: Any, reader: Any) -> list[str]:
    """Words to highlight: what the query matches, wildcards expanded, negations left out."""
    words: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, query.Not):
            return
        if isinstance(node, query.Phrase):
            words.update(node.words)
            return
        if isinstance(node, (query.Term, query.PatternQuery)):
            for _field, text in node.existing_terms(reader, expand=True):
                words.add(text.decode("utf-8", "replace") if isinstance(text, bytes) else text)
            return
        for child in node.children():
            walk(child)

    walk(q)
    return sorted(w for w in words if isinstance(w, str))


def search(
    library: Library,
    text: str,
    *,
    sort: str = "relevance",
    limit: int | None = 20,
    snippets: bool = True,
) -> SearchResults:
    """Run a query on the library.

    Args:
        sort: "relevance" or "date" (newest first).
        limit: most hits returned (None for all).
        snippets: whether to build highlighted snippets (costs a few ms per hit).

    Raises:
        QueryError: the query does not parse.
    """
    began = time.perf_counter()
    searcher = library.searcher()
    q = parse_query(text, searcher.schema)
    if sort == "date":
        results = searcher.search(Bulk(q), limit=limit, sortedby="published", reverse=True)
        total = len(results)  # exact and cheap: a sorting collector sees every match
    elif sort == "relevance" and limit is None:
        results = searcher.search(Bulk(q), limit=None)
        total = len(results)
    elif sort == "relevance":
        # One pass ranks and counts, so nothing may be skipped: no block-quality
        # skipping, and no "replacing" (every 10 hits Whoosh would prune the parts of
        # an OR that can no longer reach the top N, and their other hits went uncounted).
        collector = _TopCollector(limit=limit, usequality=False, replace=0)
        searcher.search_with_collector(Bulk(q), collector)
        results = collector.results()
        total = collector.count()
    else:
        raise QueryError(f"unknown sort '{sort}': use relevance or date")
    terms = _terms(q, searcher.reader())
    ids = [hit["id"] for hit in results]
    rows = library.records.rows_for(ids)
    texts = library.records.texts_for(ids) if snippets else {}
    pattern = _term_pattern(terms)
    hits: list[Hit] = []
    for hit in results:
        row = rows.get(hit["id"])
        if row is None:
            continue
        item = Hit(row.id, row.title, row.outlet, row.published, hit.score or 0.0)
        body = texts.get(row.id)
        if body is not None:
            item.snippet, item.snippet_spans = make_snippet(body, pattern)
            item.title_spans = match_spans(row.title, pattern)
        hits.append(item)
    return SearchResults(
        query=text,
        total=total,
        hits=hits,
        terms=terms,
        seconds=time.perf_counter() - began,
    )
