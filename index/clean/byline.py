"""Bylines: who wrote the article, and sometimes for which outlet.

Forms handled: "by A and B", "By A, B and C", "Written by A", "A | Outlet",
"A @handle / 2 days", each possibly followed by a date and a reading time on
the same line ("by A October 31, 2024 9:43 PM 2 min read").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from index.clean.dates import find_date

_BY_RE = re.compile(
    r"^(?:(?:written|reported|posted|text|words|story|reporting)\s+)?"
    r"(?:by|von|por|par|di|oleh|door|av|автор|текст)\s*:?\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
_PIPE_RE = re.compile(r"^(?P<author>[^|]{3,60}?)\s*\|\s*(?P<outlet>[^|]{2,60})$")
_HANDLE_RE = re.compile(r"^(?P<author>[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){1,3})\s+@\w+")
_SPLIT_RE = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\be\b|\by\b|\bи\b|\bet\b)\s*")
_TAIL_RE = re.compile(
    r"\s*(?:\b\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s*read\b.*"
    r"|\b(?:updated|published|posted)\b.*|[|/·•—–].*|@\w.*)$",
    re.IGNORECASE,
)
# Words left between the names and a date we cut off: "by A on Monday, ...", "by A at".
_TRAILING_WORDS_RE = re.compile(
    r"(?:[\s,]+(?:on|at|am|um|em|le|el|il|the|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?))+[\s,]*$",
    re.IGNORECASE,
)
_DESK_RE = re.compile(
    r"^(?P<outlet>.+?)\s+(?:news ?desk|desk|staff(?: writers?| reporters?)?|newsroom|"
    r"editorial (?:team|staff|board)|reporters|redação|redaktion|редакция)$",
    re.IGNORECASE,
)
_NAME_WORD_RE = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞА-ЯЁ][\w.'’-]*|[a-z]{1,4}|news|desk|staff)$")


@dataclass(slots=True)
class Byline:
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None


def _looks_like_name(name: str) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 6 or not words[0][:1].isupper():
        return False
    return all(_NAME_WORD_RE.match(w) for w in words)


def _names(text: str) -> list[str]:
    names = []
    for part in _SPLIT_RE.split(text):
        part = part.strip(" .,:;")
        if part:
            if not _looks_like_name(part):
                return []
            names.append(part)
    return names


def desk_outlet(author: str) -> str | None:
    """ "The Kyiv Independent news desk" -> "The Kyiv Independent"."""
    m = _DESK_RE.match(author)
    return m.group("outlet") if m else None


def parse_byline(text: str) -> Byline | None:
    """Authors (and outlet when the byline names one) of a byline line, else None."""
    m = _BY_RE.match(text)
    if m:
        rest = m.group("rest")
        date = find_date(rest)
        if date:
            rest = rest[: date.start]
        rest = re.split(r"\d", rest, maxsplit=1)[0]  # names hold no digits: a date or time follows
        rest = _TAIL_RE.sub("", rest)
        # A weekday left before the date ("by A Thu October 31"): not part of a name.
        rest = _TRAILING_WORDS_RE.sub("", rest.strip(" ,;|-–—"))
        names = _names(rest)
        if not names:
            return None
        outlet = next((o for o in map(desk_outlet, names) if o), None)
        return Byline(names, outlet)
    m = _PIPE_RE.match(text)
    if m and find_date(text) is None:
        author, outlet = m.group("author").strip(), m.group("outlet").strip()
        if _looks_like_name(author) and _looks_like_name(outlet) and len(author.split()) >= 2:
            return Byline([author], outlet)
    m = _HANDLE_RE.match(text)
    if m:
        return Byline([m.group("author")])
    return None
