"""The SQLite side of the library: article records, file states, recurring lines.

Whoosh answers queries; SQLite holds what is shown (titles, bodies, figures) and
what incremental ingest needs (which file gave which article, at which size and
mtime). Both live in the library folder.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from index.model import Article

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    outlet TEXT,
    published TEXT,
    added REAL NOT NULL,
    data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE TABLE IF NOT EXISTS sources (
    path TEXT NOT NULL,
    key TEXT NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (path, key)
);
CREATE INDEX IF NOT EXISTS sources_article ON sources(article_id);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS line_keys (
    key TEXT NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (key, article_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS index_pending (
    article_id TEXT PRIMARY KEY
) WITHOUT ROWID;
"""
_TABLES = {"articles", "sources", "files", "line_keys", "state", "index_pending"}

SCHEMA_VERSION = 2
"""``PRAGMA user_version``: 2 added ``index_pending`` and ``sources.present``."""


class RecordsError(Exception):
    """``library.sqlite`` cannot be opened or written; ``kind`` says why, for the message:
    ``full`` (no space left), ``readonly``, ``busy`` (locked by another process),
    ``damaged`` (not a database, or malformed), or ``other``."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind


def error_kind(exc: BaseException) -> str:
    """Which of :class:`RecordsError`'s kinds an SQLite or OS error is."""
    import errno

    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return "full"
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return "readonly"
        return "other"
    text = str(exc).lower()
    if "disk is full" in text or "disk full" in text:
        return "full"
    if "readonly" in text or "read-only" in text:
        return "readonly"
    if "locked" in text or "busy" in text:
        return "busy"
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return "damaged"
    return "other"


class StoredArticle(NamedTuple):
    """What the articles table keeps of an article: the listed columns and the packed whole."""

    id: str
    content_hash: str
    title: str
    outlet: str | None
    published: str | None
    packed: bytes

    @classmethod
    def of(cls, article: Article) -> StoredArticle:
        """The row of an article (packing it: compressed JSON)."""
        return cls(
            article.id,
            article.content_hash,
            article.title,
            article.outlet,
            article.published,
            _pack(article),
        )


@dataclass(slots=True, frozen=True)
class ArticleRow:
    """What a list of articles shows, without loading bodies."""

    id: str
    title: str
    outlet: str | None
    published: str | None


def _pack(article: Article) -> bytes:
    return zlib.compress(json.dumps(article.to_dict(), ensure_ascii=False).encode(), 3)


def _unpack(blob: bytes) -> Article:
    return Article.from_dict(json.loads(zlib.decompress(blob)))


