"""The board's data: filtered needs grouped into swimlanes x columns, one list model per cell.

Cards are never widgets: each cell of the board is a :class:`CellModel` shown by
a list view that paints only the cards on screen, so 10,000 cards cost what a
screenful costs. Grouping keeps the rows in workflow order (column, rank), so
no cell needs its own sort.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from po_desktop.store.queries import NeedRow
from po_desktop.ui.filtering import NeedFilter
from po_desktop.ui.models import NEED_ID_ROLE

MIME_TYPE = "application/x-po-desktop-needs"
CARD_ROLE = Qt.ItemDataRole.UserRole + 2
"""The card's :class:`NeedRow`, for the delegate."""

LANE_MODES = ("none", "project", "assignee", "unit")

Index = QModelIndex | QPersistentModelIndex
LaneKey = Hashable


@dataclass(frozen=True)
class ColumnInfo:
    id: int
    name: str
    wip_limit: int | None
    is_done: bool


@dataclass(frozen=True)
class Lane:
    key: LaneKey
    label: str
    color: str | None = None


@dataclass(frozen=True)
class ColumnStats:
    shown: int
    """Cards shown (after filters)."""
    points: float
    """Points of the cards shown."""
    total: int
    """Cards in the column whatever the filters: what the WIP limit counts."""

    def over_limit(self, limit: int | None) -> bool:
        return limit is not None and self.total > limit


