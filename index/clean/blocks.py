"""Per-line labels and the main body run.

Every line gets a label from its own shape (chrome cue, caption, teaser) and a
score: sentence-like prose scores by its length, short or chrome lines score
negative. The article body is the contiguous run of lines with the highest
total score (a maximum-sum subarray, as in Finn et al.'s Body Text Extraction),
so a few short lines inside the article (subheadings, a one-line quote) do not
break it, while menus, link lists and appeals around it keep it out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set

from index.clean.captions import is_caption, is_credit_label, is_credit_only
from index.clean.cues import cue_rule
from index.clean.dates import find_date
from index.clean.lines import Line
from index.clean.recurring import line_key

_EXCERPT_ENDS = ("…", "...", "[…]", "[...]", "(…)")


def is_headline_shaped(line: Line) -> bool:
    """A short line with no closing full stop: a headline, a link title or a label."""
    return 3 <= line.words <= 30 and not line.text.endswith((".", ":", ";", ","))


def label_lines(lines: Sequence[Line], boilerplate: Set[str]) -> list[str | None]:
    """The rule that marks each line as chrome on its own, or None for candidate content."""
    labels: list[str | None] = [cue_rule(ln.text, ln.words) for ln in lines]
    for i, ln in enumerate(lines):
        if labels[i]:
            continue
        if is_credit_label(ln.text):
            labels[i] = "caption"
            if i + 1 < len(lines) and lines[i + 1].words <= 12:
                labels[i + 1] = "caption"
            if i > 0 and not labels[i - 1] and lines[i - 1].words <= 60:
                labels[i - 1] = "caption"
        elif is_caption(ln.text, ln.words):
            labels[i] = "caption"
            # A bare credit right under a line (no blank between) credits that caption.
            if (
                is_credit_only(ln.text, ln.words)
                and i > 0
                and not labels[i - 1]
                and not lines[i - 1].blank_after
                and lines[i - 1].words <= 60
            ):
                labels[i - 1] = "caption"
    # Teasers: a headline line followed by an excerpt cut off with "…".
    for i in range(1, len(lines)):
        ln, prev = lines[i], lines[i - 1]
        if ln.text.endswith(_EXCERPT_ENDS) and is_headline_shaped(prev) and not prev.blank_after:
            labels[i] = labels[i - 1] = "teaser"
    _label_related_boxes(lines, labels)
    _label_teaser_lists(lines, labels)
    _label_shouting(lines, labels)
    seen: set[str] = set()
    for i, ln in enumerate(lines):
        if ln.words >= 6:
            if ln.text in seen and labels[i] is None:
                labels[i] = "duplicate"
            seen.add(ln.text)
    if boilerplate:
        for i, ln in enumerate(lines):
            if labels[i] is None and line_key(ln.text) in boilerplate:
                labels[i] = "recurring"
    return labels


RELATED_BOX = 8
"""At most this many link lines follow a "Related" label as its box."""


def _label_related_boxes(lines: Sequence[Line], labels: list[str | None]) -> None:
    """Link titles right under a "Related" label belong to that box, not to the article."""
    for i, lab in enumerate(labels):
        if lab != "related":
            continue
        for k in range(i + 1, min(i + 1 + RELATED_BOX, len(lines))):
            ln = lines[k]
            if labels[k] is not None or ln.sentence_end or not 2 <= ln.words <= 25:
                break
            labels[k] = "related-link"


def _label_shouting(lines: Sequence[Line], labels: list[str | None]) -> None:
    """Lines of five or more words in capitals: link titles and calls to action.

    Short capitalised lines ("FRANCE WINS") can be subheadings, so they stay.
    """
    for i, ln in enumerate(lines):
        if labels[i] is None and 5 <= ln.words <= 30 and ln.text.isupper():
            labels[i] = "promo"


def _label_teaser_lists(lines: Sequence[Line], labels: list[str | None]) -> None:
    """Mark lists of related stories: three or more headline + one-paragraph pairs in a row.

    An article with subheadings has several paragraphs under each; a list of
    teasers alternates strictly between a link title and its excerpt.
    """
    i, n = 0, len(lines)
    while i < n - 1:
        j = i
        pairs = []
        while (
            j + 1 < n
            and labels[j] is None
            and labels[j + 1] is None
            and 2 <= lines[j].words <= 30
            and not lines[j].text.endswith((".", ":", ";", ","))
            and not lines[j].sentence_end
            and lines[j + 1].words >= 8
            and find_date(lines[j].text) is None
            and lines[j + 1].words > lines[j].words
        ):
            pairs.append(j)
            j += 2
            # one optional short date/time or label line between pairs
            if j < n and labels[j] == "timestamp":
                j += 1
        if len(pairs) >= 3:
            for k in range(i, j):
                if labels[k] is None:
                    labels[k] = "teaser-list"
            i = j
        else:
            i += 1


_CHROME_SCORE = {
    "caption": -6.0,
    "recurring": -3.0,
    "advertisement": -3.0,
    "gallery": -5.0,
    "teaser": -30.0,
    "teaser-list": -2.0,
    "promo": -6.0,
    "related-link": -3.0,
    "related": -20.0,
    "copyright": -60.0,
    "comments": -60.0,
    "timestamp": -10.0,
    "duplicate": -4.0,
}


RECURRING_WEIGHT = 0.25
"""Share of its usual score that a recurring prose line keeps."""
MENU_STREAK = 8
"""After this many short lines in a row, a further short line counts as menu."""


def score_lines(lines: Sequence[Line], labels: Sequence[str | None]) -> list[float]:
    """How much each line pulls the body run towards itself (negative: pushes it away).

    A short line right next to prose costs little (a subheading, a one-line quote);
    short lines among short lines (menus, link lists) cost more.
    """
    good = [lab is None and ln.sentence_like for ln, lab in zip(lines, labels, strict=True)]
    scores: list[float] = []
    streak = 0  # consecutive menu-like lines so far
    for i, (ln, lab) in enumerate(zip(lines, labels, strict=True)):
        streak = streak + 1 if scores and scores[-1] <= -5.0 else 0
        if lab == "recurring" and ln.sentence_like:
            # Prose that other articles repeat: a shared quotation or a stock
            # paragraph. It may continue the body but pulls it only weakly.
            scores.append(max(ln.words - 7.0, 0.0) * RECURRING_WEIGHT)
            continue
        if lab:
            scores.append(_CHROME_SCORE.get(lab, -20.0))
            continue
        if ln.cells >= 3:
            scores.append(0.0)  # a table row: neither prose nor chrome
            continue
        w = ln.words
        score = w - 7.0 if ln.sentence_end else w - 20.0
        if score < 0:
            near_prose = (i > 0 and good[i - 1]) or (i + 1 < len(lines) and good[i + 1])
            floor = -1.5 if near_prose else (-5.0 if ln.words <= 4 else -3.0)
            if floor == -5.0 and streak >= MENU_STREAK:
                floor = -8.0  # a long menu or link list
            score = max(score, floor)
        scores.append(score)
    return scores


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


HARD_ENDS = frozenset({"comments", "copyright", "teaser", "author-bio"})
"""Labels that close the article: what follows them is comments or the page footer."""
ESTABLISHED = 100.0
"""Prose score above which a page is taken to have shown its article already."""
TAIL_WEIGHT = 0.2


def damp_tail(labels: Sequence[str | None], scores: list[float]) -> None:
    """Weaken prose after the first comments header or copyright line that follows real prose.

    Comments can be longer than the article they discuss; without this the body
    run would jump to them.
    """
    seen = 0.0
    for i, lab in enumerate(labels):
        if lab in HARD_ENDS and seen >= ESTABLISHED:
            for k in range(i + 1, len(scores)):
                if scores[k] > 0:
                    scores[k] *= TAIL_WEIGHT
            return
        seen += min(max(scores[i], 0.0), 60.0)


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
