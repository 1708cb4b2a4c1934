"""Soak the library as weeks of use would: random operations checked against a plain model.

    python bench/soak.py 2000            # 2,000 operations, seed 1
    python bench/soak.py 500 --seed 7    # another sequence

Each operation is one of: add 1 to 50 new articles (Markdown files, sometimes through
the two ingest workers), change files already added, copy a file (the same content
under a second path), delete files from disk, roll a feed file (new entries in, the
oldest out), add the whole folder again, rebuild the index (``reindex``), or any add
killed at one of its commit points (a forked child that ``os._exit``s there, so nothing
is cleaned up: a real crash). After each, a fresh :class:`Library` is opened (which
mends what a crash left) and checked against the model:

- the records and the index agree (``Library.check``): no document twice, no hit
  without a record, no record missing from the index;
- the articles are exactly the model's (each article's title carries a unique word);
- every article is findable by its word, and only that article;
- a mend happened only after a crash.

It prints the operations done and any disagreement; ``tests/test_soak.py`` runs a
short sequence of the same in the suite.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from index.library import Library  # noqa: E402
from index.records import Records  # noqa: E402
from index.writer import SegmentWriter  # noqa: E402

WORDS = (
    "officials said the troops moved north after talks in the capital where ministers "
    "met envoys and reporters asked about the budget the border and the election"
).split()

CRASH_POINTS = {
    # point: whether the add's changes are committed when the process dies there
    "building": False,
    "records": False,
    "index": True,
    "toc": True,
    "pending": True,
    "tidy": True,
}
"""Where a crash can stop an add, and whether the records had committed by then."""


def nonce(n: int) -> str:
    """A word that is unique to one article's content and tokenizes as one term."""
    letters = "bcdfghjklmnpqrstvwxz"
    word = ""
    n += 1
    while n:
        n, r = divmod(n, len(letters))
        word += letters[r]
    return "zq" + word


@dataclass
class Model:
    """What the library should hold: each content (by its word) and who holds it."""

    held: dict[tuple[str, str], str] = field(default_factory=dict)
    """(path, entry key) -> the word of the content the library last saw there."""
    articles: dict[str, set[tuple[str, str]]] = field(default_factory=dict)

    def apply(self, entries: list[tuple[str, str, str]]) -> None:
        """An add that read these (path, key, word) entries."""
        for path, key, word in entries:
            old = self.held.get((path, key))
            if old == word:
                continue
            if old is not None:
                holders = self.articles[old]
                holders.discard((path, key))
                if not holders:
                    del self.articles[old]
            self.held[(path, key)] = word
            self.articles.setdefault(word, set()).add((path, key))


