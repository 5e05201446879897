"""``python -m db.build``: build the archive file from its source data (``make archive``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from db.build.writer import DEFAULT_DATA, DEFAULT_OUT, build
from db.errors import BuildError


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m db.build [--data DIR] [--out FILE | --target URL]``."""
    parser = argparse.ArgumentParser(prog="python -m db.build",
                                     description="Build the archive from its source data.")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--target", metavar="URL",
        help="load the archive into a PostgreSQL server (postgresql://user@host/db) instead",
    )
    parser.add_argument("-q", "--quiet", action="store_true")
    args = parser.parse_args(argv)
    say = None if args.quiet else (lambda m: print(f"  {m}", file=sys.stderr))
    if args.target is not None:
        from db.pg.target import build_into

        return build_into(
            args.target,
            lambda out: build(args.data, out, say, keep_search_text=True),
            say,
        )
    try:
        path = build(args.data, args.out, say)
    except BuildError as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return 1
    if not args.quiet:
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    return 0



if __name__ == "__main__":
    sys.exit(main())
