"""Dialogs: a callable given for a modal is used instead of it; the defaults call Qt's dialogs.

No real modal opens here: where a test reaches a default, the Qt static function it calls is
replaced (for that test) by a recorder that answers like the user would.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.dialogs import Dialogs, default_folder


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


class Recorder:
    """Stands in for a Qt static dialog function: records its arguments, returns ``answer``."""

    def __init__(self, answer: Any = None) -> None:
        self.calls: list[tuple[Any, ...]] = []
        self.answer = answer

    def __call__(self, *args: Any) -> Any:
        self.calls.append(args)
        return self.answer


@pytest.fixture
def qt_dialogs(monkeypatch: pytest.MonkeyPatch) -> dict[str, Recorder]:
    """Every Qt modal Dialogs may reach, replaced by a recorder that must stay unused."""
    recorders = {
        "open": Recorder(("/never/asked.sqlite", "")),
        "save": Recorder(("/never/asked.csv", "")),
        "info": Recorder(),
        "url": Recorder(True),
    }
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(recorders["open"]))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(recorders["save"]))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(recorders["info"]))
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(recorders["url"]))
    return recorders


# -- given callables ---------------------------------------------------------------------------


def test_a_given_open_callable_answers_instead_of_the_file_dialog(
    parent: QWidget, qt_dialogs: dict[str, Recorder]
) -> None:
    asked: list[QWidget] = []

    def answer(widget: QWidget) -> Path:
        asked.append(widget)
        return Path("/data/chosen.sqlite")

    assert Dialogs(open_path=answer).ask_open(parent) == Path("/data/chosen.sqlite")
    assert asked == [parent] and qt_dialogs["open"].calls == []


def test_a_given_save_callable_gets_the_suggested_name(
    parent: QWidget, qt_dialogs: dict[str, Recorder]
) -> None:
    asked: list[tuple[QWidget, str]] = []

    def answer(widget: QWidget, suggested: str) -> None:
        asked.append((widget, suggested))

    assert Dialogs(save_path=answer).ask_save(parent, "people.csv") is None
    assert asked == [(parent, "people.csv")] and qt_dialogs["save"].calls == []


def test_a_given_notify_callable_receives_the_message_instead_of_a_message_box(
    parent: QWidget, qt_dialogs: dict[str, Recorder]
) -> None:
    shown: list[tuple[QWidget, str, str]] = []
    Dialogs(notify=lambda *args: shown.append(args)).show(parent, "Export failed", "disk full")
    assert shown == [(parent, "Export failed", "disk full")] and qt_dialogs["info"].calls == []


def test_a_given_open_url_callable_receives_the_address_instead_of_the_browser(
    qt_dialogs: dict[str, Recorder],
) -> None:
    opened: list[str] = []
    Dialogs(open_url=opened.append).external("https://example.org/a?b=1")
    assert opened == ["https://example.org/a?b=1"] and qt_dialogs["url"].calls == []


def test_a_value_that_is_not_callable_falls_back_to_the_qt_dialog(
    parent: QWidget, qt_dialogs: dict[str, Recorder]
) -> None:
    qt_dialogs["open"].answer = ("/data/picked.sqlite", "Archives (*.sqlite *.db)")
    assert Dialogs(open_path="not callable").ask_open(parent) == Path("/data/picked.sqlite")
    assert len(qt_dialogs["open"].calls) == 1


# -- defaults --------------------------------------------------------------------------------


def test_the_default_open_dialog_asks_for_archives_under_its_parent(
    parent: QWidget, qt_dialogs: dict[str, Recorder]
) -> None:
    qt_dialogs["open"].answer = ("/data/archive one.sqlite", "Archives (*.sqlite *.db)")
    assert Dialogs().ask_open(parent) == Path("/data/archive one.sqlite")
    ((widget, _caption, _folder, filters),) = qt_dialogs["open"].calls
    assert widget is parent and "*.sqlite" in filters and "*.db" in filters


@pytest.mark.parametrize("method", ["ask_open", "ask_save"])
def test_cancelling_a_default_file_dialog_answers_none(
    parent: QWidget, qt_dialogs: dict[str, Recorder], method: str
) -> None:
    qt_dialogs["open"].answer = qt_dialogs["save"].answer = ("", "")
    dialogs = Dialogs()
    answer = dialogs.ask_open(parent) if method == "ask_open" else dialogs.ask_save(parent, "x.csv")
    assert answer is None


def test_the_default_save_dialog_suggests_the_name_with_csv_and_json_filters(
    parent: QWidget, qt_dialogs: dict[str, Recorder]
) -> None:
    qt_dialogs["save"].answer = ("/out/people.json", "JSON (*.json)")
    assert Dialogs().ask_save(parent, "people.csv") == Path("/out/people.json")
    ((widget, _caption, suggested, filters),) = qt_dialogs["save"].calls
    assert (widget, suggested) == (parent, str(default_folder() / "people.csv"))
    assert filters == "CSV (*.csv);;JSON (*.json)"


def test_the_default_save_dialog_offers_the_filters_it_is_given(
    parent: QWidget, qt_dialogs: dict[str, Recorder]
) -> None:
    qt_dialogs["save"].answer = ("/out/outcomes.svg", "SVG (*.svg)")
    Dialogs().ask_save(parent, "outcomes.png", "Images (*.png);;SVG (*.svg)")
    assert qt_dialogs["save"].calls[0][3] == "Images (*.png);;SVG (*.svg)"


def test_the_default_message_is_an_information_box_under_its_parent(
    parent: QWidget, qt_dialogs: dict[str, Recorder]
) -> None:
    Dialogs().show(parent, "About", "Kremlin Affair Archive")
    assert qt_dialogs["info"].calls == [(parent, "About", "Kremlin Affair Archive")]


def test_the_default_external_opener_hands_the_address_to_the_desktop(
    qt_dialogs: dict[str, Recorder],
) -> None:
    Dialogs().external("http://showtrials.ru/a b/")
    ((url,),) = qt_dialogs["url"].calls
    assert isinstance(url, QUrl) and url.toString() == "http://showtrials.ru/a b/"


# -- bibliographies ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("a.bib", "bibtex"), ("a.RIS", "ris"), ("a.json", "csl-json"), ("a.txt", "bibtex")],
)
def test_a_given_save_callable_picks_the_bibliography_format_by_suffix(
    parent: QWidget, qt_dialogs: dict[str, Recorder], name: str, fmt: str
) -> None:
    dialogs = Dialogs(save_path=lambda _parent, _suggested: Path("/out") / name)
    assert dialogs.ask_bibliography(parent, "sources.bib") == (Path("/out") / name, fmt)
    assert qt_dialogs["save"].calls == []


def test_the_default_bibliography_dialog_takes_the_format_of_the_chosen_filter(
    parent: QWidget, qt_dialogs: dict[str, Recorder]
) -> None:
    qt_dialogs["save"].answer = ("/out/sources", "RIS (Zotero, EndNote, Mendeley) (*.ris)")
    assert Dialogs().ask_bibliography(parent, "sources.bib") == (Path("/out/sources.ris"), "ris")
    ((widget, caption, suggested, filters),) = qt_dialogs["save"].calls
    assert (widget, caption) == (parent, "Export bibliography")
    assert suggested == str(default_folder() / "sources.bib")
    assert filters.split(";;") == [
        "BibTeX (*.bib)",
        "RIS (Zotero, EndNote, Mendeley) (*.ris)",
        "CSL-JSON (*.json)",
    ]


def test_cancelling_the_bibliography_dialog_answers_none(
    parent: QWidget, qt_dialogs: dict[str, Recorder]
) -> None:
    qt_dialogs["save"].answer = ("", "")
    assert Dialogs().ask_bibliography(parent, "sources.bib") is None


def test_a_typed_suffix_decides_the_bibliography_format(
    parent: QWidget, qt_dialogs: dict[str, Recorder]
) -> None:
    qt_dialogs["save"].answer = ("/out/sources.json", "BibTeX (*.bib)")
    assert Dialogs().ask_bibliography(parent, "sources.bib") == (
        Path("/out/sources.json"),
        "csl-json",
    )


# -- the last folder of each kind of dialog -----------------------------------------------------


def test_each_kind_of_dialog_starts_in_the_folder_it_last_chose(
    parent: QWidget, tmp_path: Path
) -> None:
    from PySide6.QtCore import QSettings

    from app.dialogs import FolderMemory

    (tmp_path / "pdfs").mkdir()
    answers = [tmp_path / "pdfs" / "kamenev-lev.pdf"]
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    dialogs = Dialogs(save_path=lambda _p, _s: answers.pop(0), folders=FolderMemory(settings))
    assert dialogs.start_path("dossier", "a.pdf") == str(default_folder() / "a.pdf")
    dialogs.ask_save(parent, "kamenev-lev.pdf", key="dossier")
    assert dialogs.start_path("dossier", "a.pdf") == str(tmp_path / "pdfs" / "a.pdf")
    assert dialogs.start_path("chart") == str(default_folder())  # another kind: its own
    later = Dialogs(folders=FolderMemory(settings))  # the next run, same settings
    assert later.start_path("dossier") == str(tmp_path / "pdfs")


def test_a_remembered_folder_that_is_gone_falls_back_to_the_default(tmp_path: Path) -> None:
    from app.dialogs import FolderMemory

    memory = FolderMemory()
    memory.remember("list", tmp_path / "gone" / "people.csv")
    assert memory.folder("list") == default_folder()
    assert default_folder() != Path.cwd() or Path.cwd() == Path.home()
