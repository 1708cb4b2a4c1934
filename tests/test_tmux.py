"""`reader` in a real terminal: tmux runs it, the test reads the screen and sends keys."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from index.notes import NotesFile

ROOT = Path(__file__).resolve().parent.parent
READER = Path(sys.executable).parent / "reader"

# Outside CI a machine without tmux may skip this; in CI (CI=true) it must run, and fails
# loudly if tmux is missing.
pytestmark = pytest.mark.skipif(
    not os.environ.get("CI") and (shutil.which("tmux") is None or not READER.exists()),
    reason="needs tmux and the reader script",
)


class Terminal:
    """One tmux server and session of its own, running a command."""

    def __init__(self, tmp: Path, command: str, env: dict[str, str]) -> None:
        self.socket = f"reader-test-{os.getpid()}-{tmp.name}"
        self.env = env
        self._tmux("new-session", "-d", "-s", "t", "-x", "120", "-y", "40", command)

    def _tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            env=self.env,
            timeout=20,
            check=False,
        )
        return result.stdout

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "t")

    def keys(self, *keys: str, literal: bool = False) -> None:
        self._tmux("send-keys", "-t", "t", *(["-l"] if literal else []), *keys)

    def wait_for(self, check: Callable[[str], bool] | str, timeout: float = 30.0) -> str:
        test = (lambda s: check in s) if isinstance(check, str) else check
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if test(screen):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {check!r}; the screen:\n{screen}")

    def close(self) -> None:
        self._tmux("kill-server")


def _environment(tmp_path: Path) -> dict[str, str]:
    """The user's environment with every folder of reader's under ``tmp_path``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("READER_", "XDG_", "TMUX"))}
    env.update(
        READER_LIBRARY=str(tmp_path / "library"),
        READER_NOTES=str(tmp_path / "notes.md"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        TERM="xterm-256color",
    )
    return env


def test_search_open_bookmark_with_note_and_quit(tmp_path: Path) -> None:
    env = _environment(tmp_path)
    subprocess.run(
        [str(READER), "add", str(ROOT / "seeds")], env=env, check=True, capture_output=True
    )
    rc_file = tmp_path / "rc"
    term = Terminal(tmp_path, f"{READER}; echo $? > {rc_file}", env)
    try:
        term.wait_for("2024-10-31 · The Kyiv")
        term.keys("/")
        term.wait_for("Enter Results")  # the footer once the search box has the focus
        term.keys("Kursk", literal=True)
        term.wait_for("5 articles match")
        term.keys("Enter")  # to the results: wait for the list to have the focus
        term.wait_for(lambda screen: "Enter Results" not in screen)
        term.keys("Enter")
        term.wait_for("Figures (")
        term.keys("j")
        term.keys("B")
        term.wait_for("Bookmark with a note")
        term.keys("seen in tmux", literal=True)
        term.keys("Enter")  # a new line in the note: the dialog's text area keeps it
        term.keys("second line", literal=True)
        term.keys("C-s")
        term.wait_for("Bookmarked paragraph 2")
        term.keys("q")
        deadline = time.monotonic() + 20
        while not rc_file.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert rc_file.read_text().strip() == "0"
    finally:
        term.close()
    (bm,) = NotesFile(tmp_path / "notes.md").read()
    assert bm.note == "seen in tmux\nsecond line"
    assert bm.location == "paragraph 2"
    assert bm.quote.startswith("Although U.S. officials have not confirmed")


def test_the_app_shows_articles_added_from_another_shell(tmp_path: Path) -> None:
    """`reader add` and `reader reindex` in another shell while the app is open: the list
    and the search follow within seconds, without a restart."""
    env = _environment(tmp_path)
    seeds = sorted((ROOT / "seeds").iterdir())
    subprocess.run([str(READER), "add", str(seeds[0])], env=env, check=True, capture_output=True)
    term = Terminal(tmp_path, str(READER), env)
    try:
        term.wait_for("2024-10-31 · The Kyiv")
        term.keys("/")
        term.wait_for("Enter Results")
        term.keys("Kursk", literal=True)
        term.wait_for("1 article match")
        subprocess.run(
            [str(READER), "add", *map(str, seeds[1:])], env=env, check=True, capture_output=True
        )
        screen = term.wait_for("5 articles match", timeout=15)
        assert "NATO chief confirms" in screen  # a title only the second add brought
        subprocess.run([str(READER), "reindex"], env=env, check=True, capture_output=True)
        term.keys("C-u")  # clear the search box
        term.keys("Blinken", literal=True)  # a search after the index was swapped
        term.wait_for("2 articles match", timeout=15)
        term.keys("Escape", "Escape")
        term.keys("q")
    finally:
        term.close()
