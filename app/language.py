"""The interface language of the GUI, switched at runtime: our catalogue and Qt's own.

:func:`apply` sets the process-wide language of :mod:`db.i18n` (menus, panes, pages, dates)
and installs Qt's translations of its own dialogs (``qtbase_ru``: file and print dialogs,
message box buttons, the text context menu).  Installing or removing a Qt translator makes Qt
post ``QEvent.LanguageChange`` to every widget; widgets that set texts answer it in
``changeEvent`` by calling their ``retranslate()``.  :func:`apply` delivers those events at
once, so when it returns every widget speaks the new language; :class:`LanguageSwitcher` then
tells the objects that are not widgets (models, actions) through its ``changed`` signal.

Qt's translators must outlive their installation, so the ones installed now are kept here
(one process, one interface language, like :mod:`db.i18n`).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
    Signal,
    Slot,
)

from app.settings import Settings
from db import i18n

#: Qt's catalogues of its own texts installed for a language other than English.
QT_CATALOGUES = ("qtbase",)
#: The Qt locale of each interface language (number fields of Qt dialogs, page sizes).
QT_LOCALES = {"ru": QLocale.Language.Russian}

_installed: list[QTranslator] = []
_system_locale: QLocale | None = None


def qt_translations_folder() -> str:
    """Where PySide6 keeps Qt's own ``.qm`` catalogues."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def _install_qt(app: QCoreApplication, code: str) -> bool:
    """Replace Qt's translators by those of ``code``; True when any came or went."""
    changed = bool(_installed)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if code != i18n.DEFAULT:
        for name in QT_CATALOGUES:
            translator = QTranslator(app)
            if translator.load(f"{name}_{code}", qt_translations_folder()):
                app.installTranslator(translator)
                _installed.append(translator)
                changed = True
    return changed


def _set_locale(code: str) -> None:
    global _system_locale
    if _system_locale is None:
        _system_locale = QLocale()
    language = QT_LOCALES.get(code)
    QLocale.setDefault(_system_locale if language is None else QLocale(language))


def qt_translators() -> tuple[QTranslator, ...]:
    """The Qt translators installed now (tests)."""
    return tuple(_installed)


def apply(code: str) -> str:
    """Speak ``code`` (``en``, ``ru``; anything else: English) from now on; returns the code.

    Every widget has had its ``LanguageChange`` when this returns.
    """
    before = i18n.language()
    code = i18n.set_language(code)
    app = QCoreApplication.instance()
    if app is None:
        return code
    _set_locale(code)
    changed = _install_qt(app, code)
    if code != before and not changed:
        # No Qt catalogue came or went (English ↔ a language Qt lacks): Qt posted nothing.
        QCoreApplication.postEvent(app, QEvent(QEvent.Type.LanguageChange))
    deliver_language_change()
    return code


def deliver_language_change() -> None:
    """Deliver the posted ``LanguageChange`` events now: the application's posts one to
    every top-level widget, which hands it to its children."""
    for _round in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange.value)


def start_language(settings: Settings, asked: str | None = None) -> str:
    """The language of a new session: the one asked for on the command line (``--lang``, for
    this session only), else the one chosen last time, else the system's."""
    return apply(asked or settings.language or i18n.system_language())


class LanguageSwitcher(QObject):
    """View → Language: switches the interface at once and remembers the choice.

    Signals:
        changed(str): the new language code, after every widget was retranslated; models
            and actions refresh what they made in the old language.
    """

    changed = Signal(str)

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings

    @property
    def code(self) -> str:
        """The interface language now in use."""
        return i18n.language()

    @Slot(str)
    def switch(self, code: str) -> None:
        """Speak ``code`` from now on (remembered for the next start)."""
        if code not in i18n.LANGUAGES:
            return
        self._settings.language = code
        if code == i18n.language():
            return
        apply(code)
        self.changed.emit(code)
