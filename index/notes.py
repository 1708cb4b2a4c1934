"""The notes file: bookmarked passages as Markdown, appended and never rewritten.

Each entry::

    ### <article title>
    <!-- reader:bookmark id=<id> article=<article id> start=<n> end=<n> -->

    > <the passage, one line per paragraph, not hard-wrapped> ^bm-<id>

    - outlet:: ...
    - authors:: ...
    - published:: ...
    - path:: ...
    - location:: paragraph 5
    - sources:: ...
    - figures:: ...
    - saved:: 2026-11-22T10:15:03+00:00

    <the user's note, any number of lines>

Entries are found by their hidden marker, not by headings, so headings and text the
user adds elsewhere do no harm. Fields are Dataview-style ``key:: value`` lines in a
fixed order. ``#`` in quotes and titles is escaped so it does not become a tag.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import filelock

from index.model import Article

FIELDS = ("outlet", "authors", "published", "path", "location", "sources", "figures", "saved")

_MARKER = re.compile(r"^<!-- reader:bookmark (?P<attrs>[^>]*?) -->[ \t]*$", re.MULTILINE)
_ATTR = re.compile(r"(\w+)=(\S+)")
_FIELD = re.compile(r"^- (\w+):: ?(.*)$")
_BLOCK_ID = re.compile(r"\s*\^bm-[0-9a-f]+\s*$")
LOCK_TIMEOUT = 10.0


class NotesError(Exception):
    """The notes file cannot be written or read; the message says why."""


@dataclass
class Bookmark:
    id: str
    article_id: str
    start: int
    end: int
    title: str
    quote: str
    outlet: str = ""
    authors: str = ""
    published: str = ""
    path: str = ""
    location: str = ""
    sources: str = ""
    figures: str = ""
    saved: str = ""
    note: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    """Fields the user added that reader does not know."""

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "article": self.article_id,
            "start": self.start,
            "end": self.end,
            "title": self.title,
            "quote": self.quote,
            **{name: getattr(self, name) for name in FIELDS},
            "note": self.note,
        }


def bookmark_id(article_id: str, start: int, end: int) -> str:
    """Same article and offsets, same id: bookmarking a passage twice adds nothing."""
    return hashlib.sha1(f"{article_id}:{start}:{end}".encode()).hexdigest()[:12]


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _escape_hash(text: str) -> str:
    return re.sub(r"(?<!\\)#", r"\\#", text)


def _unescape_hash(text: str) -> str:
    return text.replace("\\#", "#")


def make_bookmark(
    article: Article,
    start: int,
    end: int,
    *,
    note: str = "",
    saved: datetime | None = None,
    display_path: str | None = None,
) -> Bookmark:
    """A bookmark of ``article.body[start:end]`` with its citation."""
    body = article.body
    if not 0 <= start < end <= len(body):
        raise NotesError(f"passage {start}-{end} is outside the article (0-{len(body)})")
    spans = article.paragraph_offsets()
    first = next(i for i, (s, e) in enumerate(spans) if start <= e) + 1
    last = next(i for i, (s, e) in enumerate(spans) if end <= e) + 1
    location = f"paragraph {first}" if first == last else f"paragraphs {first}-{last}"
    names = dict.fromkeys(
        s.name for s in article.sources if s.name and s.start < end and start < s.end
    )
    figures = dict.fromkeys(f.text for f in article.figures if f.start < end and start < f.end)
    when = (saved or datetime.now().astimezone()).isoformat(timespec="seconds")
    return Bookmark(
        id=bookmark_id(article.id, start, end),
        article_id=article.id,
        start=start,
        end=end,
        title=article.title,
        quote=body[start:end].strip(),
        outlet=article.outlet or "",
        authors=", ".join(article.authors),
        published=article.published or "",
        path=display_path
        if display_path is not None
        else (article.paths[0] if article.paths else ""),
        location=location,
        sources=", ".join(names),
        figures=", ".join(figures),
        saved=when,
        note=note.strip(),
    )


def format_entry(bm: Bookmark) -> str:
    """The Markdown of one entry, ending in a newline."""
    quote_lines = [_escape_hash(_one_line(p)) for p in bm.quote.split("\n\n") if p.strip()]
    quote = "\n>\n".join(f"> {line}" for line in quote_lines) or "> "
    lines = [
        f"### {_escape_hash(_one_line(bm.title))}",
        f"<!-- reader:bookmark id={bm.id} article={bm.article_id} start={bm.start} end={bm.end} -->",
        "",
        f"{quote} ^bm-{bm.id}",
        "",
    ]
    lines += [f"- {name}:: {_one_line(getattr(bm, name))}" for name in FIELDS]
    note = bm.note.replace("\r\n", "\n").strip()
    if note:
        # A note line that looks like a marker would split the entry; indent it.
        note = _MARKER.sub(lambda m: " " + m.group(0), note)
        lines += ["", note]
    return "\n".join(lines) + "\n"


def parse_notes(text: str) -> list[Bookmark]:
    """Every entry in a notes file, in file order. Tolerates the user's edits."""
    text = text.replace("\r\n", "\n")
    markers = list(_MARKER.finditer(text))
    entries: list[Bookmark] = []
    for i, match in enumerate(markers):
        attrs = dict(_ATTR.findall(match.group("attrs")))
        before = text[: match.start()].rstrip("\n").rsplit("\n", 1)[-1]
        title = _unescape_hash(before[4:].strip()) if before.startswith("### ") else ""
        end = markers[i + 1].start() if i + 1 < len(markers) else len(text)
        chunk = text[match.end() : end]
        if i + 1 < len(markers):
            # The next entry's heading sits just above its marker.
            head, _, last = chunk.rstrip("\n").rpartition("\n")
            if last.startswith("### "):
                chunk = head
        try:
            start, stop = int(attrs.get("start", 0)), int(attrs.get("end", 0))
        except ValueError:
            start = stop = 0
        bm = Bookmark(
            id=attrs.get("id", ""),
            article_id=attrs.get("article", ""),
            start=start,
            end=stop,
            title=title,
            quote="",
        )
        quote: list[str] = []
        note: list[str] = []
        fields_seen = False
        for line in chunk.split("\n"):
            fmatch = _FIELD.match(line)
            if not fields_seen and not note and line.startswith(">"):
                quote.append(line[1:].strip())
            elif fmatch and not note:
                fields_seen = True
                key, value = fmatch.group(1), fmatch.group(2).strip()
                if key in FIELDS:
                    setattr(bm, key, value)
                else:
                    bm.extra[key] = value
            elif fields_seen and (line.strip() or note):
                note.append(line)
        paragraphs = [_unescape_hash(_BLOCK_ID.sub("", q)) for q in quote]
        bm.quote = "\n\n".join(p for p in paragraphs if p)
        bm.note = "\n".join(note).strip()
        entries.append(bm)
    return entries


