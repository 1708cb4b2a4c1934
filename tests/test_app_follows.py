# ruff: noqa: F811  (pytest fixtures imported from test_app_support are parameters here)
"""The app follows the library: what another process adds or rebuilds shows in the list
and in search without a restart (issue 14, rows 9 and 10)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_app_support import SEEDS, notes_path  # noqa: F401  (fixtures)

import reader.app
from index.library import Library
from reader.app import ReaderApp, _Watch
from reader.config import Config
from reader.screens.main import MainScreen
from reader.widgets.article_list import ArticleList

ZEBRA = (
    "Zebras crossed the ring road\n\n"
    "A herd of zebras crossed the ring road on Tuesday morning, officials said, and "
    "traffic stood still for an hour while keepers led them back.\n"
)


async def _until(pilot, check, seconds: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    for _ in range(int(seconds / 0.05)):
        if check():
            return
        await pilot.pause(0.05)
    raise AssertionError("the app did not follow the library")


@pytest.fixture
def one_seed_library(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    with Library(folder) as library:
        library.add([sorted(SEEDS.iterdir())[0]])
    return folder


async def test_adds_and_a_reindex_elsewhere_reach_the_list_and_search(
    one_seed_library: Path,
    tmp_path: Path,
    notes_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(reader.app, "WATCH_EVERY", 0.05)
    texts = tmp_path / "texts"
    shutil.copytree(SEEDS, texts)
    with Library(one_seed_library) as library:
        app = ReaderApp(library, notes_path=notes_path, config=Config())
        async with app.run_test(size=(120, 40)) as pilot:
            screen = app.screen
            assert isinstance(screen, MainScreen)
            articles = screen.query_one(ArticleList)
            await _until(pilot, lambda: len(articles.rows) == 1)
            first = articles.current_id

            with Library(one_seed_library) as other:  # another process, as far as the app knows
                other.add([texts])
            await _until(pilot, lambda: len(articles.rows) == 5)
            assert articles.current_id == first  # the cursor stays where it was

            await pilot.press("slash", *"zebras")
            await _until(pilot, lambda: "0 articles match" in _status(app))
            (texts / "zebra.txt").write_text(ZEBRA)
            with Library(one_seed_library) as other:
                other.add([texts])
            await _until(pilot, lambda: "1 article match" in _status(app))
            assert [row.title for row in articles.rows] == ["Zebras crossed the ring road"]

            with Library(one_seed_library) as other:
                other.reindex()
            await pilot.press(*["backspace"] * 6, *"title:kursk")
            await _until(pilot, lambda: "4 articles match" in _status(app))
            assert "search failed" not in _status(app)


def _status(app: ReaderApp) -> str:
    return str(app.screen.query_one("#search-status").render())


def test_the_list_is_read_again_once_the_index_stops_changing() -> None:
    watch = _Watch((1, 100))
    assert not watch.due((1, 100), 0.0)  # nothing changed
    assert not watch.due((1, 200), 1.0)  # changing: wait for it to settle
    assert not watch.due((1, 300), 2.0)
    assert watch.due((1, 300), 3.0)  # settled: read it
    assert not watch.due((1, 300), 4.0)  # and only once
    # A library that keeps changing is read again every WATCH_AT_MOST seconds anyway.
    at = 4.0
    due = []
    for step in range(40):
        at += 1.0
        due.append(watch.due((2, step), at))
    assert 2 <= sum(due) <= 5
    watch.failed()  # a read that failed is tried again at the next look
    assert watch.due((2, 39), at + 1)
