"""``--target postgresql://…`` of the build commands: build a file aside, then load it.

The build writes a private scratch file with :func:`db.build.writer.build`'s very code (the
indexed texts kept), :func:`db.pg.load.load` copies it into the server, and the scratch file
is removed whatever happens.  Errors come out as one line each, the password never among them.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from db.errors import BuildError
from db.pg.url import is_server, redact


def build_into(
    target: str, build: Callable[[Path], object], progress: Callable[[str], None] | None
) -> int:
    """Run ``build(scratch_file)`` and load the result into ``target``; an exit status."""
    if not is_server(target):
        print(
            f"build failed: --target must be a postgresql:// address, not {target!r}",
            file=sys.stderr,
        )
        return 2
    import psycopg

    from db.pg.load import load

    with tempfile.TemporaryDirectory(prefix="kremlin-build-") as tmp:
        scratch = Path(tmp) / "archive.sqlite"
        try:
            build(scratch)
            counts = load(scratch, target, progress)
        except BuildError as exc:
            print(f"build failed: {exc}", file=sys.stderr)
            return 1
        except psycopg.Error as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            print(f"build failed: {redact(target)}: {first}", file=sys.stderr)
            return 1
    if progress is not None:
        print(f"loaded {counts.get('person', 0):,} people into {redact(target)}")
    return 0
