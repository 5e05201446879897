"""Command line interface: ``kremlin-archive COMMAND [--archive PATH] [--json] …``.

Each command is a module in :mod:`app.commands` exposing ``HELP``, ``configure(parser)`` and
``run(args, archive) -> int``.  Errors print one line to stderr and exit non-zero; no
traceback ever reaches the terminal.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from app import resources, terminal

#: Command name → module under app.commands.
COMMANDS = ("info", "show", "stats", "dossier", "search", "export", "cite")

EXIT_USAGE = 2
EXIT_ARCHIVE = 3
EXIT_NOT_FOUND = 4
EXIT_FAILED = 1

log = logging.getLogger(__name__)


def is_command(argv: Sequence[str]) -> bool:
    """True when ``argv`` asks for a command rather than the GUI."""
    return bool(argv) and argv[0] in COMMANDS


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"app.commands.{name}")


def parser() -> argparse.ArgumentParser:
    """The full argument parser (commands and their options)."""
    top = argparse.ArgumentParser(
        prog="kremlin-archive", description="Kremlin Affair archive: command line."
    )
    sub = top.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        mod = _module(name)
        p = sub.add_parser(name, help=mod.HELP, description=mod.HELP)
        p.add_argument(
            "--archive",
            type=Path,
            default=None,
            help="archive file to read (default: the bundled archive)",
        )
        mod.configure(p)
    return top


def run(argv: Sequence[str]) -> int:
    """Parse ``argv`` and run the command (archive text cannot steer the terminal)."""
    with terminal.safe_output():
        return _run(argv)


def _run(argv: Sequence[str]) -> int:
    from db import ArchiveError, open_archive

    args = parser().parse_args(list(argv))
    path = args.archive or resources.bundled_archive()
    try:
        archive = open_archive(path)
    except ArchiveError as exc:
        print(f"kremlin-archive: {exc.message}", file=sys.stderr)
        return EXIT_ARCHIVE
    try:
        code: int = _module(args.command).run(args, archive)
        return code
    except BrokenPipeError:
        return 0
    except Exception as exc:
        log.exception("command %s failed", args.command)
        print(f"kremlin-archive: {args.command} failed: {exc}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        archive.close()
