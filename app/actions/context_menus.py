"""ContextMenus: right-click menus on list rows and detail links, and Edit → Copy.

A row's menu (People, Events, Documents, Sources) offers Open, Open in new history branch,
Copy text, Copy id, Copy citation and Export selection; a link's entries (added to the detail
view's own menu) offer Open, Open in new history branch, Copy link text, Copy id and Copy
citation.  A right button press no longer makes a row current (and so opens nothing): only
the menu's Open does.  Edit → Copy (Ctrl+C) copies the selected rows of the list that has the
focus as tab-separated text, or what the focused text field or page has selected.

Everything copied is archive text made safe for the clipboard: tabs and line breaks inside a
cell become spaces, and a cell that a spreadsheet would run as a formula gets a leading ``'``.

Signals:
    copied(str): the text put on the clipboard.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QAction, QGuiApplication, QMouseEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QTableView, QTextEdit

from app import bibliography_export, counts
from app.controller import ArchiveController
from app.dialogs import Dialogs
from app.filenames import safe_file_name
from app.navigation import Navigator
from app.widgets import selection
from app.widgets.list_pane import ListPane
from app.widgets.main_window import MainWindow
from app.widgets.sources_pane import SourcesPane
from db import listing
from db.dto import Ref
from db.export import neutral
from db.i18n import _
from db.listing import ListQuery

Pane = ListPane | SourcesPane


def _cell(value: object) -> str:
    """One clipboard cell: one line, no control characters, never a formula."""
    text = "" if value is None else str(value)
    text = "".join(
        " " if ch in "\t\r\n" or ord(ch) < 32 or 127 <= ord(ch) < 160 else ch for ch in text
    )
    return neutral(text)


def rows_as_tsv(view: QTableView, rows: Sequence[int]) -> str:
    """``rows`` of ``view`` as tab-separated lines: the columns shown, in their order."""
    model, header = view.model(), view.horizontalHeader()
    columns = [
        header.logicalIndex(v)
        for v in range(header.count())
        if not header.isSectionHidden(header.logicalIndex(v))
    ]
    lines = ["\t".join(_cell(model.data(model.index(row, col))) for col in columns) for row in rows]
    return "\n".join(lines)


def link_text(view: QTextEdit, pos: QPoint) -> str:
    """The whole text of the link under ``pos`` (a viewport point) of a rich-text view."""
    href = view.anchorAt(pos)
    cursor = view.cursorForPosition(pos)
    block = cursor.block()
    text, inside = "", False
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        if fragment.isValid() and fragment.charFormat().anchorHref() == href:
            if fragment.position() <= cursor.position() <= fragment.position() + fragment.length():
                inside = True
            text += fragment.text()
        elif inside:
            break
        else:
            text = ""
        it += 1
    return text.strip()


class ContextMenus(QObject):
    """Builds and runs the row and link menus; owns Edit → Copy.

    Args:
        window: the main window (detail view, actions, status bar).
        navigator: the one history (Open, Open in new history branch).
        controller: the archive holder (labels, exports, citations).
        cite_record: copies a citation of a record (the citation actions' ``cite``).
        dialogs: file dialogs and messages.
        panes: the panes whose rows get a menu, by the kind of item they list.
    """

    copied = Signal(str)

    def __init__(
        self,
        window: MainWindow,
        navigator: Navigator,
        controller: ArchiveController,
        cite_record: Callable[[Ref], None],
        dialogs: Dialogs,
        panes: dict[str, Pane],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._navigator = navigator
        self._controller = controller
        self._cite = cite_record
        self._dialogs = dialogs
        self._panes = panes
        for pane in panes.values():
            pane.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            pane.view.viewport().installEventFilter(self)

    # -- rows -----------------------------------------------------------------------------

    def _rows(self, kind: str, row: int) -> list[int]:
        """The rows a menu at ``row`` acts on: the selection if it holds ``row``, else it."""
        view = self._panes[kind].view
        if not view.selectionModel().isRowSelected(row):
            return [row]
        return selection.rows(view)

    def _ids(self, kind: str, rows: Sequence[int]) -> list[str]:
        model = self._panes[kind].model
        return [i for i in (model.id_at(r) for r in rows) if i is not None]

    def row_menu(self, kind: str, pos: QPoint) -> QMenu | None:
        """The menu of the row at ``pos`` (a viewport point) of ``kind``'s pane; None off rows."""
        pane = self._panes[kind]
        index = pane.view.indexAt(pos)
        item_id = pane.model.id_at(index.row()) if index.isValid() else None
        if item_id is None:
            return None
        ref = Ref(kind, item_id)
        rows = self._rows(kind, index.row())
        menu = QMenu(self._window)
        menu.setObjectName("rowMenu")
        self._add_open(menu, ref)
        menu.addSeparator()
        self._add(
            menu, "copyTextAction", _("Copy &text"), lambda: self._copy(self._tsv(kind, rows))
        )
        self._add(
            menu,
            "copyIdAction",
            _("Copy &id"),
            lambda: self._copy("\n".join(self._ids(kind, rows))),
        )
        self._add(
            menu, "copyRefCitationAction", _("Copy c&itation"), lambda: self.copy_citation(ref)
        )
        menu.addSeparator()
        self._add(
            menu,
            "exportSelectionAction",
            _("&Export selection…"),
            lambda: self.export_rows(kind, rows),
        )
        return menu

    def _tsv(self, kind: str, rows: Sequence[int]) -> str:
        return rows_as_tsv(self._panes[kind].view, rows)

    @staticmethod
    def _add(menu: QMenu, name: str, text: str, slot: Callable[[], None]) -> QAction:
        action = menu.addAction(text)
        action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    def _add_open(self, menu: QMenu, ref: Ref) -> None:
        opened = self._add(menu, "openItemAction", _("&Open"), lambda: self._navigator.go(ref))
        menu.setDefaultAction(opened)
        self._add(
            menu,
            "openBranchAction",
            _("Open in new history &branch"),
            lambda: self._navigator.open_branch(ref),
        ).setStatusTip(_("Open it after the item shown: Back returns here, Forward is kept"))

    @Slot(str, QPoint)
    def show_row_menu(self, kind: str, pos: QPoint) -> None:
        """Show the row menu at ``pos`` of ``kind``'s pane (its right-click)."""
        menu = self.row_menu(kind, pos)
        if menu is not None:
            menu.exec(self._panes[kind].view.viewport().mapToGlobal(pos))
            menu.deleteLater()

    # -- links ----------------------------------------------------------------------------

    @Slot(QMenu, QPoint)
    def add_link_entries(self, menu: QMenu, pos: QPoint) -> None:
        """Put the link under ``pos`` first in the detail view's menu (none: nothing added)."""
        detail = self._window.detail
        ref = Ref.from_uri(detail.anchorAt(pos))
        if ref is None:
            return
        text = link_text(detail, pos) or self._controller.label(ref)
        before = menu.actions()
        entries = QMenu(menu)  # built apart, then moved in front of Qt's own entries
        self._add_open(entries, ref)
        entries.addSeparator()
        self._add(
            entries, "copyLinkTextAction", _("Copy &link text"), lambda: self._copy(_cell(text))
        )
        self._add(entries, "copyIdAction", _("Copy &id"), lambda: self._copy(ref.id))
        self._add(
            entries,
            "copyRefCitationAction",
            _("Copy citation of the &link"),
            lambda: self.copy_citation(ref),
        )
        entries.addSeparator()
        for action in entries.actions():
            action.setParent(menu)
            if before:
                menu.insertAction(before[0], action)
            else:
                menu.addAction(action)
        entries.deleteLater()

    # -- copying --------------------------------------------------------------------------

    def _copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self.copied.emit(text)

    @Slot()
    def copy_focused(self) -> None:
        """Edit → Copy: a list's selected rows as TSV, else the focused field's selection."""
        focus = QApplication.focusWidget()
        for kind, pane in self._panes.items():
            if focus is pane.view:
                self.copy_focused_rows(kind)
                return
        if isinstance(focus, (QLineEdit, QTextEdit)):
            focus.copy()
        elif self._window.detail.textCursor().hasSelection():
            self._window.detail.copy()

    def copy_focused_rows(self, kind: str) -> None:
        """The selected rows of the ``kind`` pane (else its current row) as TSV, at most
        :data:`selection.SELECTION_LIMIT` of them (the status bar says when it cut)."""
        view = self._panes[kind].view
        rows = selection.rows(view)
        if not rows and view.currentIndex().isValid():
            rows = [view.currentIndex().row()]
        if not rows:
            return
        self._copy(self._tsv(kind, rows))
        if selection.count(view) > len(rows):
            message = _(
                "Only the first {n} selected rows were copied; File → Export list saves them all"
            ).format(n=counts.number(len(rows)))
        else:
            message = _("Copied {items}").format(items=counts.items(self._noun(kind), len(rows)))
        self._window.statusBar().showMessage(message, 8000)

    def _noun(self, kind: str) -> str:
        return str(self._panes[kind].noun)

    def copy_citation(self, ref: Ref) -> None:
        """Put a citation of ``ref`` in the chosen style on the clipboard (the citation
        actions' own: one way of citing, one message)."""
        self._cite(ref)

    # -- export ---------------------------------------------------------------------------

    def export_rows(self, kind: str, rows: Sequence[int]) -> None:
        """Export selection: the rows chosen, in the pane's order, as CSV/JSON (sources: as a
        bibliography)."""
        ids = self._ids(kind, rows)
        pane = self._panes[kind]
        if not ids:
            return
        try:
            if isinstance(pane, ListPane):
                self._export_list_rows(pane, ids)
            else:
                self._export_sources(ids)
        except OSError as exc:
            message = _("Could not write “{path}”: {reason}").format(
                path=exc.filename, reason=exc.strerror or exc
            )
            self._dialogs.show(self._window, _("Export failed"), message)

    def _export_list_rows(self, pane: ListPane, ids: list[str]) -> None:
        stem = safe_file_name(f"{counts.file_stem(pane.noun)}-{ids[0]}", ".csv")
        answer = self._dialogs.ask_export(self._window, stem)
        if answer is None:
            return
        path, fmt = answer
        model = pane.model
        with self._controller.holder.connect() as conn:
            pks = tuple(
                p for p in (listing.pk_of(conn, model.spec, i) for i in ids) if p is not None
            )
        q = model.query
        columns = [(c.attr, c.header if fmt == "json" else _(c.header)) for c in model.columns]
        n = self._controller.export(
            model.spec,
            ListQuery(q.sort, q.descending, (), pks),
            path,
            columns,
            fmt,
            _("the rows selected"),
        )
        self._window.statusBar().showMessage(counts.exported(pane.noun, n, path), 8000)

    def _export_sources(self, ids: list[str]) -> None:
        answer = self._dialogs.ask_bibliography(
            self._window, safe_file_name(f"{ids[0]}-sources", ".bib")
        )
        if answer is None:
            return
        path, fmt = answer
        n = bibliography_export.export_bibliography(
            self._controller.holder, path, fmt, lambda _conn: ids
        )
        self._window.statusBar().showMessage(counts.exported("sources", n, path), 8000)

    # -- events ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A right button press on a row would make it current and open it; the menu opens it.
        if (
            event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick)
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.RightButton
        ):
            return True
        return super().eventFilter(watched, event)
