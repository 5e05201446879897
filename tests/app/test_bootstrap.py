"""The whole app as one: selection, links, history, filters, search and archives across widgets.

Flows that cross objects (a pane's row → the navigator → the detail view and breadcrumb; a
chart bar → the People pane; the search → the history; File → Open → every view reset
through the one archive holder) on the real window built by ``make_app``.  What one module
does alone is tested beside it (``tests/app/actions``, ``tests/app/widgets``,
``test_window_state.py``, ``test_controller.py``).
"""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtWidgets import QComboBox, QLineEdit, QTreeView
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from app.bootstrap import App
from app.models.columns import PEOPLE_COLUMNS
from app.models.paged_table import PagedTableModel
from app.models.search_results import SearchResultsModel
from app.models.sources_model import SourceColumn
from db import Archive, build, listing
from db.build import source_data
from db.dto import Ref
from tests.app.conftest import FakeDialogs
from tests.app.printing.dossier_fixtures import needs_poppler, pdf_text
from tests.app.ui_texts import english, russian
from tests.conftest import BUNDLED

__all__ = ["english", "russian"]

MakeApp = Callable[..., App]


def _search(app: App, qtbot: QtBot, text: str) -> QLineEdit:
    """Type ``text`` into the window's real search box and wait for its results."""
    box = app.window.findChild(QLineEdit, "searchBox")
    assert box is not None
    box.setText(text)
    qtbot.waitUntil(lambda: app.search.results.query == text, timeout=30_000)
    return box


def _open_first_person(app: App, qtbot: QtBot, text: str, person: str) -> list[str]:
    """Search ``text``, check ``person`` is the first person found, open that hit with Return
    as a reader would; the words marked on the page it opens."""
    box = _search(app, qtbot, text)
    people = app.search.results.group("person")
    assert people is not None and people.hits[0].ref == Ref("person", person)
    with qtbot.waitSignal(app.navigator.current_changed, timeout=30_000):
        box.returnPressed.emit()
    return app.window.detail.marked_words


RENAMED = "Lev Quuxberg"
REVISED_TITLE = "The Kremlin Affair, revised"


def _select_row(app: App, kind: str, item_id: str) -> None:
    pane = app.panes[kind]
    row = pane.model.row_of(item_id)
    assert row is not None
    pane.view.selectRow(row)


def _click(app: App, ref: Ref) -> None:
    app.window.detail.anchorClicked.emit(QUrl(ref.uri()))


def test_selecting_a_person_shows_both_scripts_and_every_sentence(make_app: MakeApp) -> None:
    app = make_app()
    _select_row(app, "person", "sinelobov-alexei")
    page = app.window.detail.plain_text()
    assert "Alexei Sinelobov" in page and "Синелобов Алексей Иванович" in page
    assert "1935 verdict: Military Collegium, 27 July 1935 — death" in page
    assert "commutation: tribunal unknown, date unknown — 10 years prison" in page
    assert "Wikipedia contributors (WikiMili mirror), Kremlin Plot" in page  # a source
    assert app.navigator.current == Ref("person", "sinelobov-alexei")


def test_conflicting_claims_are_side_by_side_with_sources(make_app: MakeApp) -> None:
    app = make_app()
    app.navigator.go(Ref("person", "sinelobov-alexei"))
    page = app.window.detail.plain_text()
    assert "Where the sources disagree" in page
    fate = page[page.index("Later fate: the sources disagree") :]
    assert "shot" in fate and "death sentence commuted to 10 years" in fate
    assert "Talk:Kremlin Plot" in fate and "low" in fate


def test_links_walk_one_history_across_kinds(make_app: MakeApp, qtbot: QtBot) -> None:
    app = make_app()
    w = app.window
    _select_row(app, "person", "mukhanova-ekaterina")
    _click(app, Ref("event", "ev-1935-mukhanova-8mar"))
    assert w.tabs.currentWidget() is app.panes["event"]
    assert app.panes["event"].current_id() == "ev-1935-mukhanova-8mar"
    assert "Mukhanova" in w.detail.plain_text()
    _click(app, Ref("document", "doc-5242"))
    assert w.tabs.currentWidget() is app.panes["document"]
    assert app.panes["document"].current_id() == "doc-5242"
    assert "Приговор Военной Коллегии" in w.detail.plain_text()
    _click(app, Ref("source", "showtrials-catalog"))
    assert "SOURCE" in w.detail.plain_text()

    w.back_action.trigger()
    assert app.navigator.current == Ref("document", "doc-5242")
    w.back_action.trigger()
    assert app.navigator.current == Ref("event", "ev-1935-mukhanova-8mar")
    w.back_action.trigger()
    assert app.navigator.current == Ref("person", "mukhanova-ekaterina")
    assert w.tabs.currentWidget() is app.panes["person"]
    assert app.panes["person"].current_id() == "mukhanova-ekaterina"
    assert not w.back_action.isEnabled()
    w.forward_action.trigger()
    assert app.navigator.current == Ref("event", "ev-1935-mukhanova-8mar")
    assert "Ekaterina Mukhanova" in w.breadcrumb.text()


