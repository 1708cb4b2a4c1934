"""Reading files: formats, encodings and every kind of bad input."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from index.ingest import UnreadableFile, iter_files, read_file
from index.ingest.sanitize import sanitize
from index.library import Library

ARTICLE = (
    "Ministers met on Tuesday to discuss the budget, officials said after the meeting.\n\n"
    "The finance minister said the plan would cost about 2 billion euros over five years.\n\n"
    "Critics said the figure was too low, according to a statement from the opposition.\n"
)


def _add(tmp_path: Path, *paths: Path) -> tuple[Library, object]:
    library = Library(tmp_path / "lib")
    return library, library.add(list(paths))


def test_empty_file_is_skipped_with_reason(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n \t\n")
    (tmp_path / "good.txt").write_text(ARTICLE)
    library, report = _add(tmp_path, tmp_path)
    assert report.added == 1
    reasons = dict((Path(p).name, r) for p, r in report.skipped)
    assert reasons == {"empty.txt": "empty file", "blank.txt": "empty file"}


def test_binary_named_txt_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(UnreadableFile, match="binary"):
        read_file(path)


def test_huge_file_is_refused_fast(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        line = b"All work and no play makes a long file. " * 25 + b"\n"
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            f.write(line)
    assert path.stat().st_size >= 50 * 1024 * 1024
    # Refused by its size before any of it is read: the message gives the size.
    with pytest.raises(UnreadableFile, match=r"too large \(50\.0 MB; the limit is 20 MB\)"):
        read_file(path)


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        (
            "latin-1",
            "Le ministre a déclaré que l'économie française était à un tournant décisif, selon le rapport.",
        ),
        (
            "cp1252",
            "The minister said the “deal” was worth €22 billion — a record, officials said.",
        ),
        (
            "utf-16",
            "Die Ministerin sagte, die Einigung sei ein großer Schritt für Europa, so die Zeitung.",
        ),
        (
            "utf-16-le",
            "Министр заявил, что переговоры продолжатся на следующей неделе, сообщает агентство.",
        ),
    ],
)
def test_encodings_are_detected(tmp_path: Path, encoding: str, text: str) -> None:
    path = tmp_path / f"article-{encoding}.txt"
    page = f"Headline of the article\n\n{text}\n\n{text}\n"
    path.write_bytes(page.encode(encoding))
    (doc,) = read_file(path)
    assert text in doc.text


def test_nul_bytes_are_removed(tmp_path: Path) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(ARTICLE.encode().replace(b"budget", b"bud\x00get"))
    (doc,) = read_file(path)
    assert "\x00" not in doc.text
    assert "budget" in doc.text


def test_escapes_removed_and_markup_kept_as_text(tmp_path: Path) -> None:
    hostile = (
        "A headline [bold red]with markup[/]\n\n"
        "The minister said \x1b[2Jthe screen \x1b]0;pwned\x07would clear, "
        "[@click=app.quit]quit[/] officials said.\n\n" + ARTICLE
    )
    path = tmp_path / "hostile.txt"
    path.write_text(hostile)
    library, report = _add(tmp_path, path)
    article = library.get(library.rows()[0].id)
    stored = " ".join([article.title, article.body])
    assert "\x1b" not in stored and "\x07" not in stored
    assert "[@click=app.quit]quit[/]" in stored
    assert "pwned" not in stored


def test_sanitize_strips_controls_but_keeps_text() -> None:
    assert sanitize("a\x1b[31mred\x1b[0m") == "ared"
    assert sanitize("b\x9b2Jc\u202ed") == "bcd"
    assert sanitize("x\r\ny\rz") == "x\ny\nz"
    assert sanitize("tab\tkept\x00\x07") == "tab\tkept"
    assert sanitize("[bold]not markup[/bold]") == "[bold]not markup[/bold]"


def test_unreadable_file_and_symlink_loop_in_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "saved"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "good.txt").write_text(ARTICLE)
    (folder / "other.txt").write_text(ARTICLE.replace("Ministers", "Governors"))
    (folder / "sub" / "loop").symlink_to(folder)  # a loop back to the top
    (folder / "dead.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(folder / "pipe.txt")  # would block a naive reader
    locked = folder / "locked.txt"
    locked.write_text(ARTICLE.replace("Ministers", "Mayors"))
    real_open = os.open

    def open_file(path: str | os.PathLike[str], flags: int, *args: int, **kw: int) -> int:
        if Path(path).name == "locked.txt":  # chmod does not stop root
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args, **kw)

    monkeypatch.setattr(os, "open", open_file)
    library, report = _add(tmp_path, folder)
    assert report.added == 2
    reasons = {Path(p).name: r for p, r in report.skipped}
    assert reasons["locked.txt"] == "permission denied"
    assert reasons["pipe.txt"] == "a pipe, not a regular file; only files and folders are added"
    assert reasons["dead.txt"] == "broken link"
    assert "loop" in reasons["loop"]


def test_missing_path_is_reported() -> None:
    assert list(iter_files([Path("/nonexistent/x.txt")])) == [
        (Path("/nonexistent/x.txt"), "no such file or folder")
    ]


def test_html_page_through_trafilatura(tmp_path: Path) -> None:
    paragraphs = [
        f"Paragraph {i} of the story: the minister said talks would go on next week, "
        "according to officials who spoke on condition of anonymity."
        for i in range(1, 6)
    ]
    html = (
        "<html><head><title>Talks to resume | Daily Example</title>"
        '<meta property="og:site_name" content="Daily Example">'
        '<meta name="author" content="Jane Roe">'
        '<meta property="article:published_time" content="2024-10-31T09:00:00Z">'
        "</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        "<article><h1>Talks to resume</h1>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</article><footer>Subscribe to our newsletter</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(html)
    (doc,) = read_file(path)
    assert doc.format == "html" and doc.cleaned is not None
    assert doc.cleaned.title == "Talks to resume"
    assert doc.cleaned.outlet == "Daily Example"
    assert doc.cleaned.authors == ["Jane Roe"]
    assert doc.cleaned.published == "2024-10-31"
    assert doc.cleaned.paragraphs == paragraphs


def test_markdown_front_matter_and_body(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(
        "---\ntitle: Talks resume\nauthor: Jane Roe and John Doe\ndate: 2024-10-31\n---\n\n"
        "Ministers met on **Tuesday**, [officials](http://x) said.\n\n"
        "![Ministers at the table](photo.jpg)\n\n"
        "## Background\n\nTalks began in May.\n"
    )
    (doc,) = read_file(path)
    cleaned = doc.cleaned
    assert cleaned is not None
    assert cleaned.title == "Talks resume"
    assert cleaned.authors == ["Jane Roe", "John Doe"]
    assert cleaned.published == "2024-10-31"
    assert cleaned.paragraphs == [
        "Ministers met on Tuesday, officials said.",
        "Background",
        "Talks began in May.",
    ]
    assert cleaned.captions == ["Ministers at the table"]


RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Example News</title>
<item><title>First story</title><guid>a1</guid><author>jane@example.com (Jane Roe)</author>
<pubDate>Thu, 31 Oct 2024 21:43:00 GMT</pubDate>
<description>&lt;p&gt;Officials said 8,000 troops moved.&lt;/p&gt;&lt;p&gt;More later.&lt;/p&gt;</description></item>
<item><title>Second story</title><guid>a2</guid>
<description>Only a short text, the agency reported.</description></item>
</channel></rss>"""


