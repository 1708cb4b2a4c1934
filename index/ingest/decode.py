"""From bytes to text: size limits, binary detection, encoding detection."""

from __future__ import annotations

import codecs

MAX_BYTES = 20 * 1024 * 1024
"""Largest file read. A saved article is rarely over 2 MB; 20 MB leaves room for feeds."""


class UnreadableFile(Exception):
    """A file that is skipped, with the one-line reason shown to the user."""


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: every other byte NUL in mostly-ASCII text."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.8 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.8 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _is_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    if sample.count(0) > len(sample) // 100 + 1:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(sample) * 0.1


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode file contents, returning (text, encoding).

    Raises:
        UnreadableFile: empty, too large, binary, or no encoding fits.
    """
    if not data.strip():
        raise UnreadableFile("empty file")
    if len(data) > MAX_BYTES:
        raise UnreadableFile(
            f"too large ({len(data) / 1e6:.1f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB)"
        )
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

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise UnreadableFile("unknown text encoding")
    encoding = best.encoding
    # charset-normalizer often names cp1252's subset; cp1252 decodes "smart quotes" too.
    if encoding in ("latin_1", "iso8859_1", "ascii"):
        encoding = "cp1252"
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return data.decode(encoding, errors="replace"), encoding
