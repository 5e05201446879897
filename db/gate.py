"""The archive gate: every check an archive passes before the app reads it.

The gate, in order (each step names the path and the problem when it fails):

1. the path exists, is a regular file (not a folder, FIFO or device — checked with ``stat``
   *before* SQLite sees it, because ``connect()`` on a FIFO hangs), is readable and not empty;
2. the 100-byte header says SQLite, holds possible values (page size, formats, encoding),
   rollback journal (not WAL), our ``application_id`` and our ``user_version``; no unfinished
   rollback journal lies beside the file;
3. SQLite opens it through ``Path.as_uri() + "?mode=ro"`` (never creates a file, whatever
   characters the name holds) with ``trusted_schema`` off (no function runs from the schema),
   ``cell_size_check`` on and values capped at :data:`FIELD_LIMIT` bytes;
4. ``PRAGMA integrity_check`` (files up to :data:`DEEP_CHECK_LIMIT`: it also proves that every
   index matches its table) or ``PRAGMA quick_check`` (up to :data:`QUICK_CHECK_LIMIT`);
5. the schema is exactly the one this program writes: the same tables, indexes and search
   tables with the same definitions, and no view, trigger or other object (a view that recurses
   forever or calls a function is refused here, before anything could query it), and the one
   structured value the app parses (the chart summary's published figures) parses, and the
   values keep the archive contract (:mod:`db.contract`: ids, dates, years, ranks, counts,
   control characters) — every row for files up to :data:`DEEP_CHECK_LIMIT`, index probes and
   a spread sample for larger ones (whose full check the app runs in the background);
6. files up to :data:`DEEP_CHECK_LIMIT` (every real archive but the generated giants): every
   value has the storage class its column declares and fits :data:`FIELD_LIMIT`, and the FTS5
   index passes its own ``integrity-check`` on a private in-memory copy.

Steps 3–6 run under a work budget counted in SQLite virtual-machine steps
(:data:`GATE_STEPS` plus :data:`GATE_STEPS_PER_MB` per megabyte of file), not under a clock:
the same file gets the same verdict on an idle machine and on a busy one.
Every failure — ``sqlite3.Error``, ``OSError``, ``UnicodeDecodeError``, ``MemoryError``,
anything else — ends as a :class:`db.errors.ArchiveError` whose ``family`` says what kind of
problem it was.
"""

from __future__ import annotations

import logging
import sqlite3
import stat
from dataclasses import dataclass, field
from pathlib import Path

from db import contract, errors
from db.errors import Plural, Text
from db.i18n import N_, language
from db.schema_facts import (
    APPLICATION_ID,
    EXPECTED_SCHEMA,
    SCHEMA_VERSION,
    SEARCH_TABLES,
    TABLE_COLUMNS,
)

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")
#: Files between DEEP_CHECK_LIMIT and this get SQLite's quick_check after they open, in the
#: background; larger ones none (it would cost seconds at 3M people).
QUICK_CHECK_LIMIT = 256 * 1024 * 1024
#: Files up to this size get the value scan and FTS5's integrity-check (in-memory copy).
DEEP_CHECK_LIMIT = 64 * 1024 * 1024
#: Files up to this size get every row's contract check before they open (the bundled
#: archive: 4 ms); larger ones get index probes and a sample, and the app checks every row
#: in the background (a 33 MB archive's rows take ~0.4 s, which the first paint need not wait).
CONTRACT_FULL_LIMIT = 16 * 1024 * 1024
#: Largest value (bytes) any connection reads; longer ones raise "string or blob too big".
#: Real fields are below 10 KB; 8 MiB leaves room for long texts and refuses 60 MB traps.
FIELD_LIMIT = 8 * 1024 * 1024
#: SQLite calls the progress handler once per this many virtual-machine instructions.
STEPS_PER_CALL = 1000
#: The validation queries' work budget, in virtual-machine instructions: a fixed part plus a
#: part per megabyte of file, so a hostile file cannot stall the gate.  Real archives use a
#: fraction of it (measured: the bundled archive 0.4 million, a generated 62 MB archive with
#: 40,000 people 54 million of its 360 million).
GATE_STEPS = 50_000_000
GATE_STEPS_PER_MB = 5_000_000


