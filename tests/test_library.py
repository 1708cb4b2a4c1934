"""The library: incremental ingest, identity of articles, search, the write lock."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path
from typing import Any

import filelock
import pytest
from conftest import SEEDS

from index.library import ArticleNotFound, Library, LibraryBusy
from index.search import QueryError

BLINKEN_TITLES = {
    "8,000 North Korean troops have been deployed to Kursk Oblast, Blinken says",
    "North Korean troops stationed in Kursk, ready to go into battle: US",
}


def test_add_twice_is_unchanged(tmp_path: Path) -> None:
    with Library(tmp_path / "lib") as library:
        first = library.add([SEEDS])
        assert (first.added, first.updated, first.unchanged, first.skipped) == (5, 0, 0, [])
        second = library.add([SEEDS])
        assert (second.added, second.updated, second.unchanged) == (0, 0, 5)
        assert library.count() == 5


def test_unchanged_files_are_not_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Library(tmp_path / "lib") as library:
        library.add([SEEDS])
        import index.library as module

        def fail(path: Path) -> list[object]:
            raise AssertionError(f"{path} was read again")

        monkeypatch.setattr(module, "read_file", fail)
        assert library.add([SEEDS]).unchanged == 5


def test_changed_file_updates_its_article_and_keeps_its_id(
    seeds_copy: Path, tmp_path: Path
) -> None:
    with Library(tmp_path / "lib") as library:
        library.add([seeds_copy])
        path = seeds_copy / "000_88ebcff245553769.txt"
        before = next(r for r in library.rows() if r.title.startswith("8,000"))
        text = path.read_text()
        path.write_text(
            text.replace("Some 8,000 North Korean troops", "Some 9,000 North Korean troops")
        )
        os.utime(path, ns=(1, 1))
        report = library.add([seeds_copy])
        assert (report.added, report.updated, report.unchanged) == (0, 1, 4)
        assert library.count() == 5
        after = library.get(before.id)
        assert after.paragraphs[0].startswith("Some 9,000 North Korean troops")
        assert library.search("9,000").total == 1
        assert [h.id for h in library.search('"Some 8,000"').hits] == []


def test_touched_but_identical_file_is_unchanged(seeds_copy: Path, tmp_path: Path) -> None:
    with Library(tmp_path / "lib") as library:
        library.add([seeds_copy])
        os.utime(seeds_copy / "001_6512262834960959.txt", ns=(5, 5))
        assert library.add([seeds_copy]).unchanged == 5


def test_same_content_under_two_paths_is_one_article(tmp_path: Path) -> None:
    one, two = tmp_path / "a", tmp_path / "b"
    shutil.copytree(SEEDS, one)
    two.mkdir()
    shutil.copy(one / "003_1d75171d8f73ac9d.txt", two / "copy.txt")
    with Library(tmp_path / "lib") as library:
        report = library.add([one, two])
        assert (report.added, report.unchanged) == (5, 1)
        assert library.count() == 5
        nato = next(r for r in library.rows() if r.title.startswith("NATO chief"))
        paths = library.get(nato.id).paths
        assert sorted(Path(p).name for p in paths) == ["003_1d75171d8f73ac9d.txt", "copy.txt"]


def test_get_by_prefix_and_missing_id(seed_library: Path) -> None:
    with Library(seed_library) as library:
        row = library.rows()[0]
        assert library.get(row.id[:6]).id == row.id
        with pytest.raises(ArticleNotFound, match="no article with id 'zzzzzz'"):
            library.get("zzzzzz")


def test_search_blinken_finds_the_two_articles_that_mention_him(seed_library: Path) -> None:
    with Library(seed_library) as library:
        results = library.search("Blinken")
        assert {h.title for h in results.hits} == BLINKEN_TITLES
        for hit in results.hits:
            spans = [hit.snippet[s:e] for s, e in hit.snippet_spans]
            assert spans and all(s.lower() == "blinken" for s in spans)


@pytest.mark.parametrize(
    "word", ["Transnistria", "Charinskiy", "Tsurkan", "Successfuly", "Carpenter"]
)
def test_words_only_in_sidebars_and_teasers_find_nothing(seed_library: Path, word: str) -> None:
    for seed in SEEDS.iterdir():
        if word in seed.read_text():
            break
    else:
        pytest.fail(f"{word} is not in the seeds at all")
    with Library(seed_library) as library:
        assert library.search(word).total == 0


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"North Korean troops"', 5),
        ("Kursk NOT Blinken", 3),
        ("blinken OR rutte", 3),
        ("title:kursk", 4),
        ("author:hodunova", 2),
        ("outlet:kyiv", 4),
        ("published:[2024-10-25 TO 2024-10-31]", 3),
        ("published:2024-10-23", 1),
        ("published:>2024-10-27", 2),
        ("depl*", 5),
        ("Rutte AND published:[2024-10-01 TO 2024-10-31]", 1),
    ],
)
def test_query_syntax(seed_library: Path, query: str, expected: int) -> None:
    with Library(seed_library) as library:
        assert library.search(query).total == expected


def test_sort_by_date_is_newest_first(seed_library: Path) -> None:
    with Library(seed_library) as library:
        hits = library.search("troops", sort="date").hits
        dates = [h.published for h in hits if h.published]
        assert dates == sorted(dates, reverse=True) and len(dates) == 4


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"north korean', "unclosed quote"),
        ("(kursk", "'(' without"),
        ("nosuch:kursk", "unknown field 'nosuch'"),
        ("published:[garbage TO 2024]", "date"),
        ("k*", "wildcard needs at least 2"),
        ("AND", "nothing to search for"),
        ("", "empty query"),
    ],
)
def test_bad_queries_say_what_is_wrong(seed_library: Path, query: str, message: str) -> None:
    with (
        Library(seed_library) as library,
        pytest.raises(QueryError, match=message.replace("(", r"\(").replace("[", r"\[")),
    ):
        library.search(query)


def test_highlight_terms_expand_wildcards_and_skip_negations(seed_library: Path) -> None:
    with Library(seed_library) as library:
        assert library.search("troo* NOT blinken").terms == ["troop", "troops"]


def test_second_writer_waits_then_reports_busy_and_loses_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    with Library(folder) as library:
        library.add([SEEDS / "000_88ebcff245553769.txt"])
    held = threading.Event()
    release = threading.Event()

    def hold() -> None:
        with filelock.FileLock(str(folder / "write.lock")):
            held.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(5)
    try:
        with Library(folder) as library, pytest.raises(LibraryBusy, match="the library is busy"):
            library.add([SEEDS], lock_timeout=0.3)
    finally:
        release.set()
        holder.join()
    with Library(folder) as library:
        assert library.count() == 1
        assert library.add([SEEDS]).added == 4


def test_sources_and_figures_are_stored_and_searchable(seed_library: Path) -> None:
    with Library(seed_library) as library:
        quoting = {h.title for h in library.search("source:Blinken").hits}
        assert quoting == BLINKEN_TITLES
        assert library.search("source:rutte").total == 1
        first = library.get(next(r.id for r in library.rows() if r.title.startswith("8,000")))
        names = first.source_names()
        assert "Antony Blinken" in names
        some = next(f for f in first.figures if f.text.startswith("Some 8,000"))
        assert (some.value, some.qualifier_text, some.source) == (8000, "some", "Antony Blinken")
        assert all(first.body[f.start : f.end] == f.text for f in first.figures)
        assert all(first.body[s.start : s.end] == s.text for s in first.sources)


def test_phrases_need_adjacent_words(seed_library: Path) -> None:
    with Library(seed_library) as library:
        assert library.search('"military intelligence"').total == 4
        assert library.search('"intelligence military"').total == 0
        assert library.search('"Korean North"').total == 0


def test_index_with_an_old_schema_is_rebuilt_from_the_records(tmp_path: Path) -> None:
    from whoosh import index as whoosh_index
    from whoosh.fields import ID, TEXT, Schema

    folder = tmp_path / "lib"
    with Library(folder) as library:
        library.add([SEEDS])
    shutil.rmtree(folder / "whoosh")
    (folder / "whoosh").mkdir()
    whoosh_index.create_in(str(folder / "whoosh"), Schema(id=ID(stored=True), body=TEXT)).close()
    with Library(folder) as library:
        assert {h.title for h in library.search("Blinken").hits} == BLINKEN_TITLES
        assert library.search('"North Korean troops"').total == 5


def test_results_keep_the_query(seed_library: Path) -> None:
    with Library(seed_library) as library:
        assert library.search("Blinken").query == "Blinken"


def _with_whoosh_phrases(q: Any) -> Any:
    """``q`` with our exact phrases turned back into Whoosh's own Phrase queries."""
    from whoosh import query

    from index.phrases import ExactPhrase

    return q.accept(
        lambda node: (
            query.Phrase(node.fieldname, node.words, boost=node.boost)
            if isinstance(node, ExactPhrase)
            else node
        )
    )


