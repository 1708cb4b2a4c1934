"""Saved web pages (.html, .htm), through trafilatura."""

from __future__ import annotations

import re

from index.ingest.documents import Document
from index.ingest.sanitize import sanitize
from index.model import CleanResult

_AUTHOR_SPLIT = re.compile(r"\s*(?:;|\band\b|&)\s*")
_NUMERIC_REFERENCE = re.compile(r"&#(?:[xX]0*([0-9a-fA-F]{1,6})|0*([0-9]{1,7}));?")
_CONTROL_CODES = frozenset([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
"""C0 controls but tab and newlines, and DEL. (``&#128;`` to ``&#159;`` are not C1
controls in HTML but windows-1252 characters, which the parser gives.)"""


def _control_reference(match: re.Match[str]) -> str:
    hex_digits, digits = match.groups()
    code = int(hex_digits, 16) if hex_digits else int(digits)
    return chr(code) if code in _CONTROL_CODES else match.group(0)


def _safe_html(html: str) -> str:
    """A page with no control characters, whether written as they are or as references.

    ``&#27;[2J`` reaches the parsed text as ESC ``[2J``, and trafilatura, whose tree
    takes no control characters, then drops the whole page. Referenced controls become
    characters first, so they go the way of every control character in a saved file.
    """
    if "&#" in html:
        html = _NUMERIC_REFERENCE.sub(_control_reference, html)
    return sanitize(html)


def read_html(html: str) -> Document:
    import trafilatura

    html = _safe_html(html)
    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    if doc is None or isinstance(doc, dict):
        from index.ingest.decode import UnreadableFile

        raise UnreadableFile("no article text found in the HTML page")
    text = sanitize(doc.text or "")
    if not text.strip():
        from index.ingest.decode import UnreadableFile

        raise UnreadableFile("no article text found in the HTML page")
    paragraphs = [" ".join(p.split()) for p in text.split("\n") if p.strip()]
    title = sanitize(doc.title).strip() if doc.title else None
    if paragraphs and title and paragraphs[0] == title:
        paragraphs = paragraphs[1:]  # trafilatura keeps the <h1> as the first line
    authors = [a for a in _AUTHOR_SPLIT.split(sanitize(doc.author or "")) if a]
    cleaned = CleanResult(
        title=title,
        authors=authors,
        published=doc.date or None,
        outlet=sanitize(doc.sitename).strip() if doc.sitename else None,
        paragraphs=paragraphs,
    )
    return Document(format="html", text=html, cleaned=cleaned)
