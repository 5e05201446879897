"""The bundled offline help: its pages by language and the generated list of shortcuts.

The pages are HTML files under ``resources/help/<language>/``; each may hold the marker
``<!-- shortcuts -->``, which is replaced by a table made from the window's actions at the
moment the page is shown, so the list of keys is always the one the window really has.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from app import resources
from app.pages.escape import escape
from db import i18n
from db.i18n import _

#: Where a page marks the place of the generated shortcut table.
SHORTCUTS_MARKER = "<!-- shortcuts -->"
#: The help page shown by F1.
INDEX = "index.html"


def page_path(language: str, name: str = INDEX) -> Path:
    """The bundled page ``name`` in ``language`` (English when that language has none)."""
    path = resources.resource("help", language, name)
    return path if path.is_file() else resources.resource("help", i18n.DEFAULT, name)


def shortcuts_table(rows: Iterable[tuple[str, str]]) -> str:
    """An HTML table of (what, keys) rows, escaped, sorted by what they do."""
    cells = "".join(
        f"<tr><td>{escape(what)}</td><td><code>{escape(keys)}</code></td></tr>"
        for what, keys in sorted(rows, key=lambda r: r[0].casefold())
    )
    action, keys = escape(_("Action")), escape(_("Keys"))
    head = f"<tr><th align='left'>{action}</th><th align='left'>{keys}</th></tr>"
    return f"<table cellspacing='0' cellpadding='4'>{head}{cells}</table>"


def shortcuts_page(rows: Iterable[tuple[str, str]]) -> str:
    """A page of its own with every shortcut (Help → Keyboard shortcuts)."""
    return (
        f"<html><body><h2>{escape(_('Keyboard shortcuts'))}</h2>"
        f"{shortcuts_table(rows)}</body></html>"
    )


def help_page(language: str, rows: Iterable[tuple[str, str]]) -> str:
    """The help page in ``language`` with the shortcut table put in its place."""
    text = page_path(language).read_text(encoding="utf-8")
    return text.replace(SHORTCUTS_MARKER, shortcuts_table(rows))
