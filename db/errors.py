"""Archive errors: one small hierarchy for everything that can go wrong opening an archive.

Every failure of :func:`db.engine.open_archive` ends as one of these, whatever the underlying
cause (``sqlite3.Error``, ``OSError``, ``UnicodeDecodeError``, ``MemoryError``), so the UI and
the command line have exactly one type to catch and one message to show.

:data:`FAMILIES` maps every kind of low-level failure seen when opening or reading damaged
archives (the corrupted-archive campaign in ``tests/hardening``) to one sentence for the user;
:func:`classify` picks the family of an exception.  The same table serves errors raised later,
while the app reads an archive that passed the gate (see ``app.errors``).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class ErrorFamily:
    """A kind of failure: how to recognise it and what to tell the user.

    ``needles`` are lower-case fragments of the exception text; ``types`` exception classes
    that belong to the family whatever their text.  ``problem`` completes the sentence
    "Cannot open <path>: …".
    """

    key: str
    problem: str
    needles: tuple[str, ...] = ()
    types: tuple[type[BaseException], ...] = ()

    def matches(self, exc: BaseException) -> bool:
        """True when ``exc`` belongs to this family."""
        if self.types and isinstance(exc, self.types):
            return True
        text = text_of(exc).lower()
        return any(n in text for n in self.needles)


#: Checked in order; the first match wins (specific text before broad exception types).
FAMILIES: tuple[ErrorFamily, ...] = (
    ErrorFamily(
        "interrupted",
        "checking or reading the archive took too long (the file may be "
        "damaged or built to stall the program), so it was stopped",
        ("interrupted",),
    ),
    ErrorFamily(
        "malformed-schema",
        "the list of tables inside the file is damaged (SQLite says: malformed database schema)",
        (
            "malformed database schema",
            "parser stack overflow",
            "expression tree is too large",
            "too many levels of trigger recursion",
            "circular reference",
        ),
    ),
    ErrorFamily(
        "not-a-database",
        "the file is damaged or is not an SQLite database (SQLite says: file is not a database)",
        ("file is not a database", "file is encrypted"),
    ),
    ErrorFamily(
        "malformed",
        "the file is damaged (SQLite says: database disk image is malformed)",
        ("database disk image is malformed", "database corruption", "corrupt database"),
    ),
    ErrorFamily(
        "search-index",
        "the full-text search index inside the file is damaged",
        ("vtable constructor failed", "fts5", "no such fts5 table", "invalid fts5 file format"),
    ),
    ErrorFamily(
        "bad-text",
        "the archive contains text that is not valid UTF-8",
        ("could not decode to utf-8", "invalid utf-8"),
        (UnicodeError,),
    ),
    ErrorFamily(
        "too-big",
        "a value inside the archive is larger than this program accepts",
        ("string or blob too big", "too big", "too many columns"),
    ),
    ErrorFamily(
        "unsupported-format",
        "the file uses a database format this version of SQLite cannot read",
        ("unsupported file format",),
    ),
    ErrorFamily(
        "missing-table",
        "a table or column this program needs is missing or renamed",
        ("no such table", "no such column", "no such index"),
    ),
    ErrorFamily(
        "schema-code",
        "the archive's schema calls functions or collations, which an archive may not do",
        (
            "unsafe use of",
            "no such function",
            "no such collation",
            "no such module",
            "wrong number of arguments",
        ),
    ),
    ErrorFamily(
        "needs-write",
        "SQLite would have to change the file before reading it (a "
        "damaged header or an interrupted write), and archives are only ever opened "
        "read-only",
        ("attempt to write a readonly database",),
    ),
    ErrorFamily(
        "locked",
        "another program is writing to the file; try again when it is done",
        ("database is locked", "database table is locked"),
    ),
    ErrorFamily(
        "out-of-memory",
        "the archive is too damaged to read (out of memory)",
        ("out of memory",),
        (MemoryError,),
    ),
    ErrorFamily(
        "bad-value",
        "a value inside the archive is out of range or of the wrong type",
        ("integer overflow", "out of range", "cannot convert"),
        (OverflowError, ValueError, TypeError),
    ),
    ErrorFamily(
        "io",
        "the file cannot be read (input/output error)",
        ("disk i/o error", "unable to open database file", "cannot open"),
        (OSError,),
    ),
    ErrorFamily("database", "the file is damaged or unreadable", (), (sqlite3.Error,)),
)

#: The family of exceptions no row of :data:`FAMILIES` recognises (a bug, or a new failure).
UNEXPECTED = ErrorFamily("unexpected", "the file could not be read because of an unexpected error")


def text_of(exc: BaseException) -> str:
    """``str(exc)``, or the exception's class name when its ``__str__`` fails."""
    try:
        return str(exc)
    except Exception:  # a hostile __str__ must not break error reporting
        return type(exc).__name__


