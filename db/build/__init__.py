"""The archive builder: source data → a reproducible, read-only SQLite archive.

Modules: :mod:`~db.build.source_data` reads and validates ``resources/data``;
:mod:`~db.build.writer` stages records and finishes the file (:class:`ArchiveWriter`, also
used by :mod:`db.synth`); :mod:`~db.build.numbering` numbers rows in display order;
:mod:`~db.build.side` builds search keys and claims in a second process;
:mod:`~db.build.summary` precomputes the chart summary; :mod:`~db.build.research_import` is
the one-off import of the shared research.  The read side of :mod:`db` never imports this
package (an import-linter contract).
"""

from __future__ import annotations

from db.build.writer import (
    DEFAULT_DATA,
    DEFAULT_OUT,
    REPO_ROOT,
    STAGING,
    ArchiveWriter,
    build,
    write_source_data,
)

__all__ = [
    "DEFAULT_DATA",
    "DEFAULT_OUT",
    "REPO_ROOT",
    "STAGING",
    "ArchiveWriter",
    "build",
    "write_source_data",
]
