"""A logout closes the app as its close button does: state saved, database closed.

The session manager sends SIGTERM at a logout (a terminal that closes sends SIGHUP,
Ctrl+C in it SIGINT). Python runs a signal handler only when the interpreter gets
control, and Qt's event loop waits in C: so the handlers write to a socket pair
(``signal.set_wakeup_fd``) that a QSocketNotifier watches, which wakes the loop without
polling. The close then runs from the event loop: open dialogs are closed without their
questions, an unsaved scoring is written to the log and dropped (nothing half-typed is
saved as a decision the user never confirmed), then the window closes as usual
(window and board state to the settings, WAL checkpointed, lock released) and the
application quits with code 0.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, QThread, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

log = logging.getLogger(__name__)

SIGNALS = ("SIGTERM", "SIGHUP", "SIGINT")
"""The ones this platform has are handled (Windows has SIGTERM and SIGINT only)."""
RETRY_MS = 20
MAX_TRIES = 250
"""Dialogs get about five seconds to unwind before the window is closed anyway."""


def drop_unsaved_scoring(window: QWidget) -> None:
    """Forget a scoring being typed, after writing all of it to the log: a logout must not
    wait on a question nobody will answer, nor save a decision nobody confirmed."""
    views = getattr(window, "views", None)  # a scoring page never built holds nothing
    scoring = views.built_pages()[0] if views is not None else None
    form = getattr(scoring, "form", None)
    if form is None or not form.is_dirty():
        return
    log.warning(
        "Session ending: the unsaved scoring of %s was dropped (values %s, decision %s, "
        "rationale %r, decided by %r)",
        form.heading.text(),
        form.values(),
        form.decision.currentData(),
        form.rationale.toPlainText(),
        form.decided_by.text(),
    )
    form.load(form.need_id)


class SessionCloser(QObject):
    """Closes ``window`` once nothing modal is running, then quits the application."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.started = False
        self._tries = 0

    def close(self) -> None:
        """Start the clean close (once; later calls are ignored)."""
        if self.started:
            return
        self.started = True
        QTimer.singleShot(0, self._step)

    def _step(self) -> None:
        """Unwind what runs an event loop of its own (a menu, a dialog, a question), one
        layer at a time, then close the window from the main loop."""
        popup = QApplication.activePopupWidget()
        modal = QApplication.activeModalWidget()
        if popup is not None:
            popup.close()
        elif modal is not None:
            log.warning("Session ending: closing “%s” without saving", modal.windowTitle())
            if isinstance(modal, QDialog):
                modal.done(QDialog.DialogCode.Rejected)  # not reject(): it may ask first
            else:
                modal.close()
        unwinding = popup is not None or modal is not None
        if unwinding or QThread.currentThread().loopLevel() > 1:
            self._tries += 1
            if self._tries < MAX_TRIES:
                QTimer.singleShot(RETRY_MS, self._step)  # once that loop has returned
                return
            log.error("Session ending: dialogs still open, closing the window anyway")
        drop_unsaved_scoring(self.window)
        self.window.close()
        if self.window.isVisible():
            log.error("Session ending: the window refused to close; quitting anyway")
        QApplication.quit()


class SessionEnd(QObject):
    """The signal handlers and the socket pair that wakes the event loop for them."""

    def __init__(self, app: QApplication, window: QWidget) -> None:
        super().__init__(app)
        self.closer = SessionCloser(window)
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._previous: dict[int, Any] = {}
        for name in SIGNALS:
            number = getattr(signal, name, None)
            if number is not None:
                self._previous[number] = signal.signal(number, self._received)
        app.aboutToQuit.connect(self.uninstall)
        log.info("A clean close on %s", ", ".join(signal.Signals(n).name for n in self._previous))

    def _drain(self) -> None:
        """The loop woke up for a signal: Python has run its handler by now; empty the pipe."""
        with contextlib.suppress(OSError):
            while self._reader.recv(512):
                pass

    def _received(self, number: int, _frame: object) -> None:
        log.warning("%s received: closing cleanly", signal.Signals(number).name)
        self.closer.close()

    def uninstall(self) -> None:
        """Give the process its previous handlers back (once the loop is over, a signal
        ends it as it would any program)."""
        if not self._previous:
            return
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        self._previous = {}
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()


def install(app: QApplication, window: QWidget) -> SessionEnd:
    return SessionEnd(app, window)
