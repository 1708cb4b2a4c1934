"""The notes file: bookmarked passages as Markdown, appended and never rewritten.

Each entry::

    ### <article title>
    <!-- reader:bookmark id=<id> article=<article id> start=<n> end=<n> v=2 -->

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
    <!-- reader:end id=<id> -->

A note given later for a passage already bookmarked is appended as an entry of its own,
read back as the end of that bookmark's note::

    ### Note: <article title>
    <!-- reader:note id=<id> -->

    <the note>
    <!-- reader:end id=<id> -->

Entries are found by their hidden markers, not by headings, so headings and text the
user adds elsewhere do no harm; text the user writes after an entry is part of its note.
An entry counts only once its closing ``reader:end`` line is there, so an append cut
short (a full disk, a crash) is ignored and the passage can be bookmarked again. Entries
written before the closing line existed (no ``v=2``) count once they hold ``saved::``.

Fields are Dataview-style ``key:: value`` lines in a fixed order. Everything taken from
outside (title, passage, fields) is written on one line with control characters shown as
symbols (``␛``), so the file never holds a terminal escape. ``#`` in quotes and titles is
escaped so it does not become a tag. A note line that begins like a field (``- key::``)
or like a reader marker gets a backslash in front, taken off when read, so a note reads
back as it was typed and never becomes fields or entries.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

import filelock

from index.model import Article

FIELDS = ("outlet", "authors", "published", "path", "location", "sources", "figures", "saved")
FORMAT = "2"
"""The ``v=`` of entries that close with a ``reader:end`` line."""
MAX_BYTES = 64 * 1024 * 1024
"""A notes file larger than this is not read (it is not one a person wrote)."""

_OPEN = re.compile(r"<!-- reader:(?P<kind>bookmark|note) (?P<attrs>[^>]*?) -->[ \t]*")
_END = re.compile(r"<!-- reader:end id=(?P<id>\S+) -->[ \t]*")
_BOUNDARY = "<!-- reader:"
"""A line starting so begins an entry, unless it is an entry's closing line."""
_ATTR = re.compile(r"(\w+)=(\S+)")
_FIELD = re.compile(r"^- (\w+):: ?(.*)$")
_BLOCK_ID = re.compile(r"\s*\^bm-[0-9a-f]+\s*$")
_NEEDS_ESCAPE = re.compile(r"\\*(?:- \w+::|<!-- reader:)")
"""A note line that would read as a field or a marker (or is such a line, escaped)."""
_ESCAPED = re.compile(r"\\+(?:- \w+::|<!-- reader:)")
LOCK_TIMEOUT = 10.0

_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)}
_PICTURES[0x7F] = "\u2421"  # ␡
for _code in (*range(0x80, 0xA0), 0x200B, *range(0x202A, 0x202F), *range(0x2066, 0x206A)):
    _PICTURES[_code] = "\ufffd"
_PICTURES[0xFEFF] = "\ufffd"
_NOTE_PICTURES = {k: v for k, v in _PICTURES.items() if k not in (ord("\n"), ord("\t"))}

Saved = Literal["added", "noted", "already"]
"""What :meth:`NotesFile.save` did: a new entry, a note added to one, or nothing."""


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


def visible(text: str, *, lines: bool = False) -> str:
    """``text`` with control characters shown as symbols (ESC as ``␛``), so that it holds
    no terminal escape; with ``lines``, newlines and tabs are kept."""
    return text.translate(_NOTE_PICTURES if lines else _PICTURES)


def _one_line(text: str) -> str:
    return visible(" ".join(text.split()))


def _escape_hash(text: str) -> str:
    return re.sub(r"(?<!\\)#", r"\\#", text)


def _unescape_hash(text: str) -> str:
    return text.replace("\\#", "#")


def _trim_lines(lines: list[str]) -> list[str]:
    """Without the blank lines at either end."""
    first = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    last = next((i for i in range(len(lines) - 1, -1, -1) if lines[i].strip()), -1)
    return lines[first : last + 1]


def clean_note(note: str) -> str:
    """A note as the user typed it, with one kind of newline and no blank lines around it."""
    note = note.replace("\r\n", "\n").replace("\r", "\n")
    note = note.replace("\u2028", "\n").replace("\u2029", "\n\n")
    return "\n".join(_trim_lines(note.split("\n")))


def _note_lines(note: str) -> list[str]:
    """The lines of a note as written: safe, and none can be read as a field or marker."""
    lines = visible(clean_note(note), lines=True).split("\n")
    return ["\\" + line if _NEEDS_ESCAPE.match(line) else line for line in _trim_lines(lines)]


def _unescape_note_line(line: str) -> str:
    return line[1:] if _ESCAPED.match(line) else line


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
        note=clean_note(note),
    )


def _attr(value: object) -> str:
    """A marker attribute: one word that cannot end the comment."""
    text = str(value)
    if not re.fullmatch(r"[\w.:+-]+", text):
        raise NotesError(f"cannot write a bookmark whose id is {visible(text)!r}")
    return text


