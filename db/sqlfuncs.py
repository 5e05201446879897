"""SQL expressions that mean the same on SQLite and PostgreSQL but are spelled differently.

:class:`nocase` orders text ignoring ASCII case only, as SQLite's ``NOCASE`` collation does
(``Ä`` stays apart from ``ä``); on PostgreSQL it folds A–Z with ``translate`` and compares
code points (``COLLATE "C"``), so both engines give a list in the same order.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class nocase(FunctionElement[str]):  # noqa: N801 - reads as SQL, like func.lower
    """``expr`` compared ignoring ASCII case (``COLLATE NOCASE`` on SQLite)."""

    type = String()
    inherit_cache = True
    name = "nocase"


@compiles(nocase)
def _nocase_sqlite(element: nocase, compiler: Any, **kw: Any) -> str:
    return f"{compiler.process(element.clauses, **kw)} COLLATE NOCASE"


@compiles(nocase, "postgresql")
def _nocase_pg(element: nocase, compiler: Any, **kw: Any) -> str:
    arg = compiler.process(element.clauses, **kw)
    return f"translate({arg}, '{_UPPER}', '{_UPPER.lower()}') COLLATE \"C\""
