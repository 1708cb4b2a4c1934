# ruff: noqa: F811  (pytest fixtures imported from test_app_support are parameters here)
"""The app driven like a user: keys pressed, then what the screen and the notes file hold."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from test_app_support import (  # noqa: F401  (fixtures)
    HOSTILE,
    library_dir,
    make_app,
    notes_path,
    screen_text,
    seeds_library_dir,
    write_bookmarks,
)
from textual.widgets import Input, Label

from index.library import Library
from index.model import Article
from index.notes import NotesFile
from reader.app import ReaderApp
from reader.commands import COMMANDS
from reader.config import Config, load_config
from reader.dialogs.note import NoteDialog
from reader.screens.help import HelpScreen
from reader.screens.main import MainScreen
from reader.screens.notes import NotesScreen
from reader.widgets.article_list import ArticleList
from reader.widgets.article_view import ArticleView
from reader.widgets.item_list import ItemList
from reader.widgets.side_panel import SidePanel

SIZE = (120, 40)


def main(app: ReaderApp) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen), screen
    return screen


def status(app: ReaderApp) -> str:
    return str(app.screen.query_one("#search-status").render())


async def search(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("slash")
    await pilot.press(*text)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_list_shows_articles_and_moves(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main(app)
        articles = screen.query_one(ArticleList)
        assert app.focused is articles
        assert len(articles.rows) == 5
        assert articles.rows[0].published >= articles.rows[1].published
        await pilot.press("j")
        assert articles.cursor == 1
        await pilot.press("down", "down")
        assert articles.cursor == 3
        await pilot.press("k")
        assert articles.cursor == 2
        await pilot.press("up", "up", "up")
        assert articles.cursor == 0
        lines = [articles.render_line(y).text for y in range(4)]
        assert "●" in lines[0] and "8,000 North Korean troops" in lines[0]
        assert "2024-10-31 · The Kyiv Indep" in lines[1]


async def test_enter_opens_article_with_panel_and_read_mark(make_app, library_dir) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main(app)
        articles = screen.query_one(ArticleList)
        await pilot.pause()
        unread_before = screen_text(app).count("●")
        await pilot.press("j", "enter")
        await pilot.pause()
        view = screen.query_one(ArticleView)
        assert view.article is not None and view.article.id == articles.rows[1].id
        assert app.focused is view
        shown = "\n".join(view.render_line(y).text for y in range(8))
        assert view.article.title.split()[0] in shown
        assert "The Kyiv Independent" in shown
        assert view.paragraph_count == len(view.article.paragraphs)
        panel = screen.query_one(SidePanel)
        figures = panel.query_one("#figures", ItemList)
        assert figures.item_count == len(view.article.figures)
        assert str(panel.query_one("#figures-title").render()).startswith("Figures (")
        assert "●" not in articles.render_line(2).text  # read now
        assert screen_text(app).count("●") == unread_before - 1  # and the screen shows it
        # The reader's scrollbar follows each article's length.
        first_length = view.virtual_size.height
        assert view.vertical_scrollbar.window_virtual_size == first_length
        await pilot.press("shift+tab", "j", "enter")
        await pilot.pause()
        assert view.virtual_size.height != first_length
        assert view.vertical_scrollbar.window_virtual_size == view.virtual_size.height
        opened = view.article.id
    with Library(library_dir) as library:
        assert opened in library.records.get_state("app.read")
        assert library.records.get_state("app.last_article") == opened


async def test_reader_wraps_as_content_wrap_does(make_app) -> None:  # type: ignore[no-untyped-def]
    """The reader finds a paragraph's line breaks once and re-styles the lines (search
    terms, marks); what it shows must be what ``Content.wrap`` makes of the paragraph."""
    from dataclasses import replace

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        view = main(app).query_one(ArticleView)
        assert view.article is not None
        odd = [
            "A  paragraph   with runs of  spaces, then a word far longer than any line: "
            + "x" * 150
            + " and the end.   ",
            "Wide characters 北朝鮮軍 兵士 一万二千人 fill two cells each, 8,000 troops.",
            "short",
        ]
        await view.show(replace(view.article, paragraphs=view.article.paragraphs + odd))
        view.set_terms(["troops", "the"])
        view.mark([(0, 40)])
        for width in (12, 37, 72):
            view._breaks.clear()
            for index in range(view.paragraph_count):
                expected = view._paragraph_content(index).wrap(width)
                got = view._wrap_paragraph(index, width)
                assert [(c.plain, c.spans) for c in got] == [
                    (c.plain, c.spans) for c in expected
                ], (width, index)


async def test_passage_cursor_moves_with_j_and_k(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        view = main(app).query_one(ArticleView)
        assert view.cursor == 0
        await pilot.press("j", "j", "down")
        assert view.cursor == 3
        assert view.passage == view.article.paragraph_offsets()[3]  # type: ignore[union-attr]
        await pilot.press("k", "up")
        assert view.cursor == 1
        assert view.passage == view.article.paragraph_offsets()[1]  # type: ignore[union-attr]


async def test_search_as_you_type_highlights_and_walks_hits(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main(app)
        await search(pilot, "Kursk")
        assert app.focused is screen.query_one(Input)
        assert status(app).startswith("5 articles match")
        articles = screen.query_one(ArticleList)
        assert screen.results is not None and len(articles.rows) == 5
        assert all(hit.snippet_spans for hit in screen.results.hits)
        assert "kursk" in screen.results.terms
        # Enter goes to the results, Enter again opens the first.
        await pilot.press("enter")
        assert app.focused is articles
        await pilot.press("enter")
        await pilot.pause()
        view = screen.query_one(ArticleView)
        assert view.article is not None and view.article.id == screen.results.hits[0].id
        assert view.hit_count >= 1
        await pilot.press("n")
        assert status(app).startswith(f"hit 1 of {view.hit_count}")
        await pilot.press("n")
        second = 2 if view.hit_count > 1 else 1
        assert status(app).startswith(f"hit {second} of")
        await pilot.press("N")
        assert status(app).startswith("hit 1 of")
        # Esc clears the search from the list and shows every article again.
        articles.focus()
        await pilot.press("escape")
        await pilot.pause()
        assert screen.results is None and screen.query_one(Input).value == ""
        assert status(app) == ""


async def test_bad_query_keeps_last_good_results(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main(app)
        await search(pilot, "blinken")
        good = [hit.id for hit in screen.query_one(ArticleList).rows]
        assert good
        await pilot.press(*' "unclosed')
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "unclosed quote" in status(app)
        assert screen.query_one("#search-status").has_class("-error")
        assert [hit.id for hit in screen.query_one(ArticleList).rows] == good
        # Esc in the box leaves it for the list.
        await pilot.press("escape")
        assert app.focused is screen.query_one(ArticleList)


async def test_stale_results_are_dropped(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main(app)
        old = app.search("kursk", limit=20)
        await search(pilot, "blinken")
        current = screen.results
        assert current is not None and current.terms == ["blinken"]
        screen._show_results(screen._generation - 1, old)  # arrives late
        assert screen.results is current


async def test_b_bookmarks_the_passage(make_app, notes_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "j", "b")
        await pilot.pause()
        view = main(app).query_one(ArticleView)
        entries = NotesFile(notes_path).read()
        assert len(entries) == 1
        bm = entries[0]
        assert bm.article_id == view.article.id  # type: ignore[union-attr]
        assert bm.location == "paragraph 2"
        assert bm.quote == view.article.paragraphs[1]  # type: ignore[union-attr]
        assert view.is_bookmarked(1) and not view.is_bookmarked(0)
        assert view.paragraph_lines(1)[0].startswith("▌")
        messages = [n.message for n in app._notifications]
        assert any(str(notes_path) in m and "paragraph 2" in m for m in messages)
        assert "⚑1" in main(app).query_one(ArticleList).render_line(0).text
        assert "⚑1" in screen_text(app)  # the list row was painted again
        # The same passage again adds nothing.
        await pilot.press("b")
        assert len(NotesFile(notes_path).read()) == 1


async def test_B_bookmarks_with_a_note_and_esc_cancels(make_app, notes_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "B")
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert NotesFile(notes_path).read() == []
        await pilot.press("j", "j", "B")
        await pilot.pause()
        await pilot.press(*"check [bold]this[/]", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        (bm,) = NotesFile(notes_path).read()
        assert bm.note == "check [bold]this[/]"
        assert bm.location == "paragraph 3"


async def test_b_bookmarks_the_mouse_selection(make_app, notes_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        view = main(app).query_one(ArticleView)
        article = view.article
        assert article is not None
        y = view._paragraph_region(1).y - view.scroll_offset.y
        await pilot.mouse_down(view, offset=(3, y))
        await pilot.hover(view, offset=(40, y))
        await pilot.mouse_up(view, offset=(40, y))
        await pilot.pause()
        selected = app.screen.get_selected_text()
        assert selected and article.paragraphs[1].startswith(selected)
        await pilot.press("b")
        (bm,) = NotesFile(notes_path).read()
        assert bm.start == article.paragraph_offsets()[1][0]
        assert bm.quote.startswith(selected) and not article.body[bm.end].isalnum()  # whole words
        assert len(bm.quote) < len(article.paragraphs[1])


async def test_a_selection_bookmarks_the_words_selected_not_their_first_occurrence(
    make_app, notes_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The words "Kursk Oblast" are in the first seed's paragraphs 1 and 2: selecting it in the
    second bookmarks the second (it was found by searching the body for the words)."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        view = main(app).query_one(ArticleView)
        article = view.article
        assert article is not None
        words = "Kursk Oblast"
        assert words in article.paragraphs[0] and words in article.paragraphs[1]
        lines = view.paragraph_lines(1)
        row = next(i for i, line in enumerate(lines) if words in line)
        x = lines[row].index(words)
        y = view._paragraph_region(1).y - view.scroll_offset.y + row
        await pilot.mouse_down(view, offset=(x, y))
        await pilot.hover(view, offset=(x + len(words), y))
        await pilot.mouse_up(view, offset=(x + len(words), y))
        await pilot.pause()
        await pilot.press("b")
        (bm,) = NotesFile(notes_path).read()
        start = article.paragraph_offsets()[1][0] + article.paragraphs[1].index(words)
        assert (bm.start, bm.end) == (start, start + len(words))
        assert bm.quote == words and bm.location == "paragraph 2"


async def test_o_opens_notes_and_enter_opens_the_passage(
    make_app, library_dir: Path, notes_path: Path
) -> None:  # type: ignore[no-untyped-def]
    write_bookmarks(library_dir, notes_path, count=2)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        notes = app.screen
        assert [bm.saved for bm in notes.entries] == sorted(
            (bm.saved for bm in notes.entries), reverse=True
        )
        newest = notes.entries[0]
        await pilot.press("enter")
        await pilot.pause()
        screen = main(app)
        view = screen.query_one(ArticleView)
        assert view.article is not None and view.article.id == newest.article_id
        assert view.cursor == view.paragraph_at(newest.start)
        assert view.is_bookmarked(view.cursor)
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_tab_moves_between_panes(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main(app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is screen.query_one(ArticleView)
        await pilot.press("tab")
        assert app.focused is screen.query_one("#figures")
        await pilot.press("shift+tab", "shift+tab")
        assert app.focused is screen.query_one(ArticleList)


async def _open_and_go_to_panel(pilot: Any, screen: MainScreen) -> tuple[ArticleView, Article]:
    """Open the first article and move the focus to the side panel's figures."""
    await pilot.press("enter", "tab")
    await pilot.pause()
    view = screen.query_one(ArticleView)
    assert view.article is not None and view.article.figures
    return view, view.article


