"""The main window: menus, toolbar, project filter, the three views, undo/redo."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QWidget,
)
from sqlalchemy.orm import Session

from po_desktop import APP_NAME, __version__
from po_desktop.store import queries
from po_desktop.store.database import open_database
from po_desktop.store.errors import DatabaseFileError, PoDesktopError
from po_desktop.store.queries import NeedRow
from po_desktop.store.services import needs as need_service
from po_desktop.store.services.needs import NeedChange
from po_desktop.ui.models import NeedFilter, SprintTableModel
from po_desktop.ui.need_dialog import NeedDialog
from po_desktop.ui.pages import BoardPage, CalendarPage, NeedListPage, ScoringPage
from po_desktop.ui.workspace import Workspace
from po_desktop.ui.workspace_dialogs import PeopleDialog, ProjectsDialog

if TYPE_CHECKING:
    from po_desktop.store.services.importing import ImportResult

FILE_FILTER = "PO Desktop (*.podb *.db *.sqlite);;*"


class MainWindow(QMainWindow):
    BOARD, SCORING, CALENDAR = range(3)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setMinimumSize(QSize(900, 560))
        self.need_rows: list[NeedRow] = []
        self._done_columns: frozenset[int] = frozenset()
        self.sprint_model = SprintTableModel(self)

        self.board = BoardPage()
        self.scoring = ScoringPage()
        self.calendar = CalendarPage(self.sprint_model)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.board, self.tr("&Board"))
        self.tabs.addTab(self.scoring, self.tr("&Scoring"))
        self.tabs.addTab(self.calendar, self.tr("Ca&lendar"))
        self.setCentralWidget(self.tabs)
        for page in (self.board, self.scoring):
            page.open_requested.connect(self.edit_need)

        self.project_filter = QComboBox()
        self.project_filter.setMinimumWidth(200)
        self.project_filter.setAccessibleName(self.tr("Project filter"))
        self.project_filter.currentIndexChanged.connect(self._apply_filters)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search key, title, problem… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(320)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(120)
        self._search_timer.timeout.connect(self._apply_filters)
        self.search.textChanged.connect(self._search_timer.start)

        self.count_label = QLabel()
        self.file_label = QLabel()
        self.statusBar().addPermanentWidget(self.count_label)
        self.statusBar().addPermanentWidget(self.file_label)

        self._build_actions()
        self._connect_workspace()
        self.reload()

    # ----- construction -------------------------------------------------------------------
    def _action(
        self, text: str, slot: object, shortcut: QKeySequence | str | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)  # type: ignore[arg-type]
        return action

    def _build_actions(self) -> None:
        std = QKeySequence.StandardKey
        self.new_db_action = self._action(self.tr("&New database…"), self.new_database)
        self.open_action = self._action(self.tr("&Open…"), self.open_database_dialog, std.Open)
        self.import_action = self._action(self.tr("&Import needs (CSV)…"), self.import_csv)
        self.export_action = self._action(self.tr("&Export needs (CSV)…"), self.export_csv)
        self.quit_action = self._action(self.tr("&Quit"), self.close, std.Quit)
        self.new_need_action = self._action(self.tr("&New need…"), self.new_need, std.New)
        self.new_need_action.setToolTip(self.tr("New need (Ctrl+N)"))
        self.edit_action = self._action(self.tr("&Edit need…"), self.edit_selected, "Ctrl+E")
        self.delete_action = self._action(self.tr("&Delete need"), self.delete_selected, std.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.find_action = self._action(self.tr("&Find"), self._focus_search, std.Find)
        self.projects_action = self._action(self.tr("&Projects…"), self.show_projects)
        self.people_action = self._action(self.tr("P&eople…"), self.show_people)
        self.about_action = self._action(self.tr("&About PO Desktop"), self.about)
        self.view_actions = []
        for index, label in enumerate(
            (self.tr("&Board"), self.tr("&Scoring"), self.tr("Ca&lendar"))
        ):
            action = self._action(label, lambda _c=False, i=index: self.tabs.setCurrentIndex(i))
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            self.view_actions.append(action)
        for page in (self.board, self.scoring.list):
            page.view.addAction(self.delete_action)

        # A group, so the same actions follow whichever database is open.
        self.undo_group = QUndoGroup(self)
        self.undo_action = self.undo_group.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(std.Undo)
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(std.Redo)

        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        for action in (self.new_db_action, self.open_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.edit_menu = menu.addMenu(self.tr("&Edit"))
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        for action in (
            self.new_need_action,
            self.edit_action,
            self.delete_action,
            self.find_action,
        ):
            self.edit_menu.addAction(action)
        view_menu = menu.addMenu(self.tr("&View"))
        for action in self.view_actions:
            view_menu.addAction(action)
        workspace_menu = menu.addMenu(self.tr("&Workspace"))
        workspace_menu.addAction(self.projects_action)
        workspace_menu.addAction(self.people_action)
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

        toolbar = QToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addAction(self.new_need_action)
        toolbar.addSeparator()
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.redo_action)
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(self.tr("Project:") + " "))
        toolbar.addWidget(self.project_filter)
        toolbar.addSeparator()
        toolbar.addWidget(self.search)
        self.addToolBar(toolbar)

    def _connect_workspace(self) -> None:
        self.undo_group.addStack(self.workspace.undo_stack)
        self.undo_group.setActiveStack(self.workspace.undo_stack)
        self.workspace.changed.connect(self.reload)
        self.workspace.failed.connect(self._show_failure)
        self.workspace.undo_stack.cleanChanged.connect(self._update_title)

    # ----- data ---------------------------------------------------------------------------
    @Slot()
    def reload(self) -> None:
        with self.workspace.session() as session:  # one session for the whole refresh
            self.need_rows = queries.need_rows(session)
            sprints = queries.sprint_rows(session)
            projects = queries.projects(session)
            self._done_columns = frozenset(c.id for c in queries.columns(session) if c.is_done)
        self.sprint_model.set_rows(sprints)
        current = self.project_filter.currentData()
        self.project_filter.blockSignals(True)
        self.project_filter.clear()
        self.project_filter.addItem(self.tr("All projects"), None)
        for project in projects:
            label = f"{project.code} — {project.name}"
            if project.archived:
                label += " " + self.tr("(archived)")
            self.project_filter.addItem(label, project.id)
        index = self.project_filter.findData(current)
        self.project_filter.setCurrentIndex(max(0, index))
        self.project_filter.blockSignals(False)
        self._apply_filters()
        self._update_title()

    def _apply_filters(self) -> None:
        """Push rows and the toolbar's filter to every list, keeping each one's selection."""
        base = NeedFilter(
            text=self.search.text().strip().casefold(),
            project_id=self.project_filter.currentData(),
        )
        open_only = replace(base, open_only=True, done_column_ids=self._done_columns)
        for page, need_filter in ((self.board, base), (self.scoring.list, open_only)):
            selected = page.selected_ids()
            current = page.current_id()
            if page.model.all_rows() is not self.need_rows:
                page.model.set_rows(self.need_rows, need_filter)
            else:
                page.model.set_filter(need_filter)
            page.select_needs(selected, current)
        shown = self.board.model.rowCount()
        total = len(self.need_rows)
        self.count_label.setText(
            self.tr("%1 of %2 needs").replace("%1", str(shown)).replace("%2", str(total))
        )

    def _update_title(self) -> None:
        path = self.workspace.database.path
        self.setWindowTitle(f"{path.name} — {APP_NAME}")
        self.file_label.setText(str(path))

    # ----- need actions -------------------------------------------------------------------
    def current_page(self) -> NeedListPage | None:
        if self.tabs.currentIndex() == self.BOARD:
            return self.board
        if self.tabs.currentIndex() == self.SCORING:
            return self.scoring.list
        return None

    @Slot()
    def new_need(self) -> None:
        dialog = NeedDialog(
            self.workspace, parent=self, project_id=self.project_filter.currentData()
        )
        if dialog.exec() and dialog.saved_need_id is not None:
            self._select(dialog.saved_need_id)
            self.statusBar().showMessage(self.tr("Need created."), 4000)

    @Slot(int)
    def edit_need(self, need_id: int) -> None:
        dialog = NeedDialog(self.workspace, need_id, parent=self)
        if dialog.exec():
            self._select(need_id)

    @Slot()
    def edit_selected(self) -> None:
        page = self.current_page()
        ids = page.selected_ids() if page else []
        if ids:
            self.edit_need(ids[0])

    @Slot()
    def delete_selected(self) -> None:
        page = self.current_page()
        ids = page.selected_ids() if page else []
        if not ids:
            return
        text = self.tr("Delete %n need(s)", "", len(ids))
        try:
            self.workspace.perform_need_change(text, lambda s: need_service.delete_needs(s, ids))
        except PoDesktopError as exc:
            self._show_failure(exc.render())
            return
        self.statusBar().showMessage(
            self.tr("%n need(s) deleted — Ctrl+Z to undo.", "", len(ids)), 6000
        )

    def _select(self, need_id: int) -> None:
        page = self.current_page()
        if page is not None:
            page.select_need(need_id)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # ----- files --------------------------------------------------------------------------
    @Slot()
    def new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("New database"), str(Path.home() / "po-desktop.podb"), FILE_FILTER
        )
        if path:
            if not path.endswith(".podb") and not Path(path).suffix:
                path += ".podb"
            self.switch_database(Path(path))

    @Slot()
    def open_database_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open database"), str(self.workspace.database.path.parent), FILE_FILTER
        )
        if path:
            self.switch_database(Path(path))

    def switch_database(self, path: Path) -> bool:
        try:
            database = open_database(path)
        except PoDesktopError as exc:
            QMessageBox.warning(self, self.tr("Cannot open database"), exc.render())
            return False
        old = self.workspace
        old.changed.disconnect(self.reload)
        old.failed.disconnect(self._show_failure)
        old.undo_stack.cleanChanged.disconnect(self._update_title)
        self.undo_group.removeStack(old.undo_stack)
        old.close()
        old.deleteLater()
        self.workspace = Workspace(database, self)
        self._connect_workspace()
        # Ids mean other needs in another file: forget selections and the project filter.
        for page in (self.board, self.scoring.list):
            page.view.clearSelection()
            page.view.setCurrentIndex(page.model.index(-1, -1))
        self.project_filter.setCurrentIndex(0)
        self.reload()
        return True

    @Slot()
    def import_csv(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import needs"), str(Path.home()), self.tr("CSV files (*.csv);;*")
        )
        if not path:
            return
        try:
            self.import_file(Path(path))
        except PoDesktopError as exc:
            QMessageBox.warning(self, self.tr("Import failed"), exc.render())

    def import_file(self, path: Path) -> ImportResult:
        """Import a CSV file as one undoable action; raises when nothing was imported."""
        from po_desktop.io.csv_needs import read_needs_csv  # loaded on use: start-up time
        from po_desktop.store.services.importing import import_needs

        records = read_needs_csv(path)
        outcome: list[ImportResult] = []

        def run(session: Session) -> NeedChange:
            outcome.append(import_needs(session, records))
            return outcome[0].change

        self.workspace.perform_need_change(self.tr("Import needs"), run)
        result = outcome[0]
        self.statusBar().showMessage(
            self.tr(
                "Import: %1 need(s) created, %2 updated, %3 project(s) created — Ctrl+Z to undo."
            )
            .replace("%1", str(result.created))
            .replace("%2", str(result.updated))
            .replace("%3", str(result.projects_created)),
            10000,
        )
        return result

    @Slot()
    def export_csv(self) -> None:
        from po_desktop.io.csv_needs import write_needs_csv  # loaded on use: start-up time

        default = self.workspace.database.path.with_suffix(".csv").name
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export needs"), str(Path.home() / default), self.tr("CSV files (*.csv)")
        )
        if not path:
            return
        try:
            if self.workspace.database.owns(Path(path)):
                raise DatabaseFileError("db.output_is_database", path=path)
            with self.workspace.session() as session:
                count = write_needs_csv(session, Path(path))
        except (PoDesktopError, OSError) as exc:
            text = exc.render() if isinstance(exc, PoDesktopError) else str(exc)
            QMessageBox.warning(self, self.tr("Export failed"), text)
            return
        self.statusBar().showMessage(self.tr("%n need(s) exported.", "", count), 6000)

    # ----- dialogs ------------------------------------------------------------------------
    @Slot()
    def show_projects(self) -> None:
        dialog = ProjectsDialog(self.workspace, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # stops listening when closed
        dialog.exec()

    @Slot()
    def show_people(self) -> None:
        dialog = PeopleDialog(self.workspace, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exec()

    @Slot()
    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About PO Desktop"),
            f"<b>{APP_NAME}</b> {__version__}<br>"
            + self.tr("Needs, scoring, board and sprints for product owners — offline."),
        )

    @Slot(str)
    def _show_failure(self, text: str) -> None:
        QMessageBox.warning(self, APP_NAME, text)

    def closeEvent(self, event: object) -> None:
        self.workspace.close()
        super().closeEvent(event)  # type: ignore[arg-type]
