"""Lines of a page dump and the surface features the cleaner classifies them by.

A select-all copy keeps no markup, so everything the cleaner knows comes from the
shape of each line: how long it is, whether it reads like a sentence, whether it
looks like a list item, and whether a blank line separates it from its neighbours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD_RE = re.compile(r"\w+")
# Han, kana and Hangul syllables: scripts where one character carries about half a word.
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_SENTENCE_END_RE = re.compile(r"[.!?。！？…:;]['\"’”»)\]]*$|[.!?。！？]\s*\S{0,3}$")
_BULLET_RE = re.compile(r"^[•·▪●◦‣\-–*]\s+")


def word_count(text: str) -> int:
    """Words in ``text``; Chinese and Japanese characters count as half a word each."""
    if text.isascii():
        return len(_WORD_RE.findall(text))
    cjk = len(_CJK_RE.findall(text))
    if not cjk:
        return len(_WORD_RE.findall(text))
    rest = _CJK_RE.sub(" ", text)
    return len(_WORD_RE.findall(rest)) + (cjk + 1) // 2


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends like a sentence (., !, ?, …, their CJK forms, or a quote after them)."""
    return bool(_SENTENCE_END_RE.search(text))


@dataclass(slots=True)
class Line:
    """One non-empty line of the dump with its features."""

    index: int
    """Position among the non-empty lines."""
    text: str
    """The line, whitespace collapsed and stripped."""
    blank_before: bool
    blank_after: bool
    words: int
    sentence_end: bool
    bullet: bool
    cells: int = 1
    """Tab-separated fields: table rows keep their cells apart with tabs."""

    @property
    def sentence_like(self) -> bool:
        """Reads like running prose: long enough and ends like a sentence."""
        return self.sentence_end and self.words >= 8


def split_lines(text: str) -> list[Line]:
    """Split a dump into its non-empty lines, remembering blank-line separation."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u200b", "").split("\n")
    lines: list[Line] = []
    blank = True
    for piece in raw:
        clean = " ".join(piece.split())
        if not clean:
            blank = True
            if lines:
                lines[-1].blank_after = True
            continue
        lines.append(
            Line(
                index=len(lines),
                text=clean,
                blank_before=blank,
                blank_after=False,
                words=word_count(clean),
                sentence_end=ends_sentence(clean),
                bullet=bool(_BULLET_RE.match(clean)),
                cells=piece.strip().count("\t") + 1,
            )
        )
        blank = False
    if lines:
        lines[-1].blank_after = True
    return lines
