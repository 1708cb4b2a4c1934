# ruff: noqa: F811  (pytest fixtures imported from test_app_support are parameters here)
"""A huge article in the app: only what comes into view is wrapped, and q still quits.

Opening a 19 MB article wrapped all of it (and built a widget per figure) before the
first frame: the app froze for over a minute and a q pressed meanwhile waited as long
(issue 14, row 8).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_app_support import (  # noqa: F401  (fixtures)
    add_article,
    build_frozen_library,
    huge_article,
    notes_path,
    seed_text,
)

from index.library import Library
from index.model import Article
from reader.app import ReaderApp
from reader.config import Config
from reader.screens.main import MainScreen
from reader.widgets.article_view import ArticleView
from reader.widgets.item_list import ItemList

COPIES = 1000
"""The first seed's body this many times over: 2 MB in 1,000 paragraphs of 2 KB."""


@pytest.fixture
def huge_library(tmp_path: Path) -> tuple[Path, Article]:
    folder = tmp_path / "library"
    build_frozen_library(folder)
    text = seed_text()
    article = huge_article([f"Copy {copy}. {text}" for copy in range(COPIES)])
    add_article(folder, article)
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
