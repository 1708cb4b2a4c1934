"""The library used as over weeks: bench/soak.py's random operations, a short run of them.

The long run is ``python bench/soak.py 2000``; here a few seeded sequences, a few seconds
each, hold the same checks after every step.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import soak  # noqa: E402


@pytest.mark.parametrize("seed", [1, 2])
def test_random_weeks_of_use_keep_the_records_and_the_index_in_agreement(
    tmp_path: Path, seed: int
) -> None:
    result = soak.run(60, seed, tmp_path, log=lambda _line: None)
    assert result.problems == []
    # The sequence met what it is there to meet.
    crashes = sum(n for op, n in result.done.items() if op.startswith("crash at"))
    assert crashes >= 3
    assert result.done["roll"] >= 2 and result.done["add"] >= 10
    assert len(result.model.articles) > 100


def test_the_soak_notices_a_library_that_does_not_mend(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The checks can fail: with the mend disabled, a crash between the two commits
    leaves records the index does not find, and the soak says so."""
    from index.library import Library

    monkeypatch.setattr(Library, "mend", lambda self, **_kwargs: None)
    result = soak.run(200, 1, tmp_path, log=lambda _line: None)
    assert result.problems
    assert any("not in the index" in p or "finds []" in p for p in result.problems)
