"""Campaign worker: opens archives through the app's real gate, one JSON line per request.

Run as ``python -m tests.hardening.worker [GOOD_ARCHIVE]``.  It prints ``{"ready": true}``
once imports are done, then reads requests ``{"path": ..., "seed": ..., "queries": true}`` from
stdin, one per line, and answers each with one JSON line::

    {"outcome": "opened" | "refused" | "escaped" | "post-gate-error",
     "open_seconds": 0.004, "family": "malformed", "error": "ArchiveCorrupt",
     "message": "Cannot open …", "detail": "traceback or cause", "queried": true}

An archive that opens is used through the whole post-gate query set
(:func:`tests.hardening.usage.exercise`) once per distinct *content*: the worker remembers the
:func:`~tests.hardening.usage.content_digest` of every archive that answered all queries,
starting with GOOD_ARCHIVE, which it exercises at start as it does a mutant.  A
mutant whose stored rows are exactly those of an archive already exercised (bytes flipped in
free space, an appended tail) would give the same answers, so it is reported ``"queried":
false``; every mutant whose content changed runs the whole set.

The driver (:mod:`tests.hardening.campaign`) restarts it if it dies or stays silent for
longer than the watchdog allows; a crash therefore costs one mutant, not the campaign.
"""

from __future__ import annotations

import json
import sys
import time
import traceback
from pathlib import Path
from typing import Any

from db import errors, open_archive
from tests.hardening import usage


def _digest(archive: Any) -> str | None:
    try:
        return usage.content_digest(archive)
    except Exception:  # unreadable rows: the query set will say what fails
        return None


def handle(request: dict[str, Any], seen: set[str] | None = None) -> dict[str, Any]:
    """Open one archive (and use it when it opens); never raises.

    ``seen`` holds content digests of archives that already answered every query.
    """
    start = time.perf_counter()
    try:
        archive = open_archive(request["path"])
    except errors.ArchiveError as exc:
        cause = exc.__cause__
        return {
            "outcome": "refused",
            "open_seconds": time.perf_counter() - start,
            "family": exc.family,
            "error": type(exc).__name__,
            "message": exc.message,
            "detail": f"{type(cause).__name__}: {cause}"[:300] if cause else "",
            "cause_family": errors.classify(cause).key if cause else "",
        }
    except BaseException as exc:  # what the gate let escape is exactly what we count
        return {
            "outcome": "escaped",
            "open_seconds": time.perf_counter() - start,
            "family": "",
            "error": type(exc).__name__,
            "message": str(exc)[:300],
            "detail": traceback.format_exc()[-2000:],
        }
    opened = time.perf_counter() - start
    queried = False
    try:
        digest = _digest(archive) if seen is not None else None
        if request.get("queries", True) and (digest is None or digest not in (seen or ())):
            usage.exercise(archive, int(request.get("seed", 0)))
            queried = True
            if digest is not None and seen is not None:
                seen.add(digest)
    except BaseException as exc:
        return {
            "outcome": "post-gate-error",
            "open_seconds": opened,
            "family": errors.classify(exc).key,
            "error": type(exc).__name__,
            "message": str(exc)[:300],
            "detail": traceback.format_exc()[-2000:],
            "queried": True,
        }
    finally:
        archive.close()
    return {
        "outcome": "opened",
        "open_seconds": opened,
        "family": "",
        "error": "",
        "message": "",
        "detail": "",
        "queried": queried,
    }


def main(argv: list[str]) -> int:
    """Serve requests until stdin closes."""
    seen: set[str] = set()
    if argv:
        good = open_archive(Path(argv[0]))
        try:
            usage.exercise(good, 0)
            seen.add(usage.content_digest(good))
        finally:
            good.close()
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        if line.strip():
            print(json.dumps(handle(json.loads(line), seen)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
