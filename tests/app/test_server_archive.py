"""The window on an archive kept on a PostgreSQL server, read by a role that can write nothing:
it browses, searches, filters, prints and survives a server restart like a file's."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from app.bootstrap import App
from db.dto import Ref
from tests.app.conftest import FakeDialogs
from tests.app.printing.dossier_fixtures import needs_poppler, pdf_text
from tests.pgserver import Server

MakeApp = Callable[..., App]
#: An event of the bundled archive.
EVENT = "ev-1934-cleaners-talk"


@pytest.fixture
def server_app(make_app: MakeApp, pg_bundled: str) -> App:
    return make_app(archive_path=pg_bundled)


def _go(app: App, qtbot: QtBot, ref: Ref) -> None:
    """Go to ``ref`` and wait for its page: a server's pages are read on a worker."""
    app.navigator.go(ref)
    qtbot.waitUntil(lambda: app.window.detail.ref == ref, timeout=30_000)


def _ids(app: App, kind: str = "person") -> list[str]:
    model = app.panes[kind].model
    return [model.id_at(r) for r in range(model.rowCount())]


def test_the_window_shows_the_server_archive_like_the_file(
    server_app: App, make_app: MakeApp, qtbot: QtBot
) -> None:
    app = server_app
    assert app.controller.info.server
    assert "@" in app.window.windowTitle()
    qtbot.waitUntil(lambda: app.panes["person"].model.rowCount() == 99, timeout=30_000)
    file_app = make_app()
    qtbot.waitUntil(lambda: file_app.panes["person"].model.rowCount() == 99, timeout=30_000)
    qtbot.waitUntil(lambda: None not in _ids(app), timeout=30_000)  # pages come from a worker
    assert _ids(app) == _ids(file_app)
    _go(app, qtbot, Ref("person", "kamenev-lev"))
    assert "Kamenev" in app.window.detail.toPlainText()
    file_app.navigator.go(Ref("person", "kamenev-lev"))
    assert app.window.detail.toPlainText() == file_app.window.detail.toPlainText()
    assert app.panes["person"].current_id() == "kamenev-lev"


def test_search_and_the_search_filter_work_on_the_server(server_app: App, qtbot: QtBot) -> None:
    app = server_app
    box = app.window.findChild(QLineEdit, "searchBox")
    assert box is not None
    box.setText("Rozenfeld")
    qtbot.waitUntil(
        lambda: bool(app.search and app.search.results.query == "Rozenfeld"), timeout=30_000
    )
    assert app.search.results.error is None
    app.window.search_filter_action.trigger()
    qtbot.waitUntil(lambda: app.panes["person"].model.rowCount() < 10, timeout=30_000)
    qtbot.waitUntil(lambda: None not in _ids(app), timeout=30_000)
    shown = set(_ids(app))
    assert {"rozenfeld-nikolai", "rozenfeld-nina", "rozenfeld-boris"} <= shown
    assert len(shown) < 10


@needs_poppler
def test_a_dossier_prints_from_the_server(
    server_app: App, fake_dialogs: FakeDialogs, tmp_path: Path, qtbot: QtBot
) -> None:
    app = server_app
    _go(app, qtbot, Ref("person", "kamenev-lev"))
    target = tmp_path / "kamenev.pdf"
    fake_dialogs.save_answers.append(target)
    app.window.export_pdf_action.trigger()
    assert "Kamenev" in pdf_text(target, 1)


def test_a_server_restart_is_survived_without_a_message(
    server_app: App, pg_cluster: Server, fake_dialogs: FakeDialogs, qtbot: QtBot
) -> None:
    if not pg_cluster.owned:
        pytest.skip("the shared server is not ours to restart")
    app = server_app
    _go(app, qtbot, Ref("person", "kamenev-lev"))
    pg_cluster.restart()  # every pooled connection is now dead
    _go(app, qtbot, Ref("person", "yezhov-nikolai"))
    assert "Yezhov" in app.window.detail.toPlainText()
    box = app.window.findChild(QLineEdit, "searchBox")
    assert box is not None
    box.setText("Agranov")
    qtbot.waitUntil(
        lambda: bool(app.search and app.search.results.query == "Agranov"), timeout=30_000
    )
    assert app.search.results.error is None and app.search.results.hits
    assert fake_dialogs.messages == []


@pytest.fixture
def gui_thread_queries(server_app: App) -> Iterator[list[str]]:
    """Statements the GUI thread sends to the server from now on."""
    from sqlalchemy import event

    engine = server_app.controller.archive.engine
    seen: list[str] = []
    main = threading.main_thread()

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if threading.current_thread() is main:
            seen.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    yield seen
    event.remove(engine, "before_cursor_execute", record)


