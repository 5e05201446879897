"""Long fields are shown cut with a way to see all, and a huge one in bounded parts.

Fields: a 1,000,000-character summary and document title without a space, a 300,000-character
summary with spaces, a 100,000-character name.  Qt lays out a 1 MB unbroken string in minutes,
so pages cut fields at ``TEXT_LIMIT`` and open them in ``EXPAND_STEP`` steps.  The budgets
are sizes (characters laid out per page), not times; a 10 ms ``QTimer`` heartbeat reports the
longest event-loop stall as a figure only (timing is asserted in ``make bench``, never here).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QTimer, QUrl
from pytestqt.qtbot import QtBot

from app.bootstrap import App
from app.pages import detail as detail_html
from db import build
from db.build import source_data
from db.dto import Ref
from tests.hardening.injection import build_from
from tests.hardening.richtext import anchors

MakeApp = Callable[..., App]
#: Characters one page may lay out: the cut fields plus the rest of the page.
PAGE_BUDGET = 40_000
NO_SPACE = "ж" * 1_000_000
WITH_SPACES = "слово " * 50_000
NAME = "N" * 100_000


@dataclass(frozen=True)
class LongArchive:
    """The fixture archive and the items holding the long fields."""

    path: Path
    summary_person: Ref
    long_name_person: Ref
    long_event: Ref
    long_document: Ref


@pytest.fixture(scope="module")
def long_archive(tmp_path_factory: pytest.TempPathFactory) -> LongArchive:
    data = source_data.load(build.DEFAULT_DATA)
    people, events, documents = (data.tables[t] for t in ("people", "events", "documents"))
    out = build_from(
        build.DEFAULT_DATA,
        tmp_path_factory.mktemp("long") / "long.sqlite",
        {
            ("people.csv", "summary", 0): NO_SPACE,
            ("people.csv", "name_en", 1): NAME,
            ("events.csv", "summary", 0): WITH_SPACES,
            ("documents.csv", "title", 0): NO_SPACE,
        },
    )
    return LongArchive(
        out,
        Ref("person", str(people[0]["id"])),
        Ref("person", str(people[1]["id"])),
        Ref("event", str(events[0]["id"])),
        Ref("document", str(documents[0]["id"])),
    )


class Heartbeat(QObject):
    """Ticks every 10 ms; the largest gap between ticks is the longest UI stall."""

    def __init__(self) -> None:
        super().__init__()
        self.ticks: list[float] = []
        self._timer = QTimer(self)
        self._timer.setInterval(10)
        self._timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))
        self._timer.start()

    def longest_stall(self) -> float:
        """Seconds of the longest gap between two ticks."""
        return max(b - a for a, b in zip(self.ticks, self.ticks[1:], strict=False))


def _in_event_loop(qtbot: QtBot, actions: Sequence[Callable[[], object]]) -> list[float]:
    """Run each action from the event loop (with repaints in between); their durations."""
    durations: list[float] = []
    pending = list(actions)

    def step() -> None:
        action = pending.pop(0)
        start = time.perf_counter()
        action()
        durations.append(time.perf_counter() - start)
        if pending:
            QTimer.singleShot(30, step)

    QTimer.singleShot(0, step)
    qtbot.waitUntil(lambda: len(durations) == len(actions), timeout=30_000)
    qtbot.wait(100)  # let the last repaint happen under the heartbeat
    return durations


def test_long_fields_are_cut_and_every_view_is_fast(
    make_app: MakeApp, long_archive: LongArchive, qtbot: QtBot, figures: list[str]
) -> None:
    app = make_app(archive_path=long_archive.path)
    w = app.window
    refs = [
        long_archive.summary_person,
        long_archive.long_name_person,
        long_archive.long_event,
        long_archive.long_document,
    ]

    def show(ref: Ref) -> Callable[[], None]:
        def go() -> None:
            app.navigator.go(ref)
            w.detail.grab()
            w.tabs.currentWidget().grab()  # the list pane with the long cell, painted

        return go

    beat = Heartbeat()
    durations = _in_event_loop(qtbot, [show(r) for r in refs])
    stall = beat.longest_stall()
    for ref in refs:
        app.navigator.go(ref)
        page = w.detail.plain_text()
        assert len(page) < PAGE_BUDGET, ref  # cut …
        assert any(h.startswith("expand://") for h in anchors(w.detail.document())), ref
        assert "more characters)" in page  # … with a way to see all
    slowest = max(durations)
    kind = refs[durations.index(slowest)].kind
    figures.append(
        f"long fields: slowest view {slowest * 1000:.0f} ms ({kind}), "
        f"longest UI stall {stall * 1000:.0f} ms"
    )


def test_a_huge_field_can_be_read_in_parts_without_stalls(
    make_app: MakeApp, long_archive: LongArchive, qtbot: QtBot, figures: list[str]
) -> None:
    app = make_app(archive_path=long_archive.path)
    detail = app.window.detail
    app.navigator.go(long_archive.summary_person)
    seen: list[str] = []
    sizes: list[int] = []

    def follow(arrow: str) -> Callable[[], None]:
        def click() -> None:
            links = [h for h in anchors(detail.document()) if h.startswith("expand://summary")]
            target = links[-1] if arrow == "next" else links[0]
            detail.anchorClicked.emit(QUrl(target))
            detail.grab()
            page = detail.plain_text().replace("\u200b", "")
            sizes.append(len(page))
            seen.append(max(re.findall("ж+", page), key=len))

        return click

    parts = -(-len(NO_SPACE) // detail_html.EXPAND_STEP)
    beat = Heartbeat()
    durations = _in_event_loop(qtbot, [follow("next")] * parts + [follow("back")])
    stall = beat.longest_stall()
    assert "".join(seen[:parts]) == NO_SPACE  # every character reachable, in order
    assert seen[-1] == seen[parts - 2]  # "← part" goes back one part
    assert max(sizes) < detail_html.EXPAND_STEP + PAGE_BUDGET  # one part laid out at a time
    figures.append(
        f"long fields: 1 MB field read in {parts} parts, slowest part "
        f"{max(durations) * 1000:.0f} ms, longest UI stall {stall * 1000:.0f} ms"
    )


def test_long_cells_have_short_plain_tooltips(make_app: MakeApp, long_archive: LongArchive) -> None:
    app = make_app(archive_path=long_archive.path)
    model = app.panes["document"].model
    row = model.row_of(long_archive.long_document.id)
    assert row is not None
    for col in range(model.columnCount()):
        tip = model.index(row, col).data(Qt.ItemDataRole.ToolTipRole)
        assert tip is None or len(tip) < 4_000