@pytest.mark.parametrize(
    "phrase",
    [
        '"North Korean troops"',
        '"military intelligence"',
        '"said during a press conference"',
        '"Korean North"',
        '"Kursk Oblast"',
        '"Antony Blinken said"',
        '"troops troops"',
        '"North Korean" blinken',
        '"Kursk Oblast" NOT blinken',
        '"North Korean troops" OR "press conference"',
    ],
)
def test_quick_phrase_matcher_agrees_with_whoosh(seed_library: Path, phrase: str) -> None:
    from whoosh.collectors import TopCollector

    from index.phrases import ExactPhrase
    from index.search import parse_query

    with Library(seed_library) as library:
        searcher = library.searcher()
        fast = parse_query(phrase, searcher.schema)
        assert any(isinstance(q, ExactPhrase) for q in fast.leaves())
        slow = _with_whoosh_phrases(fast)

        def run(q: object) -> tuple[int, list[str]]:
            collector = TopCollector(limit=10, usequality=False)
            searcher.search_with_collector(q, collector)
            return collector.count(), [hit["id"] for hit in collector.results()]

        assert run(fast) == run(slow)


def test_unresolved_pronouns_are_not_source_names() -> None:
    from index.model import Source

    he = Source(start=0, end=2, text="He", name="He", kind="pronoun")
    nameless = Source(start=0, end=2, text="he", name="", kind="pronoun")  # what extract gives
    resolved = Source(start=10, end=12, text="he", name="Antony Blinken", kind="pronoun")
    assert he.unresolved_pronoun and nameless.unresolved_pronoun
    assert not resolved.unresolved_pronoun


