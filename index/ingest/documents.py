"""What a file yields before it becomes an article."""

from __future__ import annotations

from dataclasses import dataclass

from index.model import CleanResult


@dataclass(slots=True)
class Document:
    """One article's worth of input read from a file.

    ``text`` is the sanitized input the content hash is taken from. Page-text dumps
    arrive with ``cleaned`` unset (the library cleans them, knowing which lines recur in
    other articles); the other formats come already split into metadata and body.
    """

    format: str
    text: str
    cleaned: CleanResult | None = None
    key: str = ""
    """Distinguishes the entries of a feed file; empty for single-article files."""
