"""The main screen: search box, article list, reader, side panel, footer."""

from __future__ import annotations

import gc
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input

from reader.cli import _display_path
from reader.commands import Scope, bindings
from reader.messages import OpenArticle
from reader.widgets.article_list import ArticleList
from reader.widgets.article_view import ArticleView
from reader.widgets.key_footer import KeyFooter
from reader.widgets.search_box import QueryInput, SearchBox
from reader.widgets.side_panel import SidePanel

if TYPE_CHECKING:
    from index.notes import Bookmark
    from index.search import SearchResults
    from reader.app import ReaderApp


GC_EVERY = 0.5
"""Seconds between checks for a full garbage collection (big libraries)."""
GC_AFTER = 10
"""Middle-generation collections that call for a full one (Python's default)."""
FIRST_RESULTS = 20
"""Hits listed first, with snippets; the rest of the list follows without them."""
FIRST_ROWS = 500
"""Articles listed before the whole list has been read (it follows from a worker)."""
MORE_AFTER = 0.25
"""Seconds the rest of the list waits for, so it never slows the first page or typing."""


class MainScreen(Screen[None]):
    """Search on top, the article list, the reader and the side panel."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("main")
    AUTO_FOCUS = "ArticleList"

    def __init__(self) -> None:
        super().__init__()
        self._all_rows: Sequence[Any] = ()
        self._terms: list[str] = []
        self._generation = 0
        """Bumped on every change of the query; results of older queries are dropped."""
        self._first_ms = 0.0
        self.results: SearchResults | None = None
        """The last good search results shown (None when browsing)."""
        self._gc_threshold: tuple[int, int, int] | None = None
        """Python's collection thresholds while full collections run from a timer."""

    @property
    def reader_app(self) -> ReaderApp:
        return cast("ReaderApp", self.app)

    def compose(self) -> ComposeResult:
        yield SearchBox(id="search")
        with Horizontal(id="panes"):
            yield ArticleList(id="articles")
            yield ArticleView(id="reader")
            yield SidePanel(id="side-panel")
        yield KeyFooter()

    def part(self, scope: Scope) -> Widget:
        """The widget that runs a scope's commands."""
        return {
            "list": self.article_list,
            "reader": self.article_view,
            "search": self.query_input,
        }.get(scope, self)

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def article_view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def side_panel(self) -> SidePanel:
        return self.query_one(SidePanel)

    @property
    def query_input(self) -> QueryInput:
        return self.query_one(QueryInput)

    async def on_mount(self) -> None:
        app = self.reader_app
        self.set_class(not app.state.panel_visible, "-panel-hidden")
        self.article_list.set_marks(app.state.read, app.bookmark_counts)
        try:
            # A first page paints at once; the whole list follows from a worker.
            self._all_rows = app.rows(limit=FIRST_ROWS)
        except Exception as exc:  # a damaged library: say so, keep the app up
            self.notify(f"cannot list the library: {exc}", severity="error", markup=False)
            self._all_rows = []
        self.call_after_refresh(self._warm_search)  # after the first paint, not before
        if len(self._all_rows) == FIRST_ROWS:
            self._load_all_rows()
        last = app.state.last_article
        self.article_list.set_rows(self._all_rows, searching=False, keep_id=last)
        if not self._all_rows:
            self.query_one("#search", SearchBox).set_status(
                "The library is empty. Add articles with: reader add PATH"
            )
        elif last:
            await self.open_article(last, focus=False, quiet=True)

    @work(thread=True, group="rows")
    def _load_all_rows(self) -> None:
        app = self.reader_app
        try:
            rows = app.rows()
        except Exception as exc:
            message = f"cannot list the library: {exc}"
            app.call_from_thread(self.notify, message, severity="error", markup=False)
            return
        app.call_from_thread(self._all_rows_loaded, rows)

    def _all_rows_loaded(self, rows: Sequence[Any]) -> None:
        self._all_rows = rows
        # A 100,000-article list is a few hundred thousand long-lived objects; left to
        # the cyclic collector, each full collection walks them all and stalls a
        # keystroke by ~80 ms. Freezing moves what exists now out of its sight
        # (refcounting still frees these objects when they are dropped).
        gc.freeze()
        # Textual's strips keep themselves in their own caches, so every frame leaves
        # cyclic garbage, and Python's full collections, triggered by allocation, fall
        # in the middle of an open or a search (10-25 ms each, one every few actions).
        # They run from a timer instead, at the same pace, so they rarely meet an action.
        if self._gc_threshold is None:
            self._gc_threshold = gc.get_threshold()
            young, middle, _full = self._gc_threshold
            gc.set_threshold(young, middle, 1 << 30)
            self.set_interval(GC_EVERY, self._collect_garbage)
        if self.results is None and not self.query_input.value.strip():
            self.article_list.set_rows(rows, searching=False, keep_id=self.article_list.current_id)

    def library_changed(self, rows: Sequence[Any]) -> None:
        """Another process changed the library: list it again and run the search again,
        keeping the cursor on the article it was on."""
        before = {row.id for row in self._all_rows}
        added = sum(1 for row in rows if row.id not in before)
        self._all_rows = rows
        text = self.query_input.value.strip()
        if text:
            self._generation += 1
            self._search(text, self._generation, keep=True)
        else:
            self.article_list.set_rows(rows, searching=False, keep_id=self.article_list.current_id)
        if added and before:
            noun = "article" if added == 1 else "articles"
            self.notify(f"{added} new {noun} in the library", timeout=4, markup=False)

    @staticmethod
    def _collect_garbage() -> None:
        if gc.get_count()[2] >= GC_AFTER:  # as often as Python's default would
            gc.collect()

    def on_unmount(self) -> None:
        if self._gc_threshold is not None:  # the timer stops with the screen
            gc.set_threshold(*self._gc_threshold)
            self._gc_threshold = None

    # Opening articles

    async def open_article(
        self,
        article_id: str,
        *,
        offset: int | None = None,
        focus: bool = True,
        quiet: bool = False,
    ) -> None:
        """Show an article in the reader (and its figures and sources in the panel)."""
        from index.library import ArticleNotFound

        app = self.reader_app
        try:
            article = app.get_article(article_id)
        except ArticleNotFound as exc:
            if not quiet:  # quiet: the last article of a previous run, since removed
                self.notify(str(exc), severity="error", markup=False)
            return
        except Exception as exc:
            self.notify(f"cannot open the article: {exc}", severity="error", markup=False)
            return
        spans = [(bm.start, bm.end) for bm in app.bookmarks.get(article.id, [])]
        await self.article_view.show(article, terms=self._terms, bookmarked=spans, offset=offset)
        self.side_panel.show(article)
        self.article_list.move_to(article.id)
        if app.state.mark_read(article.id):
            self.article_list.refresh_marks(article.id)
        app.state.last_article = article.id
        if app.state.error:
            self.notify(app.state.error, severity="warning", markup=False)
            app.state.error = None
        if focus:
            # At once, not deferred as widget.focus() is: the focus change then lands in
            # the frame that shows the article, not in a second full-screen frame after it.
            self.set_focus(self.article_view)

    @on(ArticleList.Opened)
    async def _list_opened(self, event: ArticleList.Opened) -> None:
        await self.open_article(event.article_id)

    @on(OpenArticle)
    async def _open_requested(self, event: OpenArticle) -> None:
        await self.open_article(event.article_id, offset=event.offset)

    @on(SidePanel.ItemChosen)
    def _panel_item(self, event: SidePanel.ItemChosen) -> None:
        self.article_view.mark(event.spans)
        if event.chosen:
            self.article_view.focus()

    # Search

    @on(Input.Changed, "#query")
    def _query_changed(self, event: Input.Changed) -> None:
        self._generation += 1
        text = event.value.strip()
        if not text:
            self._browse()
            return
        self._search(text, self._generation)

    @work(thread=True, group="warm-search")
    def _warm_search(self) -> None:
        """Open the index before the first query, so that query is as quick as the rest."""
        try:
            self.reader_app.warm_search()
        except Exception:  # the first search will say what is wrong
            return

    @work(thread=True, exclusive=True, group="search")
    def _search(self, text: str, generation: int, keep: bool = False) -> None:
        from index.search import QueryError

        app = self.reader_app
        if generation != self._generation:
            return  # typed over before it started
        limit = app.config.search_limit
        first = min(FIRST_RESULTS, limit)
        try:
            # The first page may come with an estimated count (a phrase of common
            # words); the second pass below counts exactly.
            results = app.search(text, limit=first, exact_count=False)
            app.call_from_thread(self._show_results, generation, results, False, keep)
            if results.total <= first and not results.estimated:
                return
            time.sleep(MORE_AFTER)  # let the first page paint, and the user type on
            if generation != self._generation:
                return
            # The rest of the list, without snippets (they cost a few ms a hit).
            more = app.search(text, limit=limit, snippets=False)
        except QueryError as exc:
            app.call_from_thread(self._query_error, generation, str(exc))
            return
        except Exception as exc:
            app.call_from_thread(self._query_error, generation, f"search failed: {exc}")
            return
        more.hits[: len(results.hits)] = results.hits
        app.call_from_thread(self._show_results, generation, more, True)

    def _query_error(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.query_one(SearchBox).set_status(message, error=True)

    def _show_results(
        self,
        generation: int,
        results: SearchResults,
        more: bool = False,
        keep_cursor: bool = False,
    ) -> None:
        """Show a search's hits: its first page (the cursor to the top, unless
        ``keep_cursor``), or the whole list after it (``more``: the cursor kept)."""
        if generation != self._generation:
            return  # stale: the query changed while this one ran
        self.results = results
        self._terms = list(results.terms)
        keep = self.article_list.current_id if more or keep_cursor else None
        self.article_list.set_rows(results.hits, searching=True, keep_id=keep)
        shown = len(results.hits)
        about = "about " if results.estimated else ""
        count = f"{about}{results.total} article{'s' if results.total != 1 else ''} match"
        if results.total > shown:
            count += f", the best {shown} listed"
        if not more:
            self._first_ms = results.seconds * 1000
        self.query_one(SearchBox).set_status(f"{count} · {self._first_ms:.0f} ms")
        self.article_view.set_terms(self._terms)

    def _browse(self) -> None:
        self.results = None
        self._terms = []
        article = self.article_view.article
        self.article_list.set_rows(
            self._all_rows, searching=False, keep_id=article.id if article else None
        )
        self.query_one(SearchBox).set_status("")
        self.article_view.set_terms([])

    @on(QueryInput.ToResults)
    def _to_results(self) -> None:
        self.article_list.focus()

    def action_focus_search(self) -> None:
        # At once, not deferred as widget.focus() is: keys typed right after `/` are
        # already queued and must reach the box.
        self.set_focus(self.query_input)

    def action_leave_search(self) -> None:
        if self.query_input.has_focus:
            self.article_list.focus()
        elif self.query_input.value:
            self.query_input.value = ""
            self.article_list.focus()

    def action_next_hit(self) -> None:
        self._goto_hit(forward=True)

    def action_previous_hit(self) -> None:
        self._goto_hit(forward=False)

    def _goto_hit(self, forward: bool) -> None:
        view = self.article_view
        if view.article is None:
            self.notify("Open an article first (Enter in the list).", markup=False)
            return
        if not self._terms:
            self.notify("No search: press / and type what to look for.", markup=False)
            return
        number = view.goto_hit(forward)
        if number is None:
            self.notify("No search hits in this article.", markup=False)
        else:
            self.query_one(SearchBox).set_status(
                f"hit {number} of {view.hit_count} in this article"
            )

    # Highlights and panel

    def action_toggle_highlights(self) -> None:
        view = self.article_view
        view.show_highlights = not view.show_highlights
        self.notify(f"Highlights {'on' if view.show_highlights else 'off'}", markup=False)

    def action_toggle_panel(self) -> None:
        if self.has_class("-narrow"):
            # No room to keep it: shown on demand, the choice is not remembered.
            self.toggle_class("-panel-open")
        else:
            self.toggle_class("-panel-hidden")
            self.reader_app.state.panel_visible = not self.has_class("-panel-hidden")
        panel = self.side_panel
        if not panel.display and panel.has_focus_within:
            self.article_view.focus()

    # Bookmarks

    def _selection_span(self) -> tuple[int, int] | None:
        """Body offsets of the mouse selection in the reader, when there is one."""
        return self.article_view.selection_span()

    def _passage_to_bookmark(self) -> tuple[int, int] | None:
        if self.article_view.article is None:
            self.notify("Open an article first, then bookmark a passage.", markup=False)
            return None
        span = self._selection_span() or self.article_view.passage
        if span is None:
            self.notify("This article has no text to bookmark.", markup=False)
        return span

    def action_bookmark(self) -> None:
        span = self._passage_to_bookmark()
        if span is not None:
            self._write_bookmark(span, "")

    def action_bookmark_with_note(self) -> None:
        from reader.dialogs.note import NoteDialog

        span = self._passage_to_bookmark()
        article = self.article_view.article
        if span is None or article is None:
            return
        quote = article.body[span[0] : span[1]]
        marked = {(b.start, b.end) for b in self.reader_app.bookmarks.get(article.id, [])}

        def save(note: str | None) -> None:
            if note is not None:
                self._write_bookmark(span, note)

        self.app.push_screen(NoteDialog(quote, bookmarked=span in marked), save)

    def _write_bookmark(self, span: tuple[int, int], note: str) -> None:
        from index.notes import NotesError, NotesFile, make_bookmark

        app = self.reader_app
        article = self.article_view.article
        if article is None:
            return
        noted = False
        try:
            bm = make_bookmark(
                article,
                span[0],
                span[1],
                note=note,
                display_path=_display_path(article.paths[0]) if article.paths else "",
            )
            added = app.add_bookmark(bm)
            if not added and bm.note:
                # Bookmarked already: the note goes to that bookmark, not lost.
                noted = NotesFile(app.notes_path).save(bm) == "noted"
                if noted:
                    app.load_bookmarks()
        except NotesError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        except Exception as exc:  # never lose the app over a bookmark
            self.notify(f"cannot bookmark: {exc}", severity="error", markup=False)
            return
        where = app.display_path(app.notes_path)
        if added:
            self.notify(f"Bookmarked {bm.location} in {where}", markup=False)
            self.clear_selection()
            self.article_view.set_bookmarked(
                [(b.start, b.end) for b in app.bookmarks.get(article.id, [])]
            )
            self.article_list.refresh_marks(article.id)
        elif noted:
            self.notify(f"Note added to your bookmark of {bm.location} in {where}", markup=False)
        else:
            self.notify(f"Already bookmarked: {bm.location} is in {where}", markup=False)

    def action_open_notes(self) -> None:
        from reader.screens.notes import NotesScreen

        app = self.reader_app
        app.load_bookmarks()
        self.article_list.refresh_marks()

        def opened(bm: Bookmark | None) -> None:
            if bm is not None:
                self.post_message(OpenArticle(bm.article_id, bm.start))

        app.push_screen(NotesScreen(), opened)