class NotesFile:
    """A notes file on disk; appends under a lock with one write and an fsync."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def _lock(self) -> filelock.FileLock:
        return filelock.FileLock(str(self.path) + ".lock")

    def read(self) -> list[Bookmark]:
        """Entries in file order (oldest first); an absent file has none."""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise NotesError(
                f"cannot read the notes file {self.path}: {exc.strerror or exc}"
            ) from None
        return parse_notes(data.decode("utf-8", errors="replace"))

    def append(self, bm: Bookmark) -> bool:
        """Append an entry; False when the same passage is already bookmarked."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._lock().acquire(timeout=LOCK_TIMEOUT):
                existing = self.path.read_bytes() if self.path.exists() else b""
                if re.search(
                    rb"<!-- reader:bookmark id=" + re.escape(bm.id.encode()) + rb"\b", existing
                ):
                    return False
                entry = format_entry(bm)
                if existing and not existing.endswith(b"\n\n"):
                    entry = ("\n" if existing.endswith(b"\n") else "\n\n") + entry
                data = entry.encode("utf-8")
                fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
                try:
                    written = os.write(fd, data)
                    while written < len(data):  # a short write: finish it
                        written += os.write(fd, data[written:])
                    os.fsync(fd)
                finally:
                    os.close(fd)
                return True
        except filelock.Timeout:
            raise NotesError(
                f"the notes file {self.path} is locked by another program; try again"
            ) from None
        except OSError as exc:
            raise NotesError(
                f"cannot write the notes file {self.path}: {exc.strerror or exc}"
            ) from None
