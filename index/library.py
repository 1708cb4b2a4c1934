"""The library: a folder holding the Whoosh index and the article records.

All writes happen under one lock file, so two ``reader add`` runs never interleave;
the second waits a few seconds and then gives up with :class:`LibraryBusy`,
having changed nothing.

The records (``library.sqlite``) are the truth; the Whoosh index is derived from them.
An add commits the records first, noting in the same transaction which articles' index
documents change (``index_pending``), then the index, then clears the note. A crash or
a full disk between the two leaves the note behind, and the next writer (or
:meth:`Library.mend`) re-indexes just those articles from their records: never a search
hit without an article, never an article twice.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import shutil
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import filelock
from whoosh.writing import NO_MERGE

from index import merging
from index.clean.recurring import page_line_keys
from index.ingest import Document, UnreadableFile, iter_files, read_file
from index.model import Article
from index.pipeline import build_article, content_hash, new_article_id, search_fields
from index.records import ArticleRow, Records, RecordsError, StoredArticle, error_kind
from index.writer import SegmentWriter

RECURRING_MIN_ARTICLES = 3
"""A line seen in this many articles is boilerplate evidence for the cleaner."""

LOCK_TIMEOUT = 5.0
PARALLEL_MIN_FILES = 200
"""Below this many files a single-process Whoosh writer is quicker than starting workers."""
CHUNK = 200
"""Files read, cleaned and stored per step; the progress bar moves once a step."""
PARALLEL_MIN_BUILDS = 32
WORKER_LIMIT_MB = 384
"""Postings a worker holds in memory (by Whoosh's estimate, close to the real size)
before it writes them out as a segment; about 5,000 news articles."""
FINISH_TIMEOUT = 600.0
"""Seconds a worker waits for the others to reach the end of a batch."""


class LibraryError(Exception):
    """The library cannot be opened or written; the message says why, for the user."""


class LibraryBusy(LibraryError):
    """Another process is writing to the library."""


class LibraryFull(LibraryError):
    """The disk holding the library has no space left."""


class LibraryReadOnly(LibraryError):
    """The library's folder or file system cannot be written."""


def _disk_full(folder: Path) -> bool:
    """Whether the file system holding ``folder`` has (nearly) no space left."""
    try:
        return shutil.disk_usage(folder).free < 256 * 1024
    except OSError:
        return False


def _write_error(folder: Path, exc: BaseException) -> LibraryError | None:
    """The library error for a failed write, or None when it is none of the known kinds."""
    kind = error_kind(exc)
    if kind == "other" and _disk_full(folder):  # SQLite says "disk I/O error"
        kind = "full"
    if kind == "full":
        return LibraryFull(
            f"the disk holding {folder} is full; nothing was changed: free some space "
            "and try again (the library itself is sound)"
        )
    if kind == "readonly":
        return LibraryReadOnly(
            f"the library {folder} is read-only ({exc}); it can be listed and searched, "
            "but nothing can be added to it"
        )
    if kind == "busy":
        return LibraryBusy(
            f"the library is busy: another reader is writing to {folder}; "
            "try again when it has finished"
        )
    return None


class ArticleNotFound(Exception):
    pass


@dataclass
class AddReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    mended: str | None = None
    """What was repaired before the add (an earlier write interrupted), if anything."""

    def summary(self) -> str:
        return (
            f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
            f"{len(self.skipped)} skipped"
        )


ProgressCallback = Callable[[Path, str], None]
"""Called once per file with the file and what happened: added, updated, unchanged, skipped."""


@dataclass(slots=True)
class _Pending:
    path: str
    doc: Document
    chash: str
    keys: frozenset[str]


def index_stamp(folder: Path) -> tuple[int, int] | None:
    """What changes whenever the library's search index does: the ``whoosh`` folder's
    inode (a reindex swaps in a new folder) and modification time (every commit writes
    a new table of contents into it). None when there is no index.

    One ``stat``: cheap enough to ask before every search, and for the app to poll, to
    see adds, updates and reindexes made by another process.
    """
    try:
        info = os.stat(Path(folder) / "whoosh")
    except OSError:
        return None
    return (info.st_ino, info.st_mtime_ns)


REBUILD_WAIT = 5.0
"""Seconds an open waits for a reindex in another process to swap its index in."""


class Library:
    """A reader library in ``folder``: ``library.sqlite`` and ``whoosh/``."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        if self.folder.exists() and not self.folder.is_dir():
            raise LibraryError(f"the library {self.folder} is not a folder")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryError(
                f"cannot create the library folder {self.folder} ({exc.strerror or exc})"
            ) from exc
        database = self.folder / "library.sqlite"
        self.readonly = not os.access(self.folder, os.W_OK) or (
            database.exists() and not os.access(database, os.W_OK)
        )
        self.full = False
        """The disk is full: the library was opened for reading only."""
        try:
            try:
                self.records = Records(database, readonly=self.readonly)
            except RecordsError as exc:
                if self.readonly or not database.exists():
                    raise
                if exc.kind == "readonly":
                    self.readonly = True  # a read-only mount that os.access did not tell
                elif _disk_full(self.folder):
                    self.readonly = self.full = True  # SQLite cannot even map its WAL index
                else:
                    raise
                self.records = Records(database, readonly=True)
        except RecordsError as exc:
            raise self._records_error(database, exc) from exc
        self._index: Any = None
        self._searcher: Any = None
        self._stamp: tuple[int, int] | None = None
        """:func:`index_stamp` when the index was opened."""
        self._write_locked = False
        self.reextracted = 0
        """How many articles the last :meth:`reindex` found new figures or sources in."""
        self.mended: str | None = None
        """What :meth:`mend` last repaired, for the user: None when nothing was wrong."""

    def _records_error(self, database: Path, exc: RecordsError) -> LibraryError:
        known = _write_error(self.folder, exc)
        if exc.kind == "full" and known is not None:
            return LibraryFull(
                f"the disk holding {self.folder} is full, so {database.name} cannot be "
                "opened; free some space and try again (the library itself is sound)"
            )
        if known is not None:
            return known
        if exc.kind == "damaged":
            return LibraryError(
                f"{database} is damaged ({exc}); restore it from a backup, or move it "
                "aside and add your articles again"
            )
        return LibraryError(f"cannot open {database} ({exc})")

    # Opening and closing

    @property
    def index(self) -> Any:
        """The Whoosh index, created on first use."""
        if self._index is None:
            from whoosh import index as whoosh_index

            from index.schema import make_schema

            path = self.folder / "whoosh"
            self._await_rebuild(path)
            self._stamp = index_stamp(self.folder)
            ix = None
            if path.is_dir():
                try:
                    ix = whoosh_index.open_dir(str(path), readonly=self.readonly)
                except whoosh_index.EmptyIndexError:
                    pass  # no index in it yet
                except Exception as exc:
                    raise self._damaged(exc) from exc
            if ix is not None and set(ix.schema.names()) != set(make_schema().names()):
                ix.close()  # made by an older version: rebuild it in this one's schema
                self.reindex()
                ix = whoosh_index.open_dir(str(path))
            elif ix is None and self.records.count():
                # The index went missing under stored articles: rebuild it from them.
                self.reindex()
                ix = whoosh_index.open_dir(str(path))
            elif ix is None:
                if self.readonly:
                    raise LibraryReadOnly(
                        f"the library {self.folder} is read-only and has no search index yet"
                    )
                path.mkdir(parents=True, exist_ok=True)
                ix = whoosh_index.create_in(str(path), make_schema())
            self._index = ix
        return self._index

    def _await_rebuild(self, path: Path) -> None:
        """Between a reindex's two renames the index folder is missing for a moment:
        wait for it rather than take the library for one whose index is lost."""
        if self._write_locked:
            return
        deadline = time.monotonic() + REBUILD_WAIT
        while not path.is_dir() and (self.folder / "whoosh.rebuild").is_dir():
            if time.monotonic() > deadline:
                return
            time.sleep(0.05)

    def reindex(self) -> None:
        """Rebuild the Whoosh index from the stored articles (after a schema change, or
        when it is damaged).

        Articles are not cleaned again: the records hold their bodies. Figures and
        sources are extracted again from those bodies, so better extraction rules reach
        a library built before them; the records commit first (they are the truth), then
        the index is built beside the old one and swapped in.
        """
        from whoosh import index as whoosh_index

        from index.extract import extract
        from index.schema import make_schema

        path = self.folder / "whoosh"
        fresh = self.folder / "whoosh.rebuild"
        self.reopen()
        with self.write_lock(), self._writing():
            changed = []
            for article in self.records.articles():
                found = extract(article.body)
                if found.figures != article.figures or found.sources != article.sources:
                    article.figures, article.sources = found.figures, found.sources
                    changed.append(article)
            for article in changed:
                self.records.replace_data(article)
            self.records.commit()
            self.reextracted = len(changed)
            shutil.rmtree(fresh, ignore_errors=True)
            fresh.mkdir()
            ix = whoosh_index.create_in(str(fresh), make_schema())
            writer = SegmentWriter(ix, compound=False, limitmb=256)
            for article in self.records.articles():
                writer.add_document(**search_fields(article))
            writer.commit()
            ix.close()
            old = self.folder / "whoosh.old"
            shutil.rmtree(old, ignore_errors=True)
            if path.exists():
                path.rename(old)
            fresh.rename(path)
            shutil.rmtree(old, ignore_errors=True)
            self.records.clear_pending()  # the new index holds every record as it is

    def searcher(self) -> Any:
        """A Whoosh searcher on the last commit (a new one after each write)."""
        if self._searcher is None:
            from index.scoring import FastBM25F

            index = self.index
            try:
                self._searcher = index.searcher(weighting=FastBM25F())
            except Exception as exc:  # a segment file missing or cut short
                raise self._damaged(exc) from exc
        return self._searcher

    def _damaged(self, exc: Exception) -> LibraryError:
        """The error for a search index that cannot be read; the records can rebuild it."""
        return LibraryError(
            f"the search index in {self.folder / 'whoosh'} cannot be read; rebuild it from "
            f"the stored articles with: reader reindex ({type(exc).__name__}: {exc})"
        )

    def close(self) -> None:
        self.reopen()
        self.records.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def write_lock(self, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
        """The library's write lock; re-entrant, so a rebuild inside an add does not wait
        for itself."""
        if self._write_locked:
            yield
            return
        if self.full:
            raise LibraryFull(
                f"the disk holding {self.folder} is full; nothing was changed: free some "
                "space and try again (the library itself is sound)"
            )
        if self.readonly:
            raise LibraryReadOnly(
                f"the library {self.folder} is read-only; it can be listed and searched, "
                "but nothing can be added to it"
            )
        lock = filelock.FileLock(str(self.folder / "write.lock"))
        try:
            lock.acquire(timeout=timeout)
        except filelock.Timeout:
            raise LibraryBusy(
                f"the library is busy: another reader is writing to {self.folder}; "
                "try again when it has finished"
            ) from None
        except OSError as exc:
            raise _write_error(self.folder, exc) or LibraryError(
                f"cannot lock the library {self.folder} ({exc.strerror or exc})"
            ) from exc
        self._write_locked = True
        try:
            yield
        finally:
            self._write_locked = False
            lock.release()

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """Turn a write's disk-full, read-only or locked error into the library's own."""
        try:
            yield
        except (OSError, sqlite3.Error) as exc:
            known = _write_error(self.folder, exc)
            if known is None:
                raise
            raise known from exc

    # Keeping the index in agreement with the records

    def check(self) -> list[str]:
        """What is wrong between the records and the index (empty: they agree).

        Reads every document id in the index: for tests and for :meth:`mend` when the
        counts differ, not for every open.
        """
        problems: list[str] = []
        if self.records.pending():
            problems.append(f"{len(self.records.pending())} articles have index changes pending")
        records = self.records.ids()
        indexed = Counter(self._indexed_ids())
        twice = sorted(i for i, n in indexed.items() if n > 1)
        if twice:
            problems.append(f"in the index twice: {', '.join(twice[:5])}")
        phantom = sorted(set(indexed) - records)
        if phantom:
            problems.append(f"in the index with no record: {', '.join(phantom[:5])}")
        missing = sorted(records - set(indexed))
        if missing:
            problems.append(f"not in the index: {', '.join(missing[:5])}")
        return problems

    def _indexed_count(self) -> int:
        """Documents in the index, from its table of contents alone (no segment is read)."""
        try:
            return sum(segment.doc_count() for segment in self.index._segments())
        except LibraryError:
            raise
        except Exception as exc:
            raise self._damaged(exc) from exc

    def _indexed_ids(self) -> list[str]:
        searcher = self.index.searcher()
        try:
            return [fields["id"] for fields in searcher.reader().all_stored_fields()]
        finally:
            searcher.close()

    def mend(self, *, lock_timeout: float = 0.0) -> str | None:
        """Bring the index into agreement with the records after an interrupted write.

        Cheap when nothing is wrong: it looks at the pending note and compares two counts.
        Skipped (None) when another process is writing: that one mends as it commits.
        Returns what was repaired, for the user, or None.
        """
        if self.readonly:
            return None
        if not self.records.pending() and self._indexed_count() == self.records.count():
            return None
        try:
            with self.write_lock(lock_timeout), self._writing():
                message = self._mend_locked()
        except LibraryBusy:
            return None
        self.mended = message
        return message

    def _mend_locked(self) -> str | None:
        pending = set(self.records.pending())
        if not pending and self._indexed_count() == self.records.count():
            return None
        if not pending:  # counts differ with nothing noted: compare every id
            indexed = Counter(self._indexed_ids())
            records = self.records.ids()
            pending = {i for i, n in indexed.items() if n > 1 or i not in records}
            pending |= records - set(indexed)
        merging.remove_orphans(self.index)
        writer = SegmentWriter(self.index, timeout=LOCK_TIMEOUT, compound=False, limitmb=256)
        try:
            for article_id in sorted(pending):
                writer.delete_by_term("id", article_id)
                article = self.records.get(article_id)
                if article is not None:
                    article.paths = self.records.paths_of(article_id) or article.paths
                    writer.add_document(**search_fields(article))
            writer.commit(mergetype=NO_MERGE)
        except BaseException:
            writer.cancel()
            raise
        self.records.clear_pending()
        self.reopen()
        return (
            f"the search index was behind the stored articles after an interrupted write; "
            f"re-indexed {len(pending)} article{'s' if len(pending) != 1 else ''}"
        )

    # Reading

    def count(self) -> int:
        return self.records.count()

    def rows(self, limit: int | None = None) -> list[ArticleRow]:
        """The articles newest first; ``limit`` gives the first page only (quicker)."""
        return self.records.rows(limit=limit)

    def get(self, ref: str) -> Article:
        """An article by id, or by a unique prefix of its id.

        Raises:
            ArticleNotFound: no article, or the prefix is ambiguous.
        """
        article = self.records.get(ref)
        if article is None and len(ref) >= 4:
            ids = self.records.find_ids(ref)
            if len(ids) == 1:
                article = self.records.get(ids[0])
            elif ids:
                raise ArticleNotFound(f"'{ref}' matches several articles; give more of the id")
        if article is None:
            raise ArticleNotFound(f"no article with id '{ref}' (see `reader list`)")
        article.paths = self.records.paths_of(article.id) or article.paths
        return article

    def search(self, text: str, **kwargs: Any) -> Any:
        """Run a query (see :func:`index.search.search`) on the index as last committed,
        by this process or another: an add or reindex made elsewhere since the last
        search is seen, and a searcher whose files a reindex deleted is replaced.

        Raises:
            QueryError: the query does not parse.
        """
        from index.search import QueryError, search

        if self._write_locked:
            return search(self, text, **kwargs)
        if self._index is not None and index_stamp(self.folder) != self._stamp:
            self.reopen()
        try:
            return search(self, text, **kwargs)
        except (QueryError, LibraryError):
            raise
        except Exception:
            # Opened just before another process swapped the index: its old files are
            # gone ('NoneType' object is not subscriptable). Once more on the new one.
            self.reopen()
            return search(self, text, **kwargs)

    # Writing

    def add(
        self,
        paths: Iterable[Path],
        *,
        on_progress: ProgressCallback | None = None,
        procs: int | None = None,
        lock_timeout: float = LOCK_TIMEOUT,
    ) -> AddReport:
        """Add files and folders (recursively) to the library.

        Unchanged files (same size and mtime) are not read again; a changed file
        replaces its article; the same content under two paths is one article.
        Files that cannot be read are skipped with a reason.

        Raises:
            LibraryBusy: another process held the write lock for ``lock_timeout`` s.
        """
        found = list(iter_files([Path(p) for p in paths]))
        report = AddReport()
        progress = on_progress or (lambda _path, _outcome: None)
        if procs is None:
            procs = min(2, os.cpu_count() or 1) if len(found) >= PARALLEL_MIN_FILES else 1
        with self.write_lock(lock_timeout), self._writing():
            report.mended = self.mend()
            merging.remove_orphans(self.index)  # what a killed add left behind
            batch = _Batch(self, procs)
            try:
                for start in range(0, len(found), CHUNK):
                    batch.run(found[start : start + CHUNK], report, progress)
                batch.commit()
            except BaseException:
                batch.cancel()
                raise
            if batch.wrote:
                self.reopen()
                # The add's articles are searchable now; merging small segments is a
                # commit of its own, bounded so that it never makes an add wait long.
                merging.tidy(self.index)
                self.reopen()
        return report

    def reopen(self) -> None:
        """Drop the searcher and index, so the next search sees the last commit (made
        here or by another process)."""
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None
        if self._index is not None:
            self._index.close()
            self._index = None


class _Batch:
    """One `add` run: reads, cleans, extracts and writes under the library's lock."""

    def __init__(self, library: Library, procs: int) -> None:
        self.library = library
        self.records = library.records
        self.procs = procs
        self.writer: SegmentWriter | None = None
        self.wrote = False
        self.now = time.time()
        self.pool: ProcessPoolExecutor | None = None
        self.touched: set[str] = set()
        """Articles whose index documents this batch adds or deletes."""
        # Opened (created, or rebuilt if it went missing) before any record is written,
        # and before the workers open it.
        library.index  # noqa: B018
        if procs > 1:
            context = multiprocessing.get_context("fork")
            self.pool = ProcessPoolExecutor(
                max_workers=procs,
                mp_context=context,
                initializer=_start_worker,
                initargs=(str(library.folder / "whoosh"), context.Barrier(procs)),
            )

    def _writer(self) -> SegmentWriter:
        """This process's writer: it holds Whoosh's lock, deletes, and commits every segment."""
        if self.writer is None:
            self.writer = SegmentWriter(
                self.library.index, timeout=LOCK_TIMEOUT, compound=False, limitmb=256
            )
        return self.writer

    def _finish_workers(self, cancel: bool) -> list[Any]:
        """Each worker's segment (one task a worker: they wait for each other)."""
        if self.pool is None:
            return []
        try:
            done = [self.pool.submit(_finish_worker, cancel) for _ in range(self.procs)]
            segments = [s for future in done for s in future.result(timeout=FINISH_TIMEOUT)]
        finally:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None
        return segments

    def commit(self) -> None:
        """Records first (with the note of pending index changes), then the index.

        Whatever stops between the two, the records hold the truth and the note says
        which index documents to mend.
        """
        segments = self._finish_workers(cancel=False)
        if segments:
            self._writer().extra_segments = segments
        self.records.mark_pending(self.touched)
        self.records.commit()
        if self.writer is not None:
            try:
                self.writer.commit(mergetype=NO_MERGE)
            except (OSError, sqlite3.Error) as exc:
                raise self._index_failed(exc) from exc
            self.writer = None
            self.wrote = True
        if self.touched:
            self.records.clear_pending()

    def _index_failed(self, exc: BaseException) -> BaseException:
        """The error for an index commit that failed after the records committed."""
        folder = self.library.folder
        if error_kind(exc) == "full":
            return LibraryFull(
                f"the disk holding {folder} filled up while the search index was written: "
                f"{len(self.touched)} articles are stored but not yet searchable; free some "
                "space and run any reader command to finish indexing them"
            )
        return _write_error(folder, exc) or exc

    def cancel(self) -> None:
        """Undo what is not committed; never hides the error that stopped the add."""
        with contextlib.suppress(Exception):
            self._finish_workers(cancel=True)
        if self.writer is not None:
            with contextlib.suppress(Exception):
                self.writer.cancel()
            self.writer = None
        with contextlib.suppress(Exception):
            self.records.db.rollback()
        with contextlib.suppress(Exception):
            merging.remove_orphans(self.library.index)

    def run(
        self, files: list[tuple[Path, str | None]], report: AddReport, progress: ProgressCallback
    ) -> None:
        pending: list[_Pending] = []
        outcomes: dict[str, list[str]] = {}
        states: list[tuple[str, int, int]] = []
        seen_keys: dict[str, set[str]] = {}
        to_read: list[tuple[Path, str, int, int]] = []
        for path, reason in files:
            if reason is not None:
                report.skipped.append((str(path), reason))
                progress(path, "skipped")
                continue
            pstr = str(path.absolute())
            try:
                pstr.encode("utf-8")
            except UnicodeEncodeError:
                report.skipped.append(
                    (repr(str(path))[1:-1], "file name is not valid UTF-8; rename it")
                )
                progress(path, "skipped")
                continue
            try:
                st = path.stat()
            except OSError as exc:
                report.skipped.append((str(path), f"cannot read ({exc.strerror or exc})"))
                progress(path, "skipped")
                continue
            if self.records.file_state(pstr) == (st.st_size, st.st_mtime_ns):
                links = self.records.links_of_path(pstr, present_only=True)
                if links:
                    report.unchanged += len(links)
                    progress(path, "unchanged")
                    continue
            to_read.append((path, pstr, st.st_size, st.st_mtime_ns))
        paths = [item[0] for item in to_read]
        if self.pool is not None and len(paths) >= PARALLEL_MIN_BUILDS:
            read = self.pool.map(_read, paths, chunksize=8)
        else:
            read = map(_read, paths)
        for (path, pstr, size, mtime_ns), result in zip(to_read, read, strict=True):
            if isinstance(result, str):
                report.skipped.append((str(path), result))
                progress(path, "skipped")
                continue
            states.append((pstr, size, mtime_ns))
            seen_keys[pstr] = {doc.key for doc, _chash, _keys in result}
            for doc, chash, keys in result:
                pending.append(_Pending(pstr, doc, chash, keys))
            outcomes[pstr] = []

        boilerplate = self._recurring(pending)
        planned: dict[str, str] = {}
        builds: list[tuple[_Pending, str]] = []
        for item in pending:
            outcome, article_id = self._plan(item, planned)
            outcomes[item.path].append(outcome)
            setattr(report, outcome, getattr(report, outcome) + 1)
            if article_id is not None:
                builds.append((item, article_id))
        jobs = [
            (item.doc, article_id, item.chash, item.path, frozenset(item.keys & boilerplate))
            for item, article_id in builds
        ]
        if self.pool is not None and len(jobs) >= PARALLEL_MIN_BUILDS:
            results = self.pool.map(_build_and_index, jobs, chunksize=8)
        else:
            results = map(_build, jobs)
        for (item, _article_id), built in zip(builds, results, strict=True):
            stored, fields = built.stored, built.fields
            if built.article is not None:
                article = built.article
                article.outlet = self.records.outlet_sharing(item.keys & boilerplate)
                if article.outlet is not None:
                    stored, fields = StoredArticle.of(article), search_fields(article)
            self.records.put_packed(stored, self.now)
            self.records.add_line_keys(stored.id, item.keys)
            self.touched.add(stored.id)
            if fields is not None:
                self._writer().add_document(**fields)
        for pstr, entry_keys in seen_keys.items():
            # Feed entries no longer in their file: a feed rolls, and what the user
            # added stays; only the count of the file's present entries changes.
            self.records.mark_absent(pstr, entry_keys)
        for pstr, size, mtime_ns in states:
            self.records.set_file_state(pstr, size, mtime_ns)
        for path, _reason in files:
            done = outcomes.get(str(path.absolute()))
            if done is not None:
                progress(path, _summarise(done))

    def _recurring(self, pending: list[_Pending]) -> set[str]:
        """Line keys seen in enough articles, counting the library and this chunk."""
        fresh = [p for p in pending if p.keys and self.records.by_hash(p.chash) is None]
        in_chunk: Counter[str] = Counter()
        for p in fresh:
            in_chunk.update(p.keys)
        stored = self.records.line_key_counts(in_chunk)
        return {k for k, n in in_chunk.items() if n + stored.get(k, 0) >= RECURRING_MIN_ARTICLES}

    def _plan(self, item: _Pending, planned: dict[str, str]) -> tuple[str, str | None]:
        """Decide what a document does to the library: (outcome, id of an article to build).

        Links paths to articles and retires replaced articles right away; the new
        articles themselves are built afterwards, in parallel.
        """
        records = self.records
        old_id = records.links_of_path(item.path).get(item.doc.key)
        existing = planned.get(item.chash) or records.by_hash(item.chash)
        if existing is not None:
            if old_id == existing:
                return "unchanged", None
            if old_id is not None:
                self._detach(item.path, item.doc.key, old_id)
            records.link(item.path, item.doc.key, existing)
            if item.chash not in planned:
                self._refresh_paths(existing)
            return ("updated" if old_id is not None else "unchanged"), None
        article_id = None
        if old_id is not None:
            others = [p for p in records.paths_of(old_id) if p != item.path]
            self._detach(item.path, item.doc.key, old_id)
            if not others:
                article_id = old_id  # a changed file keeps its article's id
        if article_id is None:
            article_id = new_article_id(item.chash)
            taken = set(planned.values())
            while article_id in taken or records.get(article_id) is not None:
                article_id = item.chash[: len(article_id) + 4]
        planned[item.chash] = article_id
        records.link(item.path, item.doc.key, article_id)
        return ("updated" if old_id is not None else "added"), article_id

    def _detach(self, path: str, key: str, article_id: str) -> None:
        """Remove a file's link to an article, and the article if nothing else has it."""
        self.records.unlink(path, key)
        if self.records.paths_of(article_id):
            self._refresh_paths(article_id)
            return
        self.records.delete(article_id)
        self.touched.add(article_id)
        self._writer().delete_by_term("id", article_id)

    def _refresh_paths(self, article_id: str) -> None:
        article = self.records.get(article_id)
        if article is not None:
            article.paths = self.records.paths_of(article_id)
            self.records.put(article, self.now)


def _read(path: Path) -> list[tuple[Document, str, frozenset[str]]] | str:
    """A file's documents with their content hashes and line keys, or why it was skipped.

    Runs in a worker process for big batches: decoding and fingerprinting lines cost as
    much as a millisecond a file.
    """
    try:
        docs = read_file(path)
    except UnreadableFile as exc:
        return str(exc)
    return [
        (
            doc,
            content_hash(doc),
            frozenset(page_line_keys(doc.text)) if doc.cleaned is None else frozenset(),
        )
        for doc in docs
    ]


@dataclass(slots=True)
class _Built:
    """A built article as the parent process needs it."""

    stored: StoredArticle
    fields: dict[str, Any] | None
    """Its Whoosh document, unless a worker has indexed it already."""
    article: Article | None = None
    """The whole article, when only the parent can tell its outlet: it has none of its
    own, but shares boilerplate lines with stored articles that may have one."""


def _build(job: tuple[Document, str, str, str, frozenset[str]]) -> _Built:
    """Clean, extract, tokenize and pack one document."""
    doc, article_id, chash, path, boilerplate = job
    article = build_article(
        doc,
        article_id=article_id,
        chash=chash,
        paths=[path],
        fallback_title=Path(path).stem,
        boilerplate=boilerplate,
    )
    outlet_unknown = article.outlet is None and bool(boilerplate)
    return _Built(
        StoredArticle.of(article), search_fields(article), article if outlet_unknown else None
    )


# Worker processes of a big batch: each builds articles and indexes them into a
# Whoosh segment of its own; the parent commits the segments together.

_worker: dict[str, Any] = {}


def _start_worker(index_folder: str, barrier: Any) -> None:
    _die_with_parent()
    _worker.update(folder=index_folder, barrier=barrier, writer=None, segments=[])


def _die_with_parent() -> None:
    """End this worker when the process that started it dies, even by ``kill -9``.

    Linux's ``PR_SET_PDEATHSIG`` does it at once; a thread watching the parent's pid
    does it elsewhere (and covers the moment before the first).
    """
    parent = os.getppid()
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    import threading

    threading.Thread(target=watch, name="reader-parent-watch", daemon=True).start()


def _build_and_index(job: tuple[Document, str, str, str, frozenset[str]]) -> _Built:
    built = _build(job)
    if built.article is None and built.fields is not None:
        writer = _worker["writer"]
        if writer is None:
            from whoosh import index as whoosh_index

            ix = whoosh_index.open_dir(_worker["folder"])
            writer = SegmentWriter(
                ix, _lk=False, compound=False, limitmb=WORKER_LIMIT_MB, spill=False
            )
            _worker["writer"] = writer
        writer.add_document(**built.fields)
        built.fields = None
        if writer.full:
            _worker["segments"].append(writer.finish_segment())
            _worker["writer"] = None
    return built


def _finish_worker(cancel: bool) -> list[Any]:
    """This worker's segments, for the parent to commit (none if cancelled).

    Every worker gets one of these tasks; the barrier keeps any from taking two.
    """
    _worker["barrier"].wait(timeout=FINISH_TIMEOUT)
    writer, _worker["writer"] = _worker["writer"], None
    segments, _worker["segments"] = _worker["segments"], []
    if cancel:
        if writer is not None:
            writer.cancel()
        return []
    if writer is not None and (last := writer.finish_segment()) is not None:
        segments.append(last)
    return segments


def _summarise(outcomes: list[str]) -> str:
    for outcome in ("added", "updated"):
        if outcome in outcomes:
            return outcome
    return "unchanged"
