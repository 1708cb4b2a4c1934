"""The reader app: holds the library, the notes file and the state; shows the main screen."""

from __future__ import annotations

import argparse
import threading
import time
from collections import Counter
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import BindingType
from textual.dom import DOMNode
from textual.screen import Screen

from reader.commands import COMMANDS, bindings
from reader.config import Config
from reader.state import AppState

if TYPE_CHECKING:
    from index.library import Library
    from index.model import Article
    from index.notes import Bookmark
    from index.records import ArticleRow
    from index.search import SearchResults


WATCH_EVERY = 1.0
"""Seconds between looks at whether another process changed the library."""
WATCH_SETTLE = 1
"""Looks the index must stay unchanged for before the list is read again (an add in
another shell writes for a while; the list follows when it is done)."""
WATCH_AT_MOST = 10.0
"""Seconds after which a library that keeps changing is read again anyway."""


class ReaderApp(App[int]):
    """A terminal reader for a library of news articles."""

    TITLE = "reader"
    CSS_PATH = "reader.tcss"
    BINDINGS: ClassVar[list[BindingType]] = bindings("app")
    HORIZONTAL_BREAKPOINTS = [
        (0, "-narrow"),
        (100, "-normal"),
        (150, "-wide"),
    ]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]

    def __init__(
        self,
        library: Library,
        *,
        notes_path: Path,
        config: Config | None = None,
        demo: bool = False,
        warnings: Iterable[str] = (),
    ) -> None:
        self.config = config or Config()
        super().__init__()
        self.library = library
        self.notes_path = Path(notes_path)
        self.demo = demo
        self._warnings = list(warnings)
        self.library_lock = threading.Lock()
        """Serialises use of :attr:`library` (its SQLite connection) across threads."""
        self.search_lock = threading.Lock()
        self._search_library: Library | None = None
        self.state = AppState(library)
        self.bookmarks: dict[str, list[Bookmark]] = {}
        """Bookmarks of the notes file by article id."""
        self.notes_error: str | None = None
        """Why the notes file could not be read at the last try, if it could not."""
        self.bookmark_counts: Counter[str] = Counter()
        from index.library import index_stamp

        self._watch = _Watch(index_stamp(library.folder))
        self._watch_library: Library | None = None
        """A connection of its own for reading the list again, so neither opening an
        article nor searching waits while it reads."""
        if self.config.keymap:
            self.set_keymap(self.config.keymap)

    # Start and stop

    def on_mount(self) -> None:
        from reader.screens.main import MainScreen

        theme = self.state.theme or self.config.theme
        if theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self._save_theme)
        self.load_bookmarks()
        self.push_screen(MainScreen())
        self.set_interval(WATCH_EVERY, self._look_at_library)
        for warning in self._warnings:
            self.notify(warning, severity="warning", markup=False, timeout=8)
        if self.demo:
            self.notify(
                "This is the demo library of sample articles. Add your own with: reader add PATH",
                title="Demo library",
                markup=False,
                timeout=10,
            )

    def _save_theme(self, _theme: object) -> None:
        self.state.theme = self.theme

    def on_unmount(self) -> None:
        self.state.close()
        self.workers.cancel_group(self, "watch")
        if self._watch_library is not None:
            self._watch_library.close()
            self._watch_library = None
        if self._search_library is not None:
            with self.search_lock:
                self._search_library.close()
                self._search_library = None

    # Library access

    def get_article(self, article_id: str) -> Article:
        with self.library_lock:
            return self.library.get(article_id)

    def rows(self, limit: int | None = None) -> list[ArticleRow]:
        """The articles newest first (the first ``limit`` only, when given)."""
        with self.library_lock:
            return self.library.rows(limit=limit)

    def warm_search(self) -> None:
        """Open the search connection and the index, and read ahead what the first
        searches need (call from a worker thread)."""
        from index.library import Library
        from index.search import warm

        with self.search_lock:
            if self._search_library is None:
                self._search_library = Library(self.library.folder)
            warm(self._search_library)

    def search(
        self, text: str, *, limit: int, snippets: bool = True, exact_count: bool = True
    ) -> SearchResults:
        """Run a query on a second connection to the library (call from a worker thread).

        Raises:
            QueryError: the query does not parse.
        """
        from index.library import Library

        with self.search_lock:
            if self._search_library is None:
                self._search_library = Library(self.library.folder)
            return self._search_library.search(
                text,
                sort=self.config.sort,
                limit=limit,
                snippets=snippets,
                exact_count=exact_count,
            )

    # Following changes made elsewhere

    def _look_at_library(self) -> None:
        """Timer: has another process added, updated or reindexed? (one ``stat``)."""
        from index.library import index_stamp

        if self._watch.due(index_stamp(self.library.folder), time.monotonic()):
            self._read_changed_library(self._watch.seen)

    @work(thread=True, exclusive=True, group="watch")
    def _read_changed_library(self, stamp: tuple[int, int] | None) -> None:
        from index.library import Library

        try:
            if self._watch_library is None:
                self._watch_library = Library(self.library.folder)
            rows = self._watch_library.rows()
        except Exception as exc:  # the next look tries again
            self._watch.failed()
            message = f"cannot read the library again: {exc}"
            self.call_from_thread(self.notify, message, severity="warning", markup=False)
            return
        self.call_from_thread(self._library_changed, rows)

    def _library_changed(self, rows: list[ArticleRow]) -> None:
        from reader.screens.main import MainScreen

        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                screen.library_changed(rows)

    # Notes

    def load_bookmarks(self) -> None:
        """Read the notes file again: counts for the list, marks for the reader."""
        from index.notes import NotesError, NotesFile

        self.notes_error = None
        try:
            entries = NotesFile(self.notes_path).read()
        except NotesError as exc:
            self.notes_error = str(exc)
            self.notify(self.notes_error, severity="error", markup=False)
            entries = []
        self.bookmarks = {}
        for bm in entries:
            self.bookmarks.setdefault(bm.article_id, []).append(bm)
        self.bookmark_counts.clear()
        self.bookmark_counts.update({k: len(v) for k, v in self.bookmarks.items()})

    def add_bookmark(self, bm: Bookmark) -> bool:
        """Append to the notes file; False when the passage was already there.

        Raises:
            NotesError: the file cannot be written.
        """
        from index.notes import NotesFile

        added = NotesFile(self.notes_path).append(bm)
        if added:
            self.bookmarks.setdefault(bm.article_id, []).append(bm)
            self.bookmark_counts[bm.article_id] += 1
        return added

    def display_path(self, path: Path) -> str:
        """A path as the user would type it: ``~/...`` under the home folder."""
        home = Path.home()
        try:
            return "~/" + str(path.resolve().relative_to(home.resolve()))
        except ValueError:
            return str(path)

    # Actions and the command palette

    def action_help(self) -> None:
        from reader.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        from reader.screens.main import MainScreen

        main = screen if isinstance(screen, MainScreen) else None
        for command in COMMANDS:
            if not command.palette:
                continue
            target: DOMNode
            if command.scope == "app" or command.action.startswith("app."):
                target = self
            elif main is None:
                continue
            elif command.scope == "main":
                target = main
            else:
                target = main.part(command.scope)
            action = command.action.removeprefix("app.")
            yield SystemCommand(
                command.description, command.tooltip, partial(self.run_action, action, target)
            )
        yield from super().get_system_commands(screen)


