"""DossierService: loads what a dossier prints from an open archive and renders it.

The one object the main window and the command line talk to: HTML of any item's dossier,
the case summary, and verified PDF files.  Each call opens one short read-only connection.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from PySide6.QtGui import QImage, QPageLayout
from sqlalchemy import Connection

from app import resources
from app.archive_source import ArchiveSource
from app.pages import case_summary, dossier, labels
from app.printing.dossier_figures import case_timeline, person_figures
from app.printing.figures import SCHEME, Figure
from app.printing.pdf_file import PdfWriteError, expand, target_problem, write_pdf_file
from app.printing.printer import (
    PAGE_SIZES,
    PageDecor,
    RenderError,
    Rendition,
    page_layout,
    pdf_bytes,
)
from db import i18n, listing, queries
from db.dto import (
    DocumentDetail,
    EventDetail,
    EventRow,
    Facts,
    PersonDetail,
    Ref,
    SourceDetail,
)
from db.i18n import _, pgettext
from db.vocab import SENTENCE_KINDS, TRIBUNALS

#: At most this many events and convicts are listed in the case summary (the rest counted).
CASE_EVENT_LIMIT = 200
CASE_CONVICT_LIMIT = 200
#: Participants of an event whose sentences (with sources) the event dossier looks up.
PARTICIPANT_DETAIL_LIMIT = 200
#: The claims a dossier reads for the items it links to (timeline, documents, arrest).
LINKED_FIELDS = ("record", "date")
#: Facts citing a source that its dossier lists (the bundled archive's most cited: 344).
SOURCE_CITATION_LIMIT = 2000
#: Pixel size of the outcome chart picture (printed 6.7 inches wide: ~165 dpi).
CHART_PIXELS = (1100, 620)


class DossierNotFound(LookupError):
    """The archive holds no item for the requested reference."""


def _facts_of(conn: Connection, kind: str, ids: Iterable[str]) -> dict[str, Facts]:
    # One batched query for the sources of many linked items (a dossier's timeline and
    # documents); per-item detail queries would cost more than laying out the pages.
    # A linked item is cited by its sources and its date: its other claims are not read.
    return queries.facts(conn, kind, ids, LINKED_FIELDS)


class DossierService:
    """Dossiers of one open archive: HTML for screens, paintable renditions, verified PDFs.

    Args:
        source: the archive open now (the GUI's controller, or an :class:`~db.Archive`).
        today: the print date shown in every page footer.
    """

    def __init__(self, source: ArchiveSource, today: Callable[[], date] = date.today) -> None:
        self._archive = source
        self._today = today
        self._css = resources.resource("templates", "dossier.css").read_text(encoding="utf-8")
        #: The reader's own notes on a record (note, tags, bookmarked), or None; set by the
        #: app when the notebook is open.
        self.reader_notes: Callable[[Ref], tuple[str, tuple[str, ...], bool] | None] | None = None
        #: True when dossiers end with the reader's notes (File → Include my notes; off by
        #: default: a dossier is the archive's unless the reader asks otherwise).
        self.include_notes = False

    # -- HTML --------------------------------------------------------------------------

    def html_for(self, ref: Ref, figures: dict[str, Figure] | None = None) -> tuple[str, str]:
        """(title, HTML) of the dossier of a person, event, document or source; with the
        reader's notes at the end when :attr:`include_notes` is set and there are some.
        ``figures``: filled with the vector figures the page refers to (a person's timeline
        and relationship graph); None leaves them out (the page on screen)."""
        title, html = self._archive_html(ref, figures)
        if self.include_notes and self.reader_notes is not None:
            mine = self.reader_notes(ref)
            if mine is not None and (mine[0].strip() or mine[1] or mine[2]):
                html = dossier.with_reader_notes(html, dossier.reader_notes_html(*mine))
        return title, html

    def _archive_html(self, ref: Ref, figures: dict[str, Figure] | None) -> tuple[str, str]:
        with self._archive.connect() as conn:
            item = queries.detail(conn, ref, SOURCE_CITATION_LIMIT)
            if isinstance(item, PersonDetail):
                events = _facts_of(conn, "event", (e.item.ref.id for e in item.events))
                documents = _facts_of(conn, "document", (d.item.ref.id for d in item.documents))
                section = ""
                if figures is not None:
                    # The timeline is made from what is read here, not read again.
                    found = person_figures(
                        conn,
                        item.id,
                        related=bool(item.relations),
                        known=(item, events, documents),
                    )
                    figures.update({name: fig for name, (fig, _c) in found.items()})
                    section = dossier.figures_html(
                        (f"{SCHEME}{name}", caption, fig.width, fig.height)
                        for name, (fig, caption) in found.items()
                    )
                return dossier.person_html(item, self._css, events, documents, section)
            if isinstance(item, EventDetail):
                # Outcomes with their sources for the first participants; a generated
                # event with thousands of people lists the rest without the detail.
                first = [p.item.ref.id for p in item.participants[:PARTICIPANT_DETAIL_LIMIT]]
                people = {
                    pid: d for pid in first if (d := queries.person_detail(conn, pid)) is not None
                }
                docs = _facts_of(conn, "document", (d.item.ref.id for d in item.documents))
                return dossier.event_html(item, self._css, people, docs)
            if isinstance(item, DocumentDetail):
                return dossier.document_html(
                    item, self._css, _facts_of(conn, "event", (e.item.ref.id for e in item.events))
                )
            if isinstance(item, SourceDetail):
                return dossier.source_html(item, self._css)
        raise DossierNotFound(
            _("no {kind} with id “{id}” in this archive").format(
                kind=labels.kind_word(ref.kind), id=ref.id
            )
        )

    def _case_data(self, with_chart: bool) -> case_summary.CaseData:
        info = self._archive.info
        with self._archive.connect() as conn:
            tallies = queries.tallies(conn)
            outcomes = queries.outcome_counts(conn)
            total_events = listing.count(conn, listing.EVENTS, listing.ListQuery())
            rows = listing.page(
                conn,
                listing.EVENTS,
                listing.ListQuery(sort="date"),
                0,
                min(total_events, CASE_EVENT_LIMIT),
                total_events,
            )
            event_facts = _facts_of(conn, "event", (r.id for r in rows))
            by_tribunal, convicts, verdict_unknown = self._convicts(conn)
        return case_summary.CaseData(
            title=info.title,
            title_ru=info.meta.get("title_ru"),
            counts=info.counts,
            tallies=tallies,
            outcomes=outcomes,
            events=[(r, event_facts.get(r.id, Facts())) for r in rows if isinstance(r, EventRow)],
            events_total=total_events,
            convicts=convicts,
            convicts_by_tribunal=by_tribunal,
            verdict_unknown=verdict_unknown,
            with_chart=with_chart,
            sources={t.source.ref.id: t.source for t in tallies},
        )

    @staticmethod
    def _convicts(conn: Connection) -> tuple[dict[str, int], list[PersonDetail], int]:
        """People convicted in 1935 by tribunal (counted), the first of them (read), and how
        many more have a verdict record that names neither a court nor a sentence: those are
        not convicts, for all the archive knows."""
        known = [t for t in TRIBUNALS if t != "none"]
        present = [
            t for t in listing.distinct_values(conn, listing.PEOPLE, "tribunal") if t != "none"
        ]
        order = sorted(present, key=lambda t: (known.index(t) if t in known else len(known), t))
        counts: dict[str, int] = {}
        people: list[PersonDetail] = []
        # listed in the reader's alphabet: by the Cyrillic names in Russian
        sort = "name_ru" if i18n.language() == "ru" else "name"
        unknown = listing.ListQuery(filters=(("sentence_kind", "unknown"), ("tribunal", "unknown")))
        verdict_unknown = listing.count(conn, listing.PEOPLE, unknown) if "unknown" in order else 0
        for tribunal in order:
            query = listing.ListQuery(sort, filters=(("tribunal", tribunal),))
            counts[tribunal] = listing.count(conn, listing.PEOPLE, query)
            queries_listed = [query]
            if tribunal == "unknown":  # only those with a known sentence: by kind
                counts[tribunal] -= verdict_unknown
                queries_listed = [
                    listing.ListQuery(
                        sort, filters=(("sentence_kind", kind), ("tribunal", tribunal))
                    )
                    for kind in SENTENCE_KINDS
                    if kind not in ("unknown", "none")
                ]
            for listed in queries_listed:
                room = CASE_CONVICT_LIMIT - len(people)
                if room <= 0:
                    break  # counted, not listed
                # the first ones only (at 3M a tribunal's whole ordered list is a million keys)
                for row in listing.head(conn, listing.PEOPLE, listed, room):
                    detail = queries.person_detail(conn, row.id)
                    if detail is not None:
                        people.append(detail)
        if not counts.get("unknown", 1) and not verdict_unknown:
            del counts["unknown"]
        return counts, people, verdict_unknown

    def case_html(self) -> tuple[str, str]:
        """(title, HTML) of the case summary (without the chart picture)."""
        return case_summary.case_html(self._case_data(with_chart=False), self._css)

    # -- rendering ---------------------------------------------------------------------

    def rendition(self, ref: Ref | None) -> Rendition:
        """The dossier of ``ref`` (None: the case summary, with its chart) ready to paint."""
        images: dict[str, QImage] = {}
        figures: dict[str, Figure] = {}
        if ref is None:
            data = self._case_data(with_chart=True)
            with self._archive.connect() as conn:
                found = case_timeline(conn)
            figure = ""
            if found is not None:
                figures["case-timeline"], caption = found
                fig = figures["case-timeline"]
                figure = dossier.figure_html(
                    f"{SCHEME}case-timeline", caption, fig.width, fig.height
                )
            title, html = case_summary.case_html(data, self._css, figure)
            images[case_summary.CHART_URL] = self._chart(data)
        else:
            title, html = self.html_for(ref, figures)
        info = self._archive.info
        decor = PageDecor(
            title, info.title, info.data_version, self._today(), info.meta.get("title_ru")
        )
        return Rendition(title, html, decor, images, figures)

    @staticmethod
    def _chart(data: case_summary.CaseData) -> QImage:
        from app.charts.outcome_chart import render_image

        return render_image(list(data.outcomes), *CHART_PIXELS)

    def write_pdf(self, ref: Ref | None, path: Path, page_size: str = "A4") -> Path:
        """Write the dossier of ``ref`` (None: case summary) as a verified PDF at ``path``.

        Raises :class:`PdfWriteError` (with a message for the user) on every failure, and
        then leaves no file, partial or otherwise, at ``path``.
        """
        if page_size not in PAGE_SIZES:
            either = pgettext("between choices", "or")
            raise PdfWriteError(
                Path(path),
                _("unknown page size {size} (use {sizes})").format(
                    size=repr(page_size),
                    sizes=f" {either} ".join(PAGE_SIZES),
                ),
            )
        return self.write_pdf_layout(ref, path, page_layout(page_size))

    def write_pdf_layout(
        self, ref: Ref | None, path: Path, layout: QPageLayout, first: int = 1, last: int = 0
    ) -> Path:
        """:meth:`write_pdf` with any page layout (e.g. the one chosen in a print dialog)
        and optionally only pages ``first..last`` (1-based; 0 = to the end)."""
        path = expand(path)
        problem = target_problem(path)
        if problem:  # fail before the rendering work
            raise PdfWriteError(path, problem)
        try:
            data, _ = pdf_bytes(self.rendition(ref), layout, first, last)
        except DossierNotFound as exc:
            raise PdfWriteError(path, str(exc)) from exc
        except RenderError as exc:
            raise PdfWriteError(
                path, _("the dossier could not be rendered ({reason})").format(reason=exc)
            ) from exc
        return write_pdf_file(path, data)

    def page_count(self, ref: Ref | None, page_size: str = "A4") -> int:
        """Pages the dossier of ``ref`` takes on ``page_size`` paper."""
        return pdf_bytes(self.rendition(ref), page_layout(page_size))[1]
