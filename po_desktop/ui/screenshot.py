"""Render a view to PNG without a screen: the README shot, reviews, bug reports."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QWidget

    from po_desktop.store.database import Database
    from po_desktop.ui.main_window import MainWindow

VIEWS = (
    "main",
    "board",
    "list",
    "scoring",
    "matrix",
    "whatif",
    "grids",
    "calendar",
    "week",
    *(
        DIALOGS := (
            "need",
            "dossier",
            "projects",
            "people",
            "columns",
            "sprint",
            "ritual",
            "absence",
            "cadence",
            "close-sprint",
            "preferences",
            "connect",
            "about",
            "crash",
            "shortcuts",
            "guide",
            "import",
        )
    ),
)
"""matrix and whatif are the scoring view's chart and weight simulation; grids its dialog;
week is the calendar's week agenda; the rest are dialogs, drawn over the main window's
size as they open (the crash report with a sample error)."""


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
        # Shown under its real name (title, preferences, about): the copy is a detail
        # of how the picture is taken. Nothing writes through this path here.
        database.path = db_path.expanduser().resolve()
        try:
            # Settings in the scratch folder too: a screenshot leaves no trace in the
            # user's preferences, and shows the board as a first opening does.
            _render(database, view, output, size, Path(scratch) / "settings.ini")
        finally:
            database.close()


def _render(
    database: Database,
    view: str,
    output: Path,
    size: tuple[int, int],
    settings_path: Path,
) -> None:
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QApplication

    from po_desktop.ui import screen
    from po_desktop.ui.main_window import MainWindow
    from po_desktop.ui.settings import Settings
    from po_desktop.ui.workspace import Workspace

    window = MainWindow(Workspace(database), settings=Settings(settings_path))
    try:
        window.resize(*size)
        with screen.pretend(QSize(*size)):  # dialogs size themselves for that screen
            shown = show_view(window, view)
        _save_png(shown.grab().toImage(), output)
    finally:
        window.close()
        window.deleteLater()
        QApplication.processEvents()


def _save_png(image: QImage, output: Path) -> None:
    """Encoded in memory, then written atomically: a full disk or a read-only folder is
    said in words (QImage.save only says "failed") and never costs the previous file."""
    from PySide6.QtCore import QBuffer, QIODevice

    from po_desktop.store import files

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # pragma: no cover - Qt always has its PNG writer
        raise RuntimeError("Qt could not encode the PNG")
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise files.output_error(output, exc) from exc
    files.write_bytes(output, buffer.data().data())


def show_view(window: MainWindow, view: str) -> QWidget:
    """Put ``window`` in the state ``view`` names and show it; returns what to look at
    (the window, or the dialog opened over it)."""
    from PySide6.QtWidgets import QApplication

    from po_desktop.ui.main_window import MainWindow

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
    window.tabs.setCurrentIndex(tabs.get(view, MainWindow.BOARD))
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
    shown: QWidget = window
    if view == "grids" or view in DIALOGS:
        shown = build_dialog(window, view)
        shown.show()
        QApplication.processEvents()
    return shown


def build_dialog(window: MainWindow, view: str) -> QWidget:
    """The dialog behind ``view``, filled as a user would first see it."""
    from po_desktop.ui.calendar import dialogs as cal

    workspace = window.workspace
    window.views.read_the_rest()  # every need and the sprints' figures, as after the paint
    model = window.sprint_model
    rows = [model.row_at(i) for i in range(model.rowCount())]
    active = next((r.id for r in rows if r.state == "active"), rows[0].id if rows else None)
    if view == "grids":
        from po_desktop.ui.scoring.grid_dialog import GridsDialog

        return GridsDialog(workspace, window)
    if view in ("need", "dossier"):
        from po_desktop.ui.need_dialog import NeedDialog

        first = window.need_rows[0].id if window.need_rows else None
        dialog = NeedDialog(workspace, first, window)
        if view == "dossier" and dialog.tabs is not None:
            dialog.tabs.setCurrentIndex(1)  # the comments and activity
        return dialog
    if view == "projects":
        from po_desktop.ui.workspace_dialogs import ProjectsDialog

        return ProjectsDialog(workspace, window)
    if view == "people":
        from po_desktop.ui.workspace_dialogs import PeopleDialog

        return PeopleDialog(workspace, window)
    if view == "columns":
        from po_desktop.ui.board.settings_dialog import BoardSettingsDialog

        return BoardSettingsDialog(workspace, window)
    if view == "sprint":
        return cal.SprintDialog(workspace, active, parent=window)
    if view == "ritual":
        return cal.CeremonyDialog(workspace, parent=window)
    if view == "absence":
        return cal.AbsenceDialog(workspace, parent=window)
    if view == "cadence":
        from po_desktop.ui.calendar.cadence_dialog import CadenceDialog

        return CadenceDialog(workspace, window)
    if view == "close-sprint":
        if active is None:
            from po_desktop.store.errors import NotFoundError

            raise NotFoundError("sprint.not_found", ref="active")
        return cal.CloseSprintDialog(workspace, active, window)
    if view == "preferences":
        from po_desktop.ui.preferences_dialog import PreferencesDialog

        return PreferencesDialog(window.settings, workspace, window)
    if view == "connect":
        from po_desktop.ui.connect_dialog import ConnectDialog

        return ConnectDialog(window, "pg.example.com/portfolio?sslmode=verify-full")
    if view == "about":
        from po_desktop.ui.about_dialog import AboutDialog

        return AboutDialog(workspace, window)
    if view == "shortcuts":
        return window.shortcuts_dialog()
    if view == "guide":
        from po_desktop.ui.help_dialogs import GuideDialog

        return GuideDialog(window)
    if view == "import":
        return _import_dialog(window)
    assert view == "crash"
    from po_desktop import logs
    from po_desktop.ui.crash import CrashDialog

    try:
        raise RuntimeError("sample error for the screenshot")
    except RuntimeError as exc:
        return CrashDialog((RuntimeError, exc, exc.__traceback__), logs.log_file(), window)


SAMPLE_IMPORT = (
    "Clé;Titre;Problème;Statut;Points;Commentaire\r\n"
    ";Relances clients automatiques;Les factures partent en retard;À faire;2,5;urgent\r\n"
    ";Tableau de bord des ventes;Les chiffres arrivent une semaine après;En cours;5;\r\n"
    ";Badge visiteurs;L'accueil note les visiteurs sur papier;Fait;;à revoir\r\n"
)
"""A spreadsheet as a PO brings it: French headers, a column of ours missing (the
project), one we do not know, statuses unlike the board's columns."""


def _import_dialog(window: MainWindow) -> QWidget:
    """The import assistant on a sample file, with the workspace's first needs in it
    (updated ones among them) when it has some."""
    from po_desktop.ui.import_dialog import ImportDialog

    scratch = Path(tempfile.mkdtemp(prefix="po-desktop-import-"))
    sample = scratch / "besoins.csv"
    lines = SAMPLE_IMPORT.split("\r\n")
    rows = window.need_rows[:3]
    for index, row in enumerate(rows):  # existing needs: the first kept, the next changed
        title = row.title if index == 0 else f"{row.title} (révisé)"
        lines.insert(1 + index, f"{row.key};{title.replace(';', ',')};Défi;À faire;;")
    sample.write_bytes("\r\n".join(lines).encode("utf-8-sig"))
    dialog = ImportDialog(window.host, sample, window)
    codes = [dialog.project.itemText(i) for i in range(dialog.project.count())]
    dialog.project.setCurrentText(next((code for code in codes if code), "WEB"))

    def clean() -> None:
        import shutil

        shutil.rmtree(scratch, ignore_errors=True)

    dialog.destroyed.connect(clean)
    dialog.tabs.setCurrentIndex(dialog.PREVIEW_TAB)
    return dialog
