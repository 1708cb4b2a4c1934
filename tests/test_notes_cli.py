"""`reader bookmark --note` and `reader notes` on the notes file's hard cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEEDS

from reader.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_note_for_a_paragraph_bookmarked_already_is_added(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Row 19, from the command line: the note was dropped with "Already bookmarked"."""
    monkeypatch.setenv("READER_LIBRARY", str(tmp_path / "lib"))
    monkeypatch.setenv("READER_NOTES", str(tmp_path / "notes.md"))
    run(capsys, "add", str(SEEDS))
    first = json.loads(run(capsys, "list", "--json")[1].splitlines()[0])["id"]
    code, out, _ = run(capsys, "bookmark", first, "--paragraph", "2")
    assert code == 0 and out.startswith("Bookmarked paragraph 2")
    code, out, _ = run(capsys, "bookmark", first, "--paragraph", "2", "--note", "why\nit matters")
    assert code == 0 and out.startswith("Note added to paragraph 2")
    code, out, _ = run(capsys, "bookmark", first, "--paragraph", "2", "--json")
    said = json.loads(out)
    assert (said["added"], said["noted"]) == (False, False)
    (entry,) = [json.loads(line) for line in run(capsys, "notes", "--json")[1].splitlines()]
    assert entry["note"] == "why\nit matters"


def test_notes_linked_to_dev_zero_is_a_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Row 6, from the command line: ``reader notes`` read /dev/zero for ever."""
    notes = tmp_path / "notes.md"
    notes.symlink_to("/dev/zero")
    monkeypatch.setenv("READER_NOTES", str(notes))
    code, out, err = run(capsys, "notes")
    assert (code, out) == (1, "")
    assert err == (
        f"reader: cannot read the notes file {notes}: it is a device or a pipe,"
        " not a regular file\n"
    )


def test_bookmark_and_notes_use_the_notes_file_the_config_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 18, bug 2: the app honoured ``notes =`` in config.toml, the CLI did not."""
    from reader.config import load_config
    from reader.locations import notes_path

    chosen = tmp_path / "my notes.md"
    config = tmp_path / "config.toml"
    config.write_text(f'notes = "{chosen}"\n', encoding="utf-8")
    monkeypatch.setenv("READER_LIBRARY", str(tmp_path / "lib"))
    monkeypatch.setenv("READER_CONFIG", str(config))
    monkeypatch.delenv("READER_NOTES", raising=False)
    run(capsys, "add", str(SEEDS))
    first = json.loads(run(capsys, "list", "--json")[1].splitlines()[0])["id"]
    code, out, _ = run(capsys, "bookmark", first, "--paragraph", "1")
    assert code == 0 and str(chosen) in out
    assert chosen.exists()
    (entry,) = [json.loads(line) for line in run(capsys, "notes", "--json")[1].splitlines()]
    assert entry["article"] == first
    # The app finds the same file; --notes and $READER_NOTES still win over the config.
    loaded, _ = load_config()
    assert notes_path(None, loaded) == chosen
    assert notes_path(str(tmp_path / "given.md"), loaded) == tmp_path / "given.md"
    monkeypatch.setenv("READER_NOTES", str(tmp_path / "env.md"))
    assert notes_path(None, loaded) == tmp_path / "env.md"
