"""Hostile text shows literally everywhere: detail pages, list cells and tooltips, breadcrumb,
window title, chart tooltips and PDF dossiers; nothing is loaded; no link leaves the app.

The fixture archive (:mod:`tests.hardening.injection`) has one of the payloads in every free-text
field; the four heaviest go into named cells.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import Qt as QtGui
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QTextBrowser
from pytestqt.qtbot import QtBot

from app.bootstrap import App
from app.models.columns import IdRole
from app.widgets.detail_view import DetailView
from db import open_archive, queries
from db.dto import Ref
from tests.app.conftest import FakeDialogs
from tests.hardening.injection import ARCHIVE_TITLE, PAYLOADS, Injected
from tests.hardening.richtext import anchors, images, normal, rendered

MakeApp = Callable[..., App]
OWN_SCHEMES = ("archive://", "expand://", "external:")
#: Text of a page is compared up to this many characters (longer fields are cut, with a link).
SHOWN = 2500
#: Columns of each kind's own row that its detail page shows.
PAGE_FIELDS = {
    "person": (
        "people.csv",
        (
            "name_en",
            "name_ru",
            "sex",
            "nationality",
            "occupation",
            "organisation",
            "summary",
            "later_fate",
        ),
    ),
    "event": ("events.csv", ("title", "summary")),
    "document": ("documents.csv", ("title", "collection", "category", "url")),
    "source": ("sources.csv", ("author", "title", "url", "note")),
}


@pytest.fixture
def load_requests(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every resource any DetailView is asked to load during the test."""
    calls: list[str] = []
    original = DetailView.loadResource

    def spy(self: DetailView, kind: int, name: QUrl) -> object:
        calls.append(name.toString() if isinstance(name, QUrl) else str(name))
        return original(self, kind, name)

    monkeypatch.setattr(DetailView, "loadResource", spy)
    return calls


def _pages(injected: Injected) -> list[tuple[Ref, dict[str, str]]]:
    """Items whose pages together show every payload (and every heavy cell)."""
    chosen: list[tuple[Ref, dict[str, str]]] = []
    seen: set[str] = set()
    for kind, (file, fields) in PAGE_FIELDS.items():
        rows = [(key, cells) for (f, key), cells in injected.cells.items() if f == file]
        for i, (key, cells) in enumerate(rows):
            shown = {c: v for c, v in cells.items() if c in fields}
            new = set(shown.values()) - seen
            if i == 0 or (new and len(chosen) < 40):
                chosen.append((Ref(kind, key), shown))
                seen |= new
    return chosen


def test_payload_corpus_is_big_enough_and_fully_placed(
    injected: Injected, figures: list[str]
) -> None:
    placed = {v for cells in injected.cells.values() for v in cells.values()}
    assert len(PAYLOADS) >= 30
    assert set(PAYLOADS) <= placed
    shown = {v for _, cells in _pages(injected) for v in cells.values()}
    assert set(PAYLOADS) <= shown
    figures.append(
        f"injection corpus: {len(PAYLOADS)} payloads + 4 heavy cells, written into "
        f"{sum(len(c) for c in injected.cells.values()):,} text cells"
    )


def test_detail_pages_show_every_payload_literally_and_load_nothing(
    make_app: MakeApp, injected: Injected, load_requests: list[str], figures: list[str]
) -> None:
    app = make_app(archive_path=injected.path)
    detail = app.window.detail
    pages = _pages(injected)
    for ref, cells in pages:
        app.navigator.go(ref)
        assert detail.ref == ref
        detail.grab()  # lay out and paint: images would be requested now
        doc = detail.document()
        page = normal(doc.toPlainText())
        for column, payload in cells.items():
            assert normal(payload)[:SHOWN] in page, (ref, column, payload[:80])
        assert images(doc) == 0, ref
        assert all(h.startswith(OWN_SCHEMES) for h in anchors(doc)), (ref, anchors(doc))
    assert load_requests == []
    figures.append(
        f"injection: {len(pages)} detail pages, every payload literal, "
        f"resource loads {len(load_requests)}"
    )


