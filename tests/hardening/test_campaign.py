"""Corrupted-archive campaign: 1,000 mutants through the real gate, each in a watched worker.

Pass criteria (issue 8): 0 crashes, 0 hangs (the watchdog is a generous safety net), 100 %
end as a usable archive or an ``ArchiveError`` with a clear message, and every mutant that
passes the gate answers the whole post-gate query set (lists, details of 10 random items per
kind, chart, searches).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from db import errors
from tests.conftest import BUNDLED
from tests.hardening.campaign import Report, run_campaign
from tests.hardening.conftest import CI_MUTANTS, SEED
from tests.hardening.mutants import NAMES

#: Families an ArchiveError may carry: the table's rows plus those the gate names itself.
KNOWN_FAMILIES = (
    {f.key for f in errors.FAMILIES}
    | {cls.family for cls in errors.ArchiveError.__subclasses__()}
    | {"schema-differs", "bad-header", "contract"}
)


def _judge(report: Report, expected: int) -> None:
    assert len(report.results) == expected
    summary = report.summary()
    assert report.count("crash") == 0, summary
    assert report.count("died") == 0, summary
    assert report.count("hang") == 0, summary
    assert report.count("escaped") == 0, summary
    assert report.count("post-gate-error") == 0, summary
    assert not [r for r in report.results if r.stray], summary


def test_no_mutant_crashes_hangs_or_leaks_an_exception(campaign: Report) -> None:
    _judge(campaign, CI_MUTANTS)


def test_every_refusal_is_an_archive_error_with_a_clear_message(campaign: Report) -> None:
    refused = [r for r in campaign.results if r.outcome == "refused"]
    assert refused
    for r in refused:
        assert r.error.startswith("Archive"), r
        assert r.message.startswith("Cannot open “") and f"m{r.index:05d}" in r.message, r
        assert len(r.message.split("”: ", 1)[1]) > 10, r
        assert r.family in KNOWN_FAMILIES and r.family != errors.UNEXPECTED.key, r


def test_mutants_that_pass_the_gate_answer_every_query(campaign: Report) -> None:
    opened = [r for r in campaign.results if r.outcome == "opened"]
    queried = [r for r in opened if r.queried]
    # The campaign has power only if damage really reaches the query set.
    assert len(opened) >= CI_MUTANTS // 10, campaign.summary()
    assert len(queried) >= 25, campaign.summary()
    assert campaign.count("post-gate-error") == 0, campaign.summary()


def test_every_strategy_runs_and_most_damage_is_caught_at_the_gate(campaign: Report) -> None:
    by_strategy = {name: [r for r in campaign.results if r.strategy == name] for name in NAMES}
    assert all(len(rs) >= CI_MUTANTS // len(NAMES) for rs in by_strategy.values())
    for name in (
        "truncate",
        "zero_page",
        "not_sqlite",
        "damage_pointers",
        "mangle_schema",
        "rename_identifier",
    ):
        refused = sum(r.outcome == "refused" for r in by_strategy[name])
        assert refused >= 0.9 * len(by_strategy[name]), (name, campaign.summary())


@pytest.mark.slow
def test_nightly_campaign_of_ten_thousand(tmp_path: Path, figures: list[str]) -> None:
    report = run_campaign(BUNDLED, tmp_path, 9000, SEED, start=CI_MUTANTS)
    figures.append("corrupted-archive campaign (nightly, mutants 1000-9999):\n" + report.summary())
    _judge(report, 9000)


# Judged here, beside the campaign, so that one worker runs it once (the error families are
# tests/hardening/test_error_map.py's).
def test_every_failure_seen_in_the_campaign_has_a_family(campaign: Report) -> None:
    causes = {r.cause_family for r in campaign.results if r.outcome == "refused"}
    known = {f.key for f in errors.FAMILIES}
    assert causes - {""} <= known, causes
    assert errors.UNEXPECTED.key not in causes
