"""The shapes generated rows travel in: a batch holds one list per staging table, flushed in
a fixed order, and every row has exactly the columns of its staging table."""

from __future__ import annotations

from db.build import STAGING
from db.synth.records import Batch
from tests.db.synth.collector import Collector


def test_a_batch_holds_every_staging_table_but_sources_and_tallies() -> None:
    assert sorted(Batch.TABLES) == sorted(set(STAGING) - {"source", "tally"})


def test_tables_yields_the_filled_lists_in_flush_order() -> None:
    batch = Batch()
    for table in reversed(Batch.TABLES):  # fill in the opposite order
        getattr(batch, table).append((table,))
    assert list(batch.tables()) == [(t, [(t,)]) for t in Batch.TABLES]
    assert Batch.TABLES[0] == "person" and Batch.TABLES[-1] == "claim"


def test_every_generated_row_has_the_columns_of_its_staging_table(generated: Collector) -> None:
    assert set(generated.rows) == set(STAGING)
    for table, rows in generated.rows.items():
        assert {len(r) for r in rows} == {len(STAGING[table])}, table
