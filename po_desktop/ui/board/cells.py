"""One cell of the board: the cards of one swimlane in one column, as a list model.

Cards are never widgets: each cell is a :class:`CellModel` shown by a list view that
paints only the cards on screen. Drag and drop between cells speak need ids (see
:data:`MIME_TYPE`).
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Hashable
from operator import itemgetter
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    QTimer,
)

from po_desktop.store.queries import NeedRow
from po_desktop.ui.models import NEED_ID_ROLE

if TYPE_CHECKING:
    from po_desktop.ui.board.model import BoardModel

MIME_TYPE = "application/x-po-desktop-needs"
CARD_ROLE = Qt.ItemDataRole.UserRole + 2
"""The card's :class:`NeedRow`, for the delegate."""

_POINTS = itemgetter(NeedRow._fields.index("points"))

Index = QModelIndex | QPersistentModelIndex
LaneKey = Hashable


class CellModel(QStringListModel):
    """The cards of one lane in one column, in rank order; drag and drop speak need ids.

    Built on QStringListModel (one empty string per card) so that ``rowCount`` and
    ``index`` stay in C++: QListView lays out a column by asking for every row's
    index, and a Python ``rowCount`` made that 20 times slower (18 ms for 3,600
    cards, twice per card move). A card is the row at its index: the strings and
    the rows change together, and while they do (a card removed or inserted) no
    card is read, so what a view reads always matches the rows it was told about.
    Empty strings cost Qt no text each: the ids they held took 10 MB at 100,000
    needs.
    """

    def __init__(self, board: BoardModel, lane: LaneKey, column_id: int) -> None:
        super().__init__(board)
        self.board = board
        self.lane = lane
        self.column_id = column_id
        self._rows: list[NeedRow] = []
        self._position: dict[int, int] | None = {}
        self._strings = 0
        """How many strings the rows stand for. While a card is removed or inserted, Qt
        tells the views at once; from the moment the strings and the rows differ until
        both have changed, Qt's count is not this one, and no card is read."""
        self.points = 0.0
        """Story points of the cards shown here: headers add cells up, never cards."""

    # ----- content ------------------------------------------------------------------------
    def set_rows(self, rows: list[NeedRow], unread: int = 0) -> None:
        """Show these cards, then ``unread`` rows for cards not read yet (they paint
        nothing)."""
        if rows == self._rows:
            return  # same cards in the same order: keep selection and scroll untouched
        self._rows = rows
        self._reindex()
        self._strings = len(rows) + unread
        self.setStringList([""] * self._strings)

    def _reindex(self) -> None:
        self._position = None  # rebuilt when asked: a move needs no positions
        self.points = sum(filter(None, map(_POINTS, self._rows)), 0.0)

    def rows(self) -> list[NeedRow]:
        return self._rows

    def remove_id(self, need_id: int, card: NeedRow | None = None) -> None:
        row = self.row_of(need_id, card)
        if row is None:
            return
        QStringListModel.removeRows(self, row, 1)  # told first: the card is still there
        gone = self._rows.pop(row)
        self._strings -= 1
        self._position = None
        self.points -= gone.points or 0.0

    def insert_row(self, new: NeedRow) -> None:
        """Insert a card at its rank: a move touches two cells, not the whole board."""
        row = bisect.bisect_left(self._rows, (new.rank, new.id), key=_rank_key)
        self._rows.insert(row, new)
        self._strings += 1
        self._position = None
        self.points += new.points or 0.0
        QStringListModel.insertRows(self, row, 1)  # told last: the card is there

    def row_of(self, need_id: int, card: NeedRow | None = None) -> int | None:
        """The card's row here, None when this cell does not show it. Right after a move
        (a card removed or inserted), a known card is found by bisection on its rank:
        indexing a column of thousands of cards again took a millisecond or two."""
        if self._position is None:
            card = card or self.board.need(need_id)
            if card is not None:
                at = bisect.bisect_left(self._rows, (card.rank, card.id), key=_rank_key)
                if at < len(self._rows) and self._rows[at].id == need_id:
                    return at
            self._position = {row.id: i for i, row in enumerate(self._rows)}
        return self._position.get(need_id)

    # ----- Qt model interface -------------------------------------------------------------
    def card(self, index: Index) -> NeedRow | None:
        if not index.isValid() or self.rowCount() != self._strings:
            return None  # the strings and the rows are changing (see _strings)
        at = index.row()
        return self._rows[at] if at < len(self._rows) else None  # beyond: not read yet

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self.card(index)
        if row is None:
            return None
        if role == CARD_ROLE:
            return row
        if role == NEED_ID_ROLE:
            return row.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{row.key} {row.title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.board.tooltip(row)
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        return False  # cards are edited through the need editor, never in place

    def insertRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return False  # only the board adds cards (insert_row)

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return False  # a finished drag must not delete cards: the move service does it

    def moveRows(
        self,
        source_parent: Index,
        source_row: int,
        count: int,
        destination_parent: Index,
        destination_child: int,
    ) -> bool:
        """Refused: QListView tries this first for a drop inside the same list.

        Reordering the strings here would show one order while the cards
        (and Delete) follow another; the drop then goes through dropMimeData and
        the move service like any other.
        """
        return False

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # drops land between cards, never on one
        if index.row() >= len(self._rows):
            return Qt.ItemFlag.NoItemFlags  # a card not read yet (see BoardModel.set_data)
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


def _rank_key(row: NeedRow) -> tuple[int, int]:
    return (row.rank, row.id)
