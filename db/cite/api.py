"""The citation API: text citations of records, and bibliography exports of sources.

Three calls cover the copy-citation action, the Sources pane and ``kremlin-archive cite``::

    record(conn, ref, "gost", accessed=date.today(), sha256=None)   # one text citation
    bibliography(conn, "bibtex", source_ids=None)                   # all sources, or some
    record_export(conn, ref, "ris")                                 # the record + its sources

``ref`` is a :class:`db.dto.Ref` of a person, event, document or source, :data:`CHART` for the
outcomes chart, or None for the archive as a whole.  :func:`find` turns the id forms users type
into refs; :func:`cited_source_ids` lists what a record cites (for a bibliography of one
record).  The SHA-256 digest of the archive file is not computed here: pass it in
(``db.release.archive_sha256(path)``) when the citation should pin the exact file.

Every call reads a few rows (one record's claims, or the source table) and returns a string;
none keeps state between calls.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Sequence

from sqlalchemy import Connection

from db import queries
from db.cite import bibtex, csl, ris, styles
from db.cite.clean import optional, sha256_hex
from db.cite.model import CHART, Access, Cited, SourceItem, cited, sources
from db.dto import Ref

#: Export formats of :func:`bibliography` and :func:`record_export`.
FORMATS = ("csl-json", "ris", "bibtex")
#: Text styles of :func:`record`.
STYLES = styles.STYLES

_BIBLIOGRAPHY: dict[str, Callable[[Iterable[SourceItem]], str]] = {
    "csl-json": csl.bibliography,
    "ris": ris.bibliography,
    "bibtex": bibtex.bibliography,
}
_RECORD: dict[str, Callable[[Cited, Access], str]] = {
    "csl-json": csl.record,
    "ris": ris.record,
    "bibtex": bibtex.record,
}


def _access(accessed: datetime.date | None, sha256: str | None, location: str | None) -> Access:
    return Access(accessed or datetime.date.today(), optional(location), sha256_hex(sha256))


def _check(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format “{fmt}” (known: {', '.join(FORMATS)})")


def record(
    conn: Connection,
    ref: Ref | None,
    style: str = "chicago",
    accessed: datetime.date | None = None,
    sha256: str | None = None,
    location: str | None = None,
) -> str:
    """The text citation of one record (None: the whole archive) in ``style``.

    Args:
        conn: a connection to the open archive.
        ref: the record; :data:`CHART` for the outcomes chart; None for the archive.
        style: ``"chicago"`` or ``"gost"`` (:data:`STYLES`).
        accessed: the date the archive was consulted (default: today).
        sha256: hex digest of the archive file, named in the citation when given.
        location: where the archive was read: its web address, or the file name.

    Raises:
        UnknownRecord: no such record.
        ValueError: an unknown style, or a digest that is not 64 hex digits.
    """
    if style not in STYLES:
        raise ValueError(f"unknown citation style “{style}” (known: {', '.join(STYLES)})")
    access = _access(accessed, sha256, location)
    return styles.render(style, cited(conn, ref), access)


def record_export(
    conn: Connection,
    ref: Ref | None,
    fmt: str,
    accessed: datetime.date | None = None,
    sha256: str | None = None,
    location: str | None = None,
) -> str:
    """The record as a dataset item followed by every source it cites, in ``fmt``.

    Arguments as for :func:`record`; ``fmt`` is one of :data:`FORMATS`.

    Raises:
        UnknownRecord: no such record.
        ValueError: an unknown format, or a malformed digest.
    """
    _check(fmt)
    access = _access(accessed, sha256, location)
    return _RECORD[fmt](cited(conn, ref), access)


def bibliography(conn: Connection, fmt: str, source_ids: Sequence[str] | None = None) -> str:
    """Every source of the archive (or only ``source_ids``, in that order) in ``fmt``.

    Raises:
        UnknownRecord: one of ``source_ids`` names no source.
        ValueError: an unknown format.
    """
    _check(fmt)
    return _BIBLIOGRAPHY[fmt](sources(conn, source_ids))


def cited_source_ids(conn: Connection, ref: Ref | None) -> tuple[str, ...]:
    """Ids of the sources ``ref`` cites, first-cited first (every source for None).

    Raises:
        UnknownRecord: no such record.
    """
    return tuple(s.id for s in cited(conn, ref).sources)


def find(conn: Connection, text: str) -> list[Ref]:
    """The records an id names, in every form ``show`` accepts, plus the outcomes chart.

    ``kamenev-lev``, ``person/kamenev-lev``, ``archive://person/kamenev-lev``; ``chart``,
    ``chart/outcomes`` or ``archive://chart/outcomes`` for the chart.  A bare id may name
    records of several kinds; [] when it names none.
    """
    chart_forms = {"chart/outcomes", "archive://chart/outcomes"}
    if text in chart_forms:
        return [CHART]
    refs = queries.find_refs(conn, text)
    if not refs and text == "chart":
        return [CHART]
    return refs
