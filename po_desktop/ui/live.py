"""A team workspace in the window: live changes of the others, who is connected, and
the server gone and back.

:class:`Listener` is a thread with a connection of its own (autocommit, ``LISTEN``),
waiting on its socket (no polling): each notification of another window becomes a
signal carrying a change for the views (its kinds and needs, see
:mod:`po_desktop.store.live`); every few seconds it asks who is connected. A lost
connection is said at once, and retried until the server answers again. Nothing here
makes a network call on the window's thread.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, QThread, Signal

from po_desktop.store import live
from po_desktop.store.database import Database

log = logging.getLogger(__name__)

WAIT_S = 0.25
"""How long the thread waits on its socket before it looks whether it must stop."""
PRESENT_EVERY_S = 3.0
"""How often it asks the server who is connected."""
RETRY_EVERY_S = 2.0
"""How often it tries the server again once it was lost."""


class Listener(QThread):
    """Listens to one team workspace's changes on a connection of its own."""

    noticed = Signal(object)
    """A :class:`~po_desktop.store.live.Notice` from another window."""
    present = Signal(list)
    """The names of those connected (sorted)."""
    lost = Signal(str)
    """The server stopped answering; the driver's reason, one line."""
    back = Signal()
    """The server answers again after :attr:`lost`."""

    def __init__(self, database: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        assert database.url is not None  # a team workspace's
        self.url, self.person, self.origin = database.url, database.person, database.origin
        self._stop = threading.Event()

    def stop(self) -> None:
        self._stop.set()
        self.wait(5000)

    def run(self) -> None:
        import psycopg

        was_lost = False
        while not self._stop.is_set():
            try:
                connection = live.connect_listener(self.url, self.person)
            except psycopg.Error as exc:
                if not was_lost:
                    was_lost = True
                    self.lost.emit(_first_line(exc))
                self._stop.wait(RETRY_EVERY_S)
                continue
            if was_lost:
                was_lost = False
                self.back.emit()
            try:
                self._listen(connection)
            except psycopg.Error as exc:
                if not self._stop.is_set():
                    was_lost = True
                    self.lost.emit(_first_line(exc))
            finally:
                try:
                    connection.close()
                except psycopg.Error:
                    log.debug("closing a lost listener connection failed", exc_info=True)

    def _listen(self, connection: object) -> None:
        self.present.emit(live.present(connection))
        waited = 0.0
        while not self._stop.is_set():
            live.wait(connection, WAIT_S, self._heard)
            waited += WAIT_S
            if waited >= PRESENT_EVERY_S:
                waited = 0.0
                self.present.emit(live.present(connection))

    def _heard(self, notice: live.Notice) -> None:
        if notice.origin != self.origin:  # one's own changes are already shown
            self.noticed.emit(notice)


def _first_line(error: BaseException) -> str:
    return next((line.strip() for line in str(error).splitlines() if line.strip()), "")
