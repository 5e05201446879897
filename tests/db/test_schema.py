"""The declarative classes (db.schema) are the bundled archive's tables: reflected with
SQLAlchemy's inspector, the file holds exactly the declared tables, each with the declared
columns in order (type affinity, nullability, primary key), foreign keys and indexes; and the
mapped relationships refuse to load lazily (an N+1 query fails loudly)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Integer, inspect, select
from sqlalchemy.engine.reflection import Inspector
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import Session

from db import Archive
from db.schema import APPLICATION_ID, Base, Person, PersonName

TABLES = sorted(Base.metadata.tables)


@pytest.fixture(scope="module")
def inspector(archive: Archive) -> Inspector:
    return inspect(archive.engine)


def _affinity(sqltype: Any) -> str:
    return "integer" if isinstance(sqltype, Integer) else "text"


def test_the_archive_holds_the_declared_tables_and_only_search_tables_besides(
    inspector: Inspector,
) -> None:
    found = set(inspector.get_table_names())
    assert set(TABLES) <= found
    extra = found - set(TABLES)
    assert all(name.startswith(("person_fts", "text_fts", "search_", "sqlite_")) for name in extra)
    assert inspector.get_view_names() == []


@pytest.mark.parametrize("name", TABLES)
def test_each_table_has_the_declared_columns_in_order(inspector: Inspector, name: str) -> None:
    table = Base.metadata.tables[name]
    found = [(c["name"], _affinity(c["type"]), c["nullable"]) for c in inspector.get_columns(name)]
    declared = [(c.name, _affinity(c.type), c.nullable) for c in table.columns]
    assert found == declared


@pytest.mark.parametrize("name", TABLES)
def test_each_table_has_the_declared_primary_key(inspector: Inspector, name: str) -> None:
    table = Base.metadata.tables[name]
    pk = inspector.get_pk_constraint(name)["constrained_columns"]
    assert pk == [c.name for c in table.primary_key.columns]


@pytest.mark.parametrize("name", TABLES)
def test_each_table_has_the_declared_foreign_keys(inspector: Inspector, name: str) -> None:
    table = Base.metadata.tables[name]
    found = sorted(
        (tuple(fk["constrained_columns"]), fk["referred_table"], tuple(fk["referred_columns"]))
        for fk in inspector.get_foreign_keys(name)
    )
    declared = sorted(
        ((fk.parent.name,), fk.column.table.name, (fk.column.name,)) for fk in table.foreign_keys
    )
    assert found == declared


@pytest.mark.parametrize("name", TABLES)
def test_each_table_has_the_declared_indexes(inspector: Inspector, name: str) -> None:
    table = Base.metadata.tables[name]
    found = sorted(
        (i["name"], tuple(i["column_names"]), bool(i["unique"]))
        for i in inspector.get_indexes(name)
    )
    declared = sorted(
        (i.name, tuple(c.name for c in i.columns), bool(i.unique)) for i in table.indexes
    )
    assert found == declared


def test_every_sortable_list_column_has_a_unique_rank_index(inspector: Inspector) -> None:
    for name in ("person", "event", "document"):
        unique = {tuple(i["column_names"]) for i in inspector.get_indexes(name) if i["unique"]}
        ranks = [c["name"] for c in inspector.get_columns(name) if c["name"].startswith("rank_")]
        assert ranks
        assert all((r,) in unique for r in ranks), name


def test_the_application_id_spells_krma() -> None:
    assert APPLICATION_ID.to_bytes(4, "big") == b"KrmA"


def test_a_relationship_raises_instead_of_loading_lazily(archive: Archive) -> None:
    with Session(archive.engine) as session:
        person = session.scalars(select(Person).where(Person.id == "kamenev-lev")).one()
        with pytest.raises(InvalidRequestError, match="lazy='raise'"):
            _ = person.names
        name = session.scalars(select(PersonName).limit(1)).one()
        with pytest.raises(InvalidRequestError, match="lazy='raise'"):
            _ = name.person
