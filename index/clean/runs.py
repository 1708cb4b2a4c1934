"""The main body run, and where it may reach beyond the best-scoring lines.

The article body is the contiguous run of lines with the highest total score (a
maximum-sum subarray, as in Finn et al.'s Body Text Extraction), so a few short
lines inside the article (subheadings, a one-line quote) do not break it, while
menus, link lists and appeals around it keep it out. The helpers below extend
or re-anchor that run for list-shaped articles and pages with little prose.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from index.clean.lines import Line

_LIST_ITEM_RE = re.compile(r"^(?:\d{1,3}[.)]\s|[•·▪●◦‣*–-]\s|https?://\S+$)")
_ITEM_LABELS = frozenset({None, "caption", "teaser-list", "duplicate"})


def extend_over_announced_list(
    lines: Sequence[Line], labels: list[str | None], run: tuple[int, int]
) -> tuple[int, int]:
    """Take in the list that the body's last line announces with a colon.

    "Here are the best deals:" followed by numbered items and their links: each
    item is short, so the scores alone would end the article before the list.
    Items keep their place in the body, so their labels are cleared.
    """
    start, end = run
    if not lines[end].text.endswith(":"):
        return run
    j = end + 1
    while j < len(lines) and labels[j] in _ITEM_LABELS:
        item = bool(_LIST_ITEM_RE.match(lines[j].text))
        if not item and not _LIST_ITEM_RE.match(lines[j - 1].text):
            break
        labels[j] = None
        j += 1
    return start, j - 1


def extend_over_list(labels: Sequence[str | None], run: tuple[int, int]) -> tuple[int, int]:
    """Take in a headline + paragraph list that follows the body without a break.

    Round-ups ("today's best deals") are written as such a list right after the
    intro; a list of related stories is set apart by a label or other chrome.
    """
    start, end = run
    while end + 1 < len(labels) and labels[end + 1] == "teaser-list":
        end += 1
    return start, end


def best_run(scores: Sequence[float]) -> tuple[int, int]:
    """(start, end) inclusive of the contiguous run with the highest total score."""
    best, best_span = float("-inf"), (0, -1)
    total, start = 0.0, 0
    for i, s in enumerate(scores):
        if total <= 0:
            total, start = s, i
        else:
            total += s
        if total > best:
            best, best_span = total, (start, i)
    return best_span


MENU_STOP = 8
"""Short menu-like lines in a row that end a block found by :func:`extend_to_chrome`."""
WEAK_RUN = 40.0
"""A best run scoring below this holds little prose: tables, calendars, lists."""
_STOPS = frozenset(
    {"share", "related", "comments", "copyright", "appeal", "form", "navigation", "teaser"}
)


def run_score(scores: Sequence[float], run: tuple[int, int]) -> float:
    return sum(scores[run[0] : run[1] + 1])


def anchored_run(
    lines: Sequence[Line], labels: Sequence[str | None], scores: Sequence[float], anchor: int
) -> tuple[int, int] | None:
    """The block under a header line: from just after it to the next chrome line.

    Used when a page has too little prose for the scores to find the body (a
    results table, a calendar): the article is what its headline and date head.
    """
    start = anchor + 1
    # Pass over chrome and short leftovers of the header (a name, a section label).
    while (
        start < len(labels)
        and start <= anchor + 3
        and (
            labels[start] is not None or (lines[start].words <= 3 and not lines[start].sentence_end)
        )
    ):
        start += 1
    end = extend_to_chrome(labels, scores, start)
    if end < start:
        return None
    return start, end


def extend_to_chrome(labels: Sequence[str | None], scores: Sequence[float], first: int) -> int:
    """The last line of the block that runs from ``first`` until chrome or a menu.

    For structured articles (recipes, schedules, tables) whose many short lines
    score below zero although nothing on the way is chrome. Returns ``first - 1``
    when the block is empty.
    """
    j, menu = first, 0
    while j < len(labels) and labels[j] not in _STOPS and menu < MENU_STOP:
        menu = menu + 1 if scores[j] <= -5.0 else 0
        j += 1
    return j - menu - 1  # a menu-like run of short lines at the end is not part of it


def run_from(scores: Sequence[float], first: int, last: int) -> tuple[tuple[int, int], float]:
    """The best run that starts between ``first`` and ``last`` (inclusive), and its score."""
    best, span = float("-inf"), (first, first)
    for start in range(first, min(last, len(scores) - 1) + 1):
        total = 0.0
        for end in range(start, len(scores)):
            total += scores[end]
            if total > best:
                best, span = total, (start, end)
    return span, best
