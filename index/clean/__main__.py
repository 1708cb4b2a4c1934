"""``python -m index.clean [FILE]``: print the article body of a page dump, one paragraph a
line: what ``reader clean`` prints, read and decoded the same way."""

from __future__ import annotations

import sys

from index.clean import clean_page, format_body
from index.ingest.decode import UnreadableFile, read_page


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) > 1:
        print("usage: python -m index.clean [FILE]", file=sys.stderr)
        return 2
    name = args[0] if args and args[0] != "-" else "stdin"
    try:
        text = read_page(args[0] if args else None)
    except OSError as exc:
        print(f"cannot read {name}: {exc.strerror or exc}; check the path", file=sys.stderr)
        return 1
    except UnreadableFile as exc:
        print(f"cannot clean {name}: {exc}", file=sys.stderr)
        return 1
    body = format_body(clean_page(text))
    out = sys.stdout.buffer
    out.write(body.encode("utf-8"))
    if body:
        out.write(b"\n")
    out.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
