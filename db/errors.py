"""Archive errors: one small hierarchy for everything that can go wrong opening an archive.

Every failure of :func:`db.engine.open_archive` ends as one of these, whatever the underlying
cause (``sqlite3.Error``, ``OSError``, ``UnicodeDecodeError``, ``MemoryError``), so the UI and
the command line have exactly one type to catch and one message to show.
"""

from __future__ import annotations

from pathlib import Path


class ArchiveError(Exception):
    """An archive cannot be used; ``message`` is for the user and names the path."""

    #: Short, user-facing name of the problem family (used as a dialog title).
    title = "Cannot open archive"

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")

    @property
    def message(self) -> str:
        """One line for a dialog or a terminal."""
        return f"Cannot open “{self.path}”: {self.problem}"


class ArchiveNotFound(ArchiveError):
    """No file at that path."""

    title = "Archive not found"


class ArchiveNotAFile(ArchiveError):
    """A directory, FIFO, device or other non-regular file."""

    title = "Not an archive file"


class ArchiveUnreadable(ArchiveError):
    """The file exists but the operating system will not let us read it."""

    title = "Archive not readable"


class ArchiveEmpty(ArchiveError):
    """A 0-byte file (SQLite would treat it as an empty database)."""

    title = "Empty file"


class ArchiveNotSQLite(ArchiveError):
    """Not an SQLite database at all (text file, PDF, random bytes)."""

    title = "Not an archive"


class ArchiveForeign(ArchiveError):
    """A valid SQLite database that is not a Kremlin Affair archive."""

    title = "Not a Kremlin Affair archive"


class ArchiveVersionMismatch(ArchiveError):
    """One of ours, but written for a schema version this program does not read."""

    title = "Unsupported archive version"


class ArchiveUnsupported(ArchiveError):
    """Ours, but in a form we refuse to open read-only (e.g. WAL journal mode)."""

    title = "Unsupported archive format"


class ArchiveCorrupt(ArchiveError):
    """Ours by its header, but damaged: failed integrity checks, missing tables, bad text."""

    title = "Damaged archive"


class BuildError(Exception):
    """The source data in ``resources/data`` is inconsistent; the message says where."""
