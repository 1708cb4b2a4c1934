"""extract(): figures and named sources of one article body."""

from __future__ import annotations

from index.extract.sources import find_mentions
from index.model import Extraction, Source


def extract(text: str) -> Extraction:
    """Figures and sources of ``text`` (an article body); offsets are code points."""
    sources = [
        Source(
            start=m.start,
            end=m.end,
            text=text[m.start : m.end],
            name=text[m.start : m.end],
            cue=m.cue,
            cue_start=m.cue_start,
            cue_end=m.cue_end,
            kind=m.kind,
        )
        for m in find_mentions(text)
    ]
    return Extraction(figures=[], sources=sources)
