"""Placeholder extractor (replaced by the real one)."""

from __future__ import annotations

from index.model import Extraction


def extract(text: str) -> Extraction:
    return Extraction()