def _library_with_a_deletion(seeds_copy: Path, tmp_path: Path) -> Library:
    """The seeds' library after one seed changed: its old version is a deleted document."""
    library = Library(tmp_path / "lib")
    library.add([seeds_copy])
    path = seeds_copy / "000_88ebcff245553769.txt"
    path.write_text(path.read_text().replace("Some 8,000", "Some 9,000"))
    os.utime(path, ns=(1, 1))
    assert library.add([seeds_copy]).updated == 1
    assert library.searcher().reader().has_deletions()
    return library


@pytest.mark.parametrize(
    "query",
    [
        "published:[2024-10-25 TO 2024-10-31]",
        "published:{2024-10-23 TO 2024-10-31}",
        "published:>2024-10-27",
        "published:<2024-10-28",
        "published:2024-10",
        "troops AND published:[2024-10-01 TO 2024-10-26]",
        "troops NOT published:2024-10-23",
    ],
)
def test_date_ranges_read_from_the_column_match_whoosh(
    seeds_copy: Path, tmp_path: Path, query: str
) -> None:
    """The column-based range gives Whoosh's own answer, with a deleted and an undated article."""
    from index.search import _parser, parse_query

    (seeds_copy / "undated.txt").write_text("Troops were seen near the border.\n" * 3)
    with _library_with_a_deletion(seeds_copy, tmp_path) as library:
        searcher = library.searcher()
        ours = parse_query(query, searcher.schema)
        whoosh = _parser(searcher.schema).parse(query)
        assert "ColumnRange(" in repr(ours)
        found = {hit.docnum for hit in searcher.search(ours, limit=None)}
        expected = {hit.docnum for hit in searcher.search(whoosh, limit=None)}
        assert found == expected
        assert found  # each query matches something, so the comparison means something


