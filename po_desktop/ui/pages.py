"""Table pages of the main window: every need as a list, scoring (ranked), calendar (sprints)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from po_desktop.ui.models import (
    NEED_ID_ROLE,
    NeedTableModel,
    SprintTableModel,
)
from po_desktop.ui.scoring_form import ScoringForm
from po_desktop.ui.workspace import Workspace


def _table(model: object) -> QTableView:
    view = QTableView()
    view.setModel(model)  # type: ignore[arg-type]
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setAlternatingRowColors(True)
    view.setSortingEnabled(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class NeedListPage(QWidget):
    """A filtered, sortable list of needs; emits the need to open on double-click / Enter."""

    open_requested = Signal(int)

    def __init__(
        self,
        hidden_columns: tuple[int, ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = NeedTableModel(self)
        self.view = _table(self.model)
        self._hidden = hidden_columns
        self._layout_columns()  # once: the columns never change, and users resize them
        header = self.view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self.view.doubleClicked.connect(self._open)
        self.view.activated.connect(self._open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def _layout_columns(self) -> None:
        """Initial widths; the title takes the room left."""
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NeedTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        widths = {
            NeedTableModel.KEY: 78,
            NeedTableModel.PROJECT: 70,
            NeedTableModel.STATUS: 95,
            NeedTableModel.POINTS: 55,
            NeedTableModel.SCORE: 55,
            NeedTableModel.DECISION: 90,
            NeedTableModel.SOURCE: 100,
            NeedTableModel.UNIT: 165,
            NeedTableModel.ASSIGNEE: 120,
            NeedTableModel.SPRINT: 110,
            NeedTableModel.TAGS: 130,
        }
        for column, width in widths.items():
            self.view.setColumnWidth(column, width)
        for column in range(self.model.columnCount()):
            self.view.setColumnHidden(column, column in self._hidden)

    def _header_menu(self, pos: QPoint) -> None:
        """Right-click on the header: choose the columns to show."""
        menu = QMenu(self)
        model = self.model
        for column in range(model.columnCount()):
            if column in (NeedTableModel.KEY, NeedTableModel.TITLE):
                continue
            title = model.headerData(column, Qt.Orientation.Horizontal)
            action = menu.addAction(str(title))
            action.setCheckable(True)
            action.setChecked(column not in self._hidden)
            action.toggled.connect(lambda on, c=column: self.set_column_visible(c, on))
        menu.exec(self.view.horizontalHeader().mapToGlobal(pos))

    def set_column_visible(self, column: int, visible: bool) -> None:
        hidden = set(self._hidden)
        if visible:
            hidden.discard(column)
        else:
            hidden.add(column)
        self._hidden = tuple(sorted(hidden))
        self.view.setColumnHidden(column, not visible)

    def _open(self, index: QModelIndex) -> None:
        need_id = index.data(NEED_ID_ROLE)
        if need_id is not None:
            self.open_requested.emit(int(need_id))

    def selected_ids(self) -> list[int]:
        rows = self.view.selectionModel().selectedRows()
        return [int(r.data(NEED_ID_ROLE)) for r in sorted(rows, key=lambda i: i.row())]

    def current_id(self) -> int | None:
        current = self.view.currentIndex()
        return int(current.data(NEED_ID_ROLE)) if current.isValid() else None

    def select_needs(self, need_ids: list[int], current: int | None = None) -> None:
        """Select these needs again (after a reload or a new filter), where still shown."""
        selection = QItemSelection()
        last_column = self.model.columnCount() - 1
        rows = sorted(r for r in map(self.model.row_of, need_ids) if r is not None)
        start = 0
        while start < len(rows):  # one range per run of adjacent rows, not one per row
            end = start
            while end + 1 < len(rows) and rows[end + 1] == rows[end] + 1:
                end += 1
            selection.select(
                self.model.index(rows[start], 0), self.model.index(rows[end], last_column)
            )
            start = end + 1
        model = self.view.selectionModel()
        model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        row = self.model.row_of(current) if current is not None else None
        if row is not None:
            model.setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )

    def select_need(self, need_id: int) -> None:
        row = self.model.row_of(need_id)
        if row is not None:
            index = self.model.index(row, 0)
            self.view.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.view.scrollTo(index)


class ListPage(NeedListPage):
    """Liste: every need in workflow order as a sortable table, for search and review."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(hidden_columns=(NeedTableModel.SOURCE, NeedTableModel.TAGS), parent=parent)
        self.view.sortByColumn(NeedTableModel.STATUS, Qt.SortOrder.AscendingOrder)


