"""What the line-API widgets (list, reader, side panel) share to be drawn cheaply.

- The base style (and component styles), worked out once per repaint, not once per
  line. ``Widget.rich_style`` walks up the DOM blending every ancestor's background and
  colour, about 0.1 ms a call, and a frame of three such widgets spent a tenth of its
  time there. The style
  can only change when the widget's styles are updated or it is refreshed, the points
  at which Textual clears its own cache of component styles, so this one is cleared
  there too.
- Scrollbars updated only when a size changed. After any layout (each keystroke in the
  search box is one) Textual hands every scroll view the size it arranged as its
  virtual size; a line-API view sets its own, so the two never agree, and all four
  views' scrollbars were redrawn on every keystroke and every open: 10-20 ms a frame.
- :func:`fit_strip`: a line as one strip instead of four.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.style import Style as VisualStyle

if TYPE_CHECKING:
    from textual.widget import Widget

    _Base = Widget
else:  # a plain mixin: a DOMNode base here would hide the widget's own CSS bases
    _Base = object


class LineView(_Base):
    """Mix in before ``ScrollView`` in a line-API widget's bases."""

    _base_style: Style | None = None
    _part_styles: dict[str, VisualStyle] | None = None
    _sizes: tuple[Size, Size, Size] | None = None
    """Size, own virtual size and container size at the last scrollbar update."""

    @property
    def base_style(self) -> Style:
        """``rich_style``, cached until the next refresh or style update."""
        style = self._base_style
        if style is None:
            style = self._base_style = self.rich_style
        return style

    def part_style(self, name: str) -> VisualStyle:
        """A component class's partial visual style (alpha kept), cached as ``base_style``."""
        styles = self._part_styles
        if styles is None:
            styles = self._part_styles = {}
        style = styles.get(name)
        if style is None:
            style = styles[name] = self.get_visual_style(name, partial=True)
        return style

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> LineView:
        self._base_style = self._part_styles = None
        super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)
        return self

    def notify_style_update(self) -> None:
        self._base_style = self._part_styles = None
        super().notify_style_update()

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        sizes = (size, self.virtual_size, container_size)
        if sizes == self._sizes:
            return False  # nothing changed: no resize event, no scrollbar redrawn
        self._sizes = sizes
        return bool(super()._size_updated(size, virtual_size, container_size, layout))


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
