"""Cleaning page text: from a copied web page to headline, metadata and body.

Public API:

- :func:`clean_page` -- one page dump to a :class:`index.model.CleanResult`.
- :func:`format_body` -- the body as ``python -m index.clean`` / ``reader clean`` print it.
- :func:`index.clean.recurring.line_key` and :func:`index.clean.recurring.page_line_keys`
  -- fingerprints for counting lines that recur across an outlet's articles.
"""

from __future__ import annotations

from index.clean.page import clean_page
from index.clean.recurring import line_key, page_line_keys
from index.model import CleanResult

__all__ = ["clean_page", "format_body", "line_key", "page_line_keys"]


def format_body(result: CleanResult) -> str:
    """The body paragraphs, one a line (what ``reader clean`` prints)."""
    return "\n".join(result.paragraphs)
