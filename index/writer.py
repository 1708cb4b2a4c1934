"""Whoosh segment writing for ingest: the same segments as Whoosh writes, made quicker.

Whoosh 2.7's ``add_document`` turns each token into a ``Token`` object and reads
every field length back from disk while it writes the postings; together that is
about a third of its indexing time. :class:`SegmentWriter` here builds the very
same postings from token lists directly and keeps the lengths it has just written.
It also takes segments written by other processes (ingest workers that each index
their share of the articles) into its commit, so that nothing is pickled twice.

The output reads back as exactly what ``whoosh.writing.SegmentWriter`` writes
(``tests/test_writer.py`` compares every posting, length, stored field and column).
One difference in the bytes: posting blocks are pickled with the newest pickle
protocol instead of protocol 2, which has no opcode for bytes and pickles each
posting's value as a call to ``codecs.encode``. Whoosh reads either; unpickling a
block of 128 postings takes 16 µs instead of 150, which is most of a search for a
common word.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import zlib
from array import array
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import groupby, islice
from operator import itemgetter, sub
from types import MethodType
from typing import Any

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3Codec
from whoosh.compat import dumps
from whoosh.formats import Frequency, Positions
from whoosh.system import pack_uint
from whoosh.util import random_name
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import SegmentWriter as WhooshSegmentWriter

Posting = tuple[str, bytes, int, float, bytes]

SMALL_BLOCK = 200
"""Posting blocks of fewer bytes are written uncompressed."""


def _positions_items(tokens: list[str], boost: float) -> list[tuple[bytes, int, float, bytes]]:
    """What ``Positions.word_values`` and ``TEXT.index`` give for a token list.

    Positions are grouped by a stable sort of the token indices, in C, instead of a
    Python loop over every token.
    """
    word = tokens.__getitem__
    items = []
    for token, group in groupby(sorted(range(len(tokens)), key=word), key=word):
        poses = list(group)
        if len(poses) == 1:
            value = _single_position(poses[0])
        else:
            value = pack_uint(len(poses)) + dumps(list(map(sub, poses, [0, *poses])), 2)
        items.append((token.encode("utf-8"), len(poses), float(len(poses)) * boost, value))
    return items


@cache
def _single_position(pos: int) -> bytes:
    return pack_uint(1) + dumps([pos], 2)


def _frequency_items(tokens: Iterable[str], boost: float) -> list[tuple[bytes, int, float, bytes]]:
    """What ``Frequency.word_values`` and ``TEXT.index`` give for a token list."""
    counts: dict[str, int] = {}
    for token in tokens:
        counts[token] = counts.get(token, 0) + 1
    return [
        (token.encode("utf-8"), n, float(n) * boost, pack_uint(n)) for token, n in counts.items()
    ]


def _quick_items(field: Any, value: Any) -> list[tuple[bytes, int, float, bytes]] | None:
    """The field's postings for a list of tokens, or None where Whoosh's own way is needed."""
    if not isinstance(value, list):
        return None
    kind = type(field.format)
    if kind is Positions:
        return _positions_items(value, field.format.field_boost)
    if kind is Frequency:
        return _frequency_items(value, field.format.field_boost)
    return None


def _write_postings(
    fieldwriter: Any, schema: Any, lengths: dict[tuple[int, str], int], postings: Iterator[Posting]
) -> None:
    """``FieldWriter.add_postings`` for Whoosh 2.7's codec, a term's block at a time.

    Whoosh calls three methods for every posting and reads each posting's field length
    back from disk; here a block's documents, weights, values and lengths are set in a
    few list operations and the block is written by Whoosh's own code. The postings come
    sorted from the pool.
    """
    for fieldname, in_field in groupby(postings, key=itemgetter(0)):
        fieldwriter.start_field(fieldname, schema[fieldname])
        writer = fieldwriter._postwriter
        if "_write_block" not in vars(writer):
            writer._write_block = MethodType(_write_block, writer)
        limit = writer._blocklimit
        for btext, in_term in groupby(in_field, key=itemgetter(1)):
            fieldwriter.start_term(btext)
            rows = iter(in_term)
            block = list(islice(rows, limit))
            while block:
                following = list(islice(rows, limit))
                _fill_block(writer, block, fieldname, lengths)
                if following:
                    writer._write_block()  # which starts the next block
                block = following
            fieldwriter.finish_term()
        fieldwriter.finish_field()


def _write_block(self: Any, last: bool = False) -> None:
    """Whoosh 2.7's ``W3PostingsWriter._write_block``, pickling the block's data with
    the newest protocol (see the module's docstring)."""
    if not self._blockcount:
        self._postfile.write(WHOOSH3_HEADER_MAGIC)
    self._terminfo.add_block(self)
    data = (self._mini_ids(), self._mini_weights(), self._mini_values())
    databytes = pickle.dumps(data, pickle.HIGHEST_PROTOCOL)
    # Whoosh means to leave tiny blocks uncompressed but compresses all of them (its
    # check is overwritten on the next line). Most terms are rare: three blocks in four
    # are under 100 bytes, which zlib cannot shrink and spends ~20 µs a call on.
    comp = self._compression if len(databytes) >= SMALL_BLOCK else 0
    if comp:
        databytes = zlib.compress(databytes, comp)
    ids = self._ids
    infobytes = dumps(
        (
            len(ids),
            ids[-1],
            self._maxweight,
            comp,
            length_to_byte(self._minlength),
            length_to_byte(self._maxlength),
        ),
        2,
    )
    blocklength = len(infobytes) + len(databytes)
    self._postfile.write_int(-blocklength if last else blocklength)
    self._postfile.write(infobytes)
    self._postfile.write(databytes)
    self._blockcount += 1
    self._new_block()


def _fill_block(writer: Any, block: list[Posting], fieldname: str, lengths: dict) -> None:
    """Set a postings writer's block as ``add_posting`` would have, one posting at a time."""
    docs = [row[2] for row in block]
    weights = [row[3] for row in block]
    writer._ids = array("I", docs)
    writer._weights = array("f", weights)
    writer._values = [row[4] for row in block if row[4]]
    writer._maxweight = max(0, *weights)
    found = [n for n in (lengths.get((doc, fieldname), 0) for doc in docs) if n]
    writer._minlength = min(found) if found else None
    writer._maxlength = max(found, default=0)


class SegmentWriter(WhooshSegmentWriter):
    """Whoosh's segment writer with a quick path for token lists (see the module doc).

    Each writer keeps its temporary run files in a folder of its own: Whoosh's is
    named after the index, so writers of one index share it, and the first to finish
    would delete the others' runs with it. (Column files still pass through the shared
    one, under random names; it is removed when a commit leaves it empty.)
    """

    _tempstorage: Any

    def __init__(self, ix: Any, *, spill: bool = True, **kwargs: Any) -> None:
        """``spill=False`` keeps every posting in memory past ``limitmb``: the owner is to
        watch :attr:`full` and finish the segment then. Sorting runs spilled to disk and
        merging them back costs as much again as the rest of indexing."""
        super().__init__(ix, **kwargs)
        self.spill = spill
        self._shared_temp: str = self._tempstorage.folder
        self._tempstorage = self.storage.temp_storage(f"reader-{random_name()}.tmp")
        self.pool.tempstore = self._tempstorage
        self._lengths: dict[tuple[int, str], int] = {}
        self._quick = isinstance(self.codec, W3Codec) and not any(
            field.vector or field.separate_spelling() for _name, field in self.schema.items()
        )
        self.extra_segments: list[Any] = []
        """Segments written by other processes, committed with this writer's own."""

    def add_document(self, **fields: Any) -> None:
        if not self._quick:
            super().add_document(**fields)
            return
        self._check_state()
        schema = self.schema
        docnum = self.docnum
        perdoc = self.perdocwriter
        docboost = self._doc_boost(fields)
        names = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(schema, names)
        postings: list[Posting] = []
        perdoc.start_doc(docnum)
        for name in names:
            value = fields.get(name)
            if value is None:
                continue
            field = schema[name]
            length = 0
            if field.indexed:
                boost = self._field_boost(fields, name, docboost)
                items = _quick_items(field, value)
                if items is None:
                    items = field.index(value)
                scorable = field.scorable
                for tbytes, freq, weight, vbytes in items:
                    if scorable:
                        length += freq
                    postings.append((name, tbytes, docnum, weight * boost, vbytes))
            stored = fields.get(f"_stored_{name}", value)
            perdoc.add_field(name, field, stored if field.stored else None, length)
            if length:
                self._lengths[(docnum, name)] = byte_to_length(length_to_byte(length))
            column = field.column_type
            if column and stored is not None:
                perdoc.add_column_value(name, column, field.to_column_value(stored))
        perdoc.finish_doc()
        self._pool_postings(postings)
        self._added = True
        self.docnum += 1

    def add_reader(self, reader: Any) -> None:
        """Copy a segment's documents into this one (how Whoosh merges segments).

        Whoosh's own writer reads each posting's field length back from the new segment
        as it writes it; this one writes from :attr:`_lengths`, so the copied documents'
        lengths are put there first. Without them a merged block had no minimum length
        (a TypeError at the tenth small add) and term infos gave lengths of 0.
        """
        basedoc = self.docnum
        super().add_reader(reader)
        scorable = [name for name, field in self.schema.items() if field.scorable]
        lengths = self._lengths
        for newdoc, docnum in enumerate(reader.all_doc_ids(), start=basedoc):
            for name in scorable:
                length = reader.doc_field_length(docnum, name)
                if length:
                    lengths[(newdoc, name)] = length

    def _pool_postings(self, postings: list[Posting]) -> None:
        """Add a document's postings to the sorting pool at once (Whoosh adds one at a time).

        The pool spills to disk by its estimate of the postings' size in memory; about
        200 bytes a posting is what Whoosh's own estimate comes to for news text.
        """
        pool = self.pool
        pool.fieldnames.update({p[0] for p in postings})
        pool.currentsize += 200 * len(postings)
        pool.current.extend(postings)
        if self.spill and pool.currentsize > pool.limit:
            pool.save()

    @property
    def full(self) -> bool:
        """The postings held in memory have reached ``limitmb``."""
        return self.pool.currentsize > self.pool.limit

    def _flush_segment(self) -> None:
        if not self._quick:
            super()._flush_segment()
            return
        self.perdocwriter.close()
        _write_postings(self.fieldwriter, self.schema, self._lengths, self.pool.iter_postings())
        self.fieldwriter.close()

    def finish_segment(self) -> Any | None:
        """Write this writer's postings and close its segment, for another writer's commit.

        Returns the segment, or None when no document was added.
        """
        if not self._added:
            self._close_segment()
            self._tempstorage.destroy()
            return None
        segment = self._finalize_segment()
        self._tempstorage.destroy()
        return segment

    def commit(self, mergetype: Any = None, optimize: Any = None, merge: Any = None) -> None:
        """Whoosh's commit, with :attr:`extra_segments` added to the new table of contents."""
        self._check_state()
        final = self._merge_segments(mergetype, optimize, merge)
        if self._added:
            final.append(self._finalize_segment())
        else:
            self._close_segment()
        self._commit_toc(final + self.extra_segments)
        self._finish()
        with contextlib.suppress(OSError):
            os.rmdir(self._shared_temp)  # only if empty: a worker may still be using it
