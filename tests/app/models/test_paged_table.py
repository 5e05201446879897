"""PagedTableModel: SQL order on sort, id <-> row both ways, a bounded LRU of pages, headers
and roles (on the bundled archive, against plain SQL); and list panes on generated archives,
where first paint and a jump cost a bounded number of queries.

Budgets are call counts (page fetches, data() calls), not wall time, so they cannot flake on
a busy machine.  The default run uses a 12,000-person archive; ``-m slow`` adds 1,000,000.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.bootstrap import App
from app.models.columns import (
    DOCUMENT_COLUMNS,
    EVENT_COLUMNS,
    PEOPLE_COLUMNS,
    ColumnSpec,
    IdRole,
    RowRole,
)
from app.models.paged_table import PagedTableModel
from app.widgets.column_layout import SAMPLE_ROWS
from db import Archive, listing, synth
from db.listing import ListQuery, ListSpec
from db.search.find import person_pks
from tests.app.conftest import ModelCalls
from tests.conftest import BUNDLED

MakeApp = Callable[..., App]


#: People of the generated archive: more pages (188) than the model keeps (MAX_PAGES = 128).
SYNTH_PEOPLE = 12_000


@pytest.fixture(scope="session")
def synth_12k(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synth.cached_archive(SYNTH_PEOPLE, 1, tmp_path_factory.mktemp("synth"))


def _check_paging(app: App, people: int, calls: ModelCalls) -> None:
    pane = app.panes["person"]
    model = pane.model
    app.window.tabs.setCurrentWidget(pane)
    assert model.rowCount() == people
    app.window.grab()
    visible_rows = pane.view.viewport().height() // pane.view.verticalHeader().defaultSectionSize()
    cell_budget = (visible_rows + 2) * len(model.columns) * 12
    fetches, data = calls.of(model)[0], calls.cells(model)
    # The pages of the rows the columns are fitted to (SAMPLE_ROWS), which include the
    # first screen's.
    assert 1 <= fetches <= -(-SAMPLE_ROWS // model.PAGE_SIZE)
    assert 0 < data < cell_budget  # counted: the paint asked for cells

    pane.view.scrollToBottom()
    app.window.grab()
    after_fetches, after_data = calls.of(model)[0], calls.cells(model)
    assert after_fetches - fetches <= 2  # the last page (a screen may straddle two)
    assert after_data - data < cell_budget
    assert model.cached_pages <= model.MAX_PAGES

    middle = people // 2
    before, _ = calls.of(model)
    pane.view.scrollTo(model.index(middle, 0))
    app.window.grab()
    assert calls.of(model)[0] - before <= 2


def test_people_pane_pages_on_a_generated_archive(
    make_app: MakeApp, synth_12k: Path, model_calls: ModelCalls
) -> None:
    app = make_app(archive_path=synth_12k)
    _check_paging(app, SYNTH_PEOPLE, model_calls)


def test_filtered_people_pane_pages_too(
    make_app: MakeApp, synth_12k: Path, model_calls: ModelCalls
) -> None:
    app = make_app(archive_path=synth_12k)
    pane = app.panes["person"]
    pane.set_combo_filter("tribunal", "military-collegium")
    total = pane.model.rowCount()
    assert 0 < total < SYNTH_PEOPLE
    before, _ = model_calls.of(pane.model)
    pane.view.scrollToBottom()
    app.window.grab()
    assert model_calls.of(pane.model)[0] - before <= 2
    last = pane.model.row_at(total - 1)
    assert last is not None and last.tribunal == "Military Collegium"


@pytest.mark.slow
def test_people_pane_pages_on_a_million_people(make_app: MakeApp, model_calls: ModelCalls) -> None:
    path = synth.cached_archive(1_000_000, 1)
    app = make_app(archive_path=path)
    _check_paging(app, 1_000_000, model_calls)


def test_big_filtered_snapshot_runs_off_the_gui_thread(
    big_app: App, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = big_app
    pane = app.panes["person"]
    # The full read is held until the first page has been looked at: at 12k people it can
    # otherwise end between two polls of waitUntil, and the partial state is never seen.
    partial_seen = threading.Event()
    compute = pane.model.compute

    def held_compute(query: ListQuery) -> object:
        assert partial_seen.wait(30)
        return compute(query)

    monkeypatch.setattr(pane.model, "compute", held_compute)
    with qtbot.waitSignal(pane.model.runner.busy_changed, timeout=30_000) as started:
        pane.set_combo_filter("role", "defendant")
    assert started.args == [True]
    assert pane.count_label.text() == "Filtering people…"
    # First the first page, read with its rows on the worker; then the snapshot after it.
    qtbot.waitUntil(lambda: pane.model.partial, timeout=30_000)
    assert pane.model.rowCount() == pane.model.PAGE_SIZE
    assert pane.model.cached_pages == 1  # the head's rows: painting them reads no page
    assert pane.model.runner.busy
    assert pane.count_label.text() == (f"Filtering people… the first {pane.model.PAGE_SIZE} shown")
    partial_seen.set()
    qtbot.waitUntil(lambda: not pane.model.runner.busy, timeout=30_000)
    qtbot.waitUntil(lambda: pane.model.query.filters == (("role", "defendant"),), timeout=30_000)
    assert 0 < pane.model.rowCount() < SYNTH_PEOPLE
    assert pane.count_label.text().endswith(f"of {SYNTH_PEOPLE:,} people shown")


# -- the model on its own, on the bundled archive ------------------------------------------

PANES: dict[str, tuple[ListSpec, Sequence[ColumnSpec]]] = {
    "person": (listing.PEOPLE, PEOPLE_COLUMNS),
    "event": (listing.EVENTS, EVENT_COLUMNS),
    "document": (listing.DOCUMENTS, DOCUMENT_COLUMNS),
}
#: Every (pane, column) a header click can sort by.
SORTABLE = [
    (kind, column)
    for kind, (_, columns) in PANES.items()
    for column, spec in enumerate(columns)
    if spec.sort_key is not None
]


def _model(archive: Archive, kind: str, query: ListQuery | None = None) -> PagedTableModel:
    spec, columns = PANES[kind]
    model = PagedTableModel(archive, spec, columns)
    model.set_query(query or ListQuery(spec.default_sort))
    return model


def _ids(model: PagedTableModel) -> list[str | None]:
    return [model.id_at(r) for r in range(model.rowCount())]


def _sql_ids(kind: str, order: str, where: str = "1") -> list[str]:
    with sqlite3.connect(f"{BUNDLED.as_uri()}?mode=ro", uri=True) as conn:
        rows = conn.execute(f"SELECT id FROM {kind} WHERE {where} ORDER BY {order}").fetchall()
    return [r[0] for r in rows]


def _rank(kind: str, column: int) -> str:
    """The rank column behind a sortable column (the archive builder's order)."""
    spec, columns = PANES[kind]
    key = columns[column].sort_key
    assert key is not None
    return str(spec.sorts[key].key)


def test_the_model_passes_the_model_tester_sorted_backwards_over_two_pages(
    qtmodeltester: ModelTester, archive: Archive
) -> None:
    model = _model(archive, "document", ListQuery("doc_type", descending=True))
    assert model.rowCount() > model.PAGE_SIZE
    qtmodeltester.check(model)


def test_the_model_passes_the_model_tester_on_a_search_result(
    qtmodeltester: ModelTester, archive: Archive
) -> None:
    with archive.connect() as conn:
        pks = tuple(person_pks(conn, "Rozenfeld"))
    model = _model(archive, "person", ListQuery("birth_year", descending=True, pks=pks))
    assert 1 < model.rowCount() == len(pks)
    qtmodeltester.check(model)


@pytest.mark.parametrize(("kind", "column"), SORTABLE)
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_sorting_shows_the_sql_order(
    qapp: QApplication, archive: Archive, kind: str, column: int, order: Qt.SortOrder
) -> None:
    model = _model(archive, kind)
    model.sort(column, order)
    descending = order == Qt.SortOrder.DescendingOrder
    assert _ids(model) == _sql_ids(kind, _order(kind, column, descending))


#: Rank column → the rows whose value is unknown: last in both directions, in name order.
_UNKNOWN = {"rank_birth": "birth_year IS NULL"}


def _order(kind: str, column: int, descending: bool) -> str:
    rank = _rank(kind, column)
    if not descending:
        return rank
    unknown = _UNKNOWN.get(rank)
    if unknown is None:
        return f"{rank} DESC"
    return f"{unknown}, CASE WHEN {unknown} THEN {rank} ELSE -{rank} END"


def test_sorting_a_filtered_view_keeps_the_filter(qapp: QApplication, archive: Archive) -> None:
    model = _model(archive, "person", ListQuery("name").with_filter("role", "defendant"))
    born = [c.sort_key for c in PEOPLE_COLUMNS].index("birth_year")
    model.sort(born, Qt.SortOrder.DescendingOrder)
    born_desc = _order("person", born, descending=True)
    assert _ids(model) == _sql_ids("person", born_desc, "role = 'defendant'")
    assert _ids(model)[-1] in _sql_ids("person", "rank_birth", "birth_year IS NULL")
    assert model.query.filters == (("role", "defendant"),)


@pytest.mark.parametrize(
    ("kind", "column"),
    [("person", 0), ("event", [c.sort_key for c in EVENT_COLUMNS].index(None)), ("event", 99)],
    ids=["the-order-shown", "an-unsortable-column", "no-such-column"],
)
def test_sorting_that_changes_nothing_does_not_reset(
    qtbot: QtBot, archive: Archive, kind: str, column: int
) -> None:
    model = _model(archive, kind)
    before = _ids(model)
    with qtbot.assertNotEmitted(model.modelReset):
        model.sort(column, Qt.SortOrder.AscendingOrder)
    assert _ids(model) == before


@pytest.mark.parametrize(
    "query",
    [
        ListQuery("name_ru", descending=True),
        ListQuery("tribunal").with_filter("tribunal", "military-collegium"),
    ],
    ids=["unfiltered", "filtered"],
)
def test_row_of_and_id_at_are_inverse(
    qapp: QApplication, archive: Archive, query: ListQuery
) -> None:
    model = _model(archive, "person", query)
    ids = _ids(model)
    assert None not in ids and len(set(ids)) == len(ids) == model.rowCount() > 0
    assert [model.row_of(i) for i in ids if i is not None] == list(range(len(ids)))


def test_ids_not_shown_have_no_row(qapp: QApplication, archive: Archive) -> None:
    model = _model(archive, "person", ListQuery("name").with_filter("role", "investigator"))
    defendant = _sql_ids("person", "rank_name", "role = 'defendant'")[0]
    assert model.row_of(defendant) is None
    assert model.row_of("no-such-person") is None
    assert _model(archive, "person").row_of("no-such-person") is None
    assert (model.id_at(-1), model.id_at(model.rowCount())) == (None, None)


def test_a_new_query_reports_what_is_shown_of_the_whole_table(
    qtbot: QtBot, archive: Archive
) -> None:
    model = _model(archive, "person")
    query = ListQuery("name").with_filter("role", "defendant")
    with (
        qtbot.waitSignal(model.total_changed, timeout=30_000) as totals,
        qtbot.waitSignal(model.query_changed, timeout=30_000) as shown,
    ):
        model.set_query(query)
    defendants = len(_sql_ids("person", "pk", "role = 'defendant'"))
    assert totals.args == [defendants, len(_sql_ids("person", "pk"))]
    assert shown.args == [query]


def test_headers_name_the_columns_and_say_which_sort(qapp: QApplication, archive: Archive) -> None:
    model = _model(archive, "event")
    horizontal = Qt.Orientation.Horizontal
    headers = [model.headerData(c, horizontal) for c in range(model.columnCount())]
    tips = [
        model.headerData(c, horizontal, Qt.ItemDataRole.ToolTipRole)
        for c in range(model.columnCount())
    ]
    assert headers == ["Date", "Event", "People"]
    assert tips == ["Sort by date", "Sort by event", "People"]
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.headerData(len(EVENT_COLUMNS), horizontal) is None


def test_numbers_align_right_and_text_left(qapp: QApplication, archive: Archive) -> None:
    model = _model(archive, "person")
    role = Qt.ItemDataRole.TextAlignmentRole
    for column, spec in enumerate(PEOPLE_COLUMNS):
        flags = Qt.AlignmentFlag(model.index(0, column).data(role))
        side = Qt.AlignmentFlag.AlignRight if spec.align_right else Qt.AlignmentFlag.AlignLeft
        assert flags == side | Qt.AlignmentFlag.AlignVCenter


def test_cells_show_the_row_dto_and_the_id_role_its_id(
    qapp: QApplication, archive: Archive
) -> None:
    model = _model(archive, "document")
    index = model.index(0, [c.attr for c in DOCUMENT_COLUMNS].index("title"))
    row = index.data(RowRole)
    assert index.data(IdRole) == row.id == _sql_ids("document", "rank_date")[0]
    assert index.data() == row.title
    assert index.data(Qt.ItemDataRole.DecorationRole) is None
    assert model.data(QModelIndex()) is None


# -- the page cache ------------------------------------------------------------------------


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """Pages of 4 rows, at most 6 cached: the 99 bundled people fill 25 pages."""
    monkeypatch.setattr(PagedTableModel, "PAGE_SIZE", 4)
    monkeypatch.setattr(PagedTableModel, "MAX_PAGES", 6)
    return 4, 6


def test_touching_every_page_keeps_at_most_max_pages(
    qapp: QApplication, archive: Archive, small_pages: tuple[int, int], model_calls: ModelCalls
) -> None:
    size, most = small_pages
    model = _model(archive, "person")
    pages = -(-model.rowCount() // size)
    assert pages > 2 * most
    shown = []
    for page in range(pages):
        shown.append(model.id_at(page * size))
        assert model.cached_pages == min(page + 1, most)
    assert model_calls.of(model)[0] == pages  # one fetch per page, none twice
    assert shown == _sql_ids("person", "rank_name")[::size]


def test_the_cache_evicts_the_least_recently_used_page(
    qapp: QApplication, archive: Archive, small_pages: tuple[int, int], model_calls: ModelCalls
) -> None:
    size, most = small_pages
    model = _model(archive, "person")

    def fetches_for(*pages: int) -> int:
        before = model_calls.of(model)[0]
        for page in pages:
            model.row_at(page * size)
        return model_calls.of(model)[0] - before

    assert fetches_for(*range(most)) == most
    assert fetches_for(0) == 0  # page 0 is now the most recently used
    assert fetches_for(most) == 1  # a new page evicts page 1, the least recently used
    assert fetches_for(0, *range(2, most + 1)) == 0
    assert fetches_for(1) == 1
    model.set_query(ListQuery("name", descending=True))
    assert model.cached_pages == 0 and fetches_for(0) == 1  # a reset empties the cache


@pytest.fixture
def big_app(make_app: MakeApp, synth_12k: Path, monkeypatch: pytest.MonkeyPatch) -> App:
    """The app on the 12k archive, where 12k people count as a big table (filters on a
    worker, first page first)."""
    monkeypatch.setattr(PagedTableModel, "ASYNC_ROWS", 1_000)
    return make_app(archive_path=synth_12k)


class _Paints(QObject):
    """Counts the paints of a widget (an event filter)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_every_match_is_read_only_after_the_first_page_is_painted(
    big_app: App, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The full read would take the GIL from the first page's paint: it waits for it."""
    pane = big_app.panes["person"]
    model = pane.model
    big_app.window.tabs.setCurrentWidget(pane)
    qtbot.waitExposed(pane.view)
    paints = _Paints(pane.view.viewport())
    at_head: list[int] = []
    at_compute: list[int] = []
    apply_head, compute = model._apply_head, model.compute

    def noted_apply_head(query: ListQuery, rows: object) -> None:
        at_head.append(paints.count)
        apply_head(query, rows)

    def noted_compute(query: ListQuery) -> object:
        at_compute.append(paints.count)  # read on the worker; the count only grows
        return compute(query)

    monkeypatch.setattr(model, "_apply_head", noted_apply_head)
    monkeypatch.setattr(model, "compute", noted_compute)
    pane.set_combo_filter("role", "defendant")
    qtbot.waitUntil(lambda: not model.partial and model.query.filtered, timeout=30_000)
    qtbot.waitUntil(lambda: not model.runner.busy, timeout=30_000)
    assert len(at_head) == 1 and len(at_compute) == 1
    assert at_compute[0] > at_head[0]  # the first page was painted before the read began


def test_a_hidden_pane_reads_every_match_without_waiting_for_a_paint(
    big_app: App, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    pane = big_app.panes["person"]
    model = pane.model
    big_app.window.tabs.setCurrentWidget(big_app.panes["event"])  # People is not on screen
    monkeypatch.setattr(type(model), "FIRST_PAINT_WAIT_S", 3600.0)  # a wait would hang here
    pane.set_combo_filter("role", "defendant")
    qtbot.waitUntil(lambda: not model.partial and model.query.filtered, timeout=30_000)
    assert model.rowCount() > model.PAGE_SIZE


def test_a_big_filter_shows_its_first_page_then_appends_every_match_without_a_reset(
    big_app: App, synth_12k: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = big_app
    pane = app.panes["person"]
    model = pane.model
    head_shown = threading.Event()
    compute = model.compute

    def held_compute(query: object) -> object:
        assert head_shown.wait(30)  # the whole snapshot answers only after the first page
        return compute(query)  # type: ignore[arg-type]

    monkeypatch.setattr(model, "compute", held_compute)
    resets, inserted = [], []
    model.modelReset.connect(lambda: resets.append(model.rowCount()))
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    pane.set_combo_filter("role", "defendant")
    qtbot.waitUntil(lambda: model.partial, timeout=30_000)
    assert model.rowCount() == model.PAGE_SIZE and resets == [model.PAGE_SIZE]
    assert pane.count_label.text().startswith(f"Filtering people… the first {model.PAGE_SIZE} ")
    app.window.grab()  # the first rows paint before the rest is known
    head_shown.set()
    qtbot.waitUntil(lambda: not model.partial and not model.runner.busy, timeout=30_000)
    with sqlite3.connect(synth_12k) as conn:
        (n,) = conn.execute("SELECT count(*) FROM person WHERE role = 'defendant'").fetchone()
    assert model.rowCount() == n and resets == [model.PAGE_SIZE]
    assert inserted == [(model.PAGE_SIZE, n - 1)]  # appended below, no second reset
    assert model.row_at(n - 1) is not None