def test_feed_entries_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "news.rss"
    path.write_text(RSS)
    library, report = _add(tmp_path, path)
    assert report.added == 2
    titles = {row.title: row for row in library.rows()}
    first = library.get(titles["First story"].id)
    assert first.outlet == "Example News"
    assert first.published == "2024-10-31T21:43:00+00:00"
    assert first.paragraphs == ["Officials said 8,000 troops moved.", "More later."]
    # A feed rolls: an entry dropped from the file keeps its article (issue 14, row 2).
    path.write_text(
        RSS.replace("<item><title>Second story", "<!--x--><skip><title>Second").replace(
            "reported.</description></item>", "reported.</description></skip>"
        )
    )
    report = library.add([path])
    assert (report.added, report.updated, report.unchanged) == (0, 0, 1)
    assert sorted(r.title for r in library.rows()) == ["First story", "Second story"]
    assert [h.title for h in library.search("agency").hits] == ["Second story"]
    # Re-added as it is, the file counts the one entry it still holds.
    again = library.add([path])
    assert (again.added, again.updated, again.unchanged) == (0, 0, 1)


def test_malformed_feed_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text("<rss><channel><title>x</title><item><title>unclosed")
    library, report = _add(tmp_path, path)
    assert report.added == 0 and library.count() == 0
    ((skipped, reason),) = report.skipped
    assert Path(skipped).name == "broken.xml" and reason == "feed entries have no text"


