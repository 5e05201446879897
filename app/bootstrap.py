"""Composition root: builds the models and widgets and makes every cross-widget connection."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QTableView

from app.models.columns import PEOPLE_COLUMNS
from app.models.paged_table import PagedTableModel
from db import Archive, listing


def build_main_window(archive: Archive) -> QMainWindow:
    """A main window listing the people of ``archive``."""
    window = QMainWindow()
    window.setWindowTitle(f"{archive.info.title} — Kremlin Affair Archive")
    model = PagedTableModel(archive, listing.PEOPLE, PEOPLE_COLUMNS, window)
    view = QTableView(window)
    view.setObjectName("peoplePane")
    view.setModel(model)
    model.set_query(model.query)
    window.setCentralWidget(view)
    window.statusBar().showMessage(f"{model.total} people")
    window.resize(1100, 700)
    return window
