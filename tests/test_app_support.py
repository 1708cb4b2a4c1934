"""Fixtures for the app tests: a seeds library built once, copied for each test."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from index.library import Library
from index.notes import NotesFile, make_bookmark
from reader.app import ReaderApp
from reader.config import Config

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SAVED = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
"""A fixed time for the bookmarks the fixtures write, so snapshots never change."""

HOSTILE = (
    "Hostile page\n\n"
    "This page has text that looks like markup: [@click=app.quit]quit[/] and [bold red]"
    "loud words[/bold red] and an escape \x1b[2J in the middle of it, which reader must "
    "show as plain characters and never act on, whatever the user clicks.\n\n"
    "A second paragraph says that 8,000 troops were counted, according to the ministry.\n"
)


@pytest.fixture(scope="session")
def seeds_library_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("seeds-library") / "library"
    with Library(folder) as library:
        library.add([SEEDS])
    return folder


@pytest.fixture
def library_dir(seeds_library_dir: Path, tmp_path: Path) -> Path:
    """A private copy of the seeds library."""
    target = tmp_path / "library"
    shutil.copytree(seeds_library_dir, target)
    return target


@pytest.fixture
def notes_path(tmp_path: Path) -> Path:
    return tmp_path / "notes.md"


@pytest.fixture
def make_app(library_dir: Path, notes_path: Path):  # type: ignore[no-untyped-def]
    """Build a ReaderApp on the library copy; close the library after the test."""
    libraries: list[Library] = []

    def factory(config: Config | None = None) -> ReaderApp:
        library = Library(library_dir)
        libraries.append(library)
        return ReaderApp(library, notes_path=notes_path, config=config or Config())

    yield factory
    for library in libraries:
        library.close()


def write_bookmarks(library_dir: Path, notes_path: Path, count: int = 2) -> None:
    """Bookmark the first paragraphs of the newest articles, at fixed times."""
    with Library(library_dir) as library:
        rows = library.rows()
        notes = NotesFile(notes_path)
        for i in range(count):
            article = library.get(rows[i % len(rows)].id)
            start, end = article.paragraph_offsets()[i // len(rows)]
            note = "Compare with the NATO figure." if i == 0 else ""
            bm = make_bookmark(
                article,
                start,
                end,
                note=note,
                saved=SAVED + timedelta(minutes=i),
                display_path=f"seeds/{Path(article.paths[0]).name}",
            )
            notes.append(bm)
