"""Accessible names: every button, text field, combo, list, tab bar and page of the whole
window is named, in English and in Russian (Qt's own parts included), and the names given by
:func:`name_unnamed` follow a language switch."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLineEdit, QToolBar, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from app.bootstrap import App
from app.widgets.accessible_names import GIVEN, INTERACTIVE, name_unnamed
from tests.app.ui_texts import cyrillic, english, russian

__all__ = ["english", "russian"]

MakeApp = Callable[..., App]


def _unnamed(app: App) -> list[str]:
    return [
        f"{type(w).__name__} {w.objectName()}"
        for kind in INTERACTIVE
        for w in app.window.findChildren(kind)
        if not w.accessibleName().strip()
    ]


def test_every_interactive_widget_is_named_in_english(make_app: MakeApp, english: None) -> None:
    app = make_app()
    app.window.palette_action.trigger()  # its widgets too
    app.window.help_action.trigger()
    assert _unnamed(app) == []
    app.window.help_view.close()


def test_every_interactive_widget_is_named_in_russian(make_app: MakeApp, russian: None) -> None:
    app = make_app()
    app.window.help_action.trigger()
    assert _unnamed(app) == []
    names = [("", app.window.tabs.tabBar().accessibleName())]
    assert cyrillic(names) == names
    app.window.help_view.close()


def test_the_main_widgets_have_a_description(make_app: MakeApp, english: None) -> None:
    w = make_app().window
    for widget in (w.detail, w.tabs.tabBar(), w.breadcrumb, w.command_palette.box):
        assert widget.accessibleDescription(), widget.objectName()


def test_names_given_here_follow_a_language_switch(make_app: MakeApp, english: None) -> None:
    app = make_app()
    toolbar = app.window.findChild(QToolBar, "mainToolbar")
    assert toolbar is not None
    back = next(
        b for b in toolbar.findChildren(QToolButton) if b.defaultAction() is app.window.back_action
    )
    assert back.accessibleName() == "Back" and back.property(GIVEN)
    app.language.switch("ru")
    try:
        assert back.accessibleName() == "Назад"
    finally:
        app.language.switch("en")


def test_a_name_a_widget_set_itself_is_kept(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    named, bare = QLineEdit(root), QLineEdit(root)
    named.setAccessibleName("Mine")
    bare.setToolTip("Tip words")
    assert name_unnamed(root) == []
    assert named.accessibleName() == "Mine" and bare.accessibleName() == "Tip words"