def format_entry(bm: Bookmark) -> str:
    """The Markdown of one entry, ending in a newline."""
    quote_lines = [_escape_hash(_one_line(p)) for p in bm.quote.split("\n\n") if p.strip()]
    quote = "\n>\n".join(f"> {line}" for line in quote_lines) or "> "
    bid = _attr(bm.id)
    lines = [
        f"### {_escape_hash(_one_line(bm.title))}",
        f"<!-- reader:bookmark id={bid} article={_attr(bm.article_id)}"
        f" start={int(bm.start)} end={int(bm.end)} v={FORMAT} -->",
        "",
        f"{quote} ^bm-{bid}",
        "",
    ]
    lines += [f"- {name}:: {_one_line(getattr(bm, name))}" for name in FIELDS]
    note = _note_lines(bm.note)
    if note:
        lines += ["", *note]
    lines.append(f"<!-- reader:end id={bid} -->")
    return "\n".join(lines) + "\n"


def format_note(bm: Bookmark) -> str:
    """The Markdown of a note added to the entry of ``bm`` already in the file."""
    bid = _attr(bm.id)
    lines = [
        f"### Note: {_escape_hash(_one_line(bm.title))}",
        f"<!-- reader:note id={bid} -->",
        "",
        *_note_lines(bm.note),
        f"<!-- reader:end id={bid} -->",
    ]
    return "\n".join(lines) + "\n"


def _parse_bookmark(attrs: dict[str, str], title: str, inner: list[str]) -> Bookmark | None:
    """The bookmark of one entry's lines (marker to closing line); None if incomplete."""
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
    escaped = attrs.get("v") == FORMAT
    quote: list[str] = []
    note: list[str] = []
    fields_seen: set[str] = set()
    for line in inner:
        fmatch = _FIELD.match(line)
        if not fields_seen and not note and line.startswith(">"):
            quote.append(line[1:].strip())
        elif fmatch and not note:
            key, value = fmatch.group(1), visible(fmatch.group(2).strip())
            fields_seen.add(key)
            if key in FIELDS:
                setattr(bm, key, value)
            else:
                bm.extra[key] = value
        elif fields_seen and (line.strip() or note):
            note.append(_unescape_note_line(line) if escaped else line)
    if not escaped and "saved" not in fields_seen:
        return None  # an entry of the old format cut short: its last field is missing
    paragraphs = [visible(_unescape_hash(_BLOCK_ID.sub("", q))) for q in quote]
    bm.quote = "\n\n".join(p for p in paragraphs if p)
    bm.note = visible("\n".join(_trim_lines(note)), lines=True)
    return bm


def parse_notes(text: str) -> list[Bookmark]:
    """Every complete entry in a notes file, in file order. Tolerates the user's edits."""
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").split("\n")
    starts = [
        i for i, line in enumerate(lines) if line.startswith(_BOUNDARY) and not _END.fullmatch(line)
    ]
    entries: list[Bookmark] = []
    notes: list[tuple[str, list[str]]] = []
    for k, at in enumerate(starts):
        segment = lines[at + 1 : starts[k + 1] if k + 1 < len(starts) else len(lines)]
        if k + 1 < len(starts):
            # The next entry's heading sits just above its marker.
            segment = _trim_lines(segment)
            if segment and segment[-1].startswith("### "):
                segment.pop()
        opening = _OPEN.fullmatch(lines[at])
        if opening is None:
            continue  # a marker cut short
        attrs = dict(_ATTR.findall(opening.group("attrs")))
        close = next(
            (
                i
                for i, line in enumerate(segment)
                if (m := _END.fullmatch(line)) and m.group("id") == attrs.get("id")
            ),
            None,
        )
        if opening.group("kind") == "note":
            if close is not None:
                notes.append((attrs.get("id", ""), segment[:close]))
            continue
        if close is None and attrs.get("v") is not None:
            continue  # an entry cut short: its closing line is missing
        before = next((lines[j] for j in range(at - 1, -1, -1) if lines[j].strip()), "")
        title = visible(_unescape_hash(before[4:].strip())) if before.startswith("### ") else ""
        inner = segment if close is None else segment[:close]
        bm = _parse_bookmark(attrs, title, inner)
        if bm is None:
            continue
        after = [] if close is None else _trim_lines(segment[close + 1 :])
        if after:  # the user's own text below the entry
            bm.note = "\n\n".join(x for x in (bm.note, visible("\n".join(after), lines=True)) if x)
        entries.append(bm)
    by_id: dict[str, Bookmark] = {}
    for bm in entries:
        by_id.setdefault(bm.id, bm)
    for bid, note_lines in notes:
        target = by_id.get(bid)
        text = "\n".join(_trim_lines([_unescape_note_line(line) for line in note_lines]))
        if target is not None and text:
            target.note = "\n\n".join(x for x in (target.note, visible(text, lines=True)) if x)
    return entries


def _ends_with_note(note: str, added: str) -> bool:
    """Whether ``note`` is ``added`` or ends with it as its own paragraph."""
    return note == added or note.endswith("\n\n" + added)


