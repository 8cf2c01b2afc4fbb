"""The calendar's portfolio: each project's points, sprint by sprint, from the last three
closed sprints on; a project losing ground is marked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from po_desktop.store.calendar_view import PortfolioRow
from po_desktop.ui.models import format_points


class PortfolioBox(QGroupBox):
    """Points per project (columns), sprint by sprint (rows), and the legend of its marks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Portfolio: points per project, sprint by sprint"), parent)
        self.table = QTableWidget(0, 0)
        self.table.verticalHeader().setDefaultSectionSize(20)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        legend = self.legend = QLabel(
            self.tr("▼ less than the sprint before: the project is losing ground.")
        )
        legend.setWordWrap(True)
        layout.addWidget(legend)

    def show_rows(self, rows: list[PortfolioRow]) -> None:
        # Recent history and what is planned: the last three closed sprints onwards.
        closed = [i for i, r in enumerate(rows) if r.state == "closed"]
        rows = rows[max(0, closed[-3] if len(closed) >= 3 else 0) :]
        projects = sorted({code for r in rows for code in r.points})
        self.table.clear()
        self.table.setRowCount(len(rows))
        self.table.setColumnCount(len(projects))
        self.table.setHorizontalHeaderLabels(projects)
        self.table.setVerticalHeaderLabels([r.sprint for r in rows])
        previous: dict[tuple[str, str], float] = {}  # per team: teams plan apart
        for row, entry in enumerate(rows):
            team = entry.team.casefold()
            # A sprint nothing is planned in yet says nothing of who loses ground: no
            # mark, and the sprint before stays the one the next is compared with.
            unplanned = entry.state == "planned" and not any(entry.points.values())
            for column, code in enumerate(projects):
                points = entry.points.get(code, 0.0)
                before = previous.get((team, code))
                text = "" if unplanned else format_points(points)
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if unplanned:
                    item.setToolTip(self.tr("Nothing planned in this sprint yet"))
                    self.table.setItem(row, column, item)
                    continue
                if before is not None and points < before:
                    item.setText(f"▼ {text}")
                    item.setForeground(QBrush(QColor("#B00020")))
                    item.setToolTip(
                        self.tr("%1: %2 points, down from %3 in the sprint before")
                        .replace("%1", code)
                        .replace("%2", format_points(points))
                        .replace("%3", format_points(before))
                    )
                if entry.state == "active":
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
                previous[(team, code)] = points
        self.table.resizeColumnsToContents()
        self.legend.setVisible(bool(rows and projects))  # nothing to compare yet
