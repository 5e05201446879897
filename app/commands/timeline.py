"""``kremlin-archive timeline [--person ID …] [--from DATE] [--to DATE] [--json]``.

Prints the marks of the timeline in time order — the lanes by kind (events, documents,
sentences, arrests, deaths) or, with ``--person``, one lane per person — each with its date as
words and its precision; a disputed date is one line per claimed date with the sources that
give it.  A lane holding more than ``--limit`` marks in the range is printed as counts per day,
month or year (from the archive's build-time summary), so the command stays quick on any
archive; ``--from``/``--to`` narrow the range.  ``--json`` prints the same data as the view's
JSON export (:mod:`db.timeline.export`).
"""

from __future__ import annotations

import argparse
import sys

from app.charts.timeline_text import precision_text
from app.cli import EXIT_NOT_FOUND, EXIT_USAGE
from app.commands.output import print_json
from app.commands.suggest import suggestion
from db import Archive, timeline, vocab
from db.i18n import N_, _, ngettext
from db.timeline import KIND_LANES, Bucket, Mark, TimelineSlice, kind_name
from db.timeline.dates import parse
from db.timeline.export import slice_to_dict

HELP = N_("print the timeline: events, documents, sentences, arrests and deaths in date order")
#: Width of the date and precision columns of the text table («с точностью до месяца»: 21).
DATE_WIDTH = 22
PRECISION_WIDTH = 22
#: A range up to this many days is counted per day, up to this many per month, else per year.
DAY_LEVEL_DAYS = 92
MONTH_LEVEL_DAYS = 5 * 366


def _date(text: str) -> str:
    if parse(text) is None:
        raise argparse.ArgumentTypeError(
            _("“{text}” is not a date like 1935, 1935-07 or 1935-07-27").format(text=text)
        )
    return text


def configure(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    parser.add_argument(
        "--person",
        action="append",
        default=[],
        metavar="ID",
        help=_("one lane for this person (repeat for more people)"),
    )
    parser.add_argument(
        "--from", dest="first", type=_date, default=None, metavar="DATE", help=_("first date")
    )
    parser.add_argument(
        "--to", dest="last", type=_date, default=None, metavar="DATE", help=_("last date")
    )
    parser.add_argument(
        "--limit",
        type=int,
        default=timeline.MARK_BUDGET,
        metavar="N",
        help=_("lanes with more marks than this are printed as counts (default {n})").format(
            n=timeline.MARK_BUDGET
        ),
    )
    parser.add_argument("--json", action="store_true", help=_("print JSON"))


def _error(message: str) -> None:
    print(f"kremlin-archive: {message}", file=sys.stderr)


def _range(first: str | None, last: str | None, extent: tuple[str, str] | None) -> tuple[str, str]:
    """ISO days of the range: a month or year given means all of it."""
    a = parse(first) if first else None
    b = parse(last) if last else None
    lo = timeline.dates.iso_day(a[0]) if a else (extent[0] if extent else "1935-01-01")
    hi = timeline.dates.iso_day(b[1]) if b else (extent[1] if extent else "1935-12-31")
    return lo, hi


def _level(lo: str, hi: str) -> str:
    a, b = parse(lo), parse(hi)
    days = (b[1] - a[0]) if a and b else 0
    if days <= DAY_LEVEL_DAYS:
        return "day"
    return "month" if days <= MONTH_LEVEL_DAYS else "year"


def _mark_line(m: Mark, lanes: dict[str, str]) -> str:
    when = vocab.format_date(m.date, m.precision)
    kind = kind_name(m.kind)
    line = f"{when:<{DATE_WIDTH}} {precision_text(m.precision, alone=True):<{PRECISION_WIDTH}} "
    # A person's lane names whose mark it is; a kind's lane ("Deaths") only repeats what the
    # mark says itself ("Deaths: Death of …", «Смерти: Смерть: …»).
    line += m.label if m.lane == m.kind else f"{lanes.get(m.lane, m.lane)}: {m.label}"
    if m.kind in ("event", "document"):  # a sentence, arrest or death says what it is
        line += f" ({kind})"
    if m.dispute:
        line += " — " + _("disputed; given by {sources}").format(
            sources="; ".join(m.source_labels) or _("no source")
        )
    return line


def _bucket_line(b: Bucket) -> str:
    when = vocab.format_date(b.date, b.precision)
    lane = KIND_LANES.get(b.lane, b.lane)
    count = ngettext("{n} mark", "{n} marks", b.n).format(n=vocab.format_number(b.n))
    precision = precision_text(b.precision, alone=True)
    return f"{when:<{DATE_WIDTH}} {precision:<{PRECISION_WIDTH}} {lane}: {count}"


def print_text(s: TimelineSlice) -> None:
    """The slice as lines of text (marks and counts merged in date order)."""
    lanes = {lane.key: lane.label for lane in s.lanes}
    rows: list[tuple[int, int, str]] = [(m.first, 0, _mark_line(m, lanes)) for m in s.marks]
    rows += [(b.first, 1, _bucket_line(b)) for b in s.buckets]
    if s.lo and s.hi:
        print(
            _("Timeline from {first} to {last}").format(
                first=vocab.format_date(s.lo, "day"), last=vocab.format_date(s.hi, "day")
            )
        )
    for _first, _order, line in sorted(rows, key=lambda r: (r[0], r[1])):
        print(line)
    if not rows:
        print(_("Nothing dated in this range."))
    if s.dense:
        names = ", ".join(lanes.get(k, k) for k in s.dense)
        print(
            _("{lanes}: too many marks; counted instead (narrow --from/--to)").format(lanes=names)
        )
    if s.truncated:
        print(_("Some marks were left out (the limit was reached): narrow --from/--to."))
    if s.undated:
        print(
            ngettext("{n} undated (not drawn)", "{n} undated (not drawn)", s.undated).format(
                n=s.undated
            )
        )
    if s.hidden_people:
        print(
            ngettext(
                "{n} more person not shown", "{n} more people not shown", s.hidden_people
            ).format(n=s.hidden_people)
        )


def run(args: argparse.Namespace, archive: Archive) -> int:
    """Print the timeline."""
    if args.limit < 1:
        _error(_("timeline: --limit must be at least 1"))
        return EXIT_USAGE
    with archive.connect() as conn:
        lo, hi = _range(args.first, args.last, None if args.person else timeline.extent(conn))
        if lo > hi:
            _error(_("timeline: --from is later than --to"))
            return EXIT_USAGE
        if args.person:
            known = set(timeline.known_people(conn, args.person))
            missing = [p for p in args.person if p not in known]
            if missing:
                _error(_("no person with id “{id}”").format(id=missing[0]))
                hint = suggestion(conn, missing[0], ("person",))
                if hint:
                    print(hint, file=sys.stderr)
                return EXIT_NOT_FOUND
            ranged = args.first is not None or args.last is not None
            s = timeline.person_slice(
                conn, args.person, lo if ranged else None, hi if ranged else None, args.limit
            )
        else:
            s = timeline.kind_slice(conn, lo, hi, _level(lo, hi), budget=args.limit)
    if args.json:
        print_json(slice_to_dict(s))
    else:
        print_text(s)
    return 0
