"""The base style of a line-API widget, worked out once per repaint, not once per line.

``Widget.rich_style`` walks up the DOM, blending every ancestor's background and colour:
about 0.1 ms a call. A line-API widget needs it for every line it draws, so a frame of
three such widgets spent a tenth of its time there. The style can only change when the
widget's styles are updated or it is refreshed, the same two points at which Textual
clears its own cache of component styles, so that is when this one is cleared.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style
from textual.geometry import Region

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
