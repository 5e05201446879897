"""Write a bibliography (CSL-JSON, RIS or BibTeX) of some of the archive's sources to a file.

Which sources is a function of a connection (:func:`every_source`, :func:`cited_by`,
:func:`listed`), so the choice and the text are read in one short connection, on whatever
thread runs the export.  The text goes to a temporary ``.part`` file beside the target
(:mod:`app.part_files`), is flushed to disk and renamed over the target only when complete; a
failure leaves no file.  No Qt here: the GUI runs :func:`export_bibliography` on a worker, the
tests call it directly.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy import Connection

from app.archive_source import ArchiveSource
from app.part_files import write_text
from db import cite, sources
from db.dto import Ref
from db.sources import SourceQuery

#: Picks the ids of the sources to export (None: every source of the archive).
Choice = Callable[[Connection], Sequence[str] | None]


def every_source(_conn: Connection) -> None:
    """Every source of the archive, in archive order."""
    return None


def cited_by(ref: Ref | None) -> Choice:
    """The sources ``ref`` cites (a record, ``cite.CHART``; None: the archive as a whole)."""

    def choose(conn: Connection) -> Sequence[str]:
        return cite.cited_source_ids(conn, ref)

    return choose


def listed(query: SourceQuery) -> Choice:
    """The sources the Sources pane lists with ``query``, in its order."""

    def choose(conn: Connection) -> Sequence[str]:
        return sources.ids(conn, query)

    return choose


def export_bibliography(source: ArchiveSource, path: Path, fmt: str, choice: Choice) -> int:
    """Write the chosen sources to ``path`` as ``fmt``; returns how many sources it holds.

    Raises:
        OSError: the file cannot be written (no partial file is left).
        ValueError: an unknown format.
        db.cite.UnknownRecord: the record is not in the archive open now.
    """
    with source.connect() as conn:
        ids = choice(conn)
        text = cite.bibliography(conn, fmt, ids)
        n = sources.total(conn) if ids is None else len(ids)
    write_text(path, text)
    return n
