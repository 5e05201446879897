"""Icons: every toolbar action and the window have one; our SVG stands in where the desktop
theme has none (the offscreen platform has no theme), drawn in the palette's text colour at any
size; every bundled icon is licensed."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QImage, QPalette
from PySide6.QtWidgets import QApplication

from app import icons, resources
from app.appearance import dark_palette
from app.bootstrap import App

ICONS = resources.resource("icons")


@pytest.fixture
def restored_palette(qapp: QApplication) -> Iterator[None]:
    yield
    QApplication.setPalette(QPalette())


def _ink(image: QImage) -> set[str]:
    """Colours of the opaque pixels."""
    return {
        image.pixelColor(x, y).name()
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() == 255
    }


def test_every_toolbar_action_has_an_icon_and_shows_it(make_app: Callable[..., App]) -> None:
    app = make_app()
    toolbar = app.window.toolbar
    actions = [a for a in toolbar.actions() if not a.isSeparator()]
    assert actions
    for action in actions:
        assert not action.icon().isNull(), action.objectName()
    assert toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon


def test_menu_actions_with_a_natural_icon_have_one(make_app: Callable[..., App]) -> None:
    app = make_app()
    named = {a.objectName(): a for a in app.window.findChildren(QAction)}
    for name in icons.ACTION_ICONS:
        assert name in named, f"{name} is no action of the window"
        assert not named[name].icon().isNull(), name


def test_the_window_and_the_application_have_an_icon(make_app: Callable[..., App]) -> None:
    app = make_app()
    assert not app.window.windowIcon().isNull()
    assert not QApplication.windowIcon().isNull()


def test_every_mapped_svg_exists_and_is_licensed() -> None:
    licence = (ICONS / "LICENSE").read_text(encoding="utf-8")
    stems = {stem for _theme, stem in icons.ACTION_ICONS.values()} | {"app"}
    for stem in stems:
        assert (ICONS / f"{stem}.svg").is_file(), stem
    for svg in ICONS.glob("*.svg"):
        assert svg.name in licence, f"{svg.name} is not in resources/icons/LICENSE"
    assert "MIT" in licence


@pytest.mark.parametrize("side", [16, 24, 48])
def test_a_bundled_icon_is_drawn_sharp_at_any_size(qapp: QApplication, side: int) -> None:
    pixmap = icons.bundled("print").pixmap(QSize(side, side))
    assert pixmap.size() == QSize(side, side)
    assert _ink(pixmap.toImage())


@pytest.mark.usefixtures("restored_palette")
def test_a_bundled_icon_takes_the_palettes_text_colour(qapp: QApplication) -> None:
    icon = icons.bundled("back")
    light = _ink(icon.pixmap(QSize(24, 24)).toImage())
    QApplication.setPalette(dark_palette())
    text = QApplication.palette().color(QPalette.ColorRole.ButtonText)
    dark = _ink(icon.pixmap(QSize(24, 24)).toImage())
    assert text.name() in dark
    assert light != dark
    disabled = icon.pixmap(QSize(24, 24), QIcon.Mode.Disabled).toImage()
    assert QColor(
        dark_palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
    ).name() in _ink(disabled)


def test_a_theme_icon_is_preferred_when_the_theme_has_it(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QIcon, "hasThemeIcon", staticmethod(lambda name: name == "go-previous"))
    seen: list[str] = []

    def from_theme(name: str) -> QIcon:
        seen.append(name)
        return icons.bundled("forward")

    monkeypatch.setattr(QIcon, "fromTheme", staticmethod(from_theme))
    icons.themed("go-previous", "back")
    icons.themed("edit-find", "search")
    assert seen == ["go-previous"]


def test_a_checked_bookmark_button_shows_a_filled_bookmark(qapp: object) -> None:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    from app import icons

    icon = icons.bundled("bookmark", on="bookmark-filled")

    def inked(state: QIcon.State) -> int:
        image = icon.pixmap(QSize(32, 32), QIcon.Mode.Normal, state).toImage()
        return sum(1 for x in range(32) for y in range(32) if image.pixelColor(x, y).alpha() > 128)

    assert inked(QIcon.State.On) > 2 * inked(QIcon.State.Off)