class Soak:
    def __init__(self, root: Path, seed: int, log: Callable[[str], None] = print) -> None:
        self.rng = random.Random(seed)
        self.root = root
        self.files = root / "files"
        self.files.mkdir(parents=True, exist_ok=True)
        self.folder = root / "library"
        self.model = Model()
        self.on_disk: dict[Path, list[tuple[str, str]]] = {}
        """Each file written and not deleted: its (entry key, word) entries."""
        self.feeds: list[Path] = []
        self.feed_next: dict[Path, int] = {}
        self.count = 0
        self.log = log
        self.done: Counter[str] = Counter()
        self.problems: list[str] = []
        self.crashed = False

    # Making files

    def _word(self) -> str:
        self.count += 1
        return nonce(self.count)

    def _text(self, word: str) -> str:
        sentences = [
            " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(6, 14))).capitalize()
            + "."
            for _ in range(self.rng.randint(2, 5))
        ]
        sentences.insert(self.rng.randrange(len(sentences) + 1), f"The {word} report said so.")
        return " ".join(sentences)

    def _write_markdown(self, path: Path) -> None:
        word = self._word()
        path.write_text(
            f"---\ntitle: Story {word}\ndate: 2024-10-{self.rng.randint(1, 28):02d}\n---\n\n"
            f"{self._text(word)}\n\n{self._text(word)}\n",
            encoding="utf-8",
        )
        self.on_disk[path] = [("", word)]

    def _write_feed(self, path: Path, start: int, width: int) -> None:
        items, entries = [], []
        for i in range(start, start + width):
            word = nonce(10_000_000 + 100_000 * self.feeds.index(path) + i)
            guid = f"{path.stem}-{i}"
            items.append(
                f"<item><title>Story {word}</title><guid>{guid}</guid>"
                f"<description>{self._text(word)}</description></item>"
            )
            entries.append((guid, word))
        path.write_text(
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {path.stem}'
            f"</title>{''.join(items)}</channel></rss>",
            encoding="utf-8",
        )
        self.on_disk[path] = entries

    def _entries(self, paths: list[Path]) -> list[tuple[str, str, str]]:
        return [
            (str(p.absolute()), key, word)
            for p in paths
            if p in self.on_disk
            for key, word in self.on_disk[p]
        ]

    # Operations

    def step(self) -> None:
        ops: list[tuple[str, float]] = [
            ("add", 5),
            ("change", 2),
            ("copy", 1),
            ("delete", 1),
            ("roll", 2),
            ("readd", 1),
            ("reindex", 0.4),
            ("crash", 2),
        ]
        op = self.rng.choices([o for o, _ in ops], [w for _, w in ops])[0]
        if op in ("change", "copy", "delete") and not self._markdown_files():
            op = "add"
        getattr(self, f"op_{op}")()
        if op != "crash":  # which counts itself, by its point
            self.done[op] += 1
        self.check(op)

    def _markdown_files(self) -> list[Path]:
        return sorted(p for p in self.on_disk if p.suffix == ".md")

    def _new_files(self) -> list[Path]:
        n = min(50, int(self.rng.expovariate(1 / 12)) + 1)
        folder = self.files / f"batch{len(self.done) + sum(self.done.values())}"
        folder.mkdir(exist_ok=True)
        paths = []
        for i in range(n):
            path = folder / f"a{i}.md"
            self._write_markdown(path)
            paths.append(path)
        return paths

    def _add(self, paths: list[Path]) -> None:
        procs = 2 if len(paths) >= 32 and self.rng.random() < 0.5 else 1
        with Library(self.folder) as library:
            library.add(paths, procs=procs)
        self.model.apply(self._entries(self._expand(paths)))

    def _expand(self, paths: list[Path]) -> list[Path]:
        out: list[Path] = []
        for p in paths:
            if p.is_dir():
                out.extend(q for q in self.on_disk if p in q.parents)
            elif p in self.on_disk:
                out.append(p)
        return out

    def op_add(self) -> None:
        self._add(self._new_files())

    def op_change(self) -> None:
        files = self._markdown_files()
        chosen = self.rng.sample(files, min(len(files), self.rng.randint(1, 5)))
        for path in chosen:
            time.sleep(0.001)  # a new mtime even on coarse clocks
            self._write_markdown(path)
        self._add(chosen)

    def op_copy(self) -> None:
        source = self.rng.choice(self._markdown_files())
        target = source.with_name(f"copy{self.count}_{source.name}")
        shutil.copyfile(source, target)
        self.on_disk[target] = list(self.on_disk[source])
        self._add([target])

    def op_delete(self) -> None:
        files = self._markdown_files()
        for path in self.rng.sample(files, min(len(files), self.rng.randint(1, 3))):
            path.unlink()
            del self.on_disk[path]
        # Nothing is added: the articles stay. Sometimes the folder is added again.
        if self.rng.random() < 0.5:
            self._add([self.files])

    def op_roll(self) -> None:
        if not self.feeds or self.rng.random() < 0.2:
            path = self.files / f"feed{len(self.feeds)}.rss"
            self.feeds.append(path)
            self.feed_next[path] = 0
        path = self.rng.choice(self.feeds)
        start = self.feed_next[path]
        self.feed_next[path] = start + self.rng.randint(1, 6)
        self._write_feed(path, start, self.rng.randint(3, 12))
        self._add([path])

    def op_readd(self) -> None:
        self._add([self.files])

    def op_reindex(self) -> None:
        with Library(self.folder) as library:
            library.reindex()

    def op_crash(self) -> None:
        """An add killed at a commit point: a forked child runs it and dies there."""
        point = self.rng.choice(sorted(CRASH_POINTS))
        paths = self._new_files()
        if self.rng.random() < 0.3 and self._markdown_files():
            for path in self.rng.sample(self._markdown_files(), 1):
                self._write_markdown(path)
                paths.append(path)
        procs = 2 if len(paths) >= 32 and self.rng.random() < 0.5 else 1
        pid = os.fork()
        if pid == 0:  # the child: add, and die at the point
            code = 0
            try:
                _arm(point)
                with Library(self.folder) as library:
                    library.add(paths, procs=procs)
            except BaseException:  # noqa: BLE001 (the child reports by its exit code)
                code = 3
            os._exit(code)
        _pid, status = os.waitpid(pid, 0)
        died = os.waitstatus_to_exitcode(status) == 9
        committed = CRASH_POINTS[point] if died else os.waitstatus_to_exitcode(status) == 0
        if os.waitstatus_to_exitcode(status) not in (0, 9):
            self.problems.append(f"crash at {point}: the child failed otherwise ({status})")
        if committed:
            self.model.apply(self._entries(paths))
        self.crashed = True
        self.done[f"crash at {point}" if died else f"crash at {point} (not reached)"] += 1

    # Checking

    def check(self, op: str) -> None:
        with Library(self.folder) as library:
            mended = library.mend()
            if mended and not self.crashed:
                self.problems.append(f"after {op}: mended with no crash before: {mended}")
            self.crashed = False
            for problem in library.check():
                self.problems.append(f"after {op}: {problem}")
            titles = Counter(row.title for row in library.rows())
            expected = Counter(f"Story {w}" for w in self.model.articles)
            if titles != expected:
                extra = sorted((titles - expected).elements())[:3]
                lost = sorted((expected - titles).elements())[:3]
                self.problems.append(f"after {op}: articles differ: extra {extra}, lost {lost}")
            words = sorted(self.model.articles)
            for word in self.rng.sample(words, min(len(words), 8)):
                hits = [h.title for h in library.search(word, limit=5, snippets=False).hits]
                if hits != [f"Story {word}"]:
                    self.problems.append(f"after {op}: {word} finds {hits}")
            everything = library.search("said", limit=None, snippets=False)
            ids = {h.id for h in everything.hits}
            if len(ids) != len(everything.hits) or not ids <= library.records.ids():
                self.problems.append(f"after {op}: a search hit is no article, or is twice")
            if everything.total != library.count():
                self.problems.append(
                    f"after {op}: 'said' finds {everything.total} of {library.count()} articles"
                )

    def check_all_findable(self) -> None:
        with Library(self.folder) as library:
            for word in sorted(self.model.articles):
                hits = [h.title for h in library.search(word, limit=5, snippets=False).hits]
                if hits != [f"Story {word}"]:
                    self.problems.append(f"at the end: {word} finds {hits}")


