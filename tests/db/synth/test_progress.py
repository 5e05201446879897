"""Progress of a synthetic build: timestamped lines, throttled generation ticks, phases
recorded from the writer's messages, and the final report's lines."""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

import pytest

from db import synth
from db.synth.progress import PHASES, BuildLog, BuildReport, peak_rss_mib

STAMP = r"\[ *\d+\.\ds\] "


def lines(stream: io.StringIO) -> list[str]:
    return stream.getvalue().splitlines()


def test_messages_are_printed_with_a_timestamp() -> None:
    stream = io.StringIO()
    log = BuildLog(stream)
    log.message("numbering people")
    log.message("something else")
    assert [re.sub(STAMP, "", line) for line in lines(stream)] == [
        "numbering people",
        "something else",
    ]
    assert all(re.match(STAMP, line) for line in lines(stream))


def test_a_log_without_a_stream_prints_nothing_but_keeps_phases(
    capsys: pytest.CaptureFixture[str],
) -> None:
    log = BuildLog(None)
    log.message("indexing people")
    log.tick(10, 10, 100)
    assert capsys.readouterr() == ("", "")
    assert [name for _, name in log.marks] == ["staging", "indexes"]


@pytest.mark.parametrize(("prefix", "phase"), PHASES)
def test_a_message_with_a_phase_prefix_starts_that_phase(prefix: str, phase: str) -> None:
    log = BuildLog(None)
    log.message(f"{prefix} whatever follows")
    assert [name for _, name in log.marks] == ["staging", phase]


def test_repeated_messages_of_one_phase_start_it_once() -> None:
    log = BuildLog(None)
    for text in ("numbering people", "numbering events", "indexing", "numbering again", "done"):
        log.message(text)
    assert [name for _, name in log.marks] == ["staging", "numbering", "indexes", "numbering"]


def test_the_phase_split_adds_up_to_the_end_time() -> None:
    log = BuildLog(None)
    log.message("collecting search keys")
    log.message("analysing")
    end = log.elapsed()
    split = log.phase_split(end)
    assert [name for name, _ in split] == ["staging", "side build", "analyse"]
    assert sum(seconds for _, seconds in split) == pytest.approx(end)
    assert all(seconds >= 0 for _, seconds in split)


def test_ticks_within_the_interval_are_dropped_but_the_last_is_printed() -> None:
    stream = io.StringIO()
    log = BuildLog(stream, interval=1e9)  # no interval ever passes during this test
    for done in (100, 200, 300):
        log.tick(done, 300, done * 5)
    (only,) = lines(stream)
    assert "generated 300/300 people (100 %), 1,500 rows, " in only


def test_every_tick_is_printed_with_counts_rate_and_eta_when_the_interval_is_zero() -> None:
    stream = io.StringIO()
    log = BuildLog(stream, interval=0.0)
    log.tick(1_000, 4_000, 12_345)
    log.tick(4_000, 4_000, 50_000)
    first, last = lines(stream)
    assert re.fullmatch(
        STAMP + r"generated 1,000/4,000 people \(25 %\), 12,345 rows, [\d,]+ rows/s, "
        r"staging ETA [\d,]+ s",
        first,
    )
    assert last.endswith("staging ETA 0 s")  # nothing left to do


def test_a_build_logs_generation_and_every_writer_phase(tmp_path: Path) -> None:
    stream = io.StringIO()
    report = synth.build_synthetic(300, tmp_path / "p.sqlite", seed=4, log=BuildLog(stream, 0.0))
    text = stream.getvalue()
    assert "generated 300/300 people (100 %)" in text and "numbering people" in text
    phases = [name for name, _ in report.phases]
    assert phases[0] == "staging" and phases[-1] == "analyse"
    assert {"side build", "numbering", "indexes", "claims copy", "search index"} <= set(phases)
    assert sum(s for _, s in report.phases) == pytest.approx(report.seconds)


def test_the_report_lines_give_file_size_phases_rows_and_memory() -> None:
    report = BuildReport(
        Path("/tmp/x.sqlite"),
        3 * 2**20 // 2,
        12.34,
        [("staging", 10.0), ("indexes", 2.34)],
        Counter({"person": 1_000, "name": 3_500}),
        250.4,
        99.6,
    )
    assert report.lines() == [
        "wrote /tmp/x.sqlite (1.5 MiB) in 12.3 s, peak RSS 250 MiB (largest child process 100 MiB)",
        "phases: staging 10.0 s, indexes 2.3 s",
        "rows: person 1,000, name 3,500",
    ]


def test_the_report_says_when_memory_is_unknown_or_there_was_no_child() -> None:
    report = BuildReport(Path("x"), 0, 1.0, [], Counter(), None)
    assert report.lines()[0] == "wrote x (0.0 MiB) in 1.0 s, peak RSS n/a"
    with_rss = BuildReport(Path("x"), 0, 1.0, [], Counter(), 10.0, None)
    assert with_rss.lines()[0].endswith("peak RSS 10 MiB")


def test_peak_rss_is_this_process_high_water_mark_in_mib() -> None:
    status = Path("/proc/self/status")
    if not status.is_file():
        pytest.skip("needs Linux /proc")
    measured = peak_rss_mib()
    hwm = re.search(r"VmHWM:\s+(\d+) kB", status.read_text())
    assert hwm is not None and measured is not None
    assert measured == pytest.approx(int(hwm[1]) / 1024, rel=0.05)
