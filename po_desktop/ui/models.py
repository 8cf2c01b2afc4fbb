"""Qt item models over the store's flat read rows."""

from __future__ import annotations

import re
from collections.abc import Callable
from operator import attrgetter
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
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QWidget

from po_desktop.domain.messages import choice_label, language
from po_desktop.domain.scoring import (
    DECISION_ORDER,
    CriterionSpec,
    Grid,
    Ranked,
    Reranker,
    WhatIf,
    rank,
)
from po_desktop.store.queries import NeedRow, SprintRow
from po_desktop.ui.filtering import NeedFilter

NEED_ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


def format_points(points: float | None) -> str:
    if points is None:
        return "—"
    text = f"{points:g}"
    return text.replace(".", ",") if _french() else text


def format_percent(share: float) -> str:
    """0.5 as "50 %" in French (a no-break space before the sign), "50%" in English."""
    number = f"{share * 100:.0f}"
    return f"{number}\u00a0%" if _french() else f"{number}%"


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
    text = f"{score:.0f}"
    return text


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
    from po_desktop.domain.messages import language

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
        self._haystacks: dict[int, str] = {}
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
        haystacks: dict[int, str] | None = None,
    ) -> None:
        """New data (and optionally a new filter) in one reset.

        ``haystacks`` is the search-text cache shared by every view of these rows.
        """
        self._all = rows
        if haystacks is not None:
            self._haystacks = haystacks
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
        rows = self._filter.apply(self._all, self._haystacks)
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
            return literal_html(f"{row.key} — {row.title}\n\n{row.problem[:600]}")
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
        self._reranker = None
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
        open_rows = [r for r in self._all if r.column_id not in self._filter.done_column_ids]
        self._saved = rank([(r.id, r.score, r.decision) for r in open_rows if r.score is not None])
        if self._simulated is None:
            self._set_ranks(self._saved)
        super()._refresh()

    def _set_ranks(self, ranking: list[Ranked]) -> None:
        self._ranks = {r.need_id: r.rank for r in ranking}
        self._rank_order = [r.need_id for r in ranking]

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
            and r.column_id not in self._filter.done_column_ids
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
            self._simulated = {r.need_id: r.score for r in result.ranked}
            self._set_ranks(result.ranked)
            self._moved = result.moved
        self.sort(self._sort_column, self._sort_order)  # layoutChanged: every cell repaints

    def simulate(self, grid: Grid) -> WhatIf:
        """The open needs re-ranked with ``grid``'s weights; needs scored on other grids
        keep their score and their place among the others."""
        if self._reranker is None or self._reranker_rows is not self._all:
            # Built once per load: each weight change then costs a weighted sum per need.
            values = {r.need_id: v for r in self._saved if (v := self._values.get(r.need_id))}
            self._reranker = Reranker(grid, values)
            self._reranker_rows = self._all
            self._decisions = {r.id: r.decision for r in self._all}
        values = self._reranker.values
        fixed = {r.need_id: r.score for r in self._saved if r.need_id not in values}
        return self._reranker.what_if(grid, self._decisions, self._saved, fixed)

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
        shown = {row.id: row for row in rows}
        ordered = [shown[i] for i in self._rank_order if i in shown]
        ordered.extend(sorted((r for r in rows if r.id not in self._ranks), key=attrgetter("id")))
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
                return format_points(row.points)
            case self.DONE:
                return format_points(row.done_points)
            case self.VELOCITY:
                return format_points(row.velocity)
            case self.CEREMONIES:
                return str(row.ceremony_count)
        return ""
