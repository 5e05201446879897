"""The interface language: Qt's catalogues with ours, LanguageChange at once, the choice kept;
the whole window walked in Russian and in English; a switch that keeps the item and history.

The walk (:mod:`tests.app.ui_texts`) reads every text the window shows of itself — menus,
actions with their tooltips, labels, buttons, combo items, tabs, table headers, the toolbar and
the chart — and leaves archive data (cells, names, the detail page) out.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from app import language
from app.bootstrap import App
from app.settings import Settings
from db import i18n
from db.dto import Ref
from tests.app.ui_texts import (
    cyrillic,
    english,
    english_only,
    latin_words,
    russian,
    window_texts,
)

__all__ = ["english", "russian"]  # fixtures used by name below

MakeApp = Callable[..., App]


class Counting(QWidget):
    """A widget counting the LanguageChange events it gets."""

    def __init__(self) -> None:
        super().__init__()
        self.changes = 0

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.changes += 1
        super().changeEvent(event)


# -- switching ----------------------------------------------------------------------------


def test_russian_installs_qts_own_translations_and_english_removes_them(
    qapp: QApplication, english: None
) -> None:
    assert language.apply("ru") == "ru" and i18n.language() == "ru"
    assert len(language.qt_translators()) == 1
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Отмена"
    assert language.apply("en") == "en"
    assert language.qt_translators() == ()
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_an_unknown_language_is_english(qapp: QApplication, english: None) -> None:
    assert language.apply("xx") == "en" and language.qt_translators() == ()


def test_every_widget_has_its_language_change_before_apply_returns(
    qtbot: QtBot, english: None
) -> None:
    parent = Counting()
    child = Counting()
    child.setParent(parent)
    qtbot.addWidget(parent)
    language.apply("ru")
    assert (parent.changes, child.changes) >= (1, 1)
    before = child.changes
    language.apply("en")  # no Qt catalogue comes: the change is still announced
    assert child.changes > before


def test_the_switcher_remembers_the_choice_and_announces_it_once(
    qtbot: QtBot, tmp_path: Path, english: None
) -> None:
    settings = Settings(tmp_path / "s.ini")
    switcher = language.LanguageSwitcher(settings)
    with qtbot.waitSignal(switcher.changed) as signal:
        switcher.switch("ru")
    assert signal.args == ["ru"] and switcher.code == "ru"
    assert Settings(tmp_path / "s.ini").language == "ru"
    with qtbot.assertNotEmitted(switcher.changed):
        switcher.switch("ru")
        switcher.switch("klingon")
    switcher.switch("en")


@pytest.mark.parametrize(
    ("saved", "lang", "expected"),
    [
        ("", "ru_RU.UTF-8", "ru"),
        ("", "C.UTF-8", "en"),
        ("en", "ru_RU.UTF-8", "en"),
        ("ru", "C", "ru"),
    ],
)
def test_a_session_starts_in_the_saved_language_else_the_systems(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    english: None,
    saved: str,
    lang: str,
    expected: str,
) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", lang)
    settings = Settings(tmp_path / "s.ini")
    if saved:
        settings.language = saved
    assert language.start_language(settings) == expected == i18n.language()


# -- the judge of the walk --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("&Экспорт в PDF…", []),
        ("Ctrl+Shift+C", []),
        ("kremlin-affair.sqlite — cherniavsky-mikhail", []),
        ("Export list", ["Export", "list"]),
        ("<b>Military</b> Collegium &amp; more", ["Military", "Collegium", "more"]),
    ],
)
def test_the_judge_leaves_out_names_ids_and_markup(text: str, left: list[str]) -> None:
    assert latin_words(text) == left


# -- the whole window ---------------------------------------------------------------------


def _walk_everything(app: App, qtbot: QtBot) -> list[tuple[str, str]]:
    """Texts of the window after visiting every tab and item kind, the chart chip and a
    search (so counts, chips, status tips and target names have all been made)."""
    w = app.window
    app.navigator.go(Ref("person", "cherniavsky-mikhail"))
    app.navigator.go(Ref("event", next(iter(_event_ids(app)))))
    texts = window_texts(w)
    for index in range(w.tabs.count()):
        w.tabs.setCurrentIndex(index)
        texts += window_texts(w)
    app.list_actions.show_outcome_in_people("military-collegium", "death")
    texts += window_texts(w)
    for menu in w.findChildren(QMenu):
        menu.aboutToShow.emit()  # Open recent fills itself
    texts += window_texts(w)
    return texts


def _cyrillic_ui(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Cyrillic texts but the language menu's «Русский» and the chart's tooltips (they quote
    their sources' titles: archive data, often Cyrillic)."""
    return [
        (where, t)
        for where, t in cyrillic(texts)
        if t != "Русский" and not where.startswith("chart tooltip")
    ]