class CellModel(QAbstractListModel):
    """The cards of one lane in one column, in rank order; drag and drop speak need ids."""

    def __init__(self, board: BoardModel, lane: LaneKey, column_id: int) -> None:
        super().__init__(board)
        self.board = board
        self.lane = lane
        self.column_id = column_id
        self._rows: list[NeedRow] = []
        self._position: dict[int, int] = {}

    # ----- content ------------------------------------------------------------------------
    def set_rows(self, rows: list[NeedRow]) -> None:
        if rows == self._rows:
            return  # same cards in the same order: keep selection and scroll untouched
        self.beginResetModel()
        self._rows = rows
        self._position = {row.id: i for i, row in enumerate(rows)}
        self.endResetModel()

    def rows(self) -> list[NeedRow]:
        return self._rows

    def row_of(self, need_id: int) -> int | None:
        return self._position.get(need_id)

    # ----- Qt model interface -------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == CARD_ROLE:
            return row
        if role == NEED_ID_ROLE:
            return row.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{row.key} {row.title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.board.tooltip(row)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # drops land between cards, never on one
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        payload = {
            "board": self.board.token,
            "lane": _lane_to_json(self.lane),
            "ids": [self._rows[r].id for r in rows],
        }
        mime = QMimeData()
        mime.setData(MIME_TYPE, QByteArray(json.dumps(payload).encode()))
        return mime

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        return self._decode(data) is not None and action in (
            Qt.DropAction.MoveAction,
            Qt.DropAction.CopyAction,  # some platforms offer copy first; we always move
        )

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        """Ask the board to move the cards here, after the drag has finished.

        The move may ask a question (WIP limit); a modal dialog inside the
        platform's drag loop is fragile, so it runs on the next event-loop turn.
        Returning False keeps Qt from "removing" the source rows itself.
        """
        ids = self._decode(data)
        if ids is None:
            return False
        if parent.isValid():
            row = parent.row()
        before = self._rows[row].id if 0 <= row < len(self._rows) else None
        lane, column_id = self.lane, self.column_id
        QTimer.singleShot(0, lambda: self.board.drop_requested.emit(ids, column_id, before, lane))
        return False

    def _decode(self, data: QMimeData) -> list[int] | None:
        if not data.hasFormat(MIME_TYPE):
            return None
        try:
            payload = json.loads(bytes(data.data(MIME_TYPE).data()).decode())
            ids = [int(i) for i in payload["ids"]]
            same_board = payload["board"] == self.board.token
            lane = _lane_from_json(payload["lane"])
        except (ValueError, KeyError, TypeError):
            return None
        if not ids or not same_board:
            return None  # cards from another window's database mean other needs
        if lane != self.lane and not self.board.lanes_accept_moves():
            return None
        return ids


def _lane_to_json(lane: LaneKey) -> object:
    return lane if lane is None or isinstance(lane, int | str) else str(lane)


def _lane_from_json(value: object) -> LaneKey:
    return value if value is None or isinstance(value, int | str) else str(value)


_LANE_KEYS: dict[str, Callable[[NeedRow], LaneKey]] = {
    "none": lambda r: None,
    "project": lambda r: r.project_id,
    "assignee": lambda r: r.assignee_id,
    "unit": lambda r: r.business_unit,
}


class BoardModel(QObject):
    """Rows, filter and swimlane mode in; lanes, per-cell models and column figures out."""

    structure_changed = Signal()
    """Lanes or columns changed: the view rebuilds its cells."""
    contents_changed = Signal()
    """Cards moved between existing cells: headers and lane counts repaint."""
    drop_requested = Signal(list, int, object, object)
    """Cards (ids) dropped into a column, above a card id (None: at the end), in a lane."""

    _tokens = 0

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        BoardModel._tokens += 1
        self.token = f"{id(self):x}-{BoardModel._tokens}"
        self.columns: list[ColumnInfo] = []
        self.lanes: list[Lane] = []
        self.stats: dict[int, ColumnStats] = {}
        self.lane_counts: dict[LaneKey, int] = {}
        self.lane_mode = "none"
        self._all: list[NeedRow] = []
        self._haystacks: dict[int, str] = {}
        self._filter = NeedFilter()
        self._cells: dict[tuple[LaneKey, int], CellModel] = {}
        self._lane_labels: Callable[[str, LaneKey, NeedRow | None], Lane] = (
            lambda _mode, key, _row: Lane(key, str(key))
        )
        self._tooltip: Callable[[NeedRow], str] = lambda row: f"{row.key} — {row.title}"
        self._shown = 0
        self._index: dict[int, int] = {}
        self._drawn_columns: list[ColumnInfo] = []

    # ----- inputs -------------------------------------------------------------------------
    def set_tooltip_maker(self, maker: Callable[[NeedRow], str]) -> None:
        self._tooltip = maker

    def tooltip(self, row: NeedRow) -> str:
        return self._tooltip(row)

    def set_lane_labeller(self, labeller: Callable[[str, LaneKey, NeedRow | None], Lane]) -> None:
        """How a lane key reads ("ERP — Déploiement ERP", "Non attribué"); the page knows."""
        self._lane_labels = labeller

    def set_data(
        self,
        columns: list[ColumnInfo],
        rows: list[NeedRow],
        haystacks: dict[int, str],
        need_filter: NeedFilter | None = None,
    ) -> None:
        self.columns = list(columns)
        order = {c.id: i for i, c in enumerate(self.columns)}
        self._all = sorted(rows, key=lambda r: (order.get(r.column_id, len(order)), r.rank, r.id))
        self._index = {row.id: i for i, row in enumerate(self._all)}
        self._haystacks = haystacks
        if need_filter is not None:
            self._filter = need_filter
        self._rebuild()

    def set_filter(self, need_filter: NeedFilter) -> None:
        if need_filter != self._filter:
            self._filter = need_filter
            self._rebuild()

    def set_lane_mode(self, mode: str) -> None:
        if mode not in LANE_MODES:
            mode = "none"
        if mode != self.lane_mode:
            self.lane_mode = mode
            self._rebuild()

    @property
    def need_filter(self) -> NeedFilter:
        return self._filter

    def lanes_accept_moves(self) -> bool:
        """Cards may change lane only when lanes are off: a drop never edits a field silently."""
        return self.lane_mode == "none"

    # ----- outputs ------------------------------------------------------------------------
    def cell(self, lane: LaneKey, column_id: int) -> CellModel:
        return self._cells[(lane, column_id)]

    def cells(self) -> list[CellModel]:
        return list(self._cells.values())

    def shown_count(self) -> int:
        return self._shown

    def total_count(self) -> int:
        return len(self._all)

    def column(self, column_id: int) -> ColumnInfo | None:
        return next((c for c in self.columns if c.id == column_id), None)

    def first_in_column(self, column_id: int) -> NeedRow | None:
        """The top card of a column, filters aside: "move to top" goes above it."""
        return next((r for r in self._all if r.column_id == column_id), None)

    def column_of(self, need_id: int) -> int | None:
        position = self._index.get(need_id)
        return None if position is None else self._all[position].column_id

    def after(self, need_id: int, skip: set[int]) -> int | None:
        """The card below this one in its column, filters aside (None: it is the last)."""
        position = self._index.get(need_id)
        if position is None:
            return None
        column_id = self._all[position].column_id
        for row in self._all[position + 1 :]:
            if row.column_id != column_id:
                return None
            if row.id not in skip:
                return row.id
        return None

    def find(self, need_id: int) -> tuple[CellModel, int] | None:
        for cell in self._cells.values():
            row = cell.row_of(need_id)
            if row is not None:
                return cell, row
        return None

    # ----- grouping -----------------------------------------------------------------------
    def _rebuild(self) -> None:
        rows = self._filter.apply(self._all, self._haystacks)
        self._shown = len(rows)
        key_of = _LANE_KEYS[self.lane_mode]
        column_ids = [c.id for c in self.columns]
        groups: dict[tuple[LaneKey, int], list[NeedRow]] = {}
        first_row: dict[LaneKey, NeedRow] = {}
        for row in rows:
            lane = key_of(row)
            groups.setdefault((lane, row.column_id), []).append(row)
            first_row.setdefault(lane, row)
        if self.lane_mode == "none":
            lanes = [Lane(None, "")]
        else:
            lanes = sorted(
                (self._lane_labels(self.lane_mode, key, row) for key, row in first_row.items()),
                key=_lane_order,
            )
        totals: dict[int, int] = dict.fromkeys(column_ids, 0)
        for row in self._all:
            if row.column_id in totals:
                totals[row.column_id] += 1
        self.stats = {}
        for column_id in column_ids:
            shown = [r for lane in lanes for r in groups.get((lane.key, column_id), ())]
            self.stats[column_id] = ColumnStats(
                len(shown), sum(r.points or 0.0 for r in shown), totals[column_id]
            )
        self.lane_counts = {
            lane.key: sum(len(groups.get((lane.key, c), ())) for c in column_ids) for lane in lanes
        }
        wanted = [(lane.key, column_id) for lane in lanes for column_id in column_ids]
        structure = (
            wanted != list(self._cells)
            or lanes != self.lanes
            or self.columns != self._drawn_columns
        )
        self._drawn_columns = list(self.columns)
        if structure:
            old = self._cells
            self._cells = {}
            for key in wanted:
                cell = old.pop(key, None) or CellModel(self, key[0], key[1])
                self._cells[key] = cell
            for cell in old.values():
                cell.deleteLater()
        self.lanes = lanes
        for key, cell in self._cells.items():
            cell.set_rows(groups.get(key, []))
        if structure:
            self.structure_changed.emit()
        else:
            self.contents_changed.emit()


def _lane_order(lane: Lane) -> tuple[int, str]:
    """Named lanes alphabetically, the catch-all lane ("nobody", "no unit") last."""
    empty = lane.key is None or lane.key == ""
    return (1 if empty else 0, lane.label.casefold())
