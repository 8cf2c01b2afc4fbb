"""Done and no-go needs leave the board by themselves, the workspace's number of days after.

Run when a workspace opens, then whenever the local date is no longer the one of the last
run (once a day while the app stays open, and at once after a night asleep). What leaves
is one undoable step of the archive service, on the undo stack like any action, and the
status bar says how many left and how to bring them back. Nothing happens when the
workspace's setting is off, when it can only be read, or when no need qualifies.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, QTimer

from po_desktop.store.changes import Change
from po_desktop.store.models import utcnow
from po_desktop.ui.host import Host

CHECK_EVERY_MS = 10 * 60 * 1000
"""How often to look whether the date changed since the last run."""
STATUS_MS = 20000
"""How long the status bar says what left: long enough to read it after opening."""


class AutoArchive(QObject):
    def __init__(self, host: Host, today: Callable[[], date] = date.today) -> None:
        super().__init__(host)
        self.host = host
        self._today = today
        self._last_day: date | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        """Archive what is due now, then look again each time the date changes."""
        self.run()
        self.timer.start()

    def workspace_opened(self) -> None:
        """Another file is open: its own setting and needs, at once (once started)."""
        if self.timer.isActive():
            self.run()

    def check(self) -> Change | None:
        """A run when the local date is not the one of the last run."""
        if self._today() == self._last_day:
            return None
        return self.run()

    def run(self) -> Change | None:
        """Archive the needs due; the change made, or None when nothing left the board."""
        from po_desktop.store.services import archive as archive_service  # after the paint

        self._last_day = self._today()
        workspace = self.host.workspace
        if workspace.read_only_reason():
            return None
        days = workspace.read(archive_service.auto_archive_days)
        if days is None:
            return None
        now = utcnow()
        count = len(workspace.read(lambda s: archive_service.closed_since(s, days, now)))
        if not count:
            return None
        span = self.tr("%n day(s)", "", days)
        change = workspace.try_perform(
            self.tr(
                "Archive automatically %n need(s) done or no-go for more than %1", "", count
            ).replace("%1", span),
            lambda s: archive_service.archive_done_needs(s, now=now, days=days),
            lambda exc: self.host.status(exc.render(), STATUS_MS),
        )
        if change is None or not change.result:
            return None
        left = len(change.result)
        self.host.status(
            self.tr(
                "%n need(s) done or no-go for more than %1 left the board (archived). "
                "Undo: Edit ▸ Undo (Ctrl+Z).",
                "",
                left,
            ).replace("%1", span),
            STATUS_MS,
        )
        return change