@pytest.mark.parametrize(
    "text",
    [
        "troops",
        "kursk blinken",
        '"north korean troops"',
        '"kursk oblast"',
        '"north korean" OR "press conference"',
        '"troops" published:[2024-10-01 TO 2024-10-28]',
        "title:kursk OR source:blinken",
    ],
)
def test_quick_ranking_scores_as_whoosh_does(seed_library: Path, text: str) -> None:
    """Our scoring and matchers give stock Whoosh's documents and scores, to the bit."""
    from whoosh.scoring import BM25F

    from index.scoring import FastBM25F
    from index.search import _parser, parse_query

    with Library(seed_library) as library:
        ours = library.searcher()
        assert isinstance(ours.weighting, FastBM25F)
        stock = library.index.searcher(weighting=BM25F())
        q = parse_query(text, ours.schema)
        plain = _parser(ours.schema).parse(text)  # no rewrites: Whoosh's own matchers
        found = [(h.docnum, h.score) for h in ours.search(q, limit=None)]
        expected = [(h.docnum, h.score) for h in stock.search(plain, limit=None)]
        stock.close()
        assert found and found == expected


def test_parallel_ingest_stores_what_one_process_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both cores (reading, cleaning, extracting and indexing in workers) change nothing."""
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(8):
        for seed in sorted(SEEDS.glob("*.txt")):
            text = seed.read_text().replace("troops", f"troops{n}" if n else "troops")
            (folder / f"{n}-{seed.name}").write_text(text)
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    # Pages with an outlet of their own are indexed in the workers (the seed copies,
    # whose outlet only the parent can tell from the library, are indexed there).
    for n in range(40):
        seed = sorted(SEEDS.glob("*.txt"))[n % 5].read_text()
        body = "\n\n".join(line for line in seed.splitlines() if len(line) > 120)
        (folder / f"note-{n}.md").write_text(
            f"---\ntitle: Notes {n}\noutlet: The Test Times\ndate: 2024-11-{n % 28 + 1:02d}\n---\n\n"
            f"Copy {n}.\n\n{body}\n"
        )

    def build(name: str, procs: int) -> tuple[object, ...]:
        with Library(tmp_path / name) as library:
            report = library.add([folder], procs=procs)
            rows = sorted((r.id, r.title, r.outlet, r.published) for r in library.rows())
            bodies = sorted(library.get(r[0]).body for r in rows)
            figures = sorted(len(library.get(r[0]).figures) for r in rows)
            hits = sorted(h.id for h in library.search("troops3 OR blinken", limit=None).hits)
            return report.summary(), sorted(report.skipped), rows, bodies, figures, hits

    one, two = build("one", 1), build("two", 2)
    assert one[0] == "80 added, 0 updated, 0 unchanged, 2 skipped"
    assert len(one[-1]) > 20
    assert two == one

    # Workers that fill their memory write a segment and start another: still the same.
    import index.library as library_module

    monkeypatch.setattr(library_module, "WORKER_LIMIT_MB", 0.05)
    monkeypatch.setattr(library_module.merging, "tidy", lambda _ix: 0)  # keep them apart
    assert build("many-segments", 2) == one
    with Library(tmp_path / "many-segments") as library:
        with library.index.reader() as reader:
            assert len(list(reader.leaf_readers())) > 4
    leftovers = [p.name for p in (tmp_path / "many-segments" / "whoosh").iterdir() if p.is_dir()]
    assert leftovers == []


def test_phrases_agree_with_whoosh_in_a_segment_with_deletions(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """With deleted documents the postings come filtered: the posting-at-a-time matcher runs."""

    from index.phrases import ExactPhrase, PhraseMatcher
    from index.search import parse_query

    with _library_with_a_deletion(seeds_copy, tmp_path) as library:
        searcher = library.searcher()
        for phrase in ('"North Korean troops"', '"Kursk Oblast"', '"Antony Blinken said"'):
            fast = parse_query(phrase, searcher.schema)
            slow = _with_whoosh_phrases(fast)
            leaf = next(
                q for q in fast.leaves() if isinstance(q, ExactPhrase) and q.fieldname == "body"
            )
            assert isinstance(leaf.matcher(searcher), PhraseMatcher)
            found = [(h.docnum, h.score) for h in searcher.search(fast, limit=None)]
            expected = [(h.docnum, h.score) for h in searcher.search(slow, limit=None)]
            assert found and found == expected


@pytest.mark.parametrize("limit", [1, 2, 3, 10])
def test_top_hits_and_count_match_whoosh_across_segments(
    seeds_copy: Path, tmp_path: Path, limit: int
) -> None:
    """Phrase answers taken by the collector in one go rank and count as Whoosh's do."""
    from whoosh.collectors import TopCollector
    from whoosh.scoring import BM25F

    from index.search import _parser

    with Library(tmp_path / "lib") as library:
        seeds = sorted(seeds_copy.glob("*.txt"))
        library.add(seeds[:2])
        library.add(seeds[2:])  # a second segment
        assert len(library.searcher().reader().leaf_readers()) == 2
        stock = library.index.searcher(weighting=BM25F())
        for text in ('"north korean troops"', '"north korean"', '"kursk oblast"'):
            results = library.search(text, limit=limit, snippets=False)
            collector = TopCollector(limit=limit, usequality=False)
            stock.search_with_collector(_parser(stock.schema).parse(text), collector)
            expected = [hit["id"] for hit in collector.results()]
            assert [hit.id for hit in results.hits] == expected
            assert results.total == collector.count() >= 1
        stock.close()


