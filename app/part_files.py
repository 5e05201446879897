"""Temporary ``.part`` files of this app: named so that a leftover can be recognised and removed.

Everything the app writes (PDF dossiers, list exports) goes to a temporary file beside the
target and is renamed over it only when complete.  A ``kill -9`` in between leaves the
temporary file behind; its name carries the writer's process id, so the next write into the
same folder removes the leftovers of processes that no longer run, and never another running
instance's file in progress.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
from pathlib import Path

#: ``.kremlin-<pid>-<random>.<target name>.part``
_PATTERN = re.compile(r"\.kremlin-(\d+)-[0-9a-f]{12}\..*\.part\Z")


def part_path(target: Path) -> Path:
    """A fresh temporary name beside ``target`` (same folder, so the rename is atomic)."""
    return target.with_name(f".kremlin-{os.getpid()}-{secrets.token_hex(6)}.{target.name}.part")


def create(target: Path, mode: int = 0o666) -> tuple[int, Path]:
    """Create a new temporary file for ``target`` (O_EXCL); returns (fd, path)."""
    for _ in range(100):
        tmp = part_path(target)
        try:
            fd = os.open(
                tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), mode
            )
        except FileExistsError:
            continue
        return fd, tmp
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(target.parent))


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    except OSError:
        return False
    return True


def sweep(folder: Path) -> list[Path]:
    """Remove this app's leftover ``.part`` files in ``folder`` whose writer is gone."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _PATTERN.match(entry.name)
        if match is None or _alive(int(match.group(1))):
            continue
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def write_text(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically: all of it, or nothing and no leftover."""
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (a temporary file beside it, flushed to disk,
    renamed over it): all of it, or nothing and no leftover."""
    sweep(path.parent)
    fd, tmp = create(path)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
