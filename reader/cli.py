"""The `reader` command line.

Imports are kept inside the commands: `reader clean` and `reader extract` run once per
page or batch in benchmarks and pipelines, and must start in a blink.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from rich.console import Console

    from index.library import Library

EXIT_USER_ERROR = 1
EXIT_USAGE = 2


class UserError(Exception):
    """An error the user can act on: printed as one line, exit code 1."""


def _console(stderr: bool = False) -> Console:
    """Rich's console for human-readable output. Piped or redirected, lines are not
    wrapped (Rich would wrap them at 80 columns, splitting paths and ids for ``grep``)."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    piped = not stream.isatty()
    return Console(stderr=stderr, highlight=False, soft_wrap=piped)


def _shown(text: object, *, lines: bool = False) -> str:
    """``text`` as the CLI prints it: control characters shown as symbols (ESC as ``␛``)
    by :func:`index.notes.visible`, as in the notes file, so that a file name, path,
    title or message from outside never moves the cursor, clears the screen or sets the
    terminal's title; with ``lines``, newlines and tabs are kept."""
    from index.notes import visible

    return visible(str(text), lines=lines)


def _note(message: str) -> None:
    from rich.text import Text

    _console(stderr=True).print(Text(_shown(message), style="dim"))


def _error(message: object) -> None:
    """One line on stderr: ``reader: message``."""
    print(f"reader: {_shown(message)}", file=sys.stderr)


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=None) + "\n")


# Choosing the library


def _user_library_dir(args: argparse.Namespace) -> Path:
    from index.paths import default_library

    return Path(args.library).expanduser() if args.library else default_library()


def open_library(
    args: argparse.Namespace,
    *,
    for_writing: bool = False,
    demo_if_empty: bool = False,
    quiet: bool = False,
) -> Library:
    """The user's library, or the demo library of bundled seeds when there is none yet.

    Sub-commands fall back to the demo only when no library was named and none exists;
    the app (``demo_if_empty``) also when the chosen library has no articles yet, so a
    new user always sees a working app.
    """

    folder = _user_library_dir(args)
    library = _open_user_library(args, folder, for_writing, demo_if_empty)
    if library is None:
        return open_demo_library(quiet=quiet or bool(getattr(args, "json", False)))
    _mend(library)
    return library


def _mend(library: Library) -> None:
    """Repair what an interrupted write left (the records are the truth), and say so."""
    from index.library import LibraryError, LibraryFull

    try:
        message = library.mend()
    except LibraryFull as exc:  # the library still reads as it is
        _error(exc)
        return
    except LibraryError:  # a damaged index: the command itself says what to do
        return
    if message:
        _error(message)


def _open_user_library(
    args: argparse.Namespace, folder: Path, for_writing: bool, demo_if_empty: bool
) -> Library | None:
    """The user's library, or None where the demo library is to be opened instead."""
    from index.library import Library

    explicit = bool(args.library or os.environ.get("READER_LIBRARY"))
    exists = (folder / "library.sqlite").exists()
    if for_writing:
        return Library(folder)
    if demo_if_empty:
        if exists or folder.exists():
            library = Library(folder)  # a file in the library's place raises LibraryError
            if library.count():
                return library
            library.close()
        return None
    if explicit or exists:
        return Library(folder)
    return None


def open_demo_library(quiet: bool = False) -> Library:
    """The seeds as a demo library in the cache folder, apart from the user's own."""
    from index.library import Library
    from index.paths import bundled_seeds, demo_library

    library = Library(demo_library())
    if library.count() == 0 and bundled_seeds().is_dir():
        library.add([bundled_seeds()])
    if not quiet:
        _note(
            "Showing the demo library (the bundled sample articles). "
            "Add your own articles with: reader add PATH..."
        )
    return library


def _notes_path(args: argparse.Namespace) -> Path:
    """The notes file of a command: as the app finds it, config file included (a bad
    config file is said on stderr, and its defaults used)."""
    from reader.config import load_config
    from reader.locations import notes_path

    config, warnings = load_config()
    for warning in warnings:
        print(_shown(f"reader: {warning}"), file=sys.stderr)
    return notes_path(getattr(args, "notes", None), config)


