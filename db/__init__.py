"""Data layer of the Kremlin Affair archive: schema, build, read-only access, queries (no Qt).

Public API: :func:`open_archive`, the :class:`Archive` handle, the error hierarchy, the DTOs,
and the query modules :mod:`db.listing` (paged list panes) and :mod:`db.queries` (details,
aggregates).
"""

from __future__ import annotations

from db.engine import Archive, ArchiveInfo, open_archive
from db.errors import ArchiveError

__all__ = ["Archive", "ArchiveError", "ArchiveInfo", "open_archive"]
