"""index.writer writes what Whoosh's own SegmentWriter writes, only quicker."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.writing import SegmentWriter as WhooshSegmentWriter

from index.schema import index_tokens, make_schema
from index.writer import SegmentWriter

WORDS = (
    "said troops more than the of Kursk was reached Blinken according to 8,000 U.S. déjà".split()
)


def _documents(count: int, seed: int = 5) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    docs = []
    for n in range(count):
        body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 400)))
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 8)))
        doc: dict[str, Any] = {
            "id": f"a{n}",
            "title": index_tokens(title) if n % 2 else title,
            "body": index_tokens(body),
            "author": "Kateryna Hodunova" if n % 3 else "",
            "source": index_tokens("Antony Blinken; HUR"),
            "figure": index_tokens("8,000 troops; 3,000 soldiers; 8,000 troops"),
            "hash": f"h{n}",
        }
        if n % 4:
            doc["published"] = datetime(2024, 1, 1) + timedelta(hours=37 * n)
        docs.append(doc)
    return docs


def _postings(reader: Any, term: tuple[str, bytes]) -> list[tuple[int, float, bytes]]:
    m = reader.postings(*term)
    out = []
    while m.is_active():
        out.append((m.id(), m.weight(), m.value()))
        m.next()
    return out


def _write(folder: Path, writer_class: type, docs: list[dict[str, Any]], **kwargs: Any) -> Path:
    folder.mkdir()
    ix = whoosh_index.create_in(str(folder), make_schema())
    writer = writer_class(ix, compound=False, **kwargs)
    for doc in docs:
        writer.add_document(**doc)
    writer.commit()
    ix.close()
    return folder


def _everything(folder: Path) -> dict[str, Any]:
    ix = whoosh_index.open_dir(str(folder))
    with ix.reader() as reader:
        fields = [name for name, _field in ix.schema.items()]
        docs = range(reader.doc_count_all())
        found = {
            "terms": {term: _postings(reader, term) for term in reader.all_terms()},
            "lengths": [[reader.doc_field_length(d, f) for f in fields] for d in docs],
            "totals": [reader.field_length(f) for f in fields],
            "stored": [reader.stored_fields(d) for d in docs],
            "published": list(reader.column_reader("published", translate=False)),
        }
    ix.close()
    return found


def test_the_quick_writer_writes_what_whoosh_writes(tmp_path: Path) -> None:
    docs = _documents(300)
    ours = _everything(_write(tmp_path / "ours", SegmentWriter, docs))
    theirs = _everything(_write(tmp_path / "theirs", WhooshSegmentWriter, docs))
    assert ours["terms"].keys() == theirs["terms"].keys()
    assert ours == theirs
    assert ("title", b"blinken") in ours["terms"]
    assert any((length or 0) > 255 for row in ours["lengths"] for length in row)


def test_the_same_when_postings_spill_to_disk(tmp_path: Path) -> None:
    docs = _documents(200, seed=9)
    ours = _everything(_write(tmp_path / "ours", SegmentWriter, docs, limitmb=0.05))
    theirs = _everything(_write(tmp_path / "theirs", WhooshSegmentWriter, docs))
    assert ours == theirs


def test_segments_from_other_writers_join_the_commit(tmp_path: Path) -> None:
    folder = tmp_path / "ix"
    folder.mkdir()
    ix = whoosh_index.create_in(str(folder), make_schema())
    docs = _documents(30)
    first = SegmentWriter(ix, compound=False)
    first.add_document(**docs[0])
    first.commit()
    parent = SegmentWriter(ix, compound=False)
    workers = [SegmentWriter(ix, _lk=False, compound=False) for _ in range(2)]
    for n, doc in enumerate(docs[1:]):
        workers[n % 2].add_document(**doc)
    idle = SegmentWriter(ix, _lk=False, compound=False)
    assert idle.finish_segment() is None
    parent.extra_segments = [w.finish_segment() for w in workers]
    parent.delete_by_term("id", "a0")
    parent.commit()
    ix = whoosh_index.open_dir(str(folder))
    with ix.searcher() as searcher:
        ids = sorted(hit["id"] for hit in searcher.documents())
    assert ids == sorted(f"a{n}" for n in range(1, 30))
    assert not [p for p in folder.iterdir() if p.suffix == ".tmp"]


def _term_lengths(folder: Path) -> dict[tuple[str, bytes], tuple[int, int]]:
    ix = whoosh_index.open_dir(str(folder))
    with ix.reader() as reader:
        found = {}
        for fieldname, text in reader.all_terms():
            info = reader.term_info(fieldname, text)
            found[(fieldname, text)] = (info.min_length(), info.max_length())
    ix.close()
    return found


def _write_in_batches(
    folder: Path, writer_class: type, docs: list[dict[str, Any]], final: dict[str, Any]
) -> Path:
    """Several small commits, deletions and updates among them, then a merging commit."""
    from whoosh.writing import NO_MERGE

    folder.mkdir()
    ix = whoosh_index.create_in(str(folder), make_schema())
    for start in range(0, len(docs), 12):
        writer = writer_class(ix, compound=False)
        for doc in docs[start : start + 12]:
            writer.add_document(**doc)
        if start:
            writer.delete_by_term("id", f"a{start - 5}")
        writer.commit(mergetype=NO_MERGE)
    writer = writer_class(ix, compound=False)
    writer.add_document(**{**docs[3], "id": "a3"})  # an update: a3 again, once
    writer.delete_by_term("id", "a3")
    writer.commit(**final)
    ix.close()
    return folder


def test_merges_write_what_whoosh_writes(tmp_path: Path) -> None:
    """Issue 14: merged documents reached the postings writer without lengths, so the
    tenth small add failed with a TypeError, and term infos said lengths of 0."""
    from whoosh.writing import MERGE_SMALL

    docs = _documents(130, seed=3)
    for name, final in [("small", {"mergetype": MERGE_SMALL}), ("optimize", {"optimize": True})]:
        ours = _write_in_batches(tmp_path / f"ours-{name}", SegmentWriter, docs, final)
        theirs = _write_in_batches(tmp_path / f"theirs-{name}", WhooshSegmentWriter, docs, final)
        assert _everything(ours) == _everything(theirs)
        assert _term_lengths(ours) == _term_lengths(theirs)
        assert _term_lengths(ours)[("body", b"troops")][1] > 0
    ix = whoosh_index.open_dir(str(tmp_path / "ours-optimize"))
    assert len(ix._segments()) == 1
    with ix.searcher() as searcher:
        assert sorted(searcher.lexicon("id")) != []
        assert searcher.doc_count() == 130 - 10 - 1 + 1
    ix.close()
