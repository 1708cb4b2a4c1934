"""Run inside a private mount namespace (``unshare -rm``) whose DISK is a small tmpfs.

    python full_disk_child.py DISK ARTICLES OUT

Builds a library on DISK, then, for each amount of free space in FREE_BYTES, fills the
disk to leave that much and tries an add of new articles (and a bookmark); then frees
the disk, opens the library again and records what happened, as JSON lines in OUT (not
on DISK, which is full). Each write of an add (records, segment files, the table of
contents) thus fails in one run or another.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from index.library import Library, LibraryError  # noqa: E402
from index.notes import NotesError, NotesFile, make_bookmark  # noqa: E402

FREE_BYTES = [0, 4096, 16384, 40960, 81920, 163840, 204800, 245760, 286720, 327680, 655360]


def fill(disk: Path, leave: int) -> Path:
    """Fill the disk, then free ``leave`` bytes of it (truncating frees whole blocks)."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    block = b"\0" * 65536
    size = 0
    try:
        while True:
            try:
                size += os.write(fd, block)
            except OSError:
                if len(block) == 1:
                    break
                block = block[: len(block) // 2]
        os.ftruncate(fd, max(0, size - leave))
    finally:
        os.close(fd)
    return filler


def state(library: Library) -> dict[str, object]:
    return {
        "problems": library.check(),
        "count": library.count(),
        "found": library.search("said", limit=None, snippets=False).total,
    }


def main() -> None:
    disk, articles, out_path = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    batches = sorted(p for p in articles.iterdir() if p.is_dir())
    out = open(out_path, "w", encoding="utf-8")  # noqa: SIM115 (kept open for the run)
    folder = disk / "library"
    with Library(folder) as library:
        library.add([batches[0]])
    notes = NotesFile(disk / "notes.md")
    for i, (leave, batch) in enumerate(zip(FREE_BYTES, batches[1:], strict=False)):
        filler = fill(disk, leave)
        row: dict[str, object] = {"leave": leave}
        before = len(list(folder.rglob("*")))
        try:
            with Library(folder) as library:
                row["count_before"] = library.count()
                library.add([batch], procs=2)
            row["add"] = "ok"
        except LibraryError as exc:
            row["add"] = type(exc).__name__
            row["message"] = str(exc)
        except Exception as exc:  # noqa: BLE001 (reported to the test)
            row["add"] = f"unexpected {type(exc).__name__}: {exc}"
        row["files_left"] = len(list(folder.rglob("*"))) - before
        # On the still-full disk: the library lists and searches, and a bookmark fails
        # whole or is saved whole.
        try:
            with Library(folder) as library:
                row["full_list"] = len(library.rows())
                row["full_search"] = library.search("said", limit=5).total
                article = library.get(library.rows()[0].id)
            notes_before = notes.path.read_bytes() if notes.path.exists() else b""
            try:
                saved = notes.append(make_bookmark(article, i, len(article.paragraphs[0])))
                row["bookmark"] = "ok" if saved else "already"
            except NotesError as exc:
                row["bookmark"] = str(exc)
                after = notes.path.read_bytes() if notes.path.exists() else b""
                row["notes_unchanged"] = after == notes_before
        except Exception as exc:  # noqa: BLE001
            row["full_read"] = f"unexpected {type(exc).__name__}: {exc}"
        filler.unlink()
        with Library(folder) as library:
            row["mended"] = library.mend()
            row.update(state(library))
        out.write(json.dumps(row) + "\n")
        out.flush()
    out.close()


if __name__ == "__main__":
    main()
