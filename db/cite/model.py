"""What a citation names, read from an open archive: the archive, one record, its sources.

:func:`cited` gathers everything a citation of one record needs into a :class:`Cited` value:
the archive's title (English and Russian) and data version from its ``meta`` table, the
record's reference and human label, and the sources the record cites.  Records are people,
events, documents and sources (:data:`db.dto.KINDS`), the outcomes chart (:data:`CHART`), or the
archive as a whole (``ref=None``).  Every text value is archive text and is cleaned to one line
here (:mod:`db.cite.clean`), so the formatters never see a control character.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from db import outcomes, queries, vocab
from db.cite.clean import one_line, optional
from db.dto import DocumentDetail, EventDetail, Facts, PersonDetail, Ref
from db.i18n import _
from db.schema import Meta, Source

#: The outcomes chart as a citable record.
CHART = Ref("chart", "outcomes")
#: Kinds of record a citation can name (besides the archive as a whole).
CITABLE_KINDS = ("person", "event", "document", "source", "chart")


class UnknownRecord(LookupError):
    """The record (or a source id) is not in this archive; ``str()`` says which."""


@dataclass(frozen=True, slots=True)
class ArchiveMeta:
    """The archive as a publication: title, Russian title, data version, address if any."""

    title: str
    title_ru: str
    data_version: str
    #: Where the archive is published (``meta`` key ``url``); the bundled archive has none.
    url: str | None = None


@dataclass(frozen=True, slots=True)
class SourceItem:
    """One bibliographic record of the archive, cleaned for citation."""

    id: str
    author: str | None
    title: str
    year: int | None
    kind: str
    language: str
    url: str | None
    note: str | None


@dataclass(frozen=True, slots=True)
class Cited:
    """A record to cite: ``ref`` None means the archive as a whole.

    ``label`` is the English human label, ``label_ru`` the one a Russian citation uses (the
    Cyrillic name of a person; the same text where the archive has only one).
    """

    archive: ArchiveMeta
    ref: Ref | None
    label: str
    label_ru: str
    sources: tuple[SourceItem, ...]

    @property
    def record_id(self) -> str | None:
        """``kind/id`` as ``kremlin-archive cite`` (and, but for the chart, ``show``) accepts it."""
        return None if self.ref is None else f"{self.ref.kind}/{self.ref.id}"


@dataclass(frozen=True, slots=True)
class Access:
    """How the archive was consulted: when, where (URL or file name), which file (digest)."""

    accessed: datetime.date
    location: str | None = None
    sha256: str | None = None

    @property
    def url(self) -> str | None:
        """The location when it is an address (the web, or an archive's PostgreSQL server)."""
        loc = self.location
        schemes = ("http://", "https://", "postgresql://")
        return loc if loc and loc.lower().startswith(schemes) else None


def archive_meta(conn: Connection) -> ArchiveMeta:
    """Title, Russian title and data version from the archive's ``meta`` table."""
    meta = {str(k): str(v) for k, v in conn.execute(select(Meta.key, Meta.value))}
    title = one_line(meta.get("title")) or "Untitled archive"
    return ArchiveMeta(
        title=title,
        title_ru=one_line(meta.get("title_ru")) or title,
        data_version=one_line(meta.get("data_version")) or "unknown",
        url=optional(meta.get("url")),
    )


_SOURCES = select(
    Source.id,
    Source.author,
    Source.title,
    Source.year,
    Source.kind,
    Source.language,
    Source.url,
    Source.note,
)


def _item(row: Any) -> SourceItem:  # a row of _SOURCES
    return SourceItem(
        id=row.id,
        author=optional(row.author),
        title=one_line(row.title) or "Untitled",
        year=row.year,
        kind=one_line(row.kind),
        language=one_line(row.language),
        url=optional(row.url),
        note=optional(row.note),
    )


def sources(conn: Connection, ids: Sequence[str] | None = None) -> tuple[SourceItem, ...]:
    """Every source in archive order, or the sources ``ids`` in that order.

    Raises:
        UnknownRecord: one of ``ids`` names no source.
    """
    if ids is None:
        return tuple(_item(r) for r in conn.execute(_SOURCES.order_by(Source.pk)))
    wanted = list(dict.fromkeys(ids))
    found: dict[str, SourceItem] = {}
    for start in range(0, len(wanted), 500):  # SQLite's bound-parameter limit
        chunk = wanted[start : start + 500]
        for row in conn.execute(_SOURCES.where(Source.id.in_(chunk))):
            found[row.id] = _item(row)
    missing = [i for i in wanted if i not in found]
    if missing:
        raise UnknownRecord(_("no source with id “{id}”").format(id=one_line(missing[0])))
    return tuple(found[i] for i in wanted)


def _fact_sources(facts: Iterable[Facts]) -> list[str]:
    ids: list[str] = []
    for f in facts:
        ids += [c.source.ref.id for c in f.sources]
        ids += [c.source.ref.id for fc in f.fields for c in fc.claims]
    return ids


def _numeric_date(date: str) -> str:
    """ISO ``1935-03-01`` → ``01.03.1935`` (``03.1935``, ``1935``): the form GOST uses."""
    return ".".join(reversed(date.split("-")))


def cited(conn: Connection, ref: Ref | None) -> Cited:
    """Everything a citation of ``ref`` needs (``ref`` None: the archive as a whole).

    Raises:
        UnknownRecord: no such record in this archive.
    """
    meta = archive_meta(conn)
    if ref is None:
        return Cited(meta, None, meta.title, meta.title_ru, sources(conn))
    if ref == CHART:
        ids = [s for c in queries.outcome_counts(conn) for s, _ in c.published_by]
        ids += [f.source_id for f in outcomes.uncounted_figures(conn)]
        return Cited(
            meta,
            ref,
            "Outcomes chart: how the 1935 sentences fell",
            "Диаграмма исходов: приговоры 1935 года",
            sources(conn, ids),
        )
    detail = queries.detail(conn, ref, citations=0) if ref.kind in CITABLE_KINDS else None
    if detail is None:
        raise UnknownRecord(
            _("no record with id “{id}”").format(id=f"{one_line(ref.kind)}/{one_line(ref.id)}")
        )
    if isinstance(detail, PersonDetail):
        ids = _fact_sources(
            [
                detail.facts,
                *(s.facts for s in detail.sentences),
                *(r.facts for r in detail.relations),
            ]
        )
        # The English style's label, whatever the reader's language (queries.person_label
        # puts the reader's script first).
        label_en = f"{detail.name_en} ({detail.name_ru})"
        return Cited(meta, ref, one_line(label_en), one_line(detail.name_ru), sources(conn, ids))
    if isinstance(detail, EventDetail | DocumentDetail):
        title = one_line(detail.title)
        precision = detail.precision if isinstance(detail, EventDetail) else "day"
        return Cited(
            meta,
            ref,
            f"{title} ({one_line(vocab.english_date(detail.date, precision))})",
            f"{title} ({_numeric_date(detail.date)})",
            sources(conn, _fact_sources([detail.facts])),
        )
    item = sources(conn, [detail.id])
    label = one_line(queries.source_label(item[0].author, item[0].title, item[0].year))
    return Cited(meta, ref, label, label, item)


def record_key(cited: Cited) -> str:
    """The item id of a cited record: ``person:kamenev-lev``, ``chart:outcomes``, ``archive``."""
    return "archive" if cited.ref is None else f"{cited.ref.kind}:{cited.ref.id}"


def record_note(cited: Cited, access: Access) -> str:
    """What no CSL variable holds: the record id, data version and file digest, in words."""
    parts = [f"Record {cited.record_id}" if cited.ref else "The whole archive"]
    parts.append(f"data version {cited.archive.data_version}")
    if access.location and not access.url:
        parts.append(f"file {access.location}")
    if access.sha256:
        parts.append(f"SHA-256 {access.sha256}")
    return "; ".join(parts)
