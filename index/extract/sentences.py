"""Sentence boundaries and word tokens, both with code-point offsets."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from index.extract.lexicon import ABBREVIATIONS

_END_RE = re.compile(r"[.!?]+[\"”’')\]]*(?:\s+|$)|\n\s*")
_WORD_BEFORE_RE = re.compile(r"([\w.]+)\W*$")

MAX_SENTENCE = 2000
"""Longest sentence, in characters. A longer run without a sentence end (a transcript
or a page saved without full stops) is cut at the last space before this length: the
finders work per sentence (a statement is the rest of its sentence, a figure's source
is looked for among its sentence's), so one sentence as long as a 2 MB line made their
work and output grow with the square of its length."""

TOKEN_RE = re.compile(
    r"[A-Za-z](?:\.[A-Za-z])+\.?"  # U.S. / U.N. / a.m.
    r"|\d+(?:[.,]\d+)*(?:st|nd|rd|th|s)?"  # 8,000 / 2.5 / 1st / 1990s
    r"|\w+(?:[’'\-]\w+)*"  # words, possessives, hyphenated compounds
    r"|[^\w\s]"  # one punctuation mark
)


class Token(NamedTuple):
    text: str
    start: int
    end: int


def sentence_starts(text: str) -> list[int]:
    """Offsets where sentences begin: after . ! ? (not after "Mr." or "U.S.") and at
    newlines, and in a run longer than :data:`MAX_SENTENCE` after its last space that
    keeps the sentence within that length (or at that length, if it has no space)."""
    return _cap_lengths(text, _ends_found(text))


def _cap_lengths(text: str, starts: list[int]) -> list[int]:
    """``starts`` with more added wherever a sentence would exceed MAX_SENTENCE."""
    capped: list[int] = []
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        capped.append(start)
        while end - start > MAX_SENTENCE:
            space = text.rfind(" ", start + 1, start + MAX_SENTENCE)
            start = space + 1 if space > start else start + MAX_SENTENCE
            capped.append(start)
    return capped


def _ends_found(text: str) -> list[int]:
    """Sentence starts shown by punctuation and newlines, however far apart."""
    starts = [0]
    for m in _END_RE.finditer(text):
        end = m.end()
        if end >= len(text):
            break
        if m.group().startswith(("\n", "\r")):
            starts.append(end)
            continue
        if "\n" in m.group():
            starts.append(end)
            continue
        nxt = text[end]
        if not (nxt.isupper() or nxt.isdigit() or nxt in "\"“‘'("):
            continue
        if m.group()[0] == ".":
            w = _WORD_BEFORE_RE.search(text, max(0, m.start() - 20), m.start() + 1)
            if w:
                word = w.group(1)
                core = word.rstrip(".").lower()
                if core in ABBREVIATIONS or (len(core) == 1 and core.isalpha()):
                    continue
                if "." in word.rstrip(".") and word[0].isupper():  # "U.S." before a capital
                    continue
        starts.append(end)
    return starts


class Sentences:
    """Looks up the sentence around an offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = sentence_starts(text)

    def bounds(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.starts, pos) - 1
        start = self.starts[max(i, 0)]
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        return start, end

    def index(self, pos: int) -> int:
        return bisect_right(self.starts, pos) - 1


_new_token = tuple.__new__


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Tokens of ``text[start:end]``; "Sen." and "Calif." keep their period."""
    tokens: list[Token] = [
        _new_token(Token, (m.group(), m.start(), m.end()))
        for m in TOKEN_RE.finditer(text, start, end)
    ]
    periods = [i for i, tok in enumerate(tokens) if tok[0] == "."]
    removed = 0
    for i in periods:
        i -= removed
        if i == 0:
            continue
        prev = tokens[i - 1]
        word = prev[0]
        if prev[2] == tokens[i][1] and (
            word.lower() in ABBREVIATIONS
            or (len(word) == 1 and word.isupper())  # "Jeffrey N. Smith"
        ):
            tokens[i - 1] = _new_token(Token, (word + ".", prev[1], tokens[i][2]))
            del tokens[i]
            removed += 1
    return tokens
