"""The side panel: the open article's figures and sources, with counts and a legend.

Moving onto an item (or choosing it) posts :class:`SidePanel.ItemChosen` with the body
spans to mark; the screen hands them to the reader.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Label, Static

from reader.widgets import highlights
from reader.widgets.item_list import Item, ItemList, LazyItems
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
        self._figures: Sequence[Figure] = ()
        self._sources: list[list[tuple[int, int]]] = []
        """The spans of each source listed, in the list's order."""

    def compose(self) -> ComposeResult:
        yield Static(highlights.legend(), id="legend")
        yield Label("Figures", id="figures-title", classes="panel-title")
        yield ItemList(id="figures")
        yield Label("Sources", id="sources-title", classes="panel-title")
        yield ItemList(id="sources")

    def show(self, article: Article | None) -> None:
        """List the figures and sources of ``article`` (None: empty the panel).

        The items are made as they are drawn: an article may state tens of thousands of
        figures, and the panel shows a few dozen.
        """
        figures = self.query_one("#figures", ItemList)
        sources = self.query_one("#sources", ItemList)
        self._figures = ()
        self._sources = []
        if article is None:
            figures.set_items(())
            sources.set_items(())
            self.query_one("#figures-title", Label).update("Figures")
            self.query_one("#sources-title", Label).update("Sources")
            return
        found = self._figures = article.figures

        def figure_item(index: int) -> Item:
            fig = found[index]
            meaning = figure_meaning(fig)
            detail = " · ".join(one_line(x) for x in (meaning, fig.counted, fig.source) if x)
            lines = [Content.styled(one_line(fig.text), highlights.FIGURE)]
            if detail:
                lines.append(Content.styled("  " + detail, "dim"))
            return Item(f"f{index}", tuple(lines))

        by_name: dict[str, list[tuple[int, int]]] = {}
        cues: dict[str, str] = {}
        for src in article.sources:
            name = src.name or src.text
            if not name or src.unresolved_pronoun:
                continue
            by_name.setdefault(name, []).append((src.start, src.end))
            if src.descriptor and name not in cues:
                cues[name] = src.descriptor
        names = list(by_name)
        self._sources = list(by_name.values())

        def source_item(index: int) -> Item:
            name = names[index]
            spans = by_name[name]
            count = f" ×{len(spans)}" if len(spans) > 1 else ""
            lines = [Content.assemble((one_line(name), highlights.SOURCE), (count, "dim"))]
            if name in cues:
                lines.append(Content.styled("  " + one_line(cues[name]), "dim"))
            return Item(f"s{index}", tuple(lines))

        figures.set_items(
            LazyItems(len(found), figure_item),
            [2 if fig.counted or fig.source or figure_meaning(fig) else 1 for fig in found],
        )
        sources.set_items(
            LazyItems(len(names), source_item), [2 if name in cues else 1 for name in names]
        )
        self.query_one("#figures-title", Label).update(f"Figures ({len(found)})")
        self.query_one("#sources-title", Label).update(f"Sources ({len(names)})")

    def _spans(self, key: str) -> list[tuple[int, int]] | None:
        """The body spans of the item with ``key`` (``f3``: a figure, ``s0``: a source)."""
        kind, number = key[:1], key[1:]
        if not number.isdigit():
            return None
        index = int(number)
        if kind == "f" and index < len(self._figures):
            fig = self._figures[index]
            return [(fig.start, fig.end)]
        if kind == "s" and index < len(self._sources):
            return self._sources[index]
        return None

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
        spans = self._spans(key) if key is not None else None
        if key is None or spans is None:
            return
        kind = "figure" if key.startswith("f") else "source"
        self.post_message(self.ItemChosen(self, kind, spans, chosen))
