"""What the line-API widgets share to draw a line cheaply.

The base style of a line-API widget, worked out once per repaint, not once per line:

``Widget.rich_style`` walks up the DOM, blending every ancestor's background and colour:
about 0.1 ms a call. A line-API widget needs it for every line it draws, so a frame of
three such widgets spent a tenth of its time there. The style can only change when the
widget's styles are updated or it is refreshed, the same two points at which Textual
clears its own cache of component styles, so that is when this one is cleared.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip

if TYPE_CHECKING:
    from textual.widget import Widget

    _Base = Widget
else:  # a plain mixin: a DOMNode base here would hide the widget's own CSS bases
    _Base = object


class LineStyle(_Base):
    """Mix in before a line-API widget class: ``self.base_style`` for ``self.rich_style``."""

    _base_style: Style | None = None

    @property
    def base_style(self) -> Style:
        """``rich_style``, cached until the next refresh or style update."""
        style = self._base_style
        if style is None:
            style = self._base_style = self.rich_style
        return style

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> LineStyle:
        self._base_style = None
        super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)
        return self

    def notify_style_update(self) -> None:
        self._base_style = None
        super().notify_style_update()


def fit_strip(segments: list[Segment], length: int, width: int, style: Style) -> Strip:
    """One strip of exactly ``width`` cells from ``segments`` (``length`` cells long).

    Padded with ``style`` or cropped. ``Strip(...).crop_extend(...).apply_style(...)``
    gives the same line through four strips, each with seven caches of its own: on a
    frame of a few hundred lines that was a tenth of the time.
    """
    if length < width:
        segments.append(Segment(" " * (width - length), style))
        return Strip(segments, width)
    strip = Strip(segments, length)
    return strip if length == width else strip.crop(0, width)