def test_hit_counts_are_exact_when_the_top_is_full(tmp_path: Path) -> None:
    """Once its top N is full, Whoosh turns "title OR body" into "title AND body" for
    speed; the hits only in the body must still be counted."""
    from whoosh.collectors import TopCollector

    from index.search import parse_query

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(12):  # in the title, and each a little shorter (so scoring higher)
        pad = " ".join(["calm"] * (12 - i))
        (folder / f"a{i:02d}.md").write_text(f"# Zephyr report {i}\n\nThe zephyr passed {pad}.\n")
    filler = " ".join(f"word{i}" for i in range(150))
    for i in range(30):  # only in a long body
        (folder / f"b{i:02d}.md").write_text(f"# Other news {i}\n\n{filler} and a zephyr.\n")
    with Library(tmp_path / "lib") as library:
        library.add([folder], procs=1)
        searcher = library.searcher()
        q = parse_query("zephyr", searcher.schema)
        stock = TopCollector(limit=1, usequality=False)
        searcher.search_with_collector(q, stock)
        assert stock.count() < 42  # Whoosh's own count drops the body-only hits
        for limit in (1, 3, 20, None):
            assert library.search("zephyr", limit=limit, snippets=False).total == 42


@pytest.mark.parametrize(
    "text",
    [
        "troops",
        "kursk blinken",
        "north korean troops kursk",
        "troops NOT blinken",
        "troops NOT austin NOT blinken",
        "blinken OR austin OR zelensky",
        "(troops OR soldiers) AND (kursk OR russia) NOT blinken",
        '"north korean troops"',
        '"kursk oblast" NOT blinken',
        '"north korean" OR "press conference"',
        "troops published:[2024-10-01 TO 2024-10-28]",
        "title:kursk OR source:blinken",
    ],
)
def test_whole_answers_score_as_whoosh_does(seeds_copy: Path, tmp_path: Path, text: str) -> None:
    """Queries answered a segment at a time (index/bulk.py) give stock Whoosh's documents
    and scores, to the bit, in two segments, one of them with a deleted document."""
    from whoosh.collectors import TopCollector
    from whoosh.scoring import BM25F

    from index.bulk import Bulk, scores_of
    from index.search import _parser, parse_query

    with _library_with_a_deletion(seeds_copy, tmp_path) as library:
        ours = library.searcher()
        assert len(ours.subsearchers) == 2
        stock = library.index.searcher(weighting=BM25F())
        q = parse_query(text, ours.schema)
        plain = _parser(ours.schema).parse(text)
        for sub, _ in ours.subsearchers:
            assert scores_of(q, sub, None) is not None  # answered in bulk, not by Whoosh
        found = [(h.docnum, h.score) for h in ours.search(Bulk(q), limit=None)]
        expected = [(h.docnum, h.score) for h in stock.search(plain, limit=None)]
        for limit in (1, 2, 3):  # the first pages too, ties going to the earlier document
            collector = TopCollector(limit=limit, usequality=False, replace=0)
            stock.search_with_collector(plain, collector)
            page = library.search(text, limit=limit, snippets=False)
            assert [h.id for h in page.hits] == [h["id"] for h in collector.results()]
            assert page.total == collector.count()
        stock.close()
        assert found and found == expected


