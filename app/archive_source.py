"""ArchiveSource: what models, widgets and printing may ask of the archive that is open.

The GUI holds its open archive in one place, the :class:`ArchiveHolder` of its
:class:`app.controller.ArchiveController`; a plain :class:`db.Archive` satisfies the same
protocol (the command line and tests use one directly).  A holder of an ``ArchiveSource``
never keeps a connection: it opens one per user action (``with source.connect() as conn``),
so after the controller switches archives the next action reads the new one.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from db import Archive, ArchiveInfo


class ArchiveSource(Protocol):
    """Read-only access to the archive open now."""

    @property
    def info(self) -> ArchiveInfo:
        """Title, data version, counts and path of the archive."""
        ...

    def connect(self) -> AbstractContextManager[Connection]:
        """A pooled read-only connection for one user action (thread-safe)."""
        ...


class ArchiveHolder:
    """The one place the GUI keeps the archive open now (an :class:`ArchiveSource`).

    Models, widgets and the dossier service hold this object, never an ``Archive``, so
    switching archives (:meth:`swap`) changes one reference.  Before every connection it
    checks that the file is still the one the gate passed (size, modification time, inode):
    a file overwritten or replaced under the app is opened again through the full gate, or,
    if it no longer passes, the bundled archive takes its place; ``on_replaced(old, new,
    message)`` then tells the owner (who resets the views and says so once).
    """

    def __init__(
        self,
        archive: Archive,
        on_replaced: Callable[[Archive, Archive, str], None] | None = None,
    ) -> None:
        self._archive = archive
        self._stamp = _stamp(archive)
        self._on_replaced = on_replaced

    @property
    def archive(self) -> Archive:
        """The archive open now."""
        return self._archive

    @property
    def info(self) -> ArchiveInfo:
        """Facts of the archive open now."""
        return self._archive.info

    def connect(self) -> AbstractContextManager[Connection]:
        """A read-only connection to the archive open now, for one user action."""
        if _stamp(self._archive) != self._stamp:
            self._replace_changed_file()
        return self._archive.connect()

    def swap(self, archive: Archive) -> Archive:
        """Hold ``archive`` from now on; returns the one held before (the caller closes it)."""
        old, self._archive = self._archive, archive
        self._stamp = _stamp(archive)
        return old

    def _replace_changed_file(self) -> None:
        from app import resources
        from db import ArchiveError, open_archive
        from db.i18n import _

        path = self._archive.path
        try:
            new = open_archive(path)
            message = _(
                "The archive file “{path}” changed on disk while it was open; "
                "it was opened again and checked."
            ).format(path=path)
        except ArchiveError as exc:
            bundled = resources.bundled_archive()
            if path.resolve() == bundled.resolve():
                raise
            new = open_archive(bundled)
            message = _(
                "The archive file “{path}” changed on disk while it was open and can no "
                "longer be read ({problem}). The bundled archive is open instead."
            ).format(path=path, problem=exc.problem)
        old = self.swap(new)
        if self._on_replaced is not None:
            self._on_replaced(old, new, message)
        else:
            old.close()


def _stamp(archive: Archive) -> tuple[int, int, int] | None:
    """What tells a file apart from its replacement: (size, mtime in ns, inode); None for an
    archive on a server (the server replaces its schema in one transaction)."""
    if archive.server:
        return None
    try:
        st = archive.path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns, st.st_ino
