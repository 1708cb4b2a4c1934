"""Per-line labels: what each line of a dump is when it is not article prose.

Every line gets a label from its own shape and its neighbours (chrome cue,
caption, teaser, related box, duplicate, recurring boilerplate) or None when it
may be article text. The label names the rule shown by ``reader show --raw``.
"""

from __future__ import annotations

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
