"""Per-line labels and the main body run.

Every line gets a label from its own shape (chrome cue, caption, teaser) and a
score: sentence-like prose scores by its length, short or chrome lines score
negative. The article body is the contiguous run of lines with the highest
total score (a maximum-sum subarray, as in Finn et al.'s Body Text Extraction),
so a few short lines inside the article (subheadings, a one-line quote) do not
break it, while menus, link lists and appeals around it keep it out.
"""

from __future__ import annotations

from collections.abc import Sequence, Set

from index.clean.captions import is_caption, is_credit_label
from index.clean.cues import cue_rule
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
    # Teasers: a headline line followed by an excerpt cut off with "…".
    for i in range(1, len(lines)):
        ln, prev = lines[i], lines[i - 1]
        if ln.text.endswith(_EXCERPT_ENDS) and is_headline_shaped(prev) and not prev.blank_after:
            labels[i] = labels[i - 1] = "teaser"
    if boilerplate:
        for i, ln in enumerate(lines):
            if labels[i] is None and line_key(ln.text) in boilerplate:
                labels[i] = "recurring"
    return labels


_CHROME_SCORE = {"caption": -6.0, "recurring": -8.0, "teaser": -30.0}


def line_score(line: Line, label: str | None) -> float:
    """How much a line pulls the body run towards itself (negative: pushes it away)."""
    if label == "recurring" and line.sentence_like:
        return -0.5  # neutral: kept inside the body, never extends it
    if label:
        return _CHROME_SCORE.get(label, -20.0)
    w = line.words
    if line.sentence_end:
        score = w - 7.0
    else:
        score = w - 20.0
    return max(score, -6.0)


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
