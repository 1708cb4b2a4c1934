"""``python -m index.clean [FILE]``: print the article body of a page dump, one paragraph a line."""

from __future__ import annotations

import sys

from index.clean import clean_page, format_body


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) > 1:
        print("usage: python -m index.clean [FILE]", file=sys.stderr)
        return 2
    try:
        if args and args[0] != "-":
            with open(args[0], "rb") as fh:
                data = fh.read()
        else:
            data = sys.stdin.buffer.read()
    except OSError as exc:
        print(f"cannot read {args[0]}: {exc.strerror}; check the path", file=sys.stderr)
        return 1
    body = format_body(clean_page(data.decode("utf-8", errors="replace")))
    out = sys.stdout.buffer
    out.write(body.encode("utf-8"))
    if body:
        out.write(b"\n")
    out.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
