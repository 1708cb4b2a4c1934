"""From a document read off disk to a stored article: clean, then extract, once."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from index.clean import clean_page
from index.extract import extract
from index.ingest.documents import Document
from index.model import Article, CleanResult, Extraction
from index.schema import index_tokens, pair_signature


def content_hash(doc: Document) -> str:
    """Hash of the document's input; the same content under two paths is one article."""
    return hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).hexdigest()


def new_article_id(chash: str) -> str:
    return chash[:12]


def clean(doc: Document, boilerplate: frozenset[str] = frozenset()) -> CleanResult:
    if doc.cleaned is not None:
        return doc.cleaned
    return clean_page(doc.text, boilerplate=boilerplate)


def build_article(
    doc: Document,
    *,
    article_id: str,
    chash: str,
    paths: list[str],
    fallback_title: str,
    boilerplate: frozenset[str] = frozenset(),
) -> Article:
    cleaned = clean(doc, boilerplate)
    return assemble_article(
        doc,
        cleaned,
        extract(cleaned.body),
        article_id=article_id,
        chash=chash,
        paths=paths,
        fallback_title=fallback_title,
    )


def assemble_article(
    doc: Document,
    cleaned: CleanResult,
    found: Extraction,
    *,
    article_id: str,
    chash: str,
    paths: list[str],
    fallback_title: str,
) -> Article:
    """The article made of a document's cleaning and extraction results."""
    return Article(
        id=article_id,
        paths=paths,
        title=cleaned.title or fallback_title,
        outlet=cleaned.outlet,
        authors=list(cleaned.authors),
        published=cleaned.published,
        summary=list(cleaned.summary),
        paragraphs=list(cleaned.paragraphs),
        captions=list(cleaned.captions),
        removed=list(cleaned.removed),
        figures=found.figures,
        sources=found.sources,
        content_hash=chash,
        format=doc.format,
    )


def parse_published(value: str | None) -> datetime | None:
    """An ISO 8601 date or date-time as a naive UTC datetime (what Whoosh stores)."""
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is not None:
        when = when.astimezone(UTC).replace(tzinfo=None)
    return when


def search_fields(article: Article) -> dict[str, object]:
    """The Whoosh document for an article, its text fields as token lists.

    Tokens are made here, in the ingest workers, as the field's analyzer would make
    them; Whoosh indexes a list as it is.
    """
    names = article.source_names()
    body_tokens = index_tokens(
        "\n".join(
            [
                article.title,
                *article.summary,
                article.body,
                *article.authors,
                article.outlet or "",
                *names,
            ]
        )
    )
    spans = {s.text for s in article.sources if s.kind == "named"}
    fields: dict[str, object] = {
        "id": article.id,
        "title": index_tokens(article.title),
        "body": body_tokens,
        "author": index_tokens("; ".join(article.authors)),
        "outlet": index_tokens(article.outlet or ""),
        "source": index_tokens("; ".join([*names, *sorted(spans)])),
        "figure": index_tokens("; ".join(f.text for f in article.figures)),
        "hash": article.content_hash,
        "pairs": pair_signature(body_tokens),
    }
    published = parse_published(article.published)
    if published is not None:
        fields["published"] = published
    return fields
