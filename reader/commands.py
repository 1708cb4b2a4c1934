"""The one registry of the app's commands.

Every key the app answers to is a :class:`Command` here. The widgets' ``BINDINGS``, the
footer, the ``?`` help screen and the command palette are all generated from
:data:`COMMANDS`, so a key is described once and users can remap it by its ``id``
(``[keymap]`` in the config file).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from textual.binding import Binding, BindingType

Scope = Literal["app", "main", "list", "reader", "search", "notes", "dialog"]
"""Where a command works: the whole app, the main screen, or one focused part of it."""

SCOPE_TITLES: dict[Scope, str] = {
    "app": "Anywhere",
    "main": "Main screen",
    "list": "Article list",
    "reader": "Reader",
    "search": "Search box",
    "notes": "Notes screen",
    "dialog": "Note dialog",
}


@dataclass(frozen=True, slots=True)
class Command:
    """A key, the action it runs, and the words that describe it everywhere."""

    id: str
    """Stable name, used in the keymap setting and as the binding id."""
    keys: str
    """Textual key names, comma separated (``"j,down"``)."""
    action: str
    """The action run, in the namespace of the scope's widget or screen."""
    description: str
    """Short label: footer, help and command palette title."""
    tooltip: str
    """One sentence: footer tooltip, help text and command palette help."""
    scope: Scope
    key_display: str = ""
    """How help shows the keys (defaults to the key names)."""
    show: bool = True
    """Whether the footer shows it."""
    palette: bool = True
    """Whether the command palette offers it (moving a cursor by one makes no sense there)."""
    priority: bool = False

    def binding(self) -> Binding:
        """The Textual binding, with the id, description and tooltip."""
        return Binding(
            self.keys,
            self.action,
            self.description,
            show=self.show,
            key_display=self.key_display.split(" ")[0] if self.key_display else None,
            priority=self.priority,
            tooltip=self.tooltip,
            id=self.id,
        )


