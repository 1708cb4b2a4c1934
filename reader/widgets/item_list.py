"""A short list of one- or two-line items drawn with the line API.

The side panel lists an article's figures and sources. Textual's OptionList measures
and wraps every option when the list is filled, and re-lays the screen out: with forty
figures and sources that made opening an article twice as slow. Here the lines are
plain :class:`~textual.content.Content` made once, and only the visible ones are drawn.
Items can be made as they are first drawn (:class:`LazyItems`): a 19 MB article states
tens of thousands of figures, and making them all was half a second of its opening.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import ClassVar, overload

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


class LazyItems(Sequence[Item]):
    """``count`` items, each made by ``make(index)`` when first asked for."""

    def __init__(self, count: int, make: Callable[[int], Item]) -> None:
        self._count = count
        self._make = make
        self._made: dict[int, Item] = {}

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> Item: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Item]: ...

    def __getitem__(self, index: int | slice) -> Item | Sequence[Item]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._count))]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError(index)
        item = self._made.get(index)
        if item is None:
            item = self._made[index] = self._make(index)
        return item


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
        self._first_line: list[int] = [0]
        """First line of each item, and the line count last."""

    @property
    def items(self) -> Sequence[Item]:
        return self._items

    @property
    def item_count(self) -> int:
        return len(self._items)

    def set_items(self, items: Sequence[Item], heights: Iterable[int] | None = None) -> None:
        """List ``items``; ``heights`` gives their line counts without making them (for
        :class:`LazyItems`)."""
        self._items = items
        if heights is None:
            heights = (len(item.lines) for item in items)
        self._first_line = list(accumulate(heights, initial=0))
        self.set_reactive(ItemList.cursor, None)
        self.virtual_size = Size(self.scrollable_content_region.width, self._line_count)
        self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()

    @property
    def _line_count(self) -> int:
        return self._first_line[-1]

    def _item_at(self, line: int) -> int:
        return bisect.bisect_right(self._first_line, line) - 1

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
        if 0 <= number < self._line_count:
            self.focus()
            self.cursor = self._item_at(number)
            self.action_open()

    def on_resize(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, self._line_count)

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
        if number >= self._line_count:
            return Strip.blank(width, base)
        index = self._item_at(number)
        if index == self.cursor and self.has_focus:
            base = base + self.get_component_rich_style("item-list--cursor", partial=True)
        content = self._items[index].lines[number - self._first_line[index]]
        content = Content(" ") + content.truncate(max(0, width - 1), ellipsis=True)
        segments = content.render_segments(Style.from_rich_style(base))
        return fit_strip(segments, content.cell_length, width, base)
