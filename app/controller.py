"""ArchiveController: the one holder of the open archive; answers what widgets may not ask SQL.

It loads detail pages (DTO → HTML renderer), labels for the breadcrumb, filter vocabularies,
exports, and swaps archives: a bad archive leaves the current one open and reports one
clear error.

Signals:
    archive_changed(object): a new ``Archive`` is open (the old one is closed after this).
    error(str, str): title and message for the user.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal

from app.archive_source import ArchiveHolder
from app.list_export import ExportRequest, export_list, format_for
from app.pages import detail as detail_html
from app.workers import Runner
from db import (
    Archive,
    ArchiveError,
    ArchiveInfo,
    gate,
    listing,
    open_archive,
    queries,
)
from db.contract_process import full_problems_apart
from db.dto import Ref
from db.export import Progress
from db.i18n import _, ngettext
from db.listing import ListQuery, ListSpec

log = logging.getLogger(__name__)

Renderer = Callable[[frozenset[str]], str]


class ArchiveController(QObject):
    """The one place the GUI reaches the data layer outside the list models."""

    archive_changed = Signal(object)
    error = Signal(str, str)
    #: Internal: the holder replaced a file that changed on disk (queued to the GUI thread).
    _replaced = Signal(object, object, str)

    def __init__(self, archive: Archive, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: The one holder of the open archive; models, widgets and printing hold it too.
        self.holder = ArchiveHolder(archive, self._on_file_replaced)
        self._labels: dict[Ref, str] = {}
        self._replaced.connect(self._on_replaced, Qt.ConnectionType.QueuedConnection)
        self._checker = Runner(self)
        #: Set to interrupt the background checks (the app closes, another archive opens).
        self._stop_checks = threading.Event()
        #: Breaches the background check found in the open archive (empty: none found).
        self.contract_problems: list[str] = []

    @property
    def archive(self) -> Archive:
        """The archive open now."""
        return self.holder.archive

    @property
    def info(self) -> ArchiveInfo:
        """Facts of the archive open now."""
        return self.holder.info

    def title(self) -> str:
        """The open archive's title in the interface language: its Russian title (``meta``
        ``title_ru``) in Russian when it has one, else its title."""
        return self.holder.info.reader_title

    def open_path(self, path: Path | str) -> bool:
        """Open ``path``; on failure keep the current archive and emit :attr:`error`."""
        try:
            new = open_archive(path)
        except ArchiveError as exc:
            log.info("refused archive %s: %s", path, exc.problem)
            self.error.emit(exc.title, exc.message)
            return False
        old = self.holder.swap(new)
        self._labels.clear()
        self.contract_problems = []
        self.archive_changed.emit(new)
        old.close()
        return True

    # -- the contract of big archives ---------------------------------------------------------

    def check_in_background(self) -> None:
        """Finish the checks the gate left for after the first paint, on the worker pool.

        The gate checks small archives whole before they open.  A mid-size one (up to
        ``gate.QUICK_CHECK_LIMIT``) gets SQLite's quick_check here; if it fails, the bundled
        archive is opened instead, with one message.  Any archive over
        ``gate.CONTRACT_FULL_LIMIT`` gets its full contract check here; a breach is
        reported once (``error``), and the archive stays open, marked in
        :attr:`contract_problems`.
        """
        self._stop_checks.set()  # a check of the archive before stops …
        self._stop_checks = threading.Event()  # … and this one gets its own flag
        info = self.holder.info
        if info.server:
            return  # the server keeps its own pages whole; the gate checked the contract
        quick = not info.integrity_checked and info.size_bytes <= gate.QUICK_CHECK_LIMIT
        if info.contract_checked and not quick:
            return
        archive = self.holder.archive

        stop = self._stop_checks

        def work() -> tuple[str | None, list[str]]:
            if quick:
                with archive.connect() as conn:
                    raw = conn.connection.driver_connection
                    assert isinstance(raw, sqlite3.Connection)
                    # SQLite's own check (in C, the GIL released): closing the app or opening
                    # another archive interrupts it at once instead of waiting for it.
                    raw.set_progress_handler(lambda: int(stop.is_set()), 100_000)
                    try:
                        gate.integrity(raw, archive.path)
                    except ArchiveError as exc:
                        return (None if stop.is_set() else exc.message), []
                    except sqlite3.OperationalError:
                        if stop.is_set():
                            return None, []  # interrupted on purpose
                        raise
                    finally:
                        raw.set_progress_handler(None, 0)
            if info.contract_checked:
                return None, []
            # Every row, in a process of its own (minutes at 3M people, mostly Python that
            # would hold the GIL the window paints with); stopping ends the process.
            problems = full_problems_apart(archive.path, stop)
            return None, problems or []

        self._checker.submit(work, lambda result: self._on_checked(archive, result))

    def _on_checked(self, archive: Archive, result: object) -> None:
        if archive is not self.holder.archive or not isinstance(result, tuple):
            return
        damage, problems = result
        if damage:
            from app import resources

            self.error.emit(
                _("The archive is damaged"),
                _("{problem}. The bundled archive is opened instead.").format(problem=damage),
            )
            self.open_path(resources.bundled_archive())
            return
        if not problems:
            return
        self.contract_problems = [str(p) for p in problems]
        more = len(problems) - 1
        if more:
            message = ngettext(
                "A full check of “{file}” found values this program does not accept: "
                "{problem} (and {n} more). What it shows may be incomplete.",
                "A full check of “{file}” found values this program does not accept: "
                "{problem} (and {n} more). What it shows may be incomplete.",
                more,
            )
        else:
            message = _(
                "A full check of “{file}” found values this program does not accept: "
                "{problem}. What it shows may be incomplete."
            )
        self.error.emit(
            _("The archive breaks its contract"),
            message.format(file=archive.info.path.name, problem=problems[0], n=more),
        )

    def _on_file_replaced(self, old: Archive, new: Archive, message: str) -> None:
        # Called from inside a connect() (maybe on a worker, maybe during a paint): the views
        # are reset from the event loop, not from under the code that asked for a connection.
        log.warning("%s", message)
        self._replaced.emit(old, new, message)

    def _on_replaced(self, old: object, new: object, message: str) -> None:
        self._labels.clear()
        self.archive_changed.emit(new)
        self.error.emit(_("Archive changed on disk"), message)
        if isinstance(old, Archive):
            old.close()

    def close(self) -> None:
        """Stop the background checks and release the archive's connections (after the reads
        still running on the worker pool have given theirs back)."""
        from PySide6.QtCore import QThreadPool

        self._stop_checks.set()
        self._checker.wait()
        QThreadPool.globalInstance().waitForDone(10_000)
        self.holder.archive.close()

    # -- pages ------------------------------------------------------------------------------

    def page(self, ref: Ref) -> tuple[Renderer, list[str]] | None:
        """A renderer for ``ref``'s detail page and its external addresses (None: no item)."""
        with self.holder.connect() as conn:
            item = queries.detail(conn, ref)
        if item is None:
            return None
        return detail_html.renderer(item), detail_html.external_links(item)

    def welcome_page(self) -> Renderer:
        """The page shown when nothing is selected."""
        info = self.holder.info
        html = detail_html.welcome_html(
            info.title, info.data_version, info.counts, title_ru=info.meta.get("title_ru")
        )
        return lambda _expanded: html

    def outcome_page(self, tribunal: str, outcome: str) -> Renderer | None:
        """A published chart bar with every source's figure."""
        with self.holder.connect() as conn:
            counts = [
                c
                for c in queries.outcome_counts(conn)
                if c.tribunal == tribunal and c.outcome == outcome
            ]
            tallies = queries.tallies(conn)
        if not counts:
            return None
        html = detail_html.outcome_html(counts[0], tallies)
        return lambda _expanded: html

    def forget_labels(self) -> None:
        """Drop the cached labels (the language changed: names may read otherwise)."""
        self._labels.clear()

    def cached_label(self, ref: Ref) -> str | None:
        """The label of ``ref`` if it was read before (no query)."""
        return self._labels.get(ref)

    def label(self, ref: Ref) -> str:
        """Short label for breadcrumbs (cached per archive and language): in Russian a
        person's Cyrillic name when the archive has one."""
        if ref not in self._labels:
            with self.holder.connect() as conn:
                self._labels[ref] = queries.label_of(conn, ref) or ref.id
        return self._labels[ref]

    # -- lists ------------------------------------------------------------------------------

    def person_pks(self, text: str, limit: int = 100_000) -> list[int]:
        """People the search ``text`` finds, best first (for the People pane filter)."""
        from db.search import find as search

        with self.holder.connect() as conn:
            return search.person_pks(conn, text, limit)

    def filter_values(self, spec: ListSpec, key: str) -> list[str]:
        """Values a filter combo offers (years, document types)."""
        with self.holder.connect() as conn:
            return listing.distinct_values(conn, spec, key)

    def export(
        self,
        spec: ListSpec,
        query: ListQuery,
        path: Path,
        columns: list[tuple[str, str]],
        fmt: str | None = None,
        note: str = "",
        progress: Progress | None = None,
    ) -> int:
        """Write the pane's rows to ``path`` atomically (thread-safe; see app.list_export)."""
        request = ExportRequest(spec, query, columns, path, format_for(path, fmt), note)
        return export_list(self.holder, request, progress)
