"""Keep PySide6's import hook from holding the source of every module imported after it.

Once PySide6 is imported, each module imported after it is shown to
``shibokensupport.feature``, which decides whether ``from __feature__ import snake_case``
switching applies to the module by looking for the word "PySide6" in its source.  It reads
the source with :func:`inspect.getsource`, which leaves every line in :mod:`linecache` for
the life of the process: in a window session at 100k people, 270,000 lines of 590 files,
23 MiB of the session's 173 MiB peak, SQLAlchemy alone 12 MiB.

:func:`install` gives the hook the same answer, read from the module's loader without keeping
it.  The app selects no feature; the answer is kept right so that code which did would still
switch.  Importing this module installs it; the modules that import PySide6 for the window
(:mod:`app.gui`, :mod:`app.bootstrap`) import it first.
"""

from __future__ import annotations

import sys
from types import ModuleType

import shiboken6  # noqa: F401  (loads the hook this module replaces the reader of)

__all__ = ["install", "names_pyside"]


def names_pyside(module: ModuleType) -> bool:
    """Whether ``module``'s source contains "PySide6" (False when it has none to read)."""
    loader = getattr(module, "__loader__", None)
    get_source = getattr(loader, "get_source", None)
    if get_source is None:
        return False
    spec = getattr(module, "__spec__", None)
    name = getattr(spec, "name", None) or getattr(module, "__name__", "")
    try:
        source = get_source(name)
    except Exception:
        # This runs inside every import: a module without readable source (built in, frozen,
        # a loader that refuses) names no PySide6, as the hook's own reader concludes.
        return False
    return isinstance(source, str) and "PySide6" in source


def install() -> bool:
    """Replace the hook's source reader; False where this PySide6 has no such reader."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = names_pyside  # type: ignore[attr-defined]
    return True


install()