def test_the_resource_spy_would_see_a_load(qtbot: QtBot, load_requests: list[str]) -> None:
    # Control experiment: markup that bypassed escaping *would* be requested from the spy.
    view = DetailView()
    qtbot.addWidget(view)
    view.show()
    view.setHtml('<img src="file:///etc/passwd">')
    view.grab()
    assert "file:///etc/passwd" in load_requests


def test_every_link_stays_inside_the_app(
    make_app: MakeApp, injected: Injected, fake_dialogs: FakeDialogs, qtbot: QtBot
) -> None:
    app = make_app(archive_path=injected.path)
    detail = app.window.detail
    for browser in app.window.findChildren(QTextBrowser):
        assert not browser.openLinks() and not browser.openExternalLinks()
    for label in app.window.findChildren(QLabel):
        assert not label.openExternalLinks(), label.objectName()
    clicked: set[str] = set()
    for ref, _ in _pages(injected):
        app.navigator.go(ref)
        hrefs = [h for h in dict.fromkeys(anchors(detail.document())) if h not in clicked]
        for href in hrefs[:15]:  # each distinct target once, activated from its own page
            clicked.add(href)
            app.navigator.go(ref)
            detail.anchorClicked.emit(QUrl(href))
            assert detail.source().isEmpty()
            current = app.navigator.current
            assert current is not None and current.kind in ("person", "event", "document", "source")
        app.navigator.go(ref)
        detail.setFocus()
        for _ in range(3):  # the keyboard path: Tab to a link, Return activates it
            QTest.keyClick(detail, Qt.Key.Key_Tab)
            QTest.keyClick(detail, Qt.Key.Key_Return)
            assert detail.source().isEmpty()
    assert len(clicked) > 20
    assert fake_dialogs.urls == []  # no payload address is ever handed to a browser


def _plain_tooltip(tip: str) -> str:
    if QtGui.mightBeRichText(tip):
        doc = rendered(tip)
        assert doc.requests == [] and images(doc) == 0, tip[:200]
        return normal(doc.toPlainText())
    return normal(tip)


def test_list_cells_and_tooltips_show_payloads_literally(
    make_app: MakeApp, injected: Injected
) -> None:
    app = make_app(archive_path=injected.path)
    checked = 0
    for kind, pane in app.panes.items():
        model = pane.model
        for row in range(min(model.rowCount(), 60)):
            for col in range(model.columnCount()):
                index = model.index(row, col)
                shown = index.data(Qt.ItemDataRole.DisplayRole)
                tip = index.data(Qt.ItemDataRole.ToolTipRole)
                if not shown or not any(p in shown for p in PAYLOADS):
                    continue
                assert tip is None or normal(shown)[:200] in _plain_tooltip(tip), (
                    kind,
                    index.data(IdRole),
                    shown[:80],
                    tip[:200],
                )
                checked += 1
    assert checked > 100


def test_breadcrumb_and_window_title_show_archive_text_literally(
    make_app: MakeApp, injected: Injected
) -> None:
    app = make_app(archive_path=injected.path)
    assert ARCHIVE_TITLE in app.window.windowTitle()
    assert normal(ARCHIVE_TITLE) in normal(app.window.detail.plain_text())  # welcome page
    trail = []
    for ref, _cells in _pages(injected)[:6]:
        app.navigator.go(ref)
        trail.append(app.controller.label(ref))
    crumb = rendered(app.window.breadcrumb.text())
    assert crumb.requests == [] and images(crumb) == 0
    text = normal(crumb.toPlainText())
    # the newest entries the pane's width holds (the older ones are given as "…"), each the
    # archive's text as it is written
    shown = [part for part in text.split(" › ") if part != "…"]
    cut = [normal(label if len(label) <= 30 else label[:28]) for label in trail]
    assert shown and all(any(part.startswith(c) for c in cut) for part in shown), shown
    assert shown[-1].startswith(cut[-1])  # the page shown is never the entry cut


