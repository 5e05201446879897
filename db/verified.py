"""Files this process has already passed through the whole gate, known by their ``stat``.

Opening an archive runs every check of :mod:`db.gate` (about 20 ms for the bundled archive,
seconds for a big one). A reader who switches back to an archive, reopens it from *Open
recent*, or prints a dossier from the command line in a session that already opened it, would
pay that again for a file that has not changed. This memo remembers the files that passed the
*whole* gate — every row checked, nothing left for the background — under the same fingerprint
``git`` and ``make`` trust for "unchanged": device, inode, size and the modification and
status-change times in nanoseconds. Any write to the file moves its ``st_ctime_ns`` (which no
program can set back), a copy or a replacement has another inode, so a changed file is never
taken for the one that was checked; it goes through the gate again.

Only a pass is remembered: a refused file is checked again on every open, so it can be
repaired in place. The memo lives in the process's memory only and holds at most
:data:`LIMIT` files.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from pathlib import Path

#: Files remembered (the oldest is forgotten first).
LIMIT = 32

#: Where the file is, its stat, and the gate's limits it was checked under.
Fingerprint = tuple[str, int, int, int, int, int, tuple[int, ...]]

_lock = threading.Lock()
_passed: OrderedDict[Fingerprint, None] = OrderedDict()


def fingerprint(path: Path, limits: tuple[int, ...] = ()) -> Fingerprint | None:
    """What identifies ``path``'s current contents checked under ``limits`` (the gate's size
    and work limits: a pass under other limits is another verdict), or None when it cannot be
    read."""
    try:
        st = os.stat(path)
        where = os.path.realpath(path)
    except (OSError, ValueError):
        return None
    return (where, st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns, limits)


def remember(print_: Fingerprint | None) -> None:
    """Record that the file with this fingerprint passed every check of the gate."""
    if print_ is None:
        return
    with _lock:
        _passed[print_] = None
        _passed.move_to_end(print_)
        while len(_passed) > LIMIT:
            _passed.popitem(last=False)


def passed(print_: Fingerprint | None) -> bool:
    """Whether a file with exactly this fingerprint already passed the whole gate."""
    if print_ is None:
        return False
    with _lock:
        return print_ in _passed


def forget() -> None:
    """Forget every file (each is checked again on its next open)."""
    with _lock:
        _passed.clear()
