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
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import compress, groupby, islice
from typing import TYPE_CHECKING, Any

from whoosh import query
from whoosh.collectors import TopCollector
from whoosh.matching import NullMatcher
from whoosh.qparser import FieldAliasPlugin, GtLtPlugin, MultifieldParser
from whoosh.qparser.syntax import AndGroup
from whoosh.searching import SearchContext

from index.bulk import Bulk, ScoredList
from index.date_range import DateRangePlugin, NewestFirst, column_range
from index.phrases import ExactPhrase, PhraseInFields, first_page, segment_signatures
from index.schema import PAIR_FIELDS, QUERY_FIELDS, SEARCH_FIELDS
from index.scoring import FastScorer

if TYPE_CHECKING:
    from index.library import Library

MAX_WILDCARD_TERMS = 32
"""Index terms a wildcard may expand to; past this the expansion is cut."""
MIN_WILDCARD_PREFIX = 2


class QueryError(ValueError):
    """A query that cannot be run; the message says what is wrong."""


_EXPANSIONS: weakref.WeakKeyDictionary[Any, dict[tuple[Any, ...], tuple[bytes, ...]]] = (
    weakref.WeakKeyDictionary()
)
"""Per reader (the whole index's, or one segment's): the terms a capped wildcard
expanded to, so each segment's matcher does not work them out again."""


def _capped_terms(q: Any, ixreader: Any, expand: Any) -> tuple[bytes, ...]:
    """The first ``MAX_WILDCARD_TERMS`` distinct terms, in sorted order, that ``expand``
    (the uncapped ``_btexts``) finds in all of ``ixreader``'s segments together.

    The cap is on the index, not on each segment: capped per segment, the same query on
    the same articles matched more or fewer of them as ingest's timing split them into
    segments. Each segment yields its terms in order and at most the cap of them, so a
    short prefix on a big index still reads only a few terms a segment.
    """
    key = (type(q), q.fieldname, q.text)
    cache = _EXPANSIONS.setdefault(ixreader, {})
    if key not in cache:
        leaves = [
            islice(expand(q, leaf), MAX_WILDCARD_TERMS) for leaf, _ in ixreader.leaf_readers()
        ]
        distinct = (term for term, _ in groupby(heapq.merge(*leaves)))
        cache[key] = tuple(islice(distinct, MAX_WILDCARD_TERMS))
    return cache[key]


def _capped_matcher(q: Any, searcher: Any, context: Any) -> Any:
    """Whoosh's MultiTerm matcher, on the whole index's capped terms that are in this
    segment."""
    reader = searcher.reader()
    whole = q._btexts(searcher.get_parent().reader())
    qs = [query.Term(q.fieldname, word) for word in whole if (q.fieldname, word) in reader]
    if not qs:
        return NullMatcher()
    if len(qs) == 1:
        return qs[0].matcher(searcher, context)
    if q.constantscore:  # the terms' scores do not matter (as Whoosh's MultiTerm)
        context = context.set(weighting=None) if context else SearchContext(weighting=None)
    return query.Or(qs, boost=q.boost).matcher(searcher, context)


class _CappedPrefix(query.Prefix):
    def _btexts(self, ixreader: Any) -> Any:
        return iter(_capped_terms(self, ixreader, query.Prefix._btexts))

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        return _capped_matcher(self, searcher, context)


class _CappedWildcard(query.Wildcard):
    def _btexts(self, ixreader: Any) -> Any:
        return iter(_capped_terms(self, ixreader, query.Wildcard._btexts))

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        return _capped_matcher(self, searcher, context)


@dataclass(slots=True)
class Hit:
    id: str
    title: str
    outlet: str | None
    published: str | None
    score: float | None
    """Relevance (BM25F); None when hits are sorted by date, where Whoosh's score is
    the sort key."""
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
            "score": None if self.score is None else round(self.score, 4),
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
    estimated: bool = False
    """Whether ``total`` is an estimate (a first page asked with ``exact_count=False``)."""


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
    parser.add_plugin(DateRangePlugin())
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


