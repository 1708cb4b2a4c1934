"""The search box on top of the main screen, and the status line under it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

from reader.commands import bindings

PLACEHOLDER = '/ search: words, "a phrase", title:kursk, published:[2024-10-25 TO 2024-10-31]'


class QueryInput(Input):
    """The query input; Enter or ↓ goes to the results."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("search")

    @dataclass
    class ToResults(Message):
        query_input: QueryInput

        @property
        def control(self) -> QueryInput:
            return self.query_input

    def action_results(self) -> None:
        self.post_message(self.ToResults(self))


class SearchBox(Vertical):
    """Query input and a status line: hit count, or why the query does not parse."""

    def compose(self) -> ComposeResult:
        yield QueryInput(placeholder=PLACEHOLDER, id="query", select_on_focus=False)
        yield Static("", id="search-status")

    @property
    def input(self) -> QueryInput:
        return self.query_one(QueryInput)

    def set_status(self, text: str, *, error: bool = False) -> None:
        """Show a line under the box (plain text, never markup)."""
        status = self.query_one("#search-status", Static)
        status.update(Content(text))
        status.set_class(error, "-error")
