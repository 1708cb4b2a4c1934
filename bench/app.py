"""How fast the app is on a big library: first paint, opening, searching, memory.

    python bench/app.py                 # 100,000 articles, 5 runs
    python bench/app.py --n 20000 --runs 3
    python bench/app.py --build-only    # just build (or finish building) the library

The library of synthetic articles (``bench/synth.py``) is built once through the real
ingest pipeline and cached outside the repository, in ``~/.cache/reader-bench`` (or
``$READER_BENCH_CACHE``). It is built in parts of 5,000 articles, so an interrupted
build resumes where it stopped, and ``--no-build`` measures what is built so far.

Each measurement runs the app headless (``App.run_test``) in a fresh child process:

- first paint: from spawning the process to the article list painted with its rows
  (interpreter start, imports, opening the library, reading the rows, first frame);
- open: from Enter on a list row to the article painted in the reader;
- search: from the last keystroke of a query in the search box to the results painted
  (common word, phrase, field + date range);
- memory: the child's peak resident set size.

This machine's speed swings about twofold within minutes, so a change is best judged
against the code before it in the same minutes: ``--compare CHECKOUT`` (say, ``git
worktree add /tmp/before HEAD~3``) alternates launches of the two and prints both.

Goals: first paint <= 1.5 s, open <= 100 ms, keystroke to results p95 <= 300 ms,
memory <= 400 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

PART = 5000
"""Articles added per call to Library.add (a resumable step)."""
FRAME_TIMEOUT = 120.0
"""Seconds a measured frame may take before the run fails (rather than hangs)."""
QUERIES = {
    "common word": [
        "people",
        "president",
        "week",
        "country",
        "support",
        "government",
        "security",
        "report",
        "city",
        "war",
    ],
    "phrase": [
        '"is not over"',
        '"according to the pentagon"',
        '"told reporters"',
        '"the united nations"',
        '"military intelligence"',
        '"the central bank"',
    ],
    "field + date range": [
        'outlet:"global wire" published:[2024-03-01 TO 2024-03-31]',
        "source:okafor published:[2023-06-01 TO 2023-08-31]",
        'outlet:"harbor times" published:[2023-10-01 TO 2023-12-31]',
        "author:tanaka published:[2024-01-01 TO 2024-02-28]",
        'outlet:"pacific dispatch" published:[2023-02-01 TO 2023-04-30]',
        "source:brennan published:[2024-05-01 TO 2024-07-31]",
    ],
}
"""Each query runs once per launch: no query is timed warm from an earlier run of itself."""


def cache_dir() -> Path:
    env = os.environ.get("READER_BENCH_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "reader-bench"


# Building the library


def built_count(library: Path) -> int:
    """Articles in the cached library, or 0 when an older generator made it."""
    from synth import VERSION

    marker = library / "bench-built"
    if not marker.exists():
        return 0
    count, _, version = marker.read_text().partition(" ")
    return int(count) if version == str(VERSION) else 0


def build(n: int) -> Path:
    """Build (or finish) the cached library of ``n`` synthetic articles, part by part."""
    from synth import Generator

    from index.library import Library

    root = cache_dir()
    library = root / "library"
    corpus = root / "corpus"
    from synth import VERSION

    done = built_count(library)
    if done >= n:
        return library
    if done == 0 and library.exists():
        shutil.rmtree(library)  # made by an older generator, or never finished a part
    gen = Generator()
    articles = gen.articles(n)
    for _ in range(done):  # the generator is sequential: skip what is built
        next(articles)
    while done < n:
        part = corpus / f"part-{done // PART:03d}"
        part.mkdir(parents=True, exist_ok=True)
        count = min(PART, n - done)
        for _ in range(count):
            name, text = next(articles)
            (part / name).write_text(text, encoding="utf-8")
        began = time.perf_counter()
        with Library(library) as lib:
            report = lib.add([part])
        done += count
        (library / "bench-built").write_text(f"{done} {VERSION}")
        rate = count / (time.perf_counter() - began)
        print(f"built {done:,} of {n:,} ({report.summary()}; {rate:.0f}/s)", flush=True)
        for path in part.iterdir():  # the library keeps what it needs
            path.unlink()
        part.rmdir()
    return library


# Measuring, in a child process


async def _measure(library_dir: Path, spawned: float, runs: int) -> dict[str, object]:
    from textual.strip import Strip

    from index.library import Library
    from reader.app import ReaderApp
    from reader.config import Config
    from reader.widgets.article_list import ArticleList
    from reader.widgets.article_view import ArticleView

    notes = cache_dir() / "bench-notes.md"
    first_paint: list[float] = []
    drawn = asyncio.Event()
    """Set when the awaited frame is drawn: waiting on it, unlike polling every
    millisecond, takes no GIL from the search thread being measured."""

    def note_drawn(times: list[float]) -> None:
        times.append(time.perf_counter())
        drawn.set()

    render_line = ArticleList.render_line

    def timed_render_line(self: ArticleList, y: int) -> Strip:
        if not first_paint and self.rows:  # the first line of the list drawn with rows
            first_paint.append(time.time())
            drawn.set()
        return render_line(self, y)

    ArticleList.render_line = timed_render_line  # type: ignore[method-assign]
    library = Library(library_dir)
    app = ReaderApp(library, notes_path=notes, config=Config())
    result: dict[str, object] = {}
    async with app.run_test(size=(160, 48)) as pilot:
        articles = app.screen.query_one(ArticleList)
        await asyncio.wait_for(drawn.wait(), FRAME_TIMEOUT)
        result["first_paint"] = first_paint[0] - spawned
        result["rows_first"] = len(articles.rows)
        await app.workers.wait_for_complete()
        await pilot.pause()
        result["rows"] = len(articles.rows)

        view = app.screen.query_one(ArticleView)
        opened: list[float] = []
        open_article = app.screen.open_article  # type: ignore[attr-defined]

        async def timed_open(*args: object, **kwargs: object) -> None:
            await open_article(*args, **kwargs)
            app.call_after_refresh(note_drawn, opened)

        app.screen.open_article = timed_open  # type: ignore[attr-defined]
        opens = []
        for i in range(runs):
            articles.focus()
            articles.cursor = i * 997 % len(articles.rows)
            await pilot.pause()
            opened.clear()
            drawn.clear()
            began = time.perf_counter()
            await pilot.press("enter")
            await asyncio.wait_for(drawn.wait(), FRAME_TIMEOUT)
            opens.append(opened[0] - began)
            assert view.article is not None
        result["open"] = opens

        searches: dict[str, list[float]] = {}
        screen = app.screen
        box = screen.query_one("#query")
        painted: list[float] = []
        show_results = screen._show_results  # type: ignore[attr-defined]

        def timed_show(generation: int, results: object, more: bool = False, *rest: object) -> None:
            show_results(generation, results, more, *rest)
            if not more:  # the first page: note when the frame with it is drawn
                app.call_after_refresh(note_drawn, painted)

        screen._show_results = timed_show  # type: ignore[attr-defined]
        await pilot.press("slash")
        for kind, queries in QUERIES.items():
            times = []
            for query in queries:
                box.value = query[:-1]  # type: ignore[attr-defined]
                box.cursor_position = len(query) - 1  # type: ignore[attr-defined]
                await app.workers.wait_for_complete()
                await pilot.pause()
                painted.clear()
                drawn.clear()
                began = time.perf_counter()
                await pilot.press(query[-1])
                await asyncio.wait_for(drawn.wait(), FRAME_TIMEOUT)
                times.append(painted[0] - began)
                status = str(screen.query_one("#search-status").render())
                assert "match" in status and box.value == query, (query, status)  # type: ignore[attr-defined]
                await app.workers.wait_for_complete()
            searches[kind] = times
        result["search"] = searches
        await pilot.press("escape", "escape")
    library.close()
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def child(library_dir: Path, spawned: float, runs: int) -> None:
    result = asyncio.run(_measure(library_dir, spawned, runs))
    sys.stdout.write(json.dumps(result) + "\n")


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="articles (default 100,000)")
    parser.add_argument("--runs", type=int, default=5, help="app launches measured")
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument("--no-build", action="store_true", help="measure what is built")
    parser.add_argument(
        "--compare",
        type=Path,
        metavar="CHECKOUT",
        help="also measure another checkout (e.g. a git worktree of main), launches interleaved",
    )
    parser.add_argument("--child", nargs=2, metavar=("LIBRARY", "SPAWNED"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), float(args.child[1]), args.runs)
        return 0
    library = cache_dir() / "library" if args.no_build else build(args.n)
    if args.build_only:
        return 0
    built = built_count(library)
    print(f"library: {library} ({built:,} articles)")
    if built < args.n:
        print(f"note: measured at {built:,} articles, fewer than --n {args.n:,}")

    scripts = {"this checkout": Path(__file__)}
    if args.compare is not None:
        other = args.compare.resolve() / "bench" / "app.py"
        if not other.is_file():
            parser.error(f"--compare: no bench/app.py in {args.compare}")
        scripts[str(args.compare)] = other
    measured: dict[str, _Measured] = {name: _Measured() for name in scripts}
    for run in range(args.runs):
        order = list(scripts.items())
        for name, script in order if run % 2 == 0 else order[::-1]:
            spawned = time.time()
            out = subprocess.run(
                [sys.executable, str(script), "--runs", "5", "--child", str(library), str(spawned)],
                capture_output=True,
                text=True,
                check=False,
            )
            if out.returncode:
                print(out.stderr[-3000:], file=sys.stderr)
                return 1
            data = json.loads(out.stdout.strip().splitlines()[-1])
            measured[name].add(data)
            label = f"{name}: " if len(scripts) > 1 else ""
            print(
                f"run {run + 1}: {label}first paint {data['first_paint']:.2f} s"
                f" ({data['rows_first']:,} rows, then {data['rows']:,})"
            )
    for name, m in measured.items():
        print(f"\n{name}" if len(scripts) > 1 else "")
        m.report()
    return 0


@dataclass
class _Measured:
    """One checkout's figures, pooled over its launches."""

    first: list[float] = field(default_factory=list)
    opens: list[float] = field(default_factory=list)
    peak: list[float] = field(default_factory=list)
    searches: dict[str, list[float]] = field(default_factory=dict)

    def add(self, data: dict[str, Any]) -> None:
        self.first.append(data["first_paint"])
        self.opens += data["open"]
        self.peak.append(data["peak_mb"])
        for kind, times in data["search"].items():
            self.searches.setdefault(kind, []).extend(times)

    def report(self) -> None:
        def line(name: str, values: list[float], unit: float = 1000, suffix: str = "ms") -> None:
            print(
                f"{name:<28} p50 {pct(values, 0.5) * unit:8.1f} {suffix}"
                f"   p95 {pct(values, 0.95) * unit:8.1f} {suffix}"
                f"   max {max(values) * unit:8.1f} {suffix}   (n={len(values)})"
            )

        line("launch to first painted list", self.first, 1, "s ")
        line("open an article", self.opens)
        for kind, times in self.searches.items():
            line(f"keystroke to results: {kind}", times)
        print(f"{'peak memory':<28} {max(self.peak):8.0f} MB")


if __name__ == "__main__":
    raise SystemExit(main())
