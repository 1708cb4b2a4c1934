"""Where ingest's CPU goes: each stage's cost an article, beside bare Whoosh's.

    python bench/stages.py N [--keep DIR]

Runs one ingest worker's work on N synthetic articles in this one process, stage by
stage (read, clean, extract, search fields, pack, add_document, segment write), then
bare Whoosh on the same files (``add_document`` of each file's headline and text into
the same schema, as ``bench/ingest.py`` does), and prints CPU milliseconds an article
for each. The last lines say what those figures allow: the best ingest rate two
workers could reach if they split the work perfectly, as a multiple of bare Whoosh,
with every stage and without extraction.

CPU time, not wall time: this machine's speed changes within minutes, and both sides
are measured in the same run, so compare the ratios rather than the milliseconds.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest import bare_whoosh  # noqa: E402
from synth import write_corpus  # noqa: E402

from index.extract import extract  # noqa: E402
from index.library import _read  # noqa: E402
from index.pipeline import assemble_article, clean, search_fields  # noqa: E402
from index.records import StoredArticle  # noqa: E402
from index.schema import make_schema  # noqa: E402
from index.writer import SegmentWriter  # noqa: E402

STAGES = ("read", "clean", "extract", "fields", "pack", "add", "segment write")
WORKERS = 2


def one_worker(files: list[Path], folder: Path) -> dict[str, float]:
    """CPU seconds of each stage of a worker's work on ``files``, into one segment."""
    from whoosh import index as whoosh_index

    folder.mkdir(parents=True)
    ix = whoosh_index.create_in(str(folder), make_schema())
    writer = SegmentWriter(ix, _lk=False, compound=False, limitmb=2048, spill=False)
    spent = dict.fromkeys(STAGES, 0.0)
    clock = time.process_time
    for number, path in enumerate(files):
        began = clock()
        read = _read(path)
        spent["read"] += clock() - began
        assert not isinstance(read, str), read
        for doc, chash, _keys in read:
            t0 = clock()
            cleaned = clean(doc)
            t1 = clock()
            found = extract(cleaned.body)
            t2 = clock()
            article = assemble_article(
                doc,
                cleaned,
                found,
                article_id=str(number),
                chash=chash,
                paths=[str(path)],
                fallback_title=path.stem,
            )
            t3 = clock()
            StoredArticle.of(article)
            t4 = clock()
            fields = search_fields(article)
            t5 = clock()
            writer.add_document(**fields)
            t6 = clock()
            spent["clean"] += t1 - t0
            spent["extract"] += t2 - t1
            spent["pack"] += t4 - t3
            spent["fields"] += t5 - t4
            spent["add"] += t6 - t5
    began = clock()
    writer.finish_segment()
    spent["segment write"] += clock() - began
    return spent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of synthetic articles")
    parser.add_argument("--keep", type=Path, help="work in DIR and keep it (default: a temp dir)")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="reader-stages-"))
    corpus = write_corpus(work / f"corpus-{args.n}", args.n)
    for name in ("stages", "bare"):
        shutil.rmtree(work / name, ignore_errors=True)
    files = sorted(corpus.glob("*.txt"))

    spent = one_worker(files, work / "stages")
    _wall, bare_cpu = bare_whoosh(corpus, work / "bare")

    def ms(seconds: float) -> float:
        return seconds * 1000 / args.n

    print(f"articles: {args.n} (synthetic, in {corpus}); CPU ms an article, one process")
    for stage in STAGES:
        print(f"  {stage:<14} {ms(spent[stage]):6.2f}")
    total = sum(spent.values())
    print(f"  {'pipeline':<14} {ms(total):6.2f}")
    print(f"  {'bare Whoosh':<14} {ms(bare_cpu):6.2f}")
    best = WORKERS * bare_cpu / total
    without = WORKERS * bare_cpu / (total - spent["extract"])
    print(
        f"best case with {WORKERS} workers: {best:.2f}x bare Whoosh; without extraction {without:.2f}x"
    )
    print(
        f"extraction may cost at most {ms(WORKERS * bare_cpu / 1.5 - (total - spent['extract'])):.2f} ms"
        " an article for 1.5x"
    )
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
