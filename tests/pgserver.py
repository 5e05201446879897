"""A throwaway PostgreSQL server for the tests.

`Cluster.start(base)` runs `initdb` in a fresh folder under `base` and starts the server with
`pg_ctl -w`, listening only on 127.0.0.1 on a free port (its unix socket in the same folder), with
the settings of a server whose data nobody wants back (no fsync, no full-page writes). The
superuser is `kremlin` with a random password: `trust` over the unix socket, SCRAM over TCP,
which is how the tests connect. As root (initdb refuses root) every server command runs as the
`postgres` user and the folder belongs to it.

`server_or_reason()` is what fixtures use: the server of this process, or why there is none.
When `KREMLIN_TEST_PG` holds the superuser URL of a running server (one for all pytest-xdist
workers, or a CI service container), that server is used and never stopped or restarted here;
otherwise each process starts its own cluster on first use and stops it at exit.

SQL goes through psycopg 3 (`psycopg[binary]`), not the psql binary: CI needs no client tools.
"""

from __future__ import annotations

import atexit
import contextlib
import grp
import importlib.util
import os
import pwd
import re
import secrets
import shutil
import socket
import stat
import subprocess
import tempfile
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import URL, make_url

if TYPE_CHECKING:
    import psycopg

__all__ = [
    "ENV_URL",
    "HOST",
    "SUPERUSER",
    "Cluster",
    "ClusterError",
    "Server",
    "SharedServer",
    "find_bindir",
    "server_or_reason",
    "start_or_reason",
    "stop_process_server",
]

ENV_URL = "KREMLIN_TEST_PG"
"""Environment variable: superuser URL of a running server to use instead of starting one."""
HOST = "127.0.0.1"
SUPERUSER = "kremlin"
SCHEME = "postgresql+psycopg"
FOLDER_PREFIX = "kremlin-pg-"
OWNER_FILE = "owner.pid"
"""In each cluster folder: the pid of the process that started it (stale clusters are reaped)."""
SERVER_USER = "postgres"
"""Who runs the server when we are root."""
TOOLS = ("initdb", "pg_ctl", "postgres")
TIMEOUT = 60  # seconds: pg_ctl's own wait and every subprocess
SOCKET_PATH_MAX = 100  # sun_path is 108 bytes on Linux; ".s.PGSQL.65535" must fit after the dir
SETTINGS: Mapping[str, str] = {
    "listen_addresses": "'127.0.0.1'",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "shared_buffers": "64MB",
    "max_connections": "100",
}
"""postgresql.conf settings of a throwaway server (plus port and unix_socket_directories)."""


class ClusterError(RuntimeError):
    """A cluster could not be created, started, restarted or stopped, or the server refuses an
    operation (restarting a shared server)."""


# -- Finding the binaries -------------------------------------------------------------------------


def _has_tools(bindir: Path) -> bool:
    return all(os.access(bindir / tool, os.X_OK) for tool in TOOLS)


def _version_key(bindir: Path) -> tuple[int, ...]:
    """/usr/lib/postgresql/15/bin -> (15,); 9.6 -> (9, 6)."""
    return tuple(int(part) for part in re.findall(r"\d+", bindir.parent.name)) or (0,)


def _candidates() -> list[Path]:
    found: list[Path] = []
    if env := os.environ.get("PG_BINDIR"):
        found.append(Path(env))
    if pg_config := shutil.which("pg_config"):
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            out = subprocess.run(
                [pg_config, "--bindir"], capture_output=True, text=True, timeout=10, check=True
            ).stdout.strip()
            if out:
                found.append(Path(out))
    installed = Path("/usr/lib/postgresql").glob("*/bin")
    found.extend(sorted(installed, key=_version_key, reverse=True))
    if initdb := shutil.which("initdb"):  # elsewhere (Fedora, Homebrew): initdb on PATH
        found.append(Path(initdb).resolve().parent)
    return found


def find_bindir() -> Path | None:
    """The PostgreSQL bin folder that has initdb, pg_ctl and postgres: $PG_BINDIR,
    `pg_config --bindir`, the highest /usr/lib/postgresql/*/bin, then initdb's folder on PATH;
    None if there is none."""
    return next((d for d in _candidates() if _has_tools(d)), None)


# -- Running server commands ----------------------------------------------------------------------


