"""``--target postgresql://…`` of the build commands: build a file aside, then load it.

The server is asked first whether the builder may connect (a wrong password or a server that is
down is said at once, not after minutes of building).  Then the build writes a private scratch
file with :func:`db.build.writer.build`'s very code (the indexed texts kept),
:func:`db.pg.load.load` copies it into the server, and the scratch file is removed whatever
happens.  Errors come out as one line each, the password never among them.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from db.errors import BuildError
from db.pg.url import is_server, libpq_url, redact, scrub


def _fail(target: str, exc: BaseException, what: str = "build failed") -> int:
    text = str(exc).strip()
    first = text.splitlines()[0] if text else type(exc).__name__
    print(f"{what}: {redact(target)}: {scrub(first, target)}", file=sys.stderr)
    return 1


def build_into(
    target: str, build: Callable[[Path], object], progress: Callable[[str], None] | None
) -> int:
    """Run ``build(scratch_file)`` and load the result into ``target``; an exit status."""
    if not is_server(target):
        shown = scrub(target, target)
        print(
            f"build failed: --target must be a postgresql:// address, not {shown!r}",
            file=sys.stderr,
        )
        return 2
    import psycopg

    from db.pg.load import SwapRefused, load

    try:
        psycopg.connect(libpq_url(target), connect_timeout=10).close()
    except (psycopg.Error, ValueError) as exc:
        return _fail(target, exc, "cannot build into the server")
    with tempfile.TemporaryDirectory(prefix="kremlin-build-") as tmp:
        scratch = Path(tmp) / "archive.sqlite"
        try:
            build(scratch)
            counts = load(scratch, target, progress)
        except BuildError as exc:
            print(f"build failed: {exc}", file=sys.stderr)
            return 1
        except SwapRefused as exc:
            print(f"build not switched on: {redact(target)}: {exc}", file=sys.stderr)
            return 1
        except (psycopg.Error, ValueError) as exc:
            return _fail(target, exc)
    if progress is not None:
        print(f"loaded {counts.get('person', 0):,} people into {redact(target)}")
    return 0
