"""Fingerprints of lines, to find the ones an outlet repeats across its articles.

The store counts in how many articles of one outlet each key occurs and hands
:func:`index.clean.clean_page` the keys of a page that recur in several. A key is
stable under case and whitespace changes, so "Subscribe" and "SUBSCRIBE " match.
"""

from __future__ import annotations

import hashlib
import re

_NON_WORD_RE = re.compile(r"[\W_]+", re.UNICODE)
_NON_WORD_KEEP_LINES_RE = re.compile(r"[^\w\n]+", re.UNICODE)
"""Like _NON_WORD_RE, but keeps line breaks (underscores are made spaces first)."""
MIN_KEY_CHARS = 4
"""Lines shorter than this (after normalising) are too common to say anything."""


def normalize_line(line: str) -> str:
    """Casefolded words of ``line`` joined by single spaces (punctuation dropped)."""
    return _NON_WORD_RE.sub(" ", line.casefold()).strip()


def line_key(line: str) -> str:
    """A short stable fingerprint of ``line`` (16 hex digits of a BLAKE2 hash)."""
    return _key(normalize_line(line))


def _key(normalized: str) -> str:
    return hashlib.blake2b(normalized.encode("utf-8"), digest_size=8).hexdigest()


def page_line_keys(text: str) -> set[str]:
    """Keys of the lines of a page worth counting across articles.

    Bare numbers, times and one-word chrome are left out: they recur everywhere,
    so counting them would only make the store's table bigger. The whole page is
    normalised at once, keeping its line breaks: the keys are those of
    :func:`line_key` of each line, for a tenth of the work.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u200b", "")
    keys: set[str] = set()
    folded = text.casefold().replace("_", " ")
    for norm in _NON_WORD_KEEP_LINES_RE.sub(" ", folded).split("\n"):
        norm = norm.strip()
        if len(norm) < MIN_KEY_CHARS or norm.replace(" ", "").isdigit():
            continue
        keys.add(_key(norm))
    return keys
