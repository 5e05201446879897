"""RIS: the tagged line format every reference manager imports (``TY  - BOOK`` … ``ER  - ``).

Each line is ``TAG  - value``; a record starts with ``TY`` and ends with ``ER``.  Values come
from :mod:`db.cite.model`, already on one line, and :func:`_line` checks it again, so no archive
text can start a line of its own and forge a tag (``"}\\n%TY  - "`` stays inside its title).
Sources carry ``TY ID AU TI PY UR LA N1``; a cited record is a ``DATA`` item naming the archive
as its database (``DB``) with the access date (``Y2``).
"""

from __future__ import annotations

from collections.abc import Iterable

from db.cite import names
from db.cite.clean import one_line
from db.cite.kinds import DATASET, source_types
from db.cite.model import Access, Cited, SourceItem, record_key, record_note

Tags = list[tuple[str, str]]


def _line(tag: str, value: str) -> str:
    return f"{tag}  - {one_line(value)}"


def _record(tags: Tags) -> str:
    return "\n".join(_line(t, v) for t, v in tags if v) + "\nER  - \n"


def source_tags(source: SourceItem) -> Tags:
    """The tags of one source, in RIS order."""
    tags: Tags = [("TY", source_types(source.kind).ris), ("ID", source.id)]
    tags += [("AU", n.inverted) for n in names.authors(source.author)]
    tags.append(("TI", source.title))
    if source.year is not None:
        tags.append(("PY", str(source.year)))
    tags += [("UR", source.url or ""), ("LA", source.language), ("N1", source.note or "")]
    return tags


def record_tags(cited: Cited, access: Access) -> Tags:
    """The tags of a cited record as a ``DATA`` item."""
    d = access.accessed
    return [
        ("TY", DATASET.ris),
        ("ID", record_key(cited)),
        ("TI", cited.label),
        ("DB", cited.archive.title if cited.ref is not None else ""),
        ("ET", cited.archive.data_version),
        ("UR", access.url or cited.archive.url or ""),
        ("Y2", f"{d.year:04d}/{d.month:02d}/{d.day:02d}"),
        ("N1", record_note(cited, access)),
    ]


def bibliography(sources: Iterable[SourceItem]) -> str:
    """RIS of ``sources``, one record each, separated by a blank line."""
    return "\n".join(_record(source_tags(s)) for s in sources)


def record(cited: Cited, access: Access) -> str:
    """RIS of the cited record followed by the sources it cites."""
    records = [_record(record_tags(cited, access))]
    records += [_record(source_tags(s)) for s in cited.sources]
    return "\n".join(records)
