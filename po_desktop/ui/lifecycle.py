"""The open database's life in the window: new, open, recent, save a copy, save as,
back up, restore, and the file gone from under the app.

Whatever replaces the open file goes through :meth:`Files.switch_to`: the pages are
asked to let go (an unsaved scoring), ``closing`` lets the window disconnect the old
workspace, ``opened`` lets it show the new one.
"""

from __future__ import annotations

import gc
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QMenu

from po_desktop.store import backups, rescue
from po_desktop.store.database import Database, open_database
from po_desktop.store.errors import DatabaseFileError, PoDesktopError
from po_desktop.ui import feedback
from po_desktop.ui.autobackup import AutoBackup
from po_desktop.ui.banner import MessageBar
from po_desktop.ui.feedback import Purpose
from po_desktop.ui.host import Host
from po_desktop.ui.recovery import open_or_recover
from po_desktop.ui.workspace import Workspace

FILE_FILTER = "PO Desktop (*.podb *.db *.sqlite);;*"

FILE_CHECK_MS = 3000
"""How often the window checks that its database is still where it was opened."""


class Files(QObject):
    closing = Signal(object)
    """The workspace about to be closed (a Workspace): disconnect from it."""
    opened = Signal()
    """``host.workspace`` is another file now: show it."""
    server_requested = Signal(str)
    """A team workspace chosen in the recent list (its address): to connect to."""

    def __init__(self, host: Host, lost_bar: MessageBar, recent_menu: QMenu) -> None:
        super().__init__(host)
        self.host = host
        self.lost_bar = lost_bar
        self.recent_menu = recent_menu
        recent_menu.aboutToShow.connect(self.fill_recent_menu)
        self.autobackup = AutoBackup(
            lambda: None if self.server else self.path, lambda: host.settings.backup_policy, self
        )
        self.autobackup.finished.connect(self._backup_finished)
        self._backup_warned = False
        # The file may be deleted, moved or replaced under the app (a sync tool, a
        # colleague): noticed within seconds, and before any save.
        self.file_timer = QTimer(self)
        self.file_timer.setInterval(FILE_CHECK_MS)
        self.file_timer.timeout.connect(self.check_file)
        self.file_timer.start()
        self.watch(host.workspace)

    @property
    def _window(self) -> QMainWindow:
        return self.host.window

    @property
    def path(self) -> Path:
        return self.host.workspace.database.path

    def watch(self, workspace: Workspace) -> None:
        workspace.file_lost.connect(self._file_lost)

    # ----- opening ------------------------------------------------------------------------
    def new_database(self) -> None:
        path = feedback.sink().choose_save(
            self._window,
            self.tr("New database"),
            Purpose.DATABASE,
            "po-desktop.podb",
            FILE_FILTER,
            ".podb",
        )
        if path is not None:
            self.switch_database(path)

    def open_database_dialog(self) -> None:
        path = feedback.sink().choose_open(
            self._window, self.tr("Open database"), Purpose.DATABASE, FILE_FILTER
        )
        if path is not None:
            self.switch_database(path)

    def switch_database(self, path: Path) -> bool:
        if not self.server and Path(path).expanduser().resolve() == self.path:
            return True  # already open here (a recent file, the same name chosen again)
        if not self.host.can_leave():
            return False  # the user stays to finish a scoring in the current file
        database = open_or_recover(path, self._window, self.tr("Cannot open database"))
        if database is None:
            return False
        return self.switch_to(database)

    @property
    def server(self) -> bool:
        """The open workspace is a team's, on its server: no file to back up or watch."""
        return self.host.workspace.database.is_server

    def switch_to(self, database: Database) -> bool:
        """Work in ``database`` (opened by the caller) instead of the open workspace;
        False (and ``database`` closed) when the user stays to finish a form."""
        if not self.host.can_leave():
            database.close()
            return False
        self._detach()
        self._attach(database)
        if database.is_server:
            self.autobackup.timer.stop()  # the team's copies: pull, pg_dump (README)
        else:
            self.autobackup.run("open")
            self.autobackup.start()  # stopped while a lost file was shown
        return True

    def _detach(self) -> None:
        """Let go of the open file: its undo history, its lock, its selections."""
        self.autobackup.cancel_opening()
        self.autobackup.wait()
        old = self.host.workspace
        self.closing.emit(old)
        old.file_lost.disconnect(self._file_lost)
        self.lost_bar.dismiss()
        old.close()
        old.deleteLater()
        gc.unfreeze()  # what start-up made may be garbage now (ui.app: frozen after it)

    def _attach(self, database: Database) -> None:
        self.host.workspace = Workspace(
            database, self.host.window, who_am_i=self.host.settings.who_am_i
        )
        self.watch(self.host.workspace)
        self.host.settings.remember_database(database.location)
        self.opened.emit()

    def _reopen(self, path: Path) -> bool:
        try:
            database = open_database(path)
        except PoDesktopError as exc:
            feedback.sink().fail(self._window, self.tr("Cannot open database"), exc.render())
            self._window.close()
            return False
        self._attach(database)
        return True

    def fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        current = self.host.workspace.database.location
        shown = [p for p in self.host.settings.recent_databases if p != current]
        for index, text in enumerate(shown):
            if "://" in text:  # a team workspace: its address (never with a password)
                action = menu.addAction(f"&{index + 1}  " + text.replace("&", "&&"))
                action.setData(text)
                action.setToolTip(text)
                action.triggered.connect(lambda _c=False, a=text: self.server_requested.emit(a))
                continue
            path = Path(text)
            shown_name = f"{path.name}  —  {path.parent}".replace("&", "&&")  # not a shortcut
            action = menu.addAction(f"&{index + 1}  {shown_name}")
            action.setData(text)
            action.setToolTip(text)
            if not path.exists():
                action.setEnabled(False)
                action.setText(action.text() + "  " + self.tr("(not found)"))
            action.triggered.connect(lambda _c=False, p=path: self.switch_database(p))
        if not shown:
            menu.addAction(self.tr("No other database yet")).setEnabled(False)
            return
        menu.addSeparator()
        menu.addAction(self.tr("Clear the list"), self._clear_recent)

    def _clear_recent(self) -> None:
        self.host.settings.recent_databases = [self.host.workspace.database.location]

    # ----- copies -------------------------------------------------------------------------
    def save_copy(self, target: Path | None = None) -> Path | None:
        """Write a consistent, verified copy of the open database to a file of the user's."""
        if target is None:
            target = feedback.sink().choose_save(
                self._window,
                self.tr("Save a copy"),
                Purpose.COPY,
                f"{self.path.stem} ({self.tr('copy')}).podb",
                FILE_FILTER,
                ".podb",
            )
            if target is None:
                return None
        chosen = target

        def copy() -> Path:
            if self.server:  # the team workspace as it is on its server, into a file
                from po_desktop.store import transfer

                transfer.pull(self.host.workspace.database.engine, chosen)
            elif self.host.workspace.file_state() is rescue.FileState.PRESENT:
                backups.save_copy(self.path, chosen)
            else:  # the file is gone: copy what the app still holds open
                self._check_target(chosen)
                rescue.save_open(self.host.workspace.database.engine, chosen)
            return chosen

        if self.host.attempt(self.tr("Save a copy"), copy) is None:
            return None
        self.host.status(self.tr("Copy saved: %1").replace("%1", str(target)), 8000)
        return target

    def _check_target(self, target: Path) -> None:
        """Never write over the open database, nor over a file open in PO Desktop."""
        if self.host.workspace.database.owns(target):
            raise DatabaseFileError("db.output_is_database", path=str(target))
        if target.exists():
            from po_desktop.store.engine import FileLock

            lock = FileLock(target)
            lock.acquire()  # refused when another window or instance has it open
            lock.release()

    def save_as(self, target: Path | None = None) -> Path | None:
        """The open workspace to a new file, then the window works in that file: the way
        out when the file was deleted or replaced under the app, and a plain Save as."""
        if target is None:
            target = feedback.sink().choose_save(
                self._window,
                self.tr("Save as"),
                Purpose.COPY,
                f"{self.path.stem}.podb",
                FILE_FILTER,
                ".podb",
                self.path.parent,  # where the workspace was: where its user looks for it
            )
            if target is None:
                return None
        if self.server or not self.host.can_leave():
            return None  # a team workspace: Save a copy writes it to a file
        chosen = target

        def write() -> bool:
            self._check_target(chosen)
            rescue.save_open(self.host.workspace.database.engine, chosen)
            return True

        if self.host.attempt(self.tr("Save as"), write) is None:
            return None
        if not self.switch_database(target):
            return None
        self.host.notify(
            self.tr("Saved as %1: you are now working in this file.").replace("%1", str(target)),
            undo=False,
        )
        return target

    # ----- the file gone ------------------------------------------------------------------
    def check_file(self) -> None:
        """The database must still be at its name: a banner and a way out when it is not."""
        if self.server:
            return
        state = self.host.workspace.file_state()
        if state is rescue.FileState.PRESENT:
            if self.lost_bar.isVisible():  # put back where it was
                self.lost_bar.dismiss()
                self.autobackup.start()
            return
        self._file_lost(state)

    def _file_lost(self, state: rescue.FileState) -> None:
        if self.lost_bar.isVisible():
            return
        self.autobackup.timer.stop()  # nothing left to copy from that name
        self.lost_bar.show_message(
            rescue.refusal(self.path, state).render(),
            [(self.tr("Save as…"), self.save_as)],
            closable=False,
        )

    # ----- backups ------------------------------------------------------------------------
    def backup_now(self) -> None:
        if self.server:
            return  # the action is disabled: the team's copies are pull and pg_dump
        if self.autobackup.run("manual"):
            self.host.status(self.tr("Backing up…"), 0)

    def _backup_finished(self, copy: Path | None, error: str) -> None:
        if copy is not None:
            self.host.status(self.tr("Backup saved and verified: %1").replace("%1", copy.name))
            return
        self.host.status(self.tr("Backup failed: %1").replace("%1", error), 0)
        if not self._backup_warned:  # once per session: the status bar says it after that
            self._backup_warned = True
            self.host.warn(
                self.tr("Backup failed"),
                self.tr("The automatic backup could not be written:")
                + f"\n\n{error}\n\n"
                + self.tr("Your database is unchanged. Check the free space on the disk."),
            )

    def restore_backup(self, source: Path | None = None) -> bool:
        """Replace the open database with a backup; the current file is kept aside."""
        if self.server:
            return False  # disabled: a team workspace is restored by its administrator
        path = self.path
        if source is None:
            folder = backups.folder_for(path)
            source = feedback.sink().choose_open(
                self._window,
                self.tr("Restore a backup"),
                Purpose.BACKUP,
                FILE_FILTER,
                folder if folder.is_dir() else path.parent,
            )
            if source is None:
                return False
            if not feedback.sink().ask(
                self._window,
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
        if not self.host.can_leave():
            return False
        title = self.tr("Restore a backup")
        chosen = source

        def check() -> Path:
            backups.check_restorable(path, chosen)
            return chosen

        # A copy that cannot be used is refused while the workspace is still open.
        if self.host.attempt(title, check) is None:
            return False
        self._detach()
        try:  # the file kept aside, in a tuple: None means refused
            done = self.host.attempt(title, lambda: (backups.restore(path, chosen),))
        finally:
            # Whatever happened, the window works on an open, locked file again.
            reopened = self._reopen(path)
        if done is None or not reopened:
            return False
        message = self.tr("Backup restored.")
        (kept,) = done
        if kept is not None:
            message += " " + self.tr("Previous file kept: %1").replace("%1", kept.name)
        self.host.status(message, 15000)
        return True