def _server_uid() -> int | None:
    """The uid to run the server as: None for ourselves, the `postgres` user's when we are root."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam(SERVER_USER).pw_uid
    except KeyError:
        raise ClusterError(
            f"running as root (initdb refuses root) and there is no {SERVER_USER!r} user to run "
            "the server as; install the PostgreSQL server package or run as another user"
        ) from None


def _as_server_user() -> list[str]:
    """The command prefix that runs a program as the `postgres` user (root only)."""
    if runuser := shutil.which("runuser"):
        return [runuser, "-u", SERVER_USER, "--"]
    if setpriv := shutil.which("setpriv"):
        return [setpriv, f"--reuid={SERVER_USER}", f"--regid={SERVER_USER}", "--init-groups", "--"]
    raise ClusterError(
        f"running as root, and neither runuser nor setpriv is there to run the server as "
        f"{SERVER_USER!r} (initdb refuses root)"
    )


def _server_env() -> dict[str, str]:
    """Our environment without libpq/server variables (PGDATA, PGPORT …), messages in English."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    for name in ("LC_ALL", "LANGUAGE"):
        env.pop(name, None)
    env["LC_MESSAGES"] = "C"
    return env


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else "(no output)"


class _Runner:
    """Runs the server's programs from one bin folder, as the `postgres` user when we are root."""

    def __init__(self, bindir: Path, uid: int | None) -> None:
        self.bindir = bindir
        self.prefix = _as_server_user() if uid is not None else []

    def run(self, tool: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        """Run one tool; never raises for its exit status (callers read returncode/stderr)."""
        command = [*self.prefix, str(self.bindir / tool), *args]
        try:
            return subprocess.run(
                command,
                cwd=cwd,
                env=_server_env(),
                capture_output=True,
                text=True,
                timeout=TIMEOUT + 10,
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired as e:
            raise ClusterError(f"{tool} did not finish within {TIMEOUT + 10} s") from e
        except OSError as e:
            raise ClusterError(f"cannot run {tool}: {e}") from e


# -- The folder -----------------------------------------------------------------------------------


def _searchable_by(path: Path, uid: int) -> bool:
    """Can user `uid` traverse every folder from / down to `path`?"""
    groups = {g.gr_gid for g in _groups_of(uid)}
    for folder in [path, *path.parents]:
        st = folder.stat()
        if st.st_uid == uid:
            bit = stat.S_IXUSR
        elif st.st_gid in groups:
            bit = stat.S_IXGRP
        else:
            bit = stat.S_IXOTH
        if not st.st_mode & bit:
            return False
    return True


def _groups_of(uid: int) -> list[grp.struct_group]:
    user = pwd.getpwuid(uid)
    return [g for g in grp.getgrall() if user.pw_name in g.gr_mem or g.gr_gid == user.pw_gid]


def _make_folder(base: Path, uid: int | None) -> Path:
    """A fresh 0700 folder under `base`, owned by the server's user, with our pid in it."""
    base.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX, dir=base)).resolve()
    (folder / OWNER_FILE).write_text(f"{os.getpid()}\n")
    if uid is not None:
        os.chown(folder, uid, -1)
        if not _searchable_by(folder, uid):
            shutil.rmtree(folder, ignore_errors=True)
            raise ClusterError(
                f"the {SERVER_USER!r} user cannot reach {folder} (a folder above it is not "
                f"searchable by it); use a base such as {tempfile.gettempdir()}"
            )
    return folder


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _reap_stale(base: Path, runner: _Runner) -> None:
    """Stop and remove clusters under `base` whose starting process is gone (killed workers)."""
    for folder in base.glob(f"{FOLDER_PREFIX}*"):
        try:
            pid = int((folder / OWNER_FILE).read_text().strip())
        except (OSError, ValueError):
            continue  # not ours, or being created right now
        if pid == os.getpid() or _pid_alive(pid):
            continue
        if (folder / "data" / "postmaster.pid").exists():
            with contextlib.suppress(ClusterError):
                runner.run(
                    "pg_ctl",
                    "stop",
                    "-D",
                    str(folder / "data"),
                    "-m",
                    "immediate",
                    "-w",
                    cwd=folder,
                )
        shutil.rmtree(folder, ignore_errors=True)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


# -- SQL through psycopg --------------------------------------------------------------------------


def _psycopg() -> Any:
    """psycopg 3, imported on first use so that this module loads (and explains) without it."""
    import psycopg

    return psycopg


def _rows_as_text(cursor: psycopg.Cursor[Any]) -> list[str]:
    """Every result set of the last execute, like `psql -At`: tab-separated, NULL as empty."""
    lines: list[str] = []
    while True:
        if cursor.description is not None:
            for row in cursor.fetchall():
                lines.append("\t".join("" if v is None else str(v) for v in row))
        if not cursor.nextset():
            return lines


