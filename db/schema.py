"""Tables of the archive as SQLAlchemy 2 typed declarative classes (no behaviour).

The model is the prosopographers' *factoid* model: entities (person, event, document, source,
sentence, relation) plus :class:`Claim` rows, each saying "source S asserts value V about field F
of record R".  Two sources that disagree are two claims; both are kept.

Scale notes: integer primary keys are assigned at build time in display order (people by
Latin surname, events and documents by date), and every sortable list column has a dense
``rank_*`` column with a unique index, so a page of any sort order is a range scan
(``rank BETWEEN a AND b``) — never a deep ``OFFSET``.  Columns the list panes show are
denormalised onto the entity row so a page needs no join.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

#: SQLite ``PRAGMA application_id`` of every archive: ASCII "KrmA".
APPLICATION_ID = 0x4B726D41
#: SQLite ``PRAGMA user_version``: the schema version this code reads and writes.
SCHEMA_VERSION = 2


#: The claim fields that date a record on the timeline (the partial index ``ix_claim_date``).
DATED_FIELDS = ("date", "arrest_date", "death_date")
#: The partial index's WHERE term; a query that wants the index repeats it exactly.
DATED_CLAIMS = "field IN ('date', 'arrest_date', 'death_date')"


class Base(DeclarativeBase):
    """Declarative base; relationships raise on lazy load so N+1 queries fail loudly."""


class Meta(Base):
    """Key/value facts about the archive: title, data version, schema version, counts."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Source(Base):
    """A bibliographic record: a book page, article, archival publication or catalogue."""

    __tablename__ = "source"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String, unique=True, index=True)
    author: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    year: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String)
    language: Mapped[str] = mapped_column(String)
    url: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)


class Person(Base):
    """A person of the case; list columns (tribunal, sentence) are denormalised from the verdict."""

    __tablename__ = "person"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)  # 1.. in sort_name order
    id: Mapped[str] = mapped_column(String, unique=True, index=True)
    name_en: Mapped[str] = mapped_column(Text)
    name_ru: Mapped[str] = mapped_column(Text)
    sort_name: Mapped[str] = mapped_column(Text)  # "Cherniavsky, Mikhail"
    sex: Mapped[str | None] = mapped_column(String)
    birth_year: Mapped[int | None] = mapped_column(Integer)
    death_year: Mapped[int | None] = mapped_column(Integer)
    nationality: Mapped[str | None] = mapped_column(Text)
    occupation: Mapped[str | None] = mapped_column(Text)
    organisation: Mapped[str | None] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String)
    confidence: Mapped[str] = mapped_column(String)
    summary: Mapped[str | None] = mapped_column(Text)
    later_fate: Mapped[str | None] = mapped_column(Text)
    tribunal: Mapped[str] = mapped_column(String)  # of the 1935 verdict; "none" if no verdict
    sentence_kind: Mapped[str] = mapped_column(String)  # "none" if no verdict
    sentence_years: Mapped[int | None] = mapped_column(Integer)
    outcome: Mapped[str] = mapped_column(String)  # chart category key, e.g. "term:10"
    rank_name: Mapped[int] = mapped_column(Integer, unique=True, index=True)
    rank_name_ru: Mapped[int] = mapped_column(Integer, unique=True, index=True)
    rank_role: Mapped[int] = mapped_column(Integer, unique=True, index=True)
    rank_tribunal: Mapped[int] = mapped_column(Integer, unique=True, index=True)
    rank_sentence: Mapped[int] = mapped_column(Integer, unique=True, index=True)
    rank_birth: Mapped[int] = mapped_column(Integer, unique=True, index=True)

    names: Mapped[list[PersonName]] = relationship(back_populates="person", lazy="raise")

    __table_args__ = (
        Index("ix_person_role_rank", "role", "rank_name"),
        Index("ix_person_tribunal_rank", "tribunal", "rank_name"),
        Index("ix_person_kind_rank", "sentence_kind", "rank_name"),
        Index("ix_person_outcome_rank", "tribunal", "outcome", "rank_name"),
        # The timeline's deaths known to the year (a range scan; most people have none).
        Index("ix_person_death_year", "death_year", sqlite_where=text("death_year IS NOT NULL")),
    )


class PersonName(Base):
    """One name form of a person, marked by script and kind (russian, english, variant…)."""

    __tablename__ = "person_name"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_pk: Mapped[int] = mapped_column(ForeignKey("person.pk"), index=True)
    name: Mapped[str] = mapped_column(Text)
    script: Mapped[str] = mapped_column(String)  # cyrl | latn
    kind: Mapped[str] = mapped_column(String)
    note: Mapped[str | None] = mapped_column(Text)

    person: Mapped[Person] = relationship(back_populates="names", lazy="raise")


class Sentence(Base):
    """A sentence passed on a person: the 1935 verdict, a commutation, or a later sentence."""

    __tablename__ = "sentence"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String, unique=True, index=True)
    person_pk: Mapped[int] = mapped_column(ForeignKey("person.pk"), index=True)
    stage: Mapped[str] = mapped_column(String)  # verdict | commutation | later
    tribunal: Mapped[str] = mapped_column(String)
    date: Mapped[str | None] = mapped_column(String, index=True)  # ISO, possibly partial
    date_precision: Mapped[str | None] = mapped_column(String)
    kind: Mapped[str] = mapped_column(String)
    years: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[str] = mapped_column(String)


class Relation(Base):
    """A typed tie between two people (brother, ex-wife, accused-by, subordinate-of…)."""

    __tablename__ = "relation"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String, unique=True, index=True)
    person_pk: Mapped[int] = mapped_column(ForeignKey("person.pk"), index=True)
    related_pk: Mapped[int] = mapped_column(ForeignKey("person.pk"), index=True)
    relation: Mapped[str] = mapped_column(String)
    note: Mapped[str | None] = mapped_column(Text)


