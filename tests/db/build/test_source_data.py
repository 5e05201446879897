"""Source data: the builder refuses what breaks the contract (file:line: column: problem, and
writes nothing); and the bundled content: every record sourced, tallies as printed, all case
documents in."""

from __future__ import annotations

import csv
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import text

from db import Archive, build
from db.build import source_data
from db.errors import BuildError


def _scalar(archive: Archive, sql: str) -> int:
    with archive.connect() as conn:
        return int(conn.execute(text(sql)).scalar() or 0)


@pytest.mark.parametrize("kind", ["person", "event", "sentence", "relation", "document"])
def test_every_record_cites_at_least_one_source(archive: Archive, kind: str) -> None:
    unsourced = _scalar(
        archive,
        f"""
        SELECT count(*) FROM {kind} r WHERE NOT EXISTS (
            SELECT 1 FROM claim c WHERE c.subject_kind = '{kind}' AND c.subject_id = r.id)""",
    )
    assert unsourced == 0


def test_every_claim_has_an_existing_source(archive: Archive) -> None:
    assert (
        _scalar(
            archive,
            "SELECT count(*) FROM claim c LEFT JOIN source s "
            "ON s.pk = c.source_pk WHERE s.pk IS NULL",
        )
        == 0
    )


def test_all_292_case_documents_are_in(archive: Archive) -> None:
    assert _scalar(archive, "SELECT count(*) FROM document") == 292
    assert _scalar(archive, "SELECT count(DISTINCT id) FROM document") == 292


def test_military_collegium_tallies_sum_as_printed(archive: Archive) -> None:
    with archive.connect() as conn:
        rows = dict(
            conn.execute(
                text(
                    "SELECT coalesce(t.years, 0) || t.category, t.count FROM tally t "
                    "JOIN source s ON s.pk = t.source_pk WHERE s.id = 'koshel-kniga87' "
                    "AND t.tribunal = 'military-collegium'"
                )
            ).fetchall()
        )
    total = rows.pop("0total")
    assert total == 30
    assert sum(rows.values()) == 30
    assert rows == {
        "0death": 2,
        "10prison": 9,
        "8prison": 1,
        "7prison": 5,
        "6prison": 5,
        "5prison": 1,
        "4prison": 1,
        "3prison": 3,
        "2prison": 3,
    }


def test_oso_tallies_as_printed_by_koshel(archive: Archive) -> None:
    with archive.connect() as conn:
        counts = [
            r[0]
            for r in conn.execute(
                text(
                    "SELECT t.count FROM tally t JOIN source s ON s.pk = t.source_pk "
                    "WHERE s.id = 'koshel-kniga87' AND t.tribunal = 'special-board-oso' "
                    "AND t.category != 'total' ORDER BY t.id"
                )
            )
        ]
    # 29 + 13 + 30 + 7 printed; the last category (residence ban) is cut off in the source.
    assert counts == [29, 13, 30, 7, None]
    assert (
        _scalar(
            archive,
            "SELECT count FROM tally t JOIN source s ON s.pk = t.source_pk "
            "WHERE s.id = 'koshel-kniga87' AND t.tribunal = "
            "'special-board-oso' AND t.category = 'total'",
        )
        == 80
    )


def test_disputed_death_sentence_count_keeps_both_sources(archive: Archive) -> None:
    with archive.connect() as conn:
        figures = dict(
            conn.execute(
                text(
                    "SELECT s.id, t.count FROM tally t JOIN source s ON s.pk = t.source_pk "
                    "WHERE t.tribunal = 'military-collegium' AND t.category = 'death'"
                )
            ).fetchall()
        )
    assert figures["koshel-kniga87"] == 2
    assert figures["kapchenko-polbio"] == 1


def test_named_collegium_defendants(archive: Archive) -> None:
    assert (
        _scalar(
            archive,
            "SELECT count(*) FROM sentence WHERE stage = 'verdict' "
            "AND tribunal = 'military-collegium'",
        )
        == 16
    )
    assert (
        _scalar(
            archive,
            "SELECT count(*) FROM sentence WHERE stage = 'verdict' "
            "AND tribunal = 'special-board-oso'",
        )
        == 1
    )


def _field_values(archive: Archive, kind: str, subject: str, field: str) -> dict[str, set[str]]:
    from db.queries import facts as _facts  # the same grouping the UI and dossiers use

    with archive.connect() as conn:
        facts = _facts(conn, kind, [subject])[subject]
    fc = facts.field(field)
    assert fc is not None, f"no claims for {kind} {subject} {field}"
    out: dict[str, set[str]] = {}
    for c in fc.claims:
        out.setdefault(c.value or "", set()).add(c.source.ref.id)
    return out