class Records:
    """Article records and ingest bookkeeping in ``library.sqlite``."""

    def __init__(self, path: Path, *, readonly: bool = False) -> None:
        """Open (or create) the records.

        ``readonly`` opens an existing database without writing anything, for a library on
        a read-only file system or folder (SQLite's ``immutable`` mode where even its
        shared-memory file cannot be made).

        Raises:
            RecordsError: the database cannot be opened; its ``kind`` says why.
        """
        self.path = path
        self.readonly = readonly
        try:
            self.db = self._connect(path, readonly)
            if not readonly:
                self._migrate()
        except sqlite3.Error as exc:
            raise RecordsError(error_kind(exc), str(exc)) from exc

    @staticmethod
    def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
        if not readonly:
            db = sqlite3.connect(path, timeout=10, check_same_thread=False)
            db.execute("PRAGMA synchronous=NORMAL")
            return db
        uri = path.absolute().as_uri()
        try:
            db = sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False)
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return db
        except sqlite3.OperationalError:  # WAL with no -shm file and no right to make one
            return sqlite3.connect(f"{uri}?immutable=1", uri=True, check_same_thread=False)

    def _migrate(self) -> None:
        """Create or upgrade the tables; writes nothing when they are current, so that a
        sound library still opens on a full disk."""
        db = self.db
        version = db.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if version >= SCHEMA_VERSION and _TABLES <= tables:
            return
        if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            db.execute("PRAGMA journal_mode=WAL")
        db.executescript(_SCHEMA)
        columns = {r[1] for r in db.execute("PRAGMA table_info(sources)")}
        if "present" not in columns:
            db.execute("ALTER TABLE sources ADD COLUMN present INTEGER NOT NULL DEFAULT 1")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.commit()

    def close(self) -> None:
        self.db.close()

    def commit(self) -> None:
        self.db.commit()

    # Index changes not yet known to be in the Whoosh index

    def mark_pending(self, article_ids: Iterable[str]) -> None:
        """Note, in the same transaction as the records, articles whose index documents
        are about to change; cleared once the index has committed them."""
        self.db.executemany(
            "INSERT OR IGNORE INTO index_pending (article_id) VALUES (?)",
            ((i,) for i in article_ids),
        )

    def pending(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT article_id FROM index_pending")]

    def clear_pending(self) -> None:
        self.db.execute("DELETE FROM index_pending")
        self.db.commit()

    def ids(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT id FROM articles")}

    # Articles

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def get(self, article_id: str) -> Article | None:
        row = self.db.execute("SELECT data FROM articles WHERE id = ?", (article_id,)).fetchone()
        return _unpack(row[0]) if row else None

    def find_ids(self, prefix: str) -> list[str]:
        """Ids starting with ``prefix`` (users type short ids, as with git)."""
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self.db.execute(
            "SELECT id FROM articles WHERE id LIKE ? ESCAPE '\\' LIMIT 2", (escaped + "%",)
        )
        return [r[0] for r in rows]

    def by_hash(self, content_hash: str) -> str | None:
        row = self.db.execute(
            "SELECT id FROM articles WHERE content_hash = ?", (content_hash,)
        ).fetchone()
        return row[0] if row else None

    def rows(self, order: str = "published", limit: int | None = None) -> list[ArticleRow]:
        """All articles (or the first ``limit``), newest first (undated ones last)."""
        sql = "SELECT id, title, outlet, published FROM articles "
        if order == "published":
            sql += "ORDER BY published IS NULL, published DESC, added DESC"
        else:
            sql += "ORDER BY added DESC"
        if limit is not None:
            return [ArticleRow(*r) for r in self.db.execute(sql + " LIMIT ?", (limit,))]
        return [ArticleRow(*r) for r in self.db.execute(sql)]

    def _rows_in(self, sql: str, keys: Iterable[str]) -> Iterator[Any]:
        """Rows of ``sql``, whose ``{marks}`` is an IN list, for all ``keys``: 500 at a
        time, under SQLite's limit on variables."""
        keys = list(keys)
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            yield from self.db.execute(sql.format(marks=",".join("?" * len(chunk))), chunk)

    def rows_for(self, ids: Iterable[str]) -> dict[str, ArticleRow]:
        sql = "SELECT id, title, outlet, published FROM articles WHERE id IN ({marks})"
        return {r[0]: ArticleRow(*r) for r in self._rows_in(sql, ids)}

    def texts_for(self, ids: Iterable[str]) -> dict[str, str]:
        """Summary and body of each article as one string, for search snippets.

        Reads only those two keys of the packed record: building whole ``Article``
        objects (figures, sources, captions) was half the cost of a search's snippets.
        """
        found: dict[str, str] = {}
        for article_id, blob in self._rows_in(
            "SELECT id, data FROM articles WHERE id IN ({marks})", ids
        ):
            data = json.loads(zlib.decompress(blob))
            found[article_id] = " ".join([*data["summary"], *data["paragraphs"]])
        return found

    def articles(self) -> Iterator[Article]:
        for (blob,) in self.db.execute("SELECT data FROM articles ORDER BY published"):
            yield _unpack(blob)

    def put(self, article: Article, added: float) -> None:
        self.put_packed(StoredArticle.of(article), added)

    def put_packed(self, stored: StoredArticle, added: float) -> None:
        """Store an article packed in an ingest worker (no need to send the whole one back)."""
        self.db.execute(
            "INSERT OR REPLACE INTO articles (id, content_hash, title, outlet, published, added, data)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                stored.id,
                stored.content_hash,
                stored.title,
                stored.outlet,
                stored.published,
                added,
                stored.packed,
            ),
        )

    def replace_data(self, article: Article) -> None:
        """Store ``article``'s new figures and sources (or any data not in the columns),
        keeping when it was added."""
        self.db.execute(
            "UPDATE articles SET data = ? WHERE id = ?",
            (StoredArticle.of(article).packed, article.id),
        )

    def delete(self, article_id: str) -> None:
        self.db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        self.db.execute("DELETE FROM line_keys WHERE article_id = ?", (article_id,))

    # Which file (and feed entry) gave which article

    def links_of_path(self, path: str, *, present_only: bool = False) -> dict[str, str]:
        """{entry key: article id} for a file; ``present_only``: only the entries its last
        version still held (a feed drops old entries; their articles stay)."""
        sql = "SELECT key, article_id FROM sources WHERE path = ?"
        if present_only:
            sql += " AND present"
        return dict(self.db.execute(sql, (path,)).fetchall())

    def link(self, path: str, key: str, article_id: str) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO sources (path, key, article_id, present) VALUES (?, ?, ?, 1)",
            (path, key, article_id),
        )

    def mark_absent(self, path: str, present_keys: Iterable[str]) -> None:
        """The file's entries not among ``present_keys`` are gone from its last version."""
        keys = set(present_keys)
        for (key,) in self.db.execute(
            "SELECT key FROM sources WHERE path = ? AND present", (path,)
        ).fetchall():
            if key not in keys:
                self.db.execute(
                    "UPDATE sources SET present = 0 WHERE path = ? AND key = ?", (path, key)
                )

    def unlink(self, path: str, key: str) -> None:
        self.db.execute("DELETE FROM sources WHERE path = ? AND key = ?", (path, key))

    def paths_of(self, article_id: str) -> list[str]:
        rows = self.db.execute(
            "SELECT DISTINCT path FROM sources WHERE article_id = ? ORDER BY path", (article_id,)
        )
        return [r[0] for r in rows]

    # File states, for skipping unchanged files without reading them

    def file_state(self, path: str) -> tuple[int, int] | None:
        row = self.db.execute("SELECT size, mtime_ns FROM files WHERE path = ?", (path,)).fetchone()
        return (row[0], row[1]) if row else None

    def set_file_state(self, path: str, size: int, mtime_ns: int) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO files (path, size, mtime_ns) VALUES (?, ?, ?)",
            (path, size, mtime_ns),
        )

    # Lines that recur across articles (boilerplate evidence for the cleaner)

    def line_key_counts(self, keys: Iterable[str]) -> dict[str, int]:
        sql = "SELECT key, count(*) FROM line_keys WHERE key IN ({marks}) GROUP BY key"
        return dict(self._rows_in(sql, keys))

    def add_line_keys(self, article_id: str, keys: Iterable[str]) -> None:
        self.db.executemany(
            "INSERT OR IGNORE INTO line_keys (key, article_id) VALUES (?, ?)",
            ((k, article_id) for k in keys),
        )

    def outlet_sharing(self, keys: Iterable[str], min_shared: int = 3) -> str | None:
        """The outlet whose articles share the most of these lines (at least ``min_shared``).

        Pages of one site repeat its appeals, sidebars and footers; a page whose own
        text does not name its outlet can take it from the pages it shares them with.
        """
        keys = list(keys)[:500]
        if not keys:
            return None
        marks = ",".join("?" * len(keys))
        row = self.db.execute(
            "SELECT a.outlet, count(DISTINCT k.key) AS n FROM line_keys k"
            " JOIN articles a ON a.id = k.article_id"
            f" WHERE k.key IN ({marks}) AND a.outlet IS NOT NULL"
            " GROUP BY a.outlet ORDER BY n DESC LIMIT 1",
            keys,
        ).fetchone()
        return row[0] if row and row[1] >= min_shared else None

    # Small persistent state (the app's read marks, last article, settings)

    def get_state(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_state(self, key: str, value: str) -> None:
        """Keep a small value; nothing is kept in a read-only library."""
        if self.readonly:
            return
        self.db.execute("INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)", (key, value))
        self.db.commit()
