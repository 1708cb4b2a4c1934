"""How each stage's cost grows with the length of one paragraph.

    python bench/long_text.py [--max-kb N] [--sizes 50,100,...] [--seed S]

Builds page-text dumps whose body is a single line of 50 KB, 100 KB, 200 KB, 400 KB,
800 KB and 2 MB of generated news sentences (figures, "X said" attributions, quotes;
see ``bench/synth.py``), seeded so every run sees the same text, and times each stage
on its own: cleaning (``index.clean.clean_page``), figures
(``index.extract.figures.find_figures``), sources
(``index.extract.sources.find_mentions``), the whole of ``index.extract.extract``, and
the whole pipeline (``index.pipeline.build_article`` and ``search_fields``).

Prints CPU seconds per stage per size and, for each size after the first, the ratio
of its time to the previous size's scaled to a doubling (``(t2/t1) ** (1/log2(n2/n1))``):
a linear stage shows about 2x, a quadratic one about 4x. ``--max-kb`` stops at a size,
so slow code can be measured in reasonable time.

``--shape one-sentence`` ends each sentence with a comma instead of a full stop, so the
whole line is one sentence, as in a transcript or a page saved without its full stops:
the steps that work per sentence (statements, nested attributions, a figure's source)
then see one sentence as long as the line. ``--shape bare`` also drops every comma,
quotation mark and bracket (nothing in the line ends a nested attribution).
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from synth import Generator  # noqa: E402

from index.clean import clean_page  # noqa: E402
from index.extract import extract  # noqa: E402
from index.extract.figures import find_figures  # noqa: E402
from index.extract.sources import find_mentions  # noqa: E402
from index.ingest.documents import Document  # noqa: E402
from index.pipeline import build_article, content_hash, search_fields  # noqa: E402

SIZES_KB = (50, 100, 200, 400, 800, 2000)
STAGES = ("clean", "figures", "sources", "extract", "pipeline")


SHAPES = ("sentences", "one-sentence", "bare")
_PUNCTUATION_RE = re.compile(r"[,;:.!?\"“”()—–]")


def long_line(size: int, seed: int = 11, shape: str = "sentences") -> str:
    """Generated news sentences joined into one line of about ``size`` characters.

    ``shape`` "one-sentence" joins them with commas instead of full stops; "bare"
    leaves out all punctuation but the final full stop.
    """
    gen = Generator(seed)
    rng = random.Random(seed)
    gen.article(0)  # choose a story and its words
    parts: list[str] = []
    length = 0
    while length < size:
        sentence = gen._sentence()
        if rng.random() < 0.15:
            sentence = f"{sentence[:-1]}, {rng.choice(gen.names)} said."
        if shape == "one-sentence":
            sentence = sentence[:-1] + ","
        parts.append(sentence)
        length += len(sentence) + 1
    line = " ".join(parts)
    if shape == "bare":
        line = _PUNCTUATION_RE.sub("", line)
    return line[:size].rsplit(" ", 1)[0].rstrip(",") + "."


def page(body: str) -> str:
    """A page dump with a headline, a byline and ``body`` as its one paragraph."""
    return (
        "Troops moved to the border, officials say\n\n"
        "by Anna Novak March 3, 2024 9:15 AM 3 min read\n\n"
        f"{body}\n\n"
        "Subscribe to our newsletter\n"
    )


def _cpu(run: Callable[[], object]) -> float:
    began = time.process_time()
    run()
    return time.process_time() - began


def measure(size: int, seed: int, shape: str = "sentences") -> dict[str, float]:
    """CPU seconds of each stage on a page whose body is one ``size``-character line."""
    text = page(long_line(size, seed, shape))
    cleaned = clean_page(text)
    body = cleaned.body
    doc = Document(format="text", text=text)
    chash = content_hash(doc)

    def pipeline() -> None:
        article = build_article(
            doc, article_id=chash[:12], chash=chash, paths=["long.txt"], fallback_title="long"
        )
        search_fields(article)

    return {
        "clean": _cpu(lambda: clean_page(text)),
        "figures": _cpu(lambda: find_figures(body)),
        "sources": _cpu(lambda: find_mentions(body)),
        "extract": _cpu(lambda: extract(body)),
        "pipeline": _cpu(pipeline),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-kb", type=int, default=None, help="stop after this size")
    parser.add_argument(
        "--sizes", default=",".join(map(str, SIZES_KB)), help="sizes in KB, comma-separated"
    )
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--shape", choices=SHAPES, default=SHAPES[0])
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if args.max_kb is not None:
        sizes = [s for s in sizes if s <= args.max_kb]
    extract(page("Warm up, Anna Novak said."))  # build lazily made tables
    print(f"{'KB':>6} " + " ".join(f"{s:>18}" for s in STAGES))
    previous: tuple[int, dict[str, float]] | None = None
    for kb in sizes:
        spent = measure(kb * 1000, args.seed, args.shape)
        cells = []
        for stage in STAGES:
            cell = f"{spent[stage]:8.3f}s"
            if previous is not None:
                before_kb, before = previous
                doublings = math.log2(kb / before_kb)
                ratio = (spent[stage] / max(before[stage], 1e-6)) ** (1 / doublings)
                cell += f" ({ratio:4.1f}x)"
            else:
                cell += " " * 8
            cells.append(f"{cell:>18}")
        print(f"{kb:>6} " + " ".join(cells), flush=True)
        previous = (kb, spent)
    print("(x): time growth per doubling of the line; ~2x is linear, ~4x quadratic")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
