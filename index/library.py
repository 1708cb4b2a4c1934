"""The library: a folder holding the Whoosh index and the article records.

All writes happen under one lock file, so two ``reader add`` runs never interleave;
the second waits a few seconds and then gives up with :class:`LibraryBusy`,
having changed nothing.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import filelock

from index.clean.recurring import page_line_keys
from index.ingest import Document, UnreadableFile, iter_files, read_file
from index.model import Article
from index.pipeline import build_article, content_hash, new_article_id, search_fields
from index.records import ArticleRow, Records, pack

RECURRING_MIN_ARTICLES = 3
"""A line seen in this many articles is boilerplate evidence for the cleaner."""

LOCK_TIMEOUT = 5.0
PARALLEL_MIN_FILES = 200
"""Below this many files a single-process Whoosh writer is quicker than starting workers."""
CHUNK = 200
"""Files read, cleaned and stored per step; the progress bar moves once a step."""
PARALLEL_MIN_BUILDS = 32


class LibraryBusy(Exception):
    """Another process is writing to the library."""


class ArticleNotFound(Exception):
    pass


@dataclass
class AddReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)

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


class Library:
    """A reader library in ``folder``: ``library.sqlite`` and ``whoosh/``."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.records = Records(self.folder / "library.sqlite")
        self._index: Any = None
        self._searcher: Any = None

    # Opening and closing

    @property
    def index(self) -> Any:
        """The Whoosh index, created on first use."""
        if self._index is None:
            from whoosh import index as whoosh_index

            from index.schema import make_schema

            path = self.folder / "whoosh"
            if whoosh_index.exists_in(str(path)):
                self._index = whoosh_index.open_dir(str(path))
                if set(self._index.schema.names()) != set(make_schema().names()):
                    self._index.close()
                    self._index = None
                    self.reindex()
                    self._index = whoosh_index.open_dir(str(path))
            else:
                path.mkdir(parents=True, exist_ok=True)
                self._index = whoosh_index.create_in(str(path), make_schema())
        return self._index

    def reindex(self) -> None:
        """Rebuild the Whoosh index from the stored articles (after a schema change).

        Articles are not cleaned or extracted again: the records hold the results.
        """
        from whoosh import index as whoosh_index

        from index.schema import make_schema

        path = self.folder / "whoosh"
        fresh = self.folder / "whoosh.rebuild"
        with self.write_lock():
            shutil.rmtree(fresh, ignore_errors=True)
            fresh.mkdir()
            ix = whoosh_index.create_in(str(fresh), make_schema())
            writer = ix.writer(compound=False, limitmb=256)
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

    def searcher(self) -> Any:
        """A Whoosh searcher on the last commit (a new one after each write)."""
        if self._searcher is None:
            from index.scoring import FastBM25F

            self._searcher = self.index.searcher(weighting=FastBM25F())
        return self._searcher

    def close(self) -> None:
        self._reopen()
        self.records.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def write_lock(self, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
        lock = filelock.FileLock(str(self.folder / "write.lock"))
        try:
            lock.acquire(timeout=timeout)
        except filelock.Timeout:
            raise LibraryBusy(
                f"the library is busy: another reader is writing to {self.folder}; "
                "try again when it has finished"
            ) from None
        try:
            yield
        finally:
            lock.release()

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
        from index.search import search

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
        with self.write_lock(lock_timeout):
            batch = _Batch(self, procs)
            try:
                for start in range(0, len(found), CHUNK):
                    batch.run(found[start : start + CHUNK], report, progress)
                batch.commit()
            except BaseException:
                batch.cancel()
                raise
        if batch.wrote:
            self._reopen()
        return report

    def _reopen(self) -> None:
        """Drop the searcher and index, so the next search sees the last commit."""
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
        self.writer: Any = None
        self.wrote = False
        self.now = time.time()
        self.pool: ProcessPoolExecutor | None = None
        if procs > 1:
            context = multiprocessing.get_context("fork")
            self.pool = ProcessPoolExecutor(max_workers=procs, mp_context=context)

    def _writer(self) -> Any:
        if self.writer is None:
            kwargs: dict[str, Any] = {"timeout": LOCK_TIMEOUT, "compound": False, "limitmb": 256}
            if self.procs > 1:
                kwargs.update(procs=self.procs, multisegment=True, batchsize=64)
            self.writer = self.library.index.writer(**kwargs)
        return self.writer

    def close_pool(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None

    def commit(self) -> None:
        self.close_pool()
        if self.writer is not None:
            self.writer.commit()
            self.wrote = True
        self.records.commit()

    def cancel(self) -> None:
        self.close_pool()
        if self.writer is not None:
            self.writer.cancel()
        self.records.db.rollback()

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
                links = self.records.links_of_path(pstr)
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
            articles = self.pool.map(_build, jobs, chunksize=8)
        else:
            articles = map(_build, jobs)
        for (item, _article_id), (article, fields, packed) in zip(builds, articles, strict=True):
            shared = item.keys & boilerplate
            stored: bytes | None = packed
            if article.outlet is None and shared:
                article.outlet = self.records.outlet_sharing(shared)
                if article.outlet is not None:
                    stored = None  # packed without the outlet: pack again
            self.records.put(article, self.now, stored)
            self.records.add_line_keys(article.id, item.keys)
            if article.outlet is not None and fields.get("outlet") != article.outlet:
                fields = search_fields(article)
            self._writer().add_document(**fields)
        for pstr, entry_keys in seen_keys.items():
            # Feed entries that are no longer in their file.
            for key, article_id in self.records.links_of_path(pstr).items():
                if key not in entry_keys:
                    self._detach(pstr, key, article_id)
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


def _build(
    job: tuple[Document, str, str, str, frozenset[str]],
) -> tuple[Article, dict[str, Any], bytes]:
    """Clean, extract, tokenize and pack one document (in a worker process for big batches)."""
    doc, article_id, chash, path, boilerplate = job
    article = build_article(
        doc,
        article_id=article_id,
        chash=chash,
        paths=[path],
        fallback_title=Path(path).stem,
        boilerplate=boilerplate,
    )
    return article, search_fields(article), pack(article)


def _summarise(outcomes: list[str]) -> str:
    for outcome in ("added", "updated"):
        if outcome in outcomes:
            return outcome
    return "unchanged"
