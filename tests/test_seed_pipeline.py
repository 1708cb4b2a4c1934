"""End to end on the seeds: what ingest stores is what the cleaner and extractor tests expect.

The cleaner tests and the extractor tests each hold the seeds' bodies by hand; this
checks that ingest joins them up, so no stored figure or source comes from boilerplate.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_extract_seeds import SEEDS as EXTRACT_SEEDS
from test_extract_seeds import Seed

from index.library import Library


@pytest.mark.parametrize("seed", EXTRACT_SEEDS, ids=lambda s: s.name)
def test_stored_article_matches_the_hand_written_expectations(
    seed_library: Path, seed: Seed
) -> None:
    with Library(seed_library) as library:
        (article,) = [
            library.get(row.id)
            for row in library.rows()
            if any(Path(p).name == seed.name for p in library.get(row.id).paths)
        ]
    assert article.paragraphs == seed.paragraphs
    figures = [
        (f.text, f.value, f.qualifier_text, f.counted, f.unit, f.source) for f in article.figures
    ]
    sources = [(s.text, s.kind, s.name, s.descriptor, s.cue) for s in article.sources]
    assert figures == seed.figures
    assert sources == seed.sources
