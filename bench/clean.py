"""Throughput of ``clean_page``: pages per second over a directory of page dumps, in one process.

    python bench/clean.py [DIR] [--repeat N]

DIR defaults to ../shared/bench/cleaning/dev next to the repository; ``*.gold.txt``
files are skipped. Start-up and file reading are not timed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from index.clean import clean_page  # noqa: E402

DEFAULT_DIR = ROOT.parent / "shared" / "bench" / "cleaning" / "dev"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--repeat", type=int, default=3, help="passes over the pages (default 3)")
    args = parser.parse_args(argv)
    paths = sorted(p for p in args.dir.glob("*.txt") if not p.name.endswith(".gold.txt"))
    if not paths:
        print(f"no page dumps (*.txt) in {args.dir}; pass the directory as DIR", file=sys.stderr)
        return 1
    pages = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    clean_page(pages[0])  # warm up: compile the regular expressions
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(args.repeat):
        for page in pages:
            clean_page(page)
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    n = len(pages) * args.repeat
    # CPU time is what the cleaner costs; wall time also counts other processes on the machine.
    print(
        f"{n / secs:.0f} pages/s wall, {n / cpu:.0f} pages/s CPU "
        f"({n} pages in {secs:.2f} s wall, {cpu:.2f} s CPU, {len(pages)} distinct)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
