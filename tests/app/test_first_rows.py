"""The first People rows: what the real pane shows, painted before SQLAlchemy is imported."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app import gui, language
from app.first_rows import FirstRows
from app.models.columns import PEOPLE_COLUMNS
from app.widgets.main_window import MainWindow
from db import Archive
from tests.app.ui_texts import english, russian

__all__ = ["english", "russian"]

ROOT = Path(__file__).resolve().parents[2]


def test_the_first_rows_read_like_the_people_pane(
    qtbot: QtBot, archive: Archive, make_app: object
) -> None:
    first = FirstRows()
    qtbot.addWidget(first)
    assert first.fill(archive, "birth_year", True, 12) == 99
    app = make_app()  # type: ignore[operator]
    pane = app.panes["person"]
    pane.model.sort(5, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: pane.model.rowCount() == 99)
    assert first.model.rowCount() == 12
    for row in range(12):
        for col in range(len(PEOPLE_COLUMNS)):
            ours = first.model.index(row, col)
            theirs = pane.model.index(row, col)
            assert ours.data() == theirs.data()
            assert ours.data(Qt.ItemDataRole.TextAlignmentRole) == theirs.data(
                Qt.ItemDataRole.TextAlignmentRole
            )
    assert [first.model.headerData(i, Qt.Orientation.Horizontal) for i in range(7)] == [
        c.header for c in PEOPLE_COLUMNS
    ]
    assert first.count_label.text() == "99 people"


def test_the_first_rows_offer_no_column_chooser_the_real_pane_does(qtbot: QtBot) -> None:
    first = FirstRows()
    qtbot.addWidget(first)
    policy = first.view.horizontalHeader().contextMenuPolicy()
    assert policy == Qt.ContextMenuPolicy.DefaultContextMenu


def test_rows_that_fit_grow_with_the_height(qtbot: QtBot) -> None:
    first = FirstRows()
    qtbot.addWidget(first)
    row = first.view.verticalHeader().defaultSectionSize()
    assert first.rows_that_fit(0) == 1
    assert first.rows_that_fit(row * 20) == 21


def test_the_real_pane_replaces_the_first_rows(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    first = FirstRows()
    window.show_first_rows(first, "People")
    assert window.tabs.count() == 1 and window.tabs.widget(0) is first
    from PySide6.QtWidgets import QLabel

    real = QLabel("the People pane")
    window.add_pane(real, "People", "Ctrl+1")
    assert window.tabs.count() == 1 and window.tabs.widget(0) is real


def test_run_ends_with_the_real_pane_only(
    qtbot: QtBot, tmp_path: Path, no_event_loop: list[int]
) -> None:
    from PySide6.QtWidgets import QApplication, QTableView

    shown: list[MainWindow] = []
    real_exec = QApplication.exec

    def look() -> int:
        shown.extend(
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        )
        for window in shown:
            assert all(window.tabs.indexOf(f) == -1 for f in window.findChildren(FirstRows))
            assert window.tabs.widget(0).findChild(QTableView, "peoplePane") is not None
        return int(real_exec())

    QApplication.exec = staticmethod(look)  # type: ignore[method-assign]
    try:
        assert gui.run(["--settings", str(tmp_path / "s.ini")]) == 0
    finally:
        QApplication.exec = real_exec  # type: ignore[method-assign]
    assert no_event_loop == [99]


@pytest.mark.parametrize("size", [(1280, 720), (1600, 1000)])
def test_the_rows_stay_where_they_are_when_the_window_is_complete(
    qtbot: QtBot,
    tmp_path: Path,
    no_event_loop: list[int],
    monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int],
) -> None:
    # The first rows leave room for the search box and for the toolbar's icons, which come
    # with the rest of the window: the rows are painted once where they will stay.
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication, QTableView

    tops: list[int] = []
    show = gui._show_first_rows

    def first(window: MainWindow, *args: object) -> BaseException | None:
        window.resize(*size)
        result = show(window, *args)  # type: ignore[arg-type]
        rows = window.findChild(FirstRows)
        assert rows is not None
        tops.append(rows.view.viewport().mapTo(window, QPoint(0, 0)).y())
        return result

    real_exec = QApplication.exec

    def look() -> int:
        for window in QApplication.topLevelWidgets():
            if isinstance(window, MainWindow) and window.isVisible():
                QApplication.processEvents()
                view = window.tabs.widget(0).findChild(QTableView, "peoplePane")
                assert view is not None
                tops.append(view.viewport().mapTo(window, QPoint(0, 0)).y())
        return int(real_exec())

    monkeypatch.setattr(gui, "_show_first_rows", first)
    monkeypatch.setattr(QApplication, "exec", staticmethod(look))
    assert gui.run(["--settings", str(tmp_path / "s.ini")]) == 0
    assert len(tops) == 2 and tops[0] == tops[1], tops


def test_the_first_rows_are_painted_before_sqlalchemy_is_imported(tmp_path: Path) -> None:
    code = textwrap.dedent(
        f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        sys.path.insert(0, {str(ROOT)!r})
        from PySide6.QtWidgets import QApplication
        import platformdirs
        platformdirs.user_log_dir = lambda *a, **k: {str(tmp_path / "log")!r}
        from app import first_rows, gui
        seen = []
        real_fill = first_rows.FirstRows.fill
        def fill(self, *args):
            total = real_fill(self, *args)
            heavy = [
                m
                for m in ("sqlalchemy", "babel", "db.dto", "app.widgets.detail_view")
                if m in sys.modules
            ]
            # Qt's namespace of enums (93 classes, ~10 ms) is built on first use.
            from PySide6 import QtCore
            if "Qt" in QtCore.__dict__:
                heavy.append("Qt")
            seen.append((self.model.rowCount(), total, heavy))
            return total
        first_rows.FirstRows.fill = fill
        QApplication.exec = staticmethod(lambda: 0)
        gui.run(["--settings", {str(tmp_path / "s.ini")!r}])
        import json
        print("RESULT", json.dumps([seen, "sqlalchemy" in sys.modules]))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    line = next(x for x in out.stdout.splitlines() if x.startswith("RESULT "))
    seen, sqlalchemy_at_the_end = json.loads(line.removeprefix("RESULT "))
    [(rows, total, heavy_then)] = seen
    assert total == 99 and rows > 10
    # SQLAlchemy, Babel's CLDR data, the DTO module, the detail view, Qt's enums: all after
    assert heavy_then == []
    assert sqlalchemy_at_the_end  # the rest of the app imported it afterwards


def test_in_russian_the_first_rows_count_people_and_lead_with_the_cyrillic_name(
    qtbot: QtBot, archive: Archive, russian: None
) -> None:
    first = FirstRows()
    qtbot.addWidget(first)
    first.fill(archive, "name_ru", False, 5)
    assert first.count_label.text() == "99 человек"
    header = first.view.horizontalHeader()
    assert header.logicalIndex(0) == 1 and first.model.headerData(1, header.orientation()) == (
        "Имя (кириллица)"
    )
    language.apply("en")
    assert first.count_label.text() == "99 people" and header.logicalIndex(0) == 0


def test_a_session_saved_in_russian_starts_in_russian(
    qtbot: QtBot, tmp_path: Path, no_event_loop: list[int], english: None
) -> None:
    from PySide6.QtWidgets import QApplication

    from app.settings import Settings

    settings = Settings(tmp_path / "s.ini")
    settings.language = "ru"
    settings.sync()
    seen: list[tuple[str, str, str]] = []
    real_exec = QApplication.exec

    def look() -> int:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow) and w.isVisible():
                pane = w.tabs.widget(0)
                seen.append((w.file_menu.title(), w.tabs.tabText(0), pane.count_label.text()))  # type: ignore[attr-defined]
        return int(real_exec())

    QApplication.exec = staticmethod(look)  # type: ignore[method-assign]
    try:
        assert gui.run(["--settings", str(tmp_path / "s.ini")]) == 0
    finally:
        QApplication.exec = real_exec  # type: ignore[method-assign]
    assert seen == [("&Файл", "Люди", "Показано 99 из 99 человек")]