def test_chart_tooltips_show_archive_text_literally(qtbot: QtBot, injected: Injected) -> None:
    chart_pane = pytest.importorskip("app.widgets.chart_pane")
    from db import outcomes

    archive = open_archive(injected.path)
    pane = chart_pane.ChartPane()
    qtbot.addWidget(pane)
    try:
        pane.set_source(archive)
        with archive.connect() as conn:
            notes = outcomes.uncounted_figures(conn)
        checked = 0
        for count in pane.counts():
            for measure in ("published", "named"):
                tip = pane.tooltip(count.tribunal, measure, count.outcome)
                plain = _plain_tooltip(tip)
                for note in notes:
                    if note.applies_to(count.tribunal, count.outcome) and measure == "published":
                        assert normal(note.label)[:40] in plain, (note.label[:60], plain[:300])
                        checked += 1
        assert checked > 0
    finally:
        archive.close()


def _pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_pdf_dossiers_print_payloads_literally_with_no_images(
    qtbot: QtBot,
    injected: Injected,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    figures: list[str],
) -> None:
    service_module = pytest.importorskip("app.printing.service")
    printer = pytest.importorskip("app.printing.printer")
    requests: list[str] = []
    original = printer.DossierDocument.loadResource

    def spy(self: object, kind: int, name: QUrl) -> object:
        requests.append(name.toString())
        return original(self, kind, name)

    monkeypatch.setattr(printer.DossierDocument, "loadResource", spy)
    archive = open_archive(injected.path)
    try:
        service = service_module.DossierService(archive)
        pages = [p for p in _pages(injected) if p[0].kind in ("person", "event", "source")][:3]
        for ref, cells in pages:
            out = service.write_pdf(ref, tmp_path / f"{ref.kind}.pdf")
            text = normal(_pdf_text(out))
            for column, payload in cells.items():
                if payload.isascii() and "<" in payload and len(payload) < 200:
                    assert normal(payload) in text, (ref, column, payload)
            listing = subprocess.run(
                ["pdfimages", "-list", str(out)], check=True, capture_output=True, text=True
            ).stdout.splitlines()
            assert len(listing) <= 2, listing  # header lines only: no image in a dossier
    finally:
        archive.close()
    assert requests == []
    figures.append(
        f"injection: {len(pages)} PDF dossiers, payloads literal, resource loads {len(requests)}"
    )


def test_details_of_hostile_records_still_resolve(injected: Injected) -> None:
    archive = open_archive(injected.path)
    try:
        with archive.connect() as conn:
            for ref, _ in _pages(injected):
                assert queries.resolve(conn, ref)
    finally:
        archive.close()


def test_search_results_show_payloads_literally(qtbot: QtBot, injected: Injected) -> None:
    panel_module = pytest.importorskip("app.widgets.search_panel")
    from PySide6.QtWidgets import QLineEdit, QTreeView

    from app.models.search_results import LabelSpansRole

    archive = open_archive(injected.path)
    panel = panel_module.SearchPanel()
    qtbot.addWidget(panel)
    panel.show()
    checked = 0
    try:
        panel.set_source(archive)
        box = panel.findChild(QLineEdit, "searchBox")
        view = panel.findChild(QTreeView, "searchResults")
        for words in ("bold", "passwd", "cell", "evil", "script", "storm", "headline"):
            with qtbot.waitSignal(panel.results_changed, timeout=30_000):
                box.setText(words)
            model = view.model()
            for g in range(model.rowCount()):
                group = model.index(g, 0)
                for r in range(model.rowCount(group)):
                    index = model.index(r, 0, group)
                    label = str(index.data())
                    if not any(p in label for p in PAYLOADS):
                        continue
                    marked = rendered(
                        panel_module.marked_html(label, index.data(LabelSpansRole) or ())
                    )
                    assert marked.requests == [] and images(marked) == 0
                    assert normal(marked.toPlainText()) == normal(label)
                    tip = str(index.data(Qt.ItemDataRole.ToolTipRole))
                    assert normal(label)[:100] in _plain_tooltip(tip)
                    checked += 1
            view.grab()  # the delegate paints every hit
    finally:
        panel.wait()
        archive.close()
    assert checked > 5
