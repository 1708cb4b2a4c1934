# ruff: noqa: F811  (pytest fixtures imported from test_app_support are parameters here)
"""A huge article in the app: only what comes into view is wrapped, and q still quits.

Opening a 19 MB article wrapped all of it (and built a widget per figure) before the
first frame: the app froze for over a minute and a q pressed meanwhile waited as long
(issue 14, row 8).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from test_app_support import FROZEN, build_frozen_library, notes_path  # noqa: F401

from index.library import Library
from index.model import PARAGRAPH_SEPARATOR, Article
from index.pipeline import search_fields
from reader.app import ReaderApp
from reader.config import Config
from reader.screens.main import MainScreen
from reader.widgets.article_view import ArticleView
from reader.widgets.item_list import ItemList

COPIES = 1000
"""The first seed's body this many times over: 2 MB in 1,000 paragraphs of 2 KB."""


def _huge_article() -> Article:
    seed = Article.from_dict(json.loads(FROZEN.read_text(encoding="utf-8"))[0])
    joined = " ".join(seed.paragraphs)
    paragraphs, figures = [], []
    shift = 0
    for copy in range(COPIES):
        paragraphs.append(f"Copy {copy}. {joined}")
        lead = len(f"Copy {copy}. ")
        # Each figure's offsets moved to where its words are in this copy.
        at = 0
        for figure in seed.figures:
            found = joined.find(figure.text, at)
            if found < 0:
                continue
            start = shift + lead + found
            figures.append(dataclasses.replace(figure, start=start, end=start + len(figure.text)))
            at = found + 1
        shift += len(paragraphs[-1]) + len(PARAGRAPH_SEPARATOR)
    return dataclasses.replace(
        seed,
        id="b1900000000a",
        title="A huge article",
        paragraphs=paragraphs,
        figures=figures,
        sources=[],
        content_hash="h" * 16,
        published="2030-01-01",
    )


@pytest.fixture
def huge_library(tmp_path: Path) -> tuple[Path, Article]:
    folder = tmp_path / "library"
    build_frozen_library(folder)
    article = _huge_article()
    with Library(folder) as library, library.write_lock():
        writer = library.index.writer()
        library.records.put(article, 0.0)
        writer.add_document(**search_fields(article))
        writer.commit()
        library.records.commit()
    return folder, article


async def test_a_huge_article_wraps_only_what_is_seen_and_q_quits(
    huge_library: tuple[Path, Article], notes_path: Path
) -> None:
    folder, article = huge_library
    assert len(article.body) > 2_000_000 and len(article.figures) >= 4_000
    with Library(folder) as library:
        app = ReaderApp(library, notes_path=notes_path, config=Config())
        async with app.run_test(size=(120, 40)) as pilot:
            screen = app.screen
            assert isinstance(screen, MainScreen)
            await pilot.pause()
            await pilot.press("enter")  # the newest article, dated 2030, is first
            await pilot.pause()
            view = screen.query_one(ArticleView)
            assert view.article is not None and view.article.id == article.id
            assert view.paragraph_count == COPIES
            # A screen shows two or three paragraphs of 2 KB: only those (and a few around
            # them) were wrapped.
            assert 1 <= view.measured_paragraphs <= 8
            shown = "\n".join(view.render_line(y).text for y in range(view.size.height))
            assert "A huge article" in shown
            figures = screen.query_one("#figures", ItemList)
            assert figures.item_count == len(article.figures)

            await pilot.press("end")
            await pilot.pause()
            shown = "\n".join(view.render_line(y).text for y in range(view.size.height))
            assert view.scroll_y == view.max_scroll_y > 0
            assert "Captions" in shown  # the article's end is on screen
            assert view.measured_paragraphs <= 16
            # The last copy's text is what the screen shows above the captions.
            last = view.paragraph_lines(COPIES - 1)
            assert last[0].strip().startswith(f"Copy {COPIES - 1}.")

            await pilot.press("q")
            await pilot.pause()
        assert app.return_code == 0
