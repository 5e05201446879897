"""The generated :mod:`db.schema_facts` is up to date with :mod:`db.schema` and the search index."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from db import gate
from db import schema_facts as facts
from db.build import schema_facts
from db.schema import APPLICATION_ID, SCHEMA_VERSION

STALE = "db/schema_facts.py is stale: run `python -m db.build.schema_facts`"


def test_the_checked_in_module_holds_what_the_generator_computes_now() -> None:
    assert schema_facts.expected_schema() == facts.EXPECTED_SCHEMA, STALE
    assert schema_facts.table_columns() == facts.TABLE_COLUMNS, STALE
    assert list(facts.TABLE_COLUMNS) == list(schema_facts.table_columns()), STALE  # build order
    assert (facts.APPLICATION_ID, facts.SCHEMA_VERSION) == (APPLICATION_ID, SCHEMA_VERSION), STALE


def test_the_generator_writes_a_module_with_the_same_values(tmp_path: Path) -> None:
    namespace: dict[str, object] = {}
    exec(compile(schema_facts.render(), "schema_facts.py", "exec"), namespace)
    assert namespace["EXPECTED_SCHEMA"] == facts.EXPECTED_SCHEMA
    assert namespace["TABLE_COLUMNS"] == facts.TABLE_COLUMNS
    assert namespace["SEARCH_TABLES"] == facts.SEARCH_TABLES


def test_the_gate_compares_against_the_schema_the_build_code_makes() -> None:
    assert gate.expected_schema() == schema_facts.expected_schema()
    assert gate.search_tables() == ("person_fts", "text_fts")


def test_the_gate_imports_without_sqlalchemy() -> None:
    code = "import sys, db.gate, db.engine; print('sqlalchemy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
