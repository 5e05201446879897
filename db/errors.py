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
from typing import Any

from db.i18n import N_, _, ngettext


class Text:
    """A sentence for the user, translated when it is shown (not when it is written).

    ``Text(N_("the table '{table}' is missing"), table="person")``: ``str()`` gives it in the
    language in use at that moment, so an error kept across a language switch reads in the
    new language.  Fields may be :class:`Text` too.
    """

    __slots__ = ("fields", "template")

    def __init__(self, template: str, **fields: Any) -> None:
        self.template = template
        self.fields = fields

    def __str__(self) -> str:
        return _(self.template).format(**self.fields)

    def __repr__(self) -> str:
        return f"Text({self.template!r})"


class Plural(Text):
    """A :class:`Text` with plural forms, chosen by ``n`` when shown (``n`` is also a field)."""

    __slots__ = ("n", "plural")

    def __init__(self, singular: str, plural: str, n: int, **fields: Any) -> None:
        super().__init__(singular, n=n, **fields)
        self.plural = plural
        self.n = n

    @classmethod
    def ngettext(cls, singular: str, plural: str, n: int, **fields: Any) -> Plural:
        """``Plural.ngettext("{n} table", "{n} tables", n)``: named like gettext's function so
        that the extractor files the pair as one plural entry."""
        return cls(singular, plural, n, **fields)

    def __str__(self) -> str:
        return ngettext(self.template, self.plural, self.n).format(**self.fields)


class Translated:
    """A class attribute written in English and read in the reader's language on instances
    (``ArchiveNotFound.title`` is the English; ``exc.title`` the translation)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __get__(self, obj: object, owner: type | None = None) -> str:
        return self.text if obj is None else _(self.text)


@dataclass(frozen=True, slots=True)
class ErrorFamily:
    """A kind of failure: how to recognise it and what to tell the user.

    ``needles`` are lower-case fragments of the exception text; ``types`` exception classes
    that belong to the family whatever their text.  ``problem`` completes the sentence
    "Cannot open <path>: …" (``english`` is its source text; ``problem`` is translated).
    """

    key: str
    english: str
    needles: tuple[str, ...] = ()
    types: tuple[type[BaseException], ...] = ()

    @property
    def problem(self) -> str:
        """The problem in the reader's language."""
        return _(self.english)

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
        N_(
            "checking or reading the archive took too long (the file may be "
            "damaged or built to stall the program), so it was stopped"
        ),
        ("interrupted",),
    ),
    ErrorFamily(
        "malformed-schema",
        N_(
            "the list of tables inside the file is damaged (SQLite says: malformed database schema)"
        ),
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
        N_(
            "the file is damaged or is not an SQLite database (SQLite says: file is not a database)"
        ),
        ("file is not a database", "file is encrypted"),
    ),
    ErrorFamily(
        "malformed",
        N_("the file is damaged (SQLite says: database disk image is malformed)"),
        ("database disk image is malformed", "database corruption", "corrupt database"),
    ),
    ErrorFamily(
        "search-index",
        N_("the full-text search index inside the file is damaged"),
        ("vtable constructor failed", "fts5", "no such fts5 table", "invalid fts5 file format"),
    ),
    ErrorFamily(
        "bad-text",
        N_("the archive contains text that is not valid UTF-8"),
        ("could not decode to utf-8", "invalid utf-8"),
        (UnicodeError,),
    ),
    ErrorFamily(
        "too-big",
        N_("a value inside the archive is larger than this program accepts"),
        ("string or blob too big", "too big", "too many columns"),
    ),
    ErrorFamily(
        "unsupported-format",
        N_("the file uses a database format this version of SQLite cannot read"),
        ("unsupported file format",),
    ),
    ErrorFamily(
        "missing-table",
        N_("a table or column this program needs is missing or renamed"),
        ("no such table", "no such column", "no such index"),
    ),
    ErrorFamily(
        "schema-code",
        N_("the archive's schema calls functions or collations, which an archive may not do"),
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
        N_(
            "SQLite would have to change the file before reading it (a "
            "damaged header or an interrupted write), and archives are only ever opened "
            "read-only"
        ),
        ("attempt to write a readonly database",),
    ),
    ErrorFamily(
        "locked",
        N_("another program is writing to the file; try again when it is done"),
        ("database is locked", "database table is locked"),
    ),
    ErrorFamily(
        "out-of-memory",
        N_("the archive is too damaged to read (out of memory)"),
        ("out of memory",),
        (MemoryError,),
    ),
    ErrorFamily(
        "bad-value",
        N_("a value inside the archive is out of range or of the wrong type"),
        ("integer overflow", "out of range", "cannot convert"),
        (OverflowError, ValueError, TypeError),
    ),
    ErrorFamily(
        "io",
        N_("the file cannot be read (input/output error)"),
        ("disk i/o error", "unable to open database file", "cannot open"),
        (OSError,),
    ),
    ErrorFamily("database", N_("the file is damaged or unreadable"), (), (sqlite3.Error,)),
)

