"""Faults at every point of a write: kills, full disks, a read-only file system.

After each, the next open finds the library consistent (every search hit an article,
every article findable, nothing twice) or mends it and says so, and the message names
what happened. Kills are real (a forked child dies with ``os._exit`` at the point);
full disks and read-only mounts are real too: a small tmpfs in a private mount
namespace (``unshare -rm``), so no privilege is needed and nothing outlives the test.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from index.library import Library, LibraryReadOnly

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import soak  # noqa: E402


def _write_articles(folder: Path, n: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        word = soak.nonce(i)
        path = folder / f"a{i}.md"
        path.write_text(
            f"---\ntitle: Story {word}\ndate: 2024-10-{i % 28 + 1:02d}\n---\n\n"
            f"Officials said the {word} troops moved north after talks, reporters said.\n\n"
            f"The ministers met envoys about the budget, according to the agency.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def _titles(library: Library) -> set[str]:
    return {row.title for row in library.rows()}


@pytest.mark.parametrize("point", sorted(soak.CRASH_POINTS))
@pytest.mark.parametrize("procs", [1, 2])
def test_a_kill_at_each_point_of_an_add_leaves_what_the_next_open_mends(
    tmp_path: Path, point: str, procs: int
) -> None:
    folder = tmp_path / "library"
    with Library(folder) as library:
        library.add(_write_articles(tmp_path / "first", 5))
    changed = tmp_path / "first" / "a0.md"
    new = [*_write_articles(tmp_path / "second", 40, start=100), changed]
    changed.write_text(changed.read_text().replace("Officials", "Ministers"))
    pid = os.fork()
    if pid == 0:
        soak._arm(point)
        with Library(folder) as library:
            library.add(new, procs=procs)
        os._exit(0)
    _pid, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 9  # it died there
    committed = soak.CRASH_POINTS[point]
    with Library(folder) as library:
        message = library.mend()
        assert library.check() == []
        if point in ("index", "toc", "pending"):
            assert message is not None and "re-indexed 41 articles" in message
        else:
            assert message is None
        expected = 45 if committed else 5
        assert library.count() == expected
        assert library.search("said", limit=None).total == expected
        assert [h.title for h in library.search(soak.nonce(120)).hits] == (
            [f"Story {soak.nonce(120)}"] if committed else []
        )
        assert library.search("ministers met").total == expected
        # The next add goes on as usual, leaves no file of the dead one behind, and
        # indexes what the dead one did not commit.
        library.add([tmp_path / "first", tmp_path / "second"])
        assert library.check() == []
        assert library.count() == 45
        assert len(library.search("ministers", limit=None).hits) == 45
    toc_files = {p.name for p in (folder / "whoosh").iterdir()}
    assert not [name for name in toc_files if name.endswith(".tmp")]


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found |= {int(c) for c in (task / "children").read_text().split()}
        except OSError:
            pass
    return found


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/stat").read_text().split()[2]
    except OSError:
        return False
    return status != "Z"


def test_the_ingest_workers_die_with_a_killed_add(tmp_path: Path) -> None:
    """Row 13: ``kill -9`` of ``reader add`` left its two workers alive, holding the
    database open."""
    _write_articles(tmp_path / "many", 400)
    env = {**os.environ, "READER_LIBRARY": str(tmp_path / "library")}
    add = subprocess.Popen(
        [sys.executable, "-m", "reader", "add", str(tmp_path / "many")],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: set[int] = set()
    for _ in range(600):  # the workers start once the files are listed
        workers = _children(add.pid)
        if len(workers) >= 2:
            break
        time.sleep(0.05)
    assert len(workers) >= 2
    os.kill(add.pid, signal.SIGKILL)
    add.wait()
    # A worker still starting (importing) sees its parent gone when it gets to its
    # initializer; on a loaded machine that can take a few seconds.
    for _ in range(600):
        if not any(_alive(w) for w in workers):
            break
        time.sleep(0.05)
    assert not any(_alive(w) for w in workers)
    with Library(tmp_path / "library") as library:
        library.mend()
        assert library.check() == []


def _in_namespace(script: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Run a shell script in a private mount namespace, as root of a user namespace."""
    return subprocess.run(
        ["unshare", "-rm", "sh", "-euc", script],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
    )