def test_revealing_does_not_feed_back_into_history(make_app: MakeApp, qtbot: QtBot) -> None:
    app = make_app()
    app.navigator.go(Ref("person", "kamenev-lev"))
    with qtbot.assertNotEmitted(app.panes["person"].item_selected):
        app.navigator.go(Ref("person", "cherniavsky-mikhail"))
    assert len(app.navigator.history) == 2


def test_filters_change_rows_as_sql_says(make_app: MakeApp, archive: Archive) -> None:
    app = make_app()
    pane = app.panes["person"]
    pane.set_combo_filter("tribunal", "military-collegium")
    pane.set_combo_filter("role", "defendant")
    with archive.connect() as conn:
        expected = [
            r[0]
            for r in conn.execute(
                text(
                    "SELECT id FROM person WHERE tribunal = 'military-collegium' AND role = "
                    "'defendant' ORDER BY rank_name"
                )
            )
        ]
    assert [pane.model.id_at(r) for r in range(pane.model.rowCount())] == expected
    assert pane.count_label.text() == f"{len(expected)} of 99 people shown"
    assert app.window.status.text() == ""  # the count line is the pane's, not repeated
    app.window.clear_filters_action.trigger()
    assert pane.model.rowCount() == 99


@pytest.mark.parametrize("kind", ["person", "event", "document"])
def test_pane_models_pass_the_model_tester(
    qtmodeltester: object, archive: Archive, kind: str
) -> None:
    from app.models.columns import DOCUMENT_COLUMNS, EVENT_COLUMNS

    spec, cols = {
        "person": (listing.PEOPLE, PEOPLE_COLUMNS),
        "event": (listing.EVENTS, EVENT_COLUMNS),
        "document": (listing.DOCUMENTS, DOCUMENT_COLUMNS),
    }[kind]
    model = PagedTableModel(archive, spec, cols)
    model.set_query(
        listing.ListQuery(spec.default_sort).with_filter(
            *{
                "person": ("role", "defendant"),
                "event": ("year", "1935"),
                "document": ("year", "1934"),
            }[kind]
        )
    )
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.set_query(listing.ListQuery(spec.default_sort))
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_bad_archive_keeps_the_open_one_with_one_message(
    make_app: MakeApp, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    app = make_app()
    app.navigator.go(Ref("person", "kamenev-lev"))
    bad = tmp_path / "bad.sqlite"
    bad.write_text("hello")
    fake_dialogs.open_answers.append(bad)
    app.window.open_action.trigger()
    assert len(fake_dialogs.messages) == 1
    assert "bad.sqlite" in fake_dialogs.messages[0][1]
    assert app.panes["person"].model.rowCount() == 99
    assert app.navigator.current == Ref("person", "kamenev-lev")
    assert "Lev Kamenev" in app.window.detail.plain_text()


@pytest.fixture(scope="module")
def revised(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Another archive, built by db.build: new title and data version, Kamenev renamed, one
    more verdict (an OSO exile) for the chart, one event moved to a year the bundled lacks."""
    data = source_data.load(build.DEFAULT_DATA)
    data.meta.update(title=REVISED_TITLE, data_version="2099.1.1")
    next(p for p in data.tables["people"] if p["id"] == "kamenev-lev")["name_en"] = RENAMED
    next(e for e in data.tables["events"] if e["id"] == "ev-1940-burago-oryol")["date"] = (
        "1941-08-16"
    )
    verdicts = {s["person_id"] for s in data.tables["sentences"] if s["stage"] == "verdict"}
    person = next(p for p in data.tables["people"] if p["id"] not in verdicts)
    data.tables["sentences"].append(
        {
            **data.tables["sentences"][0],
            "id": "s-extra-oso",
            "person_id": person["id"],
            "tribunal": "special-board-oso",
            "date": "1935-07-14",
            "kind": "exile",
            "years": "3",
        }
    )
    source_data.validate(data)
    folder = tmp_path_factory.mktemp("revised")
    return build.write_source_data(data, folder / "revised archive.sqlite")


def test_opening_another_archive_resets_every_view_through_the_one_holder(
    make_app: MakeApp, fake_dialogs: FakeDialogs, revised: Path, qtbot: QtBot
) -> None:
    app = make_app()
    w, nav = app.window, app.navigator
    # State on the bundled archive: a trail, combo filters, a chart chip, a search.
    nav.go(Ref("person", "kamenev-lev"))
    nav.go(Ref("event", "ev-1934-kirov"))
    app.panes["event"].set_combo_filter("year", "1940")
    app.panes["document"].set_combo_filter("doc_type", "letter")
    app.chart.named_bar_clicked.emit("military-collegium", "death")
    _search(app, qtbot, RENAMED)
    assert app.search.results.hits == ()
    oso_exile_before = app.chart.count("special-board-oso", "exile")

    fake_dialogs.open_answers.append(revised)
    with qtbot.waitSignal(app.search.results_changed, timeout=30_000):
        w.open_action.trigger()

    assert fake_dialogs.messages == [] and app.controller.holder.archive.path == revised
    assert REVISED_TITLE in w.windowTitle() and app.settings.recent_archives[0] == str(revised)
    # History: forgotten; the welcome page of the new archive.
    assert nav.current is None and nav.history == ()
    assert not w.back_action.isEnabled() and w.breadcrumb.text() == ""
    assert REVISED_TITLE in w.detail.plain_text() and "2099.1.1" in w.detail.plain_text()
    # Panes: every filter gone, rows and filter values read from the new file.
    conn = sqlite3.connect(f"file:{revised}?mode=ro&immutable=1", uri=True)
    try:
        for kind, pane in app.panes.items():
            (n,) = conn.execute(f"SELECT count(*) FROM {kind}").fetchone()
            assert pane.model.rowCount() == n and not pane.model.query.filtered, kind
            assert pane.chip.isHidden(), kind
        years = [str(y) for (y,) in conn.execute("SELECT DISTINCT year FROM event ORDER BY 1")]
        (oso_exiles,) = conn.execute(
            "SELECT count(*) FROM sentence WHERE stage = 'verdict' "
            "AND tribunal = 'special-board-oso' AND kind = 'exile'"
        ).fetchone()
    finally:
        conn.close()
    year_combo = app.panes["event"].findChild(QComboBox, "eventsPane_yearFilter")
    assert year_combo is not None and year_combo.currentIndex() == 0
    assert [year_combo.itemData(i) for i in range(1, year_combo.count())] == years
    assert "1941" in years
    people = app.panes["person"].model
    row = people.row_of("kamenev-lev")
    assert row is not None and "Quuxberg" in str(people.index(row, 0).data())
    # Chart and search: read again from the new archive.
    named = app.chart.count("special-board-oso", "exile")
    assert oso_exile_before is not None and oso_exile_before.named == 0
    assert named is not None and named.named == oso_exiles == 1
    assert Ref("person", "kamenev-lev") in {hit.ref for hit in app.search.results.hits}
    # Dossiers too.
    assert RENAMED in app.dossiers.rendition(Ref("person", "kamenev-lev")).title


def test_the_mouse_back_button_anywhere_in_the_window_goes_back(
    make_app: MakeApp, qtbot: QtBot
) -> None:
    app = make_app()
    app.navigator.go(Ref("person", "kamenev-lev"))
    app.navigator.go(Ref("document", "doc-5242"))
    viewport = app.panes["document"].view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.BackButton, pos=QPoint(5, 5))
    assert app.navigator.current == Ref("person", "kamenev-lev")
    qtbot.mouseClick(app.window.detail.viewport(), Qt.MouseButton.ForwardButton)
    assert app.navigator.current == Ref("document", "doc-5242")


def test_document_address_opens_only_on_explicit_click(
    make_app: MakeApp, fake_dialogs: FakeDialogs
) -> None:
    app = make_app()
    app.navigator.go(Ref("document", "doc-5242"))
    assert fake_dialogs.urls == []
    app.window.detail.anchorClicked.emit(QUrl("external:0"))
    assert fake_dialogs.urls == [
        "http://showtrials.ru/prigovor-voennoj-kollegii-verhovnogo-suda-sssr-po-kremlevskomu-delu/"
    ]
    app.window.detail.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert app.window.detail.openLinks() is False
    assert app.navigator.current == Ref("document", "doc-5242")


PAYLOAD = '<img src="file:///etc/passwd"><b>bold</b><a href="file:///etc/passwd">x</a>'


def test_injected_markup_in_archive_text_shows_literally(make_app: MakeApp, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for f in build.DEFAULT_DATA.iterdir():
        (data / f.name).write_bytes(f.read_bytes())
    with (data / "people.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        if row["id"] == "kamenev-lev":
            row["summary"] = PAYLOAD
            row["occupation"] = PAYLOAD
    with (data / "people.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    out = build.build(data, tmp_path / "hostile.sqlite")
    app = make_app(archive_path=out)
    app.navigator.go(Ref("person", "kamenev-lev"))
    assert app.window.detail.plain_text().count(PAYLOAD) == 2
    rendered = app.window.detail.toHtml()
    assert "<img" not in rendered and 'href="file:' not in rendered


def test_named_bar_filters_people_to_the_sql_set(make_app: MakeApp, archive: Archive) -> None:
    app = make_app()
    assert app.chart is not None
    app.chart.named_bar_clicked.emit("military-collegium", "term:10")
    pane = app.panes["person"]
    assert app.window.tabs.currentWidget() is pane
    with archive.connect() as conn:
        expected = {
            r[0]
            for r in conn.execute(
                text(
                    "SELECT p.id FROM sentence s JOIN person p ON p.pk = s.person_pk WHERE "
                    "s.stage = 'verdict' AND s.tribunal = 'military-collegium' AND s.kind IN "
                    "('prison', 'camp') AND s.years = 10"
                )
            )
        }
    shown = {pane.model.id_at(r) for r in range(pane.model.rowCount())}
    assert shown == expected and len(expected) == 3
    assert pane.chip.isVisible() and "10 yrs" in pane.chip.text()
    pane.chip_clear.click()
    assert pane.model.rowCount() == 99 and not pane.chip.isVisible()


def test_search_opens_a_hit_into_the_history(make_app: MakeApp, qtbot: QtBot) -> None:
    app = make_app()
    assert app.search is not None
    app.window.find_action.trigger()
    box = app.window.findChild(QLineEdit, "searchBox")
    assert box is not None and app.window.focusWidget() is box
    box.setText("Jeschow")
    qtbot.waitUntil(lambda: bool(app.search and app.search.results.hits), timeout=30_000)
    with qtbot.waitSignal(app.navigator.current_changed, timeout=30_000):
        box.returnPressed.emit()
    assert app.navigator.current == Ref("person", "yezhov-nikolai")
    assert app.panes["person"].current_id() == "yezhov-nikolai"


def test_people_pane_filtered_by_the_current_search(make_app: MakeApp, qtbot: QtBot) -> None:
    app = make_app()
    _search(app, qtbot, "Rozenfeld")
    app.window.search_filter_action.trigger()
    pane = app.panes["person"]
    shown = {pane.model.id_at(r) for r in range(pane.model.rowCount())}
    assert {"rozenfeld-nikolai", "rozenfeld-nina", "rozenfeld-boris"} <= shown
    assert len(shown) < 10 and "Search" in pane.chip.text()


@needs_poppler
def test_dossier_actions_follow_what_the_detail_view_shows(
    make_app: MakeApp, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    app = make_app()
    w = app.window
    assert w.export_pdf_action.text() == "Export case summary as PD&F…"  # welcome page
    app.navigator.go(Ref("person", "kamenev-lev"))
    assert w.export_pdf_action.text() == "Export dossier as PD&F…"
    assert "Lev Kamenev" in w.print_action.statusTip()
    # A published figure is no item: the actions now name the case summary, and act on it.
    app.chart.published_bar_clicked.emit("military-collegium", "death")
    assert w.detail.ref is None
    assert w.print_action.text() == "&Print case summary…"
    target = tmp_path / "case.pdf"
    fake_dialogs.save_answers.append(target)
    w.export_pdf_action.trigger()
    assert "Case summary" in pdf_text(target, 1)


def test_a_text_hit_opens_with_the_searched_words_marked_on_its_page(
    make_app: MakeApp, qtbot: QtBot
) -> None:
    app = make_app()
    marked = _open_first_person(app, qtbot, "commuted", "sinelobov-alexei")
    assert marked and all(m.casefold() == "commuted" for m in marked)
    app.navigator.go(Ref("person", "kamenev-lev"))  # marks belong to the hit's page only
    assert app.window.detail.marked_words == []


def test_a_name_typed_in_latin_is_marked_in_cyrillic_on_the_page_it_opens(
    make_app: MakeApp, qtbot: QtBot
) -> None:
    app = make_app()
    _search(app, qtbot, "Yenukidze")
    docs = app.search.results.group("document")
    assert docs is not None
    hit = next(h for h in docs.hits if h.ref == Ref("document", "doc-4834"))
    assert "Енукидзе" in hit.label  # a Russian title, found by the Latin name
    view = app.window.findChild(QTreeView, "searchResults")
    assert view is not None
    model = view.model()
    assert isinstance(model, SearchResultsModel)
    rows = (
        model.index(r, 0, model.index(g, 0))
        for g in range(model.rowCount())
        for r in range(model.rowCount(model.index(g, 0)))
    )
    index = next(i for i in rows if model.hit(i) == hit)
    with qtbot.waitSignal(app.navigator.current_changed, timeout=30_000):
        view.activated.emit(index)
    assert app.navigator.current == hit.ref
    assert "Енукидзе" in app.window.detail.marked_words


# -- sources --------------------------------------------------------------------------------


def test_ctrl_5_shows_every_source_and_a_row_opens_its_page(
    make_app: MakeApp, archive: Archive
) -> None:
    app = make_app()
    w = app.window
    go = next(a for a in w.tab_actions if a.shortcut().toString() == "Ctrl+5")
    go.trigger()
    assert w.tabs.currentWidget() is app.sources
    assert w.tabs.tabText(w.tabs.currentIndex()) == "Sources"
    with archive.connect() as conn:
        (n,) = conn.execute(text("SELECT count(*) FROM source")).one()
    view = app.sources.view
    assert view.objectName() == "sourcesPane" and view.model().rowCount() == n
    assert app.sources.count_label.text() == f"{n} of {n} sources shown"
    view.selectAll()
    assert w.status.text() == f"{n} sources selected"
    row = app.sources.model.row_of("koshel-kniga87")
    assert row is not None
    view.selectRow(row)
    assert app.navigator.current == Ref("source", "koshel-kniga87")
    assert w.detail.ref == Ref("source", "koshel-kniga87")
    page = w.detail.plain_text()
    assert "SOURCE" in page and "История российского сыска (page 87)" in page


def test_sorting_and_filtering_sources_runs_in_sql(make_app: MakeApp, archive: Archive) -> None:
    app = make_app()
    pane = app.sources
    before = [pane.model.id_at(r) for r in range(pane.model.rowCount())]
    pane.view.sortByColumn(SourceColumn.TITLE, Qt.SortOrder.AscendingOrder)
    by_title = [pane.model.id_at(r) for r in range(pane.model.rowCount())]
    with archive.connect() as conn:
        expected = [
            r[0]
            for r in conn.execute(text("SELECT id FROM source ORDER BY title COLLATE NOCASE, id"))
        ]
    assert by_title == expected != before
    pane.set_filter("kind", "encyclopedia")
    with archive.connect() as conn:
        (n,) = conn.execute(text("SELECT count(*) FROM source WHERE kind = 'encyclopedia'")).one()
    assert pane.model.rowCount() == n < 126
    assert {pane.model.index(r, SourceColumn.KIND).data() for r in range(n)} == {"encyclopedia"}


def test_a_source_link_on_a_page_reveals_the_source_in_its_pane(make_app: MakeApp) -> None:
    app = make_app()
    app.navigator.go(Ref("person", "sinelobov-alexei"))
    _click(app, Ref("source", "wikimili-kremlin-plot"))
    assert app.window.tabs.currentWidget() is app.sources
    assert app.sources.current_id() == "wikimili-kremlin-plot"
    app.window.back_action.trigger()
    assert app.window.tabs.currentWidget() is app.panes["person"]


def test_another_archive_resets_the_sources_pane(
    make_app: MakeApp, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    app = make_app()
    app.sources.set_filter("language", "en")
    assert app.sources.model.rowCount() < 126
    copy = tmp_path / "copy.sqlite"
    copy.write_bytes(BUNDLED.read_bytes())
    fake_dialogs.open_answers.append(copy)
    app.window.open_action.trigger()
    assert app.controller.holder.archive.path == copy
    assert app.sources.model.query.filters == () and app.sources.model.rowCount() == 126
    assert app.sources.combos["language"].currentIndex() == 0


# -- language ---------------------------------------------------------------------------------


def test_a_fresh_russian_session_lists_people_by_their_cyrillic_names(
    make_app: Callable[..., App], russian: None
) -> None:
    app = make_app()
    model = app.panes["person"].model
    assert model.query.sort == "name_ru"
    names = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert names[0].startswith("А") and app.window.language_actions["ru"].isChecked()


def test_the_language_menu_switches_and_the_next_start_remembers_it(
    make_app: Callable[..., App], tmp_path: Path, english: None
) -> None:
    settings = tmp_path / "lang.ini"
    app = make_app(settings)
    app.window.language_actions["ru"].trigger()
    assert app.window.windowTitle().startswith("Кремлёвское дело, 1935 — ")
    assert app.window.windowTitle().endswith("Архив «Кремлёвского дела»")
    app.window.close()
    from app.language import start_language
    from app.settings import Settings

    language_code = start_language(Settings(settings))
    assert language_code == "ru"


def test_a_timeline_mark_and_a_graph_box_open_their_record_and_back_returns(
    qtbot: QtBot, make_app: MakeApp
) -> None:
    app = make_app()
    nav = app.navigator
    nav.go(Ref("person", "cherniavsky-mikhail"))
    app.window.tabs.setCurrentWidget(app.timeline)
    app.timeline.wait()
    qtbot.waitUntil(lambda: app.timeline.slice() is not None)
    verdict = next(
        m
        for m in app.timeline.slice().marks
        if m.ref == Ref("event", "ev-1935-vk-verdict")  # type: ignore[union-attr]
    )
    app.timeline.item_activated.emit(verdict.ref)  # what a click on the mark emits
    assert nav.current == Ref("event", "ev-1935-vk-verdict")
    app.window.tabs.setCurrentWidget(app.network)
    nav.back()
    assert nav.current == Ref("person", "cherniavsky-mikhail")
    with qtbot.waitSignal(app.network.graph_shown, timeout=20_000):
        app.network.set_person("cherniavsky-mikhail")
    graph = app.network.graph()
    assert graph is not None and graph.ego == "cherniavsky-mikhail"
    other = next(n.id for n in graph.nodes if n.id != graph.ego and not n.id.startswith("+"))
    app.network.item_activated.emit(Ref("person", other))  # what a click on a box emits
    assert nav.current == Ref("person", other)
    nav.back()
    assert nav.current == Ref("person", "cherniavsky-mikhail")


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_no_two_entries_of_a_menu_share_a_shortcut_letter(make_app: MakeApp, lang: str) -> None:
    from PySide6.QtWidgets import QMenu

    from app import language
    from app.widgets.main_window import mnemonic

    language.apply(lang)
    try:
        app = make_app()
        clashes = []

        def walk(menu: QMenu) -> None:
            keys: dict[str, str] = {}
            for action in menu.actions():
                if action.isSeparator():
                    continue
                key = mnemonic(action.text())
                if key and key in keys:
                    clashes.append((menu.title(), keys[key], action.text()))
                keys[key] = action.text()
                sub = action.menu()
                if isinstance(sub, QMenu):
                    walk(sub)

        for top in app.window.menuBar().actions():
            sub = top.menu()
            if isinstance(sub, QMenu):
                walk(sub)
        assert clashes == []
    finally:
        language.apply("en")


def test_a_declined_name_marks_the_name_it_comes_from_on_the_page_it_opens(
    make_app: MakeApp, qtbot: QtBot
) -> None:
    app = make_app()
    words = _open_first_person(app, qtbot, "Мухановой", "mukhanova-ekaterina")
    marked = {m.casefold() for m in words}
    # her name as the page writes it, in both scripts, and the form typed where it stands
    assert {"муханова", "mukhanova"} <= marked
