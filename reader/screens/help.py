"""The help screen: every key and what it does, generated from the command registry."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Label, Static

from reader.commands import SCOPE_TITLES, commands, key_display

if TYPE_CHECKING:
    from reader.app import ReaderApp


def help_table(keymap: dict[str, str] | None = None) -> Table:
    """Keys by where they work, with their description and tooltip."""
    table = Table(box=None, show_header=False, expand=True, pad_edge=False, padding=(0, 1))
    table.add_column("keys", style="bold", no_wrap=True, min_width=10)
    table.add_column("does", no_wrap=True, min_width=12)
    table.add_column("tooltip", ratio=1)
    for scope, title in SCOPE_TITLES.items():
        items = list(commands(scope))
        if not items:
            continue
        table.add_row(Text(title, style="bold underline"), Text(""), Text(""))
        for command in items:
            table.add_row(
                Text(key_display(command, keymap)),
                Text(command.description),
                Text(command.tooltip, style="dim"),
            )
        table.add_row(Text(""), Text(""), Text(""))
    table.add_row(
        Text("Ctrl+P", style="bold"),
        Text("Commands"),
        Text("Every command by name, and the themes", style="dim"),
    )
    return table


class HelpScreen(ModalScreen[None]):
    """Every key of the app, from :data:`reader.commands.COMMANDS`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,question_mark,q", "dismiss", "Close", id="help-close", tooltip="Close the help"
        ),
    ]

    def compose(self) -> ComposeResult:
        keymap = cast("ReaderApp", self.app).config.keymap
        with VerticalScroll(id="help"):
            yield Label("reader · keys", classes="dialog-title")
            yield Static(help_table(keymap), id="help-table")
        yield Footer()

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
