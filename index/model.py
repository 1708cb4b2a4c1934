"""The records that ingest produces and the store keeps.

Everything here is plain data: JSON-friendly dataclasses with ``to_dict`` /
``from_dict`` so the store, the CLI (``--json``) and the app share one shape.
Offsets (``start``/``end``) always count ``str`` code points into
:attr:`Article.body`, the paragraphs joined by a blank line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PARAGRAPH_SEPARATOR = "\n\n"


@dataclass(slots=True)
class RemovedLine:
    """A line of the input that cleaning dropped, and the rule that dropped it."""

    text: str
    rule: str


@dataclass(slots=True)
class CleanResult:
    """What the cleaner makes of one page: metadata, body and what it dropped."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    """ISO 8601 date or date-time, or None when the page does not say."""
    outlet: str | None = None
    summary: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    removed: list[RemovedLine] = field(default_factory=list)

    @property
    def body(self) -> str:
        return PARAGRAPH_SEPARATOR.join(self.paragraphs)


@dataclass(slots=True)
class Figure:
    """A quantity stated in the body ("nearly 3,000 soldiers")."""

    start: int
    end: int
    text: str
    value: float | None
    """Normalized value: 8000 for "8,000", 2.2e10 for "$22 billion"."""
    qualifier: str | None = None
    """The qualifier's sense, one of "about", "at least", "at most", "more than", "less
    than", "between"; None when there is none (or the words give none: "only")."""
    counted: str | None = None
    """What is counted: "North Korean troops", "officers"."""
    unit: str | None = None
    """Currency or unit when there is one: "USD", "EUR", "%"."""
    source: str | None = None
    """Canonical name of the source the sentence attributes the figure to."""
    high: float | None = None
    """The upper end of a range ("3,000 to 5,000 troops": 5000), else None."""
    kind: str = "count"
    """count, money, percent, measure or duration."""
    qualifier_text: str | None = None
    """The qualifier as the text words it: "no more than", "nearly", "or more"."""

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Figure:
        fields: dict[str, Any] = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        return cls(**fields)


@dataclass(slots=True)
class Source:
    """A statement's attributed source ("U.S. Secretary of State Antony Blinken said")."""

    start: int
    end: int
    text: str
    """The source span as written: "U.S. Secretary of State Antony Blinken"."""
    name: str
    """Canonical name, one per person or body in an article: "Antony Blinken"."""
    descriptor: str | None = None
    """"U.S. Secretary of State" when the text gives one."""
    cue: str | None = None
    """"said", "according to", "citing", ..."""
    cue_start: int | None = None
    cue_end: int | None = None
    statement: str | None = None
    """The attributed content, when it can be delimited."""
    kind: str = "named"
    """"named", "nominal" ("a U.S. official") or "pronoun" ("he", resolved in name)."""

    @property
    def unresolved_pronoun(self) -> bool:
        """A "he said" whose speaker the text does not make clear: no name to show."""
        return self.kind == "pronoun" and (
            not self.name or self.name.casefold() == self.text.casefold()
        )

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Source:
        fields: dict[str, Any] = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        return cls(**fields)


@dataclass(slots=True)
class Extraction:
    figures: list[Figure] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)


@dataclass(slots=True)
class Article:
    """One article of the library, as stored."""

    id: str
    paths: list[str]
    title: str
    outlet: str | None
    authors: list[str]
    published: str | None
    summary: list[str]
    paragraphs: list[str]
    captions: list[str]
    removed: list[RemovedLine]
    figures: list[Figure]
    sources: list[Source]
    content_hash: str
    format: str = "text"

    @property
    def body(self) -> str:
        return PARAGRAPH_SEPARATOR.join(self.paragraphs)

    def paragraph_offsets(self) -> list[tuple[int, int]]:
        """(start, end) of each paragraph in :attr:`body`."""
        spans = []
        pos = 0
        for para in self.paragraphs:
            spans.append((pos, pos + len(para)))
            pos += len(para) + len(PARAGRAPH_SEPARATOR)
        return spans

    def source_names(self) -> list[str]:
        seen: dict[str, None] = {}
        for src in self.sources:
            if not src.unresolved_pronoun:
                seen.setdefault(src.name, None)
        return [n for n in seen if n]

    def to_dict(self) -> dict[str, Any]:
        # dataclasses.asdict deep-copies recursively and costs milliseconds per article.
        data = {name: getattr(self, name) for name in self.__dataclass_fields__}
        data["paths"] = list(self.paths)
        data["removed"] = [{"text": r.text, "rule": r.rule} for r in self.removed]
        data["figures"] = [f.to_dict() for f in self.figures]
        data["sources"] = [s.to_dict() for s in self.sources]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls(
            id=data["id"],
            paths=list(data.get("paths", [])),
            title=data.get("title") or "",
            outlet=data.get("outlet"),
            authors=list(data.get("authors", [])),
            published=data.get("published"),
            summary=list(data.get("summary", [])),
            paragraphs=list(data.get("paragraphs", [])),
            captions=list(data.get("captions", [])),
            removed=[RemovedLine(**r) for r in data.get("removed", [])],
            figures=[Figure.from_dict(f) for f in data.get("figures", [])],
            sources=[Source.from_dict(s) for s in data.get("sources", [])],
            content_hash=data.get("content_hash", ""),
            format=data.get("format", "text"),
        )
