"""Guards against a Qt binding that corrupts the interpreter: it would crash users later."""

from __future__ import annotations

import sys

from PySide6.QtCore import QItemSelection, QPoint
from PySide6.QtGui import QStandardItemModel


def test_void_qt_calls_keep_none_alive() -> None:
    """PySide6 6.12.0 on Python 3.11 drops a reference to None per call: abort after ~1e5.

    From Python 3.12 None is immortal (PEP 683) and the lost references are harmless: the
    cap on PySide6 in pyproject.toml carries a ``python_version < '3.12'`` marker.
    """
    point = QPoint()
    model = QStandardItemModel(3, 1)
    selection = QItemSelection()
    before = sys.getrefcount(None)
    for i in range(2000):
        point.setX(i)
        selection.select(model.index(i % 3, 0), model.index(i % 3, 0))
    assert sys.getrefcount(None) >= before - 50
