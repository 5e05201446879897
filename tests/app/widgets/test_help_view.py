"""HelpView: F1 opens the bundled help in the interface language; Help → Keyboard shortcuts
lists every action that has a shortcut, made from the actions themselves."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QKeySequence
from pytestqt.qtbot import QtBot

from app import help as help_pages
from app import language
from app.bootstrap import App
from app.widgets.command_palette import plain_action_text
from app.widgets.help_view import HelpView, shortcut_rows
from tests.app.ui_texts import english, russian

__all__ = ["english", "russian"]

MakeApp = Callable[..., App]


def _with_shortcuts(app: App) -> list[QAction]:
    return [a for a in app.window.findChildren(QAction) if not a.shortcut().isEmpty() and a.text()]


def test_f1_opens_the_english_help(make_app: MakeApp, english: None) -> None:
    app = make_app()
    assert app.window.help_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    app.window.help_action.trigger()
    view = app.window.help_view
    assert view.isVisible() and view.showing == "help"
    text = view.plain_text()
    assert "How search matches" in text and "How to cite" in text and "What the sources are" in text
    assert "Ctrl+K" in text  # the generated shortcut table is in the page
    view.close()


def test_f1_opens_the_russian_help_and_follows_a_switch(make_app: MakeApp, russian: None) -> None:
    app = make_app()
    app.window.help_action.trigger()
    view = app.window.help_view
    text = view.plain_text()
    assert "Как работает поиск" in text and "Как ссылаться" in text and "Об источниках" in text
    assert view.windowTitle() == "Справка"
    language.apply("en")
    assert "How search matches" in view.plain_text()  # shown again in the new language
    view.close()


def test_the_shortcut_list_names_every_action_with_a_shortcut(
    make_app: MakeApp, english: None
) -> None:
    app = make_app()
    app.window.shortcuts_action.trigger()
    view = app.window.help_view
    text = view.plain_text()
    actions = _with_shortcuts(app)
    assert len(actions) >= 15
    for action in actions:
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        assert plain_action_text(action) in text, action.objectName()
        assert keys in text, action.objectName()
    view.close()


def test_an_action_given_a_shortcut_later_is_listed(qtbot: QtBot) -> None:
    action = QAction("&Frobnicate…")
    rows = shortcut_rows([action])
    assert rows == []
    action.setShortcut(QKeySequence("Ctrl+Alt+F"))
    view = HelpView(lambda: [action])
    qtbot.addWidget(view)
    view.show_shortcuts()
    assert "Frobnicate" in view.plain_text() and "Ctrl+Alt+F" in view.plain_text()
    view.close()


def test_a_link_in_the_help_only_scrolls_it(qtbot: QtBot, english: None) -> None:
    view = HelpView(list)
    qtbot.addWidget(view)
    view.show_help()
    view.resize(400, 200)

    view.browser.anchorClicked.emit(QUrl("#cite"))
    assert view.browser.verticalScrollBar().value() > 0
    view.browser.anchorClicked.emit(QUrl("https://example.org/"))  # ignored: offline help
    view.close()


def test_a_hidden_help_window_makes_its_page_only_when_shown(
    make_app: MakeApp, english: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[str] = []
    real = help_pages.help_page

    def counting(lang: str, rows: list[tuple[str, str]]) -> str:
        made.append(lang)
        return real(lang, rows)

    monkeypatch.setattr(help_pages, "help_page", counting)
    app = make_app()
    language.apply("ru")
    language.apply("en")
    assert made == []  # made with the window and told of two switches: no page made yet
    app.window.help_action.trigger()
    assert made == ["en"]
    language.apply("ru")  # on screen: made again at once, in the new language
    assert made == ["en", "ru"] and "Как работает поиск" in app.window.help_view.plain_text()
    app.window.help_view.close()
    language.apply("en")
    assert made == ["en", "ru"]
    assert "How search matches" in app.window.help_view.plain_text()  # out of date: made now
    assert made == ["en", "ru", "en"]
