"""Server addresses: which targets are PostgreSQL, and how to show one without its secret.

A target is a server when it starts with ``postgresql:`` or ``postgres:`` (with or without a
``+driver``).  Credentials may be in the address, in ``~/.pgpass``, in a ``PGSERVICE`` entry or in
the ``PG*`` environment variables: libpq reads all of them, so nothing here stores any.
:func:`redact` is what settings, logs, messages and the recent-archives list see.
"""

from __future__ import annotations

import re
import urllib.parse
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


def _plain(target: str) -> str:
    """``target`` with the plain ``postgresql:`` scheme (no ``+driver``), as libpq reads it."""
    return _SCHEME.sub("postgresql:", target, count=1)


def _url(target: str) -> URL:
    from sqlalchemy.engine import make_url

    return make_url(_plain(target))


def sqlalchemy_url(target: str) -> str:
    """``target`` for :func:`sqlalchemy.create_engine` (the psycopg 3 driver)."""
    return _url(target).set(drivername="postgresql+psycopg").render_as_string(hide_password=False)


def libpq_url(target: str) -> str:
    """``target`` as a libpq connection URI (for ``psycopg.connect``; no SQLAlchemy import, so
    the window's first rows need none)."""
    return _plain(target)


def _split(target: str) -> urllib.parse.SplitResult | None:
    try:
        parts = urllib.parse.urlsplit(_plain(target))
        parts.port  # noqa: B018 - raises on a port that is no number
    except ValueError:
        return None
    return parts


_USERINFO = re.compile(r"(\w[\w+.-]*:/{0,3}[^\s:/@]*):([^\s@]*)@")


def scrub(text: str, target: str | None = None) -> str:
    """``text`` with every ``scheme://user:password@`` written ``scheme://user@``, and the
    password of ``target`` (as typed, and %-decoded) removed wherever else it appears — a
    libpq complaint may quote a malformed address or its password token."""
    secrets: set[str] = set()
    if target is not None:
        found = _USERINFO.search(target)
        if found and found.group(2):
            secrets |= {found.group(2), urllib.parse.unquote(found.group(2))}
        parts = _split(target)
        for key, value in urllib.parse.parse_qsl(parts.query if parts else ""):
            if key in _SECRET_PARAMETERS and value:
                secrets.add(value)
    out = _USERINFO.sub(lambda m: f"{m.group(1)}@", text)
    for secret in sorted(secrets, key=len, reverse=True):
        if len(secret) >= 2:
            out = out.replace(secret, "…")
    return out


def redact(target: str) -> str:
    """``target`` without its password (``postgresql://reader@host/db``): safe to show and keep."""
    parts = _split(target)
    if parts is None:  # an address that cannot be parsed: show its scheme only
        scheme = _SCHEME.match(target)
        return (scheme.group(0) if scheme else "") + "//…"
    netloc = parts.netloc.rpartition("@")
    user = netloc[0].partition(":")[0]
    host = netloc[2]
    query = urllib.parse.urlencode(
        [
            (k, v)
            for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
            if k not in _SECRET_PARAMETERS
        ]
    )
    where = f"{user}@{host}" if user else host
    return f"postgresql://{where}{parts.path}" + (f"?{query}" if query else "")


def citable(target: str) -> str:
    """``target`` without user or password: the address a citation gives."""
    parts = _split(redact(target))
    if parts is None:
        return redact(target)
    host = parts.netloc.rpartition("@")[2]
    query = urllib.parse.urlencode(
        [(k, v) for k, v in urllib.parse.parse_qsl(parts.query) if k not in ("user", "passfile")]
    )
    return f"postgresql://{host}{parts.path}" + (f"?{query}" if query else "")


def label(target: str) -> str:
    """A short name for the archive: ``db@host`` (what a file's name is for a file)."""
    parts = _split(target)
    if parts is None:
        return redact(target)
    query = dict(urllib.parse.parse_qsl(parts.query))
    if "service" in query and not parts.path.strip("/") and not parts.hostname:
        return f"{query['service']} (service)"  # the names are in the service file
    db = urllib.parse.unquote(parts.path.lstrip("/")) or query.get("dbname") or "postgres"
    host = parts.hostname or query.get("host") or "localhost"
    if host.startswith("/"):
        host = "localhost"
    return f"{db}@{host}"
