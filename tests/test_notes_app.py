# ruff: noqa: F811  (pytest fixtures imported from test_app_support are parameters here)
"""The note dialog and the notes file driven from the app: rows 6 and 19."""

from __future__ import annotations

from pathlib import Path

from test_app_support import library_dir, make_app, notes_path, seeds_library_dir  # noqa: F401
from textual import events
from textual.widgets import Label, TextArea

from index.notes import NotesFile
from reader.app import ReaderApp
from reader.dialogs.note import NoteDialog
from reader.screens.main import MainScreen
from reader.widgets.article_view import ArticleView

SIZE = (120, 40)


def messages(app: ReaderApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_a_multi_line_note_is_kept_whole(make_app, notes_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Row 19: a multi-line paste into the note dialog kept only its first line."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "j", "B")
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)
        area = app.screen.query_one("#note", TextArea)
        assert app.focused is area
        await pilot.press(*"Typed first", "enter", *"then a second line", "enter")
        app.post_message(events.Paste("pasted one\n- saved:: 1999-01-01\npasted three"))
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)  # Enter is a new line, not "save"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        (bm,) = NotesFile(notes_path).read()
        assert bm.note == (
            "Typed first\nthen a second line\npasted one\n- saved:: 1999-01-01\npasted three"
        )
        assert bm.location == "paragraph 2" and bm.saved != "1999-01-01"
        assert any(m.startswith("Bookmarked paragraph 2") for m in messages(app))


async def test_B_on_a_bookmarked_passage_adds_the_note(make_app, notes_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Row 19: ``B`` on a passage bookmarked already dropped the typed note."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "j", "b")
        await pilot.pause()
        assert NotesFile(notes_path).read()[0].note == ""
        await pilot.press("B")
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)
        title = str(app.screen.query_one(".dialog-title", Label).render())
        await pilot.press(*"Why it matters", "enter", *"and more")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        (bm,) = NotesFile(notes_path).read()
        assert bm.note == "Why it matters\nand more"
        assert title == "Add a note to your bookmark"
        assert any(
            m.startswith("Note added to your bookmark of paragraph 2") for m in messages(app)
        )
        # The app's own copy has the note too, and the passage is still marked once.
        (held,) = app.bookmarks[bm.article_id]
        assert held.note == bm.note
        assert app.bookmark_counts[bm.article_id] == 1
        view = app.screen.query_one(ArticleView)
        assert view.is_bookmarked(1)
        # The same note again adds nothing.
        await pilot.press("B", *"Why it matters", "enter", *"and more", "ctrl+s")
        await pilot.pause()
        assert NotesFile(notes_path).read()[0].note == "Why it matters\nand more"
        assert messages(app)[-1].startswith("Already bookmarked: paragraph 2")


async def test_esc_in_the_note_dialog_saves_nothing(make_app, notes_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "B", *"never mind", "enter", "escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert NotesFile(notes_path).read() == []


async def test_a_notes_file_linked_to_dev_zero_is_an_error_not_a_hang(
    make_app, notes_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Row 6: the app read /dev/zero to the end at start-up and never came up."""
    notes_path.symlink_to("/dev/zero")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        said = f"cannot read the notes file {notes_path}: it is a device or a pipe"
        assert any(m.startswith(said) for m in messages(app))
        await pilot.press("enter", "b")
        await pilot.pause()
        said = f"cannot write the notes file {notes_path}: it is a device or a pipe"
        assert messages(app)[-1].startswith(said)
        assert isinstance(app.screen, MainScreen)