class _TopCollector(TopCollector):
    """Whoosh's top-N collector, taking a segment's precomputed scores in one go.

    When a segment's whole answer is a :class:`ScoredList` (index/bulk.py), stepping the
    collector through it costs ~2 µs a document for nothing; the same heap comes out of
    one ``heapq.nlargest`` over (score, -docnum), ties going to the earlier document.
    """

    estimated = False
    """Whether a segment's count was estimated (a first page, see ``first_page``)."""

    def collect_matches(self) -> None:
        m = self.matcher
        if type(m) is not ScoredList or m._i != 0 or self.final_fn is not None:
            super().collect_matches()
            return
        offset, ids, scores = self.offset, m._ids, m._weights
        # The segment's best scores (ties included) before making (score, -docnum)
        # pairs: making one for every match, or ranking with a key, cost more.
        best: Iterable[int] = range(len(ids))
        if len(ids) > self.limit:
            threshold = heapq.nlargest(self.limit, scores)[-1]
            best = list(compress(best, map(threshold.__le__, scores)))
            if len(best) > self.limit:  # ties: the earlier documents (nlargest is stable)
                best = heapq.nlargest(self.limit, best, key=scores.__getitem__)
        fresh = [(scores[i], -(offset + ids[i])) for i in best]
        self.total += m.total  # more than len(ids) when the list is only a first page
        self.estimated = self.estimated or m.estimated
        kept: list[tuple[float, int]] = self.items  # type: ignore[has-type]
        items = heapq.nlargest(self.limit, [*kept, *fresh])
        heapq.heapify(items)
        self.items = items
        if len(items) >= self.limit:
            self.minscore = items[0][0]


def _rewrite(q: Any) -> Any:
    """Cap wildcard expansion; exact phrases and date ranges use quicker matchers."""
    if type(q) is query.Phrase and q.slop == 1 and len(q.words) > 1:
        return ExactPhrase(q.fieldname, q.words, boost=q.boost)
    if (
        type(q) is query.Or
        and len(q.subqueries) == 2
        and all(type(sub) is ExactPhrase and sub.boost == 1.0 for sub in q.subqueries)
        and q.boost == 1.0
        and q.scale is None
    ):
        return PhraseInFields(q.subqueries)
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


def _phrase_pattern(q: Any) -> re.Pattern[str] | None:
    """A regex finding the query's phrases in text: their words in order, with up to
    three words between two of them (the stop words the index leaves out)."""
    found = [
        r"(?:\W+\w+){0,3}?\W+".join(re.escape(w) for w in node.words)
        for node in _positive_leaves(q)
        if isinstance(node, query.Phrase) and len(node.words) > 1
    ]
    if not found:
        return None
    return re.compile(rf"(?<!\w)(?:{'|'.join(found)})(?!\w)", re.IGNORECASE)


def make_snippet(
    text: str,
    pattern: re.Pattern[str] | None,
    width: int = SNIPPET_CHARS,
    anchor: re.Pattern[str] | None = None,
) -> tuple[str, list[tuple[int, int]]]:
    """A window of ``text`` around the first match, with the matches in it.

    With ``anchor`` (the query's phrases), the window goes around the first phrase
    rather than the first of its words that stands alone. Cheaper than Whoosh's
    highlighter, which re-analyses the whole stored text.
    """
    first = anchor.search(text) if anchor is not None else None
    if first is None:
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


def _positive_leaves(q: Any) -> Iterator[Any]:
    """The query's phrases, terms and patterns, leaving out what a NOT excludes."""
    if isinstance(q, query.Not):
        return
    if isinstance(q, (query.Phrase, query.Term, query.PatternQuery)):
        yield q
        return
    for child in q.children():
        yield from _positive_leaves(child)


