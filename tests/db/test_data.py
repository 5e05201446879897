"""The archive's content: every record sourced, tallies as printed, all case documents in."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from db import Archive


def _scalar(archive: Archive, sql: str) -> int:
    with archive.connect() as conn:
        return int(conn.execute(text(sql)).scalar() or 0)


@pytest.mark.parametrize("kind", ["person", "event", "sentence", "relation", "document"])
def test_every_record_cites_at_least_one_source(archive: Archive, kind: str) -> None:
    unsourced = _scalar(archive, f"""
        SELECT count(*) FROM {kind} r WHERE NOT EXISTS (
            SELECT 1 FROM claim c WHERE c.subject_kind = '{kind}' AND c.subject_id = r.id)""")
    assert unsourced == 0


def test_every_claim_has_an_existing_source(archive: Archive) -> None:
    assert _scalar(archive, "SELECT count(*) FROM claim c LEFT JOIN source s "
                            "ON s.pk = c.source_pk WHERE s.pk IS NULL") == 0


def test_all_292_case_documents_are_in(archive: Archive) -> None:
    assert _scalar(archive, "SELECT count(*) FROM document") == 292
    assert _scalar(archive, "SELECT count(DISTINCT id) FROM document") == 292


def test_military_collegium_tallies_sum_as_printed(archive: Archive) -> None:
    with archive.connect() as conn:
        rows = dict(conn.execute(text(
            "SELECT coalesce(t.years, 0) || t.category, t.count FROM tally t "
            "JOIN source s ON s.pk = t.source_pk WHERE s.id = 'koshel-kniga87' "
            "AND t.tribunal = 'military-collegium'")).fetchall())
    total = rows.pop("0total")
    assert total == 30
    assert sum(rows.values()) == 30
    assert rows == {"0death": 2, "10prison": 9, "8prison": 1, "7prison": 5, "6prison": 5,
                    "5prison": 1, "4prison": 1, "3prison": 3, "2prison": 3}


def test_oso_tallies_as_printed_by_koshel(archive: Archive) -> None:
    with archive.connect() as conn:
        counts = [r[0] for r in conn.execute(text(
            "SELECT t.count FROM tally t JOIN source s ON s.pk = t.source_pk "
            "WHERE s.id = 'koshel-kniga87' AND t.tribunal = 'special-board-oso' "
            "AND t.category != 'total' ORDER BY t.id"))]
    # 29 + 13 + 30 + 7 printed; the last category (residence ban) is cut off in the source.
    assert counts == [29, 13, 30, 7, None]
    assert _scalar(archive, "SELECT count FROM tally t JOIN source s ON s.pk = t.source_pk "
                            "WHERE s.id = 'koshel-kniga87' AND t.tribunal = "
                            "'special-board-oso' AND t.category = 'total'") == 80


def test_disputed_death_sentence_count_keeps_both_sources(archive: Archive) -> None:
    with archive.connect() as conn:
        figures = dict(conn.execute(text(
            "SELECT s.id, t.count FROM tally t JOIN source s ON s.pk = t.source_pk "
            "WHERE t.tribunal = 'military-collegium' AND t.category = 'death'")).fetchall())
    assert figures["koshel-kniga87"] == 2
    assert figures["kapchenko-polbio"] == 1


def test_named_collegium_defendants(archive: Archive) -> None:
    assert _scalar(archive, "SELECT count(*) FROM sentence WHERE stage = 'verdict' "
                            "AND tribunal = 'military-collegium'") == 16
    assert _scalar(archive, "SELECT count(*) FROM sentence WHERE stage = 'verdict' "
                            "AND tribunal = 'special-board-oso'") == 1
