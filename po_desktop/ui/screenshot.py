"""Render a view to PNG without a screen: the README shot, reviews, bug reports."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from po_desktop.store.database import Database

VIEWS = ("main", "board", "list", "scoring", "matrix", "whatif", "grids", "calendar", "week")
"""matrix and whatif are the scoring view's chart and weight simulation; grids its dialog;
week is the calendar's week agenda."""


def render_view(
    db_path: Path, view: str, output: Path, *, size: tuple[int, int], lang: str
) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from po_desktop.store.database import open_database
    from po_desktop.store.engine import backup_file, inspect_file
    from po_desktop.store.errors import DatabaseFileError
    from po_desktop.ui.app import create_application

    if not db_path.exists():
        raise DatabaseFileError("db.not_found", path=str(db_path))
    inspect_file(db_path)  # refuse foreign or damaged files before copying anything
    create_application(lang)
    # Render a verified copy: it works while the app holds the file, writes nothing to
    # it, and shows the window exactly as a user sees it.
    with tempfile.TemporaryDirectory(prefix="po-desktop-shot-") as scratch:
        copy = backup_file(db_path, Path(scratch) / db_path.name)
        database = open_database(copy)
        try:
            # Settings in the scratch folder too: a screenshot leaves no trace in the
            # user's preferences, and shows the board as a first opening does.
            _render(database, db_path, view, output, size, Path(scratch) / "settings.ini")
        finally:
            database.close()


def _render(
    database: Database,
    shown_path: Path,
    view: str,
    output: Path,
    size: tuple[int, int],
    settings_path: Path,
) -> None:
    from PySide6.QtWidgets import QApplication

    from po_desktop.ui.main_window import MainWindow
    from po_desktop.ui.settings import Settings
    from po_desktop.ui.workspace import Workspace

    window = MainWindow(Workspace(database), settings=Settings(settings_path))
    window.file_label.setText(str(shown_path))
    try:
        window.resize(*size)
        tabs = {
            "main": MainWindow.BOARD,
            "board": MainWindow.BOARD,
            "list": MainWindow.LIST,
            "scoring": MainWindow.SCORING,
            "matrix": MainWindow.SCORING,
            "whatif": MainWindow.SCORING,
            "grids": MainWindow.SCORING,
            "calendar": MainWindow.CALENDAR,
            "week": MainWindow.CALENDAR,
        }
        window.tabs.setCurrentIndex(tabs[view])
        if view in ("scoring", "matrix", "whatif", "grids"):
            window.scoring.list.view.selectRow(0)
        if view == "matrix":
            window.scoring.tabs.setCurrentIndex(window.scoring.MATRIX_TAB)
        if view == "whatif":  # the first criterion weighed much more: the ranking moves
            panel = window.scoring.what_if
            panel.set_on(True)
            first = next(iter(panel.spins.values()), None)
            if first is not None:
                first.setValue(first.value() * 4)
        if view == "week":
            window.calendar.set_mode("week")
        window.show()
        QApplication.processEvents()
        shown = window
        if view == "grids":
            from po_desktop.ui.grid_dialog import GridsDialog

            shown = GridsDialog(window.workspace, window)
            shown.show()
            QApplication.processEvents()
        output.parent.mkdir(parents=True, exist_ok=True)
        if not shown.grab().save(str(output), "PNG"):
            from po_desktop.store.errors import StorageError

            raise StorageError("cli.output_unwritable", path=str(output), detail="PNG")
    finally:
        window.close()
        window.deleteLater()
        QApplication.processEvents()
