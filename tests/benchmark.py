"""Scale benchmark (a script, not a test): the app against its floors, in one run.

Run: ``make bench`` (= ``.venv/bin/python tests/benchmark.py``); ``--people 100000`` for a
quick run; ``--json FILE`` also writes the figures as JSON.  The generated archive is cached
under ``.cache/`` (git-ignored) by :func:`db.synth.cached_archive`.

Every figure is measured on this machine in this run, beside its floor:

* window: process start → main window visible, vs. a bare PySide6 ``QMainWindow``;
* first rows: open the big archive → People pane painted, vs. the same first page read with
  plain ``sqlite3``;
* search: keystroke → results shown (search + model reset + repaint), p95 over a fixed set
  of common, rare, Latin, Cyrillic, prefix and misspelt names, vs. the raw FTS5 lookup of the
  same words;
* row jump: scroll the People pane to arbitrary rows → query time and paint time;
* peak RSS with the big archive vs. the bundled one (same scripted session, own processes);
* chart: outcome chart shown for the big archive;
* dossier: one person dossier to PDF vs. a bare ``QTextDocument`` → PDF of the same pages.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

GOALS = {
    "window": "≤ 1.5× floor",
    "first_rows": "≤ 0.35 s",
    "search_p95": "≤ 50 ms and ≤ 3× floor",
    "row_jump": "≤ 16 ms query + ≤ 50 ms paint",
    "rss": "≤ 1.2× bundled",
    "chart": "≤ 50 ms",
    "dossier": "≤ 1.5× floor",
    "dossier_big": "≤ 1.5× floor",
}

QUERIES = (
    "ivanov",
    "иванов",
    "Ива",
    "kuz",
    "Смирнова",
    "Jeschow",
    "Yezhov",
    "Розенфельд",
    "Petrow",
    "Sokolov",
    "соколова",
    "Kuznetsow",
    "Ivanv",
    "Smirnof",
    "Popov",
    "Bērziņš",
    "Берзиньш",
    "Gamsakhurdia",
    "Łukasiewicz",
    "Лукашевич",
    "Mikhail",
    "Михаил Иванович",
    "Vasil",
    "Novikov",
    "новиков",
)

_WINDOW_SNIPPET = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, {root!r})
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
if {bare!r}:
    w = QMainWindow(); w.resize(1280, 800); w.show(); w.grab()
    print("visible", flush=True)
else:
    # The same order as app.gui.run: window first, then the data layer fills it.
    from pathlib import Path
    from app.settings import Settings
    from app.widgets.main_window import MainWindow
    settings = Settings(Path({ini!r}))
    w = MainWindow(); w.show(); w.grab()
    print("visible", flush=True)
    from app.bootstrap import build_app
    from db import open_archive
    build_app(open_archive({archive!r}), settings, window=w)
    w.grab()
    print("populated", flush=True)
"""

_SESSION_SNIPPET = """
import os, resource, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, {root!r})
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from app.bootstrap import build_app
from app.settings import Settings
from db import open_archive
from db.search import find as search
from db.dto import Ref
a = build_app(open_archive({archive!r}), Settings(Path({ini!r})))
a.window.show(); a.window.grab()
pane = a.panes["person"]
for frac in (0.1, 0.5, 0.9, 0.99):
    pane.view.scrollTo(pane.model.index(int(pane.model.rowCount() * frac), 0)); a.window.grab()
with a.controller.archive.connect() as conn:
    for q in {queries!r}:
        search.search(conn, q, 25)
first = pane.model.id_at(0)
a.navigator.go(Ref("person", first)); a.window.grab()
a.window.tabs.setCurrentWidget(a.chart); a.window.grab()
# Linux carries a parent's peak into ru_maxrss across fork + exec, so that figure would be the
# benchmark's own peak; VmHWM is this process's alone.
def peak_kib():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(peak_kib(), flush=True)
"""


