"""Errors of the notebook store, each with one sentence for the user (translated when shown).

:class:`NotebookReadOnly` and :class:`NotebookBusy` are environment conditions the GUI shows
and recovers from (keep the typed text, retry on the next autosave); :class:`ImportFailed` is a
file that cannot be imported (nothing of it was written); :class:`NotebookUnavailable` is a
store that cannot be used at all when moving it aside was not allowed (``repair=False``).
"""

from __future__ import annotations

from typing import Any

from db.errors import Text


class NotebookError(Exception):
    """Base of the notebook's errors: ``str()`` is the sentence for the user."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.template)
        self.text = text

    @property
    def message(self) -> str:
        """The sentence in the language in use now."""
        return str(self.text)

    def __str__(self) -> str:
        return self.message


class NotebookReadOnly(NotebookError):
    """The notebook is read-only this session; the change was not saved."""


class NotebookBusy(NotebookError):
    """Another instance held the notebook for longer than the busy timeout; nothing was saved."""


class NotebookWriteFailed(NotebookError):
    """The disk refused the write (full, I/O error); nothing was saved."""


class NotebookUnavailable(NotebookError):
    """The store cannot be used (damaged, foreign, newer) and was not to be moved aside."""

    def __init__(self, text: Text, reason: str, **extra: Any) -> None:
        super().__init__(text)
        self.reason = reason
        self.extra = extra


class ImportFailed(NotebookError):
    """A notebook export cannot be imported; nothing of it was written."""