def test_browsing_a_server_sends_nothing_from_the_gui_thread(
    server_app: App, gui_thread_queries: list[str], qtbot: QtBot
) -> None:
    """A slow server cannot freeze the window: after start-up, going to records, searching,
    filtering, scrolling and going back run every statement on a worker."""
    app = server_app
    _go(app, qtbot, Ref("person", "kamenev-lev"))
    _go(app, qtbot, Ref("event", EVENT))
    box = app.window.findChild(QLineEdit, "searchBox")
    assert box is not None
    box.setText("Agranov")
    qtbot.waitUntil(
        lambda: bool(app.search and app.search.results.query == "Agranov"), timeout=30_000
    )
    app.panes["person"].view.verticalScrollBar().setValue(50)
    app.navigator.back()
    qtbot.waitUntil(lambda: app.window.detail.ref == Ref("person", "kamenev-lev"), timeout=30_000)
    assert gui_thread_queries == []


def test_the_app_starts_on_a_server_address(
    qtbot: QtBot, tmp_path: Path, no_event_loop: list[int], pg_bundled: str
) -> None:
    from app import gui
    from app.settings import Settings

    settings = tmp_path / "s.ini"
    assert gui.run(["--archive", pg_bundled, "--settings", str(settings)]) == 0
    assert no_event_loop == [99]
    kept = " ".join([*Settings(settings).recent_archives, Settings(settings).last_archive])
    password = pg_bundled.split("@", 1)[0].rsplit(":", 1)[1]
    logs = " ".join(p.read_text() for p in (tmp_path / "log").iterdir())
    assert password not in kept and password not in logs


def test_the_command_line_reads_a_server_archive(
    pg_bundled: str, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from app import cli

    assert cli.run(["info", "--archive", pg_bundled, "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["server"] is True and info["counts"]["person"] == 99
    password = pg_bundled.split("@", 1)[0].rsplit(":", 1)[1]
    assert password not in info["path"]
    assert cli.run(["search", "Jeschow", "--archive", pg_bundled]) == 0
    assert "Yezhov" in capsys.readouterr().out
    assert cli.run(["show", "kamenev-lev", "--archive", pg_bundled]) == 0
    assert "Kamenev" in capsys.readouterr().out


def test_a_citation_names_the_server_not_the_reader(
    pg_bundled: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from app import cli

    user = pg_bundled.split("//", 1)[1].split(":", 1)[0]
    assert cli.run(["cite", "kamenev-lev", "--archive", pg_bundled]) == 0
    out = capsys.readouterr().out
    assert "postgresql://127.0.0.1:" in out and user not in out and "File" not in out
    # A digest asked of a server is refused in words, not left out in silence.
    assert cli.run(["cite", "kamenev-lev", "--sha256", "--archive", pg_bundled]) == cli.EXIT_USAGE
    captured = capsys.readouterr()
    assert captured.out == "" and "--sha256" in captured.err and "no digest" in captured.err


def test_a_server_that_stops_answering_is_said_once_and_nothing_breaks(
    make_app: MakeApp, pg_cluster: Server, tmp_path: Path, qtbot: QtBot
) -> None:
    from tests.conftest_pg import build_bundled, load_archive

    _file, reader, admin = load_archive(pg_cluster, "down", build_bundled, tmp_path / "down")
    dbname = admin.rsplit("/", 1)[1]
    app = make_app(archive_path=reader)
    _go(app, qtbot, Ref("person", "kamenev-lev"))
    pg_cluster.psql(f'ALTER DATABASE "{dbname}" ALLOW_CONNECTIONS false')
    pg_cluster.psql(
        f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{dbname}'"
    )
    try:
        app.navigator.go(Ref("person", "yezhov-nikolai"))
        bar = app.window.statusBar()
        qtbot.waitUntil(lambda: "could not be read" in bar.currentMessage(), timeout=30_000)
        assert "Kamenev" in app.window.detail.toPlainText()  # the page on screen stays
        password = reader.split("@", 1)[0].rsplit(":", 1)[1]
        assert password not in bar.currentMessage()
    finally:
        pg_cluster.psql(f'ALTER DATABASE "{dbname}" ALLOW_CONNECTIONS true')
    _go(app, qtbot, Ref("person", "agranov-yakov"))  # and it works again


def test_the_error_dialog_for_a_lost_server_is_plain_words() -> None:
    import socket

    import sqlalchemy

    from app.errors import ExceptHook

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    engine = sqlalchemy.create_engine(f"postgresql+psycopg://u:Secret77@127.0.0.1:{port}/x")
    with pytest.raises(sqlalchemy.exc.OperationalError) as caught:
        engine.connect()
    shown: list[tuple[str, str]] = []
    ExceptHook(lambda title, text: shown.append((title, text)))(
        type(caught.value), caught.value, None
    )
    ((title, text),) = shown
    assert title == "Archive server not reachable"
    assert "Connection refused" in text and "Secret77" not in text and "sqlalche.me" not in text
