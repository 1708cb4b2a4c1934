"""The article list: a line-API view that renders only the rows on screen.

A library may hold 100,000 articles, so the list never mounts a widget per article (as
Toolong's log view, it draws lines on demand from a plain sequence, with a cache of
rendered rows). Each article takes :attr:`ArticleList.row_height` lines: title (with the
unread mark and the bookmark count), outlet and date, and in search results two lines
of snippet with the matches highlighted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

from rich.cells import cell_len
from textual import events
from textual.binding import BindingType
from textual.cache import FIFOCache
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from reader.commands import bindings
from reader.widgets.line_view import LineView, fit_strip
from reader.widgets.safe import one_line


class Row(Protocol):
    """What the list needs of an article: ``ArticleRow`` and search ``Hit`` both fit."""

    id: str
    title: str
    outlet: str | None
    published: str | None


BROWSE_HEIGHT = 2
SEARCH_HEIGHT = 4
UNREAD_MARK = "●"
BOOKMARK_MARK = "⚑"


class ArticleList(LineView, ScrollView, can_focus=True):
    """A virtual list of articles with a cursor."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("list")

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-list--cursor",
        "article-list--title",
        "article-list--meta",
        "article-list--unread",
        "article-list--count",
        "article-list--snippet",
        "article-list--match",
    }

    cursor: reactive[int] = reactive(0, init=False)
    """Index of the article under the cursor."""

    @dataclass
    class Opened(Message):
        """The user chose an article (Enter or a click)."""

        article_list: ArticleList
        article_id: str

        @property
        def control(self) -> ArticleList:
            return self.article_list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._rows: Sequence[Any] = ()
        self._positions: dict[str, int] | None = None
        self._searching = False
        self._read: set[str] = set()
        self._counts: Mapping[str, int] = {}
        self._generation = 0
        self._cache: FIFOCache[tuple[Any, ...], list[Strip]] = FIFOCache(256)

    # Data

    @property
    def row_height(self) -> int:
        return SEARCH_HEIGHT if self._searching else BROWSE_HEIGHT

    @property
    def rows(self) -> Sequence[Any]:
        return self._rows

    @property
    def current_id(self) -> str | None:
        if 0 <= self.cursor < len(self._rows):
            return str(self._rows[self.cursor].id)
        return None

    def set_rows(self, rows: Sequence[Any], *, searching: bool, keep_id: str | None = None) -> None:
        """Show ``rows`` (``ArticleRow`` or search ``Hit`` objects), newest or best first.

        Args:
            searching: the rows are search hits: show their snippets.
            keep_id: put the cursor on this article when it is among the rows.
        """
        self._rows = rows
        self._positions = None
        self._searching = searching
        self._invalidate()
        cursor = 0
        if keep_id is not None:
            for index, row in enumerate(rows):
                if row.id == keep_id:
                    cursor = index
                    break
        self._update_size()
        self.set_reactive(ArticleList.cursor, cursor)
        self.scroll_to(y=0, animate=False, immediate=True)
        self._scroll_cursor_visible()
        self.refresh()

    def move_to(self, article_id: str) -> None:
        """Put the cursor on an article, when it is in the list."""
        if self.current_id == article_id:
            return
        if self._positions is None:  # built on first use: 100,000 rows take ~20 ms
            self._positions = {row.id: index for index, row in enumerate(self._rows)}
        index = self._positions.get(article_id)
        if index is not None:
            self.cursor = index

    def set_marks(self, read: set[str], counts: Mapping[str, int]) -> None:
        """The read ids and bookmark counts that the rows show (shared, not copied)."""
        self._read = read
        self._counts = counts
        self.refresh_marks()

    def refresh_marks(self, article_id: str | None = None) -> None:
        """Redraw after read marks or bookmark counts changed (of one article, if given).

        A row's marks are part of its cache key, so nothing cached is thrown away: only
        the row that changed is drawn again.
        """
        if article_id is None:
            self.refresh()
            return
        height = self.row_height
        first = self.scroll_offset.y // height
        last = min(len(self._rows), first + self.size.height // height + 2)
        for index in range(first, last):  # only rows on screen need drawing again
            if self._rows[index].id == article_id:
                self._refresh_row(index)

    def _invalidate(self) -> None:
        self._generation += 1
        self._cache.clear()

    def _update_size(self) -> None:
        self.virtual_size = Size(
            self.scrollable_content_region.width, len(self._rows) * self.row_height
        )

    # Cursor

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self._rows) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        self._scroll_cursor_visible()
        self.refresh()

    def _scroll_cursor_visible(self) -> None:
        height = self.row_height
        self.scroll_to_region(
            Region(0, self.cursor * height, 1, height), animate=False, force=True, immediate=True
        )

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self._rows) - 1

    def action_page_down(self) -> None:
        self.cursor += max(1, self.scrollable_content_region.height // self.row_height)

    def action_page_up(self) -> None:
        self.cursor -= max(1, self.scrollable_content_region.height // self.row_height)

    def action_open(self) -> None:
        article_id = self.current_id
        if article_id is not None:
            self.post_message(self.Opened(self, article_id))

    def on_click(self, event: events.Click) -> None:
        index = (event.y + self.scroll_offset.y) // self.row_height
        if 0 <= index < len(self._rows):
            self.focus()
            self.cursor = index
            self.action_open()

    def on_resize(self) -> None:
        self._invalidate()
        self._update_size()

    def on_focus(self) -> None:
        self._refresh_cursor_row()

    def on_blur(self) -> None:
        self._refresh_cursor_row()

    def _refresh_cursor_row(self) -> None:
        self._refresh_row(self.cursor)

    def _refresh_row(self, index: int) -> None:
        height = self.row_height
        top = index * height - self.scroll_offset.y
        if -height < top < self.size.height:
            self.refresh(Region(0, top, self.size.width, height))

    # Rendering

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        index, line = divmod(scroll_y + y, self.row_height)
        if index >= len(self._rows) or width <= 0:
            return Strip.blank(width, self.base_style)
        is_cursor = index == self.cursor
        row_id = self._rows[index].id
        marks = (row_id in self._read, self._counts.get(row_id, 0))
        key = (self._generation, index, width, is_cursor, is_cursor and self.has_focus, marks)
        strips = self._cache.get(key)
        if strips is None:
            strips = self._render_row(index, width)
            self._cache.set(key, strips)
        return strips[line]

    def _render_row(self, index: int, width: int) -> list[Strip]:
        row = self._rows[index]
        base = self.base_style
        if index == self.cursor:
            base = base + self.get_component_rich_style("article-list--cursor", partial=True)

        def style(name: str) -> Style:
            # With its alpha: muted text is blended with the row's background.
            return self.part_style(f"article-list--{name}")

        unread = row.id not in self._read
        count = self._counts.get(row.id, 0)
        match = style("match")

        tail = f" {BOOKMARK_MARK}{count} " if count else " "
        title = Content.styled(one_line(row.title or "(untitled)"), style("title"))
        for start, end in getattr(row, "title_spans", ()) or ():
            title = title.stylize(match, start, end)
        head = Content.assemble(
            (f" {UNREAD_MARK if unread else ' '} ", style("unread")), title
        ).truncate(max(0, width - cell_len(tail)), ellipsis=True, pad=True)
        head += Content.styled(tail, style("count"))

        meta_parts = [(row.published or "")[:10], one_line(row.outlet or "")]
        meta = Content.styled("   " + " · ".join(p for p in meta_parts if p), style("meta"))
        lines = [head, meta.truncate(width, ellipsis=True)]

        if self._searching:
            snippet = Content.styled(one_line(getattr(row, "snippet", "") or ""), style("snippet"))
            for start, end in getattr(row, "snippet_spans", ()) or ():
                snippet = snippet.stylize(match, start, end)  # on top: matches stand out
            wrapped = snippet.wrap(max(1, width - 3), overflow="fold")
            snippet_lines = wrapped[:2]
            if len(wrapped) > 2 and snippet_lines:
                snippet_lines[-1] = (snippet_lines[-1] + "…").truncate(
                    max(1, width - 3), ellipsis=True
                )
            while len(snippet_lines) < 2:
                snippet_lines.append(Content(""))
            lines += [Content("   ") + line for line in snippet_lines]
        textual_base = Style.from_rich_style(base)
        return [
            fit_strip(line.render_segments(textual_base), line.cell_length, width, base)
            for line in lines
        ]
