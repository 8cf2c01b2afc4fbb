"""Every action of the main window, and the menus and toolbar that offer them: here, once.

An action names what runs it (the files, the exchange, the need actions, a page, the
window); the menus and the toolbar are lists of actions. The keyboard-shortcuts
dialog reads the menus, so a shortcut declared here is documented there.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Qt, SignalInstance
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QLabel, QMenu, QMenuBar, QToolBar

from po_desktop.ui import icons

if TYPE_CHECKING:
    from po_desktop.ui.main_window import MainWindow

VIEW_ICONS = ("view-board", "view-list", "view-scoring", "view-calendar")


SHORTCUT_NAME = "shortcut_name"
"""An action's name in the shortcuts list when its text changes (Undo « Move ERP-4 »)."""


class WindowActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        files, exchange, needs = window.files, window.exchange, window.needs
        std = QKeySequence.StandardKey
        make = self._action
        # ----- File
        self.new_db_action = make(
            self.tr("&New database…"), files.new_database, None, "database-new"
        )
        self.open_action = make(self.tr("&Open…"), files.open_database_dialog, std.Open, "open")
        self.connect_action = make(
            self.tr("Connect to a team &workspace…"), window.team.connect_dialog, None, "open"
        )
        self.recent_menu = files.recent_menu
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self.recent_menu.setIcon(icons.icon("recent"))
        self.save_copy_action = make(
            self.tr("Save a &copy…"), files.save_copy, std.SaveAs, "save-copy"
        )
        self.save_as_action = make(self.tr("Save &as…"), files.save_as, None, "save-copy")
        self.save_as_action.setToolTip(
            self.tr("Save the open workspace to a new file and go on working in that file")
        )
        self.backup_action = make(self.tr("&Back up now"), files.backup_now, None, "backup")
        self.restore_action = make(
            self.tr("Res&tore a backup…"), files.restore_backup, None, "restore"
        )
        self.import_action = make(
            self.tr("&Import needs (Excel, CSV, Jira, Trello)…"),
            exchange.import_needs,
            None,
            "import",
        )
        self.export_action = make(
            self.tr("&Export needs (Excel, CSV)…"), exchange.export_needs, None, "export"
        )
        self.ics_action = make(
            self.tr("Export the &calendar (.ics)…"),
            lambda: window.calendar.export_ics(),  # the page is built when first used
            None,
            "calendar-export",
        )
        self.pack_action = make(
            self.tr("Sprint &review pack (PDF)…"), window.export_pack, None, "pack"
        )
        self.cards_action = make(
            self.tr("Print ca&rds…"), needs.printouts.print_selected_cards, None, "pack"
        )
        self.cards_action.setToolTip(
            self.tr("Cards to cut out for a physical board: the selected needs or a sprint's")
        )
        self.preferences_action = make(
            self.tr("Prefere&nces…"), window.show_preferences, std.Preferences, "preferences"
        )
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.quit_action = make(self.tr("&Quit"), window.close, std.Quit, "quit")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        # ----- Edit
        self.new_need_action = make(self.tr("&New need…"), needs.new, std.New, "need-new")
        self.new_need_action.setToolTip(self.tr("New need (Ctrl+N)"))
        self.edit_action = make(self.tr("&Edit need…"), needs.edit_selected, "Ctrl+E", "edit")
        self.delete_action = make(
            self.tr("&Delete need"), needs.delete_selected, std.Delete, "delete"
        )
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.archive_action = make(self.tr("&Archive need"), needs.archive_selected)
        self.archive_action.setToolTip(
            self.tr("Take the selected needs off the board; they stay searchable")
        )
        self.restore_need_action = make(self.tr("Res&tore need"), needs.restore_selected)
        self.find_action = make(self.tr("&Find"), window.focus_search, std.Find, "find")
        self.decision_action = make(
            self.tr("Send the deci&sion…"), needs.printouts.send_selected_decision, None, "export"
        )
        self.decision_action.setToolTip(
            self.tr("The decision letter (PDF) and its e-mail draft, for the requester")
        )
        # ----- View
        self.view_actions = [
            make(label, partial(window.tabs.setCurrentIndex, index), f"Ctrl+{index + 1}", icon)
            for index, (label, icon) in enumerate(
                zip(window.view_labels(), VIEW_ICONS, strict=True)
            )
        ]
        # Window-wide: F8 works from the search box too, and brings the scoring view.
        self.next_unscored_action = make(
            self.tr("&Next unscored need"), lambda: window.step_unscored(1), "F8"
        )
        self.previous_unscored_action = make(
            self.tr("&Previous unscored need"), lambda: window.step_unscored(-1), "Shift+F8"
        )
        # ----- Workspace
        self.projects_action = make(self.tr("&Projects…"), window.show_projects, None, "projects")
        self.people_action = make(self.tr("P&eople…"), window.show_people, None, "people")
        self.board_settings_action = make(
            self.tr("Board &columns…"), window.board.show_settings, None, "board-columns"
        )
        self.grids_action = make(
            self.tr("Scoring &grids…"), lambda: window.scoring.show_grids(), None, "grids"
        )
        # ----- Help
        self.guide_action = make(
            self.tr("Short &guide"), window.show_guide, std.HelpContents, "help"
        )
        self.shortcuts_action = make(
            self.tr("&Keyboard shortcuts"), window.show_shortcuts, "Ctrl+/", "keyboard"
        )
        self.about_action = make(self.tr("&About PO Desktop"), window.about, None, "about")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self._undo_actions()
        self.show_file_actions()
        files.opened.connect(self.show_file_actions)

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon: str | None = None,
    ) -> QAction:
        action = QAction(text, self.window)
        if icon is not None:
            action.setIcon(icons.icon(icon))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        # Through a lambda: ``triggered`` passes ``checked``, which a slot with an optional
        # first parameter (save_copy's target, restore_backup's source) took for a path.
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _undo_actions(self) -> None:
        """One undo and one redo for whichever database is open (a group of stacks)."""
        self.undo_group = QUndoGroup(self)
        self.undo_action = self.undo_group.createUndoAction(self.window, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setIcon(icons.icon("undo"))
        self.redo_action = self.undo_group.createRedoAction(self.window, self.tr("&Redo"))
        # Ctrl+Y as well, everywhere: what Windows and Office users press (Linux's
        # standard key is Ctrl+Shift+Z only).
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.redo_action.setIcon(icons.icon("redo"))
        # Their text names the step they would undo or redo; the shortcuts list names them.
        self.undo_action.setProperty(SHORTCUT_NAME, self.tr("Undo"))
        self.redo_action.setProperty(SHORTCUT_NAME, self.tr("Redo"))
        # The toolbar's buttons keep one short label, so the toolbar never shifts under the
        # mouse; what they would undo or redo is in their tooltip and in the Edit menu.
        self.undo_button = self._twin(
            self.tr("Undo"), "undo", self.undo_group.undo, self.undo_group.canUndoChanged
        )
        self.undo_group.undoTextChanged.connect(
            lambda text: self.undo_button.setToolTip(
                self.tr("Undo: %1 (Ctrl+Z)").replace("%1", text) if text else self.tr("Undo")
            )
        )
        self.redo_button = self._twin(
            self.tr("Redo"), "redo", self.undo_group.redo, self.undo_group.canRedoChanged
        )
        self.undo_group.redoTextChanged.connect(
            lambda text: self.redo_button.setToolTip(
                self.tr("Redo: %1 (Ctrl+Y)").replace("%1", text) if text else self.tr("Redo")
            )
        )

    def _twin(
        self, text: str, icon: str, slot: Callable[[], object], enabled: SignalInstance
    ) -> QAction:
        """A toolbar button doing what a menu action does, under a label that stays put."""
        action = QAction(icons.icon(icon), text, self.window)
        action.setEnabled(False)
        action.triggered.connect(lambda _checked=False: slot())
        enabled.connect(action.setEnabled)
        return action

    def show_file_actions(self) -> None:
        """Save as, back up and restore work on a file: disabled for a team workspace
        (its copies are pull and pg_dump), and restore for a file that is only read."""
        database = self.window.workspace.database
        for action in (self.save_as_action, self.backup_action):
            action.setEnabled(not database.is_server)
        self.restore_action.setEnabled(not database.is_server and not database.read_only)

    def writes(self) -> list[QAction]:
        """What changes the workspace: disabled while it can only be read."""
        board = self.window.board
        return [
            self.new_need_action,
            self.delete_action,
            self.archive_action,
            self.restore_need_action,
            self.import_action,
            board.duplicate_action,
            *board.move_actions,
            self.next_unscored_action,
            self.previous_unscored_action,
        ]

    # ----- menus and toolbar --------------------------------------------------------------
    def fill_menus(self, bar: QMenuBar) -> None:
        board = self.window.board
        self._menu(
            bar.addMenu(self.tr("&File")),
            self.new_db_action,
            self.open_action,
            self.connect_action,
            self.recent_menu,
            self.save_as_action,
            self.save_copy_action,
            None,
            self.backup_action,
            self.restore_action,
            None,
            self.import_action,
            self.export_action,
            self.ics_action,
            self.pack_action,
            self.cards_action,
            None,
            self.preferences_action,
            None,
            self.quit_action,
        )
        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        cards = QMenu(self.tr("Move &card"), self.edit_menu)
        self._menu(cards, *board.move_actions)
        self._menu(
            self.edit_menu,
            self.undo_action,
            self.redo_action,
            None,
            self.new_need_action,
            self.edit_action,
            self.delete_action,
            self.archive_action,
            self.restore_need_action,
            self.find_action,
            cards,
            board.duplicate_action,
            None,
            self.decision_action,
        )
        self._menu(
            bar.addMenu(self.tr("&View")),
            *self.view_actions,
            None,
            self.next_unscored_action,
            self.previous_unscored_action,
        )
        self._menu(
            bar.addMenu(self.tr("&Workspace")),
            self.projects_action,
            self.people_action,
            self.board_settings_action,
            self.grids_action,
        )
        self._menu(
            bar.addMenu(self.tr("&Help")),
            self.guide_action,
            self.shortcuts_action,
            None,
            self.about_action,
        )

    @staticmethod
    def _menu(menu: QMenu, *entries: QAction | QMenu | None) -> None:
        for entry in entries:
            if entry is None:
                menu.addSeparator()
            elif isinstance(entry, QMenu):
                menu.addMenu(entry)
            else:
                menu.addAction(entry)

    def fill_toolbar(self, toolbar: QToolBar) -> None:
        window = self.window
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
        toolbar.addWidget(window.project_filter)
        toolbar.addSeparator()
        toolbar.addWidget(window.search)