def test_a_full_disk_at_each_write_leaves_a_sound_library(tmp_path: Path) -> None:
    """ENOSPC at each write of an add (records, segments, table of contents) and of a
    bookmark; rows 3, 4 and 11 of issue 14."""
    articles = tmp_path / "articles"
    for batch in range(12):
        _write_articles(articles / f"b{batch}", 40 if batch else 10, start=batch * 1000)
    disk = tmp_path / "disk"
    disk.mkdir()
    out = tmp_path / "out.jsonl"
    done = _in_namespace(
        f"mount -t tmpfs -o size=6m tmpfs {disk} && "
        f"{sys.executable} {ROOT / 'tests' / 'full_disk_child.py'} {disk} {articles} {out}",
        tmp_path,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == 11
    outcomes = {row["add"] for row in rows}
    assert "LibraryFull" in outcomes and "ok" in outcomes, rows
    for row in rows:
        assert row["problems"] == [], row
        assert row["count"] == row["found"], row
        assert row.get("full_read") is None, row  # a full disk still lists and searches
        if row["add"] == "ok":
            assert row["count"] == row["count_before"] + 40
        else:
            assert row["add"] == "LibraryFull", row
            message = str(row["message"])
            assert "is full" in message or "filled up" in message, row
            assert "move" not in message and "aside" not in message
            # Nothing of the failed add is left to keep the disk full.
            assert row["files_left"] <= 2, row
            if "filled up" in message:  # stored, indexed once space came back
                assert row["mended"] and row["count"] == row["count_before"] + 40, row
            else:
                assert row["count"] == row["count_before"], row
        if row["bookmark"] not in ("ok", "already"):
            assert "space" in str(row["bookmark"]).lower(), row
            assert row["notes_unchanged"], row


def test_a_library_on_a_read_only_file_system_lists_and_searches(tmp_path: Path) -> None:
    """Row 12: a library on a read-only file system could not even be listed."""
    folder = tmp_path / "library"
    with Library(folder) as library:
        library.add(_write_articles(tmp_path / "articles", 6))
    reader = f"{sys.executable} -m reader --library {folder}"
    done = _in_namespace(
        f"mount --bind -o ro {folder} {folder} && "
        f"{reader} list --json > list.out && "
        f"{reader} search troops --json > search.out && "
        f"( {reader} add {tmp_path / 'articles'} > add.out 2> add.err || echo $? > add.code )",
        tmp_path,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert len((tmp_path / "list.out").read_text().splitlines()) == 6
    assert len((tmp_path / "search.out").read_text().splitlines()) == 6
    assert (tmp_path / "add.code").read_text().strip() == "1"
    error = (tmp_path / "add.err").read_text()
    assert "read-only" in error and error.count("\n") == 1, error
    assert "aside" not in error


def test_a_read_only_library_refuses_writes_with_its_own_error(tmp_path: Path) -> None:
    folder = tmp_path / "library"
    with Library(folder) as library:
        library.add(_write_articles(tmp_path / "articles", 2))
        library.readonly = True
        with pytest.raises(LibraryReadOnly, match="read-only"):
            library.add(_write_articles(tmp_path / "more", 1, start=50))


def test_a_full_disk_as_the_index_commits_says_so_and_the_next_open_indexes_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Row 3: a full disk after the records committed said "IndexingError: This writer is
    closed", hiding the cause, and left the index apart from the records."""
    import errno

    from index.library import LibraryFull
    from index.writer import SegmentWriter

    folder = tmp_path / "library"
    with Library(folder) as library:
        library.add(_write_articles(tmp_path / "first", 3))

    def no_space(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(SegmentWriter, "_commit_toc", no_space)
    with Library(folder) as library, pytest.raises(LibraryFull) as raised:
        library.add(_write_articles(tmp_path / "second", 4, start=10))
    message = str(raised.value)
    assert "filled up while the search index was written" in message
    assert "4 articles are stored but not yet searchable" in message
    assert "closed" not in message
    monkeypatch.undo()
    with Library(folder) as library:
        assert library.mend() is not None
        assert library.check() == []
        assert library.search("said", limit=None).total == library.count() == 7


def test_a_full_disk_as_the_records_commit_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from index.library import LibraryFull
    from index.records import Records

    folder = tmp_path / "library"
    with Library(folder) as library:
        library.add(_write_articles(tmp_path / "first", 3))

    def disk_full(_self: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(Records, "commit", disk_full)
    with Library(folder) as library, pytest.raises(LibraryFull, match="nothing was changed"):
        library.add(_write_articles(tmp_path / "second", 4, start=10))
    monkeypatch.undo()
    with Library(folder) as library:
        assert library.mend() is None
        assert library.check() == []
        assert library.count() == 3
        # The same files add whole the next time.
        assert library.add([tmp_path / "second"]).added == 4
