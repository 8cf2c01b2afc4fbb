"""Unexpected errors: logged, explained in a dialog, and the application goes on.

Every user action runs its service in one transaction, so an exception that
escapes to the event loop has already rolled its change back: the database is
as it was before the action, and going on is safe. Errors the user can act on
(:class:`PoDesktopError`: a locked file, a bad value) are plain messages, not
crashes.
"""

from __future__ import annotations

import logging
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from po_desktop import APP_NAME, __version__
from po_desktop.store.errors import PoDesktopError, StorageError
from po_desktop.ui import feedback, icons, screen

log = logging.getLogger(__name__)

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def describe(exc_info: ExcInfo) -> str:
    """The report a user copies into an e-mail: versions, then the traceback."""
    import platform

    from PySide6 import __version__ as pyside_version

    header = (
        f"{APP_NAME} {__version__} · Python {platform.python_version()} · "
        f"PySide6 {pyside_version} · {platform.system()} {platform.release()}"
    )
    return header + "\n\n" + "".join(traceback.format_exception(*exc_info))


class CrashDialog(QDialog):
    """What happened, that the work is safe, where the log is, and a copy button."""

    def __init__(
        self, exc_info: ExcInfo, log_path: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unexpected error — %1").replace("%1", APP_NAME))
        self.report = describe(exc_info)
        exc = exc_info[1]
        summary = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__

        icon = QLabel()
        style = self.style()
        size = style.pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(
            style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(size, size)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        headline = QLabel(
            "<b>"
            + self.tr("Something went wrong and the last action was cancelled.")
            + "</b><br>"
            + self.tr(
                "None of that action was saved; your earlier work is safe in the database. "
                "You can go on working, or quit and open the application again."
            )
        )
        headline.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(headline, 1)

        error = QLabel(self.tr("Error: %1").replace("%1", summary))
        error.setWordWrap(True)
        error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if log_path is not None:
            where = self.tr("The details are also written to the log file:") + f"\n{log_path}"
        else:
            where = self.tr("The log file could not be written; copy the details below.")
        self.log_label = QLabel(where)
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.details = QPlainTextEdit(self.report)
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setMinimumHeight(160)
        self.details.setAccessibleName(self.tr("Error details"))

        # What to do with the report on the left, the way out on the right.
        self.copy_button = QPushButton(icons.icon("copy"), self.tr("&Copy the details"))
        self.copy_button.clicked.connect(self.copy_report)
        self.log_button = QPushButton(icons.icon("log"), self.tr("Open the &log folder"))
        self.log_button.setEnabled(log_path is not None)
        if log_path is not None:
            folder = log_path.parent
            self.log_button.clicked.connect(
                lambda: feedback.sink().open_folder(self, folder, self.tr("Log folder"))
            )
        self.quit_button = QPushButton(self.tr("&Quit"))
        self.quit_button.setAutoDefault(False)
        self.quit_button.clicked.connect(lambda: self.done(self.QUIT))
        self.continue_button = QPushButton(self.tr("C&ontinue"))
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self.accept)
        for button in (self.copy_button, self.log_button):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.log_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.continue_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(error)
        layout.addWidget(self.log_label)
        layout.addWidget(self.details, 1)
        layout.addLayout(buttons)
        screen.fit(self, QSize(640, 420))

    QUIT = 2

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report)
        self.copy_button.setText(self.tr("Copied"))


class CrashHandler(QObject):
    """Replaces ``sys.excepthook`` while the GUI runs.

    PySide6 hands exceptions raised in slots and event handlers to
    ``sys.excepthook`` and returns to the event loop, so one hook sees them all.
    """

    def __init__(
        self,
        log_path: Path | None,
        parent: QObject | None = None,
        *,
        parent_widget: Callable[[], QWidget | None] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self._parent_widget = parent_widget
        self._showing = False
        self._previous = sys.excepthook
        self.shown: list[ExcInfo] = []
        self._unreachable_said: float | None = None

    def install(self) -> None:
        self._previous = sys.excepthook
        sys.excepthook = self.handle

    def uninstall(self) -> None:
        if sys.excepthook == self.handle:
            sys.excepthook = self._previous

    def handle(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        parent = self._parent_widget()
        exc = _as_user_problem(exc)
        if isinstance(exc, StorageError) and exc.message.msg_id == "team.unreachable":
            # A read that found the team server gone: the window's banner says so; a
            # message box once a minute at most, not one per click.
            now = time.monotonic()
            if self._unreachable_said is not None and now - self._unreachable_said < 60:
                log.warning("%s", exc.render("en"))
                return
            self._unreachable_said = now
        if isinstance(exc, PoDesktopError):
            # A user-level problem that escaped a caller: a message, not a crash report.
            log.warning("%s", exc.render("en"))
            feedback.sink().warn(parent, APP_NAME, exc.render())
            return
        log.error("Unexpected error", exc_info=(exc_type, exc, tb))
        if self._showing:
            return  # an error while the report is open: logged, not stacked
        self._showing = True
        try:
            self.shown.append((exc_type, exc, tb))
            dialog = CrashDialog((exc_type, exc, tb), self.log_path, parent)
            if dialog.exec() == CrashDialog.QUIT:
                # Windows close as usual (state saved, an unsaved scoring asked about);
                # one the user keeps open ("Cancel") keeps the application running.
                QApplication.closeAllWindows()
                if not any(w.isVisible() for w in QApplication.topLevelWidgets()):
                    QApplication.quit()
        finally:
            self._showing = False


def _as_user_problem(exc: BaseException) -> BaseException:
    """A team server's connection lost under a read: the user's message, not a crash."""
    from po_desktop.store.team import unreachable

    return unreachable(exc) or exc