# -- Servers --------------------------------------------------------------------------------------


class Server:
    """A running PostgreSQL server we hold a superuser's password for: URLs, databases, roles
    and SQL. `Cluster` is one we started; `SharedServer` one given by KREMLIN_TEST_PG."""

    owned = False
    """True for a server this process started (and may restart and stop)."""

    def __init__(
        self,
        *,
        host: str,
        port: int,
        password: str,
        superuser: str = SUPERUSER,
        query: Mapping[str, str] | None = None,
    ) -> None:
        self.host = host
        self.port = port
        self.password = password
        self.superuser = superuser
        self._query = dict(query or {})

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.superuser}@{self.host}:{self.port}>"

    def url(
        self, dbname: str = "postgres", user: str | None = None, password: str | None = None
    ) -> str:
        """SQLAlchemy URL (postgresql+psycopg://) of a database, as the superuser by default.
        The password goes in the URL (connections are TCP): the superuser's unless another is
        given; none for another user without one."""
        user = user or self.superuser
        if password is None and user == self.superuser:
            password = self.password
        url = URL.create(
            SCHEME,
            username=user,
            password=password,
            host=self.host,
            port=self.port,
            database=dbname,
            query=self._query,
        )
        return url.render_as_string(hide_password=False)

    def connect(
        self, dbname: str = "postgres", user: str | None = None, password: str | None = None
    ) -> psycopg.Connection[Any]:
        """A psycopg connection in autocommit mode (the superuser's by default)."""
        user = user or self.superuser
        if password is None and user == self.superuser:
            password = self.password
        params: dict[str, Any] = {**self._query, "connect_timeout": 10}
        conn: psycopg.Connection[Any] = _psycopg().connect(
            host=self.host,
            port=self.port,
            user=user,
            password=password or "",
            dbname=dbname,
            autocommit=True,
            **params,
        )
        return conn

    def psql(self, sql: str, dbname: str = "postgres") -> str:
        """Run SQL (one or more statements, no parameters) as the superuser; the rows of every
        result, one per line, columns tab-separated. Raises psycopg.Error on an SQL error."""
        with self.connect(dbname) as conn, conn.cursor() as cur:
            cur.execute(sql.encode())  # bytes: several statements in one simple query
            return "\n".join(_rows_as_text(cur))

    def _execute(self, statement: Any, dbname: str = "postgres") -> None:
        with self.connect(dbname) as conn:
            conn.execute(statement)

    def create_database(self, name: str) -> str:
        """Create an empty database owned by the superuser; its URL."""
        from psycopg import sql

        self._execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return self.url(name)

    def drop_database(self, name: str) -> None:
        """Drop a database if it exists, closing whatever connections it still has."""
        from psycopg import sql

        self._execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )

    def create_role(
        self, name: str, password: str, *, login: bool = True, grants: str = ""
    ) -> None:
        """Create a role (LOGIN unless told otherwise) with a password, and make it a member of
        the comma-separated roles in `grants`, e.g. "pg_read_all_data" (reads every table of
        every database, writes nothing) or "pg_read_all_data, pg_write_all_data". Grants on
        single objects are per database: give them with psql(..., dbname=...)."""
        from psycopg import sql

        statements = [
            sql.SQL("CREATE ROLE {} WITH {} PASSWORD {}").format(
                sql.Identifier(name),
                sql.SQL("LOGIN" if login else "NOLOGIN"),
                sql.Literal(password),
            )
        ]
        for member_of in filter(None, (g.strip() for g in grants.split(","))):
            statements.append(
                sql.SQL("GRANT {} TO {}").format(sql.Identifier(member_of), sql.Identifier(name))
            )
        with self.connect() as conn, conn.transaction():
            for statement in statements:
                conn.execute(statement)

    def drop_role(self, name: str) -> None:
        """Drop a role if it exists (it must own nothing: drop its databases first)."""
        from psycopg import sql

        self._execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(name)))

    def restart(self) -> None:
        """Restart the server on the same port (open connections are dropped)."""
        raise ClusterError(f"{self!r} is not ours to restart")

    def stop(self) -> None:
        """Stop the server and remove its files."""
        raise ClusterError(f"{self!r} is not ours to stop")


