"""Data layer of the Kremlin Affair archive: schema, build, read-only access, queries (no Qt).

Public API: :func:`open_archive`, the :class:`Archive` handle, the error hierarchy, the DTOs,
and the query modules :mod:`db.listing` (paged list panes) and :mod:`db.queries` (details,
aggregates).  The names are imported lazily (PEP 562) so that importing a light module such as
:mod:`db.dto` does not pull in SQLAlchemy: the GUI shows its window before that import.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from db.engine import Archive, ArchiveInfo, open_archive
    from db.errors import ArchiveError

__all__ = ["Archive", "ArchiveError", "ArchiveInfo", "open_archive"]

_HOMES = {
    "Archive": "db.engine",
    "ArchiveInfo": "db.engine",
    "open_archive": "db.engine",
    "ArchiveError": "db.errors",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        try:
            return importlib.import_module(f"db.{name}")
        except ModuleNotFoundError:
            raise AttributeError(f"module 'db' has no attribute {name!r}") from None
    return getattr(importlib.import_module(home), name)
