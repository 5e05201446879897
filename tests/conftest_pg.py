"""PostgreSQL fixtures, a pytest plugin: `pytest_plugins = ["tests.conftest_pg"]` in
tests/conftest.py.

`pg_cluster` (session) is this process's server (tests/pgserver.py): $KREMLIN_TEST_PG's, or a
throwaway cluster started on first use, one per pytest-xdist worker, stopped at the end of the
session. Tests that use it are skipped, with the reason, when no server can be started. A test
that uses it (or `pg_database`) gets the `pg` marker: `-m 'not pg'` leaves them all out.

`pg_database` is a fresh empty database for one test, named after it and dropped afterwards
(connections still open are closed by the drop); the fixture's value is its SQLAlchemy URL.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.pgserver import Server, server_or_reason, stop_process_server

MARKER = "pg: needs a PostgreSQL server (pg_cluster, pg_database); skipped when none can start"
FIXTURES = frozenset({"pg_cluster", "pg_database", "pg_bundled", "pg_synth"})
NAME_MAX = 63  # PostgreSQL's identifier limit (NAMEDATALEN - 1), in bytes


def pytest_configure(config: pytest.Config) -> None:
    """Register the `pg` marker (needed with --strict-markers)."""
    config.addinivalue_line("markers", MARKER)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses a PostgreSQL fixture `pg`."""
    for item in items:
        if FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.pg)


def database_name(test_name: str) -> str:
    """A database name for a test: its name in lower-case ASCII letters, digits and
    underscores, cut so that a random suffix keeps it unique (workers may share a server)
    within 63 characters."""
    stem = re.sub(r"[^a-z0-9]+", "_", test_name.lower()).strip("_") or "test"
    if not stem[0].isalpha():
        stem = "t_" + stem
    suffix = uuid.uuid4().hex[:8]
    return f"{stem[: NAME_MAX - len(suffix) - 1].rstrip('_')}_{suffix}"


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Server]:
    """This process's PostgreSQL server (superuser access); skips when there is none."""
    server, reason = server_or_reason()
    if server is None:
        pytest.skip(f"no PostgreSQL server: {reason}")
    yield server
    stop_process_server()


@pytest.fixture
def pg_database(pg_cluster: Server, request: pytest.FixtureRequest) -> Iterator[str]:
    """A new empty database named after the test, dropped afterwards; its SQLAlchemy URL
    (postgresql+psycopg://kremlin:…@127.0.0.1:port/name)."""
    name = database_name(request.node.name)
    url = pg_cluster.create_database(name)
    yield url
    pg_cluster.drop_database(name)


# -- archives on the server ------------------------------------------------------------------

#: Readers in these fixtures hold only this predefined role: they can read every table and
#: write none (the role the README tells an institution to give its readers).
READER_GRANTS = "pg_read_all_data"


def reader_url(server: Server, database_url: str, stem: str) -> str:
    """A new login role with :data:`READER_GRANTS` only; its URL for ``database_url``'s
    database (the password is in the URL, as a user may type it)."""
    name = database_name(f"reader_{stem}")
    password = uuid.uuid4().hex
    server.create_role(name, password, grants=READER_GRANTS)
    dbname = database_url.rsplit("/", 1)[1]
    return server.url(dbname, user=name, password=password)


def load_archive(
    server: Server, stem: str, build: Callable[[Path], object], work: Path
) -> tuple[Path, str, str]:
    """Build with ``build(file)`` (the indexed texts kept), load it into a new database as the
    superuser; then drop the kept texts from the file, which makes it the very archive file
    the build would have written without them.  Returns (that file, a *reader's* URL, the
    superuser's URL)."""
    import sqlite3

    from db.pg.load import load
    from db.search.index import KEPT_PERSON_KEYS, KEPT_TEXT_BODY

    url = server.create_database(database_name(stem))
    work.mkdir(parents=True, exist_ok=True)
    scratch = work / f"{stem}.sqlite"
    build(scratch)
    load(scratch, url)
    conn = sqlite3.connect(scratch, isolation_level=None)
    try:
        for table in (KEPT_PERSON_KEYS, KEPT_TEXT_BODY):
            conn.execute(f"DROP TABLE {table}")
    finally:
        conn.close()
    return scratch, reader_url(server, url, stem), url


def build_bundled(out: Path) -> Path:
    """The bundled archive built from resources/data, its indexed texts kept."""
    from db.build.writer import DEFAULT_DATA, build

    return build(DEFAULT_DATA, out, keep_search_text=True)


@pytest.fixture(scope="session")
def pg_bundled(pg_cluster: Server, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A reader's URL of the bundled archive on the server (built from resources/data by the
    same build code, then loaded), one per worker."""
    work = tmp_path_factory.mktemp("pg-bundled")
    _file, url, _admin = load_archive(pg_cluster, "bundled", build_bundled, work)
    return url
