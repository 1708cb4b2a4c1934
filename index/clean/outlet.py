"""The outlet, from the page's own words: a byline, a copyright line or a URL.

Body sentences are never read for it ("... sent outside business hours by
Business Insider." names the outlet, but in prose we cannot tell it from any
other organisation the article mentions).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_COPYRIGHT_RE = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(?:19|20)\d\d\s*(?:[-–]\s*(?:19|20)\d\d)?\s*,?\s*)?"
    r"(?P<name>[^.|,©]{2,60}?)"
    r"\s*(?:,?\s*(?:inc|ltd|llc|gmbh|s\.?a|plc|co)\b\.?)?"
    r"\s*(?:[.|,]|all rights|todos os|alle rechte|все права|$)",
    re.IGNORECASE,
)
_URL_RE = re.compile(
    r"(?:https?://)?(?:www\.)(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)+)|https?://(?P<host2>[a-z0-9-]+(?:\.[a-z0-9-]+)+)",
    re.IGNORECASE,
)
_SHORTENERS = re.compile(r"^(?:amzn\.to|bit\.ly|t\.co|goo\.gl|youtu\.be|ow\.ly|tinyurl\.com)$")


def copyright_outlet(text: str) -> str | None:
    """ "© 2019 The New York Times Company" -> "The New York Times Company"."""
    m = _COPYRIGHT_RE.search(text)
    if not m:
        return None
    name = m.group("name").strip(" -–:")
    words = name.split()
    if (
        not 1 <= len(words) <= 6
        or not name[:1].isupper()
        or any(ch.isdigit() or ch == "/" for ch in name)
    ):
        return None
    return name


def url_outlet(text: str) -> str | None:
    """The host of the first URL in ``text`` without "www.", unless it is a link shortener."""
    for m in _URL_RE.finditer(text):
        host = (m.group("host") or m.group("host2") or "").lower()
        if host and not _SHORTENERS.match(host):
            return host
    return None


def find_outlet(chrome_lines: Iterable[str]) -> str | None:
    """The first outlet named by a copyright line, else by a URL, among ``chrome_lines``."""
    lines = list(chrome_lines)
    for text in lines:
        if len(text) <= 200:
            name = copyright_outlet(text)
            if name:
                return name
    for text in lines:
        host = url_outlet(text)
        if host:
            return host
    return None
