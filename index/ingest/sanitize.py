"""Make decoded text safe to store: no terminal escape sequences, no control characters."""

from __future__ import annotations

import re

# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), other two-byte ESC sequences,
# and their 8-bit C1 forms.
_ESCAPES = re.compile(
    r"""
    (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]          # CSI ... final byte
  | (?:\x1b\]|\x9d).*?(?:\x07|\x1b\\|\x9c)    # OSC ... terminated
  | (?:\x1b[PX^_]|[\x90\x98\x9e\x9f]).*?(?:\x1b\\|\x9c)  # DCS, SOS, PM, APC strings
  | \x1b[@-Z\\-_]?                            # other escapes (and a lone ESC)
    """,
    re.VERBOSE | re.DOTALL,
)
_C1 = re.compile(r"[\x90-\x9f]")
"""The 8-bit forms that start a sequence; with neither these nor ESC there is none."""
# C0 controls but tab and newline, DEL, C1 controls; also zero-width and bidi overrides
# that can disguise text in a terminal.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2066-\u2069\ufeff]")


def sanitize(text: str) -> str:
    """Normalise newlines, remove escape sequences and control characters.

    Form feeds and vertical tabs become newlines; other controls vanish. Rich markup
    such as ``[bold]`` is left as it is: it is plain text, and the UI renders it as such.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\x0c", "\n").replace("\x0b", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n").replace("\xa0", " ")
    if "\x1b" in text or _C1.search(text):
        text = _ESCAPES.sub("", text)
    return _CONTROLS.sub("", text)