def test_pair_signatures_hold_every_adjacent_pair_of_the_seeds() -> None:
    from itertools import pairwise

    from index.schema import PAIR_BITS, index_tokens, pair_bit, pair_signature

    for seed in sorted(SEEDS.glob("*.txt")):
        tokens = index_tokens(seed.read_text())
        signature = pair_signature(tokens)
        assert len(signature) == PAIR_BITS // 8
        for first, second in pairwise(tokens):
            bit = pair_bit(first, second)
            assert signature[bit >> 3] & (1 << (bit & 7)), (first, second)
        set_bits = sum(bin(byte).count("1") for byte in signature)
        assert set_bits <= len(set(pairwise(tokens)))  # one bit a pair at most
        assert set_bits < PAIR_BITS * 0.3  # sparse enough to rule documents out


def _phrase_library(tmp_path: Path) -> Library:
    """640 short articles with "central" and "bank" in each, as a phrase in every other."""
    folder = tmp_path / "banks"
    folder.mkdir()
    for n in range(640):
        words = "the central bank raised rates" if n % 2 == 0 else "a bank near the central square"
        pad = " ".join(["report"] * (n % 7))
        (folder / f"{n:03d}.md").write_text(f"# Note {n}\n\nToday {words} {pad}. Item {n}.\n")
    library = Library(tmp_path / "lib")
    library.add([folder], procs=1)  # one segment: a first page needs 200+ candidates in one
    return library


def test_pair_signatures_rule_out_documents_without_the_phrase(tmp_path: Path) -> None:
    from index.phrases import _with_pairs, segment_signatures
    from index.schema import pair_bit

    with _phrase_library(tmp_path) as library:
        kept = []
        for reader, _ in library.searcher().reader().leaf_readers():
            signatures = segment_signatures(reader)
            assert signatures is not None
            docs = list(range(reader.doc_count_all()))
            kept += _with_pairs(docs, signatures, {pair_bit("central", "bank")})
        assert 320 <= len(kept) < 400  # the 320 with the phrase, and few others
        assert library.search('"central bank"', limit=None).total == 320
        assert library.search('"bank central"', limit=None).total == 0


