"""Server addresses: which targets are PostgreSQL, and how to show one without its secret.

A target is a server when it starts with ``postgresql:`` or ``postgres:`` (with or without a
``+driver``).  Credentials may be in the address, in ``~/.pgpass``, in a ``PGSERVICE`` entry or in
the ``PG*`` environment variables: libpq reads all of them, so nothing here stores any.
:func:`redact` is what settings, logs, messages and the recent-archives list see.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

#: The PostgreSQL schema that holds the archive (the build replaces it in one transaction).
SCHEMA = "kremlin_archive"

#: Connection parameters that carry a secret (libpq accepts them in the query part too).
_SECRET_PARAMETERS = ("password", "sslpassword", "passfile")

_SCHEME = re.compile(r"^postgres(?:ql)?(?:\+\w+)?:", re.IGNORECASE)


def is_server(target: object) -> bool:
    """True when ``target`` is a PostgreSQL address rather than a file name."""
    return isinstance(target, str) and _SCHEME.match(target) is not None


def archive_target(value: str) -> Path | str:
    """What ``--archive VALUE`` names: a server address as it is, anything else as a path."""
    return value if is_server(value) else Path(value)


def _url(target: str) -> URL:
    from sqlalchemy.engine import make_url

    return make_url(_SCHEME.sub("postgresql:", target, count=1))


def sqlalchemy_url(target: str) -> str:
    """``target`` for :func:`sqlalchemy.create_engine` (the psycopg 3 driver)."""
    url = _url(target)
    return url.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)


def libpq_url(target: str) -> str:
    """``target`` as a libpq connection URI (for ``psycopg.connect``)."""
    url = _url(target)
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def redact(target: str) -> str:
    """``target`` without its password (``postgresql://reader@host/db``): safe to show and keep."""
    try:
        url = _url(target)
    except Exception:  # an address SQLAlchemy cannot parse: show its scheme only
        scheme = _SCHEME.match(target)
        return (scheme.group(0) if scheme else "") + "//…"
    bare = url._replace(password=None).difference_update_query(_SECRET_PARAMETERS)
    return bare.render_as_string(hide_password=False)


def label(target: str) -> str:
    """A short name for the archive: ``db on host`` (what a file's name is for a file)."""
    try:
        url = _url(target)
    except Exception:
        return redact(target)
    db = url.database or "postgres"
    host = url.host or "localhost"
    return f"{db}@{host}"
