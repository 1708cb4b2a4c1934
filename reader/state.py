"""What the app remembers between runs, kept in the library's SQLite ``state`` table.

Read marks, the last article open, the side panel's visibility and the theme. Values are
small strings; the read marks are a JSON list of ids.

Writes go through a thread of their own on a connection of their own: a ``reader add``
running in another terminal holds the library's write lock for a while, and the app must
neither freeze nor fail while it waits. State is best-effort: a write that cannot be made
is dropped and reported in :attr:`AppState.error`.
"""

from __future__ import annotations

import json
import queue
import sqlite3
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from index.library import Library

READ = "app.read"
LAST_ARTICLE = "app.last_article"
PANEL = "app.side_panel"
THEME = "app.theme"
WRITE_TIMEOUT = 30.0


class AppState:
    """Typed access to the app's persistent state in a library."""

    def __init__(self, library: Library) -> None:
        self._path = Path(library.folder) / "library.sqlite"
        self._values: dict[str, str] = {}
        for key in (READ, LAST_ARTICLE, PANEL, THEME):
            value = library.records.get_state(key)
            if value is not None:
                self._values[key] = value
        self.read: set[str] = set(self._load_list(READ))
        """Ids of the articles the user has opened."""
        self.error: str | None = None
        """Why the last write failed, if it did."""
        self._queue: queue.Queue[tuple[str, str] | None] = queue.Queue()
        self._thread: threading.Thread | None = None

    # Writing, off the UI thread

    def _set(self, key: str, value: str) -> None:
        self._values[key] = value
        if self._thread is None:
            self._thread = threading.Thread(target=self._writer, name="state", daemon=True)
            self._thread.start()
        self._queue.put((key, value))

    def _writer(self) -> None:
        db: sqlite3.Connection | None = None
        while (item := self._queue.get()) is not None:
            pending = dict([item])
            while not self._queue.empty():  # coalesce a burst of writes
                more = self._queue.get()
                if more is None:
                    self._queue.put(None)
                    break
                pending[more[0]] = more[1]
            try:
                if db is None:
                    db = sqlite3.connect(self._path, timeout=WRITE_TIMEOUT)
                with db:
                    db.executemany(
                        "INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)", pending.items()
                    )
            except sqlite3.Error as exc:
                self.error = f"cannot save the app's state in {self._path}: {exc}"
        if db is not None:
            db.close()

    def close(self, timeout: float = 5.0) -> None:
        """Finish the pending writes."""
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(timeout)
            self._thread = None

    # Values

    def _load_list(self, key: str) -> list[str]:
        raw = self._values.get(key)
        try:
            value = json.loads(raw) if raw else []
        except ValueError:
            return []
        return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []

    def mark_read(self, article_id: str) -> bool:
        """Mark an article read; True when it was unread."""
        if article_id in self.read:
            return False
        self.read.add(article_id)
        self._set(READ, json.dumps(sorted(self.read)))
        return True

    @property
    def last_article(self) -> str | None:
        return self._values.get(LAST_ARTICLE) or None

    @last_article.setter
    def last_article(self, article_id: str) -> None:
        if self._values.get(LAST_ARTICLE) != article_id:
            self._set(LAST_ARTICLE, article_id)

    @property
    def panel_visible(self) -> bool:
        return self._values.get(PANEL) != "hidden"

    @panel_visible.setter
    def panel_visible(self, visible: bool) -> None:
        self._set(PANEL, "shown" if visible else "hidden")

    @property
    def theme(self) -> str | None:
        return self._values.get(THEME) or None

    @theme.setter
    def theme(self, name: str) -> None:
        if self._values.get(THEME) != name:
            self._set(THEME, name)