def _decode(data: bytes) -> str:
    return data.decode("utf-8-sig", errors="replace")


class NotesFile:
    """A notes file on disk; appends under a lock with one write and an fsync.

    Only a regular file of at most :data:`MAX_BYTES` is read or written: a notes path
    that leads to a device such as ``/dev/zero`` gets a :class:`NotesError`, not an
    endless read. An append that cannot complete (a full disk) leaves the file as it was.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def _lock(self) -> filelock.FileLock:
        return filelock.FileLock(str(self.path) + ".lock")

    def _check(self, st: os.stat_result, doing: str) -> None:
        """Raise unless ``st`` is that of a regular file small enough to read."""
        where = f"cannot {doing} the notes file {self.path}"
        if stat.S_ISDIR(st.st_mode):
            raise NotesError(f"{where}: it is a folder, not a file")
        if not stat.S_ISREG(st.st_mode):
            raise NotesError(f"{where}: it is a device or a pipe, not a regular file")
        if st.st_size > MAX_BYTES:
            raise NotesError(
                f"{where}: it is larger than {MAX_BYTES // 2**20} MB;"
                " move older notes to another file"
            )

    def _stat(self, doing: str) -> os.stat_result | None:
        """The notes file's status, following links; None when there is none yet."""
        try:
            st = os.stat(self.path)
        except (FileNotFoundError, NotADirectoryError):
            return None
        self._check(st, doing)
        return st

    def _read_fd(self, fd: int, doing: str) -> bytes:
        self._check(os.fstat(fd), doing)
        chunks: list[bytes] = []
        size = 0
        while chunk := os.pread(fd, min(1 << 20, MAX_BYTES + 1 - size), size):
            chunks.append(chunk)
            size += len(chunk)
            if size > MAX_BYTES:
                raise NotesError(
                    f"cannot {doing} the notes file {self.path}: it is larger than"
                    f" {MAX_BYTES // 2**20} MB; move older notes to another file"
                )
        return b"".join(chunks)

    def read(self) -> list[Bookmark]:
        """Entries in file order (oldest first); an absent file has none."""
        try:
            if self._stat("read") is None:
                return []
            fd = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
            try:
                data = self._read_fd(fd, "read")
            finally:
                os.close(fd)
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise NotesError(
                f"cannot read the notes file {self.path}: {exc.strerror or exc}"
            ) from None
        return parse_notes(_decode(data))

    def append(self, bm: Bookmark) -> bool:
        """Append an entry; False when the same passage is already bookmarked."""
        return self._save(bm, add_note=False) == "added"

    def save(self, bm: Bookmark) -> Saved:
        """Bookmark ``bm`` with its note; when the passage is already bookmarked, add
        the note to that entry instead ("noted"), unless it already ends with it."""
        return self._save(bm, add_note=True)

    def _save(self, bm: Bookmark, *, add_note: bool) -> Saved:
        try:
            self._stat("write")
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._lock().acquire(timeout=LOCK_TIMEOUT):
                fd = os.open(
                    self.path,
                    os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_NONBLOCK | os.O_CLOEXEC,
                    0o644,
                )
                try:
                    existing = self._read_fd(fd, "write")
                    same = next((e for e in parse_notes(_decode(existing)) if e.id == bm.id), None)
                    note = visible(clean_note(bm.note), lines=True)
                    result: Saved
                    if same is None:
                        entry, result = format_entry(bm), "added"
                    elif add_note and note and not _ends_with_note(same.note, note):
                        entry, result = format_note(bm), "noted"
                    else:
                        return "already"
                    if existing and not existing.endswith(b"\n\n"):
                        entry = ("\n" if existing.endswith(b"\n") else "\n\n") + entry
                    self._write_all(fd, entry.encode("utf-8"), len(existing))
                finally:
                    os.close(fd)
                return result
        except filelock.Timeout:
            raise NotesError(
                f"the notes file {self.path} is locked by another program; try again"
            ) from None
        except OSError as exc:
            raise NotesError(
                f"cannot write the notes file {self.path}: {exc.strerror or exc}"
            ) from None

    def _write_all(self, fd: int, data: bytes, size: int) -> None:
        """Write ``data`` at the end and fsync; on any failure cut the file back to
        ``size``, as it was, and raise a :class:`NotesError` that says so."""
        try:
            written = 0
            while written < len(data):
                n = os.write(fd, data[written:])
                if n <= 0:
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                written += n
            os.fsync(fd)
        except OSError as exc:
            try:
                os.ftruncate(fd, size)
                os.fsync(fd)
                left = "the file is as it was"
            except OSError:
                left = "part of an entry is left, which reader ignores"
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise NotesError(
                    f"the disk is full (no space left on device): the bookmark was not saved"
                    f" to {self.path} ({left}); free some space and try again"
                ) from None
            raise NotesError(
                f"cannot write the notes file {self.path}: {exc.strerror or exc};"
                f" the bookmark was not saved ({left})"
            ) from None
