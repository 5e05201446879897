"""The search panel: search as you type (each keystroke, on a worker), grouped results, hits."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QTreeView
from pytestqt.qtbot import QtBot

from app import language
from app.models.search_results import (
    IsGroupRole,
    LabelSpansRole,
    RefRole,
    SearchResultsModel,
    WhyRole,
)
from app.widgets import search_panel as search_panel_module
from app.widgets.search_panel import SearchPanel, marked_html
from db import Archive
from db.dto import Ref
from db.search import query
from db.search.find import SearchResults, search
from tests.app.ui_texts import english

__all__ = ["english"]


@pytest.fixture
def panel(qtbot: QtBot, archive: Archive) -> Iterator[SearchPanel]:
    p = SearchPanel()
    qtbot.addWidget(p)
    p.resize(560, 640)
    with qtbot.waitSignal(p.results_changed, timeout=30_000):
        p.set_source(archive)
    p.show()
    qtbot.waitExposed(p)
    yield p
    p.wait()


def _box(panel: SearchPanel) -> QLineEdit:
    box = panel.findChild(QLineEdit, "searchBox")
    assert box is not None
    return box


def _view(panel: SearchPanel) -> QTreeView:
    view = panel.findChild(QTreeView, "searchResults")
    assert view is not None
    return view


def _type(qtbot: QtBot, panel: SearchPanel, text: str) -> SearchResults:
    with qtbot.waitSignal(panel.results_changed, timeout=30_000) as blocker:
        _box(panel).setText(text)
    results = blocker.args[0]
    assert isinstance(results, SearchResults)
    return results


def test_typing_searches_and_shows_groups(qtbot: QtBot, panel: SearchPanel) -> None:
    results = _type(qtbot, panel, "Jeschow")
    assert results.hits[0].ref == Ref("person", "yezhov-nikolai")
    model = _view(panel).model()
    top = model.index(0, 0)
    # Yezhov by his name; three more whose texts name him (in English, as "Yezhov").
    assert top.data() == "People (4)" and top.data(IsGroupRole)
    hit = model.index(0, 0, top)
    assert hit.data(RefRole) == Ref("person", "yezhov-nikolai")
    assert hit.data(WhyRole) == "German spelling Jeschow of Ежов"
    assert "Ежов" in [hit.data()[a:b] for a, b in hit.data(LabelSpansRole)]
    assert _view(panel).isExpanded(top)


def test_fast_typing_gives_one_search_for_the_last_text(qtbot: QtBot, panel: SearchPanel) -> None:
    seen: list[SearchResults] = []
    panel.results_changed.connect(seen.append)
    with qtbot.waitSignal(panel.results_changed, timeout=30_000):
        for text in ("Р", "Ро", "Роз", "Розе", "Розенфельд"):
            _box(panel).setText(text)
    panel.wait()
    qtbot.wait(50)
    assert [r.query for r in seen] == ["Розенфельд"]


def test_enter_opens_the_best_hit(qtbot: QtBot, panel: SearchPanel) -> None:
    _type(qtbot, panel, "Н.Б. Розенфельд")
    with qtbot.waitSignal(panel.item_activated, timeout=30_000) as blocker:
        qtbot.keyClick(_box(panel), Qt.Key.Key_Return)
    assert blocker.args == [Ref("person", "rozenfeld-nikolai")]


def test_down_then_enter_and_click_open_hits(qtbot: QtBot, panel: SearchPanel) -> None:
    _type(qtbot, panel, "Чернявского")
    view = _view(panel)
    qtbot.keyClick(_box(panel), Qt.Key.Key_Down)
    assert view.hasFocus() and view.currentIndex().data(RefRole) is not None
    with qtbot.waitSignal(panel.item_activated, timeout=30_000) as blocker:
        view.activated.emit(view.currentIndex())
    assert blocker.args[0] == Ref("person", "cherniavsky-mikhail")
    docs = view.model().index(2, 0)
    assert docs.data().startswith("Documents")
    first_doc = view.model().index(0, 0, docs)
    with qtbot.waitSignal(panel.item_activated, timeout=30_000) as blocker:
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(first_doc).center()
        )
    assert blocker.args[0].kind == "document"


def test_group_rows_open_nothing(qtbot: QtBot, panel: SearchPanel) -> None:
    _type(qtbot, panel, "Ежов")
    view = _view(panel)
    with qtbot.assertNotEmitted(panel.item_activated, wait=100):
        view.activated.emit(view.model().index(0, 0))


def test_clearing_the_box_clears_the_results(qtbot: QtBot, panel: SearchPanel) -> None:
    _type(qtbot, panel, "Ежов")
    results = _type(qtbot, panel, "")
    assert results.groups == () and _view(panel).model().rowCount() == 0


def test_nothing_found_and_hostile_text_are_shown_inline(qtbot: QtBot, panel: SearchPanel) -> None:
    from PySide6.QtWidgets import QLabel

    results = _type(qtbot, panel, 'NEAR( "<b>x</b>" zzqqxx')
    assert results.error is None and not results.groups
    status = panel.findChild(QLabel, "searchStatus")
    assert status is not None and status.isVisible()
    assert status.text().startswith("Nothing found for “NEAR(")


def test_focus_search_selects_the_text(qtbot: QtBot, panel: SearchPanel) -> None:
    _type(qtbot, panel, "Ежов")
    _view(panel).setFocus()
    panel.focus_search()
    qtbot.waitUntil(lambda: _box(panel).hasFocus())
    assert _box(panel).selectedText() == "Ежов"


def test_switching_archive_searches_again(
    qtbot: QtBot, panel: SearchPanel, archive: Archive
) -> None:
    _type(qtbot, panel, "Ежов")
    with qtbot.waitSignal(panel.results_changed, timeout=30_000) as blocker:
        panel.set_source(None)
    assert blocker.args[0].groups == ()
    with qtbot.waitSignal(panel.results_changed, timeout=30_000) as blocker:
        panel.set_source(archive)
    assert blocker.args[0].hits


def test_marked_html_escapes_archive_text() -> None:
    assert marked_html("<b>Ежов</b> & co", ((3, 7),)) == "&lt;b&gt;<b>Ежов</b>&lt;/b&gt; &amp; co"
    assert marked_html("😀 Ежов", ((2, 6),)) == "😀 <b>Ежов</b>"


def test_model_passes_the_model_tester(qtmodeltester: object, archive: Archive) -> None:
    model = SearchResultsModel()
    with archive.connect() as conn:
        model.set_results(search(conn, "Rozenfeld", limit=5))
    assert model.rowCount() >= 3
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    tip = model.index(0, 0, model.index(0, 0)).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("<p>") and "Rozenfeld" in tip
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsSelectable
    assert model.hit(QModelIndex()) is None


def test_screenshot_renders(qtbot: QtBot, panel: SearchPanel, tmp_path: object) -> None:
    _type(qtbot, panel, "Tschernjawski")
    image = panel.grab().toImage()
    assert image.width() == panel.width() and not image.isNull()


# -- search as you type: no timer, newest text wins ------------------------------------------


class CountingSearch:
    """Wraps db.search.find.search: which texts reached the worker, in order."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.release = threading.Event()
        self.release.set()

    def __call__(self, conn: object, text: str, limit: int = 20) -> SearchResults:
        self.texts.append(text)
        assert self.release.wait(30)
        return search(conn, text, limit)


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> CountingSearch:
    spy = CountingSearch()
    monkeypatch.setattr(search_panel_module, "search", spy)
    return spy


