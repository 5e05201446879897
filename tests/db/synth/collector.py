"""A row sink that keeps every generated row, for tests on test-sized synthetic archives."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from db import synth
from db.build import STAGING
from db.build.source_data import SourceData


class Collector:
    """Keeps the rows the generator sends, per staging table, in the order they came."""

    def __init__(self) -> None:
        self.rows: dict[str, list[tuple[object, ...]]] = defaultdict(list)
        self.order: list[str] = []  # table of every insert call, in call order
        self.counts: Counter[str] = Counter()

    def insert(self, table: str, rows: Iterable[Sequence[object]]) -> None:
        self.order.append(table)
        self.rows[table].extend(tuple(r) for r in rows)

    def records(self, table: str) -> list[dict[str, object]]:
        """The rows of ``table`` as dicts keyed by the ``db.build.STAGING`` column names."""
        cols = STAGING[table]
        return [dict(zip(cols, r, strict=True)) for r in self.rows[table]]

    def by_id(self, table: str) -> dict[object, dict[str, object]]:
        """The rows of ``table`` keyed by their ``id`` column."""
        return {r["id"]: r for r in self.records(table)}

    def dicts(self, table: str) -> list[dict[str, str | None]]:
        """The rows of ``table`` as CSV cells (text, empty as None)."""
        return [
            {c: None if v is None else str(v) for c, v in r.items()} for r in self.records(table)
        ]

    def source_data(self) -> SourceData:
        """Rows in the CSV shape ``db.build.source_data`` validates (record claims → source_ids)."""
        cited: dict[tuple[str, str], list[str]] = defaultdict(list)
        claims = []
        for row in self.dicts("claim"):
            if row["field"] == "record":
                cited[(row["subject_kind"] or "", row["subject_id"] or "")].append(
                    row["source_id"] or ""
                )
            else:
                claims.append(row)
        tables = {"claims": claims}
        for table, name, kind in (
            ("source", "sources", None),
            ("person", "people", "person"),
            ("name", "names", None),
            ("sentence", "sentences", "sentence"),
            ("relation", "relations", "relation"),
            ("event", "events", "event"),
            ("event_person", "event_people", None),
            ("document", "documents", "document"),
            ("document_person", "document_people", None),
            ("tally", "tallies", None),
        ):
            rows = self.dicts(table)
            if kind:
                for row in rows:
                    row["source_ids"] = "|".join(cited.get((kind, row["id"] or ""), []))
            tables[name] = rows
        return SourceData({"title": "synthetic", "data_version": "test"}, tables)


def collect(people: int, seed: int) -> Collector:
    """Every row of a synthetic archive of ``people`` people, generated in this process."""
    sink = Collector()
    sink.counts = synth.generate(sink, people, seed)
    return sink