def test_a_phrase_snippet_shows_the_phrase_not_its_first_word(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    filler = " ".join(["The briefing went on."] * 20)
    (folder / "a.md").write_text(
        "# Briefing\n\nThe military said little at first. "
        + filler
        + " Later the head of military intelligence said the troops had moved.\n"
    )
    (folder / "b.md").write_text("# Other\n\nNothing about that here, said the mayor.\n")
    with Library(tmp_path / "lib") as library:
        library.add([folder], procs=1)
        (hit,) = library.search('"military intelligence"').hits
        assert "head of military intelligence said" in hit.snippet
        (hit,) = library.search('"head of the military"').hits  # a stop word inside
        assert "head of military" in hit.snippet
        (hit,) = library.search("military").hits  # a word: its first place
        assert "The military said little" in hit.snippet


def test_warm_reads_ahead_what_the_first_searches_need(tmp_path: Path) -> None:
    from index import phrases, scoring
    from index.search import warm

    def cached() -> tuple[int, int]:
        norms = sum(len(by_field) for by_field in scoring._NORMS.values())
        return norms, len(phrases._SIGNATURES)

    with _phrase_library(tmp_path) as library:
        before = cached()
        warm(library)
        after = cached()
        segments = len(library.searcher().leaf_searchers())
        assert after[0] - before[0] == 2 * segments  # title and body, each segment
        assert after[1] - before[1] == segments
        assert library.search("bank", limit=5).total == 640
        assert library.search('"central bank"', limit=5, exact_count=False).hits
        assert cached() == after  # the searches found everything read already


def test_a_first_page_of_a_phrase_is_exact_and_its_count_estimated(tmp_path: Path) -> None:
    with _phrase_library(tmp_path) as library:
        for text in ('"central bank"', '"central square"', '"bank raised rates"'):
            exact = library.search(text, limit=5)
            first = library.search(text, limit=5, exact_count=False)
            assert [(h.id, h.score) for h in first.hits] == [(h.id, h.score) for h in exact.hits]
            assert not exact.estimated and exact.total == 320
            assert first.estimated
            assert abs(first.total - exact.total) <= exact.total * 0.2
        words = library.search("central bank", limit=5, exact_count=False)
        assert not words.estimated and words.total == 640  # only phrases are estimated


def test_thirty_small_adds_stay_searchable_with_few_segments(tmp_path: Path) -> None:
    """Issue 14: the tenth add of 30 articles failed when Whoosh merged the small
    segments, and every add after it; adds never merge beyond a small bound."""

    folder = tmp_path / "articles"
    with Library(tmp_path / "library") as library:
        for batch in range(30):
            paths = []
            for n in range(1 + batch % 7 * 7):
                path = folder / f"b{batch}" / f"a{n}.md"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(
                    f"---\ntitle: Story {batch} {n}\n---\n\nOfficials said word{batch}x{n} "
                    "troops moved, according to the agency.\n"
                )
                paths.append(path)
            report = library.add(paths)
            assert report.added == len(paths)
            assert library.search(f"word{batch}x0").total == 1
            assert library.searcher().doc_count() == library.count()
        assert library.check() == []
        assert len(library.index._segments()) < 12
        assert library.search("agency", limit=None).total == library.count()


def test_a_search_sees_adds_and_a_reindex_made_by_another_connection(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """Row 10: a reindex elsewhere deleted the files under an open searcher ('NoneType'
    object is not subscriptable); row 9: an add elsewhere was never seen."""
    with Library(tmp_path / "lib") as library:
        library.add([seeds_copy])
        assert library.search("troops").total == 5  # the searcher is open
        with Library(tmp_path / "lib") as other:
            other.reindex()
        for query in ("title:kursk", "blinken", '"north korean"', "depl*"):
            assert library.search(query).total > 0
        (seeds_copy / "zebra.txt").write_text(
            "Zebras crossed\n\nA herd of zebras crossed the ring road on Tuesday, officials "
            "said, and traffic stood still for an hour.\n"
        )
        with Library(tmp_path / "lib") as other:
            assert other.add([seeds_copy]).added == 1
        assert library.search("zebras").total == 1
