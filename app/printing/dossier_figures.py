"""The figures of a person's dossier: their small timeline and their relationship graph.

Both are drawn by the same painting code as the Timeline and Network tabs, recorded as vector
figures (:mod:`app.printing.figures`), on a paper palette (dark text on white, whatever the
screen's theme).  A person with no dated mark gets no timeline, one with no relation no
graph: an empty figure would say nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import QStyleFactory
from sqlalchemy import Connection

from app.printing.figures import Figure, record
from app.printing.fonts import print_family
from db.dto import Facts, PersonDetail
from db.i18n import _

#: Figure sizes in CSS pixels (the page's text is about 640 wide on A4 and Letter).
TIMELINE_SIZE = (640.0, 170.0)
GRAPH_SIZE = (640.0, 430.0)
CASE_TIMELINE_SIZE = (640.0, 330.0)
#: Point size of the figures' words.
FIGURE_PT = 7.5
#: Room after the last mark for its label, as a share of the marks' span.
LABEL_ROOM = 0.45


@cache
def _fusion_palette() -> QPalette:
    style = QStyleFactory.create("Fusion")  # (a style made for its palette alone: once)
    return style.standardPalette() if style is not None else QPalette()


def paper_palette() -> QPalette:
    """A light palette (Fusion's own), so a figure prints dark on white in a dark session."""
    return QPalette(_fusion_palette())  # a copy: the caller may change it


def _font() -> QFont:
    font = QFont(print_family())
    font.setPointSizeF(FIGURE_PT)
    return font


def person_figures(
    conn: Connection,
    person_id: str,
    related: bool = True,
    known: tuple[PersonDetail, Mapping[str, Facts], Mapping[str, Facts]] | None = None,
) -> dict[str, tuple[Figure, str]]:
    """name → (figure, caption) for the dossier of ``person_id``.

    ``related``: False when the caller knows the person has no relation (its detail read
    none): there is no graph to draw, and its reads are skipped.  ``known``: the person's
    detail and the ``record`` and ``date`` claims of their events and documents, when the
    caller has read them: the timeline is made from them instead of read again.
    """
    from app.charts.network_layout import layout, node_sizes
    from app.charts.network_paint import paint_graph
    from app.charts.timeline_layout import fit_range
    from app.charts.timeline_paint import paint_timeline
    from db import graph, timeline
    from db.timeline import Lane

    palette, font = paper_palette(), _font()
    out: dict[str, tuple[Figure, str]] = {}
    tl = timeline.person_slice_of(*known) if known is not None else None
    if tl is None:
        tl = timeline.person_slice(conn, [person_id])
    if tl.marks:
        start, end = fit_range(tl.marks, ())
        end += (end - start) * LABEL_ROOM  # the last marks' labels stay on the figure
        # One person's own lane needs no name (the dossier is theirs): its column goes to the
        # marks, and their labels may run to the figure's edge.
        lanes = [Lane(lane.key, "") for lane in tl.lanes] if len(tl.lanes) == 1 else tl.lanes

        def draw_timeline(painter: QPainter, rect: QRectF) -> None:
            painter.setFont(font)
            paint_timeline(
                painter,
                rect,
                tl.marks,
                palette,
                lanes=lanes,
                start=start,
                end=end,
                label_max=rect.width(),
            )

        out["timeline"] = (
            record(*TIMELINE_SIZE, draw_timeline),
            _(
                "Dated marks of this person; a month or a year is a span, disputed dates are "
                "one mark per claim."
            ),
        )
    ego = graph.ego_graph(conn, person_id, hops=1) if related else None
    if ego is not None and ego.edges:
        positions = layout(ego, node_sizes(ego, font))

        def draw_graph(painter: QPainter, rect: QRectF) -> None:
            painter.setFont(font)
            paint_graph(painter, rect, ego, positions, palette, font)

        out["graph"] = (
            record(*GRAPH_SIZE, draw_graph),
            _(
                "Relations of this person in the archive: green family, red investigation, "
                "blue hierarchy, purple alleged conspiracy, brown other ties; dashed: alleged "
                "or disputed; an arrow A → B reads “A is brother of B” or “A is interrogated "
                "by B”."
            ),
        )
    return out


def case_timeline(conn: Connection) -> tuple[Figure, str] | None:
    """The whole case on one time axis, lanes by kind, for the case summary (None: nothing
    dated).  A big archive's crowded lanes are drawn as counts per month (the archive's
    ``timeline_density`` table), as on the Timeline tab."""
    from app.charts.timeline_paint import paint_timeline
    from db import timeline

    span = timeline.extent(conn)
    if span is None:
        return None
    tl = timeline.kind_slice(conn, span[0], span[1], level="month")
    if not tl.marks and not tl.buckets:
        return None
    palette, font = paper_palette(), _font()

    def draw(painter: QPainter, rect: QRectF) -> None:
        painter.setFont(font)
        paint_timeline(
            painter, rect, tl.marks, palette, lanes=tl.lanes, buckets=tl.buckets, level="month"
        )

    caption = _(
        "Events, documents, sentences, arrests and deaths of the whole case; a month or a "
        "year is a span, disputed dates are one mark per claim, undated records are not drawn."
    )
    return record(*CASE_TIMELINE_SIZE, draw), caption
