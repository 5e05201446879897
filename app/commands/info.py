"""``kremlin-archive info``: title, data version, schema version, counts."""

from __future__ import annotations

import argparse

from app.commands.output import print_json
from db import Archive

HELP = "print the archive's title, data version, schema version and record counts"


def configure(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    parser.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace, archive: Archive) -> int:
    """Print the archive's facts."""
    info = archive.info
    if args.json:
        print_json(
            {
                "path": str(info.path),
                "title": info.title,
                "data_version": info.data_version,
                "schema_version": info.schema_version,
                "size_bytes": info.size_bytes,
                "counts": info.counts,
            }
        )
        return 0
    print(info.title)
    print(f"  file:            {info.path} ({info.size_bytes:,} bytes)")
    print(f"  data version:    {info.data_version}")
    print(f"  schema version:  {info.schema_version}")
    plural = {"person": "people", "tally": "tallies"}
    for key in sorted(info.counts):
        label = plural.get(key, key + "s") + ":"
        print(f"  {label:<16} {info.counts[key]:,}")
    return 0
