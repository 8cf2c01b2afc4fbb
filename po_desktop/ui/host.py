"""The page contract: what the window gives every page and every action module.

A page (board, list, scoring, calendar) and an action module (need actions, files,
exchange) never reach into the window. They get a :class:`Host`: the open workspace
(which changes when another file is opened), the loaded need rows, and one way to
run a user action and say what happened:

- ``perform(text, service_call)`` runs a service as one undoable step; a refusal is
  shown through the feedback sink and the call returns None, so no caller writes
  its own "try, catch, show".
- ``attempt(title, fn)`` does the same for what is not a change (an export, a read
  that may find an older file's dates out of range).
- ``notify`` says what was just done, with Undo at hand; ``status`` is the quieter
  status-bar line.
- ``can_leave()`` asks every page holding unsaved input (the scoring form) before the
  workspace goes away.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QMainWindow
from shiboken6 import Shiboken
from sqlalchemy.orm import Session

from po_desktop import APP_NAME
from po_desktop.store import queries
from po_desktop.store.changes import Change
from po_desktop.store.errors import PoDesktopError
from po_desktop.ui import feedback
from po_desktop.ui.banner import MessageBar
from po_desktop.ui.need_rows import NeedRows
from po_desktop.ui.settings import Settings
from po_desktop.ui.workspace import Workspace

T = TypeVar("T")

NOTICE_MS = 12000
"""How long a notice stays under the toolbar."""


class Host(QObject):
    workspace_opened = Signal()
    """Another file is open: ids mean other needs now."""

    def __init__(
        self,
        window: QMainWindow,
        workspace: Workspace,
        settings: Settings,
        notice_bar: MessageBar,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.workspace = workspace
        self.settings = settings
        self.rows = NeedRows()
        self.notice_bar = notice_bar
        self._leave_checks: list[Callable[[], bool]] = []
        self._notice: tuple[QUndoStack, int, str] | None = None
        """The undo stack, its index after the action and the text of the notice shown."""
        self._watched: QUndoStack | None = None

    # ----- the workspace ------------------------------------------------------------------
    def read(self, fn: Callable[[Session], T]) -> T:
        return self.workspace.read(fn)

    def perform(
        self, text: str, action: Callable[[Session], object], *, title: str = APP_NAME
    ) -> Change | None:
        """One undoable user action named ``text``; a refusal is shown under ``title``
        and None returned, never raised."""
        return self.workspace.try_perform(text, action, lambda exc: self.warn(title, exc.render()))

    def attempt(self, title: str, fn: Callable[[], T]) -> T | None:
        """Run what may be refused (an export, a read of odd data): the refusal is said
        under ``title`` and None returned."""
        try:
            return fn()
        except PoDesktopError as exc:
            self.warn(title, exc.render())
            return None

    def problem_of(self, need_id: int) -> str:
        """A need's problem statement, read when a tooltip shows it: the loaded rows do
        not keep it. "" when it cannot be read (a team server gone)."""
        if self.workspace.unreachable:
            return ""
        try:
            return self.read(lambda session: queries.need_problem(session, need_id))
        except PoDesktopError:
            return ""

    def reload_rows(self) -> None:
        with self.workspace.session() as session:
            self.rows.load(session)

    def start_rows(self, per_column: int) -> None:
        """Each column's first cards when the workspace is large, else every row."""
        with self.workspace.session() as session:
            if not self.rows.load_start(session, per_column):
                self.rows.load(session)

    # ----- saying what happened -----------------------------------------------------------
    def warn(self, title: str, text: str) -> None:
        feedback.sink().warn(self.window, title, text)

    def status(self, text: str, ms: int = 6000) -> None:
        self.window.statusBar().showMessage(text, ms)

    def notify(self, text: str, *, undo: bool = True) -> None:
        """What was just done, in the bar under the toolbar; ``undo``: with an Undo button
        that undoes this action, and only this one."""
        stack = self.workspace.undo_stack
        index, command = stack.index(), stack.text(stack.index() - 1)

        def undo_it() -> None:
            if stack.index() == index and stack.text(index - 1) == command:
                stack.undo()
            else:
                self.status(self.tr("Other changes were made since: use Edit ▸ Undo."), 8000)

        actions = [(self.tr("Undo"), undo_it)] if undo and stack.canUndo() else []
        self.notice_bar.show_message(text, actions, timeout_ms=NOTICE_MS)
        if actions:  # undone another way (Ctrl+Z, Edit ▸ Undo): the notice no longer holds
            self._notice = (stack, index, text)
            if self._watched is not stack:  # a slot of this object: gone with the window
                stack.indexChanged.connect(self._notice_moved)
                self._watched = stack

    @Slot(int)
    def _notice_moved(self, _index: int) -> None:
        """Close the notice bar once the action it reports was undone."""
        if self._notice is None or not all(
            map(Shiboken.isValid, (self._notice[0], self.notice_bar))
        ):
            return  # no notice, or one of a file closed since, or of a window gone
        stack, index, text = self._notice
        if stack.index() < index and self.notice_bar.label.text() == text:
            self._notice = None
            self.notice_bar.dismiss()

    def run_dialog(self, dialog: QDialog) -> bool:
        """A window-level dialog, deleted when closed so it stops listening to changes."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return feedback.sink().run(dialog)

    # ----- leaving the workspace ----------------------------------------------------------
    def on_leave(self, check: Callable[[], bool]) -> None:
        """``check`` is asked before the workspace is closed or replaced; False stays."""
        self._leave_checks.append(check)

    def can_leave(self) -> bool:
        return all(check() for check in self._leave_checks)
