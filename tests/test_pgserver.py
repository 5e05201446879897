"""tests/pgserver.py against a real PostgreSQL server: one cluster for the module (about half a
second to create and start), skipped with the reason when none can be started."""

from __future__ import annotations

import os
import pwd
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa
from psycopg import errors
from sqlalchemy.engine import make_url

from tests import pgserver
from tests.conftest_pg import database_name
from tests.pgserver import Cluster, ClusterError, SharedServer


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    """A cluster of this module's own (restart() must not disturb other modules' server)."""
    started, reason = pgserver.start_or_reason()
    if started is None:
        pytest.skip(f"no PostgreSQL server: {reason}")
    yield started
    started.stop()
    assert not started.folder.exists()


@pytest.fixture
def database(cluster: Cluster, request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh database of the module's cluster; its name."""
    name = database_name(request.node.name)
    cluster.create_database(name)
    yield name
    cluster.drop_database(name)


def scalar(url: str, sql: str) -> object:
    """One value through SQLAlchemy (the way the data layer will connect)."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.exec_driver_sql(sql).scalar()
    finally:
        engine.dispose()


def test_cluster_listens_on_localhost_only_with_throwaway_settings(cluster: Cluster) -> None:
    assert cluster.host == "127.0.0.1"
    assert (cluster.folder / f".s.PGSQL.{cluster.port}").exists()  # the socket: in our folder
    shown = cluster.psql(
        "SHOW listen_addresses; SHOW fsync; SHOW synchronous_commit; SHOW full_page_writes; "
        "SHOW shared_buffers; SHOW max_connections; SHOW server_encoding"
    )
    assert shown.splitlines() == ["127.0.0.1", "off", "off", "off", "64MB", "100", "UTF8"]
    if os.geteuid() == 0:
        assert cluster.data.stat().st_uid == pwd.getpwnam("postgres").pw_uid


def test_superuser_connects_over_tcp_with_its_password(cluster: Cluster) -> None:
    url = cluster.url()
    parsed = make_url(url)
    assert (parsed.drivername, parsed.username, parsed.password) == (
        "postgresql+psycopg",
        "kremlin",
        cluster.password,
    )
    assert (parsed.host, parsed.port, parsed.database) == ("127.0.0.1", cluster.port, "postgres")
    assert scalar(url, "SELECT current_user || ' ' || host(inet_server_addr())") == (
        "kremlin 127.0.0.1"
    )
    assert scalar(url, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user") is True


def test_a_wrong_password_is_refused(cluster: Cluster) -> None:
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        cluster.connect(password="not-" + cluster.password)
    with pytest.raises(sa.exc.OperationalError, match="password authentication failed"):
        scalar(cluster.url(password="wrong"), "SELECT 1")


def test_psql_returns_rows_and_raises_on_errors(cluster: Cluster) -> None:
    assert cluster.psql("SELECT 1, NULL, 'a'; SELECT 2 UNION ALL SELECT 3") == "1\t\ta\n2\n3"
    assert cluster.psql("SET search_path = public") == ""
    with pytest.raises(errors.UndefinedTable):
        cluster.psql("SELECT * FROM no_such_table")


def test_create_and_drop_database(cluster: Cluster) -> None:
    name = database_name("test_create_and_drop")
    url = cluster.create_database(name)
    assert make_url(url).database == name
    with cluster.connect(name) as open_conn:
        open_conn.execute("CREATE TABLE t (x int)")
        cluster.drop_database(name)  # closes the connection still open
        with pytest.raises(psycopg.OperationalError):
            open_conn.execute("SELECT 1")
    assert cluster.psql(f"SELECT count(*) FROM pg_database WHERE datname = '{name}'") == "0"
    cluster.drop_database(name)  # already gone: nothing to do


def test_a_read_only_role_cannot_write(cluster: Cluster, database: str) -> None:
    cluster.psql("CREATE TABLE person (name text); INSERT INTO person VALUES ('Ежов')", database)
    role = database_name("reader")
    cluster.create_role(role, "secret pass/@:", grants="pg_read_all_data")
    try:
        url = cluster.url(database, user=role, password="secret pass/@:")
        assert scalar(url, "SELECT name FROM person") == "Ежов"
        with cluster.connect(database, user=role, password="secret pass/@:") as conn:
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute("INSERT INTO person VALUES ('Ягода')")
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute("CREATE TABLE mine (x int)")
        assert make_url(cluster.url(database, user=role)).password is None
    finally:
        cluster.drop_role(role)


def test_a_role_without_login_cannot_connect(cluster: Cluster) -> None:
    role = database_name("nologin")
    cluster.create_role(role, "pw", login=False)
    try:
        with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
            cluster.connect(user=role, password="pw")
    finally:
        cluster.drop_role(role)


def test_restart_keeps_the_port_and_drops_connections(cluster: Cluster) -> None:
    port = cluster.port
    with cluster.connect() as before:
        cluster.restart()
        with pytest.raises(psycopg.OperationalError):
            before.execute("SELECT 1")
    assert cluster.port == port
    assert scalar(cluster.url(), "SELECT current_setting('port')") == str(port)


def test_two_databases_at_once(cluster: Cluster) -> None:
    names = [database_name("test_two_a"), database_name("test_two_b")]
    urls = [cluster.create_database(name) for name in names]
    engines = [sa.create_engine(url) for url in urls]
    try:
        with engines[0].begin() as a, engines[1].begin() as b:
            a.exec_driver_sql("CREATE TABLE only_in_a (x int)")
            a.exec_driver_sql("INSERT INTO only_in_a VALUES (1)")
            b.exec_driver_sql("CREATE TABLE only_in_b (y int)")
        assert sa.inspect(engines[0]).get_table_names() == ["only_in_a"]
        assert sa.inspect(engines[1]).get_table_names() == ["only_in_b"]
    finally:
        for engine in engines:
            engine.dispose()
        for name in names:
            cluster.drop_database(name)


def test_a_shared_server_works_but_refuses_restart_and_stop(cluster: Cluster) -> None:
    shared = SharedServer.from_url(cluster.url())
    shared.check()
    assert (shared.host, shared.port, shared.superuser, shared.owned) == (
        "127.0.0.1",
        cluster.port,
        "kremlin",
        False,
    )
    name = database_name("test_shared")
    assert scalar(shared.create_database(name), "SELECT current_database()") == name
    shared.drop_database(name)
    with pytest.raises(ClusterError, match="shared"):
        shared.restart()
    with pytest.raises(ClusterError, match="shared"):
        shared.stop()


def test_an_unusable_shared_url_is_a_reason_without_its_password(cluster: Cluster) -> None:
    url = cluster.url(password="wrong-password")
    server, reason = pgserver._shared_or_reason(url)
    assert server is None
    assert "KREMLIN_TEST_PG=" in reason and "password authentication failed" in reason
    assert "wrong-password" not in reason


def test_reasons_when_no_cluster_can_start(tmp_path: Path) -> None:
    assert pgserver.start_or_reason(bindir=tmp_path) == (
        None,
        f"{tmp_path} lacks one of initdb, pg_ctl, postgres",
    )
    real = pgserver.find_bindir()
    if real is None:
        pytest.skip("no PostgreSQL binaries to fake a failing initdb with")
    # As root the server runs as `postgres`: the fake bin folder must be one it can reach.
    with tempfile.TemporaryDirectory() as fake:
        bindir = Path(fake)
        bindir.chmod(0o755)
        for tool in ("pg_ctl", "postgres"):
            (bindir / tool).symlink_to(real / tool)
        initdb = bindir / "initdb"
        initdb.write_text(
            '#!/bin/sh\necho "noise" >&2\necho "initdb: error: disk on fire" >&2\nexit 1\n'
        )
        initdb.chmod(0o755)
        assert pgserver.start_or_reason(bindir=bindir) == (
            None,
            "initdb failed: initdb: error: disk on fire",
        )


def test_find_bindir_prefers_PG_BINDIR(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PG_BINDIR", str(tmp_path))  # no initdb there: the next candidate
    fallback = pgserver.find_bindir()
    assert fallback != tmp_path
    if fallback is not None:
        monkeypatch.setenv("PG_BINDIR", str(fallback))
        assert pgserver.find_bindir() == fallback


def test_clusters_of_dead_processes_are_reaped(tmp_path: Path) -> None:
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    stale, alive, foreign = (tmp_path / f"kremlin-pg-{n}" for n in ("stale", "alive", "x"))
    for folder, owner in ((stale, dead.stdout), (alive, f"{os.getpid()}\n"), (foreign, None)):
        folder.mkdir()
        if owner is not None:
            (folder / "owner.pid").write_text(owner)
    pgserver._reap_stale(tmp_path, pgserver._Runner(tmp_path, None))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kremlin-pg-alive", "kremlin-pg-x"]


@pytest.mark.parametrize(
    "test_name",
    [
        "test_x",
        "test_search[Ежов-jeschow]",
        "1st test",
        "Кремль",
        "test_" + "long_name_" * 20,
    ],
)
def test_database_names_are_safe_unique_and_short(test_name: str) -> None:
    first, second = database_name(test_name), database_name(test_name)
    assert first != second
    for name in (first, second):
        assert len(name.encode()) <= 63
        assert name[0].isalpha() and name.replace("_", "").isalnum() and name.isascii()
        assert name == name.lower()
