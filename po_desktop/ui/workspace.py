"""The open database as the GUI sees it: sessions, the one way to write, the undo stack.

Every write of the interface is ``workspace.perform(text, service_call)``: the service
runs in its own transaction, what it changed is recorded row by row
(:mod:`po_desktop.store.changes`), the change goes on the undo stack, and
:attr:`Workspace.changes_applied` tells every view what changed, so each refreshes
only what the change's kinds concern. Undo and redo apply the same change backwards
and forwards: no screen ever writes an inverse operation.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from sqlalchemy.orm import Session

from po_desktop.store import changes, identity, live, rescue
from po_desktop.store.changes import Change
from po_desktop.store.database import Database
from po_desktop.store.errors import PoDesktopError, StorageError

T = TypeVar("T")


class Workspace(QObject):
    """One per open database."""

    changes_applied = Signal(object)
    """A :class:`Change` was made, undone or redone: views refresh what its kinds say."""
    failed = Signal(str)
    """An undo or redo could not be applied; the text is for the user."""
    file_lost = Signal(object)
    """The database file is gone or replaced (a ``rescue.FileState``): saves are refused."""

    def __init__(
        self, database: Database, parent: QObject | None = None, who_am_i: str | None = None
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.undo_stack = QUndoStack(self)
        self.opened_as = None if database.is_server else rescue.identity(database.path)
        """The file opened (device, inode): its name must still lead to it for a save."""
        self.unreachable = ""
        """Why the team server cannot be used now ("" while it answers): writes are refused
        at once instead of waiting for a connection that will not come."""
        self.author = identity.NOBODY
        """Who writes here: every change, event and comment made through it says so."""
        self.signed_as: str | None = None
        """The "who am I" the author was found from (:meth:`sign_in`)."""
        self.sign_in(who_am_i)

    def sign_in(self, who_am_i: str | None) -> identity.Author:
        """Sign what this window writes as ``who_am_i`` (the "who am I" preference: a
        person of the workspace by login or name, or any name); empty or None: the
        computer's login name, matched to a person when one has it."""
        self.author = self.read(lambda session: identity.who(session, who_am_i))
        self.signed_as = who_am_i
        identity.sign_in(self.database.sessions, self.author)
        return self.author

    def file_state(self) -> rescue.FileState:
        if self.database.is_server:  # no file: the server keeps the workspace
            return rescue.FileState.PRESENT
        return rescue.state(self.database.path, self.opened_as)

    def check_file(self) -> None:
        """Refuse a write while the file is not where it was opened: it would be lost."""
        state = self.file_state()
        if state is not rescue.FileState.PRESENT:
            self.file_lost.emit(state)
            raise rescue.refusal(self.database.path, state)

    def session(self) -> Session:
        return self.database.session()

    def read_only_reason(self) -> str:
        """Why nothing can be changed here ("" when everything can)."""
        reason = self.database.read_only_reason
        return reason.render() if reason is not None else ""

    def read(self, fn: Callable[[Session], T]) -> T:
        with self.session() as session:
            return fn(session)

    def perform(self, text: str, action: Callable[[Session], object]) -> Change:
        """Run one user action (a service call) now, as one undoable step named ``text``.

        Returns what it changed, with the service's own return value in
        ``change.result``. A refusal (:class:`PoDesktopError`) propagates unchanged,
        with nothing written and nothing on the undo stack.
        """
        self.check_file()
        if self.unreachable:
            raise StorageError("team.unreachable", detail=self.unreachable)
        banner = self.database.read_only_reason
        if self.database.read_only:  # said before anything runs, in the user's words
            why = banner.params.get("reason", "") if banner is not None else ""
            raise StorageError("db.read_only_write", reason=why)
        with self.session() as session, changes.capture(session) as change:
            change.result = action(session)
        if not change.empty:
            self.undo_stack.push(ChangeCommand(self, text, change))
            self.changes_applied.emit(change)
        return change

    def prepare_actions(self) -> None:
        """Ready the first undoable action ahead of it, at idle time: the recording's
        triggers, installed on the first action otherwise (30 to 100 ms more on the first
        card move). Nothing is written to the file, nothing recorded; on a file that can
        only be read, or a team's server, nothing to do."""
        if self.database.read_only or self.database.is_server or self.unreachable:
            return
        if self.file_state() is not rescue.FileState.PRESENT:
            return  # the first action says why it cannot write
        with self.session() as session:
            changes.prepare(session)  # what fails here is left to the first action

    def try_perform(
        self,
        text: str,
        action: Callable[[Session], object],
        refused: Callable[[PoDesktopError], object],
    ) -> Change | None:
        """:meth:`perform`, with a refusal handed to ``refused`` (a form's error line, a
        message box) and None returned: the one "try, catch, show" of the interface."""
        try:
            return self.perform(text, action)
        except PoDesktopError as exc:
            refused(exc)
            return None

    def changed_elsewhere(self) -> None:
        """The database was written outside :meth:`perform`: every view reloads."""
        self.changes_applied.emit(Change.everything())

    def set_holiday_region(self, code: str, text: str) -> bool:
        """Follow another public-holiday calendar, as one undoable step; False when unchanged."""
        from po_desktop.store.services import workspace as settings

        if code == self.read(settings.holiday_region):
            return False
        self.perform(text, lambda s: settings.set_setting(s, settings.REGION_KEY, code))
        return True

    def close(self) -> None:
        self.undo_stack.clear()
        self.database.close()


class ChangeCommand(QUndoCommand):
    """Undo applies the change backwards, redo forwards: exact, ids and history included."""

    def __init__(self, workspace: Workspace, text: str, change: Change) -> None:
        super().__init__(text)
        self.workspace = workspace
        self.change = change
        self._pushed = True

    def _apply(self, backwards: bool) -> None:
        try:
            self.workspace.check_file()
            with self.workspace.session() as session, session.begin():
                applied = changes.apply(session, self.change, backwards=backwards)
                live.note_applied(session, applied)  # told to the other windows as it is
        except PoDesktopError as exc:  # changed since by something else: said, dropped
            self.workspace.failed.emit(exc.render())
            self.setObsolete(True)
            return
        self.workspace.changes_applied.emit(applied)

    def redo(self) -> None:
        if self._pushed:
            self._pushed = False  # the service already ran when the command was pushed
            return
        self._apply(backwards=False)

    def undo(self) -> None:
        self._apply(backwards=True)
