"""The bundled archive stays byte-identical through a whole session, and works read-only.

Session (:mod:`tests.hardening.session`): 20 searches, 50 detail views, the chart, three
dossiers printed to PDF.  Pass: sha256 and mtime unchanged, no ``-journal``/``-wal``/``-shm``
or any other file beside it; the same session works on a copy whose file is 0444 and whose
folder is 0555, run by a process that really cannot write them (as root the test drops the
capabilities that bypass file modes).
"""

from __future__ import annotations

import ctypes
import json
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import BUNDLED, sha256
from tests.hardening.campaign import REPO
from tests.hardening.session import scripted_session

PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 1, 2


def _fingerprint(path: Path) -> tuple[str, int, set[str]]:
    return sha256(path), path.stat().st_mtime_ns, {p.name for p in path.parent.iterdir()}


def test_a_whole_session_leaves_the_bundled_archive_untouched(
    qtbot: QtBot, tmp_path: Path, figures: list[str]
) -> None:
    before = _fingerprint(BUNDLED)
    done = scripted_session(BUNDLED, tmp_path)
    assert done["views"] == 50 and done["messages"] == []
    assert done["searches"] in (0, 20) and done["pdfs"] in (0, 3)
    assert _fingerprint(BUNDLED) == before
    figures.append(f"bundled archive: session {done} — sha256 and mtime unchanged")


def _drop_write_override() -> Callable[[], None] | None:
    if os.geteuid() != 0:
        return None
    libc = ctypes.CDLL(None, use_errno=True)

    def drop() -> None:
        for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
            if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "cannot drop capability")

    return drop


def test_the_session_works_on_a_read_only_file_in_a_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "readonly"
    folder.mkdir()
    archive = folder / BUNDLED.name
    shutil.copy2(BUNDLED, archive)
    out = tmp_path / "out"
    out.mkdir()
    archive.chmod(0o444)
    folder.chmod(0o555)
    before = _fingerprint(archive)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "tests.hardening.session", str(archive), str(out)],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=120,
            preexec_fn=_drop_write_override(),  # runs between fork and exec: drops caps only
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
    except subprocess.SubprocessError as exc:  # e.g. no CAP_SETPCAP in a locked container
        pytest.skip(f"cannot run a process without write access: {exc}")
    finally:
        folder.chmod(0o755)
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    done = json.loads(result.stdout.strip().splitlines()[-1])
    assert done["views"] == 50 and done["messages"] == []
    assert _fingerprint(archive) == before
    assert stat.S_IMODE(archive.stat().st_mode) == 0o444
