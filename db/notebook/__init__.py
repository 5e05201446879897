"""The researcher's notebook: bookmarks, notes, tags and saved searches, kept beside the archive.

The archive stays read-only and byte-identical; the user's own work lives in one SQLite file
in the user data folder (:func:`default_path`), keyed by the archive's identity
(:func:`archive_key`) and each record's kind and id.  Typical use::

    nb = Notebook.open()                       # never raises for a bad file: see nb.outcome
    key = archive_key(archive.info.meta)
    nb.set_note(key, Ref("person", "kamenev-lev"), "Check the 1935 protocol", label="Kamenev")
    nb.entries(key, tag="trial")

Modules: :mod:`~db.notebook.store` (the file: opening, locking, moving aside),
:mod:`~db.notebook.schema` (tables, migrations), :mod:`~db.notebook.notebook` (the API),
:mod:`~db.notebook.records` and :mod:`~db.notebook.reading` (its SQL),
:mod:`~db.notebook.model` (values), :mod:`~db.notebook.identity` (archive key),
:mod:`~db.notebook.exchange` and :mod:`~db.notebook.markdown` (import, export),
:mod:`~db.notebook.orphaned` (records a data version no longer holds).

The import/export and orphan functions need SQLAlchemy and are imported on first use, so
opening the notebook stays light.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from db.notebook.errors import (
    ImportFailed,
    NotebookBusy,
    NotebookError,
    NotebookReadOnly,
    NotebookUnavailable,
    NotebookWriteFailed,
)
from db.notebook.identity import archive_key
from db.notebook.model import (
    KINDS,
    ArchiveKey,
    Entry,
    ImportReport,
    Marks,
    NoteRevision,
    OpenOutcome,
    SavedSearch,
    claim_ref,
)
from db.notebook.notebook import Notebook
from db.notebook.store import default_path

if TYPE_CHECKING:
    from db.notebook.exchange import export_csv, export_json
    from db.notebook.importer import import_json
    from db.notebook.markdown import export_markdown
    from db.notebook.orphaned import orphans

__all__ = [
    "KINDS",
    "ArchiveKey",
    "Entry",
    "ImportFailed",
    "ImportReport",
    "Marks",
    "NoteRevision",
    "Notebook",
    "NotebookBusy",
    "NotebookError",
    "NotebookReadOnly",
    "NotebookUnavailable",
    "NotebookWriteFailed",
    "OpenOutcome",
    "SavedSearch",
    "archive_key",
    "claim_ref",
    "default_path",
    "export_csv",
    "export_json",
    "export_markdown",
    "import_json",
    "orphans",
]

_LAZY = {
    "export_csv": "db.notebook.exchange",
    "export_json": "db.notebook.exchange",
    "import_json": "db.notebook.importer",
    "export_markdown": "db.notebook.markdown",
    "orphans": "db.notebook.orphaned",
}


def __getattr__(name: str) -> Any:
    home = _LAZY.get(name)
    if home is None:
        raise AttributeError(f"module 'db.notebook' has no attribute {name!r}")
    return getattr(importlib.import_module(home), name)
