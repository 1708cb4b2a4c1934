"""A short list of one- or two-line items drawn with the line API.

The side panel lists an article's figures and sources. Textual's OptionList measures
and wraps every option when the list is filled, and re-lays the screen out: with forty
figures and sources that made opening an article twice as slow. Here the lines are
plain :class:`~textual.content.Content` made once, and only the visible ones are drawn.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.binding import BindingType
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from reader.commands import bindings
from reader.widgets.line_view import LineView, fit_strip


@dataclass(frozen=True, slots=True)
class Item:
    key: str
    lines: tuple[Content, ...]
    """What the item shows, a line each (never wrapped: cut with an ellipsis)."""


class ItemList(LineView, ScrollView, can_focus=True):
    """A focusable list with a cursor that starts on no item."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("list")
    COMPONENT_CLASSES: ClassVar[set[str]] = {"item-list--cursor"}

    cursor: reactive[int | None] = reactive(None, init=False)

    @dataclass
    class Highlighted(Message):
        """The cursor moved onto an item."""

        item_list: ItemList
        key: str

        @property
        def control(self) -> ItemList:
            return self.item_list

    @dataclass
    class Selected(Message):
        """An item was chosen with Enter or a click."""

        item_list: ItemList
        key: str

        @property
        def control(self) -> ItemList:
            return self.item_list

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._items: Sequence[Item] = ()
        self._first_line: list[int] = []
        self._item_of_line: list[int] = []

    @property
    def items(self) -> Sequence[Item]:
        return self._items

    @property
    def item_count(self) -> int:
        return len(self._items)

    def set_items(self, items: Sequence[Item]) -> None:
        self._items = items
        self._first_line = []
        self._item_of_line = []
        for index, item in enumerate(items):
            self._first_line.append(len(self._item_of_line))
            self._item_of_line.extend([index] * len(item.lines))
        self.set_reactive(ItemList.cursor, None)
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._item_of_line))
        self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()

    # The cursor

    def validate_cursor(self, value: int | None) -> int | None:
        if value is None or not self._items:
            return None
        return max(0, min(value, len(self._items) - 1))

    def watch_cursor(self, old: int | None, new: int | None) -> None:
        if new is None:
            self.refresh()
            return
        item = self._items[new]
        region = Region(0, self._first_line[new], 1, len(item.lines))
        self.scroll_to_region(region, animate=False, force=True, immediate=True)
        self.refresh()
        self.post_message(self.Highlighted(self, item.key))

    def _move(self, step: int) -> None:
        self.cursor = (
            (0 if step > 0 else len(self._items) - 1) if self.cursor is None else self.cursor + step
        )

    def action_cursor_down(self) -> None:
        self._move(1)

    def action_cursor_up(self) -> None:
        self._move(-1)

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self._items) - 1

    def action_page_down(self) -> None:
        self._move(max(1, self.scrollable_content_region.height // 2))

    def action_page_up(self) -> None:
        self._move(-max(1, self.scrollable_content_region.height // 2))

    def action_open(self) -> None:
        if self.cursor is not None:
            self.post_message(self.Selected(self, self._items[self.cursor].key))

    def on_click(self, event: events.Click) -> None:
        number = event.y + self.scroll_offset.y
        if 0 <= number < len(self._item_of_line):
            self.focus()
            self.cursor = self._item_of_line[number]
            self.action_open()

    def on_resize(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._item_of_line))

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # Drawing

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        number = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.base_style
        if number >= len(self._item_of_line):
            return Strip.blank(width, base)
        index = self._item_of_line[number]
        if index == self.cursor and self.has_focus:
            base = base + self.get_component_rich_style("item-list--cursor", partial=True)
        content = self._items[index].lines[number - self._first_line[index]]
        content = Content(" ") + content.truncate(max(0, width - 1), ellipsis=True)
        segments = content.render_segments(Style.from_rich_style(base))
        return fit_strip(segments, content.cell_length, width, base)