def _arm(point: str) -> None:
    """In a crash child: make the process die (``os._exit(9)``) when the add reaches
    ``point``."""
    from index import library as library_module
    from index import merging

    def die(*_args: object, **_kwargs: object) -> None:
        os._exit(9)

    if point == "building":
        original_put = Records.put_packed
        calls = [0]

        def put_then_die(self: Records, *args: object, **kwargs: object) -> None:
            calls[0] += 1
            if calls[0] > 1:
                die()
            original_put(self, *args, **kwargs)  # type: ignore[arg-type]

        Records.put_packed = put_then_die  # type: ignore[method-assign]
    elif point == "records":
        Records.commit = die  # type: ignore[method-assign]
    elif point == "index":
        SegmentWriter.commit = die  # type: ignore[method-assign]
    elif point == "toc":
        SegmentWriter._commit_toc = die
    elif point == "pending":
        Records.clear_pending = die  # type: ignore[method-assign]
    elif point == "tidy":
        library_module.merging.tidy = die  # type: ignore[assignment]
        merging.tidy = die  # type: ignore[assignment]


def run(operations: int, seed: int, root: Path, log: Callable[[str], None] = print) -> Soak:
    soak = Soak(root, seed, log)
    for i in range(operations):
        soak.step()
        if soak.problems:
            log(f"operation {i + 1}: {soak.problems[0]}")
            break
    if not soak.problems:
        soak.check_all_findable()
    return soak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("operations", type=int, nargs="?", default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="work in DIR and keep it")
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="reader-soak-"))
    started = time.perf_counter()
    try:
        soak = run(args.operations, args.seed, root)
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)
    seconds = time.perf_counter() - started
    done = sum(soak.done.values())
    print(
        f"{done} operations in {seconds:.0f} s, seed {args.seed}: {len(soak.model.articles)} articles"
    )
    for op, n in sorted(soak.done.items()):
        print(f"  {op:28} {n}")
    print(f"disagreements: {len(soak.problems)}")
    for problem in soak.problems[:20]:
        print(f"  {problem}")
    sys.exit(1 if soak.problems else 0)


if __name__ == "__main__":
    main()
