"""How quickly a small add to a big library becomes searchable.

    python bench/grow.py                  # 100 then 1,000 articles into the 100k library
    python bench/grow.py --sizes 100 1000 5000

Copies the 100,000-article library of ``bench/app.py`` (built there once, cached in
``~/.cache/reader-bench``; the copy hard-links its segment files, which no writer
changes, and copies ``library.sqlite``), then for each size adds that many new synthetic
articles with ``reader add`` in a child process, while this process polls a search for
a word that only the new articles hold. It prints, for each add:

- searchable: from starting ``reader add`` to the search finding every new article;
- add returned: from the start to the command's exit (it merges small segments after
  the articles are searchable, within a bound);
- the number of segments before and after.

Goal (issue 14): searchable within 10 s for 100 and for 1,000 articles.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))


def copy_library(source: Path, target: Path) -> None:
    target.mkdir(parents=True)
    (target / "whoosh").mkdir()
    for path in (source / "whoosh").iterdir():
        if path.is_file():
            os.link(path, target / "whoosh" / path.name)
    shutil.copy2(source / "library.sqlite", target / "library.sqlite")


def write_articles(folder: Path, count: int, marker: str, seed: int) -> None:
    from synth import Generator

    folder.mkdir(parents=True)
    for n, (name, text) in enumerate(Generator(seed=seed).articles(count)):
        lines = text.split("\n")
        # One word only these articles hold, in a paragraph of its own.
        lines.insert(
            len(lines) // 2, f"The {marker} delegation arrived on Tuesday, officials said."
        )
        (folder / f"{n:05d}-{name}").write_text("\n".join(lines), encoding="utf-8")


def segments(folder: Path) -> int:
    from whoosh import index as whoosh_index

    ix = whoosh_index.open_dir(str(folder / "whoosh"))
    try:
        return len(ix._segments())
    finally:
        ix.close()


def found(folder: Path, marker: str) -> int:
    from index.library import Library

    with Library(folder) as library:
        return library.search(marker, limit=1, snippets=False).total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--library", type=Path, help="the big library (default: bench/app.py's)")
    args = parser.parse_args()
    from app import cache_dir

    source = args.library or cache_dir() / "library"
    if not (source / "library.sqlite").exists():
        sys.exit(f"no library in {source}: build it with python bench/app.py --build-only")
    work = Path(tempfile.mkdtemp(prefix="reader-grow-"))
    try:
        library = work / "library"
        copy_library(source, library)
        reader = [sys.executable, "-m", "reader", "--library", str(library)]
        subprocess.run([*reader, "list", "--limit", "1"], check=True, capture_output=True)
        print(f"library: {found(library, 'said'):,} articles, {segments(library)} segments")
        for i, size in enumerate(args.sizes):
            marker = f"zqgrow{i}x"
            articles = work / f"new-{i}"
            write_articles(articles, size, marker, seed=1000 + i)
            before = segments(library)
            started = time.perf_counter()
            add = subprocess.Popen(
                [*reader, "add", str(articles)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            searchable = None
            while searchable is None:
                if found(library, marker) >= size:
                    searchable = time.perf_counter() - started
                elif add.poll() is not None and found(library, marker) < size:
                    sys.exit(
                        f"reader add ended, {found(library, marker)} of {size} found: {add.stderr}"
                    )
                else:
                    time.sleep(0.2)
            add.wait()
            returned = time.perf_counter() - started
            print(
                f"add {size:>5,}: searchable after {searchable:5.1f} s, add returned after "
                f"{returned:5.1f} s; segments {before} -> {segments(library)}"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
