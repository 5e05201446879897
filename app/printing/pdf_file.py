"""Verified PDF writing: a temporary file in the target folder, checked, then moved into place.

Qt reports none of the ways writing a PDF can fail (missing or read-only folder, full disk, a
folder where the file should be; see RELIABILITY.md §D), so the PDF is rendered in memory and
written here with plain ``os`` calls, whose errors carry an ``errno``.  On any failure the
temporary file is removed and nothing is left at the target; success is reported only for a
file this attempt wrote and read back as a PDF.  No Qt here.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from app import part_files
from db.i18n import _

#: A dossier PDF is never smaller than this (fonts alone take more).
MIN_PDF_BYTES = 1024


class PdfWriteError(Exception):
    """A PDF could not be written to ``path``; ``message`` is for the user."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


def pdf_problem(data: bytes) -> str | None:
    """Why ``data`` is not a complete PDF, or None when it looks like one."""
    if len(data) < MIN_PDF_BYTES:
        return _("the rendered PDF is only {n} bytes").format(n=len(data))
    if not data.startswith(b"%PDF-"):
        return _("the rendered data does not start like a PDF")
    if b"%%EOF" not in data[-64:]:
        return _("the rendered PDF is incomplete (no end-of-file marker)")
    return None


def target_problem(path: Path) -> str | None:
    """Why nothing can be written at ``path`` (checked before rendering), or None."""
    folder = path.parent
    try:
        st = path.stat()
    except FileNotFoundError:
        st = None
    except OSError as exc:
        return _describe(exc, path)
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            return _("this is a folder; choose a file name inside it")
        if not stat.S_ISREG(st.st_mode):
            return _("this is a device, pipe or socket, not a file")
    if not folder.exists():
        return _("the folder {folder} does not exist").format(folder=folder)
    if not folder.is_dir():
        return _("{folder} is not a folder").format(folder=folder)
    return None


def _describe(exc: OSError, path: Path) -> str:
    folder = path.parent
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return _("the disk is full (no space left in {folder}); nothing was written").format(
            folder=folder
        )
    if code == errno.EROFS:
        return _("the folder {folder} is on a read-only disk").format(folder=folder)
    if code in (errno.EACCES, errno.EPERM):
        return _("no permission to write in the folder {folder}").format(folder=folder)
    if code == errno.ENOENT:
        return _("the folder {folder} does not exist").format(folder=folder)
    if code == errno.EISDIR:
        return _("this is a folder; choose a file name inside it")
    if code == errno.ENAMETOOLONG:
        return _("the file name is too long")
    return _("the file could not be written ({reason})").format(reason=exc.strerror or exc)


def expand(path: Path | str) -> Path:
    """``~`` and ``~user`` expanded; a name that is no home folder stays as typed.

    (``Path.expanduser`` raises for an unknown ``~user``; the write then reports the
    missing folder like any other.)
    """
    try:
        return Path(path).expanduser()
    except RuntimeError:
        return Path(path)


def _make_temp(folder: Path, name: str, like: os.stat_result | None) -> tuple[int, Path]:
    """A new temporary file next to the target (same disk, so the move is atomic).

    Created with the usual permissions (0666 less the umask; ``mkstemp`` would make every PDF
    private to its owner), or the permissions of the file it will replace.  Leftovers of
    writers killed earlier are removed first (:func:`app.part_files.sweep`).
    """
    part_files.sweep(folder)
    fd, tmp = part_files.create(folder / name)
    if like is not None:
        with contextlib.suppress(OSError):
            os.fchmod(fd, stat.S_IMODE(like.st_mode))
    return fd, tmp


def _read_back(tmp: Path, size: int) -> str | None:
    with tmp.open("rb") as fh:
        head = fh.read(8)
        fh.seek(max(0, size - 64))
        tail = fh.read()
    if tmp.stat().st_size != size:
        return _("the file on disk has the wrong size")
    if not head.startswith(b"%PDF-") or b"%%EOF" not in tail:
        return _("the file on disk is not a complete PDF")
    return None


def write_pdf_file(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically and verified; raise :class:`PdfWriteError`."""
    path = expand(path)
    problem = target_problem(path) or pdf_problem(data)
    if problem:
        raise PdfWriteError(path, problem)
    tmp: Path | None = None
    try:
        try:
            existing: os.stat_result | None = path.stat()
        except FileNotFoundError:
            existing = None
        fd, tmp = _make_temp(path.parent, path.name, existing)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        problem = _read_back(tmp, len(data))
        if problem:
            raise PdfWriteError(path, problem)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise PdfWriteError(path, _describe(exc, path)) from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
    # The folder is not fsynced: after a crash the rename may be lost (old file or none), but
    # the data reached the disk before the rename, so a file at ``path`` is never partial.
    return path
