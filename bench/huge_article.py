"""How the app opens a huge article: time to the article painted, to End, and to quit.

    python bench/huge_article.py [--mb 19] [--paragraph-kb 100]

Builds (in a temporary folder) a library of the five frozen seed articles and one more
of about ``--mb`` megabytes: the first seed's text repeated and cut into paragraphs of
``--paragraph-kb`` KB, with its figures at their places (written straight into the
records and the index, without ingest). Then runs the app headless (``App.run_test``,
160x48) and prints the seconds from Enter on the article to its first frame, from End
to the end painted, and from q to the app closed. Before issue 14's row 8 a 19 MB
article of 100 KB paragraphs took over a minute to open, and a q pressed meanwhile
waited as long.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "tests"))

from index.library import Library  # noqa: E402
from index.model import Article  # noqa: E402


def make_article(megabytes: float, paragraph_kb: int) -> Article:
    """The first seed's text repeated to ``megabytes`` and cut, at spaces, into
    paragraphs of about ``paragraph_kb`` KB."""
    from test_app_support import huge_article, seed_text

    joined = seed_text() + " "
    text = joined * (int(megabytes * 1e6) // len(joined) + 1)
    size = paragraph_kb * 1000
    paragraphs = []
    at = 0
    while at < len(text):  # cut at a space near each size, so words stay whole
        cut = text.rfind(" ", at, at + size) if at + size < len(text) else len(text)
        cut = cut if cut > at else min(len(text), at + size)
        paragraphs.append(text[at:cut].strip())
        at = cut
    return huge_article([p for p in paragraphs if p])


def build(folder: Path, article: Article) -> None:
    from test_app_support import add_article, build_frozen_library

    build_frozen_library(folder)
    add_article(folder, article)


async def measure(folder: Path) -> dict[str, float]:
    from reader.app import ReaderApp
    from reader.config import Config
    from reader.widgets.article_view import ArticleView

    drawn = asyncio.Event()
    result: dict[str, float] = {}
    with Library(folder) as library:
        app = ReaderApp(library, notes_path=folder / "notes.md", config=Config())
        async with app.run_test(size=(160, 48)) as pilot:
            await pilot.pause()
            view = app.screen.query_one(ArticleView)
            began = time.perf_counter()
            await pilot.press("enter")  # the article dated 2030 is first
            while view.article is None:
                await pilot.pause(0.01)
            app.call_after_refresh(drawn.set)
            await drawn.wait()
            result["open"] = time.perf_counter() - began
            drawn.clear()
            began = time.perf_counter()
            await pilot.press("end")
            app.call_after_refresh(drawn.set)
            await drawn.wait()
            result["end"] = time.perf_counter() - began
            began = time.perf_counter()
            await pilot.press("q")
            while app.is_running:
                await pilot.pause(0.01)
        result["quit"] = time.perf_counter() - began
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=19.0, help="article size in MB")
    parser.add_argument("--paragraph-kb", type=int, default=100, help="paragraph size in KB")
    args = parser.parse_args()
    article = make_article(args.mb, args.paragraph_kb)
    with tempfile.TemporaryDirectory(prefix="reader-huge-") as tmp:
        folder = Path(tmp) / "library"
        build(folder, article)
        print(
            f"article: {len(article.body) / 1e6:.1f} MB in {len(article.paragraphs):,} "
            f"paragraphs, {len(article.figures):,} figures"
        )
        result = asyncio.run(measure(folder))
    print(f"Enter to the article painted: {result['open']:.2f} s")
    print(f"End to the end painted:       {result['end']:.2f} s")
    print(f"q to the app closed:          {result['quit']:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