def _timed_lines(code: str) -> dict[str, float]:
    """Seconds from spawning ``python -c code`` to each line it prints."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
    )
    assert proc.stdout is not None
    marks = {line.strip(): time.perf_counter() - start for line in proc.stdout}
    if proc.wait() != 0:
        raise RuntimeError("benchmark child failed")
    return marks


def _run_snippet(code: str) -> tuple[float, str]:
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    return time.perf_counter() - start, out.strip().splitlines()[-1]


def _median(values: list[float]) -> float:
    return statistics.median(values)


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def measure_window(archive: Path, runs: int, ini: Path) -> dict[str, float]:
    """Whole-process time to a painted main window, app vs. bare QMainWindow (medians)."""
    ours, floor, filled = [], [], []
    for _ in range(runs):
        ini.unlink(missing_ok=True)
        floor.append(
            _timed_lines(
                _WINDOW_SNIPPET.format(root=str(ROOT), bare=True, archive="", ini=str(ini))
            )["visible"]
        )
        marks = _timed_lines(
            _WINDOW_SNIPPET.format(root=str(ROOT), bare=False, archive=str(archive), ini=str(ini))
        )
        ours.append(marks["visible"])
        filled.append(marks["populated"])
    return {"ours": _median(ours), "floor": _median(floor), "populated": _median(filled)}


def measure_rss(big: Path, bundled: Path, ini: Path) -> dict[str, float]:
    """Peak RSS (MiB) of the same scripted session on both archives."""
    out = {}
    for name, path in (("ours", big), ("floor", bundled)):
        ini.unlink(missing_ok=True)
        _, last = _run_snippet(
            _SESSION_SNIPPET.format(
                root=str(ROOT), archive=str(path), ini=str(ini), queries=QUERIES
            )
        )
        out[name] = int(last) / 1024
    return out


def measure_in_process(archive: Path, ini: Path, runs: int) -> dict[str, dict[str, float]]:
    """First rows, search, row jump and chart, in this process."""
    from PySide6.QtWidgets import QApplication

    from app.bootstrap import build_app
    from app.settings import Settings
    from db import listing, open_archive
    from db.search import find as search

    app = QApplication.instance() or QApplication([])
    results: dict[str, dict[str, float]] = {}

    # First rows: open → pane painted, vs. plain sqlite3 reading the same first page.
    ours, floor = [], []
    for _ in range(runs):
        ini.unlink(missing_ok=True)
        start = time.perf_counter()
        conn = sqlite3.connect(archive.resolve().as_uri() + "?mode=ro", uri=True)
        conn.execute(
            "SELECT pk, id, sort_name, name_ru, role, tribunal, sentence_kind, "
            "sentence_years, birth_year FROM person WHERE rank_name BETWEEN 1 AND 256 "
            "ORDER BY rank_name"
        ).fetchall()
        floor.append(time.perf_counter() - start)
        conn.close()
        start = time.perf_counter()
        parts = build_app(open_archive(archive), Settings(ini))
        parts.window.show()
        parts.window.grab()
        ours.append(time.perf_counter() - start)
        if _ < runs - 1:
            parts.window.close()
            parts.controller.close()
    results["first_rows"] = {"ours": _median(ours), "floor": _median(floor)}

    # Search: keystroke → results painted, vs. raw FTS5 for the same words.
    panel = parts.search
    assert panel is not None
    panel_view = panel.findChild(type(parts.panes["person"].view).__mro__[3], "searchResults")
    raw = sqlite3.connect(archive.resolve().as_uri() + "?mode=ro", uri=True)
    ours_s, floor_s = [], []
    with parts.controller.archive.connect() as conn:
        for q in QUERIES:
            for i in range(1, len(q) + 1):  # every keystroke of the query
                text = q[:i]
                start = time.perf_counter()
                found = search.search(conn, text, panel.LIMIT)
                panel._show(found)  # what the worker's result slot does
                (panel_view or panel).repaint()
                ours_s.append(time.perf_counter() - start)
                words = " ".join('"' + w.replace('"', '""').casefold() + '"*' for w in text.split())
                start = time.perf_counter()
                raw.execute(
                    "SELECT rowid FROM person_fts WHERE person_fts MATCH ? LIMIT 25", (words,)
                ).fetchall()
                floor_s.append(time.perf_counter() - start)
    raw.close()
    results["search_p95"] = {"ours": _p95(ours_s), "floor": _p95(floor_s)}

    # Row jump: scroll to random rows; query (page fetch) and paint separately.
    pane = parts.panes["person"]
    model = pane.model
    rng = random.Random(7)
    queries, paints = [], []
    for _ in range(40):
        row = rng.randrange(model.rowCount())
        start = time.perf_counter()
        model.row_at(row)
        queries.append(time.perf_counter() - start)
        start = time.perf_counter()
        pane.view.scrollTo(model.index(row, 0))
        pane.view.grab()  # renders the viewport's rows (calls data() for every visible cell)
        paints.append(time.perf_counter() - start)
    results["row_jump"] = {"ours": _median(queries), "floor": _median(paints)}

    # Chart: set the archive and paint it.
    chart = parts.chart
    assert chart is not None
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        chart.set_source(parts.controller.archive)
        chart.repaint()
        times.append(time.perf_counter() - start)
    results["chart"] = {"ours": _median(times), "floor": 0.0}
    with parts.controller.archive.connect() as conn:
        results["_meta"] = {
            "people": float(listing.count(conn, listing.PEOPLE, listing.ListQuery()))
        }
    parts.window.close()
    app.processEvents()
    return results


def measure_dossier(big: Path, runs: int) -> dict[str, dict[str, float]]:
    """Person dossiers → PDF vs. the bare QTextDocument → PDF floor of as many pages.

    Two dossiers: Lev Kamenev's from the bundled archive (3 pages of real, much-cited facts)
    and the person in the middle of the big archive's name order.  Ours and the floor run
    interleaved, so a busy moment of the machine hits both.
    """
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "bench_dossier", ROOT / "tests" / "bench_dossier.py"
    )
    assert spec is not None and spec.loader is not None
    bd = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bd)

    from app import resources
    from app.printing import DossierService
    from db import listing, open_archive
    from db.dto import Ref

    bundled = DossierService(open_archive(resources.bundled_archive()))
    archive = open_archive(big)
    with archive.connect() as conn:
        total = listing.count(conn, listing.PEOPLE, listing.ListQuery())
        middle = listing.page(conn, listing.PEOPLE, listing.ListQuery(), total // 2, 1, total)
    cases = {
        "dossier": (bundled, Ref("person", "kamenev-lev")),
        "dossier_big": (DossierService(archive), Ref("person", middle[0].id)),
    }
    out: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        per_page = bd._lines_per_page(folder)
        for key, (service, ref) in cases.items():
            pages = service.page_count(ref)
            service.write_pdf(ref, folder / "warm.pdf")
            bd.floor_pdf(pages, per_page, folder / "warm-floor.pdf")
            ours, floor = [], []
            for _ in range(max(runs, 15)):
                ours.append(bd._time(lambda s=service, r=ref: s.write_pdf(r, folder / "o.pdf")))
                floor.append(bd._time(lambda n=pages: bd.floor_pdf(n, per_page, folder / "f.pdf")))
            out[key] = {"ours": _median(ours), "floor": _median(floor), "pages": pages}
    archive.close()
    return out


def cached_archive(people: int) -> Path:
    """The cached synthetic archive, built first if missing or stale (minutes at 3M people).

    The build runs in its own process, with its progress on stderr, so that this process
    measures the same way whether the archive was cached or not (the build's memory stays out
    of it and out of its children).
    """
    code = (
        "import sys; from db import synth; "
        f"print(synth.cached_archive({people}, 1, log=synth.BuildLog(sys.stderr)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, check=True, cwd=ROOT
    ).stdout
    return Path(out.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    """Generate (or reuse) the archive, measure everything, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=3_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument(
        "--archive", type=Path, default=None, help="measure this archive instead of generating one"
    )
    args = parser.parse_args(argv)
    from app import resources

    start = time.perf_counter()
    big = args.archive or cached_archive(args.people)
    prep = time.perf_counter() - start
    bundled = resources.bundled_archive()
    with tempfile.TemporaryDirectory() as tmp:
        ini = Path(tmp) / "bench.ini"
        figures: dict[str, dict[str, float]] = {}
        figures["window"] = measure_window(big, args.runs, ini)
        figures.update(measure_in_process(big, ini, args.runs))
        figures["rss"] = measure_rss(big, bundled, ini)
        figures.update(measure_dossier(big, args.runs))
    meta = figures.pop("_meta")
    print(
        f"archive: {big} ({meta['people']:,.0f} people, {big.stat().st_size / 2**30:.2f} GiB;"
        f" generation/cache check {prep:.1f} s)"
    )
    print(f"{'measure':<12} {'ours':>12} {'floor/base':>12} {'ratio':>7}  goal")
    units = {"rss": ("MiB", 1.0)}
    for key, row in figures.items():
        unit, scale = units.get(key, ("ms", 1000.0))
        ratio = row["ours"] / row["floor"] if row["floor"] else float("nan")
        if key == "window":
            print(
                f"{'window+rows':<12} {row['populated'] * 1000:>9.1f} ms   (process start → "
                "People pane painted)"
            )
        if key == "row_jump":
            print(
                f"{key:<12} {row['ours'] * scale:>9.2f} {unit} {row['floor'] * scale:>9.2f} "
                f"{unit}  (query / paint)  {GOALS[key]}"
            )
            continue
        pages = f"  ({row['pages']:.0f} pages)" if "pages" in row else ""
        print(
            f"{key:<12} {row['ours'] * scale:>9.1f} {unit} {row['floor'] * scale:>9.1f} "
            f"{unit} {ratio:>7.2f}  {GOALS[key]}{pages}"
        )
    if args.json:
        args.json.write_text(
            json.dumps(
                {"archive": str(big), "people": meta["people"], "figures": figures, "goals": GOALS},
                indent=2,
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
