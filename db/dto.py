"""Frozen data-transfer objects handed from the data layer to the UI and command line.

Nothing here holds a database handle: these values may cross threads and Qt signals.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from db.vocab import relation_phrase, relation_sentence

#: Kinds of item the navigator and links know about.
KINDS = ("person", "event", "document", "source")


@dataclass(frozen=True, slots=True)
class Ref:
    """Reference to one archive item: ``Ref("person", "cherniavsky-mikhail")``."""

    kind: str
    id: str

    def uri(self) -> str:
        """Internal link address, e.g. ``archive://person/cherniavsky-mikhail``."""
        return f"archive://{self.kind}/{self.id}"

    @classmethod
    def from_uri(cls, uri: str) -> Ref | None:
        """Parse an ``archive://kind/id`` address; None for anything else."""
        prefix = "archive://"
        if not uri.startswith(prefix):
            return None
        kind, _, ident = uri[len(prefix) :].partition("/")
        if kind not in KINDS or not ident or "/" in ident:
            return None
        return cls(kind, ident)


@dataclass(frozen=True, slots=True)
class Labelled:
    """A reference with the text to show for it."""

    ref: Ref
    label: str


@dataclass(frozen=True, slots=True)
class PersonRow:
    """One row of the People pane, already formatted."""

    pk: int
    id: str
    name: str
    name_ru: str
    role: str
    tribunal: str
    sentence: str
    birth_year: int | None
    death_year: int | None


@dataclass(frozen=True, slots=True)
class EventRow:
    """One row of the Events pane."""

    pk: int
    id: str
    date: str
    title: str
    people: int


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """One row of the Documents pane."""

    pk: int
    id: str
    date: str
    doc_type: str
    title: str
    persons: str


ListRow = PersonRow | EventRow | DocumentRow


@dataclass(frozen=True, slots=True)
class ClaimDTO:
    """A sourced assertion; ``field == "record"`` supports the whole record."""

    field: str
    value: str | None
    source: Labelled
    locator: str | None
    note: str | None
    confidence: str | None


@dataclass(frozen=True, slots=True)
class FieldClaims:
    """All claims about one field; ``disputed`` when they give different values."""

    field: str
    claims: tuple[ClaimDTO, ...]

    @property
    def values(self) -> tuple[str, ...]:
        """Distinct claimed values in first-seen order."""
        seen: dict[str, None] = {}
        for c in self.claims:
            seen.setdefault(c.value or "", None)
        return tuple(seen)

    @property
    def disputed(self) -> bool:
        """True when sources disagree on this field."""
        return len(self.values) > 1


@dataclass(frozen=True, slots=True)
class Facts:
    """Claims about one record: the record-level sources plus per-field claims."""

    sources: tuple[ClaimDTO, ...] = ()
    fields: tuple[FieldClaims, ...] = ()

    def field(self, name: str) -> FieldClaims | None:
        """The claims about ``name``, if any."""
        return next((f for f in self.fields if f.field == name), None)

    @property
    def disputed(self) -> tuple[FieldClaims, ...]:
        """Fields on which the sources disagree."""
        return tuple(f for f in self.fields if f.disputed)


@dataclass(frozen=True, slots=True)
class NameForm:
    """One written form of a person's name."""

    name: str
    script: str
    kind: str
    note: str | None


@dataclass(frozen=True, slots=True)
class SentenceFact:
    """One sentence with its sources."""

    id: str
    stage: str
    tribunal: str
    date: str
    kind: str
    years: int | None
    label: str
    notes: str | None
    confidence: str
    facts: Facts
    iso: str | None = None  # the date for machines (None = unknown), ``date`` is its label
    precision: str | None = None


