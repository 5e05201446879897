"""The search box and its grouped results, searching as the user types.

Every keystroke starts :func:`db.search.search` at once on the thread pool, through
:class:`app.workers.Runner`; while one search runs, only the newest text typed waits for it
(see :meth:`SearchPanel._request`).  An answer slower than :data:`SLOW_MS` says "Searching…"
meanwhile.  Results show as groups (People, Events, Documents, Sources) with counts; each hit
shows its label and why it matched, the matched parts in bold (text escaped, spans marked).
Enter or a click opens a hit; Down in the box moves into the results.  A second after an
archive is given (:data:`WARM_AFTER_MS`), the Russian morphology is loaded on a worker, so
that the first declined Cyrillic name typed does not wait for its dictionaries.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app import counts
from app.archive_source import ArchiveSource
from app.models.search_results import (
    DetailRole,
    IsGroupRole,
    LabelSpansRole,
    SearchResultsModel,
    WhyRole,
    WhySpansRole,
)
from app.pages.escape import escape
from app.workers import Runner
from db.i18n import N_, _
from db.search.find import SearchResults, search
from db.search.query import warm_up

Span = tuple[int, int]
#: A search that has not answered after this long says "Searching…" (most take a few ms).
SLOW_MS = 150
#: After an archive is given, this long idle before the morphology is loaded on a worker.
WARM_AFTER_MS = 1000
#: Kinds of hits → the noun keys of :mod:`app.counts`.
_NOUNS = {"person": "people", "event": "events", "document": "documents", "source": "sources"}
#: Why a search has no results when its worker failed (translated where shown).
FAILED = N_("the search failed")


def marked_html(text: str, spans: tuple[Span, ...], tag: str = "b") -> str:
    """``text`` escaped, with each span wrapped in ``<tag>`` (spans are code-point offsets)."""
    out, pos = [], 0
    for a, b in sorted(spans):
        a, b = max(a, pos), min(b, len(text))
        if a >= b:
            continue
        out += [escape(text[pos:a]), f"<{tag}>", escape(text[a:b]), f"</{tag}>"]
        pos = b
    out.append(escape(text[pos:]))
    return "".join(out)


def _elide(
    text: str, spans: tuple[Span, ...], metrics: QFontMetrics, width: int
) -> tuple[str, tuple[Span, ...]]:
    elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(width, 20))
    if elided == text:
        return text, spans
    keep = 0
    while keep < len(text) and keep < len(elided) - 1 and text[keep] == elided[keep]:
        keep += 1
    clipped = tuple((a, min(b, keep)) for a, b in spans if a < keep)
    return text[:keep] + "…", clipped


class SearchHitDelegate(QStyledItemDelegate):
    """Paints a hit as its label (matches bold) over a grey explanation; groups as headings."""

    PADDING = 4

    def _lines(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> tuple[str, str | None]:
        metrics = QFontMetrics(option.font)
        width = option.rect.width() - 2 * self.PADDING
        if index.data(IsGroupRole):
            return f"<b>{escape(str(index.data()))}</b>", None
        label, spans = _elide(str(index.data()), index.data(LabelSpansRole) or (), metrics, width)
        detail = str(index.data(DetailRole) or "")
        top = marked_html(label, spans)
        if detail and metrics.horizontalAdvance(label + "   " + detail) < width:
            top += f"&nbsp;&nbsp;<span style='color:{self._grey(option)}'>{escape(detail)}</span>"
        why, why_spans = _elide(
            str(index.data(WhyRole) or ""), index.data(WhySpansRole) or (), metrics, width
        )
        return top, marked_html(why, why_spans, "i")

    @staticmethod
    def _grey(option: QStyleOptionViewItem) -> str:
        if option.state & QStyle.StateFlag.State_Selected:
            return option.palette.color(QPalette.ColorRole.HighlightedText).name()
        return option.palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text).name()

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        top, bottom = self._lines(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        color = opt.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ).name()
        body = f"<div style='color:{color}'>{top}</div>"
        if bottom is not None:
            body += f"<div style='color:{self._grey(opt)}'>{bottom}</div>"
        doc = QTextDocument()
        doc.setDefaultFont(opt.font)
        doc.setDocumentMargin(0)
        doc.setDefaultTextOption(QTextOption(Qt.AlignmentFlag.AlignLeft))
        doc.setHtml(body)
        painter.save()
        painter.setClipRect(opt.rect)
        painter.translate(opt.rect.left() + self.PADDING, opt.rect.top() + self.PADDING)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        lines = 1 if index.data(IsGroupRole) else 2
        height = QFontMetrics(option.font).lineSpacing() * lines + 2 * self.PADDING + 2
        return QSize(option.rect.width(), height)


class SearchPanel(QWidget):
    """Search box (``searchBox``) over grouped results (``searchResults``).

    The results take room only while there is a search: with an empty box only the box is
    shown (its :attr:`minimumSizeHint`), and whoever lays the panel out may give the space
    back (:attr:`expanded_changed`).

    Signals:
        item_activated(Ref): the user opened a hit (Enter, click).
        words_activated(str): the search text of that hit, just before (words to mark).
        results_changed(SearchResults): new results are shown (also empty ones).
        expanded_changed(bool): the results were shown (True) or hidden (the box emptied).
    """

    item_activated = Signal(object)
    #: The search text of a hit about to be opened (the detail view marks its words).
    words_activated = Signal(str)
    results_changed = Signal(object)
    expanded_changed = Signal(bool)

    LIMIT = 25

    def __init__(self, parent: QWidget | None = None, runner: Runner | None = None) -> None:
        super().__init__(parent)
        self._archive: ArchiveSource | None = None
        self._runner = runner or Runner(self)
        self._box = QLineEdit(self)
        self._box.setObjectName("searchBox")
        self._box.setClearButtonEnabled(True)
        self._box.setMaxLength(1000)
        self._status = QLabel(self)
        self._status.setObjectName("searchStatus")
        self._status.setTextFormat(Qt.TextFormat.PlainText)
        self._status.setWordWrap(True)
        self._model = SearchResultsModel(self)
        self._view = QTreeView(self)
        self._view.setObjectName("searchResults")
        self._view.setModel(self._model)
        self._view.setHeaderHidden(True)
        self._view.setRootIsDecorated(False)
        self._view.setItemsExpandable(False)
        self._view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._view.setItemDelegate(SearchHitDelegate(self._view))
        self._view.setTextElideMode(Qt.TextElideMode.ElideRight)
        #: The text being searched on the worker now (None: idle), and the newest text typed
        #: since (searched when the running one answers; older typed texts are dropped).
        self._running: str | None = None
        self._pending: str | None = None
        self._slow = QTimer(self)
        self._slow.setSingleShot(True)
        self._slow.setInterval(SLOW_MS)
        self._warm = QTimer(self)
        self._warm.setSingleShot(True)
        self._warm.setInterval(WARM_AFTER_MS)
        self._warmer = Runner(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._box)
        layout.addWidget(self._status)
        layout.addWidget(self._view, 1)
        self._box.textChanged.connect(self._on_box_text_changed)
        self._box.returnPressed.connect(self._on_box_return_pressed)
        self._box.installEventFilter(self)
        self._runner.failed.connect(self._on_runner_failed)
        self._slow.timeout.connect(self._on_slow)
        self._warm.timeout.connect(self._on_warm)
        self._view.activated.connect(self._on_view_activated)
        self._view.clicked.connect(self._on_view_activated)
        self._status.hide()
        self._expanded = True
        self._set_expanded(False)
        self._set_texts()

    # -- language -------------------------------------------------------------------------

    def _set_texts(self) -> None:
        self._box.setPlaceholderText(_("Search names in any spelling, events, documents…"))
        self._box.setAccessibleName(_("Search"))
        self._view.setAccessibleName(_("Search results"))

    def retranslate(self) -> None:
        """Texts in the interface language now in use; the results are searched again, as
        their groups and explanations are words of the language too."""
        self._set_texts()
        self.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- public API ------------------------------------------------------------------------

    @property
    def results(self) -> SearchResults:
        """The results shown."""
        return self._model.results

    def set_source(self, source: ArchiveSource | None) -> None:
        """Search ``source`` from now on (the current text is searched again)."""
        self._archive = source
        if source is not None:
            self._warm.start()
        self.reload()

    def reload(self) -> None:
        """Search the current text again (the source's archive changed)."""
        self._request(self._box.text())

    @property
    def searching(self) -> bool:
        """True while a search runs on the worker."""
        return self._running is not None

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until running searches have answered (tests, shutdown)."""
        return self._runner.wait(msecs)

    @property
    def expanded(self) -> bool:
        """True while the results are shown (there is text in the box)."""
        return self._expanded

    def text(self) -> str:
        """The text in the search box."""
        return self._box.text()

    def set_text(self, text: str) -> None:
        """Put ``text`` in the search box (and search it), as if typed."""
        self._box.setText(text)

    def _set_expanded(self, expanded: bool) -> None:
        if expanded == self._expanded:
            return
        self._expanded = expanded
        self._view.setVisible(expanded)
        if not expanded:
            self._status.hide()
        self.expanded_changed.emit(expanded)

    @Slot()
    def focus_search(self) -> None:
        """Put the cursor in the search box with its text selected (Ctrl+F)."""
        self._box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._box.selectAll()

    # -- slots -----------------------------------------------------------------------------

    @Slot(str)
    def _on_box_text_changed(self, text: str) -> None:
        self._set_expanded(bool(text.strip()))
        self._request(text)

    def _request(self, text: str) -> None:
        """Search ``text`` now: at once, or right after the search running now answers.

        No timer: a search costs a few milliseconds, so every keystroke starts one.  While one
        runs, only the newest text typed waits; the results shown stay until newer ones come.
        """
        if self._running is not None:
            self._pending = text
            return
        archive = self._archive
        if archive is None or not text.strip():
            self._pending = None
            self._show(SearchResults(text))
            return
        limit = self.LIMIT

        def work() -> SearchResults:
            with archive.connect() as conn:
                return search(conn, text, limit)

        self._running = text
        if not self._slow.isActive():  # (typing on keeps the first one: it may say so)
            self._slow.start()
        self._runner.submit(work, self._on_answer)

    @Slot()
    def _on_slow(self) -> None:
        """A search is taking its time: say so, under the results still shown."""
        if self._running is None or not self._expanded:
            return
        text = self._pending if self._pending is not None else self._running
        self._status.setText(_("Searching “{query}”…").format(query=text.strip()))
        self._status.show()

    @Slot()
    def _on_warm(self) -> None:
        self._warmer.submit(warm_up, lambda _none: None)

    def _on_answer(self, results: object) -> None:
        ran, self._running = self._running, None
        pending, self._pending = self._pending, None
        if pending is not None and pending != ran:
            self._request(pending)  # typed on while this ran: this answer is stale, drop it
            return
        self._show(results)

    @Slot(object)
    def _on_runner_failed(self, _exc: object) -> None:
        self._running = None
        pending, self._pending = self._pending, None
        self._show(SearchResults(self._box.text(), error=FAILED))
        if pending is not None:
            self._request(pending)

    def _show(self, results: object) -> None:
        if not isinstance(results, SearchResults):
            return
        self._slow.stop()
        self._model.set_results(results)
        self._view.expandAll()
        self._status.setText(self._summary(results))
        self._status.setVisible(self._expanded and bool(results.query.strip()))
        self.results_changed.emit(results)

    @staticmethod
    def _summary(results: SearchResults) -> str:
        if results.error:
            return _("Search failed: {error}").format(error=_(results.error))
        parts = [
            counts.items(
                _NOUNS.get(g.kind, ""), g.count, counts.number(g.count) + ("+" if g.more else "")
            )
            for g in results.groups
        ]
        if parts:
            text = " · ".join(parts)
        else:
            text = _("Nothing found for “{query}”").format(query=results.query.strip())
        return "; ".join([text, *results.notices])

    @Slot()
    def _on_box_return_pressed(self) -> None:
        current = self._view.currentIndex()
        index = current if self._model.hit(current) else self._model.first_hit()
        self._on_view_activated(index)

    @Slot(QModelIndex)
    def _on_view_activated(self, index: QModelIndex) -> None:
        hit = self._model.hit(index)
        if hit is not None:
            self.words_activated.emit(" ".join((self.results.query, *self.results.other_script)))
            self.item_activated.emit(hit.ref)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down and self._model.first_hit().isValid():
                self._view.setFocus(Qt.FocusReason.OtherFocusReason)
                self._view.setCurrentIndex(self._model.first_hit())
                return True
        return super().eventFilter(watched, event)
