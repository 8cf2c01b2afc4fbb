"""Automatic backups while the application is open, off the GUI thread.

A verified copy of a large workspace takes a second or two (copy, then
``integrity_check``): done on a worker thread so typing never stalls. SQLite's
online backup reads through its own connection, so the GUI keeps writing.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from po_desktop.domain.backups import BackupPolicy
from po_desktop.store import backups
from po_desktop.store.errors import PoDesktopError

log = logging.getLogger(__name__)

CHECK_EVERY_MS = 10 * 60 * 1000
"""How often to ask whether a copy is due; the policy's interval decides."""


class AutoBackup(QObject):
    finished = Signal(object, str)
    """(path of the new copy or None, error text for the user or "")."""

    def __init__(
        self,
        database: Callable[[], Path | None],
        policy: Callable[[], BackupPolicy],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._policy = policy
        self._thread: threading.Thread | None = None
        self._last_copy: float | None = None
        """time.monotonic() of the last copy this session: the wall clock may be changed
        (set right after running ahead) while the app runs; this clock is not."""
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        self._opening = QTimer(self)
        self._opening.setSingleShot(True)
        self._opening.timeout.connect(lambda: self.run("open"))

    def start(self) -> None:
        self.timer.start()

    def open_soon(self, delay_ms: int) -> None:
        """The copy taken on opening, ``delay_ms`` from now (after the first paint);
        ``stop`` cancels it."""
        self._opening.start(delay_ms)

    def cancel_opening(self) -> None:
        """The copy :meth:`open_soon` planned not taken (its file is being left)."""
        self._opening.stop()

    def stop(self) -> None:
        """No copy started from now on, and the one in progress finished (closing): a
        copy cut short would be thrown away, and one started after the window closed
        would outlive it."""
        self.cancel_opening()
        self.timer.stop()
        self.wait()

    @property
    def busy(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def check(self) -> bool:
        """Take a copy when the policy says one is due; True when one was started."""
        path = self._database()
        elapsed = None if self._last_copy is None else time.monotonic() - self._last_copy
        if path is None:  # no file (a team workspace): its copies are made elsewhere
            return False
        if self.busy or not backups.is_due(path, self._policy(), elapsed_s=elapsed):
            return False
        return self.run("auto")

    def run(self, reason: str) -> bool:
        """Start a copy; the copy taken on opening is skipped when nothing changed since
        the newest one (ten quick restarts must not push every older copy out)."""
        path, policy = self._database(), self._policy()
        if self.busy or path is None:
            return False
        if reason == "open":
            self._last_copy = time.monotonic()  # the interval counts from the opening
            if not backups.has_changes_since_last_copy(path):
                return False
        self._thread = threading.Thread(
            target=self._work, args=(path, reason, policy), name="po-desktop-backup", daemon=True
        )
        self._thread.start()
        return True

    def _work(self, path: Path, reason: str, policy: BackupPolicy) -> None:
        try:
            copy = backups.create(path, reason)
            backups.rotate(path, policy)
        except PoDesktopError as exc:
            log.warning("Backup of %s failed: %s", path, exc.render("en"))
            self.finished.emit(None, exc.render())
            return
        except Exception as exc:  # never let a backup take the application down
            log.exception("Backup of %s failed", path)
            self.finished.emit(None, f"{type(exc).__name__}: {exc}")
            return
        log.info("Backup of %s: %s", path, copy)
        self._last_copy = time.monotonic()
        self.finished.emit(copy, "")

    def wait(self, timeout: float = 60.0) -> None:
        """Let a copy in progress finish (closing, switching files)."""
        if self._thread is not None:
            self._thread.join(timeout)
