"""Render a view to PNG without a screen: the README shot, reviews, bug reports."""

from __future__ import annotations

import os
from pathlib import Path

VIEWS = ("main", "board", "scoring", "calendar")


def render_view(
    db_path: Path, view: str, output: Path, *, size: tuple[int, int], lang: str
) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from po_desktop.store.database import open_database
    from po_desktop.store.errors import DatabaseFileError
    from po_desktop.ui.app import create_application
    from po_desktop.ui.main_window import MainWindow
    from po_desktop.ui.workspace import Workspace

    if not db_path.exists():
        raise DatabaseFileError("db.not_found", path=str(db_path))
    create_application(lang)
    # Read-only: a screenshot must work while the app has the file open, and write nothing.
    database = open_database(db_path, read_only=True)
    window = MainWindow(Workspace(database))
    try:
        window.resize(*size)
        tab = {"main": MainWindow.BOARD, "board": MainWindow.BOARD}.get(view)
        if tab is None:
            tab = MainWindow.SCORING if view == "scoring" else MainWindow.CALENDAR
        window.tabs.setCurrentIndex(tab)
        if view == "scoring":
            window.scoring.list.view.selectRow(0)
        if view == "calendar":
            window.calendar.view.selectRow(window.sprint_model.rowCount() - 2)
        window.show()
        QApplication.processEvents()
        output.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(output), "PNG"):
            from po_desktop.store.errors import StorageError

            raise StorageError("cli.output_unwritable", path=str(output), detail="PNG")
    finally:
        window.close()
        window.deleteLater()
        QApplication.processEvents()