def _display_path(path: str) -> str:
    try:
        return os.path.relpath(path) if not os.path.relpath(path).startswith("..") else path
    except ValueError:
        return path


# Commands


def cmd_open(args: argparse.Namespace) -> int:
    """Open the app (the summary of the library until the app is there)."""
    if sys.stdout.isatty():
        from reader.app import run_app

        return run_app(args)
    with open_library(args, demo_if_empty=True) as library:
        _note(f"Library: {library.folder} — {library.count()} articles")
        return _print_rows(library, args)


def cmd_add(args: argparse.Namespace) -> int:
    from index.library import Library

    paths = [Path(p) for p in args.paths]
    folder = _user_library_dir(args)
    with Library(folder) as library:
        if args.json or not sys.stderr.isatty():
            report = library.add(paths)
        else:
            report = _add_with_progress(library, paths)
    if args.json:
        _print_json(
            {
                "added": report.added,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "skipped": [{"path": p, "reason": r} for p, r in report.skipped],
            }
        )
    else:
        from rich.text import Text

        err = _console(stderr=True)
        for path, reason in report.skipped:
            err.print(Text.assemble(("skipped ", "yellow"), _shown(path), ": ", _shown(reason)))
        _console().print(Text(report.summary()))
    return 0


def _add_with_progress(library: Library, paths: list[Path]) -> Any:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    from index.ingest import iter_files

    total = sum(1 for _ in iter_files(paths))
    columns = (
        TextColumn("adding"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=_console(stderr=True), transient=True) as progress:
        task = progress.add_task("add", total=total)
        return library.add(paths, on_progress=lambda _p, _o: progress.advance(task))


def _print_rows(library: Library, args: argparse.Namespace) -> int:
    rows = library.rows()
    limit = getattr(args, "limit", None)
    if limit:
        rows = rows[:limit]
    if getattr(args, "json", False):
        for row in rows:
            _print_json(
                {"id": row.id, "title": row.title, "outlet": row.outlet, "published": row.published}
            )
        return 0
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, header_style="bold", pad_edge=False)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("published", no_wrap=True)
    table.add_column("outlet", style="green")
    table.add_column("title")
    for row in rows:
        table.add_row(
            Text(_shown(row.id)),
            Text(_shown((row.published or "")[:16].replace("T", " "))),
            Text(_shown(row.outlet or "")),
            Text(_shown(row.title)),
        )
    _console().print(table)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        return _print_rows(library, args)


def cmd_search(args: argparse.Namespace) -> int:
    from index.search import QueryError

    with open_library(args) as library:
        try:
            results = library.search(args.query, sort=args.sort, limit=args.limit)
        except QueryError as exc:
            raise UserError(f"bad query: {exc}") from None
    if args.json:
        for hit in results.hits:
            _print_json(hit.to_dict())
        return 0
    from rich.text import Text

    out = _console()
    out.print(
        Text(f"{results.total} articles match ({results.seconds * 1000:.0f} ms)", style="dim")
    )
    for hit in results.hits:
        title = Text(_shown(hit.title), style="bold")  # one symbol a character: spans hold
        for start, end in hit.title_spans:
            title.stylize("reverse", start, end)
        meta = _shown(" · ".join(x for x in (hit.outlet, (hit.published or "")[:10]) if x))
        out.print(Text.assemble((_shown(hit.id), "cyan"), "  ", title, ("  " + meta, "dim")))
        snippet = Text(_shown(hit.snippet, lines=True))
        for start, end in hit.snippet_spans:
            snippet.stylize("bold yellow", start, end)
        out.print(Text("    ").append(snippet))
    return 0


def cmd_reindex(args: argparse.Namespace) -> int:
    from rich.text import Text

    from index.library import Library

    folder = _user_library_dir(args)
    if not (folder / "library.sqlite").exists():
        raise UserError(f"no library in {folder}; add articles with: reader add PATH...")
    with Library(folder) as library:
        count = library.count()
        _note(f"Rebuilding the search index of {count} articles in {folder}…")
        library.reindex()
    again = f"; {library.reextracted} with new figures or sources"
    _console().print(Text(f"Rebuilt the search index: {count} articles{again}"))
    return 0


def _get_article(library: Library, ref: str) -> Any:
    from index.library import ArticleNotFound

    try:
        return library.get(ref)
    except ArticleNotFound as exc:
        raise UserError(str(exc)) from None