def classify(exc: BaseException) -> ErrorFamily:
    """The family of ``exc`` (SQLAlchemy wrappers are looked through via ``.orig``)."""
    inner = getattr(exc, "orig", None)
    if isinstance(inner, BaseException):
        exc = inner
    for family in FAMILIES:
        if family.matches(exc):
            return family
    return UNEXPECTED


def describe(exc: BaseException) -> str:
    """One user-facing sentence for ``exc``, naming SQLite's own words when they help."""
    family = classify(exc)
    if family is UNEXPECTED:
        return f"{family.problem} ({type(exc).__name__}: {text_of(exc)[:200]})"
    return family.problem


class ArchiveError(Exception):
    """An archive cannot be used; ``message`` is for the user and names the path."""

    #: Short, user-facing name of the problem family (used as a dialog title).
    title = "Cannot open archive"
    #: Key of the problem family (see :data:`FAMILIES`; subclasses name their own).
    family = "archive"

    def __init__(self, path: Path | str, problem: str, family: str | None = None) -> None:
        self.path = Path(path)
        self.problem = problem
        if family is not None:
            self.family = family
        super().__init__(f"{self.path}: {problem}")

    @classmethod
    def from_exception(cls, path: Path | str, exc: BaseException) -> ArchiveError:
        """An error for ``path`` whose problem and family come from the low-level ``exc``."""
        return cls(path, describe(exc), classify(exc).key)

    @property
    def message(self) -> str:
        """One line for a dialog or a terminal."""
        return f"Cannot open “{self.path}”: {self.problem}"


class ArchiveNotFound(ArchiveError):
    """No file at that path."""

    title = "Archive not found"
    family = "not-found"


class ArchiveNotAFile(ArchiveError):
    """A directory, FIFO, device or other non-regular file."""

    title = "Not an archive file"
    family = "not-a-file"


class ArchiveUnreadable(ArchiveError):
    """The file exists but the operating system will not let us read it."""

    title = "Archive not readable"
    family = "unreadable"


class ArchiveEmpty(ArchiveError):
    """A 0-byte file (SQLite would treat it as an empty database)."""

    title = "Empty file"
    family = "empty"


class ArchiveNotSQLite(ArchiveError):
    """Not an SQLite database at all (text file, PDF, random bytes)."""

    title = "Not an archive"
    family = "not-sqlite"


class ArchiveForeign(ArchiveError):
    """A valid SQLite database that is not a Kremlin Affair archive."""

    title = "Not a Kremlin Affair archive"
    family = "foreign"


class ArchiveVersionMismatch(ArchiveError):
    """One of ours, but written for a schema version this program does not read."""

    title = "Unsupported archive version"
    family = "version"


class ArchiveUnsupported(ArchiveError):
    """Ours, but in a form we refuse to open read-only (e.g. WAL journal mode)."""

    title = "Unsupported archive format"
    family = "unsupported"


class ArchiveHostile(ArchiveError):
    """Ours by its header, but holding things an archive never holds (views, triggers, code)."""

    title = "Archive refused"
    family = "hostile"


class ArchiveCorrupt(ArchiveError):
    """Ours by its header, but damaged: failed integrity checks, missing tables, bad text."""

    title = "Damaged archive"
    family = "corrupt"


class BuildError(Exception):
    """The source data in ``resources/data`` is inconsistent; the message says where."""
