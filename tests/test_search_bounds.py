"""Date bounds, capped wildcards and date-sorted results, as issue 14 rows 15, 16, 23, 24
found them wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEEDS

from index.library import Library
from index.search import MAX_WILDCARD_TERMS
from reader.cli import main

# The seeds' dates: 2024-10-23, 2024-10-26, 2024-10-28, 2024-10-31, and one undated.


def _days(library: Library, query: str) -> list[str]:
    return sorted((h.published or "")[:10] for h in library.search(query, limit=50).hits)


@pytest.mark.parametrize(
    ("query", "days"),
    [
        ("published:<2024-10-28", ["2024-10-23", "2024-10-26"]),
        ("published:<=2024-10-28", ["2024-10-23", "2024-10-26", "2024-10-28"]),
        ("published:>2024-10-28", ["2024-10-31"]),
        ("published:>=2024-10-28", ["2024-10-28", "2024-10-31"]),
        ("published:>2024-10-27", ["2024-10-28", "2024-10-31"]),
        ("published:<2024", []),
        ("published:>2024", []),
        ("published:>=2024", ["2024-10-23", "2024-10-26", "2024-10-28", "2024-10-31"]),
        ("published:<2024-11", ["2024-10-23", "2024-10-26", "2024-10-28", "2024-10-31"]),
        ("published:<2024-10", []),
        ("published:>2024-10", []),
        ("published:{2024-10-23 TO 2024-10-31}", ["2024-10-26", "2024-10-28"]),
        (
            "published:[2024-10-23 TO 2024-10-31]",
            ["2024-10-23", "2024-10-26", "2024-10-28", "2024-10-31"],
        ),
    ],
)
def test_a_bound_is_a_whole_period_and_exclusive_bounds_leave_it_out(
    seed_library: Path, query: str, days: list[str]
) -> None:
    with Library(seed_library) as library:
        assert _days(library, query) == days


def test_before_and_after_a_day_split_the_dated_articles(seed_library: Path) -> None:
    with Library(seed_library) as library:
        before = _days(library, "published:<2024-10-28")
        on = _days(library, "published:2024-10-28")
        after = _days(library, "published:>2024-10-28")
        every = _days(library, "published:>=2000")
        assert sorted(before + on + after) == every and len(every) == 4


def _wildcard_corpus(folder: Path, words: int) -> list[Path]:
    """One article per word, each with its own term under the prefix ``zq``."""
    folder.mkdir()
    paths = []
    for i in range(words):
        path = folder / f"{i:03d}.txt"
        path.write_text(
            f"Article number {i}\n\nThe report names zq{i:03d}x as the place where it "
            "happened, according to the local officials who saw it that morning.\n"
        )
        paths.append(path)
    return paths


def test_a_capped_wildcard_matches_the_same_articles_however_the_index_is_split(
    tmp_path: Path,
) -> None:
    words = 3 * MAX_WILDCARD_TERMS
    paths = _wildcard_corpus(tmp_path / "texts", words)
    found = []
    for name, batch in (("whole", words), ("split", 8)):
        with Library(tmp_path / name) as library:
            for start in range(0, words, batch):
                library.add(paths[start : start + batch])
            segments = len(library.searcher().reader().leaf_readers())
            results = library.search("zq*", limit=words)
            found.append(({h.title for h in results.hits}, results.total, segments))
    (whole, whole_total, one), (split, split_total, many) = found
    assert many > one  # the two indexes are really split differently
    assert whole == split and whole_total == split_total == MAX_WILDCARD_TERMS
    # The cap keeps the first terms in sorted order: zq000x .. zq031x.
    assert whole == {f"Article number {i}" for i in range(MAX_WILDCARD_TERMS)}


def test_search_sorted_by_date_puts_undated_last_and_has_no_score(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("READER_LIBRARY", str(tmp_path / "lib"))
    monkeypatch.setenv("READER_NOTES", str(tmp_path / "notes.md"))
    assert main(["add", str(SEEDS)]) == 0
    capsys.readouterr()
    assert main(["search", "troops", "--sort", "date", "--json"]) == 0
    hits = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    dates = [h["published"] for h in hits]
    assert len(hits) == 5 and dates[-1] is None
    assert dates[:-1] == sorted(dates[:-1], reverse=True) and None not in dates[:-1]
    assert all(h["score"] is None for h in hits)
    assert main(["search", "troops", "--json"]) == 0
    ranked = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert all(isinstance(h["score"], float) and h["score"] > 0 for h in ranked)