def test_file_name_that_is_not_utf8_is_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE)
    bad = os.fsencode(folder) + b"/caf\xe9.txt"
    with open(bad, "wb") as f:
        f.write(ARTICLE.replace("Ministers", "Bakers").encode())
    library, report = _add(tmp_path, folder)
    assert report.added == 1
    ((path, reason),) = report.skipped
    assert "not valid UTF-8" in reason and "caf" in path


def _shared_key_feed(*, drop: str = "") -> str:
    """Two pairs of entries that share a key: a repeated <guid>, and a repeated title
    with no guid or link. ``drop`` leaves out the entry whose text holds that word."""
    entries = [
        ("Talks resume", "<guid>same-guid</guid>", "Ministers met about the harbour tariff."),
        ("Talks resume", "<guid>same-guid</guid>", "Ministers met again about the rail strike."),
        ("Market report", "", "Shares in copper miners rose sharply."),
        ("Market report", "", "Shares in timber companies fell."),
    ]
    items = "".join(
        f"<item><title>{title}</title>{guid}<description>{text}</description></item>"
        for title, guid, text in entries
        if not (drop and drop in text)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Example News</title>'
        f"{items}</channel></rss>"
    )


def _hit_bodies(library: Library, query: str) -> list[str]:
    return [library.get(hit.id).body for hit in library.search(query).hits]


def test_feed_entries_that_share_a_key_are_all_kept(tmp_path: Path) -> None:
    """Issue row 1: entries sharing a guid, or a title with no guid or link, were merged
    into one key: '2 added, 2 updated', the first of each pair gone, 4 index documents
    for 2 records."""
    path = tmp_path / "news.rss"
    path.write_text(_shared_key_feed())
    library, report = _add(tmp_path, path)
    assert report.summary() == "4 added, 0 updated, 0 unchanged, 0 skipped"
    assert library.count() == 4
    assert library.searcher().doc_count() == 4
    # A word only in the first entry of each pair finds that entry.
    assert _hit_bodies(library, "harbour") == ["Ministers met about the harbour tariff."]
    assert _hit_bodies(library, "copper") == ["Shares in copper miners rose sharply."]
    again = library.add([path])
    assert again.summary() == "0 added, 0 updated, 4 unchanged, 0 skipped"
    # The feed rolls: whichever entry of a pair leaves the file, every article stays.
    for gone in ("harbour", "timber"):
        path.write_text(_shared_key_feed(drop=gone))
        rolled = library.add([path])
        assert (rolled.added, rolled.updated, rolled.unchanged) == (0, 0, 3)
        assert library.count() == library.searcher().doc_count() == 4
        for word in ("harbour", "strike", "copper", "timber"):
            assert len(_hit_bodies(library, word)) == 1, word


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("2024-10-31", "2024-10-31"),
        ("'2024-10-31'", "2024-10-31"),
        ("2024-10-31T08:00:00Z", "2024-10-31T08:00+00:00"),
        ("2024-10-31 08:00:00 +02:00", "2024-10-31T08:00+02:00"),  # a YAML timestamp
        ("October 31, 2024", "2024-10-31"),
        ("31 October 2024", "2024-10-31"),
        ("not a date at all", None),
        ("2024-13-45", None),
    ],
)
def test_markdown_front_matter_date_is_stored_in_iso_form(
    tmp_path: Path, written: str, stored: str | None
) -> None:
    path = tmp_path / "note.md"
    path.write_text(f"---\ntitle: Talks resume\ndate: {written}\n---\n\nMinisters met.\n")
    (doc,) = read_file(path)
    assert doc.cleaned is not None and doc.cleaned.published == stored


def test_markdown_date_that_is_no_date_sorts_with_the_undated(tmp_path: Path) -> None:
    """Issue row 17: `date: not a date at all` was stored as the date, and listed above
    every real date; a date written out was not found by a published: query."""
    folder = tmp_path / "notes"
    folder.mkdir()
    for name, date in (("bogus", "not a date at all"), ("real", "October 31, 2024")):
        (folder / f"{name}.md").write_text(
            f"---\ntitle: The {name} one\ndate: {date}\n---\n\nMinisters met about {name}.\n"
        )
    library, report = _add(tmp_path, folder)
    assert report.added == 2
    assert [(r.title, r.published) for r in library.rows()] == [
        ("The real one", "2024-10-31"),
        ("The bogus one", None),
    ]
    assert [h.title for h in library.search("published:2024-10").hits] == ["The real one"]