def _terms(q: Any, reader: Any) -> list[str]:
    """Words to highlight: what the query matches, wildcards expanded, negations left out."""
    words: set[str] = set()
    for node in _positive_leaves(q):
        if isinstance(node, query.Phrase):
            words.update(node.words)
            continue
        for _field, text in node.existing_terms(reader, expand=True):
            words.add(text.decode("utf-8", "replace") if isinstance(text, bytes) else text)
    return sorted(w for w in words if isinstance(w, str))


def warm(library: Library) -> None:
    """Read ahead what the first searches would: each segment's field lengths and BM25
    norms for title and body, and its pair signatures.

    For an idle thread after the app's first paint: on 100,000 articles they are ~60 ms
    that the first word or phrase typed would otherwise wait for.
    """
    searcher = library.searcher()
    for sub, _offset in searcher.leaf_searchers():
        reader = sub.reader()
        segment_signatures(reader)
        for fieldname in PAIR_FIELDS:
            word = next(iter(reader.lexicon(fieldname)), None)
            if word is None:
                continue
            # Any word's scorer works out (and keeps) the norms of its field.
            scorer = searcher.weighting.scorer(sub, fieldname, word)
            if isinstance(scorer, FastScorer):
                scorer.norms()


_NEWEST_FIRST = NewestFirst("published")
"""Newest first, sorted in reverse, with undated articles last (as ``reader list``)."""


def search(
    library: Library,
    text: str,
    *,
    sort: str = "relevance",
    limit: int | None = 20,
    snippets: bool = True,
    exact_count: bool = True,
) -> SearchResults:
    """Run a query on the library.

    Args:
        sort: "relevance" or "date" (newest first).
        limit: most hits returned (None for all).
        snippets: whether to build highlighted snippets (costs a few ms per hit).
        exact_count: False lets a first page come quicker with an estimated total
            (``SearchResults.estimated``): a phrase of common words then checks only
            the positions it needs for the best ``limit`` hits. The hits are exact.

    Raises:
        QueryError: the query does not parse.
    """
    began = time.perf_counter()
    searcher = library.searcher()
    q = parse_query(text, searcher.schema)
    estimated = False
    if sort == "date":
        results = searcher.search(Bulk(q), limit=limit, sortedby=_NEWEST_FIRST, reverse=True)
        total = len(results)  # exact and cheap: a sorting collector sees every match
    elif sort == "relevance" and limit is None:
        results = searcher.search(Bulk(q), limit=None)
        total = len(results)
    elif sort == "relevance":
        # One pass ranks and counts, so nothing may be skipped: no block-quality
        # skipping, and no "replacing" (every 10 hits Whoosh would prune the parts of
        # an OR that can no longer reach the top N, and their other hits went uncounted).
        collector = _TopCollector(limit=limit, usequality=False, replace=0)
        asked = q if exact_count or limit is None else first_page(q, limit)
        searcher.search_with_collector(Bulk(asked), collector)
        results = collector.results()
        total = collector.count()
        estimated = collector.estimated
    else:
        raise QueryError(f"unknown sort '{sort}': use relevance or date")
    terms = _terms(q, searcher.reader())
    ids = [hit["id"] for hit in results]
    rows = library.records.rows_for(ids)
    texts = library.records.texts_for(ids) if snippets else {}
    pattern = _term_pattern(terms)
    anchor = _phrase_pattern(q) if snippets else None
    hits: list[Hit] = []
    for hit in results:
        row = rows.get(hit["id"])
        if row is None:
            continue
        score = None if sort == "date" else hit.score or 0.0
        item = Hit(row.id, row.title, row.outlet, row.published, score)
        body = texts.get(row.id)
        if body is not None:
            item.snippet, item.snippet_spans = make_snippet(body, pattern, anchor=anchor)
            item.title_spans = match_spans(row.title, pattern)
        hits.append(item)
    return SearchResults(
        query=text,
        total=total,
        hits=hits,
        terms=terms,
        seconds=time.perf_counter() - began,
        estimated=estimated,
    )
