"""Cleaning page text: from a copied web page to headline, metadata and body."""

from __future__ import annotations

from index.clean.page import clean_page

__all__ = ["clean_page"]
