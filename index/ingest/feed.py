"""RSS and Atom feed files: one article per entry, through feedparser."""

from __future__ import annotations

import hashlib
import time
from collections import Counter

from index.ingest.decode import UnreadableFile
from index.ingest.documents import Document
from index.ingest.sanitize import sanitize
from index.model import CleanResult

_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd", "dt"}


def html_paragraphs(html: str) -> list[str]:
    """Paragraph texts of an HTML fragment (a feed entry's content)."""
    import lxml.html

    if "<" not in html:
        return [" ".join(p.split()) for p in html.split("\n\n") if p.strip()]
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # lxml raises several kinds on broken markup
        return [" ".join(html.split())] if html.strip() else []
    paragraphs: list[str] = []
    blocks = [el for el in root.iter() if isinstance(el.tag, str) and el.tag in _BLOCKS]
    # Keep only innermost blocks, so a <li><p>..</p></li> is one paragraph.
    for el in blocks:
        if any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in el.iterdescendants()):
            continue
        text = " ".join(el.text_content().split())
        if text:
            paragraphs.append(text)
    if not paragraphs:
        text = " ".join(root.text_content().split())
        paragraphs = [text] if text else []
    return paragraphs


def _iso(struct: time.struct_time | None) -> str | None:
    if not struct:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", struct)


def _unique_keys(keyed: list[tuple[str, str]]) -> list[str]:
    """Entries' keys, unique within their file and stable as the feed rolls.

    ``keyed`` holds each entry's (key, text). Feeds do repeat a ``<guid>`` (or, with
    none, a title): every entry whose key another entry shares is told apart by its own
    content, never by its position, which moves, nor by which of them comes first, which
    changes as the feed drops an entry.
    """
    counts = Counter(key for key, _text in keyed)
    taken: set[str] = set()
    keys = []
    for key, text in keyed:
        if counts[key] > 1:
            key = f"{key}#{hashlib.sha1(text.encode('utf-8')).hexdigest()[:12]}"
        unique, n = key, 1
        while unique in taken:  # the same content twice under one key
            n += 1
            unique = f"{key}#{n}"
        taken.add(unique)
        keys.append(unique)
    return keys


def read_feed(data: bytes) -> list[Document]:
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None)
        raise UnreadableFile(f"not a readable feed ({reason})" if reason else "feed has no entries")
    outlet = sanitize(parsed.feed.get("title", "")).strip() or None
    documents = []
    keyed: list[tuple[str, str]] = []
    for entry in parsed.entries:
        content = entry.get("content")
        html = content[0].get("value", "") if content else entry.get("summary", "")
        paragraphs = [sanitize(p) for p in html_paragraphs(html)]
        title = sanitize(entry.get("title", "")).strip()
        if not paragraphs and not title:
            continue
        authors = [sanitize(a.get("name", "")).strip() for a in entry.get("authors", [])]
        cleaned = CleanResult(
            title=title or None,
            authors=[a for a in authors if a],
            published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
            outlet=outlet,
            paragraphs=paragraphs,
        )
        text = "\n".join([title, *paragraphs])
        keyed.append((entry.get("id") or entry.get("link") or title, text))
        documents.append(Document(format="feed", text=text, cleaned=cleaned))
    if not documents:
        raise UnreadableFile("feed entries have no text")
    for doc, key in zip(documents, _unique_keys(keyed), strict=True):
        doc.key = key
    return documents