@dataclass(frozen=True)
class ArchiveInfo:
    """What ``kremlin-archive info`` and Help → About show."""

    path: Path
    title: str
    data_version: str
    schema_version: int
    counts: dict[str, int]
    size_bytes: int
    integrity_checked: bool
    meta: dict[str, str] = field(default_factory=dict)
    #: True when every value and the search index were checked (files ≤ gate.DEEP_CHECK_LIMIT).
    deep_checked: bool = False
    #: True when every row was checked against the contract (files ≤ CONTRACT_FULL_LIMIT).
    contract_checked: bool = False
    #: Where it is, as the reader may see it: the file's path, or a server address without
    #: its password (``path`` is then only a label, ``db@host``, never a file).
    location: str = ""
    #: True for an archive on a PostgreSQL server.
    server: bool = False

    def __post_init__(self) -> None:
        if not self.location:
            object.__setattr__(self, "location", str(self.path))

    @property
    def reader_title(self) -> str:
        """The title in the reader's language: the Russian one (``meta`` ``title_ru``) in
        Russian when the archive has one, else its title."""
        russian = self.meta.get("title_ru")
        return russian if language() == "ru" and russian else self.title

    @property
    def cited_as(self) -> str:
        """Where a citation says the archive was read: the file's name, or the server's
        address without a user name (``postgresql://host/db``; readers differ, the place not)."""
        if self.server:
            from db.pg.url import citable

            return citable(self.location)
        return self.path.name


def _tolerant_text(data: bytes) -> str:
    # Damaged archives may hold invalid UTF-8; show replacement characters instead of failing.
    return data.decode("utf-8", errors="replace")


def harden(conn: sqlite3.Connection) -> sqlite3.Connection:
    """Settings every connection to an archive gets (gate, app, in-memory copies)."""
    conn.text_factory = _tolerant_text
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, FIELD_LIMIT)
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA cell_size_check = ON")
    return conn


