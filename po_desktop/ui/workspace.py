"""The open database as the GUI sees it: sessions, undo stack, change notification."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from sqlalchemy.orm import Session

from po_desktop.store import rescue
from po_desktop.store.database import Database
from po_desktop.store.errors import PoDesktopError
from po_desktop.store.services.needs import NeedChange, apply_snapshots

T = TypeVar("T")


class Workspace(QObject):
    """One per open database. Every view listens to :attr:`changed` and reloads."""

    changed = Signal()
    """Data changed (projects, people, columns...): views reload everything they show."""
    needs_changed = Signal(list)
    """Only these needs changed (a move, an edit, an undo of one): views patch those rows."""
    failed = Signal(str)
    """An undo or redo could not be applied; the text is for the user."""

    file_lost = Signal(object)
    """The database file is gone or replaced (a ``rescue.FileState``): saves are refused."""

    def __init__(self, database: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.undo_stack = QUndoStack(self)
        self.opened_as = rescue.identity(database.path)
        """The file opened (device, inode): its name must still lead to it for a save."""

    def file_state(self) -> rescue.FileState:
        return rescue.state(self.database.path, self.opened_as)

    def check_file(self) -> None:
        """Refuse a write while the file is not where it was opened: it would be lost."""
        state = self.file_state()
        if state is not rescue.FileState.PRESENT:
            self.file_lost.emit(state)
            raise rescue.refusal(self.database.path, state)

    def session(self) -> Session:
        return self.database.session()

    def read(self, fn: Callable[[Session], T]) -> T:
        with self.session() as session:
            return fn(session)

    def perform_need_change(self, text: str, action: Callable[[Session], NeedChange]) -> NeedChange:
        """Run a need service now and push its undo command; errors propagate unchanged."""
        self.check_file()
        with self.session() as session:
            change = action(session)
        self.undo_stack.push(NeedChangeCommand(self, text, change))
        self.needs_changed.emit(change.need_ids)
        return change

    def perform(
        self,
        text: str,
        do: Callable[[Session], T],
        undo: Callable[[Session, T], object],
        redo: Callable[[Session, T], T] | None = None,
    ) -> T:
        """Run any other service now; ``undo`` reverses it given what ``do`` returned."""
        self.check_file()
        with self.session() as session:
            result = do(session)
        self.undo_stack.push(
            CallbackCommand(self, text, result, undo, redo or (lambda s, _r: do(s)))
        )
        self.changed.emit()
        return result

    def set_holiday_region(self, code: str, text: str) -> bool:
        """Follow another public-holiday calendar, as one undoable step; False when unchanged."""
        from po_desktop.store.services import sprints

        if code == self.read(sprints.holiday_region):
            return False
        self.perform(
            text,
            lambda s: sprints.set_setting(s, sprints.REGION_KEY, code),
            lambda s, previous: sprints.set_setting(s, sprints.REGION_KEY, str(previous)),
        )
        return True

    def close(self) -> None:
        self.undo_stack.clear()
        self.database.close()


class NeedChangeCommand(QUndoCommand):
    """Undo applies the 'before' snapshots, redo the 'after' ones: exact, events included."""

    def __init__(self, workspace: Workspace, text: str, change: NeedChange) -> None:
        super().__init__(text)
        self.workspace = workspace
        self.change = change
        self._applied = True

    def _apply(self, states: dict) -> None:
        try:
            self.workspace.check_file()
            with self.workspace.session() as session:
                apply_snapshots(session, states)
        except PoDesktopError as exc:
            self.workspace.failed.emit(exc.render())
            self.setObsolete(True)
        self.workspace.needs_changed.emit(self.change.need_ids)

    def redo(self) -> None:
        if self._applied:
            self._applied = False  # the service already ran when the command was pushed
            return
        self._apply(self.change.after)

    def undo(self) -> None:
        self._apply(self.change.before)


class CallbackCommand(QUndoCommand):
    def __init__(
        self,
        workspace: Workspace,
        text: str,
        result: object,
        undo: Callable[[Session, object], object],
        redo: Callable[[Session, object], object],
    ) -> None:
        super().__init__(text)
        self.workspace = workspace
        self.result = result
        self._undo = undo
        self._redo = redo
        self._applied = True

    def _run(self, fn: Callable[[Session, object], object], keep: bool) -> None:
        try:
            self.workspace.check_file()
            with self.workspace.session() as session:
                outcome = fn(session, self.result)
            if keep:
                self.result = outcome
        except PoDesktopError as exc:
            self.workspace.failed.emit(exc.render())
            self.setObsolete(True)
        self.workspace.changed.emit()

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._run(self._redo, keep=True)

    def undo(self) -> None:
        self._run(self._undo, keep=False)
