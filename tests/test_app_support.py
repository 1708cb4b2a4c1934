"""Fixtures for the app tests: a seeds library built once, copied for each test."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from index.library import Library
from index.model import Article
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


FROZEN = Path(__file__).resolve().parent / "test_app_seed_articles.json"
"""The seed articles as ingest made them when the snapshots were taken.

Snapshots show figures and sources, which change whenever extraction improves; built from
this file, the snapshots change only when the app does. Refresh it (and the snapshots)
with ``python tests/test_app_support.py``.
"""


def build_frozen_library(folder: Path) -> None:
    """A library holding the frozen seed articles, written without re-ingesting them."""
    from index.pipeline import search_fields

    with Library(folder) as library, library.write_lock():
        writer = library.index.writer()
        for data in json.loads(FROZEN.read_text(encoding="utf-8")):
            article = Article.from_dict(data)
            library.records.put(article, 0.0)
            writer.add_document(**search_fields(article))
        writer.commit()
        library.records.commit()


def seed_text() -> str:
    """The first frozen seed's paragraphs joined into one text."""
    data = json.loads(FROZEN.read_text(encoding="utf-8"))[0]
    return " ".join(Article.from_dict(data).paragraphs)


def huge_article(paragraphs: list[str]) -> Article:
    """The first frozen seed made an article of ``paragraphs`` (pieces of its text), its
    figures found again wherever their words are, dated 2030 so that it lists first."""
    import dataclasses

    from index.model import PARAGRAPH_SEPARATOR

    seed = Article.from_dict(json.loads(FROZEN.read_text(encoding="utf-8"))[0])
    figures = []
    shift = 0
    for paragraph in paragraphs:
        for figure in seed.figures:
            start = paragraph.find(figure.text)
            while start >= 0:
                end = start + len(figure.text)
                figures.append(dataclasses.replace(figure, start=shift + start, end=shift + end))
                start = paragraph.find(figure.text, start + 1)
        shift += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    figures.sort(key=lambda f: f.start)
    return dataclasses.replace(
        seed,
        id="b19000000000",
        title="A huge article",
        paragraphs=paragraphs,
        figures=figures,
        sources=[],
        content_hash="h" * 16,
        published="2030-01-01",
    )


def add_article(folder: Path, article: Article) -> None:
    """Write one article straight into a library's records and index (no ingest)."""
    from index.pipeline import search_fields

    with Library(folder) as library, library.write_lock():
        writer = library.index.writer()
        library.records.put(article, 0.0)
        writer.add_document(**search_fields(article))
        writer.commit()
        library.records.commit()


@pytest.fixture
def frozen_library_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "frozen-library"
    build_frozen_library(folder)
    return folder


@pytest.fixture
def make_frozen_app(frozen_library_dir: Path, notes_path: Path):  # type: ignore[no-untyped-def]
    libraries: list[Library] = []

    def factory() -> ReaderApp:
        library = Library(frozen_library_dir)
        libraries.append(library)
        return ReaderApp(library, notes_path=notes_path, config=Config())

    yield factory
    for library in libraries:
        library.close()


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


def freeze_seeds() -> None:
    """Write :data:`FROZEN` from the seeds as ingest makes them now."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp, Library(Path(tmp)) as library:
        library.add([SEEDS])
        articles = []
        for row in library.rows():
            data = library.get(row.id).to_dict()
            data["paths"] = ["seeds/" + Path(p).name for p in data["paths"]]
            data["removed"] = []
            articles.append(data)
    FROZEN.write_text(json.dumps(articles, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    freeze_seeds()


def screen_text(app: ReaderApp) -> str:
    """What the terminal shows: the text of a screenshot, so a test sees what was painted
    (a widget's ``render_line`` alone would not show a row the screen failed to repaint)."""
    import html
    import re

    svg = app.export_screenshot()
    return html.unescape("".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg)))
