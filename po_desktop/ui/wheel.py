"""The mouse wheel over a scrolled panel scrolls it, whatever input passes under the pointer.

Qt turns a combo box or a spin box with the wheel even when it does not have the keyboard
focus (and gives it the focus on the way): scrolling the cotation form changed the decision
or the grid that happened to pass under the pointer, without a word. An input given to
:func:`wheel_only_when_focused` turns with the wheel once the user has chosen it (a click,
Tab); until then the wheel goes on to the panel around it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget


class _UnfocusedWheel(QObject):
    """Hands the wheel events of an input without the focus on to its parents."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget):
            return False
        focused = QApplication.focusWidget()
        if focused is not None and (focused is watched or watched.isAncestorOf(focused)):
            return False
        # Ignored, the window system's event goes on to the parents: the scroll area.
        event.ignore()
        return True


def wheel_only_when_focused(*inputs: QWidget) -> None:
    """The wheel turns each of ``inputs`` (combo boxes, spin boxes in a scrolled panel)
    only while it has the keyboard focus; otherwise it scrolls the panel."""
    for widget in inputs:
        # Not Qt.WheelFocus (a combo box's own): the wheel must not give it the focus first.
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(_UnfocusedWheel(widget))
