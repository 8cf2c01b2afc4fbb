"""Qt item models over the store's flat read rows."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6 import QtGui
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from po_desktop.domain import formatting
from po_desktop.domain.messages import choice_label, language
from po_desktop.domain.scoring import (
    DECISION_ORDER,
    score_text,
)
from po_desktop.store.queries import NeedRow, SprintRow
from po_desktop.ui.filtering import NeedFilter

NEED_ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


def format_points(points: float | None) -> str:
    if points is None:
        return "—"
    return formatting.number(points, decimals=2)


def format_percent(share: float) -> str:
    """0.5 as "50 %" in French (a no-break space before the sign), "50%" in English."""
    return formatting.percent(share)


def points_label(points: float) -> str:
    """Points with their unit as each language writes it: "0 pt", "1,5 pt", "2 pts" in
    French (singular below 2), "1 pt", "0 pts", "1.5 pts" in English."""
    single = abs(points) < 2 if _french() else points == 1
    template = (
        QCoreApplication.translate("Points", "%1 pt")
        if single
        else QCoreApplication.translate("Points", "%1 pts")
    )
    return template.replace("%1", format_points(points))


def format_score(score: float | None) -> str:
    if score is None:
        return "—"
    return score_text(score)


def literal_html(text: str) -> str:
    """Plain text as HTML that shows it as typed, for tooltips and message boxes.

    Qt renders those as HTML whenever the text merely looks like HTML
    (``Qt::mightBeRichText``): a need titled ``<b>x</b>`` had a bold "x" in its tooltip.
    """
    return QtGui.Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)


def muted(label: QWidget) -> None:
    """Secondary text (a hint under an input): softer than the text, still easy to read,
    in light and dark themes alike."""
    palette = label.palette()
    text = palette.color(QtGui.QPalette.ColorRole.WindowText)
    back = palette.color(QtGui.QPalette.ColorRole.Window)
    mixed = QColor.fromRgbF(
        0.7 * text.redF() + 0.3 * back.redF(),
        0.7 * text.greenF() + 0.3 * back.greenF(),
        0.7 * text.blueF() + 0.3 * back.blueF(),
    )
    palette.setColor(QtGui.QPalette.ColorRole.WindowText, mixed)
    label.setPalette(palette)


_PLACEHOLDER = re.compile(r"%([1-9])")


def fill(template: str, *values: object) -> str:
    """``QString::arg`` for ``%1``…``%9`` in one pass: a value that contains "%2" (a
    column named "50%2") stays as typed instead of receiving the next value."""
    return _PLACEHOLDER.sub(
        lambda m: str(values[int(m[1]) - 1]) if int(m[1]) <= len(values) else m[0], template
    )


def no_mnemonic(text: str) -> str:
    """User text for a menu or button label: a lone "&" would underline the next letter
    (and vanish) and make it a keyboard shortcut, "R&D" showing "RD"."""
    return text.replace("&", "&&")


def _french() -> bool:

    return language() == "fr"


class RowTableModel(QAbstractTableModel):
    """A flat table of rows with fixed headers: shared plumbing of our list models."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []  # set by subclasses, translated with their context
        self._rows: list[Any] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def _row_for(self, index: Index) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]


