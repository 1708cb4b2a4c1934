"""Placeholder cleaner: keeps every non-empty line as a paragraph (replaced by the real one)."""

from __future__ import annotations

from collections.abc import Set

from index.model import CleanResult


def clean_page(text: str, *, boilerplate: Set[str] = frozenset()) -> CleanResult:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    title = lines[0] if lines else None
    return CleanResult(title=title, paragraphs=lines[1:])
