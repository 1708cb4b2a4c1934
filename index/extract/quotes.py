"""Which parts of a text are inside quotation marks.

An attribution inside a quotation ('"I think he said no," Smith said') is part of the
quoted statement, not a statement the article attributes; the extractor skips it.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_QUOTE_RE = re.compile(r"''|[“”\"\n]")


class QuoteMap:
    """Answers "is this offset inside a quotation?" for one text.

    Curly quotes open and close; straight double quotes and doubled apostrophes
    ('' as some outlets write them) toggle. A paragraph break closes everything,
    because a quotation that runs on into the next paragraph reopens there.
    """

    def __init__(self, text: str) -> None:
        positions: list[int] = []
        states: list[bool] = []
        inside = False
        for m in _QUOTE_RE.finditer(text):
            mark = m.group()
            if mark == "\n":
                new = False
            elif mark == "“":
                new = True
            elif mark == "”":
                new = False
            else:
                new = not inside
            if new != inside:
                positions.append(m.start())
                states.append(new)
                inside = new
        self._positions = positions
        self._states = states

    def inside(self, pos: int) -> bool:
        i = bisect_right(self._positions, pos) - 1
        return i >= 0 and self._states[i]