def test_a_keystroke_starts_a_search_at_once_without_a_timer(
    qtbot: QtBot, panel: SearchPanel, counted: CountingSearch
) -> None:
    _box(panel).setText("Ж")
    assert panel.searching  # submitted in the keystroke's own handler, no timer between
    with qtbot.waitSignal(panel.results_changed, timeout=30_000) as done:
        pass
    assert counted.texts == ["Ж"] and done.args[0].query == "Ж"


def test_a_stale_result_never_replaces_a_newer_one(
    qtbot: QtBot, panel: SearchPanel, counted: CountingSearch
) -> None:
    seen: list[str] = []
    panel.results_changed.connect(lambda r: seen.append(r.query))
    counted.release.clear()  # hold the first search on the worker while the user types on
    _box(panel).setText("К")
    qtbot.waitUntil(lambda: counted.texts == ["К"], timeout=30_000)  # on the worker, held
    for text in ("Ка", "Кам", "Каме"):
        _box(panel).setText(text)
    assert counted.texts == ["К"]  # one running; only the newest typed text waits
    with qtbot.waitSignal(panel.results_changed, timeout=30_000):
        counted.release.set()
    panel.wait()
    assert counted.texts == ["К", "Каме"]
    assert seen == ["Каме"]  # the answer for "К" came back stale and was never shown


