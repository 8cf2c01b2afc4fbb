"""Table pages of the main window: every need as a list, and the sprints."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from po_desktop.ui.models import (
    NEED_ID_ROLE,
    NeedTableModel,
)


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


TITLE_MIN = 220
"""The narrowest a list's title column gets by itself, in pixels (about 30 characters)."""


class NeedListPage(QWidget):
    """A filtered, sortable list of needs; emits the need to open on double-click / Enter."""

    open_requested = Signal(int)
    menu_requested = Signal(list, QPoint)
    """Right-click: the selected needs (the one clicked joins them) and where, on screen."""

    def __init__(
        self,
        hidden_columns: tuple[int, ...] = (),
        parent: QWidget | None = None,
        model: NeedTableModel | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model or NeedTableModel()
        self.model.setParent(self)
        self.view = _table(self.model)
        self._hidden = hidden_columns
        self._layout_columns()  # once: the columns never change, and users resize them
        header = self.view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self.view.doubleClicked.connect(self._open)
        self.view.activated.connect(self._open)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._row_menu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        # An empty table says why it is empty, instead of a blank white area.
        self.empty_label = QLabel(self.view.viewport())
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.hide()
        self.model.modelReset.connect(self._update_empty)
        self.view.viewport().installEventFilter(self)
        header.sectionResized.connect(self._other_resized)

    def _update_empty(self) -> None:
        if self.model.rowCount():
            self.empty_label.hide()
            return
        self.empty_label.setText(
            self.tr("No need matches the search and filters.")
            if self.model.all_rows()
            else self.tr("No need yet: create one with New need (Ctrl+N), or import a CSV file.")
        )
        self.empty_label.setGeometry(self.view.viewport().rect().adjusted(20, 20, -20, -20))
        self.empty_label.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            self.empty_label.setGeometry(self.view.viewport().rect().adjusted(20, 20, -20, -20))
            self._fit_title()
        return super().eventFilter(watched, event)

    def _other_resized(self, column: int, _old: int, _new: int) -> None:
        if column != NeedTableModel.TITLE:
            self._fit_title()

    def _fit_title(self) -> None:
        """The title takes the room the other columns leave, never less than
        :data:`TITLE_MIN`: on a narrow window the list scrolls sideways, the titles still
        read (stretched, the title shrank to a few letters beside full-width columns)."""
        header = self.view.horizontalHeader()
        others = sum(
            header.sectionSize(c)
            for c in range(header.count())
            if c != NeedTableModel.TITLE and not header.isSectionHidden(c)
        )
        room = self.view.viewport().width() - others
        width = max(TITLE_MIN, room)
        if header.sectionSize(NeedTableModel.TITLE) != width:
            header.resizeSection(NeedTableModel.TITLE, width)

    def _layout_columns(self) -> None:
        """Initial widths; the title takes the room left (see :meth:`_fit_title`)."""
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
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

    def _row_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        if not self.view.selectionModel().isRowSelected(index.row(), index.parent()):
            self.view.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        ids = self.selected_ids()
        if ids:
            self.menu_requested.emit(ids, self.view.viewport().mapToGlobal(pos))

    def set_column_visible(self, column: int, visible: bool) -> None:
        hidden = set(self._hidden)
        if visible:
            hidden.discard(column)
        else:
            hidden.add(column)
        self._hidden = tuple(sorted(hidden))
        self.view.setColumnHidden(column, not visible)
        self._fit_title()

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
