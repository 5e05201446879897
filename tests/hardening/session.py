"""A scripted user session: searches, detail views, the chart and three printed dossiers.

:func:`scripted_session` drives the real app (built by :func:`app.bootstrap.build_app`) on an
archive; the bundled-archive tests run it in-process and, as ``python -m
tests.hardening.session ARCHIVE OUT``, in a process that may not write the archive or its folder.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
from pathlib import Path
from typing import Any

from db.dto import Ref

SEARCHES = (
    "Чернявский",
    "Kamenev",
    "Енукидзе",
    "Mukhanova",
    "1935",
    "Розенфельд",
    "librarian",
    "Yagoda",
    "ёлкин",
    "Синелобов",
)


def scripted_session(archive_path: Path, out: Path) -> dict[str, object]:
    """Run the session; returns what it did (raises on any failure)."""
    from PySide6.QtWidgets import QApplication

    from app.bootstrap import Dialogs, build_app
    from app.settings import Settings
    from db import open_archive

    if QApplication.instance() is None:
        raise RuntimeError("a QApplication must exist")
    messages: list[str] = []
    dialogs = Dialogs(
        notify=lambda _parent, title, msg: messages.append(f"{title}: {msg}"),
        open_url=lambda _address: None,
    )
    app = build_app(open_archive(archive_path), Settings(out / "settings.ini"), dialogs)
    done = {"searches": 0, "views": 0, "chart_bars": 0, "pdfs": 0}
    try:
        archive = app.controller.archive
        search = getattr(_optional("db.search"), "search", None)
        if callable(search):
            with archive.connect() as conn:
                for words in SEARCHES * 2:
                    search(conn, words, 50)
                    done["searches"] += 1
        refs = [
            Ref(kind, str(app.panes[kind].model.id_at(row)))
            for kind in ("person", "event", "document")
            for row in range(17)
        ]
        for ref in refs[:50]:
            app.navigator.go(ref)
            if app.window.detail.ref != ref:
                raise AssertionError(f"{ref} not shown")
            done["views"] += 1
        chart_module = _optional("app.widgets.chart_pane")
        if chart_module is not None:
            chart = chart_module.ChartPane()
            chart.set_source(archive)
            done["chart_bars"] = len(chart.counts())
            chart.deleteLater()
        service_module = _optional("app.printing.service")
        if service_module is not None:
            service = service_module.DossierService(archive)
            for ref in (Ref("person", "cherniavsky-mikhail"), refs[20], refs[40]):
                pdf = service.write_pdf(ref, out / f"{ref.kind}-{ref.id}.pdf")
                if not pdf.read_bytes().startswith(b"%PDF-"):
                    raise AssertionError(f"{pdf} is not a PDF")
                done["pdfs"] += 1
    finally:
        app.window.close()
        app.controller.close()
        app.window.deleteLater()
    return {**done, "messages": messages}


def _optional(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def main(argv: list[str]) -> int:
    """``ARCHIVE OUT``: prove the archive and its folder are not writable, run the session."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    archive, out = Path(argv[0]), Path(argv[1])
    for attempt in (lambda: archive.open("ab"), lambda: (archive.parent / "probe").open("w")):
        try:
            attempt().close()
        except PermissionError:
            continue
        print(json.dumps({"error": "the archive or its folder is writable"}))
        return 2
    from PySide6.QtWidgets import QApplication

    qapp = QApplication(sys.argv[:1])
    done = scripted_session(archive, out)
    qapp.processEvents()
    print(json.dumps(done))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
