"""Workaround: shiboken6 6.12.0 on Python 3.11 drops a reference to ``None`` on every call of
a C++ method returning ``void`` (``painter.save()``, ``font.setBold()`` …).

Measured here: 1,000 ``QFont().setBold(False)`` calls lower ``sys.getrefcount(None)`` by
1,000 on 6.12.0 and by 0 on 6.11.3.  Python 3.12+ makes ``None`` immortal, so the bug only
bites on 3.11, where painting ~100 dossiers in one process drove the count to zero and the
interpreter aborted ("Fatal Python error: none_dealloc").  Printing makes thousands of such
calls, so before it starts we give ``None`` the large reference count Python 3.12 gives
every immortal object.  The proper fix is a PySide6 other than 6.12.0.
"""

from __future__ import annotations

import ctypes
import sys

#: Reference count added to None: ~ 2**30 void calls before the count could reach zero.
_HEADROOM = 1 << 30


def _affected() -> bool:
    if sys.version_info >= (3, 12):
        return False
    import shiboken6

    return tuple(shiboken6.__version_info__[:2]) == (6, 12)


def protect_none() -> None:
    """Raise None's reference count once, on the affected versions only (idempotent)."""
    if not _affected() or sys.getrefcount(None) > _HEADROOM:
        return
    # CPython: ob_refcnt is the first field of every object.
    ctypes.c_ssize_t.from_address(id(None)).value += _HEADROOM
