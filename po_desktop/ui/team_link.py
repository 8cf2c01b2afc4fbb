"""The window's side of a team workspace: connecting, others' changes shown as they
land, who is connected, and the server lost and back.

While a team workspace is open, a :class:`~po_desktop.ui.live.Listener` hears the
other windows' changes; each is handed to the views as a change (its kinds, its
needs), so they refresh only that. The status bar names those connected. When the
server stops answering, the status bar and a banner say so within seconds, writes are
refused at once (nothing waits on a dead connection), forms keep what is typed, and
the last local copy can be opened read-only.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Qt, QTime, QTimer, Slot

from po_desktop.store import live
from po_desktop.store.database import Database, open_database
from po_desktop.store.errors import PoDesktopError
from po_desktop.store.team_open import last_copy, refresh_copy
from po_desktop.ui import feedback
from po_desktop.ui.banner import MessageBar
from po_desktop.ui.host import Host
from po_desktop.ui.lifecycle import Files
from po_desktop.ui.live import Listener
from po_desktop.ui.status_bar import ElidedLabel, StatusBar
from po_desktop.ui.workspace import Workspace

log = logging.getLogger(__name__)

COPY_WAIT_S = 30.0
"""How long closing waits for a local copy being made."""
COPY_AFTER_MS = 2000
"""The local copy starts this long after the workspace opens: after the first paint."""


class TeamLink(QObject):
    def __init__(self, host: Host, files: Files, bar: MessageBar, status: StatusBar) -> None:
        super().__init__(host)
        self.host, self.files, self.bar = host, files, bar
        self.people = ElidedLabel(Qt.TextElideMode.ElideRight, minimum_chars=14)
        self.people.setObjectName("teamPeople")
        self.people.setContentsMargins(16, 0, 4, 0)
        self.people.hide()
        status.add_yielding(self.people, order=1)  # its tooltip names everyone
        self.listener: Listener | None = None
        self._copying: threading.Thread | None = None
        self.copy_ready = False
        """The local copy of the open team workspace was refreshed in this session."""
        self.connected: list[str] = []
        self._copy_timer = QTimer(self, singleShot=True, interval=COPY_AFTER_MS)
        self._copy_timer.timeout.connect(self._start_copy)
        files.closing.connect(self._closing)
        files.opened.connect(self._opened)
        files.server_requested.connect(self.connect_dialog)
        self._opened()

    @property
    def workspace(self) -> Workspace:
        return self.host.workspace

    # ----- connecting ---------------------------------------------------------------------
    def connect_dialog(self, address: str = "") -> bool:
        """*File › Connect to a team workspace…*: True when the window works in it now."""
        if not self.host.can_leave():
            return False
        from po_desktop.ui.connect_dialog import ConnectDialog  # on first use

        dialog = ConnectDialog(self.host.window, address)
        if not feedback.sink().run(dialog) or dialog.database is None:
            return False
        return self.files.switch_to(dialog.database)

    # ----- the open workspace -------------------------------------------------------------
    @Slot()
    def _opened(self) -> None:
        database = self.workspace.database
        if not database.is_server or database.url is None:
            self.people.hide()
            return
        self.listener = Listener(database, self)
        self.listener.noticed.connect(self._noticed)
        self.listener.present.connect(self._present)
        self.listener.lost.connect(self._lost)
        self.listener.back.connect(self._back)
        self.listener.start()
        self._present([database.person])
        # The local copy (what to read when the server is gone) off the window's thread,
        # once the board is painted: a large workspace takes seconds to copy, and the
        # copy's Python would share the interpreter with the first paint.
        self.copy_ready = False
        self._copy_timer.start()

    @Slot()
    def _start_copy(self) -> None:
        database = self.workspace.database
        if not database.is_server or self._copying is not None:
            return
        self._copying = threading.Thread(
            target=self._refresh_copy, args=(database,), name="po-desktop-team-copy", daemon=True
        )
        self._copying.start()

    def _refresh_copy(self, database: Database) -> None:
        try:
            refresh_copy(database.engine, database.path)
        except Exception:
            log.warning("The local copy of %s was not refreshed", database.address, exc_info=True)
            return
        self.copy_ready = True

    @Slot(object)
    def _closing(self, _old: Workspace) -> None:
        self.stop()
        self.bar.dismiss()

    def stop(self) -> None:
        self._copy_timer.stop()
        if self._copying is not None:
            self._copying.join(COPY_WAIT_S)  # a copy cut short is made again next time
            self._copying = None
        if self.listener is not None:
            listener, self.listener = self.listener, None
            # Nothing it still has queued may reach the next workspace.
            listener.noticed.disconnect(self._noticed)
            listener.present.disconnect(self._present)
            listener.lost.disconnect(self._lost)
            listener.back.disconnect(self._back)
            listener.stop()
            listener.deleteLater()

    # ----- what the listener says ---------------------------------------------------------
    @Slot(object)
    def _noticed(self, notice: live.Notice) -> None:
        if self.workspace.unreachable:
            return  # shown again in full when the server is back
        self.workspace.changes_applied.emit(notice.change())
        if notice.author:
            self.host.status(self.tr("Changed by %1").replace("%1", notice.author), 4000)

    @Slot(list)
    def _present(self, names: list[str]) -> None:
        self.connected = names
        self.people.setText(self.tr("Connected: %1").replace("%1", ", ".join(names)))
        self.people.setToolTip("\n".join(names))
        self.people.show()

    @Slot(str)
    def _lost(self, detail: str) -> None:
        self.workspace.unreachable = detail or "?"
        when = QTime.currentTime().toString("HH:mm")
        text = self.tr(
            "The team server has not answered since %1. Nothing you typed is lost; changes "
            "cannot be saved until it answers again."
        ).replace("%1", when)
        self.people.setText(self.tr("Server unreachable"))
        actions = []
        if last_copy(self.workspace.database.location) is not None:
            actions.append((self.tr("Open the last local copy (read-only)"), self.open_copy))
        self.bar.show_message(text, actions, closable=False)

    @Slot()
    def _back(self) -> None:
        self.workspace.unreachable = ""
        self.bar.dismiss()
        self.host.status(self.tr("The team server answers again."), 6000)
        self.workspace.changed_elsewhere()  # what others did meanwhile

    def open_copy(self) -> bool:
        """The last local copy of the workspace, read-only, in place of the server's."""
        copy = last_copy(self.workspace.database.location)
        if copy is None:
            return False
        try:
            database = open_database(copy, read_only=True)
        except PoDesktopError as exc:
            self.host.warn(self.tr("Open the last local copy"), exc.render())
            return False
        return self.files.switch_to(database)


def open_last_team(address: str) -> Database | None:
    """At start, the team workspace used last (its password from the keyring). When the
    server does not answer, say so and offer its last local copy, read-only; None: open
    a file instead."""
    from PySide6.QtCore import QCoreApplication

    from po_desktop import APP_NAME
    from po_desktop.store import keychain

    try:
        return open_database(keychain.with_password(address))
    except PoDesktopError as exc:
        said = exc.render()
    copy = last_copy(address)
    if copy is None:
        feedback.sink().warn(None, APP_NAME, said)
        return None
    question = QCoreApplication.translate(
        "TeamLink", "Open the last local copy of this workspace, read-only?"
    )
    if not feedback.sink().ask(None, APP_NAME, f"{said}\n\n{question}"):
        return None
    try:
        return open_database(copy, read_only=True)
    except PoDesktopError as again:
        feedback.sink().warn(None, APP_NAME, again.render())
        return None
