"""The command line, as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS

from reader.cli import main

EXPECTED = {
    "000_88ebcff245553769.txt": {
        "title": "8,000 North Korean troops have been deployed to Kursk Oblast, Blinken says",
        "outlet": "The Kyiv Independent",
        "authors": ["Kateryna Hodunova", "The Kyiv Independent news desk"],
        "published": "2024-10-31T21:43",
        "first": "Some 8,000 North Korean troops have been deployed",
        "last": "Analysts say Moscow's forces are advancing at a pace not seen since the early months of the war.",
        "paragraphs": 10,
        "captions": 1,
    },
    "001_6512262834960959.txt": {
        "title": "North Korean troops stationed in Kursk, ready to go into battle: US",
        "outlet": None,
        "authors": [],
        "published": None,
        "first": "Thousands of North Korean troops have been moved",
        "last": "The Russian Defense Ministry did not respond to a request for comment sent outside business hours by Business Insider.",
        "paragraphs": 22,
        "captions": 0,
    },
    "002_7b0a3ffd7e9c2567.txt": {
        "title": "US reports North Korean troops moving to Russia’s Kursk region",
        "outlet": "The Kyiv Independent",
        "authors": ["Olena Goncharova"],
        "published": "2024-10-26T02:58",
        "first": "The Biden administration believes that a contingent",
        "last": "Initially, U.S. officials estimated around 3,000 North Korean troops were training in Russia, but Kirby indicated that the overall count could now be higher. South Korean intelligence has informed lawmakers that North Korean troop numbers in Russia could reach 10,000 by December.",
        "paragraphs": 6,
        "captions": 1,
    },
    "003_1d75171d8f73ac9d.txt": {
        "title": "NATO chief confirms North Korean troops deployed in Russia's Kursk Oblast",
        "outlet": "The Kyiv Independent",
        "authors": ["Martin Fornusek", "The Kyiv Independent news desk"],
        "published": "2024-10-28T14:08",
        "first": "North Korea has sent troops to Russia, and they have already been deployed",
        "last": '"Ukraine will be forced to actually fight against North Korea in Europe."',
        "paragraphs": 13,
        "captions": 1,
    },
    "004_a225bb6b6f4d6708.txt": {
        "title": "About 3,000 North Korean troops were sent to Russia to participate in war against Ukraine, South Korean intelligence says",
        "outlet": "The Kyiv Independent",
        "authors": ["Kateryna Hodunova"],
        "published": "2024-10-23T19:36",
        "first": "Nearly 3,000 soldiers had been sent to support the Kremlin's war in Ukraine",
        "last": "South Korea's Yonhap agency also said that South Korea is considering sending personnel to Ukraine to monitor North Korean troops.",
        "paragraphs": 9,
        "captions": 1,
    },
}


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("READER_LIBRARY", str(tmp_path / "lib"))
    monkeypatch.setenv("READER_NOTES", str(tmp_path / "notes.md"))
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _json_lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_add_reports_added_then_unchanged(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "add", str(SEEDS))[:2] == (0, "5 added, 0 updated, 0 unchanged, 0 skipped\n")
    assert run(capsys, "add", str(SEEDS))[:2] == (0, "0 added, 0 updated, 5 unchanged, 0 skipped\n")
    code, out, _ = run(capsys, "add", "--json", str(SEEDS))
    assert json.loads(out) == {"added": 0, "updated": 0, "unchanged": 5, "skipped": []}


def test_search_json_and_bad_query(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "add", str(SEEDS))
    code, out, _ = run(capsys, "search", "Blinken", "--json")
    hits = _json_lines(out)
    assert code == 0 and len(hits) == 2
    assert all(h["id"] and h["title"] and "Blinken" in h["snippet"] for h in hits)
    code, out, err = run(capsys, "search", '"north korean')
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("reader: bad query: unclosed quote")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_show_json_for_each_seed(env: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    run(capsys, "add", str(SEEDS))
    rows = _json_lines(run(capsys, "list", "--json")[1])
    want = EXPECTED[name]
    row = next(r for r in rows if r["title"] == want["title"])
    code, out, _ = run(capsys, "show", row["id"], "--json")
    data = json.loads(out)
    assert code == 0
    for key in ("title", "outlet", "authors", "published"):
        assert data[key] == want[key], key
    assert len(data["paragraphs"]) == want["paragraphs"]
    assert data["paragraphs"][0].startswith(want["first"])
    assert data["paragraphs"][-1].endswith(want["last"])
    assert len(data["captions"]) == want["captions"]
    assert [Path(p).name for p in data["paths"]] == [name]
    assert "removed" not in data
    raw = json.loads(run(capsys, "show", row["id"], "--json", "--raw")[1])
    assert all(r["rule"] and r["text"] for r in raw["removed"])
    assert bool(raw["removed"]) == (name != "001_6512262834960959.txt")  # 001 has nothing to drop


def test_show_raw_tells_the_rule_for_each_dropped_line(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "add", str(SEEDS))
    rows = _json_lines(run(capsys, "list", "--json")[1])
    code, out, _ = run(capsys, "show", rows[0]["id"], "--raw")
    assert code == 0 and "lines removed by cleaning" in out
    assert "Skip to content" in out


def test_bookmark_then_notes(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "add", str(SEEDS))
    rows = _json_lines(run(capsys, "list", "--json")[1])
    article = json.loads(run(capsys, "show", rows[0]["id"], "--json")[1])
    code, out, _ = run(capsys, "bookmark", article["id"], "--paragraph", "2", "--note", "why")
    assert code == 0 and "Bookmarked paragraph 2" in out
    (entry,) = _json_lines(run(capsys, "notes", "--json")[1])
    assert entry["quote"] == article["paragraphs"][1]
    assert entry["note"] == "why"
    assert entry["article"] == article["id"]
    assert entry["location"] == "paragraph 2"
    assert entry["outlet"] == article["outlet"] and entry["published"] == article["published"]
    text = (env / "notes.md").read_text()
    assert text.startswith("### " + article["title"])
    code, _, err = run(capsys, "bookmark", article["id"], "--paragraph", "99")
    assert code == 1 and "paragraph 99 does not exist" in err


def test_missing_article_is_a_user_error(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "add", str(SEEDS))
    code, out, err = run(capsys, "show", "doesnotexist")
    assert (code, out) == (1, "")
    assert err == "reader: no article with id 'doesnotexist' (see `reader list`)\n"


@pytest.mark.parametrize("command", [["list"], ["add", str(SEEDS)], []])
def test_a_library_that_cannot_be_used_is_a_user_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    """A file where the library folder should be, or a damaged database: one line, exit 1,
    and the file is left as it was. (No command means the app; without a terminal it
    prints the library's summary, so it opens the library the same way.)"""
    in_the_way = tmp_path / "not-a-folder"
    in_the_way.write_text("mine")
    code, out, err = run(capsys, "--library", str(in_the_way), *command)
    assert (code, out) == (1, "")
    assert err == f"reader: the library {in_the_way} is not a folder\n"
    assert in_the_way.read_text() == "mine"

    damaged = tmp_path / "damaged"
    damaged.mkdir()
    (damaged / "library.sqlite").write_bytes(b"not a database, but 100 bytes long " * 3)
    code, out, err = run(capsys, "--library", str(damaged), *command)
    assert (code, out) == (1, "")
    assert err.startswith(
        f"reader: {damaged / 'library.sqlite'} is damaged (file is not a database); restore"
    )
    assert err.count("\n") == 1
    assert (damaged / "library.sqlite").read_bytes().startswith(b"not a database")


def _search_ids(capsys: pytest.CaptureFixture[str], query: str) -> list[str]:
    code, out, err = run(capsys, "search", query, "--json")
    assert code == 0, err
    return sorted(hit["id"] for hit in _json_lines(out))


def test_a_damaged_search_index_says_how_to_rebuild_it(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "add", str(SEEDS))
    blinken = _search_ids(capsys, "Blinken")
    assert len(blinken) == 2
    whoosh = env / "lib" / "whoosh"
    damages = [
        lambda: [toc.write_text("garbage") for toc in whoosh.glob("*.toc")],
        lambda: [postings.unlink() for postings in whoosh.glob("*.pst")],
    ]
    for damage in damages:
        damage()
        code, out, err = run(capsys, "search", "Blinken")
        assert (code, out) == (1, "")
        assert err.startswith(
            f"reader: the search index in {whoosh} cannot be read; rebuild it from the stored"
            " articles with: reader reindex ("
        )
        assert err.count("\n") == 1
        code, out, _ = run(capsys, "reindex")
        assert (code, out) == (
            0,
            "Rebuilt the search index: 5 articles; 0 with new figures or sources\n",
        )
        assert _search_ids(capsys, "Blinken") == blinken


def test_a_missing_search_index_is_rebuilt_from_the_stored_articles(
    env: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import shutil

    from index.library import Library

    run(capsys, "add", str(SEEDS))
    blinken = _search_ids(capsys, "Blinken")
    shutil.rmtree(env / "lib" / "whoosh")
    assert _search_ids(capsys, "Blinken") == blinken
    # An add that finds it missing rebuilds it first, then indexes the new article once.
    shutil.rmtree(env / "lib" / "whoosh")
    extra = tmp_path / "extra.md"
    extra.write_text("# Blinken again\n\nBlinken spoke to reporters on Monday.\n")
    assert run(capsys, "add", str(extra))[:2] == (0, "1 added, 0 updated, 0 unchanged, 0 skipped\n")
    assert len(_search_ids(capsys, "Blinken")) == 3
    with Library(env / "lib") as library:
        assert library.searcher().doc_count() == library.count() == 6


def test_reindex_without_a_library_is_a_user_error(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "reindex")
    assert (code, out) == (1, "")
    assert err == f"reader: no library in {env / 'lib'}; add articles with: reader add PATH...\n"


def test_clean_prints_the_body(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "clean", str(SEEDS / "000_88ebcff245553769.txt"))
    assert code == 0
    assert out.startswith("Some 8,000 North Korean troops")
    assert "Skip to content" not in out and "News Feed" not in out


def test_clean_of_an_empty_file_is_a_user_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty.txt").write_text("")
    code, out, err = run(capsys, "clean", str(tmp_path / "empty.txt"))
    assert (code, out) == (1, "") and "empty file" in err


def _subprocess(
    *argv: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def test_extract_jsonl_contract() -> None:
    text = "Some 8,000 troops were deployed, Blinken said on Thursday."
    done = _subprocess("extract", stdin=json.dumps({"id": "a", "text": text}) + "\n")
    assert done.returncode == 0, done.stderr
    (line,) = _json_lines(done.stdout)
    assert (
        line["id"] == "a"
        and isinstance(line["figures"], list)
        and isinstance(line["sources"], list)
    )
    for item in line["figures"] + line["sources"]:
        assert text[item["start"] : item["end"]] == item["text"]


def test_usage_errors_exit_2() -> None:
    done = _subprocess("bogus")
    assert done.returncode == 2 and "invalid choice" in done.stderr
    assert _subprocess("bookmark", "abc").returncode == 2


def test_every_command_has_help() -> None:
    for command in ("add", "list", "search", "show", "bookmark", "notes", "clean", "extract"):
        done = _subprocess(command, "--help")
        assert done.returncode == 0 and "usage: reader " + command in done.stdout


def test_bare_reader_without_library_uses_the_demo(tmp_path: Path) -> None:
    home = tmp_path / "h"
    env = {k: str(home / k) for k in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME")}
    done = _subprocess(env=env)
    assert done.returncode == 0, done.stderr
    assert "demo library" in done.stderr and "reader add" in done.stderr
    assert "Kursk" in done.stdout
    assert (home / "XDG_CACHE_HOME" / "reader" / "demo-library" / "library.sqlite").exists()
    assert not (home / "XDG_DATA_HOME" / "reader" / "library").exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["search", "troops", "--limit", "0"],
        ["search", "troops", "--limit", "-1"],
        ["list", "--limit", "-1"],
        ["list", "--limit", "0"],
        ["list", "--limit", "two"],
    ],
)
def test_limit_must_be_a_positive_whole_number(
    env: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    """Issue row 14: `search --limit 0` or `-1` was 'unexpected error: IndexError', and
    `list --limit -1` listed all but one."""
    run(capsys, "add", str(SEEDS))
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    out, err = capsys.readouterr()
    assert exit_info.value.code == 2 and out == ""
    assert f"argument --limit: '{argv[-1]}' must be a positive whole number" in err
    assert "unexpected error" not in err


def test_limit_counts_what_is_listed(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "add", str(SEEDS))
    assert len(_json_lines(run(capsys, "list", "--json", "--limit", "2")[1])) == 2
    assert len(_json_lines(run(capsys, "search", "troops", "--json", "--limit", "1")[1])) == 1


def test_add_refuses_devices_and_pipes_and_walks_folders(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = env / "saved"
    folder.mkdir()
    (folder / "good.txt").write_text((SEEDS / "000_88ebcff245553769.txt").read_text())
    (folder / "zero.txt").symlink_to("/dev/zero")  # found by the walk: read for ever
    os.mkfifo(env / "pipe.txt")  # named: opening it waits for a writer
    code, out, err = run(capsys, "add", str(folder), "/dev/zero", str(env / "pipe.txt"))
    assert (code, out) == (0, "1 added, 0 updated, 0 unchanged, 3 skipped\n")
    device = "a device, not a regular file; only files and folders are added"
    assert " ".join(err.split()) == " ".join(  # as rich wraps it at 80 columns
        [
            f"skipped {folder / 'zero.txt'}: {device}",
            f"skipped /dev/zero: {device}",
            f"skipped {env / 'pipe.txt'}: a pipe, not a regular file; only files and folders are added",
        ]
    )


def test_piped_output_is_not_wrapped_at_80_columns(tmp_path: Path) -> None:
    """Issue 18, bug 4: a long path in `reader add`'s and `reader list`'s piped output was
    cut across lines at 80 columns."""
    folder = tmp_path / ("a-long-folder-name-" * 6)
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    env = {**os.environ, "READER_LIBRARY": str(tmp_path / "lib")}
    env.pop("COLUMNS", None)
    proc = subprocess.run(
        [sys.executable, "-m", "reader", "add", str(folder)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
        timeout=120,
    )
    skipped = [
        line for line in proc.stdout.splitlines() + proc.stderr.splitlines() if "empty" in line
    ]
    assert skipped, (proc.stdout, proc.stderr)
    assert all(len(line) > 120 for line in skipped)  # the whole path on one line
