"""CommandPalette (Ctrl+K): one box that opens any archive item by the search's own matching
(Latin or Cyrillic fragments) or runs any menu command by its words in the interface language;
Enter opens or runs, Esc closes."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.bootstrap import App
from app.widgets.command_palette import action_matches
from db.dto import Ref
from tests.app.ui_texts import english, russian

__all__ = ["english", "russian"]

MakeApp = Callable[..., App]
CHERNIAVSKY = Ref("person", "cherniavsky-mikhail")


def _type(qtbot: QtBot, app: App, text: str) -> None:
    app.window.palette_action.trigger()
    palette = app.window.command_palette
    assert palette.isVisible() and palette.focusWidget() is palette.box
    palette.box.setText(text)  # (QTest cannot type Cyrillic keys)
    qtbot.waitUntil(lambda: not palette.searching, timeout=30_000)


@pytest.mark.parametrize("fragment", ["cherniav", "Черняв", "Tschernjaw"])
def test_a_name_fragment_in_any_script_opens_the_person(
    qtbot: QtBot, make_app: MakeApp, fragment: str
) -> None:
    app = make_app()
    _type(qtbot, app, fragment)
    palette = app.window.command_palette
    assert "Cherniavsky" in palette.rows()[0]
    qtbot.keyClick(palette.box, Qt.Key.Key_Return)
    assert app.navigator.current == CHERNIAVSKY
    assert not palette.isVisible()
    assert "Cherniavsky" in app.window.detail.plain_text()


def test_enter_before_the_search_answers_opens_its_first_row(
    qtbot: QtBot, make_app: MakeApp
) -> None:
    app = make_app()
    app.window.palette_action.trigger()
    palette = app.window.command_palette
    palette.box.setText("cherniav")
    qtbot.keyClick(palette.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app.navigator.current == CHERNIAVSKY, timeout=30_000)


def test_a_command_is_found_by_its_words_and_run(
    qtbot: QtBot, make_app: MakeApp, english: None
) -> None:
    app = make_app()
    _type(qtbot, app, "keyboard short")
    palette = app.window.command_palette
    assert palette.rows()[0] == "Keyboard shortcuts"
    qtbot.keyClick(palette.box, Qt.Key.Key_Return)
    help_view = app.window.help_view
    assert help_view.isVisible() and help_view.showing == "shortcuts"
    help_view.close()


def test_a_command_is_found_by_its_russian_words(
    qtbot: QtBot, make_app: MakeApp, russian: None
) -> None:
    app = make_app()
    _type(qtbot, app, "сочетания клав")
    palette = app.window.command_palette
    assert palette.rows()[0] == "Сочетания клавиш"


def test_up_down_choose_and_escape_closes(qtbot: QtBot, make_app: MakeApp) -> None:
    app = make_app()
    _type(qtbot, app, "export")
    palette = app.window.command_palette
    assert len(palette.rows()) > 2
    qtbot.keyClick(palette.box, Qt.Key.Key_Down)
    assert palette.view.currentIndex().row() == 1
    qtbot.keyClick(palette.box, Qt.Key.Key_Up)
    assert palette.view.currentIndex().row() == 0
    qtbot.keyClick(palette.box, Qt.Key.Key_Escape)
    assert not palette.isVisible()
    assert app.navigator.current is None  # nothing was opened or run


def test_an_empty_box_lists_every_command_but_itself(make_app: MakeApp, english: None) -> None:
    app = make_app()
    app.window.palette_action.trigger()
    rows = app.window.command_palette.rows()
    assert any(r.startswith("Export list") for r in rows)
    assert not any(r.startswith("Command palette") for r in rows)


@pytest.mark.parametrize(
    ("query", "text", "matches"),
    [
        ("exp", "Export list", True),
        ("list exp", "Export list", True),
        ("xport", "Export list", False),  # words are matched from their start
        ("копир ссыл", "Копировать ссылку", True),
        ("ещё", "Ещё меню", True),
        ("еще", "Ещё меню", True),
        ("", "Export list", False),
    ],
)
def test_action_words_match_from_their_start(query: str, text: str, matches: bool) -> None:
    assert action_matches(query, text) is matches
