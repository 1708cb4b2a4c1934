"""The article header: headline, byline, date and summary bullets above the body.

The header is looked for just above the body run (and in its first lines, where
a byline or summary often starts it). Only short, metadata-shaped lines there
are read for a date, so a date inside a sentence of the body is never taken.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from index.clean.byline import parse_byline
from index.clean.dates import find_date
from index.clean.labels import is_headline_shaped
from index.clean.lines import Line

LOOK_BACK = 14
"""How many lines above the body run may still belong to the header."""
LOOK_INTO = 8
"""How many lines at the top of the body run may still be header lines."""
MAX_META_WORDS = 25
"""A longer line is prose, not a byline or date line."""


_META_LABELS = frozenset({None, "timestamp", "reading-time", "audio-notice"})
"""Labels a byline or date line may carry (it often holds a reading time too)."""


@dataclass(slots=True)
class Header:
    title_index: int | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    published: str | None = None
    summary_indices: list[int] = field(default_factory=list)
    meta_indices: list[int] = field(default_factory=list)
    """Byline and date lines."""
    body_start: int = 0


def find_anchor(lines: Sequence[Line], labels: Sequence[str | None]) -> int | None:
    """The first byline or date line that sits just under a headline-shaped line."""
    for i, ln in enumerate(lines):
        if ln.words > 14 or not (_DIGIT_RE.search(ln.text) or ln.text[:3].lower() == "by "):
            continue
        if not (parse_byline(ln.text) or find_date(ln.text)):
            continue
        for j in range(max(0, i - 3), i):
            above = lines[j]
            short_title = above.words == 2 and above.text[:1].isupper() and not above.bullet
            if labels[j] is None and (_is_title_candidate(above, None) or short_title):
                return i
    return None


_NOT_A_HEADLINE_RE = re.compile(
    r"\d{1,2}:\d{2}|^(?:by|updated|published|posted|written)\b|\s[>»/|]\s.*\s[>»/|]\s|^[^>»]*\s[>»]\s",
    re.IGNORECASE,
)
_DIGIT_RE = re.compile(r"\d")
_NAME_ONLY_RE = re.compile(r"^[A-ZÀ-Ý][\w'’.-]*(?: [A-ZÀ-Ý][\w'’.-]*){1,3}$")


def _is_title_candidate(line: Line, label: str | None) -> bool:
    if label or line.bullet or not is_headline_shaped(line):
        return False
    if _NOT_A_HEADLINE_RE.search(line.text):
        return False  # a date line, a byline or a breadcrumb trail
    if find_date(line.text) and line.words <= 8:
        return False
    return line.text[:1].isupper() or not line.text[:1].isalpha()


def _title_rank(line: Line) -> int:
    """0 for a likely headline; 1 for a line that may only be a name or a short label."""
    return 1 if line.words < 4 or _NAME_ONLY_RE.match(line.text) else 0


def find_header(
    lines: Sequence[Line], labels: Sequence[str | None], run: tuple[int, int]
) -> Header:
    """Read the header around the start of the body run ``run``."""
    start, end = run
    header = Header(body_start=start)
    lo = max(0, start - LOOK_BACK)
    hi = min(end, start + LOOK_INTO)
    meta: list[int] = []
    for i in range(lo, hi + 1):
        ln = lines[i]
        if ln.words > MAX_META_WORDS or labels[i] not in _META_LABELS:
            continue
        byline = parse_byline(ln.text)
        if byline and not header.authors:
            header.authors, header.outlet = byline.authors, byline.outlet
            meta.append(i)
        date = find_date(ln.text) if ln.words <= MAX_META_WORDS else None
        if date and header.published is None and (byline or ln.words <= 14):
            header.published = date.iso
            if i not in meta:
                meta.append(i)
    header.meta_indices = meta
    # The body starts after the last header line found at its top.
    body_start = start
    for i in meta:
        if start <= i <= hi:
            body_start = max(body_start, i + 1)
    anchor = min(meta) if meta else body_start
    if anchor > body_start:
        anchor = body_start
    # Headline: the nearest headline-shaped line above the byline / body, passing
    # over lines that may be only an author's name or a short label.
    fallback = None
    for i in range(anchor - 1, lo - 1, -1):
        if _is_title_candidate(lines[i], labels[i]):
            if _title_rank(lines[i]) == 0:
                header.title_index = i
                break
            if fallback is None:
                fallback = i
    if header.title_index is None:
        header.title_index = fallback
    if header.title_index is None and start <= body_start < end:
        # The run itself may open with the headline (no chrome between them).
        first = lines[body_start]
        if _is_title_candidate(first, labels[body_start]) and not first.sentence_end:
            header.title_index = body_start
            body_start += 1
    # Summary bullets right after the headline or byline, before the prose.
    i = body_start
    bullets = []
    while i <= end and lines[i].bullet:
        bullets.append(i)
        i += 1
    if (
        2 <= len(bullets) <= 6
        and i <= end
        and not lines[i].bullet
        and header.title_index is not None
    ):
        header.summary_indices = bullets
        body_start = i
    header.body_start = body_start
    return header
