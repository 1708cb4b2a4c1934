"""The footer: Textual's, recomposed only when the keys it shows change.

Textual's footer rebuilds its key widgets whenever the focus moves. Moving between the
list and the reader does not change the keys shown, and rebuilding them was half the
cost of opening an article.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """Keys that work where the focus is, with their tooltips."""

    _shown: tuple[tuple[str, str, bool], ...] | None = None

    def bindings_changed(self, screen: Screen) -> None:
        shown = tuple(
            (binding.key, binding.description, enabled)
            for (_node, binding, enabled, _tooltip) in screen.active_bindings.values()
            if binding.show
        )
        if shown == self._shown:
            return
        self._shown = shown
        super().bindings_changed(screen)
