"""A message bar across the window: what the user must not miss, with what to do about it.

Two uses: a board that shows only some needs ("Filtered: 2 of 244 needs shown") with a
one-click way back to all of them, and what was just done ("ERP-12 deleted") with its
Undo, where a status-bar message would go unseen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from po_desktop.store.errors import PoDesktopError
from po_desktop.ui import icons

INFO, NOTICE, ALERT = "info", "notice", "alert"
_TINTS = {INFO: "#FFF4CE", NOTICE: "#E3F0FB", ALERT: "#FDE2E1"}
"""Soft backgrounds, dark text on all: a filter (amber), a done action (blue), a danger
to the user's work (red)."""


class MessageBar(QFrame):
    def __init__(self, kind: str = NOTICE, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{kind}Bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(_TINTS[kind]))
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#1F1F1F"))
        self.setPalette(palette)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # need titles, search text
        self.label.setWordWrap(True)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(10, 4, 4, 4)
        self._row.addWidget(self.label, 1)
        self._buttons: list[QPushButton] = []
        self._actions: list[tuple[str, Callable[[], object]]] = []
        self.close_button = QToolButton()
        self.close_button.setIcon(icons.icon("close"))
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.dismiss)
        self._row.addWidget(self.close_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._expire)
        self._hovered = False
        self.installEventFilter(self)
        self.hide()

    def show_message(
        self,
        text: str,
        actions: Sequence[tuple[str, Callable[[], object]]] = (),
        *,
        timeout_ms: int = 0,
        closable: bool = True,
    ) -> None:
        """Show ``text`` with a button per action (each also closes the bar);
        ``timeout_ms`` hides it after a while, not while the mouse is over it."""
        self.label.setText(text)
        if list(actions) != self._actions:  # the same buttons again: kept (every keystroke)
            for button in self._buttons:
                self._row.removeWidget(button)
                button.deleteLater()
            self._buttons = []
            self._actions = list(actions)
            for index, (label, callback) in enumerate(actions):
                button = QPushButton(label)
                button.clicked.connect(lambda _c=False, run=callback: self._run(run))
                self._row.insertWidget(1 + index, button)
                self._buttons.append(button)
        self.close_button.setVisible(closable)
        self.show()
        if timeout_ms:
            self._timer.start(timeout_ms)
        else:
            self._timer.stop()

    @property
    def buttons(self) -> list[QPushButton]:
        return list(self._buttons)

    def _run(self, callback: Callable[[], object]) -> None:
        self.dismiss()
        callback()

    def dismiss(self) -> None:
        self._timer.stop()
        self.hide()

    def _expire(self) -> None:
        if self._hovered:
            self._timer.start(2000)  # being read: later
        else:
            self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Enter:
            self._hovered = True
        elif event.type() == QEvent.Type.Leave:
            self._hovered = False
        return super().eventFilter(watched, event)


class FormError(QLabel):
    """Why a form was refused, shown in the form: the dialog stays open with everything
    typed. Plain text (messages quote what the user typed), wrapped, red and bold;
    hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formError")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setStyleSheet("color: #B00020; font-weight: bold;")
        self.setAccessibleName(self.tr("Error"))
        self.hide()

    def say(self, text: str) -> None:
        self.setText(text)
        self.show()
        self._make_room()

    def _make_room(self) -> None:
        """Grow the dialog to hold the message: a wrapped label's height depends on its
        width, which Qt's minimum size of the window does not count, so the fields above
        were squashed to a few pixels instead."""
        window = self.window()
        layout = window.layout() if window is not self else None
        if layout is None or not window.isVisible():
            return
        layout.activate()
        width = window.width()
        needed = (
            layout.totalHeightForWidth(width)
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        screen = window.screen()
        if screen is not None:  # a window taller than the screen hides its buttons
            needed = min(needed, screen.availableGeometry().height())
        if needed > window.height():
            window.resize(width, needed)

    def refused(self, exc: PoDesktopError) -> None:
        """A service's refusal, in the user's language."""
        self.say(exc.render())

    def clear(self) -> None:
        self.hide()
        super().clear()
