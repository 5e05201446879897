"""ArchiveSource: what models, widgets and printing may ask of the archive that is open.

The GUI holds its open archive in one place, the :class:`ArchiveHolder` of its
:class:`app.controller.ArchiveController`; a plain :class:`db.Archive` satisfies the same
protocol (the command line and tests use one directly).  A holder of an ``ArchiveSource``
never keeps a connection: it opens one per user action (``with source.connect() as conn``),
so after the controller switches archives the next action reads the new one.
"""

from __future__ import annotations

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
    switching archives (:meth:`swap`) changes one reference.
    """

    def __init__(self, archive: Archive) -> None:
        self._archive = archive

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
        return self._archive.connect()

    def swap(self, archive: Archive) -> Archive:
        """Hold ``archive`` from now on; returns the one held before (the caller closes it)."""
        old, self._archive = self._archive, archive
        return old
