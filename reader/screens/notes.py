"""The notes screen: every bookmark of the notes file, newest first.

Enter (or a click) opens the bookmark's article at its passage: the screen dismisses
with the :class:`~index.notes.Bookmark` and the main screen opens it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Label, OptionList
from textual.widgets.option_list import Option

from reader.commands import bindings
from reader.widgets.safe import one_line

if TYPE_CHECKING:
    from index.notes import Bookmark
    from reader.app import ReaderApp

QUOTE_CHARS = 240


def bookmark_prompt(bm: Bookmark) -> Content:
    """How one bookmark reads in the list: title, quote, citation, note."""
    quote = one_line(" ".join(bm.quote.split()))
    if len(quote) > QUOTE_CHARS:
        quote = quote[: QUOTE_CHARS - 1] + "…"
    cite = " · ".join(
        one_line(x)
        for x in (bm.saved[:16].replace("T", " "), bm.outlet, bm.published[:10], bm.location)
        if x
    )
    parts: list[tuple[str, str] | str] = [
        (one_line(bm.title or "(untitled)"), "bold"),
        ("\n“" + quote + "”", ""),
        ("\n" + cite, "dim"),
    ]
    if bm.note:
        parts.append(("\n✎ " + one_line(" ".join(bm.note.split())), "italic $text-accent"))
    return Content.assemble(*parts)


class NotesScreen(Screen["Bookmark | None"]):
    """The bookmarks, newest first; dismisses with the one to open."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("notes")
    AUTO_FOCUS = "#bookmarks"

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[Bookmark] = []

    def compose(self) -> ComposeResult:
        app = cast("ReaderApp", self.app)
        for items in app.bookmarks.values():
            self.entries.extend(items)
        self.entries.sort(key=lambda bm: bm.saved, reverse=True)
        count = len(self.entries)
        yield Label(
            Content(f"Notes · {count} bookmark{'s' if count != 1 else ''} · {app.notes_path.name}"),
            id="notes-title",
        )
        if self.entries:
            options: list[Option | None] = []
            for index, bm in enumerate(self.entries):
                if options:
                    options.append(None)  # a separator line
                options.append(Option(bookmark_prompt(bm), id=str(index)))
            yield OptionList(*options, id="bookmarks", markup=False)
        elif app.notes_error is not None:
            said = one_line(app.notes_error)
            yield Label(Content(said[:1].upper() + said[1:] + "."), id="notes-empty")
        else:
            yield Label(
                "No bookmarks yet. In the reader, press b to bookmark the passage under the "
                "cursor, or B to add a note.",
                id="notes-empty",
            )
        yield Footer()

    @on(OptionList.OptionSelected, "#bookmarks")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.entries[int(event.option.id or 0)])

    def action_open_bookmark(self) -> None:
        options = self.query("#bookmarks")
        if options:
            option_list = options.first(OptionList)
            option = option_list.highlighted_option
            if option is not None:
                self.dismiss(self.entries[int(option.id or 0)])

    def action_close(self) -> None:
        self.dismiss(None)