#: The family of exceptions no row of :data:`FAMILIES` recognises (a bug, or a new failure).
UNEXPECTED = ErrorFamily(
    "unexpected", N_("the file could not be read because of an unexpected error")
)


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


def describe_text(exc: BaseException) -> Text:
    """:func:`describe`, translated when shown."""
    family = classify(exc)
    if family is UNEXPECTED:
        # TRANSLATORS: {kind} and {detail} are Python's name and text of the error.
        return Text(
            N_("{problem} ({kind}: {detail})"),
            problem=Text(family.english),
            kind=type(exc).__name__,
            detail=text_of(exc)[:200],
        )
    return Text(family.english)


def describe(exc: BaseException) -> str:
    """One user-facing sentence for ``exc``, naming SQLite's own words when they help."""
    return str(describe_text(exc))


class ArchiveError(Exception):
    """An archive cannot be used; ``message`` is for the user and names the path."""

    #: Short, user-facing name of the problem family (used as a dialog title; translated
    #: when read from an error, English when read from the class).
    title = Translated(N_("Cannot open archive"))
    #: Key of the problem family (see :data:`FAMILIES`; subclasses name their own).
    family = "archive"

    def __init__(self, path: Path | str, problem: str | Text, family: str | None = None) -> None:
        self.path = Path(path)
        #: What the message names: the path, or a server address (already without password).
        self.location = str(path)
        self._problem = problem
        if family is not None:
            self.family = family
        super().__init__(f"{self.location}: {problem}")

    def __str__(self) -> str:
        return f"{self.location}: {self.problem}"

    @property
    def problem(self) -> str:
        """What is wrong, in the reader's language (completes "Cannot open <path>: …")."""
        return str(self._problem)

    @classmethod
    def from_exception(cls, path: Path | str, exc: BaseException) -> ArchiveError:
        """An error for ``path`` whose problem and family come from the low-level ``exc``."""
        return cls(path, describe_text(exc), classify(exc).key)

    @property
    def message(self) -> str:
        """One line for a dialog or a terminal."""
        return _("Cannot open “{path}”: {problem}").format(path=self.location, problem=self.problem)


class ArchiveNotFound(ArchiveError):
    """No file at that path."""

    title = Translated(N_("Archive not found"))
    family = "not-found"


class ArchiveNotAFile(ArchiveError):
    """A directory, FIFO, device or other non-regular file."""

    title = Translated(N_("Not an archive file"))
    family = "not-a-file"


class ArchiveUnreadable(ArchiveError):
    """The file exists but the operating system will not let us read it."""

    title = Translated(N_("Archive not readable"))
    family = "unreadable"


class ArchiveUnreachable(ArchiveError):
    """A PostgreSQL server that cannot be reached or refuses the login."""

    title = Translated(N_("Cannot connect to the archive server"))
    family = "unreachable"


class ArchiveEmpty(ArchiveError):
    """A 0-byte file (SQLite would treat it as an empty database)."""

    title = Translated(N_("Empty file"))
    family = "empty"


class ArchiveNotSQLite(ArchiveError):
    """Not an SQLite database at all (text file, PDF, random bytes)."""

    title = Translated(N_("Not an archive"))
    family = "not-sqlite"


class ArchiveForeign(ArchiveError):
    """A valid SQLite database that is not a Kremlin Affair archive."""

    title = Translated(N_("Not a Kremlin Affair archive"))
    family = "foreign"


class ArchiveVersionMismatch(ArchiveError):
    """One of ours, but written for a schema version this program does not read."""

    title = Translated(N_("Unsupported archive version"))
    family = "version"


class ArchiveUnsupported(ArchiveError):
    """Ours, but in a form we refuse to open read-only (e.g. WAL journal mode)."""

    title = Translated(N_("Unsupported archive format"))
    family = "unsupported"


class ArchiveHostile(ArchiveError):
    """Ours by its header, but holding things an archive never holds (views, triggers, code)."""

    title = Translated(N_("Archive refused"))
    family = "hostile"


class ArchiveCorrupt(ArchiveError):
    """Ours by its header, but damaged: failed integrity checks, missing tables, bad text."""

    title = Translated(N_("Damaged archive"))
    family = "corrupt"


class BuildError(Exception):
    """The source data in ``resources/data`` is inconsistent; the message says where."""
