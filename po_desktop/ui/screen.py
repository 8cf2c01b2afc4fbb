"""The room a window gets on the user's screen: windows and dialogs never open larger."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

MARGIN = 24
"""Space kept around a dialog opened on a small screen, for its frame and title bar."""


_pretended: QSize | None = None


@contextmanager
def pretend(size: QSize) -> Iterator[None]:
    """Lay windows out for a screen of this size (screenshots of a laptop's screen drawn
    on a machine without one)."""
    global _pretended
    previous, _pretended = _pretended, size
    try:
        yield
    finally:
        _pretended = previous


def available_size(widget: QWidget | None = None) -> QSize:
    """The usable part of the screen the widget is on (panels and task bars left out)."""
    if _pretended is not None:
        return _pretended
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(1366, 728)
    return screen.availableGeometry().size()


def fit(widget: QWidget, preferred: QSize) -> None:
    """Resize to ``preferred``, or to what the screen allows, whichever is smaller."""
    room = available_size(widget.parentWidget() or widget)
    widget.resize(
        min(preferred.width(), room.width() - MARGIN),
        min(preferred.height(), room.height() - 2 * MARGIN),
    )
