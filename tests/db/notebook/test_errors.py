"""The notebook's errors carry one sentence, in the language in use when it is read."""

from __future__ import annotations

from db import i18n
from db.errors import Text
from db.i18n import N_
from db.notebook import ImportFailed, NotebookError, NotebookReadOnly, NotebookUnavailable

READ_ONLY = N_("The notebook is read-only in this session, so the change was not saved.")


def test_the_message_follows_the_language() -> None:
    error = NotebookReadOnly(Text(READ_ONLY))
    assert isinstance(error, NotebookError)
    assert str(error) == error.message == READ_ONLY
    try:
        i18n.set_language("ru")
        assert "только для чтения" in str(error)
    finally:
        i18n.set_language("en")


def test_fields_are_filled_in() -> None:
    error = ImportFailed(
        Text(N_("The file cannot be imported ({problem}); nothing was imported."), problem="x")
    )
    assert error.message == "The file cannot be imported (x); nothing was imported."


def test_an_unavailable_notebook_says_why() -> None:
    error = NotebookUnavailable(
        Text(N_("The file {path} is not a notebook of this app.")), "foreign"
    )
    assert error.reason == "foreign"
