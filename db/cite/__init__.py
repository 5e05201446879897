"""Citations of the archive: text citations (Chicago, GOST) and bibliography exports.

The API, for the GUI and the command line (see :mod:`db.cite.api`)::

    from db import cite
    cite.record(conn, Ref("person", "kamenev-lev"), "chicago", accessed=date(2026, 12, 4))
    cite.record(conn, cite.CHART, "gost")            # the outcomes chart
    cite.record(conn, None, "gost")                  # the archive as a whole
    cite.record_export(conn, ref, "bibtex")          # the record + the sources it cites
    cite.bibliography(conn, "ris")                   # every source
    cite.bibliography(conn, "csl-json", cite.cited_source_ids(conn, ref))

Modules: :mod:`~db.cite.model` (what is cited, read from the archive), :mod:`~db.cite.styles`
(text), :mod:`~db.cite.csl`, :mod:`~db.cite.ris`, :mod:`~db.cite.bibtex` (exports),
:mod:`~db.cite.names` (authors), :mod:`~db.cite.kinds` (item types), :mod:`~db.cite.clean`
(untrusted text).  Nothing here writes to the archive or imports the builder.
"""

from __future__ import annotations

from db.cite.api import (
    FORMATS,
    STYLES,
    bibliography,
    cited_source_ids,
    find,
    record,
    record_export,
)
from db.cite.model import CHART, UnknownRecord

__all__ = [
    "CHART",
    "FORMATS",
    "STYLES",
    "UnknownRecord",
    "bibliography",
    "cited_source_ids",
    "find",
    "record",
    "record_export",
]
