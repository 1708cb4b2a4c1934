"""The merge policy: small segments merge, in bounded merges; orphans go."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from index import merging


@dataclass
class _Segment:
    docs: int
    name: str = ""

    def doc_count_all(self) -> int:
        return self.docs

    def segment_id(self) -> str:
        return self.name or f"s{self.docs}"


def test_a_full_tier_of_small_segments_is_merged() -> None:
    small = [_Segment(30, f"s{i}") for i in range(merging.SEGMENTS_PER_TIER)]
    assert merging.plan([_Segment(50_000), *small]) == small
    assert merging.plan([_Segment(50_000), *small[:-1]]) == []


def test_no_merge_copies_more_than_the_bound() -> None:
    big = [_Segment(900, f"b{i}") for i in range(20)]
    chosen = merging.plan(big, max_docs=4000)
    assert chosen == []  # eight of them would be 7,200: over the bound
    middling = [_Segment(450, f"m{i}") for i in range(12)]
    chosen = merging.plan(middling, max_docs=4000)
    assert len(chosen) == 8 and sum(s.docs for s in chosen) <= 4000
    assert merging.plan([_Segment(60_000, f"x{i}") for i in range(30)]) == []


def test_tiers_are_tenfold() -> None:
    assert [merging.tier(n) for n in (0, 99, 100, 999, 1000, 50_000)] == [0, 0, 1, 1, 2, 3]


def test_orphan_files_of_a_cancelled_writer_are_removed(tmp_path: Path) -> None:
    from whoosh import index as whoosh_index

    from index.schema import index_tokens, make_schema
    from index.writer import SegmentWriter

    ix = whoosh_index.create_in(str(tmp_path), make_schema())
    writer = SegmentWriter(ix, compound=False)
    writer.add_document(id="a", body=index_tokens("kept words"))
    writer.commit()
    before = sorted(p.name for p in tmp_path.iterdir())
    worker = SegmentWriter(ix, _lk=False, compound=False)
    worker.add_document(id="b", body=index_tokens("orphan words"))
    worker.finish_segment()  # written, never committed: what a killed add leaves
    assert sorted(p.name for p in tmp_path.iterdir()) != before
    assert merging.remove_orphans(ix) > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    with ix.searcher() as searcher:
        assert [d["id"] for d in searcher.documents()] == ["a"]