class Event(Base):
    """A dated event; ``pk`` and ``rank_date`` follow chronological order."""

    __tablename__ = "event"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String, unique=True, index=True)
    date: Mapped[str] = mapped_column(String, index=True)  # yyyy, yyyy-mm or yyyy-mm-dd
    date_precision: Mapped[str] = mapped_column(String)  # day | month | year
    year: Mapped[int] = mapped_column(Integer, index=True)
    title: Mapped[str] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)
    rank_date: Mapped[int] = mapped_column(Integer, unique=True, index=True)
    rank_title: Mapped[int] = mapped_column(Integer, unique=True, index=True)

    __table_args__ = (Index("ix_event_year_rank", "year", "rank_date"),)


class EventPerson(Base):
    """A participant of an event with the role they had in it."""

    __tablename__ = "event_person"
    event_pk: Mapped[int] = mapped_column(ForeignKey("event.pk"), primary_key=True)
    person_pk: Mapped[int] = mapped_column(ForeignKey("person.pk"), primary_key=True, index=True)
    role: Mapped[str] = mapped_column(String)


class Document(Base):
    """A case-file document as published (title in Russian as given), in date order."""

    __tablename__ = "document"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String, unique=True, index=True)
    date: Mapped[str] = mapped_column(String, index=True)
    year: Mapped[int] = mapped_column(Integer)
    doc_type: Mapped[str] = mapped_column(String)
    title: Mapped[str] = mapped_column(Text)
    collection: Mapped[str | None] = mapped_column(Text)
    category: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    persons: Mapped[str] = mapped_column(Text)  # display list of names in the title
    rank_date: Mapped[int] = mapped_column(Integer, unique=True, index=True)
    rank_title: Mapped[int] = mapped_column(Integer, unique=True, index=True)
    rank_type: Mapped[int] = mapped_column(Integer, unique=True, index=True)

    __table_args__ = (Index("ix_document_type_rank", "doc_type", "rank_date"),)


class DocumentPerson(Base):
    """A name in a document's title; ``person_pk`` only when the match is unambiguous."""

    __tablename__ = "document_person"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_pk: Mapped[int] = mapped_column(ForeignKey("document.pk"), index=True)
    person_pk: Mapped[int | None] = mapped_column(ForeignKey("person.pk"), index=True)
    name_as_written: Mapped[str] = mapped_column(Text)


class Claim(Base):
    """A factoid: ``source`` asserts ``value`` for ``field`` of a record.

    ``field == "record"`` (value NULL) means the source supports the record as a whole.
    """

    __tablename__ = "claim"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    subject_kind: Mapped[str] = mapped_column(String)  # person|event|sentence|relation|document
    subject_id: Mapped[str] = mapped_column(String)
    field: Mapped[str] = mapped_column(String)
    value: Mapped[str | None] = mapped_column(Text)
    source_pk: Mapped[int] = mapped_column(ForeignKey("source.pk"), index=True)
    locator: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[str | None] = mapped_column(String)

    __table_args__ = (
        Index("ix_claim_subject", "subject_kind", "subject_id"),
        # Dated claims by value, for the timeline's visible range; partial, so it holds only
        # the few date claims (the query repeats this WHERE term word for word).
        Index("ix_claim_date", "field", "value", sqlite_where=text(DATED_CLAIMS)),
    )


class Tally(Base):
    """An aggregate count exactly as a source prints it (e.g. Military Collegium: 30)."""

    __tablename__ = "tally"
    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String, unique=True, index=True)
    tribunal: Mapped[str] = mapped_column(String)
    category: Mapped[str] = mapped_column(String)  # total|death|prison|camp|exile|ban|other
    years: Mapped[int | None] = mapped_column(Integer)
    count: Mapped[int | None] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(Text)
    source_pk: Mapped[int] = mapped_column(ForeignKey("source.pk"), index=True)
    note: Mapped[str | None] = mapped_column(Text)


class OutcomeSummary(Base):
    """Chart summary precomputed at build time: one row per (tribunal, outcome category).

    ``named`` counts the archive's own 1935 verdict records; ``published`` is the figure most
    sources give (NULL when no source prints one) and ``published_detail`` lists every source's
    figure as ``source_id=count`` joined by ``|``.
    """

    __tablename__ = "outcome_summary"
    tribunal: Mapped[str] = mapped_column(String, primary_key=True)
    outcome: Mapped[str] = mapped_column(String, primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    named: Mapped[int] = mapped_column(Integer)
    published: Mapped[int | None] = mapped_column(Integer)
    published_detail: Mapped[str] = mapped_column(Text)


class TimelineDensity(Base):
    """Timeline summary precomputed at build time: how many records a lane dates to a bucket.

    ``lane`` is a kind of mark (event, document, sentence, arrest, death: see
    :mod:`db.timeline`); ``bucket`` is the date at its ``precision`` (``YYYY-MM-DD`` for a day,
    ``YYYY-MM`` a month, ``YYYY`` a year) and ``n`` the records of that lane with exactly that
    date, each counted once at its own date (a disputed one at the date its record gives).
    The sums per lane equal the lane's dated records, so the timeline shows counts per day,
    month or year from this table at any archive size (a few thousand rows) and reads single
    marks only where a visible range holds few of them.
    """

    __tablename__ = "timeline_density"
    lane: Mapped[str] = mapped_column(String, primary_key=True)
    bucket: Mapped[str] = mapped_column(String, primary_key=True)
    precision: Mapped[str] = mapped_column(String)
    n: Mapped[int] = mapped_column(Integer)
