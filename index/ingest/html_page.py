"""Saved web pages (.html, .htm), through trafilatura."""

from __future__ import annotations

import re

from index.ingest.documents import Document
from index.ingest.sanitize import sanitize
from index.model import CleanResult

_AUTHOR_SPLIT = re.compile(r"\s*(?:;|\band\b|&)\s*")


def read_html(html: str) -> Document:
    import trafilatura

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
    return Document(format="html", text=sanitize(html), cleaned=cleaned)
