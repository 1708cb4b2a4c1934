"""Figures and named sources in an article body.

``extract(text)`` returns an :class:`index.model.Extraction`; ``run_jsonl`` is the
``reader extract`` / ``python -m index.extract`` loop over JSON lines. Only the
standard library is imported, so the command starts in a few tens of milliseconds.
"""

from __future__ import annotations

import json
import sys
from typing import IO

from index.extract.api import extract

__all__ = ["extract", "run_jsonl"]


def run_jsonl(stdin: IO[str], stdout: IO[str], stderr: IO[str] | None = None) -> int:
    """Read ``{"id", "text"}`` lines, write ``{"id", "figures", "sources"}`` lines.

    Figures and sources are :meth:`Figure.to_dict` / :meth:`Source.to_dict` records
    with code-point offsets into ``text``. One output line per input line that has
    an ``id``, in input order, so a consumer can zip them. Returns the exit status:
    0, or 1 when some line was not a JSON object with an ``id`` and a string
    ``text`` (reported on stderr; a line with an ``id`` is still answered, empty).
    """
    err = stderr if stderr is not None else sys.stderr
    status = 0
    for n, line in enumerate(stdin, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError as e:
            print(f"extract: line {n} is not JSON ({e}); skipped", file=err)
            status = 1
            continue
        if not isinstance(rec, dict) or "id" not in rec:
            print(f"extract: line {n} has no 'id'; skipped", file=err)
            status = 1
            continue
        out: dict[str, object] = {"id": rec["id"], "figures": [], "sources": []}
        text = rec.get("text")
        if isinstance(text, str):
            result = extract(text)
            out["figures"] = [f.to_dict() for f in result.figures]
            out["sources"] = [s.to_dict() for s in result.sources]
        else:
            print(f"extract: line {n} ({rec['id']!r}) has no string 'text'", file=err)
            status = 1
        stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    stdout.flush()
    return status
