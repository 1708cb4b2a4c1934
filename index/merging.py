"""Keeping the Whoosh index's segments few, without making any add wait long.

Every add commits its articles as a segment of its own, without merging, so they are
searchable at once. :func:`tidy` then merges, in a second commit, only segments that are
small and alike in size (a tiered policy, as Lucene's): segments fall in tiers of a
tenfold size range, and a tier that holds :data:`SEGMENTS_PER_TIER` of them is merged
into one of the next tier. A merge copies every posting through Python at roughly
2,000-10,000 news articles a second here, so no merge may exceed
:data:`MAX_MERGE_DOCS`; bigger segments (a bulk add's are 5,000 articles a worker) are
left as they are. Whoosh's own default policy merged 20 small segments into one of
50,000 articles on the 21st add to a large library: four minutes in the add.

The number of segments then grows with the library's size over the bound, not with the
number of adds: 30 small adds leave a handful.
"""

from __future__ import annotations

import shutil
from typing import Any

SEGMENTS_PER_TIER = 8
"""Segments of one tier that make a merge."""
TIER_FACTOR = 10
"""Each tier holds segments up to this many times bigger than the tier below."""
SMALLEST_TIER = 100
"""Segments below this many documents are all of the first tier."""
MAX_MERGE_DOCS = 4000
"""The most documents one merge may copy: a few seconds on this machine."""


def tier(doc_count: int) -> int:
    """The size tier of a segment of ``doc_count`` documents (counting deleted ones)."""
    level, bound = 0, SMALLEST_TIER
    while doc_count >= bound:
        level += 1
        bound *= TIER_FACTOR
    return level


def plan(segments: list[Any], max_docs: int = MAX_MERGE_DOCS) -> list[Any]:
    """The segments to merge into one, or none: the smallest tier that is full, taking
    its smallest segments while the total stays within ``max_docs``."""
    tiers: dict[int, list[Any]] = {}
    for segment in segments:
        tiers.setdefault(tier(segment.doc_count_all()), []).append(segment)
    for level in sorted(tiers):
        members = sorted(tiers[level], key=lambda s: s.doc_count_all())
        chosen: list[Any] = []
        total = 0
        for segment in members:
            if total + segment.doc_count_all() > max_docs:
                break
            chosen.append(segment)
            total += segment.doc_count_all()
        if len(chosen) >= SEGMENTS_PER_TIER:
            return chosen
    return []


def tidy(ix: Any, *, max_docs: int = MAX_MERGE_DOCS, timeout: float = 5.0) -> int:
    """Merge small segments in a commit of their own; the number of documents merged.

    Run under the library's write lock, after the add's own commit.
    """
    from whoosh.reading import SegmentReader

    from index.writer import SegmentWriter

    chosen = plan(list(ix._segments()), max_docs)
    if not chosen:
        return 0
    ids = {segment.segment_id() for segment in chosen}

    def merge_chosen(writer: Any, segments: list[Any]) -> list[Any]:
        for segment in segments:
            if segment.segment_id() in ids:
                reader = SegmentReader(writer.storage, writer.schema, segment)
                writer.add_reader(reader)
                reader.close()
        return [s for s in segments if s.segment_id() not in ids]

    writer = SegmentWriter(ix, timeout=timeout, compound=False, limitmb=256)
    try:
        writer.commit(mergetype=merge_chosen)
    except BaseException:
        writer.cancel()
        raise
    return sum(segment.doc_count_all() for segment in chosen)


def remove_orphans(ix: Any) -> int:
    """Delete index files that the current table of contents does not use; how many.

    A failed or killed add leaves the segments its workers wrote (tens of megabytes
    each), and writers' temporary folders. Whoosh removes unused segment files only
    at its next successful commit, which a full disk prevents. Run it only under the
    library's write lock: another writer's files would look unused too.
    """
    from whoosh.index import TOC

    storage = ix.storage
    generation = ix.latest_generation()
    if generation < 0:
        return 0
    live = {segment.segment_id() for segment in ix._segments()}
    tocs = TOC._pattern(ix.indexname)
    segment_files = TOC._segment_pattern(ix.indexname)
    removed = 0
    for name in list(storage):
        toc = tocs.match(name)
        segment = segment_files.match(name)
        if (toc and int(toc.group(1)) != generation) or (segment and segment.group(1) not in live):
            try:
                storage.delete_file(name)
                removed += 1
            except OSError:
                pass
    folder = getattr(storage, "folder", None)
    if folder:
        from pathlib import Path

        for temp in Path(folder).glob("*.tmp"):
            shutil.rmtree(temp, ignore_errors=True) if temp.is_dir() else temp.unlink(
                missing_ok=True
            )
            removed += 1
    return removed
