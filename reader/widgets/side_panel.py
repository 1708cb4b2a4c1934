"""The side panel: the open article's figures and sources, with counts and a legend.

Moving onto an item (or choosing it) posts :class:`SidePanel.ItemChosen` with the body
spans to mark; the screen hands them to the reader.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Label, Static

from reader.widgets import highlights
from reader.widgets.item_list import Item, ItemList
from reader.widgets.safe import one_line

if TYPE_CHECKING:
    from index.model import Article, Figure


def _value(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def figure_meaning(fig: Figure) -> str:
    """The qualifier's sense and the unit, as the panel shows them: "at most · USD",
    "range to 5,000", "about %": so that "no more than 3,000" never reads as
    "more than"."""
    parts = []
    if fig.qualifier == "between" and fig.high is not None:
        parts.append(f"range to {_value(fig.high)}")
    elif fig.qualifier:
        parts.append(fig.qualifier)
    if fig.unit:
        parts.append(fig.unit)
    elif fig.kind not in ("count", ""):
        parts.append(fig.kind)
    return " · ".join(parts)


class SidePanel(Vertical):
    """Figures and sources of the article in the reader."""

    @dataclass
    class ItemChosen(Message):
        """An item was highlighted or chosen: mark its spans in the reader."""

        side_panel: SidePanel
        kind: str
        """``figure`` or ``source``."""
        spans: list[tuple[int, int]]
        chosen: bool
        """True for Enter or a click, False for moving onto the item."""

        @property
        def control(self) -> SidePanel:
            return self.side_panel

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._spans: dict[str, list[tuple[int, int]]] = {}

    def compose(self) -> ComposeResult:
        yield Static(highlights.legend(), id="legend")
        yield Label("Figures", id="figures-title", classes="panel-title")
        yield ItemList(id="figures")
        yield Label("Sources", id="sources-title", classes="panel-title")
        yield ItemList(id="sources")

    def show(self, article: Article | None) -> None:
        """List the figures and sources of ``article`` (None: empty the panel)."""
        figures = self.query_one("#figures", ItemList)
        sources = self.query_one("#sources", ItemList)
        self._spans = {}
        if article is None:
            figures.set_items(())
            sources.set_items(())
            self.query_one("#figures-title", Label).update("Figures")
            self.query_one("#sources-title", Label).update("Sources")
            return
        figure_options = []
        for index, fig in enumerate(article.figures):
            key = f"f{index}"
            self._spans[key] = [(fig.start, fig.end)]
            meaning = figure_meaning(fig)
            detail = " · ".join(one_line(x) for x in (meaning, fig.counted, fig.source) if x)
            lines = [Content.styled(one_line(fig.text), highlights.FIGURE)]
            if detail:
                lines.append(Content.styled("  " + detail, "dim"))
            figure_options.append(Item(key, tuple(lines)))
        by_name: dict[str, list[tuple[int, int]]] = {}
        cues: dict[str, str] = {}
        for src in article.sources:
            name = src.name or src.text
            if not name or src.unresolved_pronoun:
                continue
            by_name.setdefault(name, []).append((src.start, src.end))
            if src.descriptor and name not in cues:
                cues[name] = src.descriptor
        source_options = []
        for index, (name, spans) in enumerate(by_name.items()):
            key = f"s{index}"
            self._spans[key] = spans
            count = f" ×{len(spans)}" if len(spans) > 1 else ""
            lines = [Content.assemble((one_line(name), highlights.SOURCE), (count, "dim"))]
            if name in cues:
                lines.append(Content.styled("  " + one_line(cues[name]), "dim"))
            source_options.append(Item(key, tuple(lines)))
        figures.set_items(figure_options)
        sources.set_items(source_options)
        self.query_one("#figures-title", Label).update(f"Figures ({len(figure_options)})")
        self.query_one("#sources-title", Label).update(f"Sources ({len(by_name)})")

    @on(ItemList.Highlighted)
    def _highlighted(self, event: ItemList.Highlighted) -> None:
        event.stop()
        if event.item_list.has_focus:
            self._post(event.key, chosen=False)

    @on(ItemList.Selected)
    def _selected(self, event: ItemList.Selected) -> None:
        event.stop()
        self._post(event.key, chosen=True)

    def _post(self, key: str | None, *, chosen: bool) -> None:
        if key is None or key not in self._spans:
            return
        kind = "figure" if key.startswith("f") else "source"
        self.post_message(self.ItemChosen(self, kind, self._spans[key], chosen))
