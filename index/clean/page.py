"""``clean_page``: from a copied web page to headline, metadata, body and what was dropped."""

from __future__ import annotations

from collections.abc import Set

from index.clean.header import find_anchor, find_header
from index.clean.labels import label_lines
from index.clean.lines import Line, split_lines
from index.clean.outlet import find_outlet
from index.clean.runs import (
    WEAK_RUN,
    anchored_run,
    best_run,
    extend_over_announced_list,
    extend_over_list,
    extend_to_chrome,
    run_from,
    run_score,
)
from index.clean.scores import damp_tail, score_lines
from index.model import CleanResult, RemovedLine

ANCHOR_REACH = 10
"""A body run starting further than this below the header line is suspect."""
ANCHOR_SHARE = 0.5
"""The run under the header wins when it scores at least this share of the best run."""


def _position_rule(i: int, title: int | None, body: tuple[int, int]) -> str:
    """Name for a dropped line that no cue named: where it stands explains why it went."""
    if i > body[1]:
        return "after-article"
    if i < body[0]:
        return "navigation" if title is None or i < title else "header"
    return "sidebar"


def _words(lines: list[Line], run: tuple[int, int]) -> int:
    return sum(ln.words for ln in lines[run[0] : run[1] + 1])


def _keep_in_body(line: Line, label: str | None) -> bool:
    if label is None or label == "teaser-list":
        return True
    # A line other articles of the outlet repeat, but written as prose inside the
    # article: most likely a quotation the articles share, so it stays.
    return label == "recurring" and line.sentence_like


def _body_run(lines: list[Line], labels: list[str | None]) -> tuple[int, int]:
    """First and last line of the article body (before the header is split off)."""
    scores = score_lines(lines, labels)
    damp_tail(labels, scores)
    run = best_run(scores)
    best = run_score(scores, run)
    anchor = find_anchor(lines, labels)
    if anchor is not None and best < WEAK_RUN:
        # Little prose anywhere (a table, a calendar): take the block under the header.
        anchored = anchored_run(lines, labels, scores, anchor)
        if anchored is not None and _words(lines, anchored) > _words(lines, run):
            run = anchored
    elif anchor is not None and run[0] > anchor + ANCHOR_REACH:
        # The body usually follows its header; prefer the run under it unless
        # it is much weaker than the best run elsewhere.
        under, score = run_from(scores, anchor + 1, anchor + 4)
        if score >= ANCHOR_SHARE * best and under[1] < run[0]:
            run = (under[0], max(under[1], extend_to_chrome(labels, scores, under[1])))
    return extend_over_announced_list(lines, labels, extend_over_list(labels, run))


def clean_page(text: str, *, boilerplate: Set[str] = frozenset()) -> CleanResult:
    """Split a page dump into headline, authors, date, outlet, summary, body and captions.

    ``boilerplate`` holds :func:`index.clean.recurring.line_key` keys of lines that
    recur across articles of the same outlet; they are dropped unless they read as
    prose inside the body.
    """
    lines = split_lines(text)
    result = CleanResult()
    if not lines:
        return result
    labels = label_lines(lines, boilerplate)
    start, end = _body_run(lines, labels)
    header = find_header(lines, labels, (start, end))
    body = (header.body_start, end)

    result.authors = header.authors
    result.published = header.published
    if header.title_index is not None:
        result.title = lines[header.title_index].text
    result.summary = [lines[i].text.lstrip("•·▪●◦‣-–* ") for i in header.summary_indices]
    special = set(header.summary_indices) | set(header.meta_indices)
    if header.title_index is not None:
        special.add(header.title_index)

    top = header.title_index if header.title_index is not None else body[0]
    for i, (ln, label) in enumerate(zip(lines, labels, strict=True)):
        if i in special:
            continue
        inside = body[0] <= i <= body[1]
        if inside and _keep_in_body(ln, label):
            result.paragraphs.append(ln.text)
        elif label == "caption" and top <= i <= body[1]:
            result.captions.append(ln.text)
        else:
            rule = label or _position_rule(i, header.title_index, body)
            result.removed.append(RemovedLine(ln.text, rule))

    result.outlet = header.outlet or find_outlet(
        ln.text
        for i, ln in enumerate(lines)
        if not body[0] <= i <= body[1] and labels[i] != "caption"
    )
    return result
