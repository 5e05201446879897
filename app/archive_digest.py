"""ArchiveDigest: the SHA-256 of the open archive file, for citations and the About page.

:func:`db.release.archive_sha256` reads the whole file once and then serves the digest from
its cache.  A small file (the bundled archive is under a megabyte) is hashed where it is
asked for; a file over :data:`SYNC_LIMIT` is hashed on the worker pool, so that the first
citation of a 5 GB archive does not freeze the window, and the answer arrives a moment later.
Requests for the same file while it is being hashed wait for the same result.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Slot

from app.workers import Runner
from db import release

log = logging.getLogger(__name__)

#: Files up to this size are hashed at once (64 MB: about a tenth of a second).
SYNC_LIMIT = 64 << 20

#: Receives the hex digest, or None when the file could not be read.
Answer = Callable[[str | None], None]


def _digest(path: Path) -> str | None:
    try:
        return release.archive_sha256(path)
    except OSError as exc:
        log.warning("could not hash %s: %s", path, exc)
        return None


class ArchiveDigest(QObject):
    """Answers "what is the SHA-256 of this archive file?" without blocking on big files.

    Args:
        parent: the owning QObject.
        sync_limit: the largest file hashed on the calling thread, in bytes
            (default :data:`SYNC_LIMIT`).
    """

    def __init__(self, parent: QObject | None = None, sync_limit: int | None = None) -> None:
        super().__init__(parent)
        self._sync_limit = SYNC_LIMIT if sync_limit is None else sync_limit
        self._runner = Runner(self)
        self._runner.failed.connect(self._on_runner_failed)
        self._pending: Path | None = None
        self._waiting: list[Answer] = []

    @property
    def busy(self) -> bool:
        """True while a big file is being hashed."""
        return self._pending is not None

    def request(self, path: Path, answer: Answer) -> None:
        """Call ``answer`` with the digest of ``path``: at once for a small file, else later."""
        try:
            size = path.stat().st_size
        except OSError:
            answer(None)
            return
        if size <= self._sync_limit:
            answer(_digest(path))
            return
        if self._pending != path:
            # Another file (the archive was switched): its waiters asked about a file that is
            # no longer the one open, so they are dropped with its result.
            self._pending, self._waiting = path, []
            self._runner.submit(lambda: _digest(path), self._on_done)
        self._waiting.append(answer)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until hashing has finished (tests, shutdown)."""
        return self._runner.wait(msecs)

    def _finish(self, digest: str | None) -> None:
        waiting, self._waiting, self._pending = self._waiting, [], None
        for answer in waiting:
            answer(digest)

    def _on_done(self, digest: object) -> None:
        self._finish(digest if isinstance(digest, str) else None)

    @Slot(object)
    def _on_runner_failed(self, _exc: object) -> None:
        self._finish(None)
