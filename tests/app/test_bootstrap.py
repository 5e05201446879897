"""Browsing the case: panes, linked detail views, one history, state across restarts."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from app.bootstrap import App
from app.models.columns import PEOPLE_COLUMNS
from app.models.paged_table import PagedTableModel
from db import Archive, build, listing
from db.dto import Ref
from tests.app.conftest import FakeDialogs
from tests.app.printing.dossier_fixtures import needs_poppler, pdf_text

MakeApp = Callable[..., App]


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
    fate = page[page.index("later fate — Sources disagree") :]
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


def test_sorting_by_header_runs_a_new_sql_order(make_app: MakeApp, archive: Archive) -> None:
    app = make_app()
    pane = app.panes["person"]
    column = [c.sort_key for c in PEOPLE_COLUMNS].index("birth_year")
    pane.view.sortByColumn(
        column, pane.view.horizontalHeader().sortIndicatorOrder().__class__.DescendingOrder
    )
    model = pane.model
    shown = [model.id_at(r) for r in range(model.rowCount())]
    with archive.connect() as conn:
        expected = [
            r[0]
            for r in conn.execute(
                text(
                    "SELECT id FROM person ORDER BY birth_year IS NULL DESC, birth_year DESC, "
                    "rank_name DESC"
                )
            )
        ]
    assert shown == expected


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
    assert app.window.status.text() == f"{len(expected)} of 99 people shown"
    app.window.clear_filters_action.trigger()
    assert pane.model.rowCount() == 99


def test_events_filter_by_year_and_show_dates_at_their_precision(make_app: MakeApp) -> None:
    app = make_app()
    pane = app.panes["event"]
    model = pane.model
    dates = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert "26 March 1935" in dates and "June 1935" in dates and "1988" in dates
    pane.set_combo_filter("year", "1937")
    assert model.rowCount() == 6
    assert all(model.index(r, 0).data().endswith("1937") for r in range(model.rowCount()))


def test_documents_filter_by_type(make_app: MakeApp, archive: Archive) -> None:
    app = make_app()
    pane = app.panes["document"]
    pane.set_combo_filter("doc_type", "special_report")
    with archive.connect() as conn:
        n = conn.execute(
            text("SELECT count(*) FROM document WHERE doc_type = 'special_report'")
        ).scalar()
    assert pane.model.rowCount() == n == 47


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


def test_restart_restores_layout_sort_tab_and_item(make_app: MakeApp, tmp_path: Path) -> None:
    ini = tmp_path / "restart.ini"
    first = make_app(ini)
    first.window.resize(761, 555)  # the offscreen screen is 800×600
    first.window.splitter.setSizes([600, 500])
    first.panes["person"].view.sortByColumn(
        2,
        first.panes["person"]
        .view.horizontalHeader()
        .sortIndicatorOrder()
        .__class__.DescendingOrder,
    )
    first.panes["event"].view.setColumnWidth(1, 333)
    first.navigator.go(Ref("event", "ev-1934-kirov"))
    sizes = first.window.splitter.sizes()
    first.window.close()

    second = make_app(ini)
    assert second.window.size().width() == 761 and second.window.size().height() == 555
    assert second.window.splitter.sizes() == sizes
    assert second.panes["person"].model.query.sort == "role"
    assert second.panes["person"].model.query.descending
    assert second.panes["event"].view.columnWidth(1) == 333
    assert second.navigator.current == Ref("event", "ev-1934-kirov")
    assert second.window.tabs.currentWidget() is second.panes["event"]
    assert second.panes["event"].current_id() == "ev-1934-kirov"


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


def test_opening_another_archive_swaps_everything(
    make_app: MakeApp, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    app = make_app()
    other = tmp_path / "copy of archive.sqlite"
    other.write_bytes(Path(app.controller.archive.path).read_bytes())
    fake_dialogs.open_answers.append(other)
    app.window.open_action.trigger()
    assert fake_dialogs.messages == []
    assert app.controller.archive.path == other
    assert app.navigator.current is None
    assert "copy of archive.sqlite" in app.window.windowTitle()
    assert app.settings.recent_archives[0] == str(other)


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_writes_the_rows_the_pane_shows(
    make_app: MakeApp, fake_dialogs: FakeDialogs, tmp_path: Path, fmt: str, qtbot: QtBot
) -> None:
    app = make_app()
    pane = app.panes["person"]
    pane.set_combo_filter("tribunal", "military-collegium")
    target = tmp_path / f"people.{fmt}"
    fake_dialogs.save_answers.append(target)
    app.window.export_action.trigger()
    job = app.list_actions.export_job
    assert job is not None  # the export runs on the worker, with a progress dialog
    with qtbot.waitSignal(job.finished, timeout=30_000):
        pass
    shown = [pane.model.id_at(r) for r in range(pane.model.rowCount())]
    if fmt == "csv":
        with target.open(encoding="utf-8-sig") as fh:  # a BOM, for spreadsheet programs
            ids = [row["id"] for row in csv.DictReader(fh)]
        about = json.loads((tmp_path / "people.csv.provenance.json").read_text("utf-8"))
    else:
        document = json.loads(target.read_text(encoding="utf-8"))
        ids = [row["id"] for row in document["rows"]]
        about = document["export"]
    assert ids == shown and len(ids) == 16
    assert about["filters"] == {"tribunal": "military-collegium"}
    assert about["data_version"] == app.controller.info.data_version
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == f".{fmt}") == [target.name]


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


def test_published_bar_explains_its_sources(make_app: MakeApp) -> None:
    app = make_app()
    assert app.chart is not None
    app.chart.published_bar_clicked.emit("military-collegium", "death")
    page = app.window.detail.plain_text()
    assert "Published: 2" in page
    assert "kapchenko-polbio: 1" in page and "koshel-kniga87: 2" in page


def test_search_opens_a_hit_into_the_history(make_app: MakeApp, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLineEdit

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
    from PySide6.QtWidgets import QLineEdit

    app = make_app()
    box = app.window.findChild(QLineEdit, "searchBox")
    assert box is not None
    box.setText("Rozenfeld")
    qtbot.waitUntil(
        lambda: bool(app.search and app.search.results.query == "Rozenfeld"), timeout=30_000
    )
    app.window.search_filter_action.trigger()
    pane = app.panes["person"]
    shown = {pane.model.id_at(r) for r in range(pane.model.rowCount())}
    assert {"rozenfeld-nikolai", "rozenfeld-nina", "rozenfeld-boris"} <= shown
    assert len(shown) < 10 and "Search" in pane.chip.text()


def test_export_pdf_of_the_current_person(
    make_app: MakeApp, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    app = make_app()
    app.navigator.go(Ref("person", "kamenev-lev"))
    target = tmp_path / "kamenev.pdf"
    fake_dialogs.save_answers.append(target)
    app.window.export_pdf_action.trigger()
    data = target.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert fake_dialogs.messages == []


def test_export_pdf_to_a_missing_folder_reports_and_writes_nothing(
    make_app: MakeApp, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    app = make_app()
    app.navigator.go(Ref("person", "kamenev-lev"))
    fake_dialogs.save_answers.append(tmp_path / "missing" / "x.pdf")
    app.window.export_pdf_action.trigger()
    assert len(fake_dialogs.messages) == 1 and "PDF" in fake_dialogs.messages[0][0]
    assert not (tmp_path / "missing").exists()


def test_case_summary_preview_paints_pages(make_app: MakeApp, fake_dialogs: FakeDialogs) -> None:
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    shown: list[QPrintPreviewDialog] = []
    app = make_app()
    app.dialogs.run_preview = shown.append
    app.window.case_summary_action.trigger()
    assert len(shown) == 1 and "Kremlin" in shown[0].windowTitle()
    assert fake_dialogs.messages == []


@needs_poppler
def test_dossier_actions_follow_what_the_detail_view_shows(
    make_app: MakeApp, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    app = make_app()
    w = app.window
    assert w.export_pdf_action.text() == "Export case summary as &PDF…"  # welcome page
    app.navigator.go(Ref("person", "kamenev-lev"))
    assert w.export_pdf_action.text() == "Export dossier as &PDF…"
    assert "Lev Kamenev" in w.print_action.statusTip()
    # A published figure is no item: the actions now name the case summary, and act on it.
    app.chart.published_bar_clicked.emit("military-collegium", "death")
    assert w.detail.ref is None
    assert w.print_action.text() == "&Print case summary…"
    target = tmp_path / "case.pdf"
    fake_dialogs.save_answers.append(target)
    w.export_pdf_action.trigger()
    assert "Case summary" in pdf_text(target, 1)