class SharedServer(Server):
    """A running server given by its superuser URL (KREMLIN_TEST_PG), shared by every pytest
    worker: restart() and stop() refuse, since other processes are using it."""

    @classmethod
    def from_url(cls, url: str) -> SharedServer:
        """The server at a superuser URL (postgresql://, postgresql+psycopg:// …, TCP)."""
        parsed = make_url(url)
        if not parsed.drivername.startswith("postgresql"):
            raise ClusterError(f"{parsed.drivername}:// is not a PostgreSQL URL")
        query = {k: v if isinstance(v, str) else v[-1] for k, v in parsed.query.items()}
        return cls(
            host=parsed.host or HOST,
            port=parsed.port or 5432,
            password=parsed.password or "",
            superuser=parsed.username or SUPERUSER,
            query=query,
        )

    def check(self) -> None:
        """Raise ClusterError unless we can connect and are a superuser."""
        try:
            superuser = self.psql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        except Exception as e:
            raise ClusterError(f"cannot connect: {_one_line(str(e))}") from e
        if superuser != "True":
            raise ClusterError(f"{self.superuser!r} is not a superuser")

    def restart(self) -> None:
        """Refuses: a shared server belongs to whoever started it."""
        raise ClusterError(f"{self!r} comes from {ENV_URL} and is shared: it is not restarted")

    def stop(self) -> None:
        """Refuses: a shared server belongs to whoever started it."""
        raise ClusterError(f"{self!r} comes from {ENV_URL} and is shared: it is not stopped")


class Cluster(Server):
    """A cluster this process created and started: its folder (data, log, unix socket) is
    removed by stop()."""

    owned = True

    def __init__(self, *, folder: Path, runner: _Runner, port: int, password: str) -> None:
        super().__init__(host=HOST, port=port, password=password)
        self.folder = folder
        self.data = folder / "data"
        self.log = folder / "server.log"
        self._runner = runner
        self._stopped = False

    @classmethod
    def start(cls, base: Path, bindir: Path | None = None) -> Cluster:
        """initdb a cluster in a fresh folder under `base` and start it; ClusterError (with the
        tool's last line of stderr) if either fails."""
        bindir = bindir or find_bindir()
        if bindir is None or not _has_tools(bindir):
            raise ClusterError(_no_binaries_reason(bindir))
        uid = _server_uid()
        runner = _Runner(bindir, uid)
        base = Path(base)
        if base.is_dir():
            _reap_stale(base, runner)
        folder = _make_folder(base, uid)
        cluster = cls(folder=folder, runner=runner, port=0, password=secrets.token_urlsafe(18))
        try:
            cluster._initdb(uid)
            cluster._launch()
        except BaseException:
            cluster._discard()
            raise
        return cluster

    def _initdb(self, uid: int | None) -> None:
        pwfile = self.folder / "pwfile"
        pwfile.write_text(self.password + "\n")
        pwfile.chmod(0o600)
        if uid is not None:
            os.chown(pwfile, uid, -1)
        try:
            failure = ""
            for locale in ("C.UTF-8", "C"):
                shutil.rmtree(self.data, ignore_errors=True)
                done = self._runner.run(
                    "initdb",
                    "--no-sync",
                    "-E",
                    "UTF8",
                    f"--locale={locale}",
                    "-U",
                    SUPERUSER,
                    "--auth-local=trust",
                    "--auth-host=scram-sha-256",
                    f"--pwfile={pwfile}",
                    "-D",
                    str(self.data),
                    cwd=self.folder,
                )
                if done.returncode == 0:
                    return
                failure = _last_line(done.stderr or done.stdout)
            raise ClusterError(f"initdb failed: {failure}")
        finally:
            pwfile.unlink(missing_ok=True)

    def _write_settings(self) -> None:
        settings = {
            **SETTINGS,
            "port": str(self.port),
            "unix_socket_directories": f"'{self._socket_dir()}'",
        }
        lines = "".join(f"{k} = {v}\n" for k, v in settings.items())
        # Our own file, included last: a retry on another port rewrites it; restart rereads it.
        (self.data / "kremlin.conf").write_text(lines)
        conf = self.data / "postgresql.conf"
        text = conf.read_text()
        if "include 'kremlin.conf'" not in text:
            conf.write_text(text + "\ninclude 'kremlin.conf'\n")

    def _socket_dir(self) -> str:
        """The folder itself, or '' (TCP only) where its path is too long for a socket."""
        path = str(self.folder)
        return path if len(path) + len("/.s.PGSQL.65535") <= SOCKET_PATH_MAX else ""

    def _launch(self, attempts: int = 3) -> None:
        """pg_ctl start -w on a free port; another port if one was taken in between."""
        failure = ""
        for _ in range(attempts):
            self.port = _free_port()
            self._write_settings()
            done = self._pg_ctl("start", "-l", str(self.log))
            if done.returncode == 0:
                return
            failure = self._failure("pg_ctl start", done)
            if "already in use" not in self._log_tail():
                break
        raise ClusterError(failure)

    def _pg_ctl(self, action: str, *args: str) -> subprocess.CompletedProcess[str]:
        return self._runner.run(
            "pg_ctl", action, "-D", str(self.data), "-w", "-t", str(TIMEOUT), *args, cwd=self.folder
        )

    def _log_tail(self) -> str:
        try:
            return self.log.read_text(errors="replace")[-2000:]
        except OSError:
            return ""

    def _failure(self, what: str, done: subprocess.CompletedProcess[str]) -> str:
        log = [line for line in self._log_tail().splitlines() if line.strip()]
        detail = log[-1] if log else _last_line(done.stderr or done.stdout)
        return f"{what} failed: {detail}"

    def restart(self) -> None:
        """pg_ctl restart -w (fast shutdown: open connections are dropped), same port."""
        if self._stopped:
            raise ClusterError(f"{self!r} is stopped")
        done = self._pg_ctl("restart", "-m", "fast", "-l", str(self.log))
        if done.returncode != 0:
            raise ClusterError(self._failure("pg_ctl restart", done))

    def stop(self) -> None:
        """pg_ctl stop -m immediate and remove the folder; does nothing the second time."""
        if self._stopped:
            return
        try:
            if (self.data / "postmaster.pid").exists():
                done = self._pg_ctl("stop", "-m", "immediate")
                if done.returncode != 0 and (self.data / "postmaster.pid").exists():
                    raise ClusterError(self._failure("pg_ctl stop", done))
        finally:
            self._discard()

    def _discard(self) -> None:
        self._stopped = True
        shutil.rmtree(self.folder, ignore_errors=True)

    @property
    def stopped(self) -> bool:
        """True once stop() has run."""
        return self._stopped


