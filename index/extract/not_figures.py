"""Stretches of text whose digits are no quantity: phone numbers, IP addresses, clock
times and calendar dates ("+44 (0)7123 129683", "10.0.0.1", "11:30", "7 a.m.",
"1/1/2015", "10-1-2018").

:func:`blocked_spans` finds them once per text, so the figure finder can skip every
number inside one instead of guessing from a few characters around each number.
"""

from __future__ import annotations

import re

from index.extract.lexicon import MONTHS

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"

_PHONE_RE = re.compile(
    r"(?=[\d+(])(?<![\w.,$€£¥])(?:\+\s?)?(?:\(\s?\d{1,5}\s?\)|\d{1,12})"
    r"(?:(?:[ \t.-]{1,2}|(?<=\))|(?=\())(?:\(\s?\d{1,5}\s?\)|\d{1,12})){1,6}"
    r"(?:\s?(?:x|ext\.?)\s?\d{1,6})?(?![\w,]|\.\d)",
    re.I,
)
"""A run of digit groups joined by spaces, dots, hyphens or parentheses; a phone
number when it is long enough and shaped like one (see :func:`_is_phone`)."""
_LEADING_ZERO_RE = re.compile(r"(?=0)(?<![\w.,])0\d{3,}(?![\w,]|\.\d)")
"""A number written with a leading zero is a code, a phone number or an hour: "012234"."""
_IPV4_RE = re.compile(r"(?=\d)(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w]|\.\d)")
_IPV6_RE = re.compile(
    r"(?=[0-9A-Fa-f]{0,4}:[0-9A-Fa-f]{0,4}:)(?<![\w:])(?:[0-9A-Fa-f]{1,4})?(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])"
)
_CLOCK_RE = re.compile(
    r"(?=\d)(?:(?<![\w.:])\d{1,2}(?:[:.]\d{2})?\s?(?:[ap]\.?\s?m\b\.?|o'?clock\b|noon\b|midnight\b)"
    r"|(?<![\w.:])\d{1,2}:\d{2}(?::\d{2})?(?![\d])"
    r"|(?<![\w.:])(?:[01]\d|2[0-3])[0-5]\d(?=\s?(?:-|–|to|and)\s?(?:[01]\d|2[0-3])[0-5]\d\b)"
    r"|(?<=[-–])(?:[01]\d|2[0-3])[0-5]\d\b)",
    re.I,
)
_DATE_RE = re.compile(
    r"(?=\d)(?:(?<![\w/.-])\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}(?:\s?[-–]\s?\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4})?"
    r"(?![\w/]|\.\d)"
    r"|(?<![\w/.])\d{1,2}/\d{1,2}(?![\w/]|\.\d)"
    rf"|(?<![\w/])\d{{1,2}}/(?:{_MONTH})/\d{{2,4}}\b)",
    re.I,
)
_WEEKDAY_NUMBER_RE = re.compile(
    rf"(?=[mtwfs])\b(?:{_WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?,?\s+(?:the\s+)?"
    r"\d{1,2}(?:[.:]\d{1,2})?(?:\s?[-–]\s?\d{1,2})?\b"
    rf"|(?=\d)\b\d{{1,2}}(?:\s?[-–]\s?\d{{1,2}})?\s+(?:next|last|this|on)?\s*(?:{_WEEKDAY})\b",
)
"""A number beside a weekday is a date or an hour: "Sunday 31", "Monday 3-8",
"6-8 next Monday"."""


def _is_phone(run: str) -> bool:
    digits = sum(c.isdigit() for c in run)
    groups = re.findall(r"\d+", run)
    if digits < 7 or len(groups) < 2:
        return False
    if re.search(r"[().+-]", run):
        return True
    # Groups joined by spaces alone: a phone number when it has a trunk zero, a long
    # group or many groups ("0176 12345678", "21 995556144"), not "in 2014 180 people".
    return (
        any(g.startswith("0") for g in groups)
        or max(map(len, groups)) >= 5
        or len(groups) >= 3
        or min(map(len, groups)) >= 4
    )


_WINDOW = 40
"""How far around a number the patterns look: longer than any phone number or date."""


def is_blocked(text: str, start: int, end: int) -> bool:
    """Whether [start, end) of ``text`` overlaps a phone number, an IP address, a clock
    time or a date.

    Only the few characters around the number are searched, so the cost is per number
    found, not per character of the text (lookbehinds still see what lies before).
    """
    lo, hi = max(0, start - _WINDOW), min(len(text), end + _WINDOW)
    for m in _PHONE_RE.finditer(text, lo, hi):
        if m.start() < end and start < m.end() and _is_phone(m.group()):
            return True
    for pattern in (_LEADING_ZERO_RE, _IPV4_RE, _CLOCK_RE, _DATE_RE):
        for m in pattern.finditer(text, lo, hi):
            if m.start() < end and start < m.end():
                return True
    window = text[lo:hi].lower()
    for m in _WEEKDAY_NUMBER_RE.finditer(window) if "day" in window else ():
        if m.start() + lo < end and start < m.end() + lo:
            return True
    for m in _IPV6_RE.finditer(text, lo, hi) if ":" in window else ():
        if m.start() < end and start < m.end() and ("::" in m.group() or m.group().count(":") >= 3):
            return True
    return False
