"""Ingest speed, index size and search latency on N synthetic articles.

    python bench/ingest.py N [--keep DIR] [--search-only]

Prints the pipeline's ingest rate (read, clean, extract, index; both cores) beside bare
single-process Whoosh (add_document of the same texts into the same schema), the index
size, and p50/p95 latency of 200 searches of each kind through `Library.search` (with
highlighted snippets and exact counts, as the CLI runs them). "phrase, 1st page" times
the same phrases as the app's first pass asks them: the best hits, exact, with the
count estimated when that is quicker.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import OUTLETS, Generator, write_corpus  # noqa: E402

from index.library import Library  # noqa: E402
from index.schema import make_schema  # noqa: E402


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def bare_whoosh(corpus: Path, target: Path) -> tuple[float, float]:
    """Single-process Whoosh: each file's headline and text into the same schema."""
    from whoosh import index as whoosh_index

    target.mkdir(parents=True)
    ix = whoosh_index.create_in(str(target), make_schema())
    began, cpu = time.perf_counter(), cpu_seconds()
    writer = ix.writer(limitmb=256)
    for number, path in enumerate(sorted(corpus.glob("*.txt"))):
        text = path.read_text()
        lines = text.split("\n")
        writer.add_document(id=str(number), title=lines[4], body=text)
    writer.commit()
    return time.perf_counter() - began, cpu_seconds() - cpu


def sampled_phrases(rng: random.Random, corpus: Path, count: int) -> list[str]:
    """Two or three consecutive words from random articles: phrases a reader would quote."""
    files = sorted(corpus.glob("*.txt"))
    phrases: list[str] = []
    while len(phrases) < count:
        words = rng.choice(files).read_text().split("\n")[8].split()
        if len(words) < 6:
            continue
        start = rng.randrange(0, len(words) - 3)
        chunk = [w.strip('.,"“”') for w in words[start : start + rng.choice([2, 3])]]
        if all(w.isalpha() for w in chunk):
            phrases.append('"' + " ".join(chunk) + '"')
    return phrases


def queries(rng: random.Random, gen: Generator, corpus: Path) -> dict[str, list[str]]:
    common = ["people", "president", "week", "country", "support", "government", "security"]
    rare = gen.vocab[3000:20000]
    names = [n.split()[1].lower() for n in gen.names]
    kinds: dict[str, list[str]] = {}
    kinds["common term"] = [rng.choice(common) for _ in range(200)]
    kinds["rare term"] = [rng.choice(rare) for _ in range(200)]
    kinds["two terms"] = [
        f"{rng.choice(common)} {rng.choice(gen.vocab[:2000])}" for _ in range(200)
    ]
    fixed = [
        "is not over",
        "according to the pentagon",
        "told reporters that",
        "the united nations",
    ]
    kinds["phrase"] = [f'"{rng.choice(fixed)}"' for _ in range(100)]
    kinds["phrase"] += sampled_phrases(rng, corpus, 100)
    kinds["field"] = [f"source:{rng.choice(names)}" for _ in range(100)] + [
        f'outlet:"{rng.choice(OUTLETS).lower()}"' for _ in range(100)
    ]
    kinds["date range"] = []
    for _ in range(200):
        year, month = rng.choice([2023, 2024]), rng.randint(1, 12)
        kinds["date range"].append(
            f"{rng.choice(common)} published:[{year}-{month:02d}-01 TO {year}-{month:02d}-28]"
        )
    kinds["sorted by date"] = [rng.choice(common) for _ in range(200)]
    kinds["wildcard"] = [f"{rng.choice(gen.vocab[:5000])[:3]}*" for _ in range(200)]
    return kinds


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def ingest(args: argparse.Namespace, work: Path, corpus: Path) -> None:
    """Ingest the corpus with the pipeline, then with bare Whoosh, and print both."""
    for name in ("library", "bare"):
        shutil.rmtree(work / name, ignore_errors=True)

    began, cpu = time.perf_counter(), cpu_seconds()
    with Library(work / "library") as library:
        report = library.add([corpus])
    wall, used = time.perf_counter() - began, cpu_seconds() - cpu
    assert report.added == args.n, report.summary()
    size = folder_size(work / "library")
    whoosh_size = folder_size(work / "library" / "whoosh")
    print(
        f"pipeline ingest: {args.n / wall:.1f} articles/s wall ({wall:.1f} s), {args.n / used:.1f} per CPU-second"
    )
    print(f"library size: {size / 1e6:.1f} MB (Whoosh index {whoosh_size / 1e6:.1f} MB)")
    if not args.skip_bare:
        bare_wall, bare_cpu = bare_whoosh(corpus, work / "bare")
        print(
            f"bare Whoosh ingest: {args.n / bare_wall:.1f} articles/s wall ({bare_wall:.1f} s), {args.n / bare_cpu:.1f} per CPU-second"
        )
        print(f"pipeline / bare Whoosh (wall): {bare_wall / wall:.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of synthetic articles")
    parser.add_argument("--keep", type=Path, help="work in DIR and keep it (default: a temp dir)")
    parser.add_argument("--skip-bare", action="store_true", help="skip the bare Whoosh baseline")
    parser.add_argument(
        "--search-only",
        action="store_true",
        help="only time searches, on the library a --keep run left in DIR",
    )
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="reader-bench-"))
    corpus = write_corpus(work / f"corpus-{args.n}", args.n)
    print(f"articles: {args.n} (synthetic, in {corpus})")
    if args.search_only:
        if not (work / "library").is_dir():
            parser.error(f"--search-only needs a library left by --keep in {work}")
    else:
        ingest(args, work, corpus)

    gen = Generator()
    kinds = queries(random.Random(11), gen, corpus)
    with Library(work / "library") as library:
        began = time.perf_counter()
        library.search("warmup")
        print(f"open index + first search: {(time.perf_counter() - began) * 1000:.0f} ms")
        print(f"{'search kind':<16} {'p50 ms':>8} {'p95 ms':>8} {'mean hits':>10}")
        runs = [(kind, qs, True) for kind, qs in kinds.items()]
        # What the app asks first: the best hits, a phrase's count maybe estimated.
        runs.insert(4, ("phrase, 1st page", kinds["phrase"], False))
        for kind, qs, exact in runs:
            sort = "date" if kind == "sorted by date" else "relevance"
            times, totals = [], []
            for q in qs:
                t0 = time.perf_counter()
                res = library.search(q, sort=sort, limit=10, exact_count=exact)
                times.append((time.perf_counter() - t0) * 1000)
                totals.append(res.total)
            print(
                f"{kind:<16} {pct(times, 0.5):>8.1f} {pct(times, 0.95):>8.1f} {statistics.mean(totals):>10.0f}"
            )
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
