"""What the app remembers between runs, kept in the library's SQLite ``state`` table.

Read marks, the last article open, the side panel's visibility and the theme. Values are
small strings; the read marks are a JSON list of ids.
"""

from __future__ import annotations

import json
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from index.library import Library

READ = "app.read"
LAST_ARTICLE = "app.last_article"
PANEL = "app.side_panel"
THEME = "app.theme"


class AppState:
    """Typed access to the app's persistent state in a library."""

    def __init__(self, library: Library, lock: threading.Lock | None = None) -> None:
        self._records = library.records
        self._lock = lock or threading.Lock()
        self.read: set[str] = set(self._load_list(READ))
        """Ids of the articles the user has opened."""

    def _get(self, key: str) -> str | None:
        with self._lock:
            return self._records.get_state(key)

    def _set(self, key: str, value: str) -> None:
        with self._lock:
            self._records.set_state(key, value)

    def _load_list(self, key: str) -> list[str]:
        raw = self._get(key)
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
        return self._get(LAST_ARTICLE) or None

    @last_article.setter
    def last_article(self, article_id: str) -> None:
        self._set(LAST_ARTICLE, article_id)

    @property
    def panel_visible(self) -> bool:
        return self._get(PANEL) != "hidden"

    @panel_visible.setter
    def panel_visible(self, visible: bool) -> None:
        self._set(PANEL, "shown" if visible else "hidden")

    @property
    def theme(self) -> str | None:
        return self._get(THEME) or None

    @theme.setter
    def theme(self, name: str) -> None:
        self._set(THEME, name)
