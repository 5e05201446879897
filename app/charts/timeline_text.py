"""Words of the timeline: dates with their precision, tooltips of marks and density buckets.

Tooltips are Qt rich text: every archive value in them (labels, source labels, notes,
locators) is escaped with :func:`app.pages.escape.escape`; long lists are cut.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.pages.escape import escape
from db import vocab
from db.i18n import _, ngettext, pgettext
from db.timeline import KIND_LANES, Bucket, Mark, TimelineSlice
from db.timeline import kind_name as _kind_name

#: Claims and sources listed in one tooltip at most (the rest are counted).
TOOLTIP_ITEMS = 6
#: Characters of a note shown in a tooltip at most.
NOTE_CHARS = 240


def precision_text(precision: str, alone: bool = False) -> str:
    """``to the day`` / «до дня» under the list's Precision column; ``alone`` (a line with no
    column heading, the command line's): «с точностью до дня», which reads without it."""
    if alone:
        if precision == "day":
            return pgettext("precision without a heading", "to the day")
        if precision == "month":
            return pgettext("precision without a heading", "to the month")
        return pgettext("precision without a heading", "to the year")
    if precision == "day":
        return pgettext("precision", "to the day")
    if precision == "month":
        return pgettext("precision", "to the month")
    return pgettext("precision", "to the year")


def date_text(date: str, precision: str) -> str:
    """``27 July 1935``, ``July 1935``, ``1935`` in the reader's language."""
    return vocab.format_date(date, precision)


def kind_name(kind: str) -> str:
    """``event``, ``document`` … in the reader's language."""
    return _kind_name(kind)


def sources_text(mark: Mark) -> str:
    """The list's Sources cell: the sources that give a disputed mark's date; for any other
    mark, the sources of the date's own claims and of the record, each once."""
    if mark.dispute:
        return "; ".join(mark.source_labels)
    return "; ".join(dict.fromkeys((*mark.source_labels, *(s.label for s in mark.sources))))


def _cut(text: str, limit: int = NOTE_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _claim_lines(mark: Mark) -> list[str]:
    lines = []
    for c in mark.claims[:TOOLTIP_ITEMS]:
        line = escape(_cut(c.source.label, 160))
        if c.locator:
            line += " (" + escape(_cut(c.locator, 60)) + ")"
        if c.note:
            line += ": <i>" + escape(_cut(c.note)) + "</i>"
        lines.append("&nbsp;&nbsp;• " + line)
    if len(mark.claims) > TOOLTIP_ITEMS:
        lines.append(
            "&nbsp;&nbsp;" + escape(_("and {n} more").format(n=len(mark.claims) - TOOLTIP_ITEMS))
        )
    return lines


def mark_tooltip(mark: Mark, group: Sequence[Mark] = ()) -> str:
    """Rich-text tooltip of a mark: label, kind, date with precision, and the claims.

    ``group`` holds every mark of the same disputed date (this one included): the tooltip
    then lists each date claimed with the sources that give it.
    """
    head = (
        f"<b>{escape(_cut(mark.label, 200))}</b><br>"
        f"{escape(kind_name(mark.kind))} · {escape(date_text(mark.date, mark.precision))} "
        f"({escape(precision_text(mark.precision))})"
    )
    parts = [head]
    if mark.dispute and len(group) > 1:
        parts.append("<b>" + escape(_("Sources disagree on this date:")) + "</b>")
        for other in sorted(group, key=lambda m: m.first):
            when = escape(date_text(other.date, other.precision))
            parts.append(f"<b>{when}</b>" if other is mark else when)
            parts += _claim_lines(other)
    elif mark.claims:
        parts.append(escape(_("The date is given by:")))
        parts += _claim_lines(mark)
    if mark.sources:
        shown = ", ".join(escape(_cut(s.label, 120)) for s in mark.sources[:3])
        more = len(mark.sources) - 3
        if more > 0:
            shown += " " + escape(_("and {n} more").format(n=more))
        parts.append(escape(_("Record sources:")) + " " + shown)
    return "<br>".join(parts)


def bucket_text(bucket: Bucket) -> str:
    """``Events: 1,234 in March 1935``, ``Events: 17 on 12 December 1934`` (plain text)."""
    text = (
        # TRANSLATORS: a density bar of the timeline: lane name, number of marks, a day.
        _("{lane}: {n} on {period}")
        if bucket.precision == "day"
        # TRANSLATORS: a density bar of the timeline: lane name, number of marks, a period.
        else _("{lane}: {n} in {period}")
    )
    return text.format(
        lane=KIND_LANES.get(bucket.lane, bucket.lane),
        n=vocab.format_number(bucket.n),
        period=date_text(bucket.date, bucket.precision),
    )


def _unit(level: str) -> str:
    # TRANSLATORS: the unit of the density bars: "Events: counts per month; zoom in …".
    if level == "day":
        return pgettext("counts per", "day")
    if level == "month":
        return pgettext("counts per", "month")
    return pgettext("counts per", "year")


def status_text(s: TimelineSlice) -> str:
    """The view's status line: marks around the range, lanes shown as counts, undated
    records, people and marks left out."""
    parts = []
    if s.mode == "kind":
        n = sum(n for _lane, n in s.totals)
        parts.append(
            ngettext("{n} mark around this range", "{n} marks around this range", n).format(
                n=vocab.format_number(n)
            )
        )
        if s.dense:
            names = ", ".join(lane.label for lane in s.lanes if lane.key in s.dense)
            parts.append(
                _("{lanes}: counts per {unit}; zoom in for single marks").format(
                    lanes=names, unit=_unit(s.level)
                )
            )
    elif not s.lanes:
        parts.append(_("Choose a person to see their timeline."))
    else:  # one lane per person, every dated mark of theirs
        n = len(s.marks)
        parts.append(
            ngettext("{n} dated mark", "{n} dated marks", n).format(n=vocab.format_number(n))
        )
    if s.undated:
        parts.append(
            ngettext("{n} undated (not drawn)", "{n} undated (not drawn)", s.undated).format(
                n=s.undated
            )
        )
    if s.hidden_people:
        parts.append(
            ngettext(
                "{n} more person not shown", "{n} more people not shown", s.hidden_people
            ).format(n=s.hidden_people)
        )
    if s.truncated:
        parts.append(_("some marks not shown: zoom in"))
    return " · ".join(parts)