def test_a_slow_search_says_so_and_its_results_replace_the_line(
    qtbot: QtBot, panel: SearchPanel, counted: CountingSearch
) -> None:
    status = panel.findChild(QLabel, "searchStatus")
    assert status is not None
    counted.release.clear()  # the search is held on the worker: a slow answer
    _box(panel).setText("Муханова")
    qtbot.waitUntil(lambda: counted.texts == ["Муханова"], timeout=30_000)
    with qtbot.waitSignal(panel._slow.timeout, timeout=5_000):
        pass
    assert status.isVisible() and status.text() == "Searching “Муханова”…"
    with qtbot.waitSignal(panel.results_changed, timeout=30_000):
        counted.release.set()
    assert status.text() == SearchPanel._summary(panel.results)  # the counts of the answer
    assert panel.results.query == "Муханова" and panel.results.hits
    assert not panel._slow.isActive()


def test_a_fast_search_never_says_searching(
    qtbot: QtBot, panel: SearchPanel, counted: CountingSearch
) -> None:
    status = panel.findChild(QLabel, "searchStatus")
    assert status is not None
    _type(qtbot, panel, "Ежов")
    assert not panel._slow.isActive() and "Searching" not in status.text()


def test_the_morphology_is_loaded_on_a_worker_once_the_panel_has_an_archive(
    qtbot: QtBot, archive: Archive
) -> None:
    query._load_morph.cache_clear()
    p = SearchPanel()
    qtbot.addWidget(p)
    with qtbot.waitSignal(p._warm.timeout, timeout=10_000):
        p.set_source(archive)
    p.wait()
    assert query._load_morph.cache_info().currsize == 1  # loaded, before any Cyrillic search
    assert p.results.query == ""  # and nothing was searched for it


SHORT = [("Че", "cherniavsky-mikhail"), ("ch", "cherniavsky-mikhail"), ("Ка", "kamenev-lev")]


@pytest.mark.parametrize(("text", "person"), [*SHORT, ("Z", "zinoviev-grigory")])
def test_one_or_two_letters_find_people_whose_names_start_with_them(
    qtbot: QtBot, panel: SearchPanel, text: str, person: str
) -> None:
    results = _type(qtbot, panel, text)
    people = results.group("person")
    assert people is not None and Ref("person", person) in [h.ref for h in people.hits]
    assert "Nothing found" not in panel.findChild(QLabel, "searchStatus").text()


def test_every_prefix_of_a_surname_finds_the_person(qtbot: QtBot, panel: SearchPanel) -> None:
    for n in range(1, len("Чернявский") + 1):
        results = _type(qtbot, panel, "Чернявский"[:n])
        people = results.group("person")
        assert people is not None, n
        assert Ref("person", "cherniavsky-mikhail") in [h.ref for h in people.hits], n


def test_a_language_change_searches_again_and_says_the_counts_in_russian(
    qtbot: QtBot, panel: SearchPanel, english: None
) -> None:
    _type(qtbot, panel, "Kamenev")
    status = panel.findChild(QLabel, "searchStatus")
    assert status is not None and "people" in status.text()
    with qtbot.waitSignal(panel.results_changed, timeout=30_000):
        language.apply("ru")
    assert _box(panel).placeholderText().startswith("Поиск имён")
    assert "человек" in status.text() and "people" not in status.text()
    with qtbot.waitSignal(panel.results_changed, timeout=30_000):
        language.apply("en")
    assert "people" in status.text()


def test_nothing_found_in_russian(qtbot: QtBot, panel: SearchPanel, english: None) -> None:
    language.apply("ru")
    panel.wait()
    _type(qtbot, panel, "zzzzqqq")
    status = panel.findChild(QLabel, "searchStatus")
    assert status is not None and status.text().startswith("По запросу «zzzzqqq» ничего не найдено")


# -- results take room only while there is a search ------------------------------------------


def test_the_results_are_hidden_while_the_box_is_empty(qtbot: QtBot, panel: SearchPanel) -> None:
    changes: list[bool] = []
    panel.expanded_changed.connect(changes.append)
    assert not _view(panel).isVisibleTo(panel) and not panel.expanded
    _type(qtbot, panel, "Ежов")
    assert _view(panel).isVisibleTo(panel) and panel.expanded
    _type(qtbot, panel, "")
    assert not _view(panel).isVisibleTo(panel) and not panel.expanded
    assert changes == [True, False]
    assert panel.minimumSizeHint().height() <= _box(panel).sizeHint().height() + 2


def test_spaces_alone_are_no_search_and_show_no_results(qtbot: QtBot, panel: SearchPanel) -> None:
    _type(qtbot, panel, "   ")
    assert not _view(panel).isVisibleTo(panel)
    assert panel.text() == "   "
