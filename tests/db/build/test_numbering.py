"""Numbering (db.build.numbering): staged records become archive rows whose keys follow display
order and whose rank columns are dense 1..N in each list order.

On the bundled archive every pk and rank column is compared with an ORDER BY in plain SQL (or a
Python sort where the order needs the builder's own key functions) and no staged record is lost;
on a tiny staged archive the tie-breaks, the ё/е and NULL rules, and the references turned into
keys are checked one by one.
"""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from db import vocab
from db.build import DEFAULT_DATA, STAGING, ArchiveWriter
from tests.conftest import BUNDLED


def _ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)


@pytest.fixture(scope="module")
def sql() -> Iterator[sqlite3.Connection]:
    conn = _ro(BUNDLED)
    yield conn
    conn.close()


def _column(conn: sqlite3.Connection, query: str) -> list[object]:
    return [r[0] for r in conn.execute(query)]


# -- the bundled archive -----------------------------------------------------------------------

#: (table, rank column, ORDER BY of plain SQL giving that rank's order of pks)
SQL_ORDERS = [
    ("person", "pk", "sort_name COLLATE NOCASE, id"),
    ("person", "rank_name", "sort_name COLLATE NOCASE, id"),
    ("person", "rank_role", "role, pk"),
    ("person", "rank_tribunal", "tribunal = 'none', tribunal, pk"),
    ("person", "rank_birth", "birth_year IS NULL, birth_year, pk"),
    ("event", "pk", "date, id"),
    ("event", "rank_date", "date, id"),
    ("event", "rank_title", "title COLLATE NOCASE, pk"),
    ("document", "pk", "date, id"),
    ("document", "rank_date", "date, id"),
    ("document", "rank_type", "doc_type, pk"),
    ("source", "pk", "id"),
    ("relation", "pk", "id"),
    ("tally", "pk", "id"),
]


@pytest.mark.parametrize(
    ("table", "rank", "order"), SQL_ORDERS, ids=[f"{t}.{r}" for t, r, _ in SQL_ORDERS]
)
def test_ranks_are_dense_and_follow_the_display_order(
    sql: sqlite3.Connection, table: str, rank: str, order: str
) -> None:
    ranks = _column(sql, f"SELECT {rank} FROM {table} ORDER BY {order}")
    assert ranks == list(range(1, len(ranks) + 1))
    assert len(ranks) > 10


def _ru_key(text: str) -> str:
    return text.casefold().replace("ё", "е")


@pytest.mark.parametrize(
    ("table", "rank", "column"),
    [("person", "rank_name_ru", "name_ru"), ("document", "rank_title", "title")],
)
def test_russian_ranks_sort_case_insensitively_with_yo_as_ye(
    sql: sqlite3.Connection, table: str, rank: str, column: str
) -> None:
    rows = sql.execute(f"SELECT pk, {column}, {rank} FROM {table}").fetchall()
    by_key = sorted(rows, key=lambda r: (_ru_key(r[1]), r[0]))
    assert [r[2] for r in by_key] == list(range(1, len(rows) + 1))


def test_sentence_rank_follows_the_chart_axis(sql: sqlite3.Connection) -> None:
    rows = sql.execute("SELECT pk, outcome, rank_sentence FROM person").fetchall()
    by_axis = sorted(rows, key=lambda r: (vocab.outcome_order(r[1]), r[0]))
    assert [r[2] for r in by_axis] == list(range(1, len(rows) + 1))


def test_person_verdict_columns_are_those_of_the_1935_verdict(sql: sqlite3.Connection) -> None:
    rows = sql.execute(
        "SELECT p.tribunal, p.sentence_kind, p.sentence_years, p.outcome, "
        "s.tribunal, s.kind, s.years FROM person p LEFT JOIN sentence s "
        "ON s.person_pk = p.pk AND s.stage = 'verdict'"
    ).fetchall()
    assert len(rows) == 99
    for tribunal, kind, years, outcome, s_tribunal, s_kind, s_years in rows:
        if s_kind is None:
            assert (tribunal, kind, years, outcome) == ("none", "none", None, "no-verdict")
        else:
            expected = (s_tribunal, s_kind, s_years, vocab.outcome_key(s_kind, s_years))
            assert (tribunal, kind, years, outcome) == expected


