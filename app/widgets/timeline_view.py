"""TimelineView: the case in time — a zoomable drawing of lanes and marks, and its list twin.

The pane (object name ``timelineView``) holds a bar (lane mode, zoom out, zoom in, fit, a
status line), the drawing (:class:`~app.widgets.timeline_canvas.TimelineCanvas`) and below it,
in a splitter, the list of the same marks (``timelineList``) that the keyboard and a screen
reader walk.  Clicking a mark, opening it with Enter, moving to it with the arrow keys or
choosing its row in the list all emit :attr:`TimelineView.item_activated`.

Lanes are the kinds (events, documents, sentences, arrests, deaths) or one lane per person —
the current person (it follows :meth:`set_current`) or a set given by :meth:`set_people`.
Data comes from :mod:`db.timeline` on a worker (:class:`app.workers.Runner`; an answer for an
outdated range is dropped), only for the range around the visible one: lanes that hold more
than :data:`db.timeline.MARK_BUDGET` marks there come as density bars from the build-time
summary, so zooming out on a 3-million-person archive reads a few thousand summary rows.

Signals:
    item_activated(object): the :class:`db.dto.Ref` of the mark chosen.
    loaded(): new data is shown (after a load the worker answered).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QSignalBlocker, QSize, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.archive_source import ArchiveSource
from app.charts import timeline_export, timeline_layout, timeline_text
from app.charts.timeline_export import Drawing
from app.printing.pdf_file import PdfWriteError, write_pdf_file
from app.widgets import timeline_jobs
from app.widgets.elided_label import ElidedLabel
from app.widgets.row_reveal import reveal_row
from app.widgets.row_table import row_table
from app.widgets.timeline_canvas import TimelineCanvas
from app.widgets.timeline_list import ItemRole, TimelineColumn, TimelineListModel
from app.workers import Runner
from db import timeline
from db.dto import Ref
from db.i18n import N_, _
from db.timeline import Bucket, Mark, TimelineSlice
from db.timeline.dates import iso_day

#: Lane modes: key → label (translated where shown).
MODES = {
    "kind": N_("By kind"),
    "person": N_("Current person"),
    "people": N_("Chosen people"),
}
#: Zooming in this far past a loaded range that had density lanes loads again.
REFINE_ZOOM = 3.0


def _iso(ordinal: float) -> str:
    return iso_day(int(ordinal))


class TimelineView(QWidget):
    """The timeline pane (see the module docstring)."""

    #: A figure: the search results above it keep less of the column (MainWindow).
    TALL = True

    item_activated = Signal(object)
    loaded = Signal()

    #: A lane holding more marks than this around the visible range is drawn as density.
    budget = timeline.MARK_BUDGET

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineView")
        self._source: ArchiveSource | None = None
        #: True when a load waits for the pane to be shown.
        self._stale = False
        self._mode = "kind"
        self._person: str | None = None
        self._people: tuple[str, ...] = ()
        self._slice: TimelineSlice | None = None
        self._loaded: tuple[float, float, str] | None = None  # days and level of the slice
        self._asked: tuple[float, float, str, bool] | None = None  # the last range load asked
        self._extent: tuple[float, float] | None = None
        self._fit_next = True
        self._runner = Runner(self)
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.lanes_label = QLabel(self)
        self.mode_combo = QComboBox(self)
        self.mode_combo.setObjectName("timelineLaneMode")
        self.lanes_label.setBuddy(self.mode_combo)
        for key in ("kind", "person"):
            self.mode_combo.addItem("", key)
        self.mode_combo.currentIndexChanged.connect(self._on_mode_combo_changed)
        self.zoom_out_button = self._button("timelineZoomOut", "−", self.zoom_out)
        self.zoom_in_button = self._button("timelineZoomIn", "+", self.zoom_in)
        self.fit_button = self._button("timelineFit", "", self.fit_all)
        # One line (a wrapped one pushed the drawing down in Russian): what does not fit
        # ends in "…", and the whole line is the tooltip.
        self.status = ElidedLabel(self)
        self.status.setObjectName("timelineStatus")
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for w in (self.lanes_label, self.mode_combo, self.zoom_out_button, self.zoom_in_button):
            bar.addWidget(w)
        bar.addWidget(self.fit_button)
        bar.addWidget(self.status, 1)

        self.canvas = TimelineCanvas(self)
        self.canvas.mark_activated.connect(self._on_canvas_mark_activated)
        self.canvas.focus_moved.connect(self._on_canvas_mark_activated)
        self.canvas.range_changed.connect(self._on_canvas_range_changed)
        self.canvas.fit_requested.connect(self.fit_all)

        self.model = TimelineListModel(self)
        self.list = row_table(self, "timelineList", self.model)
        hh = self.list.horizontalHeader()
        hh.setSectionResizeMode(TimelineColumn.WHAT, QHeaderView.ResizeMode.Stretch)
        hh.setHighlightSections(False)
        for column, chars in ((0, 22), (1, 16), (2, 18), (3, 14), (5, 30)):
            self.list.setColumnWidth(column, self.fontMetrics().averageCharWidth() * chars)
        self.list.selectionModel().currentRowChanged.connect(self._on_list_row_changed)
        self.list.activated.connect(self._on_list_activated)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("timelineSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.canvas)
        self.splitter.addWidget(self.list)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([600, 300])
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addLayout(bar)
        box.addWidget(self.splitter, 1)

    def _button(self, name: str, text: str, slot: Any) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setAutoRaise(False)
        button.clicked.connect(slot)
        return button

    # -- language --------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Every word in the language now in use (the marks' labels are read again)."""
        self.setAccessibleName(_("Timeline"))
        self.lanes_label.setText(_("&Lanes:"))
        for i in range(self.mode_combo.count()):
            self.mode_combo.setItemText(i, _(MODES[self.mode_combo.itemData(i)]))
        self.mode_combo.setAccessibleName(_("Lanes of the timeline"))
        for button, name, tip in (
            (self.zoom_out_button, _("Zoom out"), _("Zoom out (−, or the mouse wheel)")),
            (self.zoom_in_button, _("Zoom in"), _("Zoom in (+, or the mouse wheel)")),
            (self.fit_button, _("Fit all"), _("Show every mark (0)")),
        ):
            button.setAccessibleName(name)
            button.setToolTip(tip)
        self.fit_button.setText(_("Fit all"))
        self.canvas.setAccessibleName(_("Timeline drawing"))
        self.canvas.setAccessibleDescription(
            _(
                "Arrow keys move between marks, Shift with arrows pans, plus and minus zoom, "
                "0 shows everything, Enter opens the mark. The list below holds the same marks."
            )
        )
        self.list.setAccessibleName(_("Timeline list"))
        self.model.retranslate()
        self._show_status()
        if self._source is not None:
            self._reload_data()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- source and lanes ------------------------------------------------------------------

    def set_source(self, source: ArchiveSource) -> None:
        """Show the timeline of ``source`` (loaded on a worker; ``loaded`` tells when)."""
        self._source = source
        self.reload()

    def reload(self) -> None:
        """Read everything again (a new archive): range and lanes fitted anew."""
        self._asked = None
        self._extent = None
        self._fit_next = True
        self._loaded = None
        self._reload_data()

    def set_current(self, ref: Ref | None) -> None:
        """The item shown elsewhere: its marks are ringed; a person becomes the current
        person (whose lane the "current person" mode shows)."""
        self.canvas.set_current(ref)
        mark = next((m for m in self.canvas.marks() if m.ref == ref), None) if ref else None
        if mark is not None:
            self.canvas.set_focus_mark(mark.key, reveal=False)
        reveal_row(self.list, self.model.row_of(mark.key) if mark is not None else None)
        if ref is not None and ref.kind == "person" and ref.id != self._person:
            self._person = ref.id
            if self._mode == "person":
                self._fit_next = True
                self._reload_data()

    def set_people(self, person_ids: Sequence[str]) -> None:
        """Show one lane per person of ``person_ids`` (e.g. a search result; at most
        :data:`db.timeline.PERSON_LANES`); an empty list goes back to the lanes by kind."""
        self._people = tuple(dict.fromkeys(person_ids))
        i = self.mode_combo.findData("people")
        if self._people and i < 0:
            self.mode_combo.addItem(_(MODES["people"]), "people")
        elif not self._people and i >= 0:
            self.mode_combo.removeItem(i)
        self.set_mode("people" if self._people else "kind")

    def set_mode(self, mode: str) -> None:
        """``kind`` (a lane per kind), ``person`` (the current person) or ``people``."""
        i = self.mode_combo.findData(mode)
        if i >= 0 and i != self.mode_combo.currentIndex():
            self.mode_combo.setCurrentIndex(i)  # → _on_mode_combo_changed
        elif i >= 0 and mode != self._mode:
            self._switch(mode)

    def mode(self) -> str:
        """The lane mode in use."""
        return self._mode

    @Slot(int)
    def _on_mode_combo_changed(self, index: int) -> None:
        mode = self.mode_combo.itemData(index)
        if isinstance(mode, str) and mode != self._mode:
            self._switch(mode)

    def _switch(self, mode: str) -> None:
        self._mode = mode
        # A person's lanes are fitted to their marks; back on the lanes by kind the reader
        # keeps the days they were looking at (a new-user trial lost its zoom there).
        self._fit_next = mode != "kind" or self._extent is None
        self._loaded = None
        self._reload_data()

    def _people_shown(self) -> list[str]:
        if self._mode == "people":
            return list(self._people)
        return [self._person] if self._person else []

    # -- zoom ------------------------------------------------------------------------------

    @Slot()
    def zoom_in(self) -> None:
        """Show half as many days (around :meth:`TimelineCanvas.zoom_anchor`)."""
        self.canvas.zoom(2.0)

    @Slot()
    def zoom_out(self) -> None:
        """Show twice as many days."""
        self.canvas.zoom(0.5)

    @Slot()
    def fit_all(self) -> None:
        """Show every mark of the lanes (the archive's whole extent in the lanes by kind)."""
        if self._mode == "kind" and self._extent is not None:
            lo, hi = self._extent
            pad = max((hi - lo) * timeline_layout.FIT_PADDING, timeline_layout.FIT_MIN_DAYS / 2)
            self.canvas.set_range(lo - pad, hi + pad)
        elif self._slice is not None:
            s = self._slice
            self.canvas.set_range(*timeline_layout.fit_range(s.marks, s.buckets))

    def visible_range(self) -> tuple[str, str]:
        """The first and last visible day as ISO dates."""
        t0, t1 = self.canvas.visible_range()
        return _iso(t0), _iso(t1)

    def set_visible_range(self, first: str, last: str) -> None:
        """Show the days ``first``..``last`` (ISO dates; a month or year means all of it)."""
        a, b = timeline.dates.parse(first), timeline.dates.parse(last)
        if a is not None and b is not None:
            self.canvas.set_range(a[0], b[1] + 1)

    @Slot(float, float)
    def _on_canvas_range_changed(self, t0: float, t1: float) -> None:
        if self._mode != "kind" or self._source is None or self._stale:
            return  # (stale: the pane is being shown, and showEvent loads what it shows)
        # At once, with no delay to wait out: a range costs a few milliseconds on the worker.
        # While one is on its way, its answer looks again (_on_kind_slice), so a zoom or a
        # drag never queues more than one load behind the one in flight.
        if self._needs_load(t0, t1) and not self._runner.busy:
            self._load_range()

    def _needs_load(self, t0: float, t1: float) -> bool:
        if self._loaded is None:
            return True
        lo, hi, level = self._loaded
        if t0 < lo or t1 > hi or level != self.canvas.level():
            return True
        dense = self._slice is not None and bool(self._slice.dense or self._slice.truncated)
        return (
            dense
            and (hi - lo) / max(t1 - t0, 1e-9) > (1 + 2 * timeline_jobs.MARGIN_SPANS) * REFINE_ZOOM
        )

    # -- loading ---------------------------------------------------------------------------

    def _reload_data(self) -> None:
        """Load again whatever the lanes show now (a new archive, language or mode)."""
        if self._source is None:
            return
        if not self.isVisible():
            self._stale = True  # read when the pane is first shown, not at start-up
            return
        self._stale = False
        self._asked = None  # not the same load as one in flight, even for the same range
        if self._mode == "kind":
            self._load_range()
            return
        source, people = self._source, self._people_shown()
        self._runner.submit(
            lambda: timeline_jobs.load_people(source, people), self._on_person_slice
        )

    def showEvent(self, event: QShowEvent) -> None:
        """A pane hidden until now reads what it shows the first time it is shown."""
        super().showEvent(event)
        if self._stale:
            self._reload_data()

    @Slot()
    def _load_range(self) -> None:
        """Load the lanes by kind for the visible range and a margin on each side."""
        if self._source is None or self._mode != "kind":
            return
        if not self.isVisible():
            self._stale = True
            return
        source, budget = self._source, self.budget
        fit = self._fit_next or self._extent is None
        t0, t1 = self.canvas.visible_range()
        width = self.canvas.picture().frame.plot.width()
        asked = (t0, t1, self.canvas.level(), fit)
        if asked == self._asked and self._runner.busy:
            return  # the same load is on its way
        self._asked = asked
        self._runner.submit(
            lambda: timeline_jobs.load_range(source, t0, t1, width, fit, budget),
            self._on_kind_slice,
        )

    def _on_kind_slice(self, result: timeline_jobs.RangeLoad) -> None:
        if result.extent is not None:
            self._extent = result.extent
        if result.loaded is not None:
            self._loaded = (*result.loaded, result.level)
        if self._fit_next:
            self._fit_next = False
            with QSignalBlocker(self.canvas):
                self.canvas.set_range(result.lo, result.hi)
        self._apply(result.slice)
        t0, t1 = self.canvas.visible_range()
        moved = self._asked is None or (t0, t1, self.canvas.level()) != self._asked[:3]
        if moved and self._needs_load(t0, t1):
            self._load_range()  # the view moved on (or was resized) while this loaded

    def _on_person_slice(self, s: TimelineSlice) -> None:
        self._apply(s)
        if self._fit_next:
            self._fit_next = False
            with QSignalBlocker(self.canvas):
                self.canvas.set_range(*timeline_layout.fit_range(s.marks))

    def _apply(self, s: TimelineSlice) -> None:
        self._slice = s
        focus = self.canvas.focus_key()
        self.canvas.set_content(s.lanes, s.marks, s.buckets, s.level)
        self.model.set_items(s.lanes, s.marks, s.buckets)
        row = self.model.row_of(focus) if focus else None
        if row is None and self.canvas.current() is not None:
            mark = next((m for m in s.marks if m.ref == self.canvas.current()), None)
            row = self.model.row_of(mark.key) if mark else None
        reveal_row(self.list, row)
        self._show_status()
        self.loaded.emit()

    def slice(self) -> TimelineSlice | None:
        """The data shown now (None before the first load)."""
        return self._slice

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the worker is idle (tests, shutdown)."""
        return self._runner.wait(msecs)

    # -- status ----------------------------------------------------------------------------

    def _show_status(self) -> None:
        if self._slice is None:
            self.status.setText(_("Loading the timeline…") if self._source else "")
        else:
            self.status.setText(timeline_text.status_text(self._slice))

    # -- choosing marks ---------------------------------------------------------------------

    @Slot(object)
    def _on_canvas_mark_activated(self, mark: Mark) -> None:
        reveal_row(self.list, self.model.row_of(mark.key))
        self.item_activated.emit(mark.ref)

    @Slot(QModelIndex, QModelIndex)
    def _on_list_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.model.data(current, ItemRole) if current.isValid() else None
        if isinstance(item, Mark):
            self.canvas.set_focus_mark(item.key)
            self.item_activated.emit(item.ref)

    @Slot(QModelIndex)
    def _on_list_activated(self, index: QModelIndex) -> None:
        item = self.model.data(index, ItemRole)
        if isinstance(item, Bucket):
            self.canvas.set_range(item.first - 0.5, item.last + 1.5)
        elif isinstance(item, Mark):
            self.item_activated.emit(item.ref)

    # -- export ----------------------------------------------------------------------------

    def drawing(self, title: str = "") -> Drawing:
        """What an export draws: the marks, density and range on screen now."""
        t0, t1 = self.canvas.visible_range()
        return Drawing(
            self.canvas.lanes(),
            self.canvas.marks(),
            self.canvas.buckets(),
            t0,
            t1,
            self.palette(),
            self.font(),
            self.canvas.current(),
            title,
            self.canvas.bucket_level(),
        )

    def _title(self) -> str:
        first, last = self.visible_range()
        return _("Timeline, {first} – {last}").format(first=first, last=last)

    def _export_size(self) -> QSize:
        size = self.canvas.size()
        return size if size.width() > 200 and size.height() > 120 else timeline_export.DEFAULT_SIZE

    def export_png(self, path: Path) -> None:
        """Save what the drawing shows as a PNG (the drawing's size). Raises OSError."""
        data = timeline_export.png_bytes(self.drawing(), self._export_size())
        timeline_export.write_atomically(path, data)

    def export_svg(self, path: Path) -> None:
        """Save what the drawing shows as an SVG. Raises OSError."""
        screen = self.screen()
        dpi = round(screen.logicalDotsPerInch()) if screen else 96
        data = timeline_export.svg_bytes(self.drawing(self._title()), self._export_size(), dpi)
        timeline_export.write_atomically(path, data)

    def export_pdf(self, path: Path) -> None:
        """Save what the drawing shows as a one-page vector PDF. Raises OSError."""
        try:
            write_pdf_file(path, timeline_export.pdf_bytes(self.drawing(self._title())))
        except PdfWriteError as exc:
            raise OSError(exc.message) from exc

    def to_json(self) -> str:
        """The data shown (lanes, marks with their claims, density) as JSON text."""
        s = self._slice or TimelineSlice((), ())
        return timeline.slice_to_json(s)
