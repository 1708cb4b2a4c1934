"""The notes file: format, parse-back, duplicates, user edits, concurrent appends."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from conftest import ROOT

from index.library import Library
from index.notes import (
    Bookmark,
    NotesError,
    NotesFile,
    bookmark_id,
    format_entry,
    make_bookmark,
    parse_notes,
)

SAVED = datetime(2026, 11, 22, 10, 15, 3, tzinfo=timezone(timedelta(hours=1)))


def _article(seed_library: Path, prefix: str = "8,000"):
    with Library(seed_library) as library:
        row = next(r for r in library.rows() if r.title.startswith(prefix))
        return library.get(row.id)


def test_entry_reads_well_and_parses_back(seed_library: Path, tmp_path: Path) -> None:
    article = _article(seed_library)
    start, end = article.paragraph_offsets()[0]
    bm = make_bookmark(
        article,
        start,
        end,
        note="Why this matters.\nSecond line.",
        saved=SAVED,
        display_path="seeds/000_88ebcff245553769.txt",
    )
    notes = NotesFile(tmp_path / "notes.md")
    assert notes.append(bm) is True
    text = notes.path.read_text()
    assert text.startswith(
        f"### {article.title}\n<!-- reader:bookmark id={bm.id} article={article.id} start=0 end={end} v=2 -->\n\n> Some 8,000"
    )
    assert f" ^bm-{bm.id}\n\n- outlet:: The Kyiv Independent\n" in text
    assert "- location:: paragraph 1\n" in text
    assert text.endswith(
        "- saved:: 2026-11-22T10:15:03+01:00\n\nWhy this matters.\nSecond line.\n"
        f"<!-- reader:end id={bm.id} -->\n"
    )
    (back,) = notes.read()
    assert back.quote == article.paragraphs[0]
    assert back.note == "Why this matters.\nSecond line."
    assert (back.article_id, back.start, back.end, back.title) == (
        article.id,
        0,
        end,
        article.title,
    )
    assert back.path == "seeds/000_88ebcff245553769.txt"


def test_same_passage_twice_adds_nothing(seed_library: Path, tmp_path: Path) -> None:
    article = _article(seed_library)
    start, end = article.paragraph_offsets()[1]
    notes = NotesFile(tmp_path / "notes.md")
    assert notes.append(make_bookmark(article, start, end, saved=SAVED))
    assert not notes.append(make_bookmark(article, start, end, note="again"))
    assert len(notes.read()) == 1
    assert bookmark_id(article.id, start, end) == notes.read()[0].id


def test_hash_in_quote_and_title_is_escaped_and_restored() -> None:
    bm = Bookmark(
        id="abc123abc123",
        article_id="a1",
        start=0,
        end=5,
        title="Story #1",
        quote="Protesters used #FreeSpeech and said \\# stays.",
        saved="x",
    )
    text = format_entry(bm)
    assert "### Story \\#1" in text and "> Protesters used \\#FreeSpeech" in text
    (back,) = parse_notes(text)
    assert back.title == "Story #1"
    assert back.quote == "Protesters used #FreeSpeech and said # stays."


def test_user_edits_do_no_harm(seed_library: Path, tmp_path: Path) -> None:
    article = _article(seed_library)
    spans = article.paragraph_offsets()
    notes = NotesFile(tmp_path / "notes.md")
    notes.path.write_text("# My research notes\n\nSome intro I wrote.\n")
    notes.append(make_bookmark(article, *spans[0], note="first", saved=SAVED))
    with notes.path.open("a") as f:
        f.write("\n## A heading of my own\n\nMore of my thoughts.\n- tag:: mine\n")
    notes.append(make_bookmark(article, *spans[2], saved=SAVED))
    edited = notes.path.read_text().replace(
        "- outlet:: The Kyiv Independent", "- outlet:: Kyiv Independent (edited)", 1
    )
    notes.path.write_text(edited + "\r\nA note added by hand\r\n")
    first, second = notes.read()
    assert first.outlet == "Kyiv Independent (edited)"
    assert first.note.startswith("first")
    assert "A heading of my own" in first.note
    assert second.note == "A note added by hand"
    assert second.quote == article.paragraphs[2]


def test_markdown_headings_in_a_note_do_not_split_entries(tmp_path: Path) -> None:
    bm = Bookmark(
        id="0123456789ab",
        article_id="a1",
        start=0,
        end=5,
        title="T",
        quote="Q",
        note="### not an entry\n<!-- reader:bookmark id=fake article=x start=0 end=1 -->",
    )
    (back,) = parse_notes(format_entry(bm))
    assert back.id == "0123456789ab"
    assert "not an entry" in back.note


def test_two_processes_append_100_each(seed_library: Path, tmp_path: Path) -> None:
    notes_path = tmp_path / "notes.md"
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from index.library import Library\n"
        "from index.notes import NotesFile, make_bookmark\n"
        "lib = Library(Path(sys.argv[1]))\n"
        "article = lib.get(lib.rows()[0].id)\n"
        "notes = NotesFile(Path(sys.argv[2]))\n"
        "offset = int(sys.argv[3])\n"
        "for i in range(100):\n"
        "    notes.append(make_bookmark(article, offset + i, offset + i + 40, note=f'n{offset + i}'))\n"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(seed_library), str(notes_path), str(k)], cwd=ROOT
        )
        for k in (0, 100)
    ]
    assert [p.wait(120) for p in procs] == [0, 0]
    entries = NotesFile(notes_path).read()
    assert len(entries) == 200
    assert sorted(e.note for e in entries) == sorted(f"n{i}" for i in range(200))
    assert len({e.id for e in entries}) == 200
    assert all(e.quote and e.saved for e in entries)


# Faults and hostile input (issue rows 4, 5, 6, 18, 20)


def _bm(n: int, note: str = "", **fields: str) -> Bookmark:
    """A bookmark of passage ``n`` of an article "a1", with no library."""
    return Bookmark(
        id=bookmark_id("a1", n, n + 10),
        article_id="a1",
        start=n,
        end=n + 10,
        title=fields.pop("title", f"Story {n}"),
        quote=fields.pop("quote", f"Passage number {n} of the story."),
        saved="2026-11-22T10:15:03+01:00",
        note=note,
        **fields,
    )


def test_a_write_cut_short_by_a_full_disk_leaves_the_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Row 4: ENOSPC halfway through the entry left half of it, read as a bookmark, and
    the same bookmark then said "Already bookmarked" for ever."""
    notes = NotesFile(tmp_path / "notes.md")
    assert notes.append(_bm(1, note="first"))
    before = notes.path.read_bytes()
    real_write = os.write
    calls: list[int] = []

    def half_then_full(fd: int, data: bytes) -> int:
        calls.append(len(data))
        if len(calls) == 1:
            return real_write(fd, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", half_then_full)
    with pytest.raises(NotesError) as raised:
        notes.append(_bm(2, note="second, with a note"))
    monkeypatch.undo()
    assert len(calls) == 2  # half was written, then the disk was full
    assert notes.path.read_bytes() == before
    assert "space" in str(raised.value) and "try again" in str(raised.value)
    assert [bm.id for bm in notes.read()] == [_bm(1).id]
    assert notes.append(_bm(2, note="second, with a note")) is True
    first, second = notes.read()
    assert (first.note, second.note) == ("first", "second, with a note")
    assert second.id == _bm(2).id and second.quote == "Passage number 2 of the story."


def test_an_entry_cut_short_anywhere_is_ignored_and_can_be_bookmarked_again(
    tmp_path: Path,
) -> None:
    """Row 4: whatever part of an entry reached the disk, it is no bookmark, so a later
    append completes the bookmark."""
    first = format_entry(_bm(1, note="first"))
    entry = format_entry(_bm(2, note="line one\nline two"))
    assert entry.endswith(f"<!-- reader:end id={_bm(2).id} -->\n")
    (whole,) = parse_notes(first)
    for cut in range(len(entry) - 1):  # all but the full entry (its last newline aside)
        got = parse_notes(first + "\n" + entry[:cut])
        assert [bm.id for bm in got] == [whole.id], cut
        assert (got[0].quote, got[0].saved) == (whole.quote, whole.saved), cut
    for cut in (40, 150, len(entry) - 30, len(entry) - 2):
        notes = NotesFile(tmp_path / f"notes{cut}.md")
        notes.path.write_text(first + "\n" + entry[:cut])
        assert notes.append(_bm(2, note="line one\nline two")) is True, cut
        got = notes.read()
        assert [bm.id for bm in got] == [whole.id, _bm(2).id], cut
        assert got[1].note == "line one\nline two", cut


def test_an_old_entry_without_a_closing_line_still_counts(tmp_path: Path) -> None:
    """Entries written before the closing line existed are read as before; one cut before
    its last field is not."""
    old = (
        "### Old story\n<!-- reader:bookmark id=0123456789ab article=a1 start=0 end=5 -->\n\n"
        "> Old passage ^bm-0123456789ab\n\n- outlet:: Paper\n- saved:: 2024-01-01T00:00:00\n\n"
        "An old note.\n"
    )
    cut = "### Cut\n<!-- reader:bookmark id=ba9876543210 article=a1 start=9 end=20 -->\n\n> Cu"
    (bm,) = parse_notes(old + "\n" + cut)
    assert (bm.id, bm.title, bm.quote, bm.outlet, bm.note) == (
        "0123456789ab",
        "Old story",
        "Old passage",
        "Paper",
        "An old note.",
    )


def test_a_note_never_becomes_fields_or_another_entry(tmp_path: Path) -> None:
    """Row 18: note lines like ``- saved:: 1999-01-01`` became the bookmark's fields, and
    another passage's marker in a note kept that passage from ever being bookmarked."""
    other = _bm(7)
    notes_text = [
        "- saved:: 1999-01-01\n- outlet:: Fake News\n- mine:: x",
        f"<!-- reader:bookmark id={other.id} article=a1 start=7 end=17 v=2 -->\n"
        f"<!-- reader:end id={other.id} -->\n<!-- reader:note id={other.id} -->",
        "\\- saved:: escaped by hand\n\\\\<!-- reader:end id=x -->\n\\plain \\ text",
        "### A heading\n> a quote in my note\n  - indented:: list\n\ttabbed",
    ]
    notes = NotesFile(tmp_path / "notes.md")
    for n, note in enumerate(notes_text):
        assert notes.append(_bm(n, note=note, outlet="Real Paper")) is True
    assert notes.append(other) is True  # its marker in a note does not count
    got = notes.read()
    assert [bm.id for bm in got] == [*(_bm(n).id for n in range(4)), other.id]
    for bm, note in zip(got, notes_text, strict=False):
        assert bm.note == note
        assert (bm.saved, bm.outlet, bm.extra) == ("2026-11-22T10:15:03+01:00", "Real Paper", {})
    assert got[-1].note == ""


def test_the_same_passage_with_a_new_note_adds_the_note(tmp_path: Path) -> None:
    """Row 19: saving a note for a passage bookmarked already adds it to that bookmark."""
    notes = NotesFile(tmp_path / "notes.md")
    assert notes.save(_bm(1)) == "added"
    assert notes.save(_bm(1, note="A second look.\n- saved:: 1999")) == "noted"
    assert notes.save(_bm(1, note="A second look.\n- saved:: 1999")) == "already"
    assert notes.save(_bm(1)) == "already"
    assert notes.save(_bm(1, note="Third.")) == "noted"
    (bm,) = notes.read()
    assert bm.note == "A second look.\n- saved:: 1999\n\nThird."
    assert bm.saved == "2026-11-22T10:15:03+01:00"
    assert notes.append(_bm(1, note="dropped")) is False  # append alone never adds notes
    assert notes.path.read_text().count("<!-- reader:note ") == 2


def test_a_byte_order_mark_does_not_hide_the_first_title(tmp_path: Path) -> None:
    """Row 20: a notes file saved with a UTF-8 BOM lost its first entry's title."""
    notes = NotesFile(tmp_path / "notes.md")
    notes.path.write_bytes(b"\xef\xbb\xbf" + format_entry(_bm(1)).encode())
    assert notes.append(_bm(2))
    first, second = notes.read()
    assert (first.title, second.title) == ("Story 1", "Story 2")


def test_escape_codes_from_outside_never_reach_the_notes_file(
    seed_library: Path, tmp_path: Path
) -> None:
    """Row 5: a file name with escapes went raw into the ``path::`` line."""
    article = _article(seed_library)
    article.title = "Title \x1b[2J\x1b]0;owned\x07 here"
    article.outlet = "Out\x9b31mlet"
    start, end = article.paragraph_offsets()[0]
    bm = make_bookmark(
        article,
        start,
        end,
        note="my \x1b[31mred\x1b[0m note\r\nline\u202etwo",
        display_path="st\x1b]0;TITLE\x1b\\x.txt",
    )
    bm.quote = "A \x1b[1mbold\x1b[0m claim\x08."
    notes = NotesFile(tmp_path / "notes.md")
    assert notes.append(bm)
    text = notes.path.read_text()
    assert not [c for c in text if (ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) < 0xA0]
    assert "\u202e" not in text
    assert "- path:: st␛]0;TITLE␛\\x.txt\n" in text
    assert "### Title ␛[2J␛]0;owned␇ here\n" in text
    (back,) = notes.read()
    assert back.path == "st␛]0;TITLE␛\\x.txt"
    assert back.quote == "A ␛[1mbold␛[0m claim␈."
    assert back.note == "my ␛[31mred␛[0m note\nline\ufffdtwo"
    # A file edited by hand with raw escapes reads back safe too.
    notes.path.write_text(text.replace("␛", "\x1b"))
    (edited,) = notes.read()
    assert edited.path == back.path and edited.title == back.title
    assert not any("\x1b" in str(value) for value in edited.to_dict().values())


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/full", "fifo"])
def test_a_notes_file_linked_to_a_device_is_refused(tmp_path: Path, device: str) -> None:
    """Row 6: a notes file linked to /dev/zero was read for ever (killed at 24 GB)."""
    path = tmp_path / "notes.md"
    if device == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to(device)
    notes = NotesFile(path)
    with pytest.raises(NotesError) as raised:
        notes.read()
    assert str(raised.value) == (
        f"cannot read the notes file {path}: it is a device or a pipe, not a regular file"
    )
    with pytest.raises(NotesError) as raised:
        notes.append(_bm(1))
    assert str(raised.value).startswith(f"cannot write the notes file {path}: it is a device")
    assert not (tmp_path / "notes.md.lock").exists()


def test_a_notes_file_too_large_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Row 6: reads are bounded; a file over the bound says so."""
    import index.notes

    notes = NotesFile(tmp_path / "notes.md")
    assert notes.append(_bm(1))
    monkeypatch.setattr(index.notes, "MAX_BYTES", notes.path.stat().st_size - 1)
    with pytest.raises(NotesError, match="is larger than"):
        notes.read()
    with pytest.raises(NotesError, match="is larger than"):
        notes.append(_bm(2))
    monkeypatch.undo()
    assert len(notes.read()) == 1


FULL_DISK_CHILD = """
import json, os, sys
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from index.notes import Bookmark, NotesError, NotesFile, bookmark_id

disk, out = Path(sys.argv[1]), Path(sys.argv[2])
def bm(n, note):
    return Bookmark(id=bookmark_id("a1", n, n + 9), article_id="a1", start=n, end=n + 9,
                    title=f"Story {n}", quote=f"Passage {n}.", saved="2026-01-01", note=note)
notes = NotesFile(disk / "notes.md")
notes.append(bm(1, "first"))
before = notes.path.read_bytes()
filler = disk / "filler"
fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o644)
size = 0
block = b"x" * 65536
while True:
    try:
        size += os.write(fd, block)
    except OSError:
        if len(block) == 1:
            break
        block = block[: len(block) // 2]
os.ftruncate(fd, size - 8192)  # room for part of the next entry, not all of it
os.close(fd)
long_note = "\\n".join(f"line {i} of a long note" for i in range(2000))
row = {}
try:
    row["saved"] = notes.append(bm(2, long_note))
except NotesError as exc:
    row["error"] = str(exc)
row["unchanged"] = notes.path.read_bytes() == before
row["ids"] = [b.id for b in notes.read()]
filler.unlink()
row["again"] = notes.append(bm(2, long_note))
got = notes.read()
row["after"] = [b.id for b in got]
row["note_ok"] = got[-1].note == long_note
out.write_text(json.dumps(row))
"""


def test_a_real_full_disk_leaves_the_notes_file_as_it_was(tmp_path: Path) -> None:
    """Row 4 on a real full disk: a tiny tmpfs in a private mount namespace."""
    disk = tmp_path / "disk"
    disk.mkdir()
    child = tmp_path / "child.py"
    child.write_text(FULL_DISK_CHILD)
    out = tmp_path / "out.json"
    done = subprocess.run(
        [
            "unshare",
            "-rm",
            "sh",
            "-euc",
            f"mount -t tmpfs -o size=256k tmpfs {disk} && {sys.executable} {child} {disk} {out} {ROOT}",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    row = json.loads(out.read_text())
    first, second = bookmark_id("a1", 1, 10), bookmark_id("a1", 2, 11)
    assert "saved" not in row, row
    assert row["unchanged"] and row["ids"] == [first], row
    assert "no space left on device" in row["error"] and "the file is as it was" in row["error"]
    assert row["again"] is True and row["after"] == [first, second] and row["note_ok"], row
