"""What the command line prints from outside (file names, paths, titles, errors) never
reaches the terminal as a control character: a file name holding an escape sequence
must not set the terminal's title or clear the screen (issue row 5)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reader.cli import main

NAME = "st\x1b]0;TITLE\x1b\\x.txt"
"""An OSC sequence that sets the terminal's title, in a file name."""
SHOWN = "st\u241b]0;TITLE\u241b\\x.txt"
"""The same name as the CLI prints it: ESC shown as ␛."""
TEXT = (
    "A short note\n\nThe ministers met on Tuesday to talk about the budget and the new"
    " roads in the north of the country.\n"
)
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""C0 controls but tab and newline, DEL and C1 controls."""


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("READER_LIBRARY", str(tmp_path / "lib"))
    monkeypatch.setenv("READER_NOTES", str(tmp_path / "notes.md"))
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    """Run the CLI; its exit code and all it printed, checked to hold no control character."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    for stream, text in (("stdout", out), ("stderr", err)):
        found = CONTROLS.findall(text)
        assert not found, f"{argv}: raw control characters on {stream}: {found!r} in {text!r}"
    return code, " ".join((out + err).split())


def only_id(capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["list", "--json"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    return str(json.loads(line)["id"])


def test_a_file_name_with_an_escape_sequence_is_shown_not_sent(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (env / NAME).write_text(TEXT)
    (env / ("bin\x1b[2J.txt")).write_bytes(bytes(range(256)) * 40)
    code, printed = run(capsys, "add", NAME, "bin\x1b[2J.txt", "gone\x1b[2J\x07.txt")
    assert code == 0
    assert "1 added, 0 updated, 0 unchanged, 2 skipped" in printed
    assert "skipped bin\u241b[2J.txt: binary file, not text" in printed
    assert "skipped gone\u241b[2J\u2407.txt: no such file or folder" in printed

    assert run(capsys, "list")[0] == 0
    article = only_id(capsys)
    code, printed = run(capsys, "show", article)
    assert code == 0 and SHOWN in printed and "The ministers met" in printed
    code, printed = run(capsys, "search", "ministers")
    assert code == 0 and article in printed

    # The add report as JSON stays JSON: json.dumps escapes the control characters.
    main(["add", "--json", "gone\x1b[2J.txt"])
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert json.loads(out)["skipped"][0]["path"] == "gone\x1b[2J.txt"


def test_errors_naming_outside_strings_are_shown_not_sent(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (env / NAME).write_text(TEXT)
    run(capsys, "add", NAME)
    code, printed = run(capsys, "show", "no\x1b[2Jsuch")
    assert (
        code == 1 and printed == "reader: no article with id 'no\u241b[2Jsuch' (see `reader list`)"
    )
    code, printed = run(capsys, "clean", "gone\x1b]0;TITLE\x07.txt")
    assert code == 1 and "cannot read gone\u241b]0;TITLE\u2407.txt" in printed
    code, printed = run(capsys, "--library", str(env / "lib\x1b[2J"), "reindex")
    assert code == 1 and f"no library in {env}/lib\u241b[2J;" in printed

    notes = env / "notes\x1b[2J.md"
    code, printed = run(capsys, "--notes", str(notes), "notes")
    assert code == 0 and f"No bookmarks yet in {env}/notes\u241b[2J.md" in printed
    article = only_id(capsys)
    code, printed = run(capsys, "--notes", str(notes), "bookmark", article, "--paragraph", "1")
    assert code == 0 and f"of {article} in {env}/notes\u241b[2J.md" in printed
    code, printed = run(capsys, "--notes", str(notes), "notes")
    assert code == 0 and "The ministers met" in printed


def test_usage_errors_quote_the_arguments_safe(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["list", "\x1b[2J"])
    assert exit_.value.code == 2
    _out, err = capsys.readouterr()
    assert "unrecognized arguments: \u241b[2J" in err and not CONTROLS.search(err)
