"""The reader: one article, clean, with a passage cursor and highlighted spans.

The article is a column of small widgets (headline, byline, summary, one
:class:`Passage` per paragraph, captions) so that the mouse can select text in it.
Every string comes from the article and is shown as data: widgets get
:class:`~textual.content.Content` built from plain strings and spans, never markup.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content, Span
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from reader.commands import bindings
from reader.widgets import highlights
from reader.widgets.safe import one_line, safe_text

if TYPE_CHECKING:
    from index.model import Article

Spans = list[tuple[int, int]]
PLACEHOLDER = "Choose an article in the list and press Enter, or press / to search."


class Passage(Static):
    """One paragraph of the body; the passage cursor moves from one to the next."""

    ALLOW_MAXIMIZE = False

    @dataclass
    class Clicked(Message):
        passage: Passage

        @property
        def control(self) -> Passage:
            return self.passage

    def __init__(self, index: int, start: int, end: int) -> None:
        super().__init__(classes="passage")
        self.index = index
        self.start = start
        self.end = end

    def on_click(self) -> None:
        self.post_message(self.Clicked(self))


def _term_pattern(terms: Iterable[str]) -> re.Pattern[str] | None:
    words = sorted({t for t in terms if t and t.strip()}, key=len, reverse=True)
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<!\w)(?:{alternatives})\w*", re.IGNORECASE)


def _spans_in(spans: Iterable[tuple[int, int]], start: int, end: int) -> Spans:
    """Spans overlapping ``start``-``end``, relative to ``start`` and clipped to it."""
    return [(max(s, start) - start, min(e, end) - start) for s, e in spans if s < end and start < e]


class ArticleView(VerticalScroll, can_focus=True):
    """The article open in the reader."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("reader")

    cursor: reactive[int] = reactive(0, init=False)
    """Index of the paragraph under the passage cursor."""
    show_highlights: reactive[bool] = reactive(True, init=False)
    """Whether figures, sources and search hits are highlighted."""

    @dataclass
    class CursorMoved(Message):
        """The passage cursor moved (by key, click, hit or side panel)."""

        article_view: ArticleView
        index: int

        @property
        def control(self) -> ArticleView:
            return self.article_view

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self._offsets: list[tuple[int, int]] = []
        self._starts: list[int] = []
        self._hits: Spans = []
        self._current_hit: int | None = None
        self._marked: Spans = []
        self._bookmarked: Spans = []
        self._passages: list[Passage] = []

    def compose(self) -> ComposeResult:
        yield Static(PLACEHOLDER, id="placeholder", classes="placeholder")
        yield Static(id="headline", classes="headline")
        yield Static(id="byline", classes="byline")
        yield Static(id="summary", classes="summary")
        yield Vertical(id="passages")
        yield Static("Captions", id="captions-title", classes="captions-title")
        yield Vertical(id="captions")

    def on_mount(self) -> None:
        for name in ("headline", "byline", "summary", "captions-title"):
            self.query_one(f"#{name}").display = False

    # Opening

    async def show(
        self,
        article: Article,
        *,
        terms: Iterable[str] = (),
        bookmarked: Spans | None = None,
        offset: int | None = None,
    ) -> None:
        """Show ``article``, with search ``terms`` highlighted and the cursor at ``offset``.

        The paragraph and caption widgets are reused from one article to the next (new
        ones are mounted only when an article is longer than any before): mounting and
        styling widgets is most of the cost of opening an article.
        """
        self.article = article
        self._offsets = article.paragraph_offsets()
        self._starts = [s for s, _e in self._offsets]
        self._marked = []
        self._bookmarked = list(bookmarked or [])
        self._current_hit = None
        self._find_hits(terms)

        passages_box = self.query_one("#passages", Vertical)
        pool = list(passages_box.query_children(Passage))
        extra = [Passage(i, 0, 0) for i in range(len(pool), len(self._offsets))]
        captions_box = self.query_one("#captions", Vertical)
        caption_pool = list(captions_box.query_children(Static))
        extra_captions = [
            Static(classes="caption") for _ in range(len(caption_pool), len(article.captions))
        ]
        with self.app.batch_update():
            if extra:
                await passages_box.mount_all(extra)
            if extra_captions:
                await captions_box.mount_all(extra_captions)
            pool += extra
            caption_pool += extra_captions
            self._passages = pool[: len(self._offsets)]
            for index, passage in enumerate(pool):
                if index < len(self._offsets):
                    passage.index = index
                    passage.start, passage.end = self._offsets[index]
                    passage.update(self._passage_content(passage))
                passage.display = index < len(self._offsets)
            for index, caption in enumerate(caption_pool):
                if index < len(article.captions):
                    caption.update(Content(one_line(article.captions[index])))
                caption.display = index < len(article.captions)
            self._set_block("headline", one_line(article.title or "(untitled)"))
            self._set_block("byline", self._byline(article))
            self._set_block("summary", "\n".join("• " + one_line(b) for b in article.summary))
            self.query_one("#captions-title").display = bool(article.captions)
            placeholder = self.query_one("#placeholder", Static)
            placeholder.display = not self._offsets
            if not self._offsets:
                placeholder.update("This article has no body text.")
            self._mark_bookmarked()
            self.scroll_home(animate=False, immediate=True)
            index = self.paragraph_at(offset) if offset is not None else 0
            self.set_reactive(ArticleView.cursor, index)
            self._show_cursor(center=offset is not None)

    def _set_block(self, name: str, text: str) -> None:
        block = self.query_one(f"#{name}", Static)
        block.update(Content(text))
        block.display = bool(text)

    @staticmethod
    def _byline(article: Article) -> str:
        when = (article.published or "").replace("T", " ")[:16]
        authors = ", ".join(article.authors)
        parts = [f"By {authors}" if authors else "", article.outlet or "", when]
        return one_line(" · ".join(p for p in parts if p))

    def paragraph_at(self, offset: int) -> int:
        """The index of the paragraph holding ``offset`` of the body."""
        if not self._starts:
            return 0
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    # Rendering a paragraph

    def _passage_content(self, passage: Passage) -> Content:
        assert self.article is not None
        text = self.article.paragraphs[passage.index]
        spans: list[Span] = []
        start, end = passage.start, passage.end
        if self.show_highlights:
            figures = [(f.start, f.end) for f in self.article.figures]
            sources = [(s.start, s.end) for s in self.article.sources]
            for kind, found in ((highlights.FIGURE, figures), (highlights.SOURCE, sources)):
                spans.extend(Span(s, e, kind) for s, e in _spans_in(found, start, end))
            spans.extend(Span(s, e, highlights.HIT) for s, e in _spans_in(self._hits, start, end))
            if self._current_hit is not None:
                current = [self._hits[self._current_hit]]
                spans.extend(
                    Span(s, e, highlights.CURRENT_HIT) for s, e in _spans_in(current, start, end)
                )
        spans.extend(Span(s, e, highlights.MARKED) for s, e in _spans_in(self._marked, start, end))
        return Content(safe_text(text), spans)

    def _rerender(self) -> None:
        for passage in self._passages:
            passage.update(self._passage_content(passage))

    def _mark_bookmarked(self) -> None:
        for passage in self._passages:
            passage.set_class(
                bool(_spans_in(self._bookmarked, passage.start, passage.end)), "-bookmarked"
            )

    # Cursor

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self._passages) - 1))

    def watch_cursor(self) -> None:
        self._show_cursor()
        self.post_message(self.CursorMoved(self, self.cursor))

    def _show_cursor(self, center: bool = False) -> None:
        for passage in self._passages:
            passage.set_class(passage.index == self.cursor, "-cursor")
        if self._passages:
            passage = self._passages[self.cursor]
            if center:
                self.call_after_refresh(self.scroll_to_center, passage, animate=False)
            else:
                self.call_after_refresh(self.scroll_to_widget, passage, animate=False)

    def action_next_passage(self) -> None:
        self.cursor += 1

    def action_previous_passage(self) -> None:
        self.cursor -= 1

    @on(Passage.Clicked)
    def _passage_clicked(self, event: Passage.Clicked) -> None:
        event.stop()
        self.cursor = event.passage.index

    @property
    def passages(self) -> list[Passage]:
        """The paragraph widgets of the open article, in order."""
        return self._passages

    @property
    def passage(self) -> tuple[int, int] | None:
        """Body offsets of the paragraph under the cursor."""
        if not self._passages:
            return None
        passage = self._passages[self.cursor]
        return passage.start, passage.end

    # Highlights, search hits, marks and bookmarks

    def watch_show_highlights(self) -> None:
        self._rerender()

    def _find_hits(self, terms: Iterable[str]) -> None:
        self._hits = []
        self._current_hit = None
        pattern = _term_pattern(terms)
        if pattern is None or self.article is None:
            return
        for start, end in self._offsets:
            para = self.article.body[start:end]
            self._hits.extend((start + m.start(), start + m.end()) for m in pattern.finditer(para))

    def set_terms(self, terms: Iterable[str]) -> None:
        """Highlight these search terms (lowercased words) in the text."""
        if self.article is None:
            return
        self._find_hits(terms)
        self._rerender()

    @property
    def hit_count(self) -> int:
        return len(self._hits)

    def goto_hit(self, forward: bool = True) -> int | None:
        """Move to the next (or previous) search hit; its number from 1, or None."""
        if not self._hits:
            return None
        if self._current_hit is None:
            start = self._passages[self.cursor].start if self._passages else 0
            starts = [s for s, _e in self._hits]
            if forward:
                index = bisect.bisect_left(starts, start)
                index = index if index < len(self._hits) else 0
            else:
                index = bisect.bisect_left(starts, start) - 1
        else:
            index = self._current_hit + (1 if forward else -1)
        self._current_hit = index % len(self._hits)
        self._rerender()
        self.cursor = self.paragraph_at(self._hits[self._current_hit][0])
        self._show_cursor(center=True)
        return self._current_hit + 1

    def mark(self, spans: Spans) -> None:
        """Mark these body spans (an item chosen in the side panel) and go to the first."""
        self._marked = sorted(spans)
        self._rerender()
        if self._marked:
            self.cursor = self.paragraph_at(self._marked[0][0])
            self._show_cursor(center=True)

    def set_bookmarked(self, spans: Spans) -> None:
        """Bookmarked passages of this article, marked in the margin."""
        self._bookmarked = list(spans)
        self._mark_bookmarked()