class ScoringPage(QWidget):
    """Cotation: open needs ranked by score, and the scoring form of the selected one."""

    open_requested = Signal(int)

    def __init__(self, workspace: Callable[[], Workspace], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = NeedListPage(
            hidden_columns=(
                NeedTableModel.STATUS,
                NeedTableModel.SOURCE,
                NeedTableModel.ASSIGNEE,
                NeedTableModel.SPRINT,
                NeedTableModel.TAGS,
            ),
        )
        self.list.open_requested.connect(self.open_requested)
        self.list.view.sortByColumn(NeedTableModel.SCORE, Qt.SortOrder.DescendingOrder)
        self.form = ScoringForm(workspace, self._rank_of)
        self.form.setMinimumWidth(340)
        self.list.view.selectionModel().currentRowChanged.connect(self._show)
        # A reset (filter, reload) clears the current row without a signal: follow it.
        self.list.model.modelReset.connect(lambda: self._show(self.list.view.currentIndex()))
        self.next_button = QPushButton(self.tr("Next unscored ▼"))
        self.next_button.setToolTip(self.tr("Next need without a score (F8)"))
        self.next_button.clicked.connect(lambda: self.step_unscored(1))
        self.previous_button = QPushButton(self.tr("Previous unscored ▲"))
        self.previous_button.setToolTip(self.tr("Previous need without a score (Shift+F8)"))
        self.previous_button.clicked.connect(lambda: self.step_unscored(-1))
        for key, step in (("F8", 1), ("Shift+F8", -1)):
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _c=False, s=step: self.step_unscored(s))
            self.addAction(action)
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 6, 6, 0)
        bar.addWidget(QLabel(self.tr("Scoring session:")))
        bar.addWidget(self.previous_button)
        bar.addWidget(self.next_button)
        bar.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.list)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.form)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([720, 540])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._show(QModelIndex())

    @property
    def model(self) -> NeedTableModel:
        return self.list.model

    def _show(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        need_id = current.data(NEED_ID_ROLE) if current.isValid() else None
        if need_id is not None and need_id == self.form.need_id:
            return
        if self.form.is_dirty():
            if need_id is None:
                return  # a filter hid the need: keep the form and what was typed
            if not self.leave_form():
                return
        self.form.load(int(need_id) if need_id is not None else None)

    def leave_form(self) -> bool:
        """Unsaved scoring: save it, drop it, or stay on its need."""
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved scoring"),
            self.tr("The scoring of %1 is not saved.").replace(
                "%1", self.form.heading.text().split(" — ")[0]
            ),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        staying = self.form.need_id
        if answer == QMessageBox.StandardButton.Discard:
            return True
        if answer == QMessageBox.StandardButton.Save and self.form.save():
            return True
        if staying is not None:  # back to the need whose scoring is still being typed
            QTimer.singleShot(0, lambda: self.list.select_need(staying))
        return False

    def _rank_of(self, score: float, need_id: int) -> tuple[int, int]:
        """Where this score would put the need among the open needs shown."""
        others = [r.score for r in self.model.rows() if r.id != need_id and r.score is not None]
        return 1 + sum(1 for s in others if s > score), len(others) + 1

    def step_unscored(self, step: int) -> None:
        """The next (or previous) need without a score, in the list's order."""
        rows = self.model.rows()
        current = self.list.view.currentIndex()
        start = current.row() if current.isValid() else -1
        index = start + step
        while 0 <= index < len(rows):
            if rows[index].score is None:
                self.list.select_need(rows[index].id)
                return
            index += step


class CalendarPage(QWidget):
    """Calendrier: the sprints in date order with their load, rituals and velocity."""

    def __init__(self, model: SprintTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.view = _table(model)
        self.view.setSortingEnabled(False)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(SprintTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SprintTableModel.DATES, QHeaderView.ResizeMode.ResizeToContents)
        for column in range(SprintTableModel.STATE, SprintTableModel.CEREMONIES + 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.view.setColumnWidth(column, 95)
        self.goal = QLabel()
        self.goal.setWordWrap(True)
        self.goal.setTextFormat(Qt.TextFormat.PlainText)
        self.goal.setMargin(8)
        self.view.selectionModel().currentRowChanged.connect(self._show)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.goal)
        self._show(QModelIndex())

    def _show(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        if not current.isValid():
            count = self.model.rowCount()
            self.goal.setText(
                self.tr("No sprint yet.")
                if count == 0
                else self.tr("Select a sprint to read its goal.")
            )
            return
        row = self.model.row_at(current.row())
        goal = self.tr("Goal: %1").replace("%1", row.goal or "—")
        self.goal.setText(f"{row.name} — {goal}")
