"""Article text is data: make it safe to show, keeping every offset where it was.

Titles, paragraphs and notes come from files the user saved. They are never parsed as
markup (widgets build :class:`~textual.content.Content` from plain strings and spans),
and control characters are shown as visible symbols, one character for one, so that a
``\\x1b[2J`` in an article reaches the screen as ``␛[2J`` and offsets into the body still
point at the same characters.
"""

from __future__ import annotations

_CONTROL_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)}
_CONTROL_PICTURES[0x7F] = "\u2421"  # ␡
for _code in range(0x80, 0xA0):
    _CONTROL_PICTURES[_code] = "\ufffd"
_LINE = dict(_CONTROL_PICTURES)
del _LINE[ord("\n")]


def safe_text(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with control characters replaced by visible symbols, length unchanged."""
    return text.translate(_LINE if keep_newlines else _CONTROL_PICTURES)


def one_line(text: str) -> str:
    """Safe text on one line: newlines and tabs become spaces (length unchanged)."""
    return safe_text(text.replace("\n", " ").replace("\t", " "))
