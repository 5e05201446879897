"""Appearance: View → Appearance (follow the system, light, dark) sets the palette at once, is
remembered and shown again at the next start; the detail page and the chart then draw in the
palette's colours (no white page in a dark scheme); the system's own scheme is followed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCharts import QBarSeries
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from app import appearance, language
from app.appearance import Appearance, AppearanceMenu, dark_palette, is_dark, light_palette
from app.bootstrap import App
from app.settings import Settings
from db import i18n


@pytest.fixture(autouse=True)
def restored_palette(qapp: QApplication) -> Iterator[None]:
    """Every test leaves the platform's own palette behind it."""
    yield
    QApplication.setPalette(QPalette())


def _menu(app: App) -> AppearanceMenu:
    menu = app.window.findChild(QMenu, "appearanceMenu")
    assert isinstance(menu, AppearanceMenu)
    return menu


def _base(widget_palette: QPalette) -> str:
    return widget_palette.color(QPalette.ColorRole.Base).name()


def test_the_appearance_menu_sits_in_the_view_menu(make_app: Callable[..., App]) -> None:
    app = make_app()
    menu = _menu(app)
    assert menu.menuAction() in app.window.view_menu.actions()
    assert list(menu.mode_actions) == ["system", "light", "dark"]
    assert menu.mode_actions["system"].isChecked()
    assert not is_dark(QApplication.palette())  # offscreen: a light system


def test_choosing_dark_darkens_the_detail_page(make_app: Callable[..., App], qtbot: QtBot) -> None:
    app = make_app()
    person = app.panes["person"].model.index(0, 0)
    app.panes["person"].view.setCurrentIndex(person)
    detail = app.window.detail
    qtbot.waitUntil(lambda: detail.ref is not None)
    _menu(app).mode_actions["dark"].trigger()
    qtbot.waitUntil(lambda: _base(detail.palette()) == _base(dark_palette()))
    frame = detail.document().rootFrame().frameFormat()
    assert frame.background().color().name() == _base(detail.palette())
    link = dark_palette().color(QPalette.ColorRole.Link).name()
    assert link in detail.toHtml()


def test_choosing_dark_recolours_the_chart(make_app: Callable[..., App], qtbot: QtBot) -> None:
    app = make_app()
    _menu(app).mode_actions["dark"].trigger()
    chart = app.chart.chart()
    qtbot.waitUntil(lambda: chart.backgroundBrush().color().name() == _base(dark_palette()))
    text = dark_palette().color(QPalette.ColorRole.Text)
    assert chart.legend().labelColor() == text
    bar_sets = next(s for s in chart.series() if isinstance(s, QBarSeries)).barSets()
    assert all(b.labelColor() == text for b in bar_sets)


def test_the_choice_is_remembered_and_shown_at_the_next_start(
    make_app: Callable[..., App], tmp_path: Path, qtbot: QtBot
) -> None:
    ini = tmp_path / "look.ini"
    _menu(make_app(ini)).mode_actions["dark"].trigger()
    assert Settings(ini).appearance == "dark"
    QApplication.setPalette(QPalette())
    again = make_app(ini)
    assert _menu(again).mode_actions["dark"].isChecked()
    assert is_dark(QApplication.palette())
    _menu(again).mode_actions["system"].trigger()
    assert Settings(ini).appearance == "system"
    assert not is_dark(QApplication.palette())


def test_light_over_a_dark_platform_palette(tmp_path: Path, qapp: QApplication) -> None:
    QApplication.setPalette(dark_palette())  # as a dark desktop would give it
    settings = Settings(tmp_path / "s.ini")
    settings.appearance = "light"
    look = Appearance(settings)
    look.apply()
    assert not is_dark(QApplication.palette())
    assert _base(QApplication.palette()) == _base(light_palette())
    assert look.scheme == "light"


def test_system_mode_follows_the_systems_scheme(
    tmp_path: Path, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    look = Appearance(Settings(tmp_path / "s.ini"))
    seen: list[str] = []
    look.scheme_changed.connect(seen.append)
    hints = QGuiApplication.styleHints()
    monkeypatch.setattr(type(hints), "colorScheme", lambda _self: Qt.ColorScheme.Dark)
    look._on_color_scheme_changed(Qt.ColorScheme.Dark)
    assert is_dark(QApplication.palette())
    monkeypatch.setattr(type(hints), "colorScheme", lambda _self: Qt.ColorScheme.Light)
    look._on_color_scheme_changed(Qt.ColorScheme.Light)
    assert not is_dark(QApplication.palette())
    assert seen == ["dark", "light"]


def test_an_explicit_choice_ignores_the_systems_changes(
    tmp_path: Path, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(tmp_path / "s.ini")
    settings.appearance = "light"
    look = Appearance(settings)
    look.apply()
    hints = QGuiApplication.styleHints()
    monkeypatch.setattr(type(hints), "colorScheme", lambda _self: Qt.ColorScheme.Dark)
    look._on_color_scheme_changed(Qt.ColorScheme.Dark)
    assert not is_dark(QApplication.palette())


def test_a_bad_value_in_the_file_means_follow_the_system(
    tmp_path: Path, qapp: QApplication
) -> None:
    ini = tmp_path / "s.ini"
    ini.write_text("[ui]\nappearance=purple\n", encoding="utf-8")
    assert Settings(ini).appearance == "system"
    with pytest.raises(ValueError, match="purple"):
        Settings(ini).appearance = "purple"


@pytest.fixture
def russian() -> Iterator[None]:
    language.apply("ru")
    yield
    language.apply("en")


@pytest.mark.usefixtures("russian")
def test_the_menu_speaks_russian(make_app: Callable[..., App]) -> None:
    menu = _menu(make_app())
    assert i18n.language() == "ru"
    assert menu.title().replace("&", "") == "Оформление"
    texts = [a.text().replace("&", "") for a in menu.mode_actions.values()]
    assert texts == ["Как в системе", "Светлая", "Тёмная"]


def test_the_menu_follows_a_language_switch(make_app: Callable[..., App]) -> None:
    app = make_app()
    menu = _menu(app)
    try:
        app.language.switch("ru")
        assert menu.title().replace("&", "") == "Оформление"
    finally:
        app.language.switch("en")
    assert menu.title().replace("&", "") == "Appearance"


def test_install_without_a_view_menu_still_applies(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    settings = Settings(tmp_path / "s.ini")
    settings.appearance = "dark"
    look = appearance.install(window, settings)
    assert look.scheme == "dark"
    assert window.findChild(QMenu, "appearanceMenu") is None
