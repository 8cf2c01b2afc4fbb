"""A table whose rows each hold a choice, used from the keyboard as a spreadsheet is."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QTableWidget


class ChoiceKeys(QObject):
    """Keys for a table whose rows hold a choice each (a combo box in ``column``, its
    focus on click only): the table is one stop of the Tab key, which leaves it (its
    cells' combo boxes kept a keyboard user inside, Tab after Tab); the arrows move
    between rows, and Space, F2, F4 or Alt+Down open the row's choice."""

    OPEN = (Qt.Key.Key_Space, Qt.Key.Key_F2, Qt.Key.Key_F4)

    def __init__(self, table: QTableWidget, column: int) -> None:
        super().__init__(table)
        self.table, self.column = table, column
        table.setTabKeyNavigation(False)
        table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key, alt = event.key(), event.modifiers() & Qt.KeyboardModifier.AltModifier
        combo = self.table.cellWidget(max(0, self.table.currentRow()), self.column)
        if (key in self.OPEN or (key == Qt.Key.Key_Down and alt)) and isinstance(combo, QComboBox):
            combo.setFocus()
            combo.showPopup()
            return True
        return False
