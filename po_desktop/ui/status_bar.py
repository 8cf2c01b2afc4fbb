"""The window's status bar: its message always readable, whatever the window's width.

Qt draws a status message in the room the permanent widgets on the right leave, and
cuts it there: at 1366 px, with a team workspace's address and five people connected,
"Modifié par Virginie Morel" lost its last letters, and at 1100 px all but "Modifié par
V". Here the permanent labels that only
repeat what is elsewhere (the address is the window's title; the people connected are
in the label's tooltip) yield their room to the message while it shows, eliding
themselves; a message still too long is elided with its whole text in the tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizeGrip, QStatusBar, QStyleOption, QWidget

QWIDGETSIZE_MAX = (1 << 24) - 1

MESSAGE_LEFT, MESSAGE_RIGHT = 6, 2
"""Qt's margins around a status message (QStatusBarPrivate::messageRect)."""
SLACK = 4
"""Pixels beyond a text's advance: elidedText cuts a text given exactly its width."""


class ElidedLabel(QLabel):
    """A one-line label that shows what fits of its text, eliding the rest (in the middle
    for an address, at the end for a list); give it a tooltip that says it whole."""

    def __init__(
        self,
        mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
        minimum_chars: int = 10,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.mode = mode
        self.minimum_chars = minimum_chars

    def shown_text(self) -> str:
        """The text as painted at the label's width."""
        room = self.contentsRect().width()
        return self.fontMetrics().elidedText(self.text(), self.mode, room)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        margins = self.contentsMargins()
        width = self.fontMetrics().averageCharWidth() * self.minimum_chars
        return QSize(min(hint.width(), width + margins.left() + margins.right()), hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawItemText(
            painter,
            self.contentsRect(),
            int(self.alignment() | Qt.AlignmentFlag.AlignVCenter),
            option.palette,
            self.isEnabled(),
            self.shown_text(),
            self.foregroundRole(),
        )
        painter.end()


class StatusBar(QStatusBar):
    """A status bar whose message is never cut short (see the module's text)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._yielding: list[tuple[int, ElidedLabel]] = []
        self.full_message = ""
        """The message as it was asked for (what shows may be elided)."""
        self.messageChanged.connect(self._message_changed)

    def add_yielding(self, label: ElidedLabel, order: int) -> None:
        """A permanent label that gives its room to a message, lowest ``order`` first."""
        self._yielding.append((order, label))
        self._yielding.sort(key=lambda item: item[0])
        self.addPermanentWidget(label)

    def message_room(self) -> int:
        """The width the message is drawn in now (Qt's rule: up to the first permanent
        widget shown)."""
        right = self.width() - 12
        for grip in self.findChildren(QSizeGrip, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if grip.isVisible():
                right = min(right, grip.x())
        for child in self.children():
            if isinstance(child, QWidget) and child.isVisible() and self._is_permanent(child):
                right = min(right, child.x() - MESSAGE_RIGHT)
        return right - MESSAGE_LEFT

    def _is_permanent(self, widget: QWidget) -> bool:
        return bool(widget.property("permanentStatus"))

    def addPermanentWidget(self, widget: QWidget, stretch: int | None = 0) -> None:
        widget.setProperty("permanentStatus", True)
        super().addPermanentWidget(widget, stretch or 0)

    def showMessage(self, text: str, timeout: int | None = 0) -> None:
        self.full_message = text
        self._release()
        if text and self.isVisible():
            text = self._fit(text)
        self.setToolTip(self.full_message if text != self.full_message else "")
        super().showMessage(text, timeout or 0)

    def _fit(self, text: str) -> str:
        """Make room for ``text`` from the yielding labels, then elide what still does
        not fit."""
        metrics = self.fontMetrics()
        deficit = metrics.horizontalAdvance(text) + SLACK - self.message_room()
        for _order, label in self._yielding:
            if not label.isVisible():
                continue
            # Each keeps at most its width now: a label squeezed below its text's width
            # would otherwise take back the room another one gives.
            spare = label.width() - label.minimumSizeHint().width()
            given = max(0, min(deficit, spare))
            label.setMaximumWidth(label.width() - given)
            deficit -= given
        layout = self.layout()
        if layout is not None:
            layout.activate()  # the labels shrink now, so the room below is the real one
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, self.message_room())

    def _release(self) -> None:
        for _order, label in self._yielding:
            label.setMaximumWidth(QWIDGETSIZE_MAX)

    def _message_changed(self, text: str) -> None:
        if not text:  # the message went: the labels take their room back
            self.full_message = ""
            self.setToolTip("")
            self._release()
