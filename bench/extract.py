"""Throughput of ``index.extract.extract`` in one process.

    python bench/extract.py [DEV.jsonl]

Reads ``{"id", "text"}`` JSON lines (by default the shared source-attribution dev
set) and prints articles and words per CPU-second of ``extract()`` alone: no
start-up, no JSON. ``score.py`` measures the whole command instead.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "bench" / "sources" / "dev.jsonl"


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT
    try:
        texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]
    except (OSError, ValueError, KeyError) as e:
        print(f"bench/extract.py: cannot read {path}: {e}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from index.extract import extract

    words = sum(len(t.split()) for t in texts)
    extract(texts[0])  # warm up lazily built state
    rounds = 3
    t0 = time.process_time()
    figures = sources = 0
    for _ in range(rounds):
        for text in texts:
            result = extract(text)
            figures += len(result.figures)
            sources += len(result.sources)
    cpu = (time.process_time() - t0) / rounds
    print(
        f"{len(texts)} articles, {words} words, {cpu:.3f} CPU-s per pass: "
        f"{len(texts) / cpu:.0f} articles per CPU-second, {words / cpu:.0f} words per CPU-second "
        f"({figures // rounds} figures, {sources // rounds} sources)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
