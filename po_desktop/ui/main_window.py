"""The main window: a shell around the pages.

It builds the pieces and wires them: the :class:`~po_desktop.ui.host.Host` every page
gets, the pages and their tabs (:mod:`~po_desktop.ui.views`), the actions and menus
(:mod:`~po_desktop.ui.window_actions`), the need actions, the open database's life
(:mod:`~po_desktop.ui.lifecycle`) and the file exchange (:mod:`~po_desktop.ui.exchange`).
What stays here: the banners, the window-level dialogs, the window's own state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QSize, Qt, Slot
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QMainWindow,
    QMenu,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from po_desktop import APP_NAME
from po_desktop.store import rescue
from po_desktop.store.queries import NeedRow
from po_desktop.ui import feedback, window_state
from po_desktop.ui.auto_archive import AutoArchive
from po_desktop.ui.banner import ALERT, INFO, NOTICE, MessageBar
from po_desktop.ui.board.page import BoardPage
from po_desktop.ui.exchange import Exchange
from po_desktop.ui.feedback import Unsaved
from po_desktop.ui.host import Host
from po_desktop.ui.lifecycle import Files
from po_desktop.ui.models import SprintTableModel
from po_desktop.ui.need_actions import NeedActions
from po_desktop.ui.settings import Settings
from po_desktop.ui.status_bar import ElidedLabel, StatusBar
from po_desktop.ui.team_link import TeamLink
from po_desktop.ui.views import Views
from po_desktop.ui.window_actions import WindowActions
from po_desktop.ui.workspace import Workspace

if TYPE_CHECKING:
    from po_desktop.ui.calendar.page import CalendarPage
    from po_desktop.ui.scoring.page import ScoringPage


class MainWindow(QMainWindow):
    BOARD, LIST, SCORING, CALENDAR = Views.BOARD, Views.LIST, Views.SCORING, Views.CALENDAR

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings or Settings()
        feedback.sink().settings = self.settings  # file choosers remember their folders
        self.setMinimumSize(QSize(900, 560))
        self.status_bar = StatusBar(self)
        self.setStatusBar(self.status_bar)
        self.notice_bar = MessageBar(NOTICE)
        self.lost_bar = MessageBar(ALERT)
        self.read_only_bar = MessageBar(INFO)
        self.host = Host(self, workspace, self.settings, self.notice_bar)
        self.needs = NeedActions(
            self.host, lambda: self.views.current_page(), lambda: self.project_filter.currentData()
        )
        self.sprint_model = SprintTableModel(self)
        self.board = BoardPage(self.host, self.needs)
        self.views = Views(
            self.host, self.board, self._make_scoring, self._make_calendar, self.sprint_model
        )
        self.tabs, self.welcome = self.views.tabs, self.views.welcome
        self.needs_list, self.board_stack = self.views.needs_list, self.views.board_stack
        self.search, self.project_filter = self.views.search, self.views.project_filter
        self.count_label, self.filter_bar = self.views.count_label, self.views.filter_bar
        self.files = Files(self.host, self.lost_bar, QMenu(self))
        self.files.closing.connect(self._workspace_closing)
        self.files.opened.connect(self._workspace_opened)
        self.autobackup = self.files.autobackup
        self.auto_archive = AutoArchive(self.host)
        self.exchange = Exchange(self.host)
        self.team_bar = MessageBar(ALERT)
        self.team = TeamLink(self.host, self.files, self.team_bar, self.status_bar)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for bar in (
            self.lost_bar,
            self.team_bar,
            self.read_only_bar,
            self.notice_bar,
            self.filter_bar,
        ):
            layout.addWidget(bar)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        # The file's path or the team's address, also the window's title: the first to
        # give its room to a status message.
        self.file_label = ElidedLabel(Qt.TextElideMode.ElideMiddle, minimum_chars=16)
        self.file_label.setContentsMargins(16, 0, 4, 0)  # apart from the count before it
        self.status_bar.addPermanentWidget(self.count_label)
        self.status_bar.add_yielding(self.file_label, order=0)

        self.actions = WindowActions(self)
        self.actions.fill_menus(self.menuBar())
        toolbar = QToolBar(self.tr("Main toolbar"))
        self.actions.fill_toolbar(toolbar)
        self.addToolBar(toolbar)
        self._connect_pages()
        self._connect_workspace()
        self.settings.remember_database(workspace.database.location)
        if workspace.signed_as != self.settings.who_am_i:  # not signed in as it yet
            workspace.sign_in(self.settings.who_am_i)
        self.views.reload(first=True)
        self._prepare_actions()
        self._update_title()
        window_state.restore(self, self.settings, self.tabs)

    @property
    def scoring(self) -> ScoringPage:
        """The scoring page (built when first shown or used)."""
        return self.views.scoring

    @property
    def calendar(self) -> CalendarPage:
        """The calendar page (built when first shown or used)."""
        return self.views.calendar

    def _make_scoring(self) -> ScoringPage:
        from po_desktop.ui.scoring.page import ScoringPage

        page = ScoringPage(self.host)
        page.open_requested.connect(self.needs.edit)
        page.list.menu_requested.connect(self._show_need_menu)
        page.list.view.addAction(self.actions.delete_action)
        page.decision_requested.connect(self.needs.printouts.send_decision)
        window_state.restore_splitters(self.settings, {"scoring": page.splitter})
        return page

    def _make_calendar(self) -> CalendarPage:
        from po_desktop.ui.calendar.page import CalendarPage

        page = CalendarPage(self.host, self.sprint_model)
        splitters = {"calendar": page.splitter, "calendar_side": page.side_splitter}
        window_state.restore_splitters(self.settings, splitters)
        return page

    @property
    def workspace(self) -> Workspace:
        return self.host.workspace

    @property
    def need_rows(self) -> list[NeedRow]:
        """The loaded needs (tests and the screenshot tool read them)."""
        return self.host.rows.rows

    def view_labels(self) -> list[str]:
        return self.views.labels()

    def current_page(self) -> object:
        return self.views.current_page()

    def _connect_pages(self) -> None:
        # The scoring page's own are made when it is built (_make_scoring).
        for page in (self.board, self.needs_list):
            page.open_requested.connect(self.needs.edit)
        self.needs_list.menu_requested.connect(self._show_need_menu)
        delete = self.actions.delete_action
        self.needs_list.view.addAction(delete)
        self.board.addAction(delete)
        self.board.addAction(self.actions.edit_action)
        self.board.scoring_requested.connect(self.open_scoring)
        welcome = self.welcome
        welcome.projects_requested.connect(self.show_projects)
        welcome.people_requested.connect(self.show_people)
        welcome.need_requested.connect(self.needs.new)
        welcome.import_requested.connect(self.exchange.import_needs)
        welcome.guide_requested.connect(self.show_guide)
        welcome.region_chosen.connect(self._region_chosen)

    # ----- the open workspace -------------------------------------------------------------
    def _connect_workspace(self) -> None:
        workspace = self.workspace
        group = self.actions.undo_group
        group.addStack(workspace.undo_stack)
        group.setActiveStack(workspace.undo_stack)
        workspace.changes_applied.connect(self.views.changes_applied)
        workspace.failed.connect(self._show_failure)
        workspace.undo_stack.cleanChanged.connect(self._update_title)
        self._show_read_only()
        self.views.restore_board_state()

    @Slot(object)
    def _workspace_closing(self, old: Workspace) -> None:
        """Let go of the open file: its undo history, its selections."""
        self.views.save_board_state()
        old.changes_applied.disconnect(self.views.changes_applied)
        old.failed.disconnect(self._show_failure)
        old.undo_stack.cleanChanged.disconnect(self._update_title)
        self.actions.undo_group.removeStack(old.undo_stack)
        # Ids mean other needs in another file: forget selections and the project filter;
        # the new file's own board filters come back from the settings.
        self.views.forget()

    @Slot()
    def _workspace_opened(self) -> None:
        self._connect_workspace()
        self.views.forget()
        self.views.reload()
        self._prepare_actions()
        self._update_title()
        self.auto_archive.workspace_opened()

    def _prepare_actions(self) -> None:
        """The workspace's first undoable action readied once the board is painted."""
        workspace = self.workspace

        def prepare() -> None:
            if workspace is self.workspace and self.isVisible():  # not closed, not replaced
                workspace.prepare_actions()

        self.views.after_first_paint(prepare)

    def reload(self) -> None:
        self.views.reload()

    def _show_read_only(self) -> None:
        """A workspace that can only be read says so, and why; its edit actions wait."""
        reason = self.workspace.read_only_reason()
        for action in self.actions.writes():
            action.setEnabled(not reason)
        self.board.setAcceptDrops(not reason)
        if reason:
            self.read_only_bar.show_message(reason, closable=False)
        else:
            self.read_only_bar.dismiss()

    def _update_title(self) -> None:
        database = self.workspace.database
        self.setWindowTitle(f"{database.title} — {APP_NAME}")
        self.file_label.setText(database.location)
        self.file_label.setToolTip(database.location)

    @Slot(str)
    def _show_failure(self, text: str) -> None:
        feedback.sink().warn(self, APP_NAME, text)

    # ----- moving between pages -----------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

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

    def export_pack(self) -> None:
        """The pack of the sprint chosen in the calendar (the active one by default)."""
        self.tabs.setCurrentIndex(self.CALENDAR)
        self.calendar.export_pack()

    # ----- window-level dialogs -----------------------------------------------------------
    def show_projects(self) -> None:
        from po_desktop.ui.workspace_dialogs import ProjectsDialog

        self.host.run_dialog(ProjectsDialog(self.workspace, self))

    def show_people(self) -> None:
        from po_desktop.ui.workspace_dialogs import PeopleDialog

        self.host.run_dialog(PeopleDialog(self.workspace, self))

    def show_guide(self) -> None:
        from po_desktop.ui.help_dialogs import GuideDialog

        self.host.run_dialog(GuideDialog(self))

    def show_shortcuts(self) -> None:
        self.host.run_dialog(self.shortcuts_dialog())

    def shortcuts_dialog(self) -> QDialog:
        """Every menu action that has keys, and the board's own keys."""
        from po_desktop.ui.help_dialogs import ShortcutsDialog

        menus = [m.menu() for m in self.menuBar().actions() if m.menu() is not None]
        return ShortcutsDialog([a for menu in menus for a in _leaves(menu)], self)  # type: ignore[arg-type]

    @Slot(str)
    def _region_chosen(self, code: str) -> None:
        label = self.welcome.region.currentText()
        self.host.attempt(
            self.tr("Public holidays"),
            lambda: self.workspace.set_holiday_region(
                code, self.tr("Public holidays: %1").replace("%1", label)
            ),
        )

    def about(self) -> None:
        from po_desktop.ui.about_dialog import AboutDialog

        self.host.run_dialog(AboutDialog(self.workspace, self))

    def show_preferences(self) -> None:
        from po_desktop.ui.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self.workspace, self)
        if self.host.run_dialog(dialog) and dialog.language_changed:
            feedback.sink().inform(
                self,
                self.tr("Preferences"),
                self.tr("The new language will be used the next time you start PO Desktop."),
            )

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.host.can_leave():
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
            if answer is Unsaved.CANCEL or (
                answer is Unsaved.SAVE and self.files.save_as() is None
            ):
                event.ignore()
                return
        self.views.save_board_state()
        window_state.save(self, self.settings, self.views)
        self.settings.sync()
        self.autobackup.stop()
        self.team.stop()
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