COMMANDS: tuple[Command, ...] = (
    # Main screen
    Command(
        "search",
        "slash",
        "focus_search",
        "Search",
        'Search the library: words, "phrases", AND/OR/NOT, field:value, published:[A TO B]',
        "main",
        key_display="/",
    ),
    Command(
        "leave-search",
        "escape",
        "leave_search",
        "Back",
        "Leave the search box; in the list, clear the search and show every article",
        "main",
        key_display="Esc",
        show=False,
    ),
    Command(
        "next-hit",
        "n",
        "next_hit",
        "Next hit",
        "Move the reader to the next search hit in the article",
        "main",
    ),
    Command(
        "previous-hit",
        "N",
        "previous_hit",
        "Prev hit",
        "Move the reader to the previous search hit in the article",
        "main",
        show=False,
    ),
    Command(
        "bookmark",
        "b",
        "bookmark",
        "Bookmark",
        "Bookmark the passage under the cursor (or the mouse selection) to the notes file",
        "main",
    ),
    Command(
        "bookmark-note",
        "B",
        "bookmark_with_note",
        "Note",
        "Bookmark the passage with a note you type",
        "main",
    ),
    Command(
        "notes",
        "o",
        "open_notes",
        "Notes",
        "Show every bookmark, newest first; Enter opens its article at the passage",
        "main",
    ),
    Command(
        "highlights",
        "h",
        "toggle_highlights",
        "Highlights",
        "Show or hide the figure, source and search highlights in the text",
        "main",
    ),
    Command(
        "panel",
        "p",
        "toggle_panel",
        "Panel",
        "Show or hide the side panel of figures and sources",
        "main",
    ),
    Command(
        "focus-next",
        "tab",
        "app.focus_next",
        "Next pane",
        "Move the focus to the next pane: search, list, reader, side panel",
        "main",
        key_display="Tab",
        show=False,
    ),
    Command(
        "focus-previous",
        "shift+tab",
        "app.focus_previous",
        "Previous pane",
        "Move the focus to the previous pane",
        "main",
        key_display="Shift+Tab",
        show=False,
    ),
    # The article list
    Command(
        "list-down",
        "j,down",
        "cursor_down",
        "Down",
        "Move to the next article in the list",
        "list",
        key_display="j ↓",
        show=False,
    ),
    Command(
        "list-up",
        "k,up",
        "cursor_up",
        "Up",
        "Move to the previous article in the list",
        "list",
        key_display="k ↑",
        show=False,
    ),
    Command(
        "list-open",
        "enter",
        "open",
        "Open",
        "Open the article under the cursor",
        "list",
        key_display="Enter",
        show=False,
    ),
    Command(
        "list-top",
        "home,g",
        "first",
        "First",
        "Go to the first article",
        "list",
        key_display="Home g",
        show=False,
        palette=False,
    ),
    Command(
        "list-bottom",
        "end,G",
        "last",
        "Last",
        "Go to the last article",
        "list",
        key_display="End G",
        show=False,
        palette=False,
    ),
    Command(
        "list-page-down",
        "pagedown",
        "page_down",
        "Page down",
        "Move down a page",
        "list",
        key_display="PgDn",
        show=False,
        palette=False,
    ),
    Command(
        "list-page-up",
        "pageup",
        "page_up",
        "Page up",
        "Move up a page",
        "list",
        key_display="PgUp",
        show=False,
        palette=False,
    ),
    # The reader
    Command(
        "passage-down",
        "j,down",
        "next_passage",
        "Next passage",
        "Move the passage cursor to the next paragraph",
        "reader",
        key_display="j ↓",
        show=False,
    ),
    Command(
        "passage-up",
        "k,up",
        "previous_passage",
        "Prev passage",
        "Move the passage cursor to the previous paragraph",
        "reader",
        key_display="k ↑",
        show=False,
    ),
    # The search box
    Command(
        "search-results",
        "enter,down",
        "results",
        "Results",
        "Go to the results list",
        "search",
        key_display="Enter ↓",
        palette=False,
    ),
    # The notes screen
    Command(
        "notes-open",
        "enter",
        "open_bookmark",
        "Open",
        "Open the bookmark's article at its passage",
        "notes",
        key_display="Enter",
        palette=False,
    ),
    Command(
        "notes-close",
        "escape,o",
        "close",
        "Back",
        "Back to the main screen",
        "notes",
        key_display="Esc o",
        palette=False,
    ),
    # The note dialog
    Command(
        "note-save",
        "ctrl+s",
        "save",
        "Save",
        "Save the bookmark with the note",
        "dialog",
        key_display="Ctrl+S",
        # Not a priority binding: a priority key is handled as it arrives, before the keys
        # typed just ahead of it reach the text area, so their text was cut off the note.
        palette=False,
    ),
    Command(
        "note-cancel",
        "escape",
        "cancel",
        "Cancel",
        "Close the dialog without bookmarking",
        "dialog",
        key_display="Esc",
        priority=True,
        palette=False,
    ),
    # Anywhere
    Command(
        "help",
        "question_mark",
        "app.help",
        "Help",
        "Show every key and what it does",
        "app",
        key_display="?",
    ),
    Command(
        "quit",
        "q",
        "app.quit",
        "Quit",
        "Quit reader",
        "app",
    ),
)


def commands(scope: Scope | None = None) -> Iterator[Command]:
    """The commands of one scope, or all of them."""
    return (c for c in COMMANDS if scope is None or c.scope == scope)


def bindings(scope: Scope) -> list[BindingType]:
    """The Textual bindings of a scope, for a widget's or screen's ``BINDINGS``."""
    return [c.binding() for c in commands(scope)]


def by_id(command_id: str) -> Command:
    for command in COMMANDS:
        if command.id == command_id:
            return command
    raise KeyError(command_id)


def key_display(command: Command, keymap: dict[str, str] | None = None) -> str:
    """How help shows a command's keys, after the user's keymap."""
    if keymap and command.id in keymap:
        return keymap[command.id].replace(",", " ")
    return command.key_display or command.keys.replace(",", " ")