class _Watch:
    """When to read the library again: after its index changed and then stayed as it
    was for :data:`WATCH_SETTLE` looks, or every :data:`WATCH_AT_MOST` seconds while it
    keeps changing."""

    def __init__(self, stamp: tuple[int, int] | None) -> None:
        self.seen = self.loaded = stamp
        self._quiet = 0
        self._last = time.monotonic()

    def due(self, stamp: tuple[int, int] | None, now: float) -> bool:
        if stamp != self.seen:
            self.seen, self._quiet = stamp, 0
            if now - self._last < WATCH_AT_MOST:
                return False
        elif self.seen == self.loaded:
            return False
        elif self._quiet < WATCH_SETTLE:
            self._quiet += 1
            if self._quiet < WATCH_SETTLE:
                return False
        self.loaded, self._last = self.seen, now
        return True

    def failed(self) -> None:
        """The read did not happen: try again at the next look."""
        self.loaded = None


def run_app(args: argparse.Namespace) -> int:
    """Open the app on the user's library (or the demo) and return the exit code."""
    from index.paths import demo_library
    from reader.cli import open_library
    from reader.config import load_config
    from reader.locations import notes_path as find_notes

    config, warnings = load_config()
    notes_path = find_notes(getattr(args, "notes", None), config)
    library = open_library(args, demo_if_empty=True, quiet=True)
    try:
        demo = library.folder.resolve() == demo_library().resolve()
        app = ReaderApp(library, notes_path=notes_path, config=config, demo=demo, warnings=warnings)
        code = app.run()
    finally:
        library.close()
    return code or app.return_code or 0
