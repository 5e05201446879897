"""Command line of the synthetic generator: ``python -m db.synth --people N [--out FILE]``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from db.synth.archive import build_synthetic
from db.synth.cache import cache_path
from db.synth.progress import BuildLog


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m db.synth --people N [--out FILE | --target URL] [--seed S] [-q]``."""
    parser = argparse.ArgumentParser(
        prog="python -m db.synth",
        description=(
            "Build a synthetic archive of invented people with the bundled archive's builder."
        ),
    )
    parser.add_argument("--people", type=int, required=True, help="number of people")
    parser.add_argument("--out", type=Path, help="target file (default: the .cache/ path)")
    parser.add_argument(
        "--target",
        metavar="URL",
        help="load the archive into a PostgreSQL server (postgresql://user@host/db) instead",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    args = parser.parse_args(argv)
    if args.people < 1:
        parser.error("--people must be at least 1")
    log = BuildLog(None if args.quiet else sys.stderr)
    if args.target is not None:
        from db.pg.target import build_into

        people, seed = args.people, args.seed
        return build_into(
            args.target,
            lambda out: build_synthetic(people, out, seed, log, keep_search_text=True),
            None if args.quiet else log.message,
        )
    out = args.out or cache_path(args.people, args.seed)
    report = build_synthetic(args.people, out, args.seed, log)
    for line in report.lines():
        print(line)
    return 0
