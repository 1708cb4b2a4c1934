"""Messages that cross widgets: posted by one part of the app, handled by the screen."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class OpenArticle(Message):
    """Open an article, optionally with the passage cursor on an offset of its body.

    Posted to the main screen by the views that lead to an article (the notes screen now,
    the library's figures and sources views later).
    """

    article_id: str
    offset: int | None = None
    """A character offset into the article's body to put the passage cursor on."""
