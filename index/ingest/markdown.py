"""Markdown files (.md): optional YAML front matter, a `#` title, paragraphs.

Parsed by markdown-it-py (CommonMark, with tables and strikethrough), so emphasis,
setext headings, code fences and reference links read as a Markdown renderer reads
them; the front matter is YAML, read with every value kept as written (a date is
then read by :func:`_published`, as the other formats' dates are).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache
from typing import Any

from index.clean.dates import find_date
from index.ingest.documents import Document
from index.model import CleanResult, RemovedLine

_SPACE_BEFORE_OFFSET = re.compile(r"\s+(?=(?:[+-]\d\d(?::?\d\d)?|Z)$)", re.IGNORECASE)
"""YAML timestamps may write ``2024-10-31 08:00:00 +02:00``; ISO 8601 has no space there."""


@cache
def _parser() -> Any:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark").use(front_matter_plugin).enable(["table", "strikethrough"])


def _front_matter(block: str) -> dict[str, Any]:
    """The front matter's fields, keys lowercased; values are strings or lists of them.

    Read as YAML; front matter that is not YAML (an unquoted colon in a title) is read
    a line at a time as ``key: value``.
    """
    import yaml

    try:
        data = yaml.load(block, Loader=yaml.BaseLoader)  # every scalar kept as a string
    except (yaml.YAMLError, RecursionError, ValueError):  # not YAML, or nested past reason
        data = None
    if not isinstance(data, dict):
        data = {}
        for line in block.splitlines():
            key, sep, value = line.partition(":")
            if sep and key.strip():
                data[key.strip()] = value.strip().strip("\"'")
    return {str(key).strip().lower(): value for key, value in data.items()}


def _text(value: Any) -> str | None:
    """A front-matter value as one line of text (the first of a list), or None."""
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _authors(value: Any) -> list[str]:
    """``author: Jane Roe and John Doe``, ``authors: [Jane Roe, John Doe]`` or a YAML
    list: each name once."""
    names = value if isinstance(value, list) else [value]
    found: list[str] = []
    for name in names:
        if not isinstance(name, str):
            continue
        parts = re.split(r",|\band\b|&", name) if not isinstance(value, list) else [name]
        for part in parts:
            part = " ".join(part.split())
            if part and part not in found:
                found.append(part)
    return found


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


def _inline_text(token: Any, captions: list[str]) -> str:
    """An inline token's words: emphasis and links give their text; images give their
    alt text to the captions; raw HTML tags are dropped."""
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            if child.content.strip():
                captions.append(" ".join(child.content.split()))
    return " ".join("".join(parts).split())


def read_markdown(text: str) -> Document:
    fields: dict[str, Any] = {}
    removed: list[RemovedLine] = []
    title: str | None = None
    paragraphs: list[str] = []
    captions: list[str] = []
    tokens = _parser().parse(text)
    row: list[str] | None = None
    for i, token in enumerate(tokens):
        if token.type == "front_matter":
            fields = _front_matter(token.content)
            title = _text(fields.get("title"))
            lines = token.content.splitlines()
            removed = [RemovedLine("---", "front-matter")]
            removed += [RemovedLine(ln, "front-matter") for ln in lines if ln]
            removed.append(RemovedLine("---", "front-matter"))
        elif token.type in ("fence", "code_block"):
            code = " ".join(token.content.split())
            if code:
                paragraphs.append(code)
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            cells = [cell for cell in row if cell]
            if cells:
                paragraphs.append(" · ".join(cells))
            row = None
        elif token.type == "inline":
            words = _inline_text(token, captions)
            opener = tokens[i - 1] if i else None
            if row is not None:
                row.append(words)
            elif not words:
                continue  # an image alone: its caption only
            elif opener is not None and opener.type == "heading_open":
                if opener.tag == "h1" and title is None:
                    title = words
                else:
                    paragraphs.append(words)
            else:
                paragraphs.append(words)
    cleaned = CleanResult(
        title=title,
        authors=_authors(fields.get("author", fields.get("authors"))),
        published=_published(_text(fields.get("date"))),
        outlet=_text(fields.get("outlet"))
        or _text(fields.get("site"))
        or _text(fields.get("source")),
        paragraphs=paragraphs,
        captions=captions,
        removed=removed,
    )
    return Document(format="markdown", text=text, cleaned=cleaned)
