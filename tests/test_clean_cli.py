"""``python -m index.clean``: what ``reader clean`` runs once per page."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from index.clean import clean_page, format_body

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_88ebcff245553769.txt"


def _run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "index.clean", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        check=False,
    )


def test_prints_the_body_one_paragraph_a_line_from_a_file() -> None:
    proc = _run(str(SEED))
    assert proc.returncode == 0
    expected = format_body(clean_page(SEED.read_text(encoding="utf-8")))
    assert proc.stdout.decode("utf-8") == expected + "\n"
    assert proc.stdout.decode("utf-8").count("\n") == 10


def test_reads_stdin_and_decodes_as_reader_clean_does(tmp_path: Path) -> None:
    """Issue 18, bug 4: the module decoded with replacement characters where reader
    clean (and reader add) detect the encoding; both now print the same."""
    page = SEED.read_text(encoding="utf-8").replace("’", "'").encode("cp1252")
    page = page.replace(b"Blinken said", b"Blinken \xe9said", 1)  # é in windows-1252
    proc = _run(stdin=page)
    assert proc.returncode == 0
    assert "Blinken ésaid" in proc.stdout.decode("utf-8")
    path = tmp_path / "page.txt"
    path.write_bytes(page)
    assert _reader_clean(str(path)).stdout == proc.stdout == _run(str(path)).stdout


def test_missing_file_is_one_line_on_stderr() -> None:
    proc = _run(str(ROOT / "no-such-page.txt"))
    assert proc.returncode == 1
    assert proc.stdout == b""
    assert len(proc.stderr.decode().strip().splitlines()) == 1


def _reader_clean(*args: str, stdin: int | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "clean", *args],
        stdin=stdin if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        cwd=ROOT,
        check=False,
        timeout=60,  # a guard against hanging: reading /dev/zero to its end never returns
    )


def test_reader_clean_of_an_endless_device_is_refused_after_the_size_limit() -> None:
    proc = _reader_clean("/dev/zero")
    assert proc.returncode == 1
    assert proc.stdout == b""
    assert proc.stderr.decode() == "reader: cannot clean /dev/zero: too large (over 20 MB)\n"


def test_reader_clean_of_endless_stdin_is_refused_after_the_size_limit() -> None:
    with open("/dev/zero", "rb") as zero:
        proc = _reader_clean("-", stdin=zero.fileno())
    assert proc.returncode == 1
    assert proc.stderr.decode() == "reader: cannot clean stdin: too large (over 20 MB)\n"