class NeedTableModel(RowTableModel):
    """Needs as table rows, filtered and sorted in Python.

    A QSortFilterProxyModel would call back into Python for every comparison
    (about 300,000 calls to sort 10,000 needs, seconds of start-up); sorting the
    row list with a key function takes milliseconds.
    """

    KEY, TITLE, PROJECT, STATUS, POINTS, SCORE, DECISION, SOURCE, UNIT, ASSIGNEE, SPRINT, TAGS = (
        range(12)
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[NeedRow] = []
        self._rows: list[NeedRow] = []
        self._position: dict[int, int] = {}
        self._filter = NeedFilter()
        self.problem_of: Callable[[int], str] = lambda _need_id: ""
        """A need's problem statement, read for its tooltip: rows do not keep it."""
        self._sort_column = self.STATUS
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._headers = [
            self.tr("Key"),
            self.tr("Title"),
            self.tr("Project"),
            self.tr("Status"),
            self.tr("Points"),
            self.tr("Score"),
            self.tr("Decision"),
            self.tr("Source"),
            self.tr("Business unit"),
            self.tr("Assignee"),
            self.tr("Sprint"),
            self.tr("Tags"),
        ]
        self._non_technical = self.tr("non-technical")
        self._not_scored = self.tr("not scored")
        self._backlog = self.tr("Backlog")

    # ----- content ------------------------------------------------------------------------
    def set_rows(
        self,
        rows: list[NeedRow],
        need_filter: NeedFilter | None = None,
    ) -> None:
        """New data (and optionally a new filter) in one reset."""
        self._all = rows
        if need_filter is not None:
            self._filter = need_filter
        self._refresh()

    def set_filter(self, need_filter: NeedFilter) -> None:
        if need_filter != self._filter:
            self._filter = need_filter
            self._refresh()

    @property
    def need_filter(self) -> NeedFilter:
        return self._filter

    def _refresh(self) -> None:
        self.beginResetModel()
        rows = self._filter.apply(self._all)
        self._rows = self._sorted(rows)
        self._position = {row.id: i for i, row in enumerate(self._rows)}
        self.endResetModel()

    def _sorted(self, rows: list[NeedRow]) -> list[NeedRow]:
        key = self._sort_key(self._sort_column)
        return sorted(rows, key=key, reverse=self._sort_order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._headers):
            return
        self.layoutAboutToBeChanged.emit()
        old_rows = self._rows
        self._sort_column, self._sort_order = column, order
        self._rows = self._sorted(self._rows)
        new_rows = {row.id: i for i, row in enumerate(self._rows)}
        self._position = new_rows
        persistent = self.persistentIndexList()
        moved = [
            self.index(new_rows[old_rows[index.row()].id], index.column()) for index in persistent
        ]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def all_rows(self) -> list[NeedRow]:
        return self._all

    def rows(self) -> list[NeedRow]:
        """The rows shown, in display order."""
        return self._rows

    def row_of(self, need_id: int) -> int | None:
        return self._position.get(need_id)

    # ----- Qt model interface -------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self._row_for(index)
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == NEED_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.KEY, self.TITLE):
            return literal_html(f"{row.key} — {row.title}\n\n{self.problem_of(row.id)[:600]}")
        if role == Qt.ItemDataRole.DecorationRole and column == self.PROJECT:
            return QColor(row.project_color)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.POINTS, self.SCORE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: NeedRow, column: int) -> str:
        match column:
            case self.KEY:
                return row.key
            case self.TITLE:
                return row.title
            case self.PROJECT:
                return row.project_code
            case self.STATUS:
                return row.column_name
            case self.POINTS:
                return format_points(row.points)
            case self.SCORE:
                return format_score(row.score)
            case self.DECISION:
                return choice_label(row.decision) if row.decision else self._not_scored
            case self.SOURCE:
                return choice_label(row.source)
            case self.UNIT:
                label = row.business_unit
                if row.technical:
                    return label
                return f"{label} · {self._non_technical}"
            case self.ASSIGNEE:
                return row.assignee_name or ""
            case self.SPRINT:
                return row.sprint_name or self._backlog
            case self.TAGS:
                return ", ".join(row.tags)
        return ""

    def _sort_key(self, column: int) -> Callable[[NeedRow], Any]:
        """Typed sort keys, ending with the workflow order and the id so ties never shuffle."""
        match column:
            case self.KEY:
                return lambda r: (r.project_code, int(r.key.rsplit("-", 1)[1]))
            case self.STATUS:
                return lambda r: (r.column_position, r.rank, r.id)
            case self.POINTS:
                return lambda r: (
                    -1.0 if r.points is None else r.points,
                    r.column_position,
                    r.rank,
                    r.id,
                )
            case self.SCORE:
                # The backlog's own order (domain.scoring.rank) once reversed: score, then
                # the decision further along, then the older need.
                return lambda r: (
                    -1.0 if r.score is None else r.score,
                    -DECISION_ORDER.get(r.decision, 3),
                    -r.id,
                )
        return lambda r: (self._display(r, column).casefold(), r.column_position, r.rank, r.id)


class SprintTableModel(RowTableModel):
    NAME, DATES, STATE, NEEDS, POINTS, DONE, VELOCITY, CEREMONIES = range(8)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [
            self.tr("Sprint"),
            self.tr("Dates"),
            self.tr("State"),
            self.tr("Needs"),
            self.tr("Points"),
            self.tr("Done"),
            self.tr("Velocity"),
            self.tr("Rituals"),
        ]

    def set_rows(self, rows: list[SprintRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_of(self, sprint_id: int) -> int | None:
        return next((i for i, row in enumerate(self._rows) if row.id == sprint_id), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self._row_for(index)
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return literal_html(row.goal[:600]) if row.goal else None
        if role == Qt.ItemDataRole.FontRole and row.state == "active":
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= self.NEEDS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: SprintRow, column: int) -> str:
        from PySide6.QtCore import QDate, QLocale

        locale = QLocale()
        match column:
            case self.NAME:
                return row.name
            case self.DATES:  # one format, the year once where both dates share it
                end = locale.toString(QDate(row.end_date), "d MMM yyyy")
                same_year = row.start_date.year == row.end_date.year
                start = locale.toString(
                    QDate(row.start_date), "d MMM" if same_year else "d MMM yyyy"
                )
                return f"{start} → {end}"
            case self.STATE:
                return choice_label(row.state)
            case self.NEEDS:
                return str(row.need_count)
            case self.POINTS:
                return format_points(row.shown_points)
            case self.DONE:
                return format_points(row.done_points)
            case self.VELOCITY:
                return format_points(row.velocity)
            case self.CEREMONIES:
                return str(row.ceremony_count)
        return ""
