"""Qt item models over the store's flat read rows."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from po_desktop.domain.messages import choice_label
from po_desktop.store.queries import NeedRow, SprintRow

NEED_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


def format_points(points: float | None) -> str:
    if points is None:
        return "—"
    text = f"{points:g}"
    return text.replace(".", ",") if _french() else text


def format_score(score: float | None) -> str:
    if score is None:
        return "—"
    text = f"{score:.0f}"
    return text


def _french() -> bool:
    from po_desktop.domain.messages import language

    return language() == "fr"


class NeedTableModel(QAbstractTableModel):
    """All needs as rows; the board, the ranked backlog and the search read it."""

    KEY, TITLE, PROJECT, STATUS, POINTS, SCORE, DECISION, SOURCE, UNIT, ASSIGNEE, SPRINT, TAGS = (
        range(12)
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[NeedRow] = []
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

    def set_rows(self, rows: list[NeedRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> NeedRow:
        return self._rows[row]

    def rows(self) -> list[NeedRow]:
        return self._rows

    def row_of(self, need_id: int) -> int | None:
        for i, r in enumerate(self._rows):
            if r.id == need_id:
                return i
        return None

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

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == NEED_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.KEY, self.TITLE):
            return f"{row.key} — {row.title}\n\n{row.problem[:600]}"
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
                return choice_label(row.decision) if row.decision else self.tr("not scored")
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
                return row.sprint_name or self.tr("Backlog")
            case self.TAGS:
                return ", ".join(row.tags)
        return ""

    def _sort_key(self, row: NeedRow, column: int) -> object:
        match column:
            case self.KEY:
                return (row.project_code, int(row.key.rsplit("-", 1)[1]))
            case self.STATUS:
                return (row.column_position, row.rank)
            case self.POINTS:
                return -1.0 if row.points is None else row.points
            case self.SCORE:
                return -1.0 if row.score is None else row.score
        return self._display(row, column).casefold()


class NeedFilterProxy(QSortFilterProxyModel):
    """Free text (key, title, problem) and project filter; sorts on typed keys."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._project_id: int | None = None
        self._scored_only = False
        self._open_only = False
        self._done_column_ids: frozenset[int] = frozenset()
        self.setSortRole(SORT_ROLE)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_project(self, project_id: int | None) -> None:
        self.beginFilterChange()
        self._project_id = project_id
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_open_only(self, open_only: bool, done_column_ids: frozenset[int]) -> None:
        self.beginFilterChange()
        self._open_only = open_only
        self._done_column_ids = done_column_ids
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def lessThan(self, left: Index, right: Index) -> bool:
        a = left.data(SORT_ROLE)
        b = right.data(SORT_ROLE)
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, NeedTableModel)
        row = model.row_at(source_row)
        if self._project_id is not None and row.project_id != self._project_id:
            return False
        if self._open_only and row.column_id in self._done_column_ids:
            return False
        if self._text:
            text = self._text
            return (
                text in row.key.casefold()
                or text in row.title.casefold()
                or text in row.problem.casefold()
            )
        return True


class SprintTableModel(QAbstractTableModel):
    NAME, DATES, STATE, NEEDS, POINTS, DONE, VELOCITY, CEREMONIES = range(8)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SprintRow] = []
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

    def row_at(self, row: int) -> SprintRow:
        return self._rows[row]

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

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.goal or None
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
            case self.DATES:
                start = locale.toString(QDate(row.start_date), QLocale.FormatType.ShortFormat)
                end = locale.toString(QDate(row.end_date), QLocale.FormatType.ShortFormat)
                return f"{start} → {end}"
            case self.STATE:
                return choice_label(row.state)
            case self.NEEDS:
                return str(row.need_count)
            case self.POINTS:
                return format_points(row.points)
            case self.DONE:
                return format_points(row.done_points)
            case self.VELOCITY:
                return format_points(row.velocity)
            case self.CEREMONIES:
                return str(row.ceremony_count)
        return ""
