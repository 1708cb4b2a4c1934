"""The note dialog: type a note for the bookmark, Enter saves, Esc cancels."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, Static

from reader.commands import bindings
from reader.widgets.safe import one_line

QUOTE_CHARS = 300


class NoteDialog(ModalScreen[str | None]):
    """Ask for a note; dismisses with the note, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("dialog")

    def __init__(self, quote: str) -> None:
        super().__init__()
        self.quote = quote

    def compose(self) -> ComposeResult:
        quote = one_line(" ".join(self.quote.split()))
        if len(quote) > QUOTE_CHARS:
            quote = quote[: QUOTE_CHARS - 1] + "…"
        with Vertical(id="note-dialog"):
            yield Label("Bookmark with a note", classes="dialog-title")
            yield Static(Content("“" + quote + "”"), classes="dialog-quote")
            yield Input(placeholder="Your note (Enter saves, Esc cancels)", id="note")
        yield Footer()

    @on(Input.Submitted, "#note")
    def action_save(self) -> None:
        self.dismiss(self.query_one("#note", Input).value)

    def action_cancel(self) -> None:
        self.dismiss(None)
