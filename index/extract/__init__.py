"""Figures and named sources in an article body.

``extract(text)`` returns an :class:`index.model.Extraction`; ``run_jsonl`` is the
``reader extract`` / ``python -m index.extract`` loop over JSON lines.
"""

from __future__ import annotations

import json
from typing import IO

from index.extract.api import extract

__all__ = ["extract", "run_jsonl"]


def run_jsonl(stdin: IO[str], stdout: IO[str]) -> int:
    """Read ``{"id", "text"}`` lines, write ``{"id", "figures", "sources"}`` lines.

    Returns the exit status: 0, or 1 when a line was not a JSON object with a text
    (that line is answered with empty lists so ids stay aligned, and reported on stderr).
    """
    import sys

    status = 0
    for n, line in enumerate(stdin, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            text = rec["text"]
            if not isinstance(text, str):
                raise TypeError("text is not a string")
        except (ValueError, KeyError, TypeError) as e:
            print(
                f"extract: line {n}: expected a JSON object with 'id' and 'text' ({e})",
                file=sys.stderr,
            )
            status = 1
            if isinstance(locals().get("rec"), dict) and "id" in rec:
                stdout.write(json.dumps({"id": rec["id"], "figures": [], "sources": []}) + "\n")
            continue
        result = extract(text)
        out = {
            "id": rec.get("id"),
            "figures": [f.to_dict() for f in result.figures],
            "sources": [s.to_dict() for s in result.sources],
        }
        stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    stdout.flush()
    return status
