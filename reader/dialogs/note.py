"""The note dialog: type a note for the bookmark, any number of lines.

Enter starts a new line and a paste keeps all of its lines; Ctrl+S saves, Esc cancels.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Label, Static, TextArea

from reader.commands import bindings
from reader.widgets.safe import one_line

QUOTE_CHARS = 300


class NoteDialog(ModalScreen[str | None]):
    """Ask for a note; dismisses with the note, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("dialog")
    AUTO_FOCUS = "#note"

    def __init__(self, quote: str, *, bookmarked: bool = False) -> None:
        """A dialog for the passage ``quote``.

        Args:
            quote: the passage to bookmark, shown above the note.
            bookmarked: the passage is bookmarked already; the note is added to it.
        """
        super().__init__()
        self.quote = quote
        self.bookmarked = bookmarked

    def compose(self) -> ComposeResult:
        quote = one_line(" ".join(self.quote.split()))
        if len(quote) > QUOTE_CHARS:
            quote = quote[: QUOTE_CHARS - 1] + "…"
        title = "Add a note to your bookmark" if self.bookmarked else "Bookmark with a note"
        with Vertical(id="note-dialog"):
            yield Label(title, classes="dialog-title")
            yield Static(Content("“" + quote + "”"), classes="dialog-quote")
            yield TextArea(
                id="note",
                soft_wrap=True,
                tab_behavior="focus",
                placeholder="Your note: Enter starts a new line, Ctrl+S saves, Esc cancels",
            )
        yield Footer()

    def action_save(self) -> None:
        self.dismiss(self.query_one("#note", TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)
