"""Command line interface: ``kremlin-archive [--lang ru] COMMAND [--archive PATH] [--json] …``.

Each command is a module in :mod:`app.commands` exposing ``HELP``, ``configure(parser)`` and
``run(args, archive) -> int``.  Errors print one line to stderr and exit non-zero; no
traceback ever reaches the terminal.

The language of every message (the commands' text, errors, ``--help`` and argparse's own
words) is ``--lang`` (before or after the command), else the system's (``LANG=ru_RU.UTF-8``).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import sys
from collections.abc import Iterator, Sequence
from types import ModuleType

from app import resources, terminal
from db import i18n
from db.i18n import N_, _
from db.pg.url import archive_target

#: Command name → module under app.commands.
COMMANDS = (
    "info",
    "show",
    "stats",
    "dossier",
    "search",
    "export",
    "cite",
    "notes",
    "graph",
    "timeline",
)

EXIT_USAGE = 2
EXIT_ARCHIVE = 3
EXIT_NOT_FOUND = 4
EXIT_FAILED = 1

LANG_OPTION = "--lang"
ARCHIVE_OPTION = "--archive"

log = logging.getLogger(__name__)

#: argparse's own words (usage, errors, help headings), in the catalogue so that a Russian
#: command line says them in Russian too; argparse looks them up while :func:`parser` builds
#: and parses (see :func:`argparse_in_language`).
ARGPARSE_WORDS = (
    N_("usage: "),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("ignored explicit argument %r"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
)


def _argparse_plurals(n: int) -> str:
    """Marks argparse's plural message for the catalogue (argparse itself asks for it)."""
    return i18n.ngettext("expected %s argument", "expected %s arguments", n)


def split_language(argv: Sequence[str]) -> tuple[str | None, list[str]]:
    """``(--lang value or None, argv without it)``: the option may stand anywhere."""
    rest: list[str] = []
    lang: str | None = None
    args = list(argv)
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest += args[i:]
            break
        if arg == LANG_OPTION and i + 1 < len(args):
            lang, i = args[i + 1], i + 2
            continue
        if arg.startswith(LANG_OPTION + "="):
            lang, i = arg.partition("=")[2], i + 1
            continue
        rest.append(arg)
        i += 1
    return lang, rest


def command_first(argv: Sequence[str]) -> list[str]:
    """``argv`` (without ``--lang``) with an ``--archive FILE`` given before the command moved
    after it, where the command's own option reads it: ``--archive X info`` is ``info
    --archive X``, as the top-level help, which lists ``--archive``, lets one write it."""
    args = list(argv)
    moved: list[str] = []
    while args:
        if args[0] == ARCHIVE_OPTION and len(args) > 1:
            moved, args = [*moved, *args[:2]], args[2:]
        elif args[0].startswith(ARCHIVE_OPTION + "="):
            moved, args = [*moved, args[0]], args[1:]
        else:
            break
    if moved and args and args[0] in COMMANDS:
        return [args[0], *moved, *args[1:]]
    return [*moved, *args]


def is_command(argv: Sequence[str]) -> bool:
    """True when ``argv`` asks for a command rather than the GUI (``--lang X`` and
    ``--archive FILE`` may come first)."""
    _lang, rest = split_language(argv)
    args = command_first(rest)
    return bool(args) and args[0] in COMMANDS


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"app.commands.{name}")


def _lang_help() -> str:
    return _("language of the output: {choices} (default: the system's)").format(
        choices=", ".join(i18n.LANGUAGES)
    )


def parser() -> argparse.ArgumentParser:
    """The full argument parser (commands and their options), in the current language."""
    top = argparse.ArgumentParser(
        prog="kremlin-archive", description=_("Kremlin Affair archive: command line.")
    )
    # --lang is taken out of argv before parsing (it may follow the command too, see
    # split_language); it is declared here so that --help names it.
    top.add_argument(LANG_OPTION, choices=tuple(i18n.LANGUAGES), default=None, help=_lang_help())
    sub = top.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        mod = _module(name)
        p = sub.add_parser(name, help=_(mod.HELP), description=_(mod.HELP))
        p.add_argument(
            "--archive",
            type=archive_target,
            default=None,
            help=_(
                "archive file, or postgresql:// address of an archive on a server, to read "
                "(default: the bundled archive)"
            ),
        )
        mod.configure(p)
    return top


@contextlib.contextmanager
def argparse_in_language() -> Iterator[None]:
    """argparse's words through this program's catalogue while the block runs.

    argparse looks its words up with the ``_``/``ngettext`` it imported from :mod:`gettext`
    (Python's own, untranslated, catalogue); the command line lends it ours instead.
    """
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._ = i18n._  # type: ignore[attr-defined]
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


@contextlib.contextmanager
def language(code: str | None) -> Iterator[None]:
    """Use ``code`` (None: the system's language) while the block runs, then the one before."""
    before = i18n.language()
    i18n.set_language(code or i18n.system_language())
    try:
        yield
    finally:
        i18n.set_language(before)


def run(argv: Sequence[str]) -> int:
    """Parse ``argv`` and run the command (archive text cannot steer the terminal)."""
    lang, rest = split_language(argv)
    if lang is not None and lang not in i18n.LANGUAGES:
        with terminal.safe_output(), language(None):
            print(
                _("kremlin-archive: unknown language “{lang}” (choose from {choices})").format(
                    lang=lang, choices=", ".join(i18n.LANGUAGES)
                ),
                file=sys.stderr,
            )
        return EXIT_USAGE
    with terminal.safe_output(), language(lang), argparse_in_language():
        return _run(command_first(rest))


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
        print(
            _("kremlin-archive: {command} failed: {error}").format(command=args.command, error=exc),
            file=sys.stderr,
        )
        return EXIT_FAILED
    finally:
        archive.close()
