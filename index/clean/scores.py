"""Line scores: how strongly each line pulls the body run towards itself.

Sentence-like prose scores by its length; short lines, menus and chrome score
negative. The body is then the run of lines with the highest total
(:mod:`index.clean.runs`).
"""

from __future__ import annotations

from collections.abc import Sequence

from index.clean.lines import Line

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
