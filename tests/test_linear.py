"""No extraction step is worse than linear in one paragraph's length (issue row 7).

A text file with one 2 MB line took over 300 s. These tests count work instead of
timing it: the characters handed to the nested-attribution check, the characters of
output the statements make, each on inputs of size n and 8n.
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from index.extract import extract
from index.extract import sources as sources_module
from index.extract.mentions import Mention
from index.extract.sentences import MAX_SENTENCE, Sentences, sentence_starts
from index.extract.sources import _drop_nested

_OLD_BREAK_RE = re.compile(r"[,;:“”\"()—–]|\s-+\s")


def _old_drop_nested(text: str, mentions: list[Mention]) -> list[Mention]:
    """The algorithm before the fix, kept as the reference for what is dropped."""
    kept: list[Mention] = []
    for m in mentions:
        if not m.cue.lower().startswith(("according", "citing")) and any(
            k.cue_end <= m.start < k.statement_end
            and k.statement_start == k.cue_end
            and not _OLD_BREAK_RE.search(text, k.cue_end, m.start)
            for k in kept[-4:]
        ):
            continue
        kept.append(m)
    return kept


_PIECES = ["word", "said", " ", " ", " ", ",", ";", '"', "“", "”", "(", ")", "—", "–"]
_PIECES += ["-", "--", " - ", " - - ", " -- ", "\n", "\t", ":", "x", "-a-"]


def _random_case(rng: random.Random) -> tuple[str, list[Mention]]:
    text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 60)))
    n = len(text)
    mentions: list[Mention] = []
    for _ in range(rng.randint(0, 12)):
        start = rng.randint(0, n)
        end = rng.randint(start, n)
        cue_start = rng.randint(0, n)
        cue_end = rng.randint(cue_start, n)
        cue = rng.choice(["said", "told", "according to", "Citing", "believes"])
        if rng.random() < 0.6:
            stmt = (cue_end, rng.randint(cue_end, n + 1))
        else:
            a = rng.randint(0, n)
            stmt = (a, rng.randint(a, n + 1))
        mentions.append(Mention(start, end, "named", cue, cue_start, cue_end, *stmt))
    mentions.sort(key=lambda m: m.start)
    return text, mentions


def test_drop_nested_keeps_what_the_old_algorithm_kept() -> None:
    rng = random.Random(7)
    for _ in range(5000):
        text, mentions = _random_case(rng)
        assert _drop_nested(text, mentions) == _old_drop_nested(text, mentions), (
            text,
            mentions,
        )


class _CountingRegex:
    """Wraps a compiled pattern and adds up the length of text each call is given."""

    def __init__(self, pattern: re.Pattern[str], counter: list[int]) -> None:
        self._pattern = pattern
        self._counter = counter

    def __getattr__(self, name: str) -> Any:
        method = getattr(self._pattern, name)
        if not callable(method):
            return method

        def counted(text: str, pos: int = 0, endpos: int | None = None) -> Any:
            stop = len(text) if endpos is None else min(endpos, len(text))
            self._counter[0] += max(stop - pos, 0)
            return method(text, pos, stop)

        return counted


def _nested_chain(size: int) -> tuple[str, list[Mention]]:
    """One break-free statement of ``size`` characters after "Smith said", holding an
    attribution every 40 characters ("... Jones said ..."), none set off by a comma."""
    head = "Smith said "
    unit = "that the army moved north Jones said "
    count = (size - len(head)) // len(unit)
    text = head + unit * count
    mentions = [Mention(0, 5, "named", "said", 6, 10, 10, len(text))]
    for i in range(count):
        at = len(head) + i * len(unit) + unit.index("Jones")
        mentions.append(Mention(at, at + 5, "named", "said", at + 6, at + 10, at + 10, len(text)))
    return text, mentions


def _characters_examined(monkeypatch: pytest.MonkeyPatch, size: int) -> tuple[int, int]:
    counter = [0]
    for name in ("_BREAK_RE", "_BREAK_AT_RE"):
        pattern = getattr(sources_module, name, None)
        if pattern is not None:
            monkeypatch.setattr(sources_module, name, _CountingRegex(pattern, counter))
    text, mentions = _nested_chain(size)
    kept = _drop_nested(text, mentions)
    assert kept == mentions[:1]  # every "Jones said" is part of what Smith said
    monkeypatch.undo()
    return counter[0], len(text)


def test_drop_nested_looks_at_each_character_a_bounded_number_of_times(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for size in (20_000, 160_000):
        examined, length = _characters_examined(monkeypatch, size)
        # The old check searched from Smith's cue to each inner mention again:
        # 160,000 characters and 4,000 mentions made 320 million.
        assert examined <= 2 * length, (size, examined)


def test_a_run_without_sentence_ends_is_cut_into_bounded_sentences() -> None:
    words = "the army moved north and officials said the talks would go on "
    text = words * 300 + "end"
    starts = sentence_starts(text)
    bounds = list(zip(starts, [*starts[1:], len(text)], strict=True))
    assert len(bounds) > 1
    assert all(0 < end - start <= MAX_SENTENCE for start, end in bounds)
    assert all(text[start - 1] == " " for start in starts[1:])  # cut between words
    assert "".join(text[a:b] for a, b in bounds) == text

    spaceless = "x" * (3 * MAX_SENTENCE + 5)
    assert sentence_starts(spaceless) == [0, MAX_SENTENCE, 2 * MAX_SENTENCE, 3 * MAX_SENTENCE]


def test_ordinary_sentences_are_not_cut() -> None:
    text = "Smith said the army moved. Jones said it had not. " * 200
    starts = Sentences(text).starts
    assert len(starts) == 400
    assert all(text[s:].startswith(("Smith", "Jones")) for s in starts)


def _one_sentence_line(size: int) -> str:
    """News clauses joined by commas into one sentence of about ``size`` characters."""
    rng = random.Random(size)
    names = ["Anna Novak", "Officials", "Blinken", "the ministry", "Jones"]
    clauses: list[str] = []
    length = 0
    while length < size:
        clause = (
            f"{rng.randint(2, 9000)} troops moved to the border near the river, "
            f"{rng.choice(names)} said that {rng.randint(2, 90)} percent were ready"
        )
        clauses.append(clause)
        length += len(clause) + 2
    return ", ".join(clauses) + "."


def test_statements_grow_linearly_with_a_long_sentence() -> None:
    totals = []
    for size in (20_000, 160_000):
        result = extract(_one_sentence_line(size))
        assert len(result.sources) > size // 200
        assert all(len(s.statement or "") <= MAX_SENTENCE for s in result.sources)
        totals.append(sum(len(s.statement or "") for s in result.sources))
    # Each statement was the rest of a sentence as long as the line: 8x the line
    # made about 64x the statement text.
    assert totals[1] <= 8 * 1.5 * totals[0], totals
