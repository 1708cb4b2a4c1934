"""``python -m index.extract``: JSON lines in on stdin, figures and sources out on stdout."""

from __future__ import annotations

import io
import sys

from index.extract import run_jsonl

if __name__ == "__main__":
    # JSON lines are UTF-8 whatever the locale says.
    stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
    stdout = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n")
    status = run_jsonl(stdin, stdout)
    stdout.flush()
    sys.exit(status)