def test_sentences_are_grouped_by_person_verdict_first(sql: sqlite3.Connection) -> None:
    stage = {"verdict": 0, "commutation": 1, "later": 2}
    rows = sql.execute("SELECT person_pk, stage, date FROM sentence ORDER BY pk").fetchall()
    keys = [(p, stage[s]) for p, s, _ in rows]
    assert keys == sorted(keys)
    assert {s for _, s, _ in rows} == set(stage)  # every stage occurs, so the order is tested


def test_claims_are_grouped_by_the_record_they_are_about(sql: sqlite3.Connection) -> None:
    rows = sql.execute("SELECT subject_kind, subject_id, field FROM claim ORDER BY pk").fetchall()
    assert len(rows) == 1082
    subjects = [(kind, ident) for kind, ident, _ in rows]
    assert subjects == sorted(subjects)
    fields = [(kind, ident, field) for kind, ident, field in rows if field != "record"]
    assert fields == sorted(fields)  # within a record, its fields in name order


def _csv(name: str) -> list[dict[str, str]]:
    with (DEFAULT_DATA / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_document_names_are_listed_in_source_file_order(sql: sqlite3.Connection) -> None:
    names: dict[str, list[str]] = {}
    for row in _csv("document_people.csv"):
        names.setdefault(row["document_id"], []).append(row["name_as_written"])
    persons = dict(sql.execute("SELECT id, persons FROM document").fetchall())
    assert persons == {d: "; ".join(names.get(d, [])) for d in persons}


def test_references_become_the_keys_of_the_rows_they_name(sql: sqlite3.Connection) -> None:
    linked = sorted(
        (r["document_id"], r["name_as_written"], r["person_id"] or None)
        for r in _csv("document_people.csv")
    )
    got = sorted(
        sql.execute(
            "SELECT d.id, dp.name_as_written, p.id FROM document_person dp "
            "JOIN document d ON d.pk = dp.document_pk LEFT JOIN person p ON p.pk = dp.person_pk"
        ).fetchall()
    )
    assert got == linked
    relations = sorted(
        (r["id"], r["person_id"], r["related_person_id"]) for r in _csv("relations.csv")
    )
    assert (
        relations
        == sql.execute(
            "SELECT r.id, a.id, b.id FROM relation r JOIN person a ON a.pk = r.person_pk "
            "JOIN person b ON b.pk = r.related_pk ORDER BY r.id"
        ).fetchall()
    )


@pytest.mark.parametrize(
    ("file", "table"),
    [
        ("sources.csv", "source"),
        ("people.csv", "person"),
        ("names.csv", "person_name"),
        ("sentences.csv", "sentence"),
        ("relations.csv", "relation"),
        ("events.csv", "event"),
        ("documents.csv", "document"),
        ("document_people.csv", "document_person"),
        ("tallies.csv", "tally"),
    ],
)
def test_no_staged_record_is_lost(sql: sqlite3.Connection, file: str, table: str) -> None:
    assert sql.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == len(_csv(file))


# -- a tiny staged archive ---------------------------------------------------------------------


def _person(pid: str, name_en: str, name_ru: str, sort: str, birth: str | None, role: str) -> tuple:
    given = {
        "id": pid,
        "name_en": name_en,
        "name_ru": name_ru,
        "sort_name": sort,
        "birth_year": birth,
        "role": role,
        "confidence": "high",
    }
    return tuple(given.get(c) for c in STAGING["person"])


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    """Four people, three events, two documents, staged out of order with ties on purpose."""
    out = tmp_path_factory.mktemp("tiny") / "tiny.sqlite"
    w = ArchiveWriter(out, {"title": "tiny", "data_version": "0"})
    w.insert(
        "source",
        [
            ("s-b", None, "B", None, "book", "en", None, None),
            ("s-a", "A. Author", "A", "1990", "book", "en", None, None),
        ],
    )
    w.insert(
        "person",
        [
            _person("p-b", "Ivan Petrov", "Петров Иван", "Petrov, Ivan", None, "witness"),
            _person("p-a", "Ivan Petrov", "ёлкин Пётр", "Petrov, Ivan", "1901", "defendant"),
            _person("p-c", "Anna Zorina", "Елкина Анна", "zorina, Anna", "1899", "defendant"),
            _person("p-d", "Boris Adamov", "Жуков Борис", "Adamov, Boris", "1899", "official"),
        ],
    )
    w.insert(
        "name",
        [
            ("p-a", "Ёлкин Пётр", "cyrl", "russian", None),
            ("p-d", "Жуков", "cyrl", "variant", None),
            ("p-a", "Petr Yolkin", "latn", "english", None),
        ],
    )
    w.insert(
        "sentence",
        [
            ("s3", "p-a", "later", "nkvd-troika", "1937-09-01", "day", "death", None, None, "low"),
            ("s2", "p-a", "commutation", "unknown", "1936", "year", "camp", "5", None, "low"),
            (
                "s1",
                "p-a",
                "verdict",
                "military-collegium",
                "1935-07-27",
                "day",
                "prison",
                "10",
                None,
                "high",
            ),
            ("s4", "p-c", "verdict", "special-board-oso", None, None, "death", None, None, "high"),
            ("s5", "p-d", "verdict", "unknown", None, None, "exile", "3", None, "high"),
        ],
    )
    w.insert(
        "relation",
        [("r2", "p-b", "p-a", "brother", None), ("r1", "p-c", "p-d", "accused-by", None)],
    )
    w.insert(
        "event",
        [
            ("e-2", "1935-03-01", "day", "beta", None),
            ("e-1", "1935-03-01", "day", "Alpha", None),
            ("e-0", "1934", "year", "gamma", None),
        ],
    )
    w.insert(
        "event_person",
        [("e-1", "p-a", "accused"), ("e-1", "p-a", "accused"), ("e-1", "p-c", "named")],
    )
    w.insert(
        "document",
        [
            ("d-2", "1935-01-02", "protocol", "Протокол", None, None, None),
            ("d-1", "1935-01-02", "letter", "Письмо", None, None, None),
        ],
    )
    w.insert(
        "document_person",
        [("d-1", "Петрова", "p-b"), ("d-1", "Неизвестного", None), ("d-1", "Призрака", "p-ghost")],
    )
    w.insert(
        "claim",
        [
            ("person", "p-b", "birth_year", "1900", "s-b", None, None, None),
            ("person", "p-b", "record", None, "s-a", None, None, None),
            ("event", "e-1", "record", None, "s-b", None, None, None),
            ("person", "p-a", "record", None, "s-b", None, None, None),
        ],
    )
    w.insert(
        "tally",
        [
            ("t2", "all", "total", None, "80", "eighty", "s-a", None),
            ("t1", "all", "death", None, "2", "two", "s-b", None),
        ],
    )
    w.finish()
    conn = _ro(out)
    yield conn
    conn.close()


def _ids(conn: sqlite3.Connection, table: str, rank: str) -> list[str]:
    return [str(r[0]) for r in conn.execute(f"SELECT id FROM {table} ORDER BY {rank}")]


@pytest.mark.parametrize(
    ("rank", "order"),
    [
        ("pk", ["p-d", "p-a", "p-b", "p-c"]),  # Latin sort name, case-insensitive; ties by id
        ("rank_name_ru", ["p-a", "p-c", "p-d", "p-b"]),  # ёлкин = елкин < Елкина < Жуков
        ("rank_birth", ["p-d", "p-c", "p-a", "p-b"]),  # 1899 (ties by pk), 1901, unknown last
        ("rank_role", ["p-a", "p-c", "p-d", "p-b"]),
        ("rank_tribunal", ["p-a", "p-c", "p-d", "p-b"]),  # collegium, OSO, unknown, none last
        ("rank_sentence", ["p-c", "p-a", "p-d", "p-b"]),  # death, 10 years, exile, no verdict
    ],
)
def test_people_are_numbered_in_each_list_order(
    tiny: sqlite3.Connection, rank: str, order: list[str]
) -> None:
    assert _ids(tiny, "person", rank) == order
    assert _column(tiny, f"SELECT {rank} FROM person ORDER BY {rank}") == [1, 2, 3, 4]


def test_a_person_without_verdict_has_none_and_no_verdict(tiny: sqlite3.Connection) -> None:
    row = tiny.execute(
        "SELECT tribunal, sentence_kind, sentence_years, outcome FROM person WHERE id = 'p-b'"
    ).fetchone()
    assert row == ("none", "none", None, "no-verdict")


def test_names_follow_their_person_then_the_staging_order(tiny: sqlite3.Connection) -> None:
    rows = tiny.execute(
        "SELECT p.id, n.name FROM person_name n JOIN person p ON p.pk = n.person_pk ORDER BY n.pk"
    ).fetchall()
    assert rows == [("p-d", "Жуков"), ("p-a", "Ёлкин Пётр"), ("p-a", "Petr Yolkin")]


def test_sentences_run_verdict_commutation_later_within_a_person(tiny: sqlite3.Connection) -> None:
    # p-d (pk 1), then p-a (pk 2): verdict, commutation, later — staged the other way round
    assert _column(tiny, "SELECT id FROM sentence ORDER BY pk") == ["s5", "s1", "s2", "s3", "s4"]
    assert _column(tiny, "SELECT years FROM sentence WHERE id = 's2'") == [5]  # text → integer


def test_events_and_documents_are_numbered_by_date_then_id(tiny: sqlite3.Connection) -> None:
    assert _ids(tiny, "event", "pk") == ["e-0", "e-1", "e-2"]
    assert _ids(tiny, "event", "rank_title") == ["e-1", "e-2", "e-0"]  # Alpha, beta, gamma
    assert _ids(tiny, "document", "pk") == ["d-1", "d-2"]
    assert _ids(tiny, "document", "rank_type") == ["d-1", "d-2"]  # letter, protocol
    assert _column(tiny, "SELECT year FROM event ORDER BY pk") == [1934, 1935, 1935]


def test_a_person_named_twice_in_an_event_is_one_participant(tiny: sqlite3.Connection) -> None:
    rows = tiny.execute(
        "SELECT e.id, p.id, ep.role FROM event_person ep JOIN event e ON e.pk = ep.event_pk "
        "JOIN person p ON p.pk = ep.person_pk ORDER BY ep.event_pk, ep.person_pk"
    ).fetchall()
    assert rows == [("e-1", "p-a", "accused"), ("e-1", "p-c", "named")]


def test_an_unknown_person_on_a_document_stays_an_unlinked_name(tiny: sqlite3.Connection) -> None:
    rows = tiny.execute(
        "SELECT dp.name_as_written, p.id FROM document_person dp "
        "LEFT JOIN person p ON p.pk = dp.person_pk ORDER BY dp.pk"
    ).fetchall()
    assert rows == [("Петрова", "p-b"), ("Неизвестного", None), ("Призрака", None)]
    assert _column(tiny, "SELECT persons FROM document WHERE id = 'd-1'") == [
        "Петрова; Неизвестного; Призрака"
    ]
    assert _column(tiny, "SELECT persons FROM document WHERE id = 'd-2'") == [""]


def test_relations_and_tallies_point_at_the_numbered_keys(tiny: sqlite3.Connection) -> None:
    assert tiny.execute(
        "SELECT r.id, a.id, b.id FROM relation r JOIN person a ON a.pk = r.person_pk "
        "JOIN person b ON b.pk = r.related_pk ORDER BY r.pk"
    ).fetchall() == [("r1", "p-c", "p-d"), ("r2", "p-b", "p-a")]
    assert tiny.execute(
        "SELECT t.id, s.id, t.count FROM tally t JOIN source s ON s.pk = t.source_pk ORDER BY t.pk"
    ).fetchall() == [("t1", "s-b", 2), ("t2", "s-a", 80)]


def test_claims_are_grouped_by_subject_and_point_at_source_keys(tiny: sqlite3.Connection) -> None:
    rows = tiny.execute(
        "SELECT c.subject_kind, c.subject_id, c.field, s.id FROM claim c "
        "JOIN source s ON s.pk = c.source_pk ORDER BY c.pk"
    ).fetchall()
    subjects = [("event", "e-1"), ("person", "p-a"), ("person", "p-b"), ("person", "p-b")]
    assert [r[:2] for r in rows] == subjects
    assert sorted(rows) == sorted(
        [
            ("event", "e-1", "record", "s-b"),
            ("person", "p-a", "record", "s-b"),
            ("person", "p-b", "record", "s-a"),
            ("person", "p-b", "birth_year", "s-b"),
        ]
    )


def test_record_level_claims_follow_the_field_claims_of_their_record(
    tiny: sqlite3.Connection,
) -> None:
    fields = _column(tiny, "SELECT field FROM claim WHERE subject_id = 'p-b' ORDER BY pk")
    assert fields == ["birth_year", "record"]
