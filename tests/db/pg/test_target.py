"""``--target postgresql://…`` of ``db.build`` and ``db.synth``: one line per failure."""

from __future__ import annotations

import pytest

from db import open_archive
from db.build.__main__ import main as build_main
from db.synth.cli import main as synth_main


def test_the_build_loads_the_archive_into_a_server(
    pg_database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert build_main(["--target", pg_database, "-q"]) == 0
    a = open_archive(pg_database)
    try:
        assert a.info.counts["person"] > 90
    finally:
        a.close()


def test_the_generator_loads_a_synthetic_archive(pg_database: str) -> None:
    assert synth_main(["--people", "300", "--target", pg_database, "-q"]) == 0
    a = open_archive(pg_database)
    try:
        assert a.info.counts["person"] == 300
        assert a.info.meta["synthetic"] == "1"
    finally:
        a.close()


def test_a_target_that_is_no_server_address_is_refused(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert build_main(["--target", "archive.sqlite", "-q"]) == 2
    assert "must be a postgresql:// address" in capsys.readouterr().err


def test_an_unreachable_server_is_one_line_without_the_password(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"postgresql://builder:TopSecret1@127.0.0.1:{port}/archive"
    assert build_main(["--target", url, "-q"]) == 1
    err = capsys.readouterr().err
    # Said before any building: the server is asked first.
    assert err.count("\n") == 1
    assert err.startswith("cannot build into the server: postgresql://builder@127.0.0.1")
    assert "TopSecret1" not in err


@pytest.mark.parametrize(
    "target",
    ["postgresq://builder:TopSecret1@127.0.0.1:5/archive", "http://builder:TopSecret1@h/x"],
)
def test_a_mistyped_address_is_refused_without_its_password(
    target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert build_main(["--target", target, "-q"]) == 2
    err = capsys.readouterr().err
    assert "must be a postgresql:// address" in err and "TopSecret1" not in err
