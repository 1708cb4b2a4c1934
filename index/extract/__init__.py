"""Figures and named sources in an article body."""

from __future__ import annotations

from index.extract.api import extract

__all__ = ["extract"]
