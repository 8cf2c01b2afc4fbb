"""The main window: menus, toolbar, project filter, the three views, undo/redo."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QPoint, QSize, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from po_desktop import APP_NAME
from po_desktop.domain.messages import choice_label
from po_desktop.store import backups, queries, rescue
from po_desktop.store.changes import Change
from po_desktop.store.database import Database, open_database
from po_desktop.store.errors import DatabaseFileError, PoDesktopError
from po_desktop.store.queries import NeedRow
from po_desktop.store.services import needs as need_service
from po_desktop.store.services import workspace as workspace_service
from po_desktop.ui import feedback, icons
from po_desktop.ui.autobackup import AutoBackup
from po_desktop.ui.banner import ALERT, INFO, NOTICE, MessageBar
from po_desktop.ui.board.model import ColumnInfo
from po_desktop.ui.board.page import BoardPage, Choice
from po_desktop.ui.calendar.page import CalendarPage
from po_desktop.ui.feedback import Purpose, Unsaved
from po_desktop.ui.filtering import NeedFilter
from po_desktop.ui.models import SprintTableModel
from po_desktop.ui.need_dialog import NeedDialog
from po_desktop.ui.pages import ListPage, NeedListPage
from po_desktop.ui.recovery import open_or_recover
from po_desktop.ui.scoring.page import ScoringPage
from po_desktop.ui.settings import Settings
from po_desktop.ui.welcome import WelcomePanel
from po_desktop.ui.workspace import Workspace
from po_desktop.ui.workspace_dialogs import PeopleDialog, ProjectsDialog

if TYPE_CHECKING:
    from po_desktop.store.services.importing import ImportResult

FILE_FILTER = "PO Desktop (*.podb *.db *.sqlite);;*"


FILE_CHECK_MS = 3000
"""How often the window checks that its database is still where it was opened."""

NEED_KINDS = frozenset({"needs", "scoring"})
"""Changes of these kinds only: the rows of their needs are patched, nothing reloaded."""

PATCH_LIMIT = 1000
"""Above this many changed needs, reloading everything is faster than patching rows."""
SLOW_FILTER_S = 0.04
"""A filter pass slower than this (100,000 needs) waits for a pause in typing."""


class MainWindow(QMainWindow):
    BOARD, LIST, SCORING, CALENDAR = range(4)

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.settings = settings or Settings()
        feedback.sink().settings = self.settings  # file choosers remember their folders
        self.setMinimumSize(QSize(900, 560))
        self.need_rows: list[NeedRow] = []
        self._haystacks: dict[int, str] = {}
        self._columns: list[ColumnInfo] = []
        self._done_columns: frozenset[int] = frozenset()
        self._version = 0
        """Bumped whenever need rows change; each page remembers the version it shows."""
        self._row_pos: dict[int, int] = {}
        self._shown: dict[int, tuple[int, NeedFilter | None]] = {}
        self._pending_project: int | None = None
        self.sprint_model = SprintTableModel(self)

        self.board = BoardPage()
        self.needs_list = ListPage()
        self.scoring = ScoringPage(lambda: self.workspace)
        self.calendar = CalendarPage(self.sprint_model, lambda: self.workspace)
        self.calendar.ics_requested.connect(self.export_ics)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        # The board, or the first steps while the workspace has no need yet.
        self.welcome = WelcomePanel()
        self.board_stack = QStackedWidget()
        self.board_stack.addWidget(self.board)
        self.board_stack.addWidget(self.welcome)
        self.tabs.addTab(self.board_stack, icons.icon("view-board"), self.tr("&Board"))
        self.tabs.addTab(self.needs_list, icons.icon("view-list"), self.tr("L&ist"))
        self.tabs.addTab(self.scoring, icons.icon("view-scoring"), self.tr("&Scoring"))
        self.tabs.addTab(self.calendar, icons.icon("view-calendar"), self.tr("Ca&lendar"))
        self.notice_bar = MessageBar(NOTICE)
        self.lost_bar = MessageBar(ALERT)
        self.read_only_bar = MessageBar(INFO)
        self.filter_bar = MessageBar(INFO)
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.lost_bar)
        central_layout.addWidget(self.read_only_bar)
        central_layout.addWidget(self.notice_bar)
        central_layout.addWidget(self.filter_bar)
        central_layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        for page in (self.board, self.needs_list, self.scoring):
            page.open_requested.connect(self.edit_need)
        for need_list in (self.needs_list, self.scoring.list):
            need_list.menu_requested.connect(self._show_need_menu)
        self.tabs.currentChanged.connect(self._tab_changed)
        self._connect_board()

        self.project_filter = QComboBox()
        self.project_filter.setMinimumWidth(200)
        self.project_filter.setAccessibleName(self.tr("Project filter"))
        self.project_filter.currentIndexChanged.connect(self._filters_edited)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search key, title, problem… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(320)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(0)  # raised to 150 ms when filtering gets slow
        self._search_timer.timeout.connect(self._search_now)
        self.search.textChanged.connect(self._search_timer.start)

        self.count_label = QLabel()
        self.file_label = QLabel()
        self.file_label.setContentsMargins(16, 0, 4, 0)  # apart from the count before it
        self.statusBar().addPermanentWidget(self.count_label)
        self.statusBar().addPermanentWidget(self.file_label)

        self.autobackup = AutoBackup(
            lambda: self.workspace.database.path, lambda: self.settings.backup_policy, self
        )
        self.autobackup.finished.connect(self._backup_finished)
        self._backup_warned = False
        # The file may be deleted, moved or replaced under the app (a sync tool, a
        # colleague): noticed within seconds, and before any save.
        self.file_timer = QTimer(self)
        self.file_timer.setInterval(FILE_CHECK_MS)
        self.file_timer.timeout.connect(self.check_file)
        self.file_timer.start()

        self._build_actions()
        self._connect_workspace()
        self.settings.remember_database(workspace.database.path)
        self.reload()
        self._restore_window_state()

    def _connect_board(self) -> None:
        board = self.board
        board.move_requested.connect(self._move_needs)
        board.plan_requested.connect(self._plan_needs)
        board.assign_requested.connect(self._assign_needs)
        board.duplicate_requested.connect(self._duplicate_needs)
        board.delete_requested.connect(self._delete_needs)
        board.scoring_requested.connect(self.open_scoring)
        welcome = self.welcome
        welcome.projects_requested.connect(self.show_projects)
        welcome.people_requested.connect(self.show_people)
        welcome.need_requested.connect(self.new_need)
        welcome.import_requested.connect(self.import_csv)
        welcome.guide_requested.connect(self.show_guide)
        welcome.region_chosen.connect(self._region_chosen)
        board.settings_requested.connect(self.show_board_settings)
        board.filters_changed.connect(self._board_filters_changed)
        self.scoring.filters_changed.connect(self._apply_filters)
        self.scoring.grids_requested.connect(self.show_grids)

    # ----- construction -------------------------------------------------------------------
    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | str | None = None,
        icon: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if icon is not None:
            action.setIcon(icons.icon(icon))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        # Through a lambda: ``triggered`` passes ``checked``, which a slot with an optional
        # first parameter (save_copy's target, restore_backup's source) took for a path.
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _toolbar_twin(
        self, text: str, icon: str, slot: Callable[[], object], enabled: object
    ) -> QAction:
        """A toolbar button doing what a menu action does, under a label that stays put."""
        action = QAction(icons.icon(icon), text, self)
        action.setEnabled(False)
        action.triggered.connect(lambda _checked=False: slot())
        enabled.connect(action.setEnabled)  # type: ignore[attr-defined]
        return action

    def _build_actions(self) -> None:
        std = QKeySequence.StandardKey
        self.new_db_action = self._action(
            self.tr("&New database…"), self.new_database, icon="database-new"
        )
        self.open_action = self._action(
            self.tr("&Open…"), self.open_database_dialog, std.Open, "open"
        )
        self.recent_menu = QMenu(self.tr("Open &recent"), self)
        self.recent_menu.setIcon(icons.icon("recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.save_copy_action = self._action(
            self.tr("Save a &copy…"), self.save_copy, std.SaveAs, "save-copy"
        )
        self.save_as_action = self._action(self.tr("Save &as…"), self.save_as, icon="save-copy")
        self.save_as_action.setToolTip(
            self.tr("Save the open workspace to a new file and go on working in that file")
        )
        self.backup_action = self._action(self.tr("&Back up now"), self.backup_now, icon="backup")
        self.restore_action = self._action(
            self.tr("Res&tore a backup…"), self.restore_backup, icon="restore"
        )
        self.import_action = self._action(
            self.tr("&Import needs (CSV)…"), self.import_csv, icon="import"
        )
        self.export_action = self._action(
            self.tr("&Export needs (CSV)…"), self.export_csv, icon="export"
        )
        self.ics_action = self._action(
            self.tr("Export the &calendar (.ics)…"), self.export_ics, icon="calendar-export"
        )
        self.pack_action = self._action(
            self.tr("Sprint &review pack (PDF)…"), self.export_pack, icon="pack"
        )
        self.preferences_action = self._action(
            self.tr("Prefere&nces…"), self.show_preferences, std.Preferences, "preferences"
        )
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.quit_action = self._action(self.tr("&Quit"), self.close, std.Quit, "quit")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.new_need_action = self._action(
            self.tr("&New need…"), self.new_need, std.New, "need-new"
        )
        self.new_need_action.setToolTip(self.tr("New need (Ctrl+N)"))
        self.edit_action = self._action(
            self.tr("&Edit need…"), self.edit_selected, "Ctrl+E", "edit"
        )
        self.delete_action = self._action(
            self.tr("&Delete need"), self.delete_selected, std.Delete, "delete"
        )
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.find_action = self._action(self.tr("&Find"), self._focus_search, std.Find, "find")
        self.projects_action = self._action(
            self.tr("&Projects…"), self.show_projects, icon="projects"
        )
        self.people_action = self._action(self.tr("P&eople…"), self.show_people, icon="people")
        self.about_action = self._action(self.tr("&About PO Desktop"), self.about, icon="about")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.guide_action = self._action(
            self.tr("Short &guide"), self.show_guide, std.HelpContents, "help"
        )
        self.shortcuts_action = self._action(
            self.tr("&Keyboard shortcuts"), self.show_shortcuts, "Ctrl+/", "keyboard"
        )
        self.board_settings_action = self._action(
            self.tr("Board &columns…"), self.show_board_settings, icon="board-columns"
        )
        self.grids_action = self._action(self.tr("Scoring &grids…"), self.show_grids, icon="grids")
        # Window-wide: F8 works from the search box too, and brings the scoring view.
        self.next_unscored_action = self._action(
            self.tr("&Next unscored need"), lambda: self.step_unscored(1), "F8"
        )
        self.previous_unscored_action = self._action(
            self.tr("&Previous unscored need"), lambda: self.step_unscored(-1), "Shift+F8"
        )
        self.view_actions = []
        for index, label in enumerate(
            (self.tr("&Board"), self.tr("L&ist"), self.tr("&Scoring"), self.tr("Ca&lendar"))
        ):
            action = self._action(
                label,
                lambda _c=False, i=index: self.tabs.setCurrentIndex(i),
                f"Ctrl+{index + 1}",
                ("view-board", "view-list", "view-scoring", "view-calendar")[index],
            )
            self.view_actions.append(action)
        for page in (self.needs_list, self.scoring.list):
            page.view.addAction(self.delete_action)
        self.board.addAction(self.delete_action)
        self.board.addAction(self.edit_action)

        # A group, so the same actions follow whichever database is open.
        self.undo_group = QUndoGroup(self)
        self.undo_action = self.undo_group.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(std.Undo)
        self.undo_action.setIcon(icons.icon("undo"))
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("&Redo"))
        # Ctrl+Y as well, everywhere: what Windows and Office users press (Linux's
        # standard key is Ctrl+Shift+Z only).
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.redo_action.setIcon(icons.icon("redo"))
        # The toolbar's buttons keep one short label, so the toolbar never shifts under the
        # mouse; what they would undo or redo is in their tooltip and in the Edit menu.
        self.undo_button = self._toolbar_twin(
            self.tr("Undo"), "undo", self.undo_group.undo, self.undo_group.canUndoChanged
        )
        self.undo_group.undoTextChanged.connect(
            lambda text: self.undo_button.setToolTip(
                self.tr("Undo: %1 (Ctrl+Z)").replace("%1", text) if text else self.tr("Undo")
            )
        )
        self.redo_button = self._toolbar_twin(
            self.tr("Redo"), "redo", self.undo_group.redo, self.undo_group.canRedoChanged
        )
        self.undo_group.redoTextChanged.connect(
            lambda text: self.redo_button.setToolTip(
                self.tr("Redo: %1 (Ctrl+Y)").replace("%1", text) if text else self.tr("Redo")
            )
        )

        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_db_action)
        file_menu.addAction(self.open_action)
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.save_as_action)
        file_menu.addAction(self.save_copy_action)
        file_menu.addSeparator()
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.ics_action)
        file_menu.addAction(self.pack_action)
        file_menu.addSeparator()
        file_menu.addAction(self.preferences_action)
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
        card_menu = self.edit_menu.addMenu(self.tr("Move &card"))
        for action in self.board.move_actions:
            card_menu.addAction(action)
        self.edit_menu.addAction(self.board.duplicate_action)
        view_menu = menu.addMenu(self.tr("&View"))
        for action in self.view_actions:
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.next_unscored_action)
        view_menu.addAction(self.previous_unscored_action)
        workspace_menu = menu.addMenu(self.tr("&Workspace"))
        workspace_menu.addAction(self.projects_action)
        workspace_menu.addAction(self.people_action)
        workspace_menu.addAction(self.board_settings_action)
        workspace_menu.addAction(self.grids_action)
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(self.guide_action)
        help_menu.addAction(self.shortcuts_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

        toolbar = QToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setIconSize(QSize(20, 20))
        toolbar.addAction(self.new_need_action)
        toolbar.addSeparator()
        toolbar.addAction(self.undo_button)
        toolbar.addAction(self.redo_button)
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(self.tr("Project:") + " "))
        toolbar.addWidget(self.project_filter)
        toolbar.addSeparator()
        toolbar.addWidget(self.search)
        self.addToolBar(toolbar)

    def _connect_workspace(self) -> None:
        self.undo_group.addStack(self.workspace.undo_stack)
        self.undo_group.setActiveStack(self.workspace.undo_stack)
        self.workspace.changes_applied.connect(self._changes_applied)
        self._show_read_only()
        self.workspace.failed.connect(self._show_failure)
        self.workspace.file_lost.connect(self._file_lost)
        self.workspace.undo_stack.cleanChanged.connect(self._update_title)
        saved = self.board.restore_state(self.settings.board_state(self.workspace.database.path))
        self.search.blockSignals(True)
        self.search.setText(saved.text)
        self.search.blockSignals(False)
        self._pending_project = saved.project_id

    # ----- data ---------------------------------------------------------------------------
    @Slot()
    def reload(self) -> None:
        """Everything again from the database (a new file, columns, projects, an import)."""
        with self.workspace.session() as session:  # one session for the whole refresh
            self.need_rows = queries.need_rows(session)
            sprints = queries.sprint_rows(session)
            projects = queries.projects(session)
            columns = queries.columns(session)
            people = [p for p in queries.people(session) if p.active]
            units = queries.business_units(session)
            tags = queries.tag_names(session)
            region = workspace_service.holiday_region(session)
        self.welcome.set_progress(len(projects), len(people), region)
        self._board_or_welcome()
        self._haystacks = {}
        self._row_pos = {row.id: i for i, row in enumerate(self.need_rows)}
        self._columns = [
            ColumnInfo(c.id, c.name, c.wip_limit, c.is_done, c.entry_rules) for c in columns
        ]
        self._done_columns = frozenset(c.id for c in columns if c.is_done)
        self.sprint_model.set_rows(sprints)
        current = self.project_filter.currentData()
        if self._pending_project is not None:
            current, self._pending_project = self._pending_project, None
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
        self.board.set_reference(
            [Choice(p.id, p.code, p.name) for p in projects],
            [Choice(p.id, p.name) for p in people],
            [Choice(s.id, s.name, choice_label(s.state)) for s in sprints if s.state != "closed"],
            units,
            tags,
        )
        self.scoring.filters.set_reference([(p.id, p.name) for p in people], units, tags)
        self._version += 1
        self._apply_filters()
        self._update_title()
        # Search text for every card, built once the window is up: the first keystroke
        # then filters as fast as the next ones.
        QTimer.singleShot(300, self.board.model.warm_search)

    def _write_actions(self) -> list[QAction]:
        """What changes the workspace: disabled while it can only be read."""
        return [
            self.new_need_action,
            self.delete_action,
            self.import_action,
            self.restore_action,
            self.board.duplicate_action,
            *self.board.move_actions,
            self.next_unscored_action,
            self.previous_unscored_action,
        ]

    def _show_read_only(self) -> None:
        """A workspace that can only be read says so, and why; its edit actions wait."""
        reason = self.workspace.read_only_reason()
        for action in self._write_actions():
            action.setEnabled(not reason)
        self.board.setAcceptDrops(not reason)
        if reason:
            self.read_only_bar.show_message(reason, closable=False)
        else:
            self.read_only_bar.dismiss()

    @Slot(object)
    def _changes_applied(self, change: Change) -> None:
        """Refresh what the change concerns: the rows of its needs, or everything when
        it reaches projects, people, columns, sprints, grids or settings."""
        if change.kinds <= NEED_KINDS:
            self._needs_changed(change.need_ids)
        else:
            self.reload()

    def _needs_changed(self, need_ids: list[int]) -> None:
        """Patch the rows of these needs only: a card move must not reload 10,000 rows."""
        if len(need_ids) > PATCH_LIMIT:
            self.reload()
            return
        with self.workspace.session() as session:
            found = {row.id: row for row in queries.need_rows(session, need_ids=need_ids)}
        fresh: dict[int, NeedRow | None] = {i: found.get(i) for i in dict.fromkeys(need_ids)}
        if all(i in self._row_pos and row is not None for i, row in fresh.items()):
            for need_id, row in fresh.items():  # edits and moves: rows replaced in place
                self.need_rows[self._row_pos[need_id]] = row  # type: ignore[assignment]
        else:
            rows = [r for r in self.need_rows if r.id not in fresh]
            rows.extend(r for r in fresh.values() if r is not None)
            self.need_rows = rows
            self._row_pos = {r.id: i for i, r in enumerate(rows)}
        for need_id in fresh:
            self._haystacks.pop(need_id, None)
        self._board_or_welcome()
        board_was_current = self._shown.get(self.BOARD) == (self._version, self._base_filter())
        self._version += 1
        if board_was_current and self.tabs.currentIndex() == self.BOARD and self.board.patch(fresh):
            self._shown[self.BOARD] = (self._version, self._base_filter())
        self._apply_filters()

    def _board_or_welcome(self) -> None:
        """The first steps while the workspace has no need; the board from the first one."""
        self.board_stack.setCurrentWidget(self.board if self.need_rows else self.welcome)

    def _base_filter(self) -> NeedFilter:
        return NeedFilter(
            text=self.search.text().strip(),
            project_id=self.project_filter.currentData(),
        )

    def _search_now(self) -> None:
        """Filter on every keystroke while that is instant; wait for a pause when it is not."""
        started = time.perf_counter()
        self._filters_edited()
        elapsed = time.perf_counter() - started
        self._search_timer.setInterval(150 if elapsed > SLOW_FILTER_S else 0)

    def _apply_filters(self) -> None:
        """Refresh the page on screen now; the others when they are shown."""
        self._refresh_page(self.tabs.currentIndex())
        self._update_count()

    def _filters_edited(self) -> None:
        """The user changed the project or the search: show it, and keep it for next time."""
        self._apply_filters()
        self._save_board_state()

    def _refresh_page(self, index: int) -> None:
        base = self._base_filter()
        if index == self.CALENDAR:
            if self._shown.get(index, (None,))[0] != self._version:
                # A need moved into a sprint changes its load and forecast: read them anew,
                # on the sprint the user had chosen.
                chosen = self.calendar.current_sprint_id()
                self.sprint_model.set_rows(self.workspace.read(queries.sprint_rows))
                self.calendar.refresh(chosen)
                self._shown[index] = (self._version, None)
            return
        # Board and list show every need; the scoring list, open needs only, with its own
        # quick filters (the board's vocabulary).
        wanted = (
            base
            if index in (self.BOARD, self.LIST)
            else self.scoring.filters.applied(
                replace(base, open_only=True, done_column_ids=self._done_columns)
            )
        )
        version, shown_filter = self._shown.get(index, (None, None))
        if version == self._version and shown_filter == wanted:
            return
        if index == self.BOARD:
            if version != self._version:
                self.board.set_data(self._columns, self.need_rows, self._haystacks, wanted)
            else:
                self.board.apply_filter(wanted)
        else:
            page = self.needs_list if index == self.LIST else self.scoring.list
            selected = page.selected_ids()
            current = page.current_id()
            if version != self._version:
                if index == self.SCORING:
                    self.scoring.refresh_grid()  # a scoring, an undo, a grid edit...
                page.model.set_rows(self.need_rows, wanted, self._haystacks)
            else:
                page.model.set_filter(wanted)
            page.select_needs(selected, current)
        self._shown[index] = (self._version, wanted)

    @Slot(int)
    def _tab_changed(self, index: int) -> None:
        self._refresh_page(index)
        self._update_count()
        # Card moves act on the board's selection: only while the board is in sight,
        # and never on a workspace that can only be read.
        writable = not self.workspace.database.read_only
        for action in (*self.board.move_actions, self.board.duplicate_action):
            action.setEnabled(writable and index == self.BOARD)

    def _update_count(self) -> None:
        index = self.tabs.currentIndex()
        total = len(self.need_rows)
        if index == self.BOARD:
            shown = self.board.model.shown_count()
        elif index == self.LIST:
            shown = self.needs_list.model.rowCount()
        elif index == self.SCORING:
            shown = self.scoring.model.rowCount()
        else:
            shown = total
        # "Needs shown: 1 of 240": no noun to agree with the numbers, in either language.
        self.count_label.setText(
            self.tr("Needs shown: %1 of %2").replace("%1", str(shown)).replace("%2", str(total))
            if total
            else self.tr("No need yet")
        )
        self._update_filter_bar(index, shown, total)

    def _active_filters(self, index: int) -> list[str]:
        """What narrows the page on screen, in the user's words."""
        parts = []
        text = self.search.text().strip()
        if text:
            parts.append(self.tr("search “%1”").replace("%1", text))
        if self.project_filter.currentData() is not None:
            parts.append(self.tr("project %1").replace("%1", self.project_filter.currentText()))
        quick = {self.BOARD: self.board.filters, self.SCORING: self.scoring.filters}.get(index)
        if quick is not None:
            parts.extend(combo.currentText() for combo in quick.combos if combo.currentIndex() > 0)
        return parts

    def _update_filter_bar(self, index: int, shown: int, total: int) -> None:
        """A filtered page says so plainly, with one click back to every need: a search
        kept from the last session must never pass for needs that are gone."""
        self.search.setStyleSheet(
            "QLineEdit { background: #FFF4CE; }" if self.search.text().strip() else ""
        )
        parts = self._active_filters(index) if index != self.CALENDAR else []
        if not parts:
            self.filter_bar.dismiss()
            return
        self.filter_bar.show_message(
            self.tr("Filtered view — needs shown: %1 of %2 (%3).")
            .replace("%1", str(shown))
            .replace("%2", str(total))
            .replace("%3", ", ".join(parts)),
            [(self.tr("Show all needs"), self.clear_filters)],
            closable=False,
        )

    @Slot()
    def clear_filters(self) -> None:
        """Every need on every page: no search, no project, no quick filter."""
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.project_filter.blockSignals(True)
        self.project_filter.setCurrentIndex(0)
        self.project_filter.blockSignals(False)
        for quick in (self.board.filters, self.scoring.filters):
            quick.clear()  # each says it changed: its page refilters
        self._filters_edited()

    def _board_filters_changed(self) -> None:
        self._update_count()
        self._save_board_state()

    def _save_board_state(self) -> None:
        state = self.board.state()
        state["filter"] = self.board.need_filter().to_state()
        state["filter"]["text"] = self.search.text().strip()
        state["filter"]["project_id"] = self.project_filter.currentData()
        self.settings.set_board_state(self.workspace.database.path, state)

    def _update_title(self) -> None:
        path = self.workspace.database.path
        self.setWindowTitle(f"{path.name} — {APP_NAME}")
        self.file_label.setText(str(path))

    # ----- need actions -------------------------------------------------------------------
    def current_page(self) -> NeedListPage | BoardPage | None:
        return {
            self.BOARD: self.board,
            self.LIST: self.needs_list,
            self.SCORING: self.scoring.list,
        }.get(self.tabs.currentIndex())

    @Slot()
    def new_need(self) -> None:
        dialog = NeedDialog(
            self.workspace, parent=self, project_id=self.project_filter.currentData()
        )
        if feedback.sink().run(dialog) and dialog.saved_need_id is not None:
            self._select(dialog.saved_need_id)
            self.statusBar().showMessage(self.tr("Need created."), 4000)

    @Slot(int)
    def edit_need(self, need_id: int) -> None:
        dialog = NeedDialog(self.workspace, need_id, parent=self)
        if feedback.sink().run(dialog):
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
        if ids:
            self._delete_needs(ids)

    def _delete_needs(self, ids: list[int]) -> None:
        """Several needs: asked first. One: deleted at once, with Undo at hand."""
        keys = [self.need_rows[self._row_pos[i]].key for i in ids if i in self._row_pos]
        if len(ids) > 1:
            shown = ", ".join(keys[:12]) + (" …" if len(keys) > 12 else "")
            if not feedback.sink().ask(
                self,
                self.tr("Delete needs"),
                self.tr(
                    "Delete these %n needs, with their scoring and history?\n\n%1\n\n"
                    "You can undo it (Ctrl+Z).",
                    "",
                    len(ids),
                ).replace("%1", shown),
                yes=self.tr("Delete"),
                no=self.tr("Cancel"),
                default_yes=False,
            ):
                return
        text = self.tr("Delete %n need(s)", "", len(ids))
        if self._perform(text, lambda s: need_service.delete_needs(s, ids)) is None:
            return
        if len(keys) == 1:
            self.notify(self.tr("%1 deleted.").replace("%1", keys[0]))
        else:
            self.notify(self.tr("%n need(s) deleted.", "", len(ids)))

    def notify(self, text: str, *, undo: bool = True) -> None:
        """What was just done, in the bar under the toolbar; ``undo``: with an Undo button
        that undoes this action, and only this one."""
        stack = self.workspace.undo_stack
        index, command = stack.index(), stack.text(stack.index() - 1)

        def undo_it() -> None:
            if stack.index() == index and stack.text(index - 1) == command:
                stack.undo()
            else:
                self.statusBar().showMessage(
                    self.tr("Other changes were made since: use Edit ▸ Undo."), 8000
                )

        actions = [(self.tr("Undo"), undo_it)] if undo and stack.canUndo() else []
        self.notice_bar.show_message(text, actions, timeout_ms=12000)

    def _perform(
        self,
        text: str,
        action: Callable[[Session], object],
        select: list[int] | None = None,
    ) -> Change | None:
        """One undoable need action; a refusal is shown, never raised into Qt."""
        try:
            change = self.workspace.perform(text, action)
        except PoDesktopError as exc:
            self._show_failure(exc.render())
            return None
        if select:
            self._select_many(select)
        return change

    def _select_many(self, ids: list[int]) -> None:
        page = self.current_page()
        if page is not None:
            page.select_needs(ids, ids[0])

    # ----- board actions ------------------------------------------------------------------
    @Slot(list, int, object, object)
    def _move_needs(
        self,
        ids: list[int],
        column_id: int,
        before_id: int | None,
        assignee: int | need_service.Unchanged | None = need_service.UNCHANGED,
    ) -> None:
        self._perform(
            self.tr("Move %n need(s)", "", len(ids)),
            lambda s: need_service.move_needs(s, ids, column_id, before_id, assignee_id=assignee),
            select=ids,
        )

    @Slot(list, object)
    def _plan_needs(self, ids: list[int], sprint_id: int | None) -> None:
        self._perform(
            self.tr("Plan %n need(s)", "", len(ids)),
            lambda s: need_service.plan_needs(s, ids, sprint_id),
            select=ids,
        )

    @Slot(list, object)
    def _assign_needs(self, ids: list[int], person_id: int | None) -> None:
        self._perform(
            self.tr("Assign %n need(s)", "", len(ids)),
            lambda s: need_service.assign_needs(s, ids, person_id),
            select=ids,
        )

    @Slot(list)
    def _duplicate_needs(self, ids: list[int]) -> None:
        change = self._perform(
            self.tr("Duplicate %n need(s)", "", len(ids)),
            lambda s: need_service.duplicate_needs(s, ids),
        )
        if change is not None:
            copies = [key[0] for key in change.created("need")]
            if copies:
                self._select_many(copies)
            self.notify(self.tr("%n need(s) duplicated.", "", len(copies)))

    def step_unscored(self, step: int) -> None:
        """F8 / Shift+F8: the next need to score during a session with the requester."""
        self.tabs.setCurrentIndex(self.SCORING)
        if not self.scoring.step_unscored(step):
            self.statusBar().showMessage(
                self.tr("No unscored need below in the list.")
                if step > 0
                else self.tr("No unscored need above in the list."),
                6000,
            )

    def need_menu(self, ids: list[int]) -> QMenu:
        """The right-click menu of needs in a list: what the board's card menu offers."""
        return self.board.card_menu(ids, board_moves=False)

    @Slot(list, QPoint)
    def _show_need_menu(self, ids: list[int], where: QPoint) -> None:
        menu = self.need_menu(ids)
        menu.exec(where)
        menu.deleteLater()

    @Slot(int)
    def open_scoring(self, need_id: int) -> None:
        """The scoring view on this need (closed needs are not in the ranked backlog)."""
        self.tabs.setCurrentIndex(self.SCORING)
        if self.scoring.model.row_of(need_id) is None:
            self.statusBar().showMessage(
                self.tr("This need is done or hidden by the filters: it is not in the ranking."),
                6000,
            )
            return
        self.scoring.list.select_need(need_id)
        self.scoring.list.view.setFocus()

    @Slot()
    def show_board_settings(self) -> None:
        from po_desktop.ui.board.settings_dialog import BoardSettingsDialog

        dialog = BoardSettingsDialog(self.workspace, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        feedback.sink().run(dialog)

    @Slot()
    def export_pack(self) -> None:
        """The pack of the sprint chosen in the calendar (the active one by default)."""
        self.tabs.setCurrentIndex(self.CALENDAR)
        path = self.calendar.export_pack()
        if path is not None:
            self.statusBar().showMessage(
                self.tr("Review pack saved: %1").replace("%1", str(path)), 6000
            )

    @Slot()
    def export_ics(self) -> None:
        path = self.calendar.export_ics()
        if path is not None:
            self.statusBar().showMessage(
                self.tr("Calendar exported: %1").replace("%1", str(path)), 6000
            )

    @Slot()
    def show_grids(self) -> None:
        from po_desktop.ui.scoring.grid_dialog import GridsDialog

        if self.scoring.form.is_dirty() and not self.scoring.leave_form():
            return  # a grid edit could replace the grid the typed scoring uses

        dialog = GridsDialog(self.workspace, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        feedback.sink().run(dialog)

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
        path = feedback.sink().choose_save(
            self,
            self.tr("New database"),
            Purpose.DATABASE,
            "po-desktop.podb",
            FILE_FILTER,
            ".podb",
        )
        if path is not None:
            self.switch_database(path)

    @Slot()
    def open_database_dialog(self) -> None:
        path = feedback.sink().choose_open(
            self, self.tr("Open database"), Purpose.DATABASE, FILE_FILTER
        )
        if path is not None:
            self.switch_database(path)

    def switch_database(self, path: Path) -> bool:
        if Path(path).expanduser().resolve() == self.workspace.database.path:
            return True  # already open here (a recent file, the same name chosen again)
        if self.scoring.form.is_dirty() and not self.scoring.leave_form():
            return False  # the user stays to finish a scoring in the current file
        database = open_or_recover(path, self, self.tr("Cannot open database"))
        if database is None:
            return False
        self._detach_workspace()
        self._attach_workspace(database)
        self.autobackup.run("open")
        self.autobackup.start()  # stopped while a lost file was shown
        return True

    def _detach_workspace(self) -> None:
        """Let go of the open file: its undo history, its lock, its selections."""
        self._save_board_state()
        self.autobackup.wait()
        old = self.workspace
        old.changes_applied.disconnect(self._changes_applied)
        old.failed.disconnect(self._show_failure)
        old.file_lost.disconnect(self._file_lost)
        self.lost_bar.dismiss()
        old.undo_stack.cleanChanged.disconnect(self._update_title)
        self.undo_group.removeStack(old.undo_stack)
        old.close()
        old.deleteLater()
        # Ids mean other needs in another file: forget selections and the project filter;
        # the new file's own board filters come back from the settings.
        self.project_filter.blockSignals(True)
        self.project_filter.setCurrentIndex(0)
        self.project_filter.blockSignals(False)
        for page in (self.needs_list, self.scoring.list):
            page.view.clearSelection()
            page.view.setCurrentIndex(page.model.index(-1, -1))
        self.board.clear_selection()
        self.scoring.form.load(None)  # its need belongs to the other file

    def _attach_workspace(self, database: Database) -> None:
        self.workspace = Workspace(database, self)
        self._connect_workspace()
        self._shown.clear()
        self.settings.remember_database(database.path)
        self.reload()

    @Slot()
    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        current = str(self.workspace.database.path)
        shown = [p for p in self.settings.recent_databases if p != current]
        for index, text in enumerate(shown):
            path = Path(text)
            shown_name = f"{path.name}  —  {path.parent}".replace("&", "&&")  # not a shortcut
            action = self.recent_menu.addAction(f"&{index + 1}  {shown_name}")
            action.setData(text)
            action.setToolTip(text)
            if not path.exists():
                action.setEnabled(False)
                action.setText(action.text() + "  " + self.tr("(not found)"))
            action.triggered.connect(lambda _c=False, p=path: self.switch_database(p))
        if not shown:
            self.recent_menu.addAction(self.tr("No other database yet")).setEnabled(False)
            return
        self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.tr("Clear the list"), self._clear_recent)

    def _clear_recent(self) -> None:
        self.settings.recent_databases = [str(self.workspace.database.path)]

    @Slot()
    def save_copy(self, target: Path | None = None) -> Path | None:
        """Write a consistent, verified copy of the open database to a file of the user's."""
        if target is None:
            source = self.workspace.database.path
            target = feedback.sink().choose_save(
                self,
                self.tr("Save a copy"),
                Purpose.COPY,
                f"{source.stem} ({self.tr('copy')}).podb",
                FILE_FILTER,
                ".podb",
            )
            if target is None:
                return None
        try:
            if self.workspace.file_state() is rescue.FileState.PRESENT:
                backups.save_copy(self.workspace.database.path, target)
            else:  # the file is gone: copy what the app still holds open
                self._check_target(target)
                rescue.save_open(self.workspace.database.engine, target)
        except PoDesktopError as exc:
            feedback.sink().warn(self, self.tr("Save a copy"), exc.render())
            return None
        self.statusBar().showMessage(self.tr("Copy saved: %1").replace("%1", str(target)), 8000)
        return target

    def _check_target(self, target: Path) -> None:
        """Never write over the open database, nor over a file open in PO Desktop."""
        if self.workspace.database.owns(target):
            raise DatabaseFileError("db.output_is_database", path=str(target))
        if target.exists():
            from po_desktop.store.engine import FileLock

            lock = FileLock(target)
            lock.acquire()  # refused when another window or instance has it open
            lock.release()

    @Slot()
    def save_as(self, target: Path | None = None) -> Path | None:
        """The open workspace to a new file, then the window works in that file: the way
        out when the file was deleted or replaced under the app, and a plain Save as."""
        if target is None:
            source = self.workspace.database.path
            target = feedback.sink().choose_save(
                self,
                self.tr("Save as"),
                Purpose.COPY,
                f"{source.stem}.podb",
                FILE_FILTER,
                ".podb",
                source.parent,  # where the workspace was: where its user looks for it
            )
            if target is None:
                return None
        if self.scoring.form.is_dirty() and not self.scoring.leave_form():
            return None
        try:
            self._check_target(target)
            rescue.save_open(self.workspace.database.engine, target)
        except PoDesktopError as exc:
            feedback.sink().warn(self, self.tr("Save as"), exc.render())
            return None
        if not self.switch_database(target):
            return None
        self.notify(
            self.tr("Saved as %1: you are now working in this file.").replace("%1", str(target)),
            undo=False,
        )
        return target

    @Slot()
    def check_file(self) -> None:
        """The database must still be at its name: a banner and a way out when it is not."""
        state = self.workspace.file_state()
        if state is rescue.FileState.PRESENT:
            if self.lost_bar.isVisible():  # put back where it was
                self.lost_bar.dismiss()
                self.autobackup.start()
            return
        self._file_lost(state)

    @Slot(object)
    def _file_lost(self, state: rescue.FileState) -> None:
        if self.lost_bar.isVisible():
            return
        self.autobackup.timer.stop()  # nothing left to copy from that name
        self.lost_bar.show_message(
            rescue.refusal(self.workspace.database.path, state).render(),
            [(self.tr("Save as…"), self.save_as)],
            closable=False,
        )

    @Slot()
    def backup_now(self) -> None:
        if self.autobackup.run("manual"):
            self.statusBar().showMessage(self.tr("Backing up…"))

    @Slot(object, str)
    def _backup_finished(self, copy: Path | None, error: str) -> None:
        if copy is not None:
            self.statusBar().showMessage(
                self.tr("Backup saved and verified: %1").replace("%1", copy.name), 6000
            )
            return
        self.statusBar().showMessage(self.tr("Backup failed: %1").replace("%1", error))
        if not self._backup_warned:  # once per session: the status bar says it after that
            self._backup_warned = True
            feedback.sink().warn(
                self,
                self.tr("Backup failed"),
                self.tr("The automatic backup could not be written:")
                + f"\n\n{error}\n\n"
                + self.tr("Your database is unchanged. Check the free space on the disk."),
            )

    def _reopen(self, path: Path) -> bool:
        try:
            database = open_database(path)
        except PoDesktopError as exc:
            feedback.sink().fail(self, self.tr("Cannot open database"), exc.render())
            self.close()
            return False
        self._attach_workspace(database)
        return True

    @Slot()
    def restore_backup(self, source: Path | None = None) -> bool:
        """Replace the open database with a backup; the current file is kept aside."""
        path = self.workspace.database.path
        if source is None:
            folder = backups.folder_for(path)
            source = feedback.sink().choose_open(
                self,
                self.tr("Restore a backup"),
                Purpose.BACKUP,
                FILE_FILTER,
                folder if folder.is_dir() else path.parent,
            )
            if source is None:
                return False
            if not feedback.sink().ask(
                self,
                self.tr("Restore a backup"),
                self.tr(
                    "Replace the open database with this copy?\n\n%1\n\n"
                    "The current file is kept beside it, under a name ending in "
                    "“.before-restore-…”: nothing is deleted."
                ).replace("%1", str(source)),
                yes=self.tr("Restore"),
                no=self.tr("Cancel"),
                default_yes=False,
            ):
                return False
        if self.scoring.form.is_dirty() and not self.scoring.leave_form():
            return False
        try:  # a copy that cannot be used is refused while the workspace is still open
            backups.check_restorable(path, source)
        except PoDesktopError as exc:
            feedback.sink().warn(self, self.tr("Restore a backup"), exc.render())
            return False
        self._detach_workspace()
        restored = False
        kept: Path | None = None
        try:
            kept = backups.restore(path, source)
            restored = True
        except PoDesktopError as exc:
            feedback.sink().warn(self, self.tr("Restore a backup"), exc.render())
        finally:
            # Whatever happened, the window works on an open, locked file again.
            reopened = self._reopen(path)
        if restored and reopened:
            message = self.tr("Backup restored.")
            if kept is not None:
                message += " " + self.tr("Previous file kept: %1").replace("%1", kept.name)
            self.statusBar().showMessage(message, 15000)
        return restored and reopened

    @Slot()
    def import_csv(self) -> None:
        path = feedback.sink().choose_open(
            self, self.tr("Import needs"), Purpose.IMPORT, self.tr("CSV files (*.csv);;*")
        )
        if path is None:
            return
        try:
            self.import_file(path)
        except PoDesktopError as exc:
            feedback.sink().warn(self, self.tr("Import failed"), exc.render())

    def import_file(self, path: Path) -> ImportResult:
        """Import a CSV file as one undoable action; raises when nothing was imported."""
        from po_desktop.io.csv_needs import read_needs_csv  # loaded on use: start-up time
        from po_desktop.store.services.importing import import_needs

        records = read_needs_csv(path)
        change = self.workspace.perform(self.tr("Import needs"), lambda s: import_needs(s, records))
        result: ImportResult = change.result
        self.notify(
            self.tr("Import: %1 need(s) created, %2 updated, %3 project(s) created.")
            .replace("%1", str(result.created))
            .replace("%2", str(result.updated))
            .replace("%3", str(result.projects_created))
        )
        return result

    @Slot()
    def export_csv(self) -> None:
        from po_desktop.io.csv_needs import write_needs_csv  # loaded on use: start-up time

        default = self.workspace.database.path.with_suffix(".csv").name
        path = feedback.sink().choose_save(
            self,
            self.tr("Export needs"),
            Purpose.EXPORT,
            default,
            self.tr("CSV files (*.csv)"),
            ".csv",
        )
        if path is None:
            return
        try:
            if self.workspace.database.owns(path):
                raise DatabaseFileError("db.output_is_database", path=str(path))
            with self.workspace.session() as session:
                count = write_needs_csv(session, path)
        except PoDesktopError as exc:  # a write error too: said by the atomic writer
            feedback.sink().warn(self, self.tr("Export failed"), exc.render())
            return
        self.statusBar().showMessage(self.tr("%n need(s) exported.", "", count), 6000)

    # ----- dialogs ------------------------------------------------------------------------
    @Slot()
    def show_projects(self) -> None:
        dialog = ProjectsDialog(self.workspace, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # stops listening when closed
        feedback.sink().run(dialog)

    @Slot()
    def show_people(self) -> None:
        dialog = PeopleDialog(self.workspace, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        feedback.sink().run(dialog)

    @Slot()
    def show_guide(self) -> None:
        from po_desktop.ui.help_dialogs import GuideDialog

        dialog = GuideDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        feedback.sink().run(dialog)

    @Slot()
    def show_shortcuts(self) -> None:
        dialog = self.shortcuts_dialog()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        feedback.sink().run(dialog)

    def shortcuts_dialog(self) -> QDialog:
        """Every menu action that has keys, and the board's own keys."""
        from po_desktop.ui.help_dialogs import ShortcutsDialog

        menus = [m.menu() for m in self.menuBar().actions() if m.menu() is not None]
        return ShortcutsDialog([a for menu in menus for a in _leaves(menu)], self)  # type: ignore[arg-type]

    @Slot(str)
    def _region_chosen(self, code: str) -> None:
        label = self.welcome.region.currentText()
        try:
            self.workspace.set_holiday_region(
                code, self.tr("Public holidays: %1").replace("%1", label)
            )
        except PoDesktopError as exc:
            feedback.sink().warn(self, self.tr("Public holidays"), exc.render())

    @Slot()
    def about(self) -> None:
        from po_desktop.ui.about_dialog import AboutDialog

        dialog = AboutDialog(self.workspace, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        feedback.sink().run(dialog)

    @Slot()
    def show_preferences(self) -> None:
        from po_desktop.ui.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self.workspace, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if feedback.sink().run(dialog) and dialog.language_changed:
            feedback.sink().inform(
                self,
                self.tr("Preferences"),
                self.tr("The new language will be used the next time you start PO Desktop."),
            )

    @Slot(str)
    def _show_failure(self, text: str) -> None:
        feedback.sink().warn(self, APP_NAME, text)

    # ----- window state -------------------------------------------------------------------
    def _splitters(self) -> dict[str, QSplitter]:
        return {
            "scoring": self.scoring.splitter,
            "calendar": self.calendar.splitter,
            "calendar_side": self.calendar.side_splitter,
        }

    def _restore_window_state(self) -> None:
        """Where the user left it: size and place, splitters, the view they were in."""
        geometry = self.settings.window_geometry
        if geometry:
            self.restoreGeometry(QByteArray(geometry))
        state = self.settings.window_state
        if state:
            self.restoreState(QByteArray(state))
        for name, splitter in self._splitters().items():
            saved = self.settings.splitter_state(name)
            if saved:
                splitter.restoreState(QByteArray(saved))
        self.tabs.setCurrentIndex(self.settings.last_view)

    def _save_window_state(self) -> None:
        self.settings.window_geometry = self.saveGeometry().data()
        self.settings.window_state = self.saveState().data()
        for name, splitter in self._splitters().items():
            self.settings.set_splitter_state(name, splitter.saveState().data())
        self.settings.last_view = self.tabs.currentIndex()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.scoring.form.is_dirty() and not self.scoring.leave_form():
            event.ignore()  # the scoring is still being typed
            return
        state = self.workspace.file_state()
        if state is not rescue.FileState.PRESENT:
            # Closing would drop the only copy of the workspace left: the open one.
            answer = feedback.sink().ask_unsaved(
                self,
                APP_NAME,
                rescue.refusal(self.workspace.database.path, state).render()
                + "\n\n"
                + self.tr("Save it to a new file before closing?"),
            )
            if answer is Unsaved.CANCEL or (answer is Unsaved.SAVE and self.save_as() is None):
                event.ignore()
                return
        self._save_board_state()
        self._save_window_state()
        self.settings.sync()
        self.autobackup.wait()  # a copy cut short would be thrown away
        self.workspace.close()
        super().closeEvent(event)


def _leaves(menu: QMenu) -> list[QAction]:
    """Every action of a menu and of its submenus."""
    found: list[QAction] = []
    for action in menu.actions():
        sub = action.menu()
        if sub is not None:
            found.extend(_leaves(sub))  # type: ignore[arg-type]
        elif not action.isSeparator():
            found.append(action)
    return found
