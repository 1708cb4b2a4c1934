"""Markdown files (.md): optional front matter, a `#` title, paragraphs."""

from __future__ import annotations

import re
from datetime import date, datetime

from index.clean.dates import find_date
from index.ingest.documents import Document
from index.model import CleanResult, RemovedLine

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(\S(?:.*?\S)?)\1")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_SPACE_BEFORE_OFFSET = re.compile(r"\s+(?=(?:[+-]\d\d(?::?\d\d)?|Z)$)", re.IGNORECASE)
"""YAML timestamps may write ``2024-10-31 08:00:00 +02:00``; ISO 8601 has no space there."""


def _inline(text: str) -> str:
    text = _LINK.sub(r"\1", text)
    text = _EMPHASIS.sub(r"\2", text)
    return " ".join(text.split())


def _front_matter(block: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in block.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            fields[key.strip().lower()] = value.strip().strip("\"'")
    return fields


def _published(value: str | None) -> str | None:
    """A front-matter date as the ISO 8601 form the other formats store, or None.

    ISO dates and date-times (``2024-10-31``, ``2024-10-31T08:00:00Z``, YAML's
    ``2024-10-31 08:00:00 +02:00``) keep their time and offset; dates written out
    (``October 31, 2024``, ``31 October 2024``) are read as page text's dates are.
    Anything else (``not a date at all``) is no date, rather than a string that would
    sort above every real one.
    """
    value = (value or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    try:
        when = datetime.fromisoformat(_SPACE_BEFORE_OFFSET.sub("", value))
    except ValueError:
        found = find_date(value)
        return found.iso if found else None
    return when.replace(microsecond=0).isoformat(timespec="seconds" if when.second else "minutes")


def read_markdown(text: str) -> Document:
    fields: dict[str, str] = {}
    removed: list[RemovedLine] = []
    body = text
    match = _FRONT_MATTER.match(text)
    if match:
        fields = _front_matter(match.group(1))
        removed = [RemovedLine(ln, "front-matter") for ln in match.group(0).splitlines() if ln]
        body = text[match.end() :]
    title = fields.get("title")
    paragraphs: list[str] = []
    captions: list[str] = []
    for block in re.split(r"\n\s*\n", body):
        lines = [ln for ln in block.splitlines() if ln.strip()]
        if not lines:
            continue
        heading = _HEADING.match(lines[0])
        if heading and len(lines) == 1:
            if heading.group(1) == "#" and title is None:
                title = _inline(heading.group(2))
                continue
            paragraphs.append(_inline(heading.group(2)))
            continue
        images = _IMAGE.findall(block)
        rest = _IMAGE.sub("", block)
        captions.extend(_inline(alt) for alt in images if alt.strip())
        if _LIST.match(lines[0]):
            paragraphs.extend(_inline(_LIST.sub("", ln)) for ln in rest.splitlines() if ln.strip())
        elif rest.strip():
            paragraphs.append(
                _inline(rest.replace(">", " ") if rest.lstrip().startswith(">") else rest)
            )
    authors = [a.strip() for a in re.split(r",|\band\b", fields.get("author", "")) if a.strip()]
    cleaned = CleanResult(
        title=title,
        authors=authors,
        published=_published(fields.get("date")),
        outlet=fields.get("outlet") or fields.get("site") or fields.get("source") or None,
        paragraphs=paragraphs,
        captions=captions,
        removed=removed,
    )
    return Document(format="markdown", text=text, cleaned=cleaned)
