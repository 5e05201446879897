"""Entry point of ``kremlin-archive`` and ``python -m app``.

With no command it starts the GUI (``--archive PATH`` opens another archive); with a
command (``info``, ``show`` …) it runs the command line interface and prints to stdout.
``--lang en|ru`` (anywhere) chooses the language; without it the system's is used.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run the GUI or a command; return the process exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    from app import cli

    if cli.is_command(args):
        return cli.run(args)
    lang, rest = cli.split_language(args)
    from app import gui

    return gui.run(rest, lang)


if __name__ == "__main__":
    sys.exit(main())