async def test_side_panel_choice_marks_spans(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main(app)
        view, article = await _open_and_go_to_panel(pilot, screen)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert view._marked == [(article.figures[0].start, article.figures[0].end)]
        assert view.cursor == view.paragraph_at(article.figures[0].start)
        assert app.focused is view


async def test_side_panel_never_lists_a_bare_pronoun(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main(app)
        articles = screen.query_one(ArticleList)
        sources = screen.query_one("#sources", ItemList)
        pronouns = 0
        for index in range(len(articles.rows)):
            await screen.open_article(articles.rows[index].id)
            await pilot.pause()
            article = screen.query_one(ArticleView).article
            assert article is not None
            pronouns += sum(1 for s in article.sources if s.kind == "pronoun" and not s.name)
            shown = [item.lines[0].plain.split(" ×")[0] for item in sources.items]
            assert not {"he", "she", "they", "He", "She", "They"} & set(shown), shown
        assert pronouns  # the seeds have unresolved "he said"s: the check means something


async def test_h_and_p_toggle_and_p_is_remembered(make_app, library_dir: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main(app)
        await pilot.press("enter", "h")
        view = screen.query_one(ArticleView)
        assert view.show_highlights is False
        await pilot.press("h")
        assert view.show_highlights is True
        assert screen.query_one(SidePanel).display
        await pilot.press("p")
        await pilot.pause()
        assert not screen.query_one(SidePanel).display
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main(app)
        assert not screen.query_one(SidePanel).display
        # The last article is open again.
        assert screen.query_one(ArticleView).article is not None
        await pilot.press("p")
        assert screen.query_one(SidePanel).display


async def test_help_lists_every_command_and_q_quits(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one("#help-table")
        text = "\n".join(strip.text for strip in table.render_lines(table.region.reset_offset))
        for command in COMMANDS:
            assert command.description in text, command.id
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_command_palette_offers_the_commands(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE):
        titles = {c.title for c in app.get_system_commands(app.screen)}
        for command in COMMANDS:
            if command.palette and command.scope in ("app", "main", "list", "reader", "search"):
                assert command.description in titles, command.id
        for key in ("slash", "j", "k", "enter", "tab", "shift+tab", "n", "N", "b", "B", "o"):
            assert any(c.palette and key in c.keys.split(",") for c in COMMANDS), key
        # Running one from the palette works like the key.
        (bookmark,) = [c for c in app.get_system_commands(app.screen) if c.title == "Panel"]
        await bookmark.callback()
        assert not main(app).query_one(SidePanel).display


async def test_every_key_of_the_table_is_bound() -> None:
    keys = {key for command in COMMANDS for key in command.keys.split(",")}
    for key in ("slash", "escape", "j", "k", "up", "down", "enter", "tab", "shift+tab"):
        assert key in keys
    for key in ("n", "N", "b", "B", "o", "h", "p", "question_mark", "q"):
        assert key in keys
    ids = [command.id for command in COMMANDS]
    assert len(ids) == len(set(ids))
    assert all(command.tooltip and command.description for command in COMMANDS)


async def test_article_text_is_never_markup(tmp_path: Path, notes_path: Path) -> None:
    page = tmp_path / "pages" / "hostile.txt"
    page.parent.mkdir()
    page.write_text(HOSTILE, encoding="utf-8")
    library = Library(tmp_path / "hostile-library")
    library.add([page])
    app = ReaderApp(library, notes_path=notes_path, config=Config())
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter")
            await pilot.pause()
            view = main(app).query_one(ArticleView)
            assert view.article is not None
            shown = "\n".join(view.render_line(y).text for y in range(view.size.height))
            assert "[@click=app.quit]quit[/]" in " ".join(shown.split())
            assert "[bold red]" in shown
            # Clicking the would-be link does nothing.
            first = view._paragraph_region(0).y
            for y in range(first, first + 3):
                for x in (5, 20, 40):
                    await pilot.click(view, offset=(x, y))
            await pilot.pause()
            assert app.is_running and isinstance(app.screen, MainScreen)

            # The widget is safe on its own too: an escape that got past ingest is shown.
            article = view.article
            article.paragraphs[0] = "raw \x1b[2J escape and [@click=app.quit]x[/]"
            await view.show(article)
            await pilot.pause()
            shown = "\n".join(view.render_line(y).text for y in range(view.size.height))
            assert "\x1b" not in shown and "␛[2J" in shown
            assert "[@click=app.quit]x[/]" in shown
            await pilot.click(view, offset=(30, view._paragraph_region(0).y))
            await pilot.pause()
            assert app.is_running

            # The list's rows and search snippets are data too.
            articles = main(app).query_one(ArticleList)
            await search(pilot, "loud")
            rows = " ".join(articles.render_line(y).text for y in range(articles.row_height))
            assert "hostile" in rows and "[@click=app.quit]quit[/]" in rows
            await pilot.click(articles, offset=(10, 2))
            await pilot.pause()
            assert app.is_running and isinstance(app.screen, MainScreen)
    finally:
        library.close()


async def test_theme_is_remembered(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        view = main(app).query_one(ArticleView)
        before = view.base_style
        app.theme = "nord"
        await pilot.pause()
        # the cached base style of the line widgets follows the theme
        assert view.base_style == view.rich_style and view.base_style != before
    app = make_app()
    async with app.run_test(size=SIZE):
        assert app.theme == "nord"


async def test_empty_library_says_how_to_add(tmp_path: Path, notes_path: Path) -> None:
    library = Library(tmp_path / "empty")
    app = ReaderApp(library, notes_path=notes_path, config=Config())
    try:
        async with app.run_test(size=SIZE) as pilot:
            assert "reader add PATH" in status(app)
            await pilot.press("enter", "j", "b", "n", "h", "p", "o")
            await pilot.pause()
            assert isinstance(app.screen, NotesScreen)
    finally:
        library.close()


async def test_notes_screen_says_why_the_notes_file_cannot_be_read(
    make_app, notes_path: Path
) -> None:  # type: ignore[no-untyped-def]
    notes_path.mkdir()  # a folder where the notes file should be
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        said = str(app.screen.query_one("#notes-empty", Label).render())
        assert said.startswith(f"Cannot read the notes file {notes_path}")
        assert "No bookmarks yet" not in said
        await pilot.press("escape")
        await pilot.pause()
        notes_path.rmdir()  # mended: the screen reads the file again
        await pilot.press("o")
        await pilot.pause()
        assert "No bookmarks yet" in str(app.screen.query_one("#notes-empty", Label).render())


def test_config_is_typed_and_forgiving(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    assert load_config(path) == (Config(), [])
    path.write_text(
        'theme = "nord"\nsearch_limit = "many"\nsort = "date"\ncolour = 1\n'
        '[keymap]\nbookmark = "m"\n',
        encoding="utf-8",
    )
    config, warnings = load_config(path)
    assert config.theme == "nord" and config.sort == "date"
    assert config.search_limit == Config().search_limit
    assert config.keymap == {"bookmark": "m"}
    assert len(warnings) == 2
    path.write_text("theme = [", encoding="utf-8")
    config, warnings = load_config(path)
    assert config == Config() and "cannot read" in warnings[0]


async def test_keymap_remaps_by_id(make_app, notes_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app(Config(keymap={"bookmark": "m"}))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "m")
        await pilot.pause()
        assert len(NotesFile(notes_path).read()) == 1


async def test_a_busy_library_does_not_freeze_the_app(make_app, library_dir: Path) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    writer = sqlite3.connect(library_dir / "library.sqlite", timeout=1)
    writer.execute("BEGIN IMMEDIATE")  # as `reader add` holds it while it ingests
    app = make_app()
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter", "j", "p")
            await pilot.pause()
            # Opened, moved and toggled while the lock is held: the read mark and the
            # panel's state wait on the state thread, none of it on the screen.
            assert main(app).query_one(ArticleView).article is not None
            assert app.state.error is None and not app.state.panel_visible
            writer.rollback()
    finally:
        writer.close()
    with Library(library_dir) as library:
        assert library.records.get_state("app.side_panel") == "hidden"


async def test_a_first_page_then_the_whole_list(make_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import gc

    import reader.screens.main as main_module

    monkeypatch.setattr(main_module, "FIRST_ROWS", 2)
    monkeypatch.setattr(main_module, "GC_EVERY", 0.05)
    thresholds = gc.get_threshold()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        articles = main(app).query_one(ArticleList)
        assert len(articles.rows) == 5
        await pilot.press("j", "j", "j")
        assert articles.cursor == 3
        # The whole list loaded: full collections come from a timer, not from allocation.
        assert gc.get_threshold()[2] > 10_000
        for _ in range(main_module.GC_AFTER + 1):
            gc.collect(1)
        await pilot.pause(0.2)
        assert gc.get_count()[2] < main_module.GC_AFTER
    assert gc.get_threshold() == thresholds  # and Python's own pace is back after


async def test_side_panel_moves_with_j_k_and_a_click_chooses(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main(app)
        view, article = await _open_and_go_to_panel(pilot, screen)
        assert len(article.figures) >= 2
        figures = screen.query_one("#figures", ItemList)
        assert figures.cursor is None
        await pilot.press("j", "j")
        await pilot.pause()
        assert figures.cursor == 1
        assert view._marked == [(article.figures[1].start, article.figures[1].end)]
        await pilot.press("k")
        await pilot.pause()
        assert figures.cursor == 0
        sources = screen.query_one("#sources", ItemList)
        assert sources.item_count >= 1
        await pilot.click(sources, offset=(3, 0))
        await pilot.pause()
        assert sources.cursor == 0
        assert app.focused is view  # a click chooses: the reader takes the focus
        assert view._marked and view._marked[0][0] in {s.start for s in article.sources}


async def test_a_phrase_shows_an_estimated_count_first_then_the_exact_one(
    tmp_path: Path,
) -> None:
    """A phrase of common words: the first page comes with "about N", the second pass
    replaces it with the exact count, and the hits stay the same."""
    folder = tmp_path / "banks"
    folder.mkdir()
    for n in range(640):
        words = "the central bank raised rates" if n % 2 == 0 else "a bank near the central square"
        (folder / f"{n:03d}.md").write_text(f"# Note {n}\n\nToday {words}. Item {n}.\n")
    library = Library(tmp_path / "lib")
    library.add([folder], procs=1)
    app = ReaderApp(library, notes_path=tmp_path / "notes.md", config=Config())
    shown: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        screen = main(app)
        show = screen._show_results

        def spy(*args: Any) -> None:
            show(*args)
            shown.append(status(app))

        screen._show_results = spy  # type: ignore[method-assign]
        await search(pilot, '"central bank"')
        assert len(shown) == 2
        assert shown[0].startswith("about ") and "articles match" in shown[0]
        assert shown[1].startswith("320 articles match, the best 100 listed")
        assert len(screen.query_one(ArticleList).rows) == 100
    library.close()
