"""How the reader marks spans of text, shared by the text and the legend.

Span styles name theme variables, so they follow the theme without re-rendering the
article (Content resolves ``$variables`` when it paints). They live here rather than in
``reader.tcss`` because they style character ranges, which CSS cannot select.
"""

from __future__ import annotations

from textual.content import Content

FIGURE = "bold $text-warning"
SOURCE = "bold $text-success"
HIT = "bold $text-accent underline"
CURRENT_HIT = "bold reverse $text-accent"
MARKED = "reverse"
"""The spans of the item chosen in the side panel."""

LEGEND: tuple[tuple[str, str], ...] = (
    ("figure", FIGURE),
    ("source", SOURCE),
    ("search hit", HIT),
)


def legend() -> Content:
    """One line naming each highlight in its own style."""
    parts: list[Content | tuple[str, str] | str] = []
    for name, style in LEGEND:
        if parts:
            parts.append("  ")
        parts.append((name, style))
    return Content.assemble(*parts)