def cmd_show(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        article = _get_article(library, args.article)
    if args.json:
        data = article.to_dict()
        if not args.raw:
            data.pop("removed")
        data["body"] = article.body
        _print_json(data)
        return 0
    from rich.text import Text

    out = _console()
    if args.raw:
        out.print(Text(f"{len(article.removed)} lines removed by cleaning", style="bold"))
        width = max((len(r.rule) for r in article.removed), default=4)
        for removed in article.removed:
            out.print(
                Text.assemble(
                    (_shown(removed.rule.ljust(width)), "yellow"), "  ", _shown(removed.text)
                )
            )
        return 0
    out.print(Text(_shown(article.title), style="bold"))
    byline = " · ".join(
        x for x in (", ".join(article.authors), article.outlet or "", article.published or "") if x
    )
    if byline:
        out.print(Text(_shown(byline), style="dim"))
    for path in article.paths:
        out.print(Text(_shown(_display_path(path)), style="dim"))
    out.print()
    for bullet in article.summary:
        out.print(Text("• " + _shown(bullet), style="italic"))
    if article.summary:
        out.print()
    for number, para in enumerate(article.paragraphs, 1):
        out.print(Text.assemble((f"{number:>3} ", "dim"), _shown(para, lines=True)))
        out.print()
    for caption in article.captions:
        out.print(Text("Caption: " + _shown(caption), style="dim italic"))
    return 0


def cmd_bookmark(args: argparse.Namespace) -> int:
    from index.notes import NotesError, NotesFile, make_bookmark

    with open_library(args) as library:
        article = _get_article(library, args.article)
    spans = article.paragraph_offsets()
    if not 1 <= args.paragraph <= len(spans):
        raise UserError(
            f"paragraph {args.paragraph} does not exist: the article has {len(spans)} paragraphs"
        )
    start, end = spans[args.paragraph - 1]
    path = article.paths[0] if article.paths else ""
    bm = make_bookmark(article, start, end, note=args.note or "", display_path=_display_path(path))
    notes = NotesFile(_notes_path(args))
    try:
        saved = notes.save(bm)  # a note for a passage bookmarked already is added to it
    except NotesError as exc:
        raise UserError(str(exc)) from None
    if args.json:
        _print_json(
            {
                "added": saved == "added",
                "noted": saved == "noted",
                "file": str(notes.path),
                **bm.to_dict(),
            }
        )
    else:
        verb = {"added": "Bookmarked", "noted": "Note added to", "already": "Already bookmarked"}[
            saved
        ]
        _console().print(
            _shown(f"{verb} paragraph {args.paragraph} of {article.id} in {notes.path}"),
            markup=False,
        )
    return 0


def cmd_notes(args: argparse.Namespace) -> int:
    from index.notes import NotesError, NotesFile

    notes = NotesFile(_notes_path(args))
    try:
        entries = list(reversed(notes.read()))
    except NotesError as exc:
        raise UserError(str(exc)) from None
    if args.json:
        for bm in entries:
            _print_json(bm.to_dict())
        return 0
    from rich.text import Text

    out = _console()
    if not entries:
        out.print(
            Text(
                _shown(
                    f"No bookmarks yet in {notes.path}."
                    " Add one with: reader bookmark ID --paragraph N"
                )
            )
        )
        return 0
    for bm in entries:
        saved = _shown(bm.saved[:16].replace("T", " "))
        out.print(Text.assemble((saved, "dim"), "  ", (_shown(bm.title), "bold")))
        out.print(Text("  “" + _shown(bm.quote, lines=True) + "”"))
        cite = " · ".join(
            x for x in (bm.outlet, bm.published[:10], bm.location, bm.article_id) if x
        )
        out.print(Text("  " + _shown(cite), style="dim"))
        if bm.note:
            out.print(Text("  " + _shown(bm.note, lines=True), style="italic"))
        out.print()
    return 0


def cmd_clean(args: argparse.Namespace) -> int:
    from index.clean import clean_page, format_body
    from index.ingest.decode import UnreadableFile, read_page

    name = args.file if args.file and args.file != "-" else "stdin"
    try:
        text = read_page(args.file)
    except OSError as exc:
        raise UserError(f"cannot read {name}: {exc.strerror or exc}") from None
    except UnreadableFile as exc:
        raise UserError(f"cannot clean {name}: {exc}") from None
    body = format_body(clean_page(text))
    sys.stdout.write(body + "\n" if body else "")
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    from index.extract import run_jsonl

    return run_jsonl(sys.stdin, sys.stdout)


# Parser


def positive_int(value: str) -> int:
    """An argparse type: a whole number of at least 1 (a count such as ``--limit``)."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} must be a positive whole number")
    return number


class _Parser(argparse.ArgumentParser):
    """Usage errors quote the arguments typed ("unrecognized arguments: ..."), shown safe;
    sub-command parsers are made of the same class."""

    def error(self, message: str) -> NoReturn:
        super().error(_shown(message))


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reader",
        description="Read a story across many news articles: clean text, figures, sources, search, notes.",
    )
    parser.add_argument(
        "--library",
        metavar="DIR",
        help="library folder (default: $READER_LIBRARY or the user data folder)",
    )
    parser.add_argument(
        "--notes",
        metavar="FILE",
        help="notes file (default: $READER_NOTES or notes.md in the user data folder)",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    parser.set_defaults(func=cmd_open)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    p = sub.add_parser(
        "add",
        help="add files and folders to the library",
        description="Add page text (.txt), saved pages (.html), Markdown (.md) and feeds (.rss/.atom/.xml); folders are read recursively.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=cmd_add)

    p = sub.add_parser(
        "list", help="list the articles", description="List the library's articles, newest first."
    )
    p.add_argument("--limit", type=positive_int, metavar="N", help="list at most N articles")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser(
        "search",
        help="search the library",
        description='Search: words, "phrases", AND/OR/NOT, field:value (title, outlet, author, source, figure), published:[2024-10-01 TO 2024-10-31], wildcards (troo*).',
    )
    p.add_argument("query")
    p.add_argument("--sort", choices=("relevance", "date"), default="relevance")
    p.add_argument(
        "--limit", type=positive_int, default=20, metavar="N", help="show at most N hits"
    )
    p.add_argument("--json", action="store_true", help="one JSON object per hit")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser(
        "show",
        help="show an article",
        description="Show an article's clean text; --raw lists what cleaning dropped and why.",
    )
    p.add_argument("article", metavar="ARTICLE", help="article id (or a unique prefix of it)")
    p.add_argument(
        "--raw", action="store_true", help="show the lines cleaning removed, with the rule for each"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser(
        "reindex",
        help="rebuild the search index from the stored articles",
        description="Rebuild the library's search index from its stored articles (when it is damaged); nothing is cleaned or extracted again.",
    )
    p.set_defaults(func=cmd_reindex)

    p = sub.add_parser(
        "bookmark",
        help="bookmark a paragraph to the notes file",
        description="Append a paragraph of an article, with its citation and your note, to the notes file.",
    )
    p.add_argument("article", metavar="ARTICLE")
    p.add_argument(
        "--paragraph", type=int, required=True, metavar="N", help="paragraph number, from 1"
    )
    p.add_argument("--note", metavar="TEXT", help="your note")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_bookmark)

    p = sub.add_parser(
        "notes",
        help="list the bookmarks, newest first",
        description="List the bookmarks in the notes file, newest first.",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_notes)

    p = sub.add_parser(
        "clean",
        help="clean one page text and print the body",
        description="Clean a page-text dump from FILE or stdin and print the article body.",
    )
    p.add_argument("file", nargs="?", metavar="FILE")
    p.set_defaults(func=cmd_clean)

    p = sub.add_parser(
        "extract",
        help="figures and sources of JSON-lines texts",
        description='Read JSON lines {"id","text"} on stdin; write {"id","figures":[...],"sources":[...]} with character offsets.',
    )
    p.set_defaults(func=cmd_extract)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except UserError as exc:
        _error(exc)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        from index.library import LibraryError

        if args.debug:
            raise
        if isinstance(exc, LibraryError):
            _error(exc)
            return EXIT_USER_ERROR
        _error(f"unexpected error: {type(exc).__name__}: {exc} (run with --debug for details)")
        return EXIT_USER_ERROR


if __name__ == "__main__":
    sys.exit(main())
