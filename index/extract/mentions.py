"""A found source mention and the per-text lookups the finders share."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from index.extract.phrases import Phrase
from index.extract.quotes import QuoteMap
from index.extract.sentences import Sentences, Token, tokenize


@dataclass(slots=True)
class Mention:
    """A source span found in the text, before names are made canonical."""

    start: int
    end: int
    kind: str
    cue: str
    cue_start: int
    cue_end: int
    statement_start: int
    statement_end: int


Add = Callable[[Phrase, list[Token], tuple[int, int], tuple[int, int]], None]
"""Records a mention: phrase, its sentence's tokens, cue span, statement span."""


class SentenceCache:
    """Sentences, their tokens (made once per sentence) and quotations of one text."""

    def __init__(self, text: str, sentences: Sentences | None = None) -> None:
        self.text = text
        self.sentences = sentences or Sentences(text)
        self.quotes = QuoteMap(text)
        self._tokens: dict[int, list[Token]] = {}

    def tokens(self, pos: int) -> tuple[int, int, list[Token]]:
        start, end = self.sentences.bounds(pos)
        toks = self._tokens.get(start)
        if toks is None:
            toks = self._tokens[start] = tokenize(self.text, start, end)
        return start, end, toks


def token_index(tokens: list[Token], pos: int) -> int:
    """Index of the first token that starts at or after ``pos``."""
    lo, hi = 0, len(tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if tokens[mid].start < pos:
            lo = mid + 1
        else:
            hi = mid
    return lo
