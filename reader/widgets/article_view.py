"""The reader: one article, clean, with a passage cursor and highlighted spans.

A line-API view (like the article list) that does only what the screen shows. The
article is a run of blocks (the headline, the byline, each summary bullet, each
paragraph, each caption), and a block is wrapped into lines only when it comes into view:

- Each block has a height in lines. Blocks that have been on screen (or near the
  passage cursor) are *measured*: their line breaks were found, and their height is
  exact. The others have an estimate from their length. A short article is measured
  whole when it is laid out, so its scrollbar is exact; a 19 MB one is measured a screen
  at a time, and opening it costs what one screen costs.
- When a measured height differs from its estimate, the blocks below move; the view
  keeps the line at its top where it was.
- Highlights (figures, sources, search hits, marks, bookmarks) are looked up per block
  in sorted span lists, and search hits are found in a paragraph when it is drawn: none
  of it walks the whole article. Changing them re-styles the blocks on screen only.

Lines carry selection offsets, so the mouse can select text as in any Textual widget.

Every string comes from the article and is shown as data: lines are
:class:`~textual.content.Content` built from plain strings and spans, never markup, and
control characters are shown as symbols (:mod:`reader.widgets.safe`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import TYPE_CHECKING, ClassVar

from rich._wrap import divide_line  # what Content.wrap uses; a test holds them equal
from textual import events
from textual.actions import SkipAction
from textual.binding import BindingType
from textual.cache import FIFOCache
from textual.content import Content, Span
from textual.geometry import Offset, Region, Size
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
MEASURE_ALL_UP_TO = 50_000
"""Characters of text up to which an article is measured whole when it is laid out
(about 30 ms); a longer one is measured as it comes into view."""
BLOCK_CACHE = 1024
"""Blocks kept wrapped and styled (a screen shows a few dozen at most)."""
MEASURE_PASSES = 8
"""Bound on the passes that measure the screen (each one measures what the previous
one's corrected heights brought into view; two are the most seen)."""


@dataclass(slots=True)
class _Line:
    content: Content
    """The whole line, margin included (what a selection copies)."""
    paragraph: int = -1
    """Index of the paragraph the line belongs to, or -1 (headline, captions...)."""


_BLANK = _Line(Content(""))


@dataclass(slots=True, frozen=True)
class _Block:
    """A block of the article that is not a paragraph: headline, byline, bullet..."""

    gap: int
    """Blank lines above it."""
    text: str | None
    """What it shows (safe, on one line); None for blank lines only."""
    style: str = ""
    """Its component class (``article-view--<style>``)."""


class _SpanIndex:
    """Spans sorted by start, to find those over a paragraph without a walk of all."""

    __slots__ = ("_ends", "_longest", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _e in ordered]
        self._ends = [e for _s, e in ordered]
        self._longest = max((e - s for s, e in ordered), default=0)

    def within(self, start: int, end: int) -> Spans:
        """Spans overlapping ``start``-``end``, relative to ``start`` and clipped to it."""
        starts = self._starts
        if not starts:
            return []
        low = bisect.bisect_left(starts, start - self._longest)
        high = bisect.bisect_left(starts, end)
        ends = self._ends
        return [
            (max(starts[i], start) - start, min(ends[i], end) - start)
            for i in range(low, high)
            if start < ends[i]
        ]


def _term_pattern(terms: Iterable[str]) -> re.Pattern[str] | None:
    words = sorted({t for t in terms if t and t.strip()}, key=len, reverse=True)
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<!\w)(?:{alternatives})\w*", re.IGNORECASE)


def _spans_in(spans: Iterable[tuple[int, int]], start: int, end: int) -> Spans:
    """Spans overlapping ``start``-``end``, relative to ``start`` and clipped to it."""
    return [(max(s, start) - start, min(e, end) - start) for s, e in spans if s < end and start < e]


