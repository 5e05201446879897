"""Settings: typed properties over QSettings, each key declared once with its default.

Tests pass an INI file in ``tmp_path``; the app uses the per-user location Qt chooses from the
organisation and application names.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from db import i18n
from db.i18n import LANGUAGES

MAX_RECENT = 8
#: Citation styles of Edit → Citation style, the first the default (``db.cite.STYLES``; named
#: here because settings are read before the data layer is imported).
CITATION_STYLES = ("chicago", "gost")
#: Colour schemes of View → Appearance, the first the default (follow the system).
APPEARANCES = ("system", "light", "dark")


class Settings:
    """What the app remembers between runs: layout, sorts, tab and item, recent files, style,
    interface language."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            self._qs = QSettings()
        else:
            self._qs = QSettings(str(path), QSettings.Format.IniFormat)

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._qs.sync()

    @property
    def store(self) -> QSettings:
        """The settings file itself, for the modules that declare keys of their own on it
        (:class:`app.window_state.Remembered`, :class:`app.dialogs.FolderMemory`); every
        other key is a property of this class."""
        return self._qs

    # -- raw typed accessors --------------------------------------------------------------

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._qs.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def _str(self, key: str, default: str = "") -> str:
        value = self._qs.value(key, default)
        return value if isinstance(value, str) else default

    def _int(self, key: str, default: int) -> int:
        value = self._qs.value(key, default)
        if isinstance(value, int):
            return value
        try:
            return int(str(value))
        except ValueError:
            return default

    # -- declared keys ---------------------------------------------------------------------

    @property
    def geometry(self) -> QByteArray | None:
        """Main window geometry."""
        return self._bytes("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._qs.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        """Toolbars and docks."""
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._qs.setValue("window/state", value)

    @property
    def splitter(self) -> QByteArray | None:
        """Panes/detail splitter sizes."""
        return self._bytes("window/splitter")

    @splitter.setter
    def splitter(self, value: QByteArray) -> None:
        self._qs.setValue("window/splitter", value)

    @property
    def current_tab(self) -> int:
        """Index of the pane tab shown."""
        return self._int("window/tab", 0)

    @current_tab.setter
    def current_tab(self, value: int) -> None:
        self._qs.setValue("window/tab", value)

    @property
    def current_item(self) -> str:
        """``archive://kind/id`` of the item shown, or ''."""
        return self._str("window/item")

    @current_item.setter
    def current_item(self, value: str) -> None:
        self._qs.setValue("window/item", value)

    def header_state(self, pane: str) -> QByteArray | None:
        """Column widths/order of a pane's header."""
        return self._bytes(f"panes/{pane}/header")

    def set_header_state(self, pane: str, value: QByteArray) -> None:
        """Remember a pane's header state."""
        self._qs.setValue(f"panes/{pane}/header", value)

    def sort(self, pane: str) -> tuple[str, bool] | None:
        """(sort key, descending) of a pane."""
        key = self._str(f"panes/{pane}/sort")
        if not key:
            return None
        return key, self._str(f"panes/{pane}/descending") == "true"

    def set_sort(self, pane: str, key: str, descending: bool) -> None:
        """Remember a pane's sort."""
        self._qs.setValue(f"panes/{pane}/sort", key)
        self._qs.setValue(f"panes/{pane}/descending", "true" if descending else "false")

    @property
    def recent_archives(self) -> list[str]:
        """Archive paths opened before, newest first."""
        value = self._qs.value("archives/recent", [])
        if isinstance(value, str):
            value = [value]
        return (
            [v for v in value if isinstance(v, str)][:MAX_RECENT] if isinstance(value, list) else []
        )

    def add_recent_archive(self, path: Path | str) -> None:
        """Put ``path`` (or a server address, given without its password) first in the recent
        list."""
        text = str(path)
        items = [p for p in self.recent_archives if p != text]
        self._qs.setValue("archives/recent", [text, *items][:MAX_RECENT])

    @property
    def last_archive(self) -> str:
        """The archive open when the app last closed ('' = the bundled one)."""
        return self._str("archives/last")

    @last_archive.setter
    def last_archive(self, value: str) -> None:
        self._qs.setValue("archives/last", value)

    @property
    def citation_style(self) -> str:
        """The style Copy citation uses (one of :data:`CITATION_STYLES`); until the reader
        picks one, the style of the interface's language (GOST R 7.0.5 in Russian)."""
        value = self._str("cite/style", "")
        if value in CITATION_STYLES:
            return value
        return i18n.citation_style()

    @citation_style.setter
    def citation_style(self, value: str) -> None:
        if value not in CITATION_STYLES:
            raise ValueError(f"unknown citation style {value!r}")
        self._qs.setValue("cite/style", value)

    @property
    def language(self) -> str:
        """The interface language chosen under View → Language ('' = the system's)."""
        value = self._str("ui/language")
        return value if value in LANGUAGES else ""

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(f"unknown interface language {value!r}")
        self._qs.setValue("ui/language", value)

    @property
    def appearance(self) -> str:
        """The colour scheme chosen under View → Appearance (one of :data:`APPEARANCES`)."""
        value = self._str("ui/appearance", APPEARANCES[0])
        return value if value in APPEARANCES else APPEARANCES[0]

    @appearance.setter
    def appearance(self, value: str) -> None:
        if value not in APPEARANCES:
            raise ValueError(f"unknown appearance {value!r}")
        self._qs.setValue("ui/appearance", value)