def _no_binaries_reason(bindir: Path | None) -> str:
    if bindir is not None:
        return f"{bindir} lacks one of {', '.join(TOOLS)}"
    return (
        "no PostgreSQL server binaries (initdb, pg_ctl, postgres) found in $PG_BINDIR, "
        "`pg_config --bindir` or /usr/lib/postgresql/*/bin; `bash .ci/postgres.sh` installs them"
    )


# -- One server per process -----------------------------------------------------------------------


def start_or_reason(
    base: Path | None = None, bindir: Path | None = None
) -> tuple[Cluster | None, str]:
    """Start a new cluster under `base` (the temp folder by default); (None, why not) instead
    of raising. The caller stops it."""
    if importlib.util.find_spec("psycopg") is None:
        return None, "psycopg is not installed (pip install 'psycopg[binary]')"
    try:
        return Cluster.start(base or Path(tempfile.gettempdir()), bindir), ""
    except ClusterError as e:
        return None, str(e)
    except Exception as e:  # anything else (a full disk …) is a reason too, never a crash
        return None, f"cannot start PostgreSQL: {type(e).__name__}: {e}"


def _shared_or_reason(url: str) -> tuple[Server | None, str]:
    shown = url
    with contextlib.suppress(Exception):
        shown = make_url(url).render_as_string(hide_password=True)
    if importlib.util.find_spec("psycopg") is None:
        return None, "psycopg is not installed (pip install 'psycopg[binary]')"
    try:
        server = SharedServer.from_url(url)
        server.check()
    except Exception as e:
        return None, f"{ENV_URL}={shown} cannot be used: {e}"
    return server, ""


_lock = threading.Lock()
_process_server: tuple[Server | None, str] | None = None


def server_or_reason() -> tuple[Server | None, str]:
    """This process's server, or why there is none; never raises. The server of $KREMLIN_TEST_PG
    when set, else a cluster started on the first call and stopped at exit (atexit, and
    stop_process_server() from the session fixture). The answer is remembered."""
    global _process_server
    with _lock:
        if _process_server is None:
            if url := os.environ.get(ENV_URL, "").strip():
                _process_server = _shared_or_reason(url)
            else:
                cluster, reason = start_or_reason()
                if cluster is not None:
                    atexit.register(_stop_quietly, cluster)
                _process_server = (cluster, reason)
        return _process_server


def stop_process_server() -> None:
    """Stop the cluster server_or_reason() started (not a shared one); the next call starts a
    new one."""
    global _process_server
    with _lock:
        server = _process_server[0] if _process_server else None
        if isinstance(server, Cluster):
            _stop_quietly(server)
            _process_server = None


def _stop_quietly(cluster: Cluster) -> None:
    with contextlib.suppress(Exception):
        cluster.stop()
