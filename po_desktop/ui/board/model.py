"""The board's data: filtered needs grouped into swimlanes x columns, one list model per cell.

Cards are never widgets: each cell of the board is a :class:`CellModel` shown by
a list view that paints only the cards on screen, so 10,000 cards cost what a
screenful costs. Grouping keeps the rows in workflow order (column, rank), so
no cell needs its own sort.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter

from PySide6.QtCore import (
    QObject,
    Signal,
)

from po_desktop.domain.readiness import EntryRule
from po_desktop.store.queries import NeedRow
from po_desktop.ui.board.cells import CellModel, LaneKey
from po_desktop.ui.filtering import NeedFilter, SearchIndex

_ID = attrgetter("id")

LANE_MODES = ("none", "project", "assignee", "unit")


@dataclass(frozen=True)
class ColumnInfo:
    id: int
    name: str
    wip_limit: int | None
    is_done: bool
    entry_rules: frozenset[EntryRule] = frozenset()
    """What a need arriving here must have; a move that breaks a rule asks first."""


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
    """Cards in the column whatever the filters but the archive: what the WIP limit counts.
    Archived needs left the board and count only while the board shows the archive."""

    def over_limit(self, limit: int | None) -> bool:
        return limit is not None and self.total > limit


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
        self._filter = NeedFilter()
        self._search = SearchIndex()
        """Recent searches' cards: a keystroke narrows what the previous one found."""
        self._cells: dict[tuple[LaneKey, int], CellModel] = {}
        self._lane_labels: Callable[[str, LaneKey, NeedRow | None], Lane] = (
            lambda _mode, key, _row: Lane(key, str(key))
        )
        self._tooltip: Callable[[NeedRow], str] = lambda row: f"{row.key} — {row.title}"
        self._shown = 0
        self._order: dict[int, int] = {}
        self._in_id_order: list[NeedRow] = []
        """The rows in the order of their ids, found by bisection: a table of them by id
        took 5 MB at 100,000 needs."""
        self._totals: dict[int, int] = {}
        self._drawn_columns: list[ColumnInfo] = []
        self._figures: dict[int, tuple[int, float]] | None = None

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
        need_filter: NeedFilter | None = None,
        figures: dict[int, tuple[int, float]] | None = None,
    ) -> None:
        """The cards, and how they are filtered. ``figures``: ``rows`` are only each
        column's first cards, and these its needs and points, read by SQL; given only
        without filters and swimlanes, where the cards shown are the column's needs."""
        self._figures = figures
        self.columns = list(columns)
        self._order = {c.id: i for i, c in enumerate(self.columns)}
        self._all = sorted(rows, key=self._sort_key)
        self._in_id_order = sorted(rows, key=_ID)  # given in that order: one pass
        self._search.clear()
        if need_filter is not None:
            self._filter = need_filter
        self._count_totals()
        self._rebuild()

    def set_filter(self, need_filter: NeedFilter) -> None:
        if need_filter != self._filter:
            scope_changed = need_filter.scope != self._filter.scope
            self._filter = need_filter
            if scope_changed:
                self._count_totals()
            self._rebuild()

    def _on_board(self, row: NeedRow) -> bool:
        """Whether a need counts in its column's total: archived needs left the board and
        count only while the board shows the archive (they still count in reports)."""
        return (row.archived_at is not None) == (self._filter.scope == "archived")

    def _count_totals(self) -> None:
        if self._figures is not None:
            self._totals = {c: self._figures.get(c, (0, 0.0))[0] for c in self._order}
            return
        self._totals = dict.fromkeys(self._order, 0)
        for row in self._all:
            if row.column_id in self._totals and self._on_board(row):
                self._totals[row.column_id] += 1

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
        """Whether a card may be dropped into another swimlane.

        Into another person's lane, yes: the drop gives it to them, as on any
        kanban. Not into another project's lane (that would change its key) nor
        another business unit's: those are edits, made in the need editor.
        """
        return self.lane_mode in ("none", "assignee")

    # ----- outputs ------------------------------------------------------------------------
    def cell(self, lane: LaneKey, column_id: int) -> CellModel:
        return self._cells[(lane, column_id)]

    def cells(self) -> list[CellModel]:
        return list(self._cells.values())

    def shown_count(self) -> int:
        return self._shown

    def total_count(self) -> int:
        """The needs on the board whatever the filters (the archive while it is shown)."""
        return sum(self._totals.values())

    def column(self, column_id: int) -> ColumnInfo | None:
        return next((c for c in self.columns if c.id == column_id), None)

    def first_in_column(self, column_id: int) -> NeedRow | None:
        """The top card of a column, filters aside: "move to top" goes above it."""
        order = self._order.get(column_id)
        if order is None:
            return None
        position = bisect.bisect_left(self._all, (order,), key=self._sort_key)
        if position < len(self._all) and self._all[position].column_id == column_id:
            return self._all[position]
        return None

    def _sort_key(self, row: NeedRow) -> tuple[int, int, int]:
        """Workflow order: column, then rank; the id breaks ties so order never shuffles."""
        return (self._order.get(row.column_id, len(self._order)), row.rank, row.id)

    def _column_order(self, row: NeedRow) -> int:
        return self._order.get(row.column_id, len(self._order))

    def _position(self, row: NeedRow) -> int:
        return bisect.bisect_left(self._all, self._sort_key(row), key=self._sort_key)

    def _find_id(self, need_id: int) -> NeedRow | None:
        at = bisect.bisect_left(self._in_id_order, need_id, key=_ID)
        return (
            self._in_id_order[at]
            if at < len(self._in_id_order) and self._in_id_order[at].id == need_id
            else None
        )

    def need(self, need_id: int) -> NeedRow | None:
        """A need's row, filters aside."""
        return self._find_id(need_id)

    def column_of(self, need_id: int) -> int | None:
        row = self._find_id(need_id)
        return None if row is None else row.column_id

    def assignee_of(self, need_id: int) -> int | None:
        row = self._find_id(need_id)
        return None if row is None else row.assignee_id

    def after(self, need_id: int, skip: set[int]) -> int | None:
        """The card below this one in its column, filters aside (None: it is the last)."""
        found = self._find_id(need_id)
        if found is None:
            return None
        position = self._position(found)
        column_id = found.column_id
        for row in self._all[position + 1 :]:
            if row.column_id != column_id:
                return None
            if row.id not in skip:
                return row.id
        return None

    def find(self, need_id: int) -> tuple[CellModel, int] | None:
        known = self._find_id(need_id)
        if known is not None:  # a card is only ever in the cell of its lane and column
            cell = self._cells.get((_LANE_KEYS[self.lane_mode](known), known.column_id))
            row = cell.row_of(need_id, known) if cell is not None else None
            return (cell, row) if cell is not None and row is not None else None
        for cell in self._cells.values():
            row = cell.row_of(need_id)
            if row is not None:
                return cell, row
        return None

    # ----- grouping -----------------------------------------------------------------------
    def _rebuild(self) -> None:
        rows = self._search.shown(self._filter, self._all)
        key_of = _LANE_KEYS[self.lane_mode]
        column_ids = [c.id for c in self.columns]
        groups: dict[tuple[LaneKey, int], list[NeedRow]] = {}
        first_row: dict[LaneKey, NeedRow] = {}
        if self.lane_mode == "none":
            lanes = [Lane(None, "")]
            start = 0  # rows in workflow order: each column's cards are one slice of them
            for order, column_id in enumerate(column_ids):
                end = bisect.bisect_left(rows, order + 1, lo=start, key=self._column_order)
                groups[(None, column_id)] = rows[start:end]
                start = end
        else:
            for row in rows:
                lane = key_of(row)
                groups.setdefault((lane, row.column_id), []).append(row)
                first_row.setdefault(lane, row)
            lanes = sorted(
                (self._lane_labels(self.lane_mode, key, row) for key, row in first_row.items()),
                key=_lane_order,
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
            shown, unread = groups.get(key, []), 0
            if self._figures is not None and self.lane_mode == "none":
                # Rows for the cards not read yet, which paint nothing: a column painted
                # before all its cards are read already has its scroll bar.
                unread = self._totals.get(key[1], 0) - len(shown)
            cell.set_rows(shown, unread)
        self._count(column_ids)
        if structure:
            self.structure_changed.emit()
        else:
            self.contents_changed.emit()

    def _count(self, column_ids: list[int]) -> None:
        """Figures of these columns from what their cells show."""
        if self._figures is not None:
            for column_id in column_ids:
                count, points = self._figures.get(column_id, (0, 0.0))
                self.stats[column_id] = ColumnStats(count, points, count)
            self._shown = sum(stats.shown for stats in self.stats.values())
            self.lane_counts = {lane.key: self._shown for lane in self.lanes}
            return
        for column_id in column_ids:
            cells = [self._cells[(lane.key, column_id)] for lane in self.lanes]
            self.stats[column_id] = ColumnStats(
                sum(len(cell.rows()) for cell in cells),
                sum(cell.points for cell in cells),
                self._totals.get(column_id, 0),
            )
        self._shown = sum(stats.shown for stats in self.stats.values())

    def patch(self, fresh: dict[int, NeedRow | None]) -> bool:
        """Apply changed rows (None: deleted) in place; False when a rebuild is needed.

        A card move changes two cells: removing and inserting one row each keeps
        the other cells, their selection and their scroll position untouched.
        """
        key_of = _LANE_KEYS[self.lane_mode]
        self._search.clear()  # rows and texts change: earlier searches found other cards
        for row in fresh.values():
            if row is None:
                continue
            if row.column_id not in self._order:
                return False
            if (key_of(row), row.column_id) not in self._cells and self._accepts(row):
                return False  # a new lane: rebuild
        touched: set[int] = set()
        for need_id, row in fresh.items():
            old = self._find_id(need_id)
            if old is not None:
                del self._in_id_order[bisect.bisect_left(self._in_id_order, need_id, key=_ID)]
                del self._all[self._position(old)]
                if self._on_board(old):
                    self._totals[old.column_id] -= 1
                cell = self._cells.get((key_of(old), old.column_id))
                if cell is not None:
                    cell.remove_id(need_id, old)
                touched.add(old.column_id)
            if row is not None:
                self._all.insert(self._position(row), row)
                bisect.insort(self._in_id_order, row, key=_ID)
                if self._on_board(row):
                    self._totals[row.column_id] += 1
                if self._accepts(row):
                    self._cells[(key_of(row), row.column_id)].insert_row(row)
                touched.add(row.column_id)
        column_ids = [c.id for c in self.columns]
        self.lane_counts = {
            lane.key: sum(len(self._cells[(lane.key, c)].rows()) for c in column_ids)
            for lane in self.lanes
        }
        if self.lane_mode != "none" and not all(self.lane_counts.values()):
            self._rebuild()  # a lane lost its last card: it goes, as after any rebuild
            return True
        self._count([c for c in column_ids if c in touched])
        self.contents_changed.emit()
        return True

    def _accepts(self, row: NeedRow) -> bool:
        if not self._filter.text:
            return self._filter.accepts(row)
        return self._filter.apply([row]) != []


def _lane_order(lane: Lane) -> tuple[int, str]:
    """Named lanes alphabetically, the catch-all lane ("nobody", "no unit") last."""
    empty = lane.key is None or lane.key == ""
    return (1 if empty else 0, lane.label.casefold())
