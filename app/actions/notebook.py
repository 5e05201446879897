"""NotebookActions: the reader's notebook in the window — bookmarks, notes, tags, saved searches.

It keeps the note panel under the detail view on the record shown, saves what the panel
reports through :class:`app.notebook_session.NotebookSession`, refills the Notebook pane and
the list panes' marks after every change (and after another instance's), runs and saves
searches, and exports and imports the notebook.  Nothing is written to the archive.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Slot

from app.controller import ArchiveController
from app.dialogs import Dialogs
from app.filenames import safe_file_name
from app.models.paged_table import PagedTableModel
from app.navigation import Navigator
from app.notebook_session import NotebookSession
from app.part_files import write_text
from app.printing import DossierService
from app.widgets.list_pane import ListPane
from app.widgets.main_window import MainWindow
from app.widgets.note_panel import NotePanel
from app.widgets.notebook_pane import NotebookPane
from app.widgets.search_panel import SearchPanel
from db.dto import KINDS, Ref
from db.i18n import N_, _, ngettext
from db.notebook import Entry, ImportFailed, NotebookError, SavedSearch

log = logging.getLogger(__name__)

#: Export formats of the notebook: suffix → (format key, filter label marked for translation).
EXPORT_FORMATS = {
    ".md": ("md", "Markdown (*.md)"),
    ".json": ("json", "JSON (*.json)"),
    ".csv": ("csv", "CSV (*.csv)"),
}


#: A list row's mark → its icon (the first of a row's marks chooses) and its words.
MARK_ICONS = {"bookmarked": "bookmark", "noted": "note", "tagged": "tag"}
MARK_WORDS = {
    "bookmarked": N_("bookmarked"),
    "noted": N_("has your note"),
    "tagged": N_("tagged"),
}


class NotebookActions(QObject):
    """Connects the notebook session to the note panel, the Notebook pane and the lists.

    Args:
        window: the main window (status bar, bookmark action, tabs).
        navigator: the current item (the note panel follows it).
        controller: the open archive (labels, orphan checks, citations in exports).
        session: the notebook session.
        panel: the note panel under the detail view.
        pane: the Notebook tab.
        panes: the list panes by kind (their marks and People's filters).
        search: the search panel (saved searches).
        dialogs: file and text dialogs, messages.
        dossiers: the dossier service (the reader's notes at the end of dossiers).
    """

    def __init__(
        self,
        window: MainWindow,
        navigator: Navigator,
        controller: ArchiveController,
        session: NotebookSession,
        panel: NotePanel,
        pane: NotebookPane,
        panes: Mapping[str, ListPane],
        search: SearchPanel,
        dialogs: Dialogs,
        dossiers: DossierService,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._navigator = navigator
        self._controller = controller
        self._session = session
        self._panel = panel
        self._pane = pane
        self._panes = panes
        self._search = search
        self._dialogs = dialogs
        self._dossiers = dossiers
        panel.set_read_only(session.read_only)
        self.show_marks_in_lists()

    def show_marks_in_lists(self) -> None:
        """The list panes mark the records in the notebook with an icon (and say it in the
        first cell's tooltip), in the interface language now in use."""
        from app import icons

        pictures = {w: icons.bundled(stem) for w, stem in MARK_ICONS.items()}
        words = {w: _(text) for w, text in MARK_WORDS.items()}
        for kind, list_pane in self._panes.items():
            list_pane.model.set_marks(partial(self._marks, kind), pictures, words)

    def _marks(self, kind: str, ids: Sequence[str]) -> dict[str, str]:
        out = {}
        for item_id, marks in self._session.marks(kind, ids).items():
            words = []
            if marks.bookmarked:
                words.append("bookmarked")
            if marks.noted:
                words.append("noted")
            if marks.tagged:
                words.append("tagged")
            out[item_id] = " ".join(words)
        return out

    def _label(self, ref: Ref) -> str | None:
        try:
            return self._controller.label(ref)
        except Exception:  # a label is a courtesy: the note is saved without one
            log.exception("no label for %s", ref)
            return None

    # -- the record shown -------------------------------------------------------------------

    @Slot(object)
    def show_current(self, ref: object) -> None:
        """The navigator moved: the panel shows the marks of the new record."""
        current = ref if isinstance(ref, Ref) else None
        entry = self._session.entry(current) if current is not None else None
        self._show(current, entry)
        self._pane.reveal(current)

    def _show(self, ref: Ref | None, entry: Entry | None) -> None:
        self._panel.show_entry(
            ref,
            entry.bookmarked if entry else False,
            entry.tags if entry else (),
            entry.note if entry else "",
        )
        action = self._window.bookmark_action
        action.blockSignals(True)
        action.setChecked(bool(entry and entry.bookmarked))
        action.setEnabled(ref is not None and not self._session.read_only)
        action.blockSignals(False)

    # -- writes from the panel and the window -----------------------------------------------

    @Slot(object, str)
    def save_note(self, ref: object, text: str) -> None:
        """The panel's note changed (autosave): write it; a refusal keeps the text typed."""
        if not isinstance(ref, Ref):
            return
        if self._session.set_note(ref, text, self._label(ref)):
            if ref == self._panel.ref:
                self._panel.mark_saved()
        elif ref == self._panel.ref:
            self._panel.mark_unsaved()

    @Slot(object, list)
    def save_tags(self, ref: object, tags: list[str]) -> None:
        """The panel's tags changed."""
        if isinstance(ref, Ref):
            self._session.set_tags(ref, tags, self._label(ref))

    @Slot(object, bool)
    def save_bookmark(self, ref: object, on: bool) -> None:
        """The panel's bookmark button was toggled."""
        if isinstance(ref, Ref) and self._session.set_bookmark(ref, on, self._label(ref)):
            action = self._window.bookmark_action
            action.blockSignals(True)
            action.setChecked(on)
            action.blockSignals(False)

    @Slot()
    def toggle_bookmark(self) -> None:
        """Ctrl+D: bookmark the record shown, or remove its bookmark."""
        ref = self._navigator.current
        if ref is None:
            return
        entry = self._session.entry(ref)
        on = not (entry and entry.bookmarked)
        if self._session.set_bookmark(ref, on, self._label(ref)):
            self._panel.bookmark.blockSignals(True)
            self._panel.bookmark.setChecked(on)
            self._panel.bookmark.blockSignals(False)
            self._panel.retranslate()
            self._window.bookmark_action.blockSignals(True)
            self._window.bookmark_action.setChecked(on)
            self._window.bookmark_action.blockSignals(False)
            label = self._label(ref) or ref.id
            message = _("Bookmarked “{item}”") if on else _("Bookmark of “{item}” removed")
            self._window.statusBar().showMessage(message.format(item=label), 5000)

    # -- dossiers ---------------------------------------------------------------------------

    def reader_notes(self, ref: Ref) -> tuple[str, tuple[str, ...], bool] | None:
        """(note, tags, bookmarked) of ``ref`` for its dossier; what is typed is saved first."""
        if ref == self._panel.ref:
            self._panel.flush()
        entry = self._session.entry(ref)
        return None if entry is None else (entry.note, tuple(entry.tags), entry.bookmarked)

    @Slot(bool)
    def include_notes_in_dossiers(self, on: bool) -> None:
        """File → Include my notes in dossiers."""
        self._dossiers.include_notes = on
        self._window.statusBar().showMessage(
            _("Dossiers now end with your notes") if on else _("Dossiers show the archive only"),
            5000,
        )

    # -- after a change ---------------------------------------------------------------------

    @Slot(object)
    def refresh(self, ref: object = None) -> None:
        """Something was saved (``ref``), or anything may have changed (None): refill the
        Notebook pane, the tag lists, the saved searches and the lists' marks; on None the
        panel is read again too (another instance, an import, another archive)."""
        self.fill_pane()
        self._panel.set_known_tags(self._session.all_tags())
        self._pane.show_searches(self._session.saved_searches(), self._describe_filter)
        for list_pane in self._panes.values():
            model = list_pane.model
            if isinstance(model, PagedTableModel):
                model.refresh_marks()
        if ref is None:
            current = self._navigator.current
            self._panel.flush()  # what was typed is saved before it is read again
            self._show(current, self._session.entry(current) if current else None)

    @Slot()
    def fill_pane(self) -> None:
        """The Notebook pane's rows for its filters, orphans marked."""
        pane = self._pane
        # The tags first: a chosen tag that is gone falls back to "All tags" before it filters.
        pane.set_tags(self._session.all_tags())
        entries = self._session.entries(pane.kind_filter(), pane.tag_filter(), pane.text_filter())
        orphans: frozenset[Ref] = frozenset()
        if entries:
            from db.notebook import orphans as find_orphans

            try:
                with self._controller.holder.connect() as conn:
                    orphans = frozenset(find_orphans(entries, conn))
            except Exception:  # the archive cannot say: show them all as present
                log.exception("orphan check failed")
        names = {}
        for e in entries:  # a reader's notebook: hundreds of records, names cached
            if e.ref not in orphans and e.ref.kind in KINDS:
                name = self._label(e.ref)
                if name:
                    names[e.ref] = name
        pane.show_entries(entries, orphans, names)

    # -- saved searches ---------------------------------------------------------------------

    def _describe_filter(self, key: str, value: str) -> str:
        """A saved People filter in words: ``Role: defendant`` / «Роль: обвиняемый»."""
        people = self._panes.get("person")
        said = people.describe_filter(key, value) if people is not None else None
        return said or f"{key}={value}"

    @Slot()
    def save_search(self) -> None:
        """Edit → Save search…: the search text and the People filters under a name."""
        text = self._search.text().strip()
        people = self._panes.get("person")
        filters = people.combo_filters() if people is not None else {}
        if not text and not filters:
            self._window.statusBar().showMessage(
                _("Type a search or choose a filter first: there is nothing to save"), 5000
            )
            return
        name = self._dialogs.ask_text(
            self._window, _("Save search"), _("Name of the saved search:"), text
        )
        if name is None:
            return
        if self._session.save_search(name, text, filters):
            self._window.statusBar().showMessage(
                _("Search saved as “{name}”").format(name=name), 5000
            )

    @Slot(object)
    def run_search(self, search: object) -> None:
        """A saved search was clicked: its text in the search box, its filters on People."""
        if not isinstance(search, SavedSearch):
            return
        people = self._panes.get("person")
        if people is not None:
            people.clear_filters()
            people.set_combo_filters(dict(search.filters))
            self._window.tabs.setCurrentWidget(people)
        self._search.set_text(search.text)
        self._search.focus_search()

    @Slot(int)
    def delete_search(self, search_id: int) -> None:
        """Delete a saved search."""
        self._session.delete_search(search_id)

    # -- export and import ------------------------------------------------------------------

    @Slot()
    def export_notebook(self) -> None:
        """Save the open archive's notebook as Markdown (with citations), JSON or CSV."""
        filters = ";;".join(_(label) for _fmt, label in EXPORT_FORMATS.values())
        stem = safe_file_name(_("my-notebook"), ".md")
        path = self._dialogs.ask_save(self._window, stem, filters, key="notebook")
        if path is None:
            return
        fmt = EXPORT_FORMATS.get(path.suffix.casefold(), ("md", ""))[0]
        if path.suffix.casefold() not in EXPORT_FORMATS:
            path = path.with_suffix(".md")
        try:
            text = self._export_text(fmt)
            write_text(path, text)
        except OSError as exc:
            self._dialogs.show(
                self._window,
                _("Export failed"),
                _("Could not write “{path}”: {reason}").format(
                    path=path, reason=exc.strerror or exc
                ),
            )
            return
        except NotebookError as exc:
            self._dialogs.show(self._window, _("Export failed"), str(exc))
            return
        self._window.statusBar().showMessage(
            _("Notebook exported to {path}").format(path=path), 8000
        )

    def _export_text(self, fmt: str) -> str:
        import db.notebook as nb

        notebook, key = self._session.notebook, self._session.key
        if fmt == "json":
            return str(nb.export_json(notebook, key))
        if fmt == "csv":
            return str(nb.export_csv(notebook, key))
        info = self._controller.info
        with self._controller.holder.connect() as conn:
            return str(nb.export_markdown(notebook, key, conn, title=info.reader_title))

    @Slot()
    def import_notebook(self) -> None:
        """Merge a notebook exported as JSON into this one (no duplicates; nothing half-done)."""
        path = self._dialogs.ask_open_file(
            self._window, _("Import notes"), _("Notebook exports (*.json)"), key="notebook"
        )
        if path is None:
            return
        self._import(path)

    def _import(self, path: Path) -> None:
        from db.notebook import import_json

        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            self._dialogs.show(
                self._window,
                _("Import failed"),
                _("Could not read “{path}”: {reason}").format(path=path, reason=exc),
            )
            return
        try:
            report = import_json(self._session.notebook, text)
        except (ImportFailed, NotebookError) as exc:
            self._dialogs.show(self._window, _("Import failed"), str(exc))
            return
        self._session.changed.emit(None)
        n = report.records_added + report.records_updated
        self._window.statusBar().showMessage(
            ngettext(
                "Imported notes on {n} record ({searches} saved searches added)",
                "Imported notes on {n} records ({searches} saved searches added)",
                n,
            ).format(n=n, searches=report.searches_added),
            8000,
        )