class StepBudget:
    """A work budget for SQLite queries: a progress handler that interrupts after N calls.

    Counting instructions instead of reading a clock makes a refusal reproducible: whether a
    file is "too much work" does not depend on what else the machine is doing.
    """

    def __init__(self, steps: int) -> None:
        self.calls_left = max(steps // STEPS_PER_CALL, 1)
        self.used = 0

    def _tick(self) -> int:
        self.used += 1
        return int(self.used > self.calls_left)

    def install(self, conn: sqlite3.Connection) -> None:
        """Count ``conn``'s work against this budget (shared by every connection given)."""
        conn.set_progress_handler(self._tick, STEPS_PER_CALL)

    @staticmethod
    def remove(conn: sqlite3.Connection) -> None:
        """Stop counting ``conn``'s work."""
        conn.set_progress_handler(None, 0)


def gate_budget(size: int) -> StepBudget:
    """The work budget of the gate for a file of ``size`` bytes."""
    return StepBudget(GATE_STEPS + GATE_STEPS_PER_MB * (size // (1024 * 1024)))


# -- steps 1 and 2: the file itself ------------------------------------------------------------


#: Archives above this size (and up to :data:`DEEP_CHECK_LIMIT`) take long enough to open
#: (whole-file checks, ~25 ms per MB) that the window is painted before they run.
SLOW_OPEN_SIZE = 4 * 1024 * 1024


def slow_to_open(path: Path) -> bool:
    """Will opening ``path`` run checks that read the whole file (a noticeable wait)?

    Smaller archives open in a few ms; larger ones get index probes only before the first
    paint (their page checks run in the background afterwards).
    """
    try:
        size = path.stat().st_size
    except (OSError, ValueError):
        return False
    return SLOW_OPEN_SIZE < size <= DEEP_CHECK_LIMIT


def limits() -> tuple[int, ...]:
    """The limits a verdict of this gate depends on (:mod:`db.verified` keys its memo on them)."""
    return (
        QUICK_CHECK_LIMIT,
        DEEP_CHECK_LIMIT,
        CONTRACT_FULL_LIMIT,
        FIELD_LIMIT,
        GATE_STEPS,
        GATE_STEPS_PER_MB,
        SCHEMA_VERSION,
    )


def stat_file(path: Path) -> int:
    """Step 1: the size of ``path``, a readable, non-empty regular file."""
    try:
        st = path.stat()
    except FileNotFoundError as exc:
        raise errors.ArchiveNotFound(path, Text(N_("no such file"))) from exc
    except PermissionError as exc:
        raise errors.ArchiveUnreadable(path, Text(N_("permission denied"))) from exc
    except (OSError, ValueError) as exc:  # ENAMETOOLONG, ELOOP, embedded NUL …
        raise errors.ArchiveNotFound(
            path, Text(N_("the path cannot be used ({error})"), error=exc)
        ) from exc
    if stat.S_ISDIR(st.st_mode):
        raise errors.ArchiveNotAFile(path, Text(N_("this is a folder, not an archive file")))
    if not stat.S_ISREG(st.st_mode):
        raise errors.ArchiveNotAFile(path, Text(N_("this is a device, pipe or socket, not a file")))
    if st.st_size == 0:
        raise errors.ArchiveEmpty(path, Text(N_("the file is empty (0 bytes)")))
    return st.st_size


def _read_start(path: Path, size: int) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(size)
    except PermissionError as exc:
        raise errors.ArchiveUnreadable(path, Text(N_("permission denied"))) from exc
    except OSError as exc:
        raise errors.ArchiveUnreadable(
            path, Text(N_("the file cannot be read ({error})"), error=exc.strerror)
        ) from exc


def check_header(path: Path) -> None:
    """Step 2: the 100-byte header is SQLite's, ours, and of this schema version."""
    header = _read_start(path, 100)
    if not header.startswith(SQLITE_MAGIC) or len(header) < 100:
        problem = (
            Text(N_("this is a text file, not a Kremlin Affair archive"))
            if _looks_like_text(header)
            else Text(N_("this is not a database, not a Kremlin Affair archive"))
        )
        raise errors.ArchiveNotSQLite(path, problem)
    damage = _header_damage(header)
    if damage:
        raise errors.ArchiveCorrupt(
            path, Text(N_("the file header is damaged ({damage})"), damage=damage), "bad-header"
        )
    if header[18] == 2 or header[19] == 2:
        raise errors.ArchiveUnsupported(
            path,
            Text(
                N_(
                    "the archive uses write-ahead logging (WAL); archives must be published in "
                    "rollback-journal mode so they can be opened read-only"
                )
            ),
        )
    app_id = int.from_bytes(header[68:72], "big")
    if app_id != APPLICATION_ID:
        raise errors.ArchiveForeign(
            path, Text(N_("this is an SQLite database, but not a Kremlin Affair archive"))
        )
    version = int.from_bytes(header[60:64], "big")
    if version != SCHEMA_VERSION:
        raise errors.ArchiveVersionMismatch(
            path,
            Text(
                N_("archive schema version {version}; this program reads version {ours}"),
                version=version,
                ours=SCHEMA_VERSION,
            ),
        )


def _header_damage(header: bytes) -> Text | None:
    """What is impossible in a 100-byte SQLite header (fields SQLite itself would trip on)."""
    page_size = int.from_bytes(header[16:18], "big")
    if page_size != 1 and (page_size < 512 or page_size & (page_size - 1)):
        return Text(N_("page size {size}"), size=page_size)
    if header[18] not in (1, 2) or header[19] not in (1, 2):
        return Text(N_("file format versions {write}/{read}"), write=header[18], read=header[19])
    if header[21:24] != b"\x40\x20\x20":
        return Text(N_("payload fractions"))
    schema_format = int.from_bytes(header[44:48], "big")
    if not 0 <= schema_format <= 4:  # 0: a database without any schema yet
        return Text(N_("schema format {format}"), format=schema_format)
    encoding = int.from_bytes(header[56:60], "big")
    if encoding not in (0, 1, 2, 3):  # 0: not set yet (empty database)
        return Text(N_("text encoding {encoding}"), encoding=encoding)
    return None


def check_siblings(path: Path) -> None:
    """Step 2: no unfinished rollback journal lies beside the file."""
    # A hot journal makes a read-only open fail with SQLITE_READONLY_ROLLBACK; name the cause.
    journal = path.with_name(path.name + "-journal")
    try:
        with journal.open("rb") as fh:
            start = fh.read(len(JOURNAL_MAGIC))
    except OSError:
        return
    if start == JOURNAL_MAGIC:
        raise errors.ArchiveUnsupported(
            path,
            Text(
                N_(
                    "an interrupted write left “{journal}” beside the archive; a published "
                    "archive never has one (open it once with SQLite to finish the write, or copy "
                    "the archive without it)"
                ),
                journal=journal.name,
            ),
            "needs-write",
        )


def _looks_like_text(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return b"\x00" not in data


# -- step 5: the schema is ours ------------------------------------------------------------------


def _normal_sql(sql: str | None) -> str:
    return " ".join((sql or "").replace('"', "").split())


def expected_schema() -> dict[tuple[str, str], str]:
    """``(type, name) → normalised SQL`` of every object the build writes.

    Rendered from :mod:`db.schema` and :mod:`db.search.index` into :mod:`db.schema_facts`
    (``python -m db.build.schema_facts``; a test fails when it is stale), so the gate never
    imports SQLAlchemy before the first rows are painted.
    """
    return dict(EXPECTED_SCHEMA)


def search_tables() -> tuple[str, ...]:
    """Names of the FTS5 tables an archive holds."""
    return SEARCH_TABLES


def _quote_list(names: list[str], limit: int = 3) -> str | Text:
    shown = ", ".join(f"'{n}'" for n in names[:limit])
    if len(names) <= limit:
        return shown
    return Text(N_("{names} and {n:,} more"), names=shown, n=len(names) - limit)


def _check_schema(conn: sqlite3.Connection, path: Path) -> None:
    expected = expected_schema()
    found: dict[tuple[str, str], str] = {}
    kinds: dict[str, str] = {}
    for kind, name, sql in conn.execute("SELECT type, name, sql FROM sqlite_schema"):
        found[(str(kind), str(name))] = _normal_sql(sql)
        kinds[str(name)] = str(kind)
    fts = set(search_tables())
    for kind, name in expected:
        if kind != "table" or (name not in TABLE_COLUMNS and name not in fts):
            continue
        if name not in kinds:
            absent = (
                Text(N_("the search index '{name}' is missing"), name=name)
                if name in fts
                else Text(N_("the table '{name}' is missing"), name=name)
            )
            raise errors.ArchiveCorrupt(path, absent, "missing-table")
        if kinds[name] != "table":
            raise errors.ArchiveHostile(
                path,
                Text(
                    N_(
                        "'{name}' is a {kind}, not a table; an archive holds its data in "
                        "tables only"
                    ),
                    name=name,
                    kind=kinds[name],
                ),
                "schema-code",
            )
    for kind, template in (
        (
            "view",
            N_(
                "the archive contains view {names}; archives written by this program never "
                "do, so it was refused unread"
            ),
        ),
        (
            "trigger",
            N_(
                "the archive contains trigger {names}; archives written by this program never "
                "do, so it was refused unread"
            ),
        ),
    ):
        names = sorted(n for (k, n) in found if k == kind)
        if names:
            raise errors.ArchiveHostile(
                path, Text(template, names=_quote_list(names)), "schema-code"
            )
    for table in TABLE_COLUMNS:
        if found.get(("table", table)) != expected[("table", table)]:
            _explain_table(conn, path, table)
    differs = sorted(
        name
        for (kind, name), sql in expected.items()
        if (kind, name) in found and found[(kind, name)] != sql
    )
    missing = sorted(name for (kind, name) in expected if (kind, name) not in found)
    extra = sorted(name for (kind, name) in found if (kind, name) not in expected)
    if missing:
        raise errors.ArchiveCorrupt(
            path,
            Text(
                N_(
                    "the archive lacks {names}; it is damaged or was built by another version "
                    "of this program"
                ),
                names=_quote_list(missing),
            ),
            "missing-table",
        )
    if differs:
        raise errors.ArchiveCorrupt(
            path,
            Plural.ngettext(
                "{names} is not defined the way this program writes archives",
                "{names} are not defined the way this program writes archives",
                len(differs),
                names=_quote_list(differs),
            ),
            "schema-differs",
        )
    if extra:
        raise errors.ArchiveCorrupt(
            path,
            Plural.ngettext(
                "the archive contains {n:,} unknown table(s) or index(es) ({names}); it was "
                "not written by this program",
                "the archive contains {n:,} unknown table(s) or index(es) ({names}); it was "
                "not written by this program",
                len(extra),
                names=_quote_list(extra),
            ),
            "schema-differs",
        )


def _explain_table(conn: sqlite3.Connection, path: Path, table: str) -> None:
    present = {str(row[1]) for row in conn.execute(f'PRAGMA table_xinfo("{table}")')}
    missing = [name for name, _, _ in TABLE_COLUMNS[table] if name not in present]
    if missing:
        raise errors.ArchiveCorrupt(
            path,
            Plural.ngettext(
                "the table '{table}' lacks column(s) {columns}",
                "the table '{table}' lacks column(s) {columns}",
                len(missing),
                table=table,
                columns=", ".join(missing),
            ),
            "missing-table",
        )
    raise errors.ArchiveCorrupt(
        path,
        Text(
            N_("the table '{table}' is not defined the way this program writes archives"),
            table=table,
        ),
        "schema-differs",
    )


# -- step 6: values and search index --------------------------------------------------------------


def _too_big(path: Path, table: str) -> errors.ArchiveError:
    return errors.ArchiveCorrupt(
        path,
        Text(
            N_(
                "the table '{table}' holds a value larger than {mb} MB, more than any archive "
                "field may hold"
            ),
            table=table,
            mb=FIELD_LIMIT // (1024 * 1024),
        ),
        "too-big",
    )


def search_side_tables() -> list[str]:
    """Plain tables of the search index (vocabularies), not FTS5's own shadow tables."""
    fts = search_tables()
    return sorted(
        name
        for (kind, name), sql in expected_schema().items()
        if kind == "table" and name not in TABLE_COLUMNS and not name.startswith(("sqlite_", *fts))
    )


def _check_values(conn: sqlite3.Connection, path: Path) -> None:
    """Every value has its column's storage class; text is read once (capped by FIELD_LIMIT)."""
    for name in search_side_tables():
        columns = [str(r[1]) for r in conn.execute(f'PRAGMA table_info("{name}")')]
        try:
            conn.execute(
                "SELECT " + ", ".join(f'max(length("{c}"))' for c in columns) + f' FROM "{name}"'
            ).fetchone()
        except sqlite3.DataError as exc:
            raise _too_big(path, name) from exc
    for table, declared in TABLE_COLUMNS.items():
        parts = []
        for name, integer, nullable in declared:
            classes = ["integer" if integer else "text"]
            if nullable:
                classes.append("null")
            allowed = ", ".join(f"'{c}'" for c in classes)
            parts.append(f'sum(typeof("{name}") NOT IN ({allowed}))')
            if not integer:
                parts.append(f'max(length("{name}"))')
        try:
            row = conn.execute(f'SELECT {", ".join(parts)} FROM "{table}"').fetchone()
        except sqlite3.DataError as exc:
            raise _too_big(path, table) from exc
        values = iter(row)
        for name, integer, _ in declared:
            if next(values):
                template = (
                    N_("the column '{table}.{column}' holds values that are not whole number")
                    if integer
                    else N_("the column '{table}.{column}' holds values that are not text")
                )
                raise errors.ArchiveCorrupt(
                    path, Text(template, table=table, column=name), "bad-value"
                )
            if not integer:
                next(values)


def _check_chart_summary(conn: sqlite3.Connection, path: Path) -> None:
    """``outcome_summary.published_detail`` is ``source=count|…`` (a few dozen rows at any size).

    It is the one value the app parses rather than shows; the nightly campaign found a bit
    flip there (``=\ufffd9``) that passed every SQLite check and broke the chart.
    """
    for (detail,) in conn.execute("SELECT published_detail FROM outcome_summary"):
        for part in str(detail).split("|"):
            _, eq, count = part.partition("=")
            if part and not (eq and count.isascii() and count.isdigit()):
                raise errors.ArchiveCorrupt(
                    path,
                    Text(
                        N_("the chart summary is damaged (a published figure reads “{text}”)"),
                        text=part[:40],
                    ),
                    "bad-value",
                )


def _check_fts_in_memory(path: Path, budget: StepBudget) -> None:
    # SQLite 3.40's quick_check does not look inside FTS5, and FTS5's own integrity-check is
    # an INSERT, which a read-only connection refuses: run it on a private in-memory copy.
    mem = harden(sqlite3.connect(":memory:"))
    try:
        mem.deserialize(path.read_bytes())
        budget.install(mem)
        for fts in search_tables():
            mem.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
    except sqlite3.Error as exc:
        family = errors.classify(exc).key
        if family in ("interrupted", "too-big"):
            raise
        raise errors.ArchiveCorrupt(
            path, Text(N_("the search index is damaged ({error})"), error=exc), "search-index"
        ) from exc
    finally:
        mem.close()


def integrity(conn: sqlite3.Connection, path: Path, pragma: str = "quick_check(1)") -> None:
    """Step 4: SQLite's own check of every page (refused with the first problem it names)."""
    result = conn.execute(f"PRAGMA {pragma}").fetchall()
    if result != [("ok",)]:
        first = str(result[0][0]) if result else Text(N_("no answer"))
        raise errors.ArchiveCorrupt(
            path, Text(N_("the integrity check failed ({first})"), first=first), "malformed"
        )


def check_contract(conn: sqlite3.Connection, path: Path, *, full: bool) -> None:
    """Step 5b: the values keep :mod:`db.contract` (every row, or the cheap probes only)."""
    problems = contract.full_problems(conn) if full else contract.cheap_problems(conn)
    if problems:
        if len(problems) > 1:
            problem: Text = Plural.ngettext(
                "the archive breaks the archive contract: {first} (and {n} more problem(s))",
                "the archive breaks the archive contract: {first} (and {n} more problem(s))",
                len(problems) - 1,
                first=problems[0],
            )
        else:
            problem = Text(
                N_("the archive breaks the archive contract: {first}"), first=problems[0]
            )
        raise errors.ArchiveCorrupt(path, problem, "contract")


def validate(conn: sqlite3.Connection, path: Path, size: int) -> tuple[bool, bool, bool]:
    """Steps 4–6 on an open read-only connection: (integrity, deep, contract checked)."""
    budget = gate_budget(size)
    budget.install(conn)
    try:
        deep = size <= DEEP_CHECK_LIMIT
        # Mid-size files (up to QUICK_CHECK_LIMIT) get their quick_check after the first
        # paint, in the background (ArchiveController.check_in_background); the largest
        # none (it would read gigabytes).
        checked = deep
        if deep:
            # integrity_check also proves every index matches its table (quick_check does not:
            # a page of one index copied over another passed it and broke queries later).
            integrity(conn, path, "integrity_check(1)")
        _check_schema(conn, path)
        _check_chart_summary(conn, path)
        for fts in search_tables():
            # Cheap probe: a damaged FTS5 table often fails as soon as it is queried.
            conn.execute(f"SELECT rowid FROM {fts} WHERE {fts} MATCH 'a' LIMIT 1").fetchall()
        if deep:
            _check_values(conn, path)  # storage classes and sizes first: their own messages
        full = deep and size <= CONTRACT_FULL_LIMIT
        check_contract(conn, path, full=full)
        if deep:
            _check_fts_in_memory(path, budget)
        return checked, deep, full
    finally:
        StepBudget.remove(conn)


def read_info(
    conn: sqlite3.Connection,
    path: Path,
    size: int,
    checked: bool,
    deep: bool,
    contract_checked: bool = False,
) -> ArchiveInfo:
    """The ``meta`` table as :class:`ArchiveInfo` (refused when incomplete)."""
    meta = {str(k): str(v) for k, v in conn.execute("SELECT key, value FROM meta")}
    try:
        counts = {k.removesuffix("_count"): int(v) for k, v in meta.items() if k.endswith("_count")}
        info = ArchiveInfo(
            path,
            meta["title"],
            meta["data_version"],
            int(meta["schema_version"]),
            counts,
            size,
            checked,
            meta,
            deep,
            contract_checked,
        )
    except (KeyError, ValueError) as exc:
        raise errors.ArchiveCorrupt(
            path,
            Text(N_("the archive metadata is incomplete ({error})"), error=exc),
            "bad-value",
        ) from exc
    if "person" not in counts:
        raise errors.ArchiveCorrupt(
            path, Text(N_("the archive metadata has no person count")), "bad-value"
        )
    return info
