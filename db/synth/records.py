"""The shapes generated records travel in: a person stub, a chunk's rows, the row sink.

Rows are plain tuples in the column order of :data:`db.build.STAGING`, the writer's staging
tables; a :class:`Batch` holds one chunk's rows per table in the order they are flushed (that
order is part of the output: ties in the builder's sorts fall back to insertion order).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from db.synth.names import Given, Group, Surname

Row = tuple[object, ...]


class RowSink(Protocol):
    """What the generator writes to: :class:`db.build.ArchiveWriter` or a test's collector."""

    def insert(self, table: str, rows: Iterable[Sequence[object]]) -> None: ...


@dataclass(slots=True)
class Stub:
    """What later rows (relations, events, documents) need to know about a generated person."""

    id: str
    sex: int
    role: str
    group: Group
    group_index: int
    sur: Surname
    given: Given
    father: Given
    birth: int | None
    initials: str
    en_short: str
    arrest: int  # ordinal day
    case: int
    verdict: tuple[str, int, str, int | None] | None = None  # tribunal, day, kind, years


class Batch:
    """Rows of one chunk, one list per staging table."""

    TABLES = (
        "person",
        "name",
        "sentence",
        "relation",
        "event",
        "event_person",
        "document",
        "document_person",
        "claim",
    )
    __slots__ = TABLES

    def __init__(self) -> None:
        self.person: list[Row] = []
        self.name: list[Row] = []
        self.sentence: list[Row] = []
        self.relation: list[Row] = []
        self.event: list[Row] = []
        self.event_person: list[Row] = []
        self.document: list[Row] = []
        self.document_person: list[Row] = []
        self.claim: list[Row] = []

    def tables(self) -> Iterator[tuple[str, list[Row]]]:
        """``(table, rows)`` in flush order."""
        for table in self.TABLES:
            yield table, getattr(self, table)