@pytest.mark.parametrize(
    ("kind", "subject", "field", "expected"),
    [
        (
            "person",
            "sinelobov-alexei",
            "later_fate",
            {"shot": "talk-kremlin-plot", "commuted": "wikimili-kremlin-plot"},
        ),
        (
            "sentence",
            "s-mukhanova-ekaterina-1935",
            "date",
            {"1935-07-27": "koshel-kniga87", "1935-07-25": "bessmertnybarak-mukhanova"},
        ),
        (
            "event",
            "ev-1935-vk-verdict",
            "death_sentences",
            {"2": "koshel-kniga87", "1": "kapchenko-polbio"},
        ),
        (
            "event",
            "ev-1935-vk-verdict",
            "date",
            {"1935-07-27": "koshel-kniga87", "1935-07-25": "bessmertnybarak-mukhanova"},
        ),
        (
            "person",
            "rozenfeld-boris",
            "arrest_date",
            {"1935-01-27": "showtrials-bnrozenfeld", "1935-01-31": "showtrials-rozenfeld-na-1mar"},
        ),
    ],
    ids=[
        "sinelobov-fate",
        "mukhanova-verdict-date",
        "death-sentences",
        "verdict-date",
        "boris-arrest",
    ],
)
def test_conflicts_are_separate_claims_with_their_sources(
    archive: Archive, kind: str, subject: str, field: str, expected: dict[str, str]
) -> None:
    values = _field_values(archive, kind, subject, field)
    assert len(values) >= 2  # the sources disagree, and both claims are kept
    for fragment, source in expected.items():
        matching = [v for v in values if fragment in v]
        assert matching, f"no claim with value containing {fragment!r}: {sorted(values)}"
        assert any(source in values[v] for v in matching)


def test_rozenfeld_brother_and_nephew_are_both_recorded(archive: Archive) -> None:
    with archive.connect() as conn:
        rels = {
            r[0]: r[1]
            for r in conn.execute(
                text(
                    "SELECT r.relation, group_concat(s.id) FROM relation r "
                    "JOIN person a ON a.pk = r.person_pk JOIN person b ON b.pk = r.related_pk "
                    "JOIN claim c ON c.subject_kind = 'relation' AND c.subject_id = r.id "
                    "JOIN source s ON s.pk = c.source_pk WHERE a.id = 'rozenfeld-nikolai' "
                    "AND b.id = 'kamenev-lev' GROUP BY r.relation"
                )
            )
        }
    assert "showtrials-nbrozenfeld" in rels["brother"]
    assert "wikimili-kremlin-plot" in rels["nephew"]


# -- the builder refuses source data that breaks the contract ---------------------------------


def _edited(tmp_path: Path, edits: list[tuple[str, int, str, str]]) -> Path:
    """A copy of resources/data with (file, data row, column, value) edits."""
    data = tmp_path / "data"
    shutil.copytree(build.DEFAULT_DATA, data)
    for name, index, column, value in edits:
        path = data / name
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        rows[index][column] = value
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    return data


@pytest.mark.parametrize(
    ("edit", "line"),
    [
        (("documents.csv", 3, "date", "9999-12-31"), "documents.csv:5: column 'date': year 9999"),
        (("events.csv", 0, "date", "n.d."), "events.csv:2: column 'date': 'n.d.' is not a date"),
        (("events.csv", 1, "date_precision", "day"), "events.csv:3: column 'date'"),
        (("people.csv", 4, "id", "../../x"), "people.csv:6: column 'id': '../../x' is not an id"),
        (("people.csv", 4, "id", "cherniavsky-mikhail"), "people.csv:6: column 'id': duplicate"),
        (("names.csv", 0, "person_id", "nobody"), "names.csv:2: column 'person_id': unknown id"),
        (("people.csv", 2, "birth_year", "1888a"), "column 'birth_year': '1888a' is not a whole"),
        (("people.csv", 2, "birth_year", "3020"), "column 'birth_year': year 3020 is outside"),
        (("people.csv", 2, "summary", "x\x1b[2J"), "column 'summary': holds the control"),
        (("sentences.csv", 0, "tribunal", "maybe"), "sentences.csv:2: column 'tribunal'"),
    ],
)
def test_the_builder_names_file_line_and_column_and_writes_nothing(
    tmp_path: Path, edit: tuple[str, int, str, str], line: str
) -> None:
    data = _edited(tmp_path, [edit])
    out = tmp_path / "out.sqlite"
    with pytest.raises(BuildError) as info:
        build.build(data, out)
    assert line in str(info.value)
    assert "nothing was written" in str(info.value)
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_every_problem_is_reported_not_only_the_first(tmp_path: Path) -> None:
    data = _edited(
        tmp_path,
        [
            ("documents.csv", 3, "date", "n.d."),
            ("events.csv", 5, "date", "1935-02-30"),
            ("people.csv", 7, "role", "villain"),
        ],
    )
    with pytest.raises(BuildError) as info:
        source_data.load(data)
    message = str(info.value)
    assert "in 3 place(s)" in message
    for where in ("documents.csv:5:", "events.csv:7:", "people.csv:9:"):
        assert where in message


def test_a_row_spanning_lines_is_named_by_the_line_it_starts_on(tmp_path: Path) -> None:
    data = _edited(
        tmp_path,
        [("people.csv", 0, "summary", "first\nsecond\nthird"), ("people.csv", 1, "id", "BAD")],
    )
    with pytest.raises(BuildError) as info:
        source_data.load(data)
    assert "people.csv:5: column 'id': 'BAD' is not an id" in str(info.value)


def test_a_title_name_without_a_person_is_built_as_an_unlinked_name(tmp_path: Path) -> None:
    data = _edited(tmp_path, [("document_people.csv", 0, "person_id", "")])
    with (data / "document_people.csv").open(encoding="utf-8", newline="") as fh:
        first = next(csv.DictReader(fh))
    out = build.build(data, tmp_path / "out.sqlite")
    with closing(sqlite3.connect(out.resolve().as_uri() + "?mode=ro", uri=True)) as conn:
        rows = conn.execute(
            "SELECT dp.person_pk FROM document_person dp JOIN document d ON d.pk = dp.document_pk "
            "WHERE d.id = ? AND dp.name_as_written = ?",
            (first["document_id"], first["name_as_written"]),
        ).fetchall()
    assert rows == [(None,)]
