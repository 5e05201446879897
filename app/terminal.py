"""Terminal output that archive text cannot steer, in any encoding.

Archive values reach the terminal through ``show``, ``search``, ``info`` and error messages.
A value holding ``ESC ] 0 ; … BEL`` would set the window title, ``ESC [ 2 J`` clear the screen:
:class:`SafeStream` writes every C0/C1 control character but newline and tab as a visible
escape (``\\x1b``).  Where the stream cannot encode a character (``LC_ALL=C``,
``PYTHONIOENCODING=ascii``) it is written as a backslash escape instead of raising.
"""

from __future__ import annotations

import contextlib
import io
import re
import sys
from collections.abc import Iterator
from typing import TextIO

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """``text`` with control characters (but newline and tab) as ``\\xNN`` escapes."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


class SafeStream(io.TextIOBase):
    """A text stream that escapes control characters before writing to ``inner``."""

    def __init__(self, inner: TextIO) -> None:
        super().__init__()
        self._inner = inner

    @property
    def raw(self) -> TextIO:
        """The stream underneath, for the program's own control output (``\\r`` progress)."""
        return self._inner

    def write(self, text: str) -> int:
        self._inner.write(visible(text))
        return len(text)

    def flush(self) -> None:
        self._inner.flush()

    def isatty(self) -> bool:
        return self._inner.isatty()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self._inner, "encoding", "utf-8") or "utf-8"

    def fileno(self) -> int:
        return self._inner.fileno()


def _tolerant(stream: TextIO) -> None:
    # Characters the stream cannot encode become backslash escapes (\\u0427), never an error.
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(ValueError, io.UnsupportedOperation):
            reconfigure(errors="backslashreplace")


@contextlib.contextmanager
def safe_output() -> Iterator[None]:
    """Make ``sys.stdout`` and ``sys.stderr`` safe for archive text while the block runs."""
    out, err = sys.stdout, sys.stderr
    for stream in (out, err):
        _tolerant(stream)
    sys.stdout = SafeStream(out)
    sys.stderr = SafeStream(err)
    try:
        yield
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
        sys.stdout, sys.stderr = out, err