def _event_ids(app: App) -> list[str]:
    model = app.panes["event"].model
    return [str(model.id_at(r)) for r in range(min(3, model.rowCount()))]


def test_the_russian_window_shows_no_english_text(
    make_app: MakeApp, qtbot: QtBot, russian: None
) -> None:
    app = make_app()
    texts = _walk_everything(app, qtbot)
    assert len(texts) > 300
    assert english_only(texts) == []
    assert app.window.language_actions["ru"].isChecked()


def test_the_english_window_shows_no_cyrillic_text(
    make_app: MakeApp, qtbot: QtBot, english: None
) -> None:
    app = make_app()
    texts = _walk_everything(app, qtbot)
    assert _cyrillic_ui(texts) == []


def test_switching_language_retranslates_the_open_window_in_place(
    make_app: MakeApp, qtbot: QtBot, english: None
) -> None:
    app = make_app()
    w, nav = app.window, app.navigator
    trail = [
        Ref("person", "cherniavsky-mikhail"),
        Ref("event", _event_ids(app)[0]),
        Ref("person", "kamenev-lev"),
    ]
    for ref in trail:
        nav.go(ref)
    nav.back()
    pane = app.panes["person"]
    pane.set_combo_filter("tribunal", "military-collegium")
    qtbot.waitUntil(lambda: ("tribunal", "military-collegium") in pane.model.query.filters)
    english_page = w.detail.plain_text()
    w.language_actions["ru"].trigger()
    assert i18n.language() == "ru" and app.settings.language == "ru"
    assert nav.history == tuple(trail) and nav.current == trail[1]
    assert w.detail.ref == trail[1] and w.tabs.currentWidget() is app.panes["event"]
    assert w.detail.plain_text() != english_page  # the page was made again
    assert w.file_menu.title() == "&Файл"
    assert w.tabs.tabText(0) == "Люди"
    assert pane.model.headerData(0, pane.view.horizontalHeader().orientation()) == "Имя"
    combo = pane.findChild(QWidget, "peoplePane_tribunalFilter")
    assert combo is not None and combo.currentData() == "military-collegium"  # type: ignore[attr-defined]
    assert combo.itemText(0) == "Все суды"  # type: ignore[attr-defined]
    assert english_only(window_texts(w)) == []
    w.language_actions["en"].trigger()
    assert nav.history == tuple(trail) and nav.current == trail[1]
    assert w.file_menu.title() == "&File" and app.settings.language == "en"
    assert _cyrillic_ui(window_texts(w)) == []


def test_a_switch_keeps_the_published_figure_page_in_view(
    make_app: MakeApp, qtbot: QtBot, english: None
) -> None:
    app = make_app()
    app.detail_actions.show_published_figure("military-collegium", "death")
    assert app.window.detail.ref is None
    before = app.window.detail.plain_text()
    app.language.switch("ru")
    after = app.window.detail.plain_text()
    assert after != before and app.window.detail.ref is None
    app.language.switch("en")
    assert app.window.detail.plain_text() == before
