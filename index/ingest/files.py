"""Finding input files in folders and reading each into documents."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from index.ingest.decode import MAX_BYTES, UnreadableFile, decode_bytes, read_limited, too_large
from index.ingest.documents import Document
from index.ingest.sanitize import sanitize

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
FEED_SUFFIXES = {".rss", ".atom", ".xml", ".feed"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | MARKDOWN_SUFFIXES | FEED_SUFFIXES


def iter_files(paths: list[Path]) -> Iterator[tuple[Path, str | None]]:
    """Yield (file, None) for each file to read, or (path, reason) for one skipped.

    Folders are walked recursively, following symbolic links but never into a folder
    already visited (a link loop is reported once and skipped). Files given by name are
    read whatever their suffix; files found in folders only when their suffix is known.
    """
    seen_dirs: set[tuple[int, int]] = set()
    for top in paths:
        if not top.exists():
            yield top, "no such file or folder" if not top.is_symlink() else "broken link"
            continue
        if not top.is_dir():
            yield top, None
            continue
        stack = [top]
        while stack:
            folder = stack.pop()
            try:
                st = folder.stat()
            except OSError as exc:
                yield folder, f"cannot open folder ({exc.strerror or exc})"
                continue
            ident = (st.st_dev, st.st_ino)
            if ident in seen_dirs:
                yield folder, "folder already visited (symbolic link loop)"
                continue
            seen_dirs.add(ident)
            try:
                entries = sorted(os.scandir(folder), key=lambda e: e.name)
            except OSError as exc:
                yield folder, f"cannot list folder ({exc.strerror or exc})"
                continue
            subfolders = []
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                path = Path(entry.path)
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                if is_dir:
                    subfolders.append(path)
                elif path.suffix.lower() in SUFFIXES:
                    if entry.is_symlink() and not path.exists():
                        yield path, "broken link"
                    else:
                        yield path, None
            stack.extend(reversed(subfolders))


def _format_of(path: Path, data: bytes) -> str:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in FEED_SUFFIXES:
        return "feed"
    head = data[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if head.startswith(b"<?xml") and (b"<rss" in data[:2048] or b"<feed" in data[:2048]):
        return "feed"
    return "text"


_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
"""Opening never waits (a pipe with no writer) nor makes a terminal the controlling one."""


def _not_regular(mode: int) -> UnreadableFile:
    if stat.S_ISDIR(mode):
        return UnreadableFile("is a folder")
    if stat.S_ISFIFO(mode):
        kind = "a pipe, "
    elif stat.S_ISSOCK(mode):
        kind = "a socket, "
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device, "
    else:
        kind = ""
    return UnreadableFile(f"{kind}not a regular file; only files and folders are added")


def read_bytes(path: Path) -> bytes:
    """Read a regular file of at most :data:`MAX_BYTES`.

    A device, pipe or socket is refused before it is opened (reading ``/dev/zero`` never
    ends, opening a pipe waits for a writer); what is opened is checked again, in case
    the path was replaced in between, and read with the bound whatever its size said.
    """
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            raise _not_regular(st.st_mode)
        if st.st_size > MAX_BYTES:
            raise too_large(st.st_size)
        fd = os.open(path, _OPEN_FLAGS)
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise _not_regular(st.st_mode)
            return read_limited(lambda n: os.read(fd, n))
        finally:
            os.close(fd)
    except PermissionError:
        raise UnreadableFile("permission denied") from None
    except IsADirectoryError:
        raise UnreadableFile("is a folder") from None
    except OSError as exc:
        raise UnreadableFile(f"cannot read ({exc.strerror or exc})") from None


def read_file(path: Path) -> list[Document]:
    """Read one file into documents (several for a feed).

    Raises:
        UnreadableFile: with the one-line reason the file is skipped.
    """
    data = read_bytes(path)
    fmt = _format_of(path, data)
    if fmt == "feed":
        from index.ingest.feed import read_feed

        if not data.strip():
            raise UnreadableFile("empty file")
        return read_feed(data)
    text, _encoding = decode_bytes(data)
    if fmt == "html":
        from index.ingest.html_page import read_html

        return [read_html(text)]
    text = sanitize(text)
    if not text.strip():
        raise UnreadableFile("no text after removing control characters")
    if fmt == "markdown":
        from index.ingest.markdown import read_markdown

        return [read_markdown(text)]
    return [Document(format="text", text=text)]
