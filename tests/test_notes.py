"""The notes file: format, parse-back, duplicates, user edits, concurrent appends."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from conftest import ROOT

from index.library import Library
from index.notes import Bookmark, NotesFile, bookmark_id, format_entry, make_bookmark, parse_notes

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
        f"### {article.title}\n<!-- reader:bookmark id={bm.id} article={article.id} start=0 end={end} -->\n\n> Some 8,000"
    )
    assert f" ^bm-{bm.id}\n\n- outlet:: The Kyiv Independent\n" in text
    assert "- location:: paragraph 1\n" in text
    assert "- saved:: 2026-11-22T10:15:03+01:00\n\nWhy this matters.\nSecond line.\n" in text
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
