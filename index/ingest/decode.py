"""From bytes to text: size limits, binary detection, encoding detection."""

from __future__ import annotations

import codecs
from collections.abc import Callable

MAX_BYTES = 20 * 1024 * 1024
"""Largest file read. A saved article is rarely over 2 MB; 20 MB leaves room for feeds."""

_CHUNK = 1 << 20


class UnreadableFile(Exception):
    """A file that is skipped, with the one-line reason shown to the user."""


def too_large(size: int | None = None) -> UnreadableFile:
    """The error for more than :data:`MAX_BYTES`; ``size`` when known (else "over")."""
    limit = f"{MAX_BYTES // 2**20} MB"
    if size is None:
        return UnreadableFile(f"too large (over {limit})")
    return UnreadableFile(f"too large ({size / 2**20:.1f} MB; the limit is {limit})")


def read_limited(read: Callable[[int], bytes]) -> bytes:
    """All that ``read(n)`` gives until it gives nothing, reading at most one byte more
    than :data:`MAX_BYTES`: an endless source (``/dev/zero``, a pipe that never closes
    with data in it) is refused after 20 MB instead of filling memory.

    ``read`` is a file's, a stream's or ``lambda n: os.read(fd, n)``; it may return fewer
    bytes than asked.

    Raises:
        UnreadableFile: more than :data:`MAX_BYTES`.
    """
    chunks: list[bytes] = []
    size = 0
    while size <= MAX_BYTES:
        chunk = read(min(_CHUNK, MAX_BYTES + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > MAX_BYTES:
        raise too_large()
    return b"".join(chunks)


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: NUL bytes that decode, in one byte order, to printable text."""
    sample = data[:8192]
    if len(sample) < 4 or sample.count(0) < len(sample) // 20:
        return None
    sample = sample[: len(sample) // 2 * 2]
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        printable = sum(1 for ch in text if ch.isprintable() or ch in "\n\r\t")
        if printable >= 0.97 * len(text):
            return encoding
    return None


_NOT_CONTROL = bytes([9, 10, 12, 13, 27, *range(32, 256)])
"""Bytes that are not control characters (tab, newlines, form feed and ESC count as text)."""


def _is_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    if sample.count(0) > len(sample) // 100 + 1:
        return True
    controls = len(sample.translate(None, _NOT_CONTROL))
    return controls > len(sample) * 0.1


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode file contents, returning (text, encoding).

    Raises:
        UnreadableFile: empty, too large, binary, or no encoding fits.
    """
    if not data.strip():
        raise UnreadableFile("empty file")
    if len(data) > MAX_BYTES:
        raise too_large(len(data))
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    utf16 = _looks_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    if _is_binary(data):
        raise UnreadableFile("binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[:200_000]))
    if not matches or matches[0].encoding is None:
        raise UnreadableFile("unknown text encoding")
    encoding = matches[0].encoding
    # Short Western texts fit many code pages equally well; among near-equal candidates
    # prefer windows-1252, by far the most common legacy encoding of saved pages (HTML5
    # decodes "latin-1" as windows-1252 for the same reason).
    best_chaos = matches[0].chaos
    for match in matches:
        if match.chaos <= best_chaos + 0.05 and "cp1252" in match.could_be_from_charset:
            encoding = "cp1252"
            break
    if encoding in ("latin_1", "iso8859_1", "ascii"):
        encoding = "cp1252"
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return data.decode(encoding, errors="replace"), encoding


def read_page(path: str | None) -> str:
    """A page dump as ``reader add`` would read it: the file at ``path`` (standard input
    for None or ``-``), read with the size bound, decoded, control characters made safe.

    What ``reader clean`` and ``python -m index.clean`` both read, so the two print the
    same for the same bytes.

    Raises:
        OSError: the file cannot be opened or read.
        UnreadableFile: empty, too large, binary, or no encoding fits.
    """
    import sys

    from index.ingest.sanitize import sanitize

    if path is None or path == "-":
        data = read_limited(sys.stdin.buffer.read)
    else:
        # Any file the user names, a pipe or a device too, read with the size bound.
        with open(path, "rb") as fh:
            data = read_limited(fh.read)
    text, _encoding = decode_bytes(data)
    return sanitize(text)
