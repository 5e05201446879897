"""Benchmark (a script, not a test): the ego graph on a 3-million-person archive, beside the
bare ``sqlite3`` floor running the same SQL.

Run: ``.venv/bin/python tests/bench_graph.py [--archive PATH] [--runs N]`` (default: the
cached ``.cache/synth-3000000-seed1.sqlite``).

Measured in one process, interleaved, for a few people (the most related ones and ordinary
ones) at one hop, and at two hops with co-mentions:

* **ours**: :func:`db.graph.ego_graph` on a pooled read-only SQLAlchemy connection — every
  query, the claims of every edge, the DTOs;
* **floor**: the very statements ours ran (captured once, with their parameters) replayed on a
  bare ``sqlite3`` connection, every row fetched, nothing built from them;
* **+ layout** (shown beside): ours plus the networkx layout the pane runs on its worker;
* a **hub** of :data:`HUB_DEGREE` relations (the synthetic archive's most related person has
  17), in a small file made here with the archive's schema, to show the caps keep a real
  investigator's graph bounded: 40 relations drawn, the rest counted.

Goal: ours ≤ 100 ms (median) for every person.  An archive the gate refuses for its schema
version alone (an older synthetic file) is read through a bare read-only engine instead, and
the table says so.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import Connection, create_engine, event  # noqa: E402

from db.graph import ego_graph  # noqa: E402

DEFAULT = ROOT / ".cache" / "synth-3000000-seed1.sqlite"
GOAL = 0.100
#: Relations of the hub person in the made-up file.
HUB_DEGREE = 100_000
#: How each person is picked (SQL on the archive, run once).
PICKS = {
    "most related": "SELECT p.id FROM person p JOIN (SELECT related_pk AS pk, count(*) AS n "
    "FROM relation GROUP BY related_pk ORDER BY n DESC LIMIT 1) t ON t.pk = p.pk",
    "most related (from)": "SELECT p.id FROM person p JOIN (SELECT person_pk AS pk, count(*) AS "
    "n FROM relation GROUP BY person_pk ORDER BY n DESC LIMIT 1) t ON t.pk = p.pk",
    "most documents": "SELECT p.id FROM person p JOIN (SELECT person_pk AS pk, count(*) AS n "
    "FROM document_person WHERE person_pk IS NOT NULL GROUP BY person_pk ORDER BY n DESC "
    "LIMIT 1) t ON t.pk = p.pk",
    "most co-mentioned (of 2,000)": "SELECT p.id FROM person p JOIN (SELECT a.person_pk AS pk, "
    "count(*) AS n FROM document_person a JOIN document_person b ON b.document_pk = "
    "a.document_pk AND b.person_pk != a.person_pk WHERE a.person_pk IN (SELECT person_pk FROM "
    "document_person WHERE person_pk IS NOT NULL GROUP BY person_pk HAVING count(*) >= 4 "
    "LIMIT 2000) GROUP BY a.person_pk ORDER BY n DESC LIMIT 1) t ON t.pk = p.pk",
    "middle of the list": "SELECT id FROM person WHERE rank_name = "
    "(SELECT max(rank_name) / 2 FROM person)",
    "first of the list": "SELECT id FROM person WHERE rank_name = 1",
}


def _open(path: Path) -> tuple[Callable[[], Any], str]:
    """A connection factory for ``path`` and how it was opened."""
    from db import ArchiveError, open_archive

    try:
        archive = open_archive(path)
    except ArchiveError as exc:
        engine = create_engine(f"sqlite:///file:{path.resolve()}?mode=ro&uri=true")
        return engine.connect, f"bare read-only engine ({exc.problem})"
    return archive.connect, "open_archive (gate passed)"


def _hub_archive(path: Path) -> Path:
    """A file with the archive's tables: one investigator who interrogated HUB_DEGREE people,
    each also related to one other person, and one document naming 50 of them."""
    from db.schema import Base

    engine = create_engine(f"sqlite:///{path}")
    Base.metadata.create_all(engine)
    engine.dispose()
    conn = sqlite3.connect(path)
    n = HUB_DEGREE
    person = (
        "INSERT INTO person (pk, id, name_en, name_ru, sort_name, role, confidence, tribunal, "
        "sentence_kind, outcome, rank_name, rank_name_ru, rank_role, rank_tribunal, "
        "rank_sentence, rank_birth) VALUES (?, ?, ?, ?, ?, 'defendant', 'high', 'none', "
        "'none', 'none', ?, ?, ?, ?, ?, ?)"
    )
    conn.executemany(
        person,
        ((i, f"p{i}", f"Person {i}", f"Лицо {i}", f"{i}", *(i,) * 6) for i in range(1, 2 * n + 2)),
    )
    hub = 1
    rows = [(f"r{i}", i, hub, "interrogated-by") for i in range(2, n + 2)]
    rows += [(f"s{i}", i, i + n, "brother") for i in range(2, n + 2)]
    conn.executemany(
        "INSERT INTO relation (id, person_pk, related_pk, relation) VALUES (?, ?, ?, ?)", rows
    )
    conn.execute(
        "INSERT INTO document (pk, id, date, year, doc_type, title, persons, rank_date, "
        "rank_title, rank_type) VALUES (1, 'd1', '1935-01-01', 1935, 'list', 'List', '', 1, 1, 1)"
    )
    conn.executemany(
        "INSERT INTO document_person (document_pk, person_pk, name_as_written) VALUES (1, ?, 'x')",
        ((i,) for i in range(1, 52)),
    )
    conn.commit()
    conn.execute("ANALYZE")
    conn.close()
    return path


def _capture(conn: Connection, fn: Callable[[], object]) -> list[tuple[str, Any]]:
    seen: list[tuple[str, Any]] = []

    def record(_c: object, _cur: object, statement: str, params: Any, *_a: object) -> None:
        seen.append((statement, params))

    event.listen(conn, "before_cursor_execute", record)
    try:
        fn()
    finally:
        event.remove(conn, "before_cursor_execute", record)
    return seen


def _floor(raw: sqlite3.Connection, statements: list[tuple[str, Any]]) -> None:
    for statement, params in statements:
        raw.execute(statement, params).fetchall()


def _time(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _layout_too(conn: Connection, person: str, hops: int, co: bool) -> None:
    from PySide6.QtGui import QFont

    from app.charts.network_layout import layout, node_sizes

    g = ego_graph(conn, person, hops, co)
    assert g is not None
    layout(g, node_sizes(g, QFont()))


def _ms(xs: list[float]) -> str:
    return f"{statistics.median(xs) * 1000:7.1f} ({min(xs) * 1000:.1f}–{max(xs) * 1000:.1f})"


def main(argv: list[str] | None = None) -> int:
    """Measure and print the table; exit 1 when a median misses the goal."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--archive", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["bench"])  # noqa: F841 (fonts)
    connect, how = _open(args.archive)
    raw = sqlite3.connect(f"{args.archive.resolve().as_uri()}?mode=ro", uri=True)
    people = {}
    for label, sql in PICKS.items():
        row = raw.execute(sql).fetchone()
        if row is not None:
            people[label] = row[0]
    size = args.archive.stat().st_size / 2**30
    print(f"archive: {args.archive} ({size:.2f} GiB), opened by {how}; {args.runs} runs each")
    print(
        f"{'person':<44}{'mode':<18}{'nodes':>6}{'edges':>6}  {'ours ms med (min–max)':<24}"
        f"{'floor ms med (min–max)':<24}{'ratio':>6}  {'+ layout ms':<22}"
    )
    ok = True
    with connect() as conn:
        for label, person in people.items():
            for hops, co in ((1, False), (2, True)):
                g = ego_graph(conn, person, hops, co)  # warm: caches, imports
                assert g is not None
                statements = _capture(conn, lambda p=person, h=hops, c=co: ego_graph(conn, p, h, c))
                ours, floor, full = [], [], []
                for _ in range(args.runs):
                    ours.append(_time(lambda p=person, h=hops, c=co: ego_graph(conn, p, h, c)))
                    floor.append(_time(lambda s=statements: _floor(raw, s)))
                    full.append(_time(lambda p=person, h=hops, c=co: _layout_too(conn, p, h, c)))
                ratio = statistics.median(ours) / max(statistics.median(floor), 1e-9)
                ok &= statistics.median(ours) <= GOAL
                mode = f"{hops} hop{'s' if hops > 1 else ''}{' + co' if co else ''}"
                who = f"{label}: {person}"[:43]
                print(
                    f"{who:<44}{mode:<18}{len(g.nodes):>6}{len(g.edges):>6}  {_ms(ours):<24}"
                    f"{_ms(floor):<24}{ratio:>6.2f}  {_ms(full):<22}"
                )
    raw.close()
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        hub = _hub_archive(Path(tmp) / "hub.sqlite")
        engine = create_engine(f"sqlite:///file:{hub}?mode=ro&uri=true")
        hub_raw = sqlite3.connect(f"{hub.as_uri()}?mode=ro", uri=True)
        with engine.connect() as conn:
            for person, hops, co in (
                ("p1", 1, False),
                ("p1", 2, True),
                ("p2", 1, False),
                ("p2", 2, True),
            ):
                g = ego_graph(conn, person, hops, co)
                assert g is not None
                statements = _capture(conn, lambda p=person, h=hops, c=co: ego_graph(conn, p, h, c))
                ours, floor = [], []
                for _ in range(args.runs):
                    ours.append(_time(lambda p=person, h=hops, c=co: ego_graph(conn, p, h, c)))
                    floor.append(_time(lambda s=statements: _floor(hub_raw, s)))
                ok &= statistics.median(ours) <= GOAL
                ratio = statistics.median(ours) / max(statistics.median(floor), 1e-9)
                mode = f"{hops} hop{'s' if hops > 1 else ''}{' + co' if co else ''}"
                more = sum(n.more for n in g.nodes)
                who = (
                    f"hub of {HUB_DEGREE:,} relations ({more:,} more)"
                    if person == "p1"
                    else f"one of the hub's ({more:,} more)"
                )
                print(
                    f"{who:<44}{mode:<18}{len(g.nodes):>6}{len(g.edges):>6}  {_ms(ours):<24}"
                    f"{_ms(floor):<24}{ratio:>6.2f}"
                )
        hub_raw.close()
        engine.dispose()
    print(f"goal: ours ≤ {GOAL * 1000:.0f} ms (median) — {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
