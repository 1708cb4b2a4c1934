"""``python -m index.extract``: JSON lines in on stdin, figures and sources out on stdout."""

from __future__ import annotations

import sys

from index.extract import run_jsonl

if __name__ == "__main__":
    sys.exit(run_jsonl(sys.stdin, sys.stdout))