@dataclass(frozen=True, slots=True)
class RelationFact:
    """A relation seen from the person whose detail is shown."""

    id: str
    other: Labelled
    relation: str
    outgoing: bool  # True: "<this person> is <relation> of <other>"
    note: str | None
    facts: Facts
    #: The sexes of this person and of the other, as stored (None: not recorded).
    this_sex: str | None = None
    other_sex: str | None = None

    @property
    def phrase(self) -> str:
        """The relation as words with its preposition: ``brother of``, ``accused by``."""
        return relation_phrase(self.relation)

    def sentence(self, this_name: str) -> str:
        """Both parties named: ``Klavdia Sinelobova is sister of Alexei Sinelobov``."""
        # In the reader's language: the vocabulary's whole sentence (a Russian relation does
        # not read as "A is <phrase> B").
        if self.outgoing:
            return relation_sentence(
                this_name, self.relation, self.other.label, self.this_sex, self.other_sex
            )
        return relation_sentence(
            self.other.label, self.relation, this_name, self.other_sex, self.this_sex
        )


@dataclass(frozen=True, slots=True)
class DatedRef:
    """A linked item with a date label (events, documents in a detail view).

    ``iso`` and ``precision`` give the date for machines (``1935-03``, ``month``) where
    ``date`` is one; None where ``date`` holds another label (a participant's sentence).
    ``sex`` is that of the person whose part ``role`` is (a woman's part reads in her form).
    """

    item: Labelled
    date: str
    role: str | None = None
    iso: str | None = None
    precision: str | None = None
    sex: str | None = None


@dataclass(frozen=True, slots=True)
class PersonDetail:
    """Everything the person view and dossier show."""

    id: str
    name_en: str
    name_ru: str
    names: tuple[NameForm, ...]
    sex: str | None
    birth_year: int | None
    death_year: int | None
    nationality: str | None
    occupation: str | None
    organisation: str | None
    role: str
    confidence: str
    summary: str | None
    later_fate: str | None
    sentences: tuple[SentenceFact, ...]
    relations: tuple[RelationFact, ...]
    events: tuple[DatedRef, ...]
    documents: tuple[DatedRef, ...]
    facts: Facts

    @property
    def ref(self) -> Ref:
        """This person's reference."""
        return Ref("person", self.id)


@dataclass(frozen=True, slots=True)
class EventDetail:
    """Everything the event view and dossier show."""

    id: str
    date: str
    date_label: str
    precision: str
    title: str
    summary: str | None
    participants: tuple[DatedRef, ...]
    documents: tuple[DatedRef, ...]
    documents_total: int
    facts: Facts

    @property
    def ref(self) -> Ref:
        """This event's reference."""
        return Ref("event", self.id)


@dataclass(frozen=True, slots=True)
class DocumentDetail:
    """A case-file document with the people named in its title."""

    id: str
    date: str
    date_label: str
    doc_type: str
    title: str
    collection: str | None
    category: str | None
    url: str | None
    named: tuple[tuple[str, Labelled | None], ...]  # (name as written, linked person)
    events: tuple[DatedRef, ...]
    facts: Facts

    @property
    def ref(self) -> Ref:
        """This document's reference."""
        return Ref("document", self.id)


@dataclass(frozen=True, slots=True)
class Citation:
    """One fact that cites a source (for the source view)."""

    subject: Labelled
    field: str
    value: str | None


@dataclass(frozen=True, slots=True)
class SourceDetail:
    """A bibliographic record and every fact that cites it."""

    id: str
    author: str | None
    title: str
    year: int | None
    kind: str
    language: str
    url: str | None
    note: str | None
    label: str
    citations: tuple[Citation, ...]
    citations_total: int
    tallies: tuple[TallyRow, ...] = field(default=())

    @property
    def ref(self) -> Ref:
        """This source's reference."""
        return Ref("source", self.id)


@dataclass(frozen=True, slots=True)
class TallyRow:
    """A published aggregate count as its source prints it."""

    id: str
    tribunal: str
    category: str
    years: int | None
    count: int | None
    label: str
    source: Labelled
    note: str | None


@dataclass(frozen=True, slots=True)
class OutcomeCount:
    """One chart bar pair: published figure beside the archive's own named records."""

    tribunal: str
    outcome: str
    label: str
    position: int
    named: int
    published: int | None
    published_by: tuple[tuple[str, int], ...]  # (source id, figure) for every source


#: The detail DTO of any kind of item (what :func:`db.queries.detail` returns).
Detail = PersonDetail | EventDetail | DocumentDetail | SourceDetail
