"""The open gate for an archive on a PostgreSQL server: the file gate's contract, by SQL.

A server has its own integrity checks, so there are no page checks here; what remains is
what makes a database *our* archive: the schema :data:`db.pg.url.SCHEMA` with a ``meta``
table, a schema version this program reads, every table with its columns, and the contract
(counts, numbered rows, rank ends, sampled ids and dates: :func:`db.contract.cheap_problems`).
Each refusal is an :class:`db.errors.ArchiveError` of the same family and wording as a
file's.  The connection is read-only (``default_transaction_read_only``) from its first
statement.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from db import errors, gate
from db.errors import Text
from db.gate import ArchiveInfo
from db.i18n import N_
from db.schema_facts import SCHEMA_VERSION, SEARCH_TABLES, TABLE_COLUMNS

#: Search tables only a server archive has (see :mod:`db.pg.load`).
SERVER_TABLES = ("person_key",)


def columns_by_table(conn: Any) -> dict[str, set[str]]:
    """Tables of the archive schema and their columns."""
    out: dict[str, set[str]] = {}
    # pg_catalog, not information_schema: the same answer in a fifth of the time.
    for table, column in conn.execute(
        "SELECT c.relname, a.attname FROM pg_catalog.pg_attribute a "
        "JOIN pg_catalog.pg_class c ON c.oid = a.attrelid "
        "WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' "
        "AND a.attnum > 0 AND NOT a.attisdropped"
    ):
        out.setdefault(str(table), set()).add(str(column))
    return out


def check(conn: Any, where: str) -> None:
    """Refuse a database that is not one of ours, newer or older, incomplete or broken."""
    schema = conn.execute("SELECT current_schema()").fetchone()[0]
    found = columns_by_table(conn)
    if schema is None or "meta" not in found:
        raise errors.ArchiveForeign(
            where,
            Text(
                N_(
                    "this PostgreSQL database holds no Kremlin Affair archive "
                    "(no schema '{schema}' with a meta table)"
                ),
                schema="kremlin_archive",
            ),
        )
    meta = {str(k): str(v) for k, v in conn.execute("SELECT key, value FROM meta")}
    raw = meta.get("schema_version", "")
    if not raw.isdigit():
        raise errors.ArchiveForeign(
            where, Text(N_("this PostgreSQL database holds no Kremlin Affair archive"))
        )
    if int(raw) != SCHEMA_VERSION:
        raise errors.ArchiveVersionMismatch(
            where,
            Text(
                N_("archive schema version {version}; this program reads version {ours}"),
                version=int(raw),
                ours=SCHEMA_VERSION,
            ),
        )
    for table in (*TABLE_COLUMNS, *SEARCH_TABLES, *SERVER_TABLES):
        if table not in found:
            absent = (
                Text(N_("the search index '{name}' is missing"), name=table)
                if table in SEARCH_TABLES or table in SERVER_TABLES
                else Text(N_("the table '{name}' is missing"), name=table)
            )
            raise errors.ArchiveCorrupt(where, absent, "missing-table")
    for table, columns in TABLE_COLUMNS.items():
        missing = [c for c, _int, _null in columns if c not in found[table]]
        if missing:
            raise errors.ArchiveCorrupt(
                where,
                Text(
                    N_("{names} is not defined the way this program writes archives"),
                    names=f"'{table}'",
                ),
                "schema-differs",
            )
    gate.check_contract(conn, where, full=False)  # type: ignore[arg-type]


def read_info(conn: Any, location: str, label: str) -> ArchiveInfo:
    """:class:`ArchiveInfo` of the server archive (its size is the schema's on-disk size)."""
    size = conn.execute(
        "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = current_schema() AND c.relkind = 'r'"
    ).fetchone()[0]
    info = gate.read_info(conn, Path(label), int(size), False, False, False)
    return dataclasses.replace(info, location=location, server=True)