@pytest.mark.parametrize("control", ["&#27;", "&#x1B;", "&#0027", "&#7;", "&#1;", "\x1b"])
def test_html_page_with_a_control_character_is_cleaned(tmp_path: Path, control: str) -> None:
    """Issue row 20: a page holding `&#27;` was skipped whole as 'no article text' (the
    parsed ESC made trafilatura drop the page); now the page is kept and the control goes
    the way of any control character: an escape sequence with it."""
    paragraphs = [
        f"Paragraph {i} of the story: the minister said talks would go on next week, "
        "according to officials who spoke on condition of anonymity."
        for i in range(1, 6)
    ]
    hostile = f"The screen {control}[2Jwould clear and the bell {control} ring, officials said."
    html = (
        "<html><head><title>Talks to resume</title></head><body><article>"
        "<h1>Talks to resume</h1>"
        + "".join(f"<p>{p}</p>" for p in [*paragraphs[:2], hostile, *paragraphs[2:]])
        + "<p>A dash &#150; and a tab&#9;stay as the parser gives them.</p>"
        "</article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(html)
    library, report = _add(tmp_path, path)
    assert report.summary() == "1 added, 0 updated, 0 unchanged, 0 skipped"
    article = library.get(library.rows()[0].id)
    assert article.title == "Talks to resume"
    assert article.paragraphs[:2] == paragraphs[:2] and article.paragraphs[3:6] == paragraphs[2:]
    # An escape sequence goes whole; other controls alone.
    screen = "" if control in ("\x1b", "&#27;", "&#x1B;", "&#0027") else "[2J"
    assert article.paragraphs[2] == (
        f"The screen {screen}would clear and the bell ring, officials said."
    )
    assert not any(ord(ch) < 32 or ch == "\x7f" for ch in article.body if ch != "\n")
    assert article.paragraphs[-1] == "A dash – and a tab stay as the parser gives them."


def test_markdown_is_read_as_a_markdown_renderer_reads_it(tmp_path: Path) -> None:
    """Issue 18, bug 3: a hand-written emphasis regex made snake_case_name snakecasename;
    setext headings, code fences and reference links came out wrong; YAML-list authors
    were not read."""
    path = tmp_path / "post.md"
    path.write_text(
        "---\n"
        "title: 'Budget: the vote'\n"
        "authors:\n  - Jane Roe\n  - John Doe\n"
        "date: October 31, 2024\n"
        "outlet: The Ledger\n"
        "---\n\n"
        "Setext heading\n==============\n\n"
        "The field is called snake_case_name, and 2 * 3 * 4 is *not* __bold__ here.\n\n"
        "See [the report][r] for more, or <b>the annex</b>.\n\n"
        "```python\nx = compute(a_b)\n```\n\n"
        "> Quoted line one\n> and two.\n\n"
        "1. First point\n2. Second point\n\n"
        "[r]: https://example.org/report\n",
        encoding="utf-8",
    )
    (doc,) = read_file(path)
    cleaned = doc.cleaned
    assert cleaned is not None
    assert cleaned.title == "Budget: the vote"
    assert cleaned.authors == ["Jane Roe", "John Doe"]
    assert cleaned.published == "2024-10-31"
    assert cleaned.outlet == "The Ledger"
    assert cleaned.paragraphs == [
        "Setext heading",
        "The field is called snake_case_name, and 2 * 3 * 4 is not bold here.",
        "See the report for more, or the annex.",
        "x = compute(a_b)",
        "Quoted line one and two.",
        "First point",
        "Second point",
    ]


def test_markdown_front_matter_nested_past_reason_is_read_line_by_line(tmp_path: Path) -> None:
    """Front matter of 5,000 '[' made the YAML parser recurse until Python stopped it:
    'unexpected error: RecursionError' and the add failed."""
    path = tmp_path / "deep.md"
    path.write_text("---\ntitle: " + "[" * 5000 + "\n---\n\nTroops moved north, officials said.\n")
    (doc,) = read_file(path)
    assert doc.cleaned is not None
    assert doc.cleaned.paragraphs == ["Troops moved north, officials said."]
    assert doc.cleaned.title == "[" * 5000
