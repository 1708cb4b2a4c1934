# ruff: noqa: F811  (pytest fixtures imported from test_app_support are parameters here)
"""SVG snapshots of the app's screens at 120x40 (and the main screen at 80x24).

Update with ``pytest tests/test_app_snapshots.py --snapshot-update`` and look at the
report before committing.
"""

from __future__ import annotations

from pathlib import Path

from test_app_support import (  # noqa: F401  (fixtures)
    frozen_library_dir,
    make_frozen_app,
    notes_path,
    write_bookmarks,
)
from textual.widgets import Input

SIZE = (120, 40)


async def _settle(pilot) -> None:  # type: ignore[no-untyped-def]
    for widget in pilot.app.query(Input):
        widget.cursor_blink = False
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_main_screen(snap_compare, make_frozen_app) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await _settle(pilot)
        await pilot.press("j", "enter")
        await pilot.pause()
        await pilot.press("j", "j")
        await _settle(pilot)

    assert snap_compare(make_frozen_app(), terminal_size=SIZE, run_before=run_before)


def test_main_screen_80x24(snap_compare, make_frozen_app) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await _settle(pilot)
        await pilot.press("enter")
        await _settle(pilot)

    assert snap_compare(make_frozen_app(), terminal_size=(80, 24), run_before=run_before)


def test_search_results(snap_compare, make_frozen_app) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await _settle(pilot)
        await pilot.press("slash", *"kursk troops")
        await _settle(pilot)
        await pilot.press("enter", "enter")
        await pilot.pause()
        await pilot.press("n")
        await _settle(pilot)
        pilot.app.screen.query_one("#search-status").update("5 articles match · 12 ms")

    assert snap_compare(make_frozen_app(), terminal_size=SIZE, run_before=run_before)


def test_notes_screen(
    snap_compare, make_frozen_app, frozen_library_dir: Path, notes_path: Path
) -> None:  # type: ignore[no-untyped-def]
    write_bookmarks(frozen_library_dir, notes_path, count=3)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await _settle(pilot)
        await pilot.press("o")
        await _settle(pilot)

    assert snap_compare(make_frozen_app(), terminal_size=SIZE, run_before=run_before)


def test_help_screen(snap_compare, make_frozen_app) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await _settle(pilot)
        await pilot.press("question_mark")
        await _settle(pilot)

    assert snap_compare(make_frozen_app(), terminal_size=SIZE, run_before=run_before)
