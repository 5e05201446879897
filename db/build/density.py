"""The timeline summary table (``timeline_density``), precomputed when an archive is built.

One row per (lane, date): how many events, documents, sentences, arrests and deaths the archive
dates to each day, month or year, every record counted once at its own date, with the rules the
read side uses (:mod:`db.timeline.dates`).  The timeline draws its zoomed-out view from this
table — a few thousand rows at any archive size — instead of reading millions of records.

Events, documents and sentences count at their record's date.  An arrest counts at the date
its claims give (``arrest_date``; the one most claims give when they disagree); a death at the
claimed ``death_date`` likewise, else at the person's ``death_year`` (a year).
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict

from db.schema import DATED_CLAIMS
from db.timeline.dates import parse, primary

#: Lanes counted straight from a table: (lane, SELECT date, count).
_RECORD_LANES = (
    ("event", "SELECT date, count(*) FROM event GROUP BY date"),
    ("document", "SELECT date, count(*) FROM document GROUP BY date"),
    ("sentence", "SELECT date, count(*) FROM sentence WHERE date IS NOT NULL GROUP BY date"),
)


def person_claims(c: sqlite3.Connection) -> dict[str, dict[str, list[str]]]:
    """``field → person id → claimed values`` (claim order) of the arrest and death dates."""
    out: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for subject, field, value in c.execute(
        f"SELECT subject_id, field, value FROM claim WHERE {DATED_CLAIMS} "
        "AND subject_kind = 'person' AND field IN ('arrest_date', 'death_date') ORDER BY pk"
    ):
        if value is not None:
            out[str(field)][str(subject)].append(str(value))
    return out


def counts(c: sqlite3.Connection) -> Counter[tuple[str, str]]:
    """``(lane, date) → records`` for every lane (dates that are no date are left out)."""
    n: Counter[tuple[str, str]] = Counter()
    for lane, sql in _RECORD_LANES:
        for day, count in c.execute(sql):
            if parse(day) is not None:
                n[(lane, str(day))] += int(count)
    claims = person_claims(c)
    for _person, values in sorted(claims["arrest_date"].items()):
        first = primary(values)
        if first is not None:
            n[("arrest", first)] += 1
    for year, count in c.execute(
        "SELECT death_year, count(*) FROM person WHERE death_year IS NOT NULL GROUP BY death_year"
    ):
        if parse(str(year)) is not None:
            n[("death", str(year))] += int(count)
    for subject, values in sorted(claims["death_date"].items()):
        first = primary(values)
        if first is None:
            continue  # no claim is a date: the person's death year stands
        row = c.execute("SELECT death_year FROM person WHERE id = ?", (subject,)).fetchone()
        year = None if row is None or row[0] is None else str(row[0])
        if year is not None and parse(year) is not None:
            n[("death", year)] -= 1
        n[("death", first)] += 1
    return +n  # drop buckets emptied by the line above


def build_density(c: sqlite3.Connection) -> None:
    """Fill ``timeline_density`` from the numbered tables and the claims (in key order)."""
    rows = []
    for (lane, bucket), count in sorted(counts(c).items()):
        period = parse(bucket)
        assert period is not None
        rows.append((lane, bucket, period[2], count))
    c.executemany(
        "INSERT INTO timeline_density (lane, bucket, precision, n) VALUES (?, ?, ?, ?)", rows
    )
