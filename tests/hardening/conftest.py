"""Hardening fixtures: the campaign run (once per session) and a figures board.

Tests put the figures the issue asks for (mutants, crashes, hangs, slowest open, payloads,
resource loads, slowest view) on :func:`figures`; they are printed in pytest's terminal summary,
so CI logs carry them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.app.conftest import (  # noqa: F401  (GUI fixtures reused)
    fake_dialogs,
    make_app,
    no_event_loop,
)
from tests.conftest import BUNDLED
from tests.hardening.campaign import Report, run_campaign
from tests.hardening.injection import Injected, build_injection_archive

FIGURES = pytest.StashKey[list[str]]()
#: The CI campaign: fixed seed, 1,000 mutants (the nightly one adds 9,000 more, marked slow).
SEED = 1935
CI_MUTANTS = 1000


@pytest.fixture(scope="session")
def figures(request: pytest.FixtureRequest) -> list[str]:
    """Lines for the terminal summary (one list per session)."""
    return request.config.stash.setdefault(FIGURES, [])


@pytest.fixture(scope="session")
def campaign(tmp_path_factory: pytest.TempPathFactory, figures: list[str]) -> Iterator[Report]:
    """The CI campaign, run once and shared by the tests that judge it."""
    report = run_campaign(BUNDLED, tmp_path_factory.mktemp("campaign"), CI_MUTANTS, SEED)
    figures.append("corrupted-archive campaign (CI):\n" + report.summary())
    yield report


@pytest.fixture(scope="session")
def injected(tmp_path_factory: pytest.TempPathFactory) -> Injected:
    """The injection fixture archive (built once per session, ~0.2 s)."""
    return build_injection_archive(tmp_path_factory.mktemp("injection"))


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> None:
    lines = config.stash.get(FIGURES, [])
    if lines:
        terminalreporter.section("hardening figures")
        for line in lines:
            terminalreporter.write_line(line)


def tree(folder: Path) -> set[str]:
    """Every path under ``folder`` (relative), to prove nothing was created."""
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}
