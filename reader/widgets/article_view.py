"""The reader: one article, clean, with a passage cursor and highlighted spans.

A line-API view (like the article list): the article is wrapped once per width into
lines, and only the lines on screen are rendered. Opening an article is then a matter of
wrapping its text, not of mounting and styling a widget per paragraph. Lines carry
selection offsets, so the mouse can select text as in any Textual widget.

Every string comes from the article and is shown as data: lines are
:class:`~textual.content.Content` built from plain strings and spans, never markup, and
control characters are shown as symbols (:mod:`reader.widgets.safe`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich._wrap import divide_line  # what Content.wrap uses; a test holds them equal
from textual import events
from textual.binding import BindingType
from textual.cache import FIFOCache
from textual.content import Content, Span
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style

from reader.commands import bindings
from reader.widgets import highlights
from reader.widgets.line_view import LineView, fit_strip
from reader.widgets.safe import one_line, safe_text

if TYPE_CHECKING:
    from index.model import Article

Spans = list[tuple[int, int]]
PLACEHOLDER = "Choose an article in the list and press Enter, or press / to search."
BOOKMARK_MARK = "▌"
INDENT = 3
"""Columns left of the text: the bookmark mark, then space."""
RIGHT = 2
MEASURE = 92
"""Longest line of text: on a wide terminal, lines stay short enough to read."""


@dataclass(slots=True)
class _Line:
    content: Content
    """The whole line, margin included (what a selection copies)."""
    paragraph: int = -1
    """Index of the paragraph the line belongs to, or -1 (headline, captions...)."""


def _term_pattern(terms: Iterable[str]) -> re.Pattern[str] | None:
    words = sorted({t for t in terms if t and t.strip()}, key=len, reverse=True)
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<!\w)(?:{alternatives})\w*", re.IGNORECASE)


def _spans_in(spans: Iterable[tuple[int, int]], start: int, end: int) -> Spans:
    """Spans overlapping ``start``-``end``, relative to ``start`` and clipped to it."""
    return [(max(s, start) - start, min(e, end) - start) for s, e in spans if s < end and start < e]


class ArticleView(LineView, ScrollView, can_focus=True):
    """The article open in the reader."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("reader")

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-view--headline",
        "article-view--byline",
        "article-view--summary",
        "article-view--cursor",
        "article-view--bookmark",
        "article-view--caption",
        "article-view--captions-title",
        "article-view--placeholder",
    }

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
        self._lines: list[_Line] = []
        self._first_line: list[int] = []
        """First line of each paragraph."""
        self._width = 0
        self._generation = 0
        self._cache: FIFOCache[tuple[int, int, bool, bool], Strip] = FIFOCache(512)
        """Drawn lines. Not an LRUCache: clearing one leaves its ring of entries, and
        every strip in it, to the cyclic garbage collector (whose full passes stall a
        frame by as much as a tenth of a second once they pile up)."""
        self._breaks: dict[tuple[int, int], list[int]] = {}
        """Where each paragraph's lines break, by (paragraph, width)."""
        self._figures: Spans = []
        self._sources: Spans = []
        """The article's figure and source spans, listed once, not once per paragraph."""

    # Opening

    async def show(
        self,
        article: Article,
        *,
        terms: Iterable[str] = (),
        bookmarked: Spans | None = None,
        offset: int | None = None,
    ) -> None:
        """Show ``article``, with search ``terms`` highlighted and the cursor at ``offset``."""
        self.article = article
        self._offsets = article.paragraph_offsets()
        self._starts = [s for s, _e in self._offsets]
        self._marked = []
        self._bookmarked = list(bookmarked or [])
        self._current_hit = None
        self._breaks.clear()
        self._figures = [(f.start, f.end) for f in article.figures]
        self._sources = [(s.start, s.end) for s in article.sources]
        self._find_hits(terms)
        index = self.paragraph_at(offset) if offset is not None else 0
        self.set_reactive(ArticleView.cursor, index)
        self._layout()
        self.scroll_to(0, 0, animate=False, immediate=True)
        if offset is not None:
            self._show_cursor(center=True)

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

    # Laying out the article in lines

    def _style(self, name: str) -> Style:
        # The visual style keeps a colour's alpha ($text-muted is white at 60%), so it
        # is blended with what lies under it; a Rich style would lose it.
        return self.part_style(f"article-view--{name}")

    def _layout(self) -> None:
        """Wrap the article into lines for the current width."""
        width = self.scrollable_content_region.width
        self._width = width
        self._generation += 1
        self._cache.clear()
        text_width = max(10, min(MEASURE, width - INDENT - RIGHT))
        lines: list[_Line] = [_Line(Content(""))]
        self._first_line = []

        def block(content: Content, style: str | None = None) -> None:
            if style:
                content = content.stylize(self._style(style))
            for line in content.wrap(text_width):
                lines.append(_Line(Content(" " * INDENT) + line))

        article = self.article
        if article is None:
            block(Content(PLACEHOLDER), "placeholder")
        else:
            block(Content(one_line(article.title or "(untitled)")), "headline")
            byline = self._byline(article)
            if byline:
                block(Content(byline), "byline")
            if article.summary:
                lines.append(_Line(Content("")))
                for bullet in article.summary:
                    block(Content("• " + one_line(bullet)), "summary")
            if not self._offsets:
                lines.append(_Line(Content("")))
                block(Content("This article has no body text."), "placeholder")
            bookmark = self._style("bookmark")
            for index in range(len(self._offsets)):
                lines.append(_Line(Content("")))
                self._first_line.append(len(lines))
                marked = self.is_bookmarked(index)
                margin = Content.styled(BOOKMARK_MARK, bookmark) if marked else Content(" ")
                margin += Content(" " * (INDENT - 1))
                for line in self._wrap_paragraph(index, text_width):
                    lines.append(_Line(margin + line, index))
            if article.captions:
                lines.append(_Line(Content("")))
                lines.append(_Line(Content("")))
                block(Content("Captions"), "captions-title")
                for caption in article.captions:
                    lines.append(_Line(Content("")))
                    block(Content(one_line(caption)), "caption")
        lines.append(_Line(Content("")))
        self._lines = lines
        self.virtual_size = Size(width, len(lines))
        self.refresh()

    def _wrap_paragraph(self, index: int, width: int) -> list[Content]:
        """The paragraph's lines: ``content.wrap(width)``, with the breaks found once.

        Search terms, marks and highlights change only the spans of a paragraph, never
        where its lines break, and finding the breaks was two thirds of re-wrapping an
        article on every search keystroke.
        """
        content = self._paragraph_content(index)
        key = (index, width)
        offsets = self._breaks.get(key)
        if offsets is None:
            offsets = self._breaks[key] = divide_line(content.plain, width, fold=True)
        lines = content.divide(offsets)
        lines[:-1] = [line.rstrip() for line in lines[:-1]]
        return [line.truncate(width).rstrip_end(width) for line in lines]

    def _paragraph_content(self, index: int) -> Content:
        assert self.article is not None
        text = self.article.paragraphs[index]
        start, end = self._offsets[index]
        spans: list[Span] = []
        if self.show_highlights:
            for kind, found in (
                (highlights.FIGURE, self._figures),
                (highlights.SOURCE, self._sources),
            ):
                spans.extend(Span(s, e, kind) for s, e in _spans_in(found, start, end))
            spans.extend(Span(s, e, highlights.HIT) for s, e in _spans_in(self._hits, start, end))
            if self._current_hit is not None:
                current = [self._hits[self._current_hit]]
                spans.extend(
                    Span(s, e, highlights.CURRENT_HIT) for s, e in _spans_in(current, start, end)
                )
        spans.extend(Span(s, e, highlights.MARKED) for s, e in _spans_in(self._marked, start, end))
        return Content(safe_text(text), spans)

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._width:
            self._layout()
            self._show_cursor()

    # Rendering

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        number = scroll_y + y
        width = self.scrollable_content_region.width
        if number >= len(self._lines):
            return Strip.blank(width, self.base_style)
        line = self._lines[number]
        is_cursor = line.paragraph >= 0 and line.paragraph == self.cursor
        selection = self.text_selection
        key = (self._generation, number, is_cursor, self.has_focus)
        if selection is None and (strip := self._cache.get(key)) is not None:
            return strip
        base = self.base_style
        if is_cursor:
            base = base + self.get_component_rich_style("article-view--cursor", partial=True)
        content = line.content
        if selection is not None and (span := selection.get_span(number)) is not None:
            start, end = span
            end = len(content.plain) if end == -1 else end
            selected = self.screen.get_component_rich_style("screen--selection")
            content = content.stylize(Style.from_rich_style(selected), start, end)
        # The base style goes under every segment here, so the strip needs no apply_style.
        segments = content.render_segments(Style.from_rich_style(base))
        if scroll_x:  # never, in practice: lines are wrapped to the width
            strip = Strip(segments).crop_extend(scroll_x, scroll_x + width, base)
        else:
            strip = fit_strip(segments, content.cell_length, width, base)
        strip = strip.apply_offsets(scroll_x, number)
        if selection is None:
            self._cache.set(key, strip)
        return strip

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        text = "\n".join(line.content.plain for line in self._lines)
        return selection.extract(text), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self._cache.clear()
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # Cursor

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self._offsets) - 1))

    def watch_cursor(self) -> None:
        self._show_cursor()
        self.refresh()
        self.post_message(self.CursorMoved(self, self.cursor))

    def _paragraph_region(self, index: int) -> Region:
        first = self._first_line[index]
        last = self._first_line[index + 1] - 1 if index + 1 < len(self._first_line) else first
        if index + 1 >= len(self._first_line):
            last = first
            while last + 1 < len(self._lines) and self._lines[last + 1].paragraph == index:
                last += 1
        return Region(0, first, max(1, self._width), last - first + 1)

    def _show_cursor(self, center: bool = False) -> None:
        if not self._first_line:
            return
        region = self._paragraph_region(self.cursor)
        if center:
            height = self.scrollable_content_region.height
            top = max(0, region.y - max(0, (height - region.height) // 2))
            self.scroll_to(y=top, animate=False, immediate=True)
        else:
            self.scroll_to_region(region, animate=False, immediate=True, force=True)

    def action_next_passage(self) -> None:
        self.cursor += 1

    def action_previous_passage(self) -> None:
        self.cursor -= 1

    def on_click(self, event: events.Click) -> None:
        number = event.y + self.scroll_offset.y
        if 0 <= number < len(self._lines) and self._lines[number].paragraph >= 0:
            self.cursor = self._lines[number].paragraph

    @property
    def passage(self) -> tuple[int, int] | None:
        """Body offsets of the paragraph under the cursor."""
        if not self._offsets:
            return None
        return self._offsets[self.cursor]

    @property
    def paragraph_count(self) -> int:
        return len(self._offsets)

    def paragraph_lines(self, index: int) -> list[str]:
        """The text of a paragraph's lines as shown, margin included."""
        return [line.content.plain for line in self._lines if line.paragraph == index]

    def is_bookmarked(self, index: int) -> bool:
        start, end = self._offsets[index]
        return bool(_spans_in(self._bookmarked, start, end))

    # Highlights, search hits, marks and bookmarks

    def watch_show_highlights(self) -> None:
        self._layout()

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
        hits, current = self._hits, self._current_hit
        self._find_hits(terms)
        if self._hits == hits and current is None:
            return  # "peopl" and "people" (or a closing quote) mark the same words
        self._layout()

    @property
    def hit_count(self) -> int:
        return len(self._hits)

    def goto_hit(self, forward: bool = True) -> int | None:
        """Move to the next (or previous) search hit; its number from 1, or None."""
        if not self._hits:
            return None
        if self._current_hit is None:
            start = self._offsets[self.cursor][0] if self._offsets else 0
            starts = [s for s, _e in self._hits]
            index = bisect.bisect_left(starts, start)
            if forward:
                index = index if index < len(self._hits) else 0
            else:
                index -= 1
        else:
            index = self._current_hit + (1 if forward else -1)
        self._current_hit = index % len(self._hits)
        self._layout()
        self.cursor = self.paragraph_at(self._hits[self._current_hit][0])
        self._show_cursor(center=True)
        return self._current_hit + 1

    def mark(self, spans: Spans) -> None:
        """Mark these body spans (an item chosen in the side panel) and go to the first."""
        self._marked = sorted(spans)
        self._layout()
        if self._marked:
            self.cursor = self.paragraph_at(self._marked[0][0])
            self._show_cursor(center=True)

    def set_bookmarked(self, spans: Spans) -> None:
        """Bookmarked passages of this article, marked in the margin."""
        self._bookmarked = list(spans)
        self._layout()