def _estimate(length: int, width: int) -> int:
    """Lines a text of ``length`` characters is likely to take, wrapped at ``width``."""
    # Word wrapping leaves about half a word free at the end of a line.
    return max(1, -(-length // max(1, width - 3)))


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
        self._pattern: re.Pattern[str] | None = None
        """Search terms as a pattern; hits are found per paragraph as it is drawn."""
        self._all_hits: Spans | None = None
        """Every hit of the article, found when first asked for (``n``, the count)."""
        self._current_hit: int | None = None
        self._marked: Spans = []
        self._bookmarked: Spans = []
        self._figures = _SpanIndex(())
        self._sources = _SpanIndex(())
        self._marks = _SpanIndex(())
        self._bookmarks = _SpanIndex(())
        # The blocks: the head (headline, byline, summary), one per paragraph, the tail
        # (captions, a last blank line).
        self._head: list[_Block] = []
        self._tail: list[_Block] = []
        self._heights: list[int] = []
        """Lines of each block, blank lines above included: exact once measured."""
        self._measured = bytearray()
        self._tops: list[int] = [0]
        """First line of each block, and the line count last."""
        self._measuring = False
        self._width = 0
        self._text_width = 10
        self._generation = 0
        """Bumped when the styles of the lines change (terms, marks, a new layout)."""
        self._blocks: FIFOCache[int, list[_Line]] = FIFOCache(BLOCK_CACHE)
        """Blocks wrapped and styled, by block index, for the current generation."""
        self._cache: FIFOCache[tuple[int, int, bool, bool], Strip] = FIFOCache(512)
        """Drawn lines. Not an LRUCache: clearing one leaves its ring of entries, and
        every strip in it, to the cyclic garbage collector (whose full passes stall a
        frame by as much as a tenth of a second once they pile up)."""
        self._breaks: dict[tuple[int, int], list[int]] = {}
        """Where each paragraph's lines break, by (paragraph, width)."""

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
        self._marks = _SpanIndex(())
        self.set_bookmarked(bookmarked or [], restyle=False)
        self._breaks.clear()
        self._figures = _SpanIndex((f.start, f.end) for f in article.figures)
        self._sources = _SpanIndex((s.start, s.end) for s in article.sources)
        self._set_pattern(_term_pattern(terms))
        index = self.paragraph_at(offset) if offset is not None else 0
        self.set_reactive(ArticleView.cursor, index)
        self._layout()
        self.scroll_to(0, 0, animate=False, immediate=True)
        self._measure_screen()
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

    # Laying out the article in blocks

    def _style(self, name: str) -> Style:
        # The visual style keeps a colour's alpha ($text-muted is white at 60%), so it
        # is blended with what lies under it; a Rich style would lose it.
        return self.part_style(f"article-view--{name}")

    def _layout(self) -> None:
        """Lay the article out in blocks for the current width, with estimated heights
        (exact for a short article)."""
        width = self.scrollable_content_region.width
        self._width = width
        self._text_width = text_width = max(10, min(MEASURE, width - INDENT - RIGHT))
        self._restyle(refresh=False)
        head: list[_Block] = []
        tail: list[_Block] = []
        article = self.article
        if article is None:
            head.append(_Block(1, PLACEHOLDER, "placeholder"))
        else:
            head.append(_Block(1, one_line(article.title or "(untitled)"), "headline"))
            byline = self._byline(article)
            if byline:
                head.append(_Block(0, byline, "byline"))
            for number, bullet in enumerate(article.summary):
                head.append(_Block(1 if number == 0 else 0, "• " + one_line(bullet), "summary"))
            if not self._offsets:
                head.append(_Block(1, "This article has no body text.", "placeholder"))
            for number, caption in enumerate(article.captions):
                if number == 0:
                    tail.append(_Block(2, "Captions", "captions-title"))
                tail.append(_Block(1, one_line(caption), "caption"))
        tail.append(_Block(1, None))
        self._head, self._tail = head, tail
        paragraphs = article.paragraphs if article is not None and self._offsets else []
        heights = [block.gap + _estimate(len(block.text or ""), text_width) for block in head]
        heights += [1 + _estimate(len(text), text_width) for text in paragraphs]
        heights += [block.gap + (_estimate(len(block.text), text_width) if block.text else 0)
                    for block in tail]  # fmt: skip
        self._heights = heights
        self._measured = bytearray(len(heights))
        size = sum(len(b.text or "") for b in head + tail) + sum(len(p) for p in paragraphs)
        if size <= MEASURE_ALL_UP_TO:
            for block in range(len(heights)):
                self._measure(block)
        self._tops = list(accumulate(heights, initial=0))
        self.virtual_size = Size(width, self._tops[-1])
        self.refresh()

    @property
    def _block_count(self) -> int:
        return len(self._heights)

    def _paragraph_of(self, block: int) -> int:
        """The paragraph a block shows, or -1."""
        index = block - len(self._head)
        return index if 0 <= index < len(self._offsets) else -1

    def _other_block(self, block: int) -> _Block:
        head = len(self._head)
        if block < head:
            return self._head[block]
        return self._tail[block - head - len(self._offsets)]

    def _block_at(self, line: int) -> int:
        """The block holding a line (the last block for lines past the end)."""
        block = bisect.bisect_right(self._tops, line) - 1
        return max(0, min(block, self._block_count - 1))

    def _measure(self, block: int) -> bool:
        """Find a block's exact height; True when it differs from what it was."""
        if self._measured[block]:
            return False
        self._measured[block] = 1
        paragraph = self._paragraph_of(block)
        if paragraph >= 0:
            height = 1 + len(self._paragraph_breaks(paragraph, self._text_width)) + 1
        else:
            other = self._other_block(block)
            lines = len(Content(other.text).wrap(self._text_width)) if other.text else 0
            height = other.gap + lines
        if height == self._heights[block]:
            return False
        self._heights[block] = height
        return True

    def _heights_changed(self, first: int) -> None:
        """Block heights from block ``first`` on changed: move what follows, keeping the
        line at the top of the view where it is."""
        top = self.scroll_offset.y
        anchor = self._block_at(top)
        into = top - self._tops[anchor]
        self._tops = list(accumulate(self._heights, initial=0))
        self._cache.clear()  # drawn lines are cached by line number
        self.virtual_size = Size(self._width, self._tops[-1])
        if first < anchor:
            self.scroll_to(y=self._tops[anchor] + into, animate=False, immediate=True)
        elif top > self.max_scroll_y:
            self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)
        self.refresh()

    def _measure_screen(self) -> None:
        """Measure the blocks on screen, so what is drawn is where it belongs."""
        if self._measuring or not self._heights:
            return
        self._measuring = True
        try:
            for _pass in range(MEASURE_PASSES):
                top = self.scroll_offset.y
                bottom = top + max(1, self.scrollable_content_region.height)
                first = block = self._block_at(top)
                line = self._tops[block]
                changed = False
                while block < self._block_count and line < bottom:
                    changed = self._measure(block) or changed
                    line += self._heights[block]
                    block += 1
                if not changed:
                    return
                self._heights_changed(first)
        finally:
            self._measuring = False

    def _measure_around(self, block: int) -> None:
        """Measure a block and a screen of blocks either side of it (before the view
        scrolls to it, so that it lands where the scroll meant it to)."""
        reach = max(1, self.scrollable_content_region.height)
        first = block
        changed = self._measure(block)
        lines = 0
        while first > 0 and lines < reach:
            first -= 1
            changed = self._measure(first) or changed
            lines += self._heights[first]
        after, lines = block + 1, 0
        while after < self._block_count and lines < reach:
            changed = self._measure(after) or changed
            lines += self._heights[after]
            after += 1
        if changed:
            self._heights_changed(first)

    def _block_lines(self, block: int) -> list[_Line]:
        """A block's lines, its blank lines first, wrapped and styled."""
        lines = self._blocks.get(block)
        if lines is not None:
            return lines
        paragraph = self._paragraph_of(block)
        lines = [_BLANK]
        if paragraph >= 0:
            if self.is_bookmarked(paragraph):
                margin = Content.styled(BOOKMARK_MARK, self._style("bookmark"))
            else:
                margin = Content(" ")
            margin += Content(" " * (INDENT - 1))
            for line in self._wrap_paragraph(paragraph, self._text_width):
                lines.append(_Line(margin + line, paragraph))
        else:
            other = self._other_block(block)
            lines = [_BLANK] * other.gap
            if other.text is not None:
                content = Content(other.text).stylize(self._style(other.style))
                indent = Content(" " * INDENT)
                lines += [_Line(indent + line) for line in content.wrap(self._text_width)]
        self._blocks.set(block, lines)
        return lines

    def _paragraph_breaks(self, index: int, width: int) -> list[int]:
        key = (index, width)
        offsets = self._breaks.get(key)
        if offsets is None:
            assert self.article is not None
            plain = safe_text(self.article.paragraphs[index])
            offsets = self._breaks[key] = divide_line(plain, width, fold=True)
        return offsets

    def _wrap_paragraph(self, index: int, width: int) -> list[Content]:
        """The paragraph's lines: ``content.wrap(width)``, with the breaks found once.

        Search terms, marks and highlights change only the spans of a paragraph, never
        where its lines break, and finding the breaks was two thirds of re-wrapping an
        article on every search keystroke.
        """
        content = self._paragraph_content(index)
        lines = content.divide(self._paragraph_breaks(index, width))
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
                spans.extend(Span(s, e, kind) for s, e in found.within(start, end))
            hits = self._paragraph_hits(index)
            spans.extend(Span(s - start, e - start, highlights.HIT) for s, e in hits)
            if self._current_hit is not None:
                current = [self.hits[self._current_hit]]
                spans.extend(
                    Span(s, e, highlights.CURRENT_HIT) for s, e in _spans_in(current, start, end)
                )
        spans.extend(Span(s, e, highlights.MARKED) for s, e in self._marks.within(start, end))
        return Content(safe_text(text), spans)

    def _restyle(self, refresh: bool = True) -> None:
        """Draw every line again (highlights, marks or bookmarks changed)."""
        if refresh and self.scrollable_content_region.width != self._width:
            # A scrollbar came or went since the layout (Textual sends no resize for
            # that): lay the text out again for the width it has now.
            self._layout()
            self._measure_screen()
            return
        self._generation += 1
        self._blocks.clear()
        self._cache.clear()
        if refresh:
            self.refresh()

    def action_scroll_home(self) -> None:
        if all(self._measured):
            super().action_scroll_home()
        else:
            self._jump(end=False)

    def action_scroll_end(self) -> None:
        if all(self._measured):
            super().action_scroll_end()
        else:
            self._jump(end=True)

    def _jump(self, *, end: bool) -> None:
        """Home or End without animation in an article measured as it is seen: an
        animated scroll passes over the paragraphs between, and each frame would wrap
        what it shows."""
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.scroll_to(y=self.max_scroll_y if end else 0, animate=False, immediate=True)
        self._measure_screen()
        if end and self.scroll_offset.y != self.max_scroll_y:  # the last blocks' heights
            self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)
            self._measure_screen()

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._width:
            self._layout()
            self._measure_screen()
            self._show_cursor()
        else:
            self._measure_screen()

    # Rendering

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._measure_screen()

    def render_lines(self, crop: Region) -> list[Strip]:
        self._measure_screen()  # in case the view moved by a way no watcher saw
        return super().render_lines(crop)

    def _line(self, number: int) -> _Line | None:
        if not 0 <= number < self._tops[-1]:
            return None
        block = self._block_at(number)
        lines = self._block_lines(block)
        into = number - self._tops[block]
        return lines[into] if into < len(lines) else None

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        number = scroll_y + y
        width = self.scrollable_content_region.width
        line = self._line(number)
        if line is None:
            return Strip.blank(width, self.base_style)
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
        # Only the selected lines: a 19 MB article is not put together for a word.
        start, end = selection
        first = start.y if start is not None else 0
        last = end.y if end is not None else self._tops[-1] - 1
        if start is None or end is None:  # to an end of the article: measure all of it
            changed = [block for block in range(self._block_count) if self._measure(block)]
            if changed:
                self._heights_changed(changed[0])
            last = self._tops[-1] - 1 if end is None else last
        lines = []
        for number in range(first, last + 1):
            line = self._line(number)
            if line is not None:
                lines.append(line.content.plain)
        shifted = Selection(
            None if start is None else Offset(start.x, start.y - first),
            None if end is None else Offset(end.x, end.y - first),
        )
        return shifted.extract("\n".join(lines)), "\n"

    def selection_span(self) -> tuple[int, int] | None:
        """Body offsets of the mouse selection, widened to whole words; None when it
        holds no body text.

        Found from where the selection starts and ends on screen (the paragraph of each
        line and its column), never by searching the body for the selected words: a
        phrase said twice would bookmark its first occurrence.
        """
        selection = self.text_selection
        article = self.article
        if selection is None or article is None or not self._offsets:
            return None
        start = (
            self._offsets[0][0]
            if selection.start is None
            else self._body_offset(selection.start, after=True)
        )
        end = (
            self._offsets[-1][1]
            if selection.end is None
            else self._body_offset(selection.end, after=False)
        )
        if start is None or end is None:
            return None
        body = article.body
        while start < end and body[start].isspace():
            start += 1
        while end > start and body[end - 1].isspace():
            end -= 1
        if start >= end:
            return None
        while start > 0 and body[start - 1].isalnum():
            start -= 1
        while end < len(body) and body[end].isalnum():
            end += 1
        return start, end

    def _body_offset(self, point: Offset, *, after: bool) -> int | None:
        """The body offset at a point of the view (a selection's end, exclusive).

        A point off the body (the headline, the captions) moves to the body's first
        offset after it (``after``) or to its last one before it; None when there is
        none that way.
        """
        block = self._block_at(point.y)
        if self._measure(block):
            self._heights_changed(block)
        paragraph = self._paragraph_of(block)
        if paragraph < 0:
            before_body = block < len(self._head)
            if after:
                return self._offsets[0][0] if before_body else None
            return None if before_body else self._offsets[-1][1]
        first, last = self._offsets[paragraph]
        row = point.y - self._tops[block] - 1  # the block's first line is blank
        if row < 0:
            return first if after else None if paragraph == 0 else self._offsets[paragraph - 1][1]
        breaks = [0, *self._paragraph_breaks(paragraph, self._text_width), last - first]
        row = min(row, len(breaks) - 2)
        line_start, line_end = breaks[row], breaks[row + 1]
        return first + min(line_start + max(0, point.x - INDENT), line_end)

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
        """Where a paragraph's lines are (measured, with the blocks around it)."""
        block = len(self._head) + index
        self._measure_around(block)
        first = self._tops[block] + 1  # below its blank line
        return Region(0, first, max(1, self._width), max(1, self._heights[block] - 1))

    def _show_cursor(self, center: bool = False) -> None:
        if not self._offsets:
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
        line = self._line(event.y + self.scroll_offset.y)
        if line is not None and line.paragraph >= 0:
            self.cursor = line.paragraph

    @property
    def passage(self) -> tuple[int, int] | None:
        """Body offsets of the paragraph under the cursor."""
        if not self._offsets:
            return None
        return self._offsets[self.cursor]

    @property
    def paragraph_count(self) -> int:
        return len(self._offsets)

    @property
    def measured_paragraphs(self) -> int:
        """Paragraphs whose lines have been wrapped (at any width) since the article was
        opened: those that came into view, not the whole article."""
        return len({index for index, _width in self._breaks})

    def paragraph_lines(self, index: int) -> list[str]:
        """The text of a paragraph's lines as shown, margin included."""
        block = len(self._head) + index
        if self._measure(block):
            self._heights_changed(block)
        return [line.content.plain for line in self._block_lines(block) if line.paragraph == index]

    def is_bookmarked(self, index: int) -> bool:
        start, end = self._offsets[index]
        return bool(self._bookmarks.within(start, end))

    # Highlights, search hits, marks and bookmarks

    def watch_show_highlights(self) -> None:
        self._restyle()

    def _set_pattern(self, pattern: re.Pattern[str] | None) -> None:
        self._pattern = pattern if self.article is not None else None
        self._all_hits = None
        self._current_hit = None

    def _paragraph_hits(self, index: int) -> Spans:
        """Search hits in a paragraph, as body offsets."""
        if self._pattern is None or self.article is None:
            return []
        start = self._offsets[index][0]
        text = self.article.paragraphs[index]
        return [(start + m.start(), start + m.end()) for m in self._pattern.finditer(text)]

    @property
    def hits(self) -> Sequence[tuple[int, int]]:
        """Every search hit in the article, as body offsets (found on first use)."""
        if self._all_hits is None:
            found: Spans = []
            if self._pattern is not None:
                for index in range(len(self._offsets)):
                    found += self._paragraph_hits(index)
            self._all_hits = found
        return self._all_hits

    def set_terms(self, terms: Iterable[str]) -> None:
        """Highlight these search terms (lowercased words) in the text."""
        if self.article is None:
            return
        pattern = _term_pattern(terms)
        old = self._pattern.pattern if self._pattern is not None else None
        new = pattern.pattern if pattern is not None else None
        if new == old and self._current_hit is None:
            return
        # In an article of ordinary length the hits are found at once (a regex over a
        # few KB): when they are the same ("peopl" and "people", or a query on fields
        # that match nothing in its text) nothing is drawn again.
        small = len(self.article.body) <= MEASURE_ALL_UP_TO
        before = list(self.hits) if small else None
        current = self._current_hit
        self._set_pattern(pattern)
        if small and current is None and list(self.hits) == before:
            return
        self._restyle()

    @property
    def hit_count(self) -> int:
        return len(self.hits)

    def goto_hit(self, forward: bool = True) -> int | None:
        """Move to the next (or previous) search hit; its number from 1, or None."""
        hits = self.hits
        if not hits:
            return None
        if self._current_hit is None:
            start = self._offsets[self.cursor][0] if self._offsets else 0
            starts = [s for s, _e in hits]
            index = bisect.bisect_left(starts, start)
            if forward:
                index = index if index < len(hits) else 0
            else:
                index -= 1
        else:
            index = self._current_hit + (1 if forward else -1)
        self._current_hit = index % len(hits)
        self._restyle()
        self.cursor = self.paragraph_at(hits[self._current_hit][0])
        self._show_cursor(center=True)
        return self._current_hit + 1

    def mark(self, spans: Spans) -> None:
        """Mark these body spans (an item chosen in the side panel) and go to the first."""
        self._marked = sorted(spans)
        self._marks = _SpanIndex(self._marked)
        self._restyle()
        if self._marked:
            self.cursor = self.paragraph_at(self._marked[0][0])
            self._show_cursor(center=True)

    def set_bookmarked(self, spans: Spans, *, restyle: bool = True) -> None:
        """Bookmarked passages of this article, marked in the margin."""
        self._bookmarked = list(spans)
        self._bookmarks = _SpanIndex(self._bookmarked)
        if restyle:
            self._restyle()
