"""The ranked backlog's model: ranks over every open scored need, one column per
criterion of the active grid, and the what-if simulation of other weights."""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter, itemgetter
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QFont

from po_desktop.domain.messages import language
from po_desktop.domain.scoring import (
    DECISION_ORDER,
    CriterionSpec,
    Grid,
    Ranked,
    Reranker,
    WhatIf,
    rank,
)
from po_desktop.store.queries import NeedRow
from po_desktop.ui.models import NEED_ID_ROLE, Index, NeedTableModel, format_points, format_score

_NEED_ID, _SCORE, _RANK = itemgetter(0), itemgetter(1), itemgetter(2)
"""A :class:`Ranked`'s fields, read without an attribute lookup."""
_ROW_ID = attrgetter("id")


class RankedNeedModel(NeedTableModel):
    """The ranked backlog: each need's rank, one column per criterion of the active grid,
    and, while weights are simulated, the simulated score and how far each need moved.

    Ranks count every open scored need, whatever the filters show: "rank 12" is the
    need's place in the whole backlog.
    """

    RANK, MOVE = 12, 13
    FIRST_CRITERION = 14

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fixed_headers = [*self._headers, self.tr("Rank"), self.tr("Move")]
        self._headers = list(self._fixed_headers)
        self.criteria: tuple[CriterionSpec, ...] = ()
        self._values: dict[int, dict[str, float]] = {}
        self._saved: list[Ranked] = []
        self._ranks: dict[int, int] = {}
        self._rank_order: list[int] = []
        self._simulated: dict[int, float] | None = None
        self._moved: dict[int, int] = {}
        self._reranker: Reranker | None = None
        self._reranker_rows: list[NeedRow] | None = None
        self._decisions: dict[int, str | None] = {}
        self._fixed: dict[int, float] = {}
        """The scores of open needs scored on other grids, which what-if leaves alone."""
        self._fixed_of: list[Ranked] | None = None
        """The saved ranking ``_fixed`` was read from (a new list at each refresh)."""

    # ----- content ------------------------------------------------------------------------
    def set_grid(
        self, criteria: tuple[CriterionSpec, ...], values: dict[int, dict[str, float]]
    ) -> None:
        """The active grid's criteria (one column each) and every need's values on it."""
        self.beginResetModel()
        self.criteria = criteria
        self._values = values
        lang = language()
        # Narrow columns: the label's first word, a long one shortened ("Invest."); the
        # header's tooltip has the whole label.
        self._headers = [*self._fixed_headers, *(_short_label(c, lang) for c in criteria)]
        self._simulated, self._moved = None, {}
        self._reranker, self._fixed_of = None, None
        if self._sort_column >= self.FIRST_CRITERION + len(criteria):
            # Sorted by a criterion this grid does not have: back to the ranking.
            self._sort_column, self._sort_order = self.RANK, Qt.SortOrder.AscendingOrder
        self.endResetModel()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Criterion headers are narrow: the tooltip gives the whole label and the scale."""
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section - self.FIRST_CRITERION < len(self.criteria)
        ):
            spec = self.criteria[section - self.FIRST_CRITERION]
            low, high = format_points(spec.scale_min), format_points(spec.scale_max)
            return f"{spec.label.render(language())} ({low} – {high})"
        return super().headerData(section, orientation, role)

    def values_of(self, need_id: int) -> dict[str, float] | None:
        return self._values.get(need_id)

    def _refresh(self) -> None:
        done = self._filter.done_column_ids
        open_rows = [r for r in self._all if r.in_backlog(done)]
        self._saved = rank([(r.id, r.score, r.decision) for r in open_rows if r.score is not None])
        if self._simulated is None:
            self._set_ranks(self._saved)
        super()._refresh()

    def _set_ranks(self, ranking: list[Ranked]) -> None:
        self._rank_order = list(map(_NEED_ID, ranking))
        self._ranks = dict(zip(self._rank_order, map(_RANK, ranking), strict=True))

    def saved_ranking(self) -> list[Ranked]:
        return self._saved

    def rank_preview(self, need_id: int, score: float, decision: str | None) -> tuple[int, int]:
        """The rank this need would get with this score and decision, among the open needs
        as saved (filters aside): the ranking the table shows once it is saved, ties
        (decision, then age) included. Returns (rank, number of ranked needs)."""
        entries = [
            (r.id, r.score, r.decision)
            for r in self._all
            if r.score is not None
            and r.id != need_id
            and r.in_backlog(self._filter.done_column_ids)
        ]
        entries.append((need_id, score, decision))
        ranked = rank(entries)
        place = next(r.rank for r in ranked if r.need_id == need_id)
        return place, len(ranked)

    def set_simulation(self, result: WhatIf | None) -> None:
        """Show simulated scores, ranks and moves (None: back to the saved scores)."""
        if result is None:
            self._simulated, self._moved = None, {}
            self._set_ranks(self._saved)
        else:
            self._set_ranks(result.ranked)
            self._simulated = dict(zip(self._rank_order, map(_SCORE, result.ranked), strict=True))
            self._moved = result.moved
        self.sort(self._sort_column, self._sort_order)  # layoutChanged: every cell repaints

    def simulate(self, grid: Grid) -> WhatIf:
        """The open needs re-ranked with ``grid``'s weights; needs scored on other grids
        keep their score and their place among the others."""
        if self._reranker is None or self._reranker_rows is not self._all:
            # Built once per load: each weight change then costs a weighted sum per need.
            values = {r.need_id: v for r in self._saved if (v := self._values.get(r.need_id))}
            self._reranker = Reranker(grid, values)
            self._reranker_rows, self._fixed_of = self._all, None
            self._decisions = {r.id: r.decision for r in self._all}
        if self._fixed_of is not self._saved:  # the ranking as saved changed
            values = self._reranker.values
            self._fixed = {r.need_id: r.score for r in self._saved if r.need_id not in values}
            self._fixed_of = self._saved
        return self._reranker.what_if(grid, self._decisions, self._saved, self._fixed)

    @property
    def simulating(self) -> bool:
        return self._simulated is not None

    def moved_count(self) -> int:
        return sum(1 for m in self._moved.values() if m)

    def score_of(self, row: NeedRow) -> float | None:
        if self._simulated is not None and row.id in self._simulated:
            return self._simulated[row.id]
        return row.score

    # ----- Qt model interface -------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        column = index.column()
        if column < self.RANK and column != self.SCORE:
            return super().data(index, role)
        row = self._row_for(index)
        if row is None:
            return None
        simulated = self._simulated or {}
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == NEED_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            centre = column == self.MOVE
            return int(
                Qt.AlignmentFlag.AlignCenter if centre else Qt.AlignmentFlag.AlignRight
            ) | int(Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.MOVE:
            move = self._moved.get(row.id, 0)
            return QColor("#1B7F3B") if move > 0 else QColor("#B00020") if move < 0 else None
        if role == Qt.ItemDataRole.ToolTipRole and column == self.SCORE and row.id in simulated:
            return (
                self.tr("Saved score %1, simulated %2")
                .replace("%1", format_score(row.score))
                .replace("%2", format_score(simulated[row.id]))
            )
        if role == Qt.ItemDataRole.FontRole and column == self.SCORE and row.id in simulated:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _display(self, row: NeedRow, column: int) -> str:
        if column == self.SCORE:
            return format_score(self.score_of(row))
        if column == self.RANK:
            place = self._ranks.get(row.id)
            return "—" if place is None else str(place)
        if column == self.MOVE:
            move = self._moved.get(row.id)
            if move is None:
                return ""
            return f"▲ {move}" if move > 0 else f"▼ {-move}" if move < 0 else "="
        if column >= self.FIRST_CRITERION:
            values = self._values.get(row.id)
            spec = self.criteria[column - self.FIRST_CRITERION]
            return (
                "" if values is None or spec.key not in values else format_points(values[spec.key])
            )
        return super()._display(row, column)

    def _sorted(self, rows: list[NeedRow]) -> list[NeedRow]:
        """By rank straight from the ranking, unscored needs after, oldest first.

        What-if re-sorts on every weight change; a key function would be one
        Python call per row.
        """
        if self._sort_column != self.RANK:
            return super()._sorted(rows)
        ids = list(map(_ROW_ID, rows))
        shown = dict(zip(ids, rows, strict=True))
        ordered = list(filter(None, map(shown.get, self._rank_order)))  # rows are never falsy
        ranks = self._ranks
        unscored = (r for r, i in zip(rows, ids, strict=True) if i not in ranks)
        ordered.extend(sorted(unscored, key=_ROW_ID))
        if self._sort_order == Qt.SortOrder.DescendingOrder:
            ordered.reverse()
        return ordered

    def _sort_key(self, column: int) -> Callable[[NeedRow], Any]:
        tail = lambda r: (-DECISION_ORDER.get(r.decision, 3), -r.id)  # noqa: E731
        if column == self.SCORE:
            return lambda r: (-1.0 if (s := self.score_of(r)) is None else s, *tail(r))
        if column == self.RANK:
            far = len(self._all) + 1
            return lambda r: (self._ranks.get(r.id, far), r.id)
        if column == self.MOVE:
            return lambda r: (self._moved.get(r.id, 0), -self._ranks.get(r.id, 0))
        if column >= self.FIRST_CRITERION:
            key = self.criteria[column - self.FIRST_CRITERION].key
            return lambda r: (self._values.get(r.id, {}).get(key, float("-inf")), *tail(r))
        return super()._sort_key(column)


def _short_label(spec: CriterionSpec, lang: str) -> str:
    word = (spec.label.render(lang).split() or [spec.key])[0].rstrip(":,;")
    return word if len(word) <= 10 else word[:6] + "."
