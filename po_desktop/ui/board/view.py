"""The board's widgets: column headers, swimlane headers, and one list view per cell."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from po_desktop.domain.readiness import EntryRule
from po_desktop.ui.board.cells import CellModel, LaneKey
from po_desktop.ui.board.delegate import CARD_HEIGHT, CardDelegate
from po_desktop.ui.board.model import BoardModel, ColumnInfo, ColumnStats
from po_desktop.ui.models import NEED_ID_ROLE, literal_html, no_mnemonic, points_label

MIN_COLUMN_WIDTH = 190
AUTOSCROLL_MARGIN, AUTOSCROLL_STEP = 40, 24
SPACING = 8


class CellView(QListView):
    """The cards of one lane in one column. Left/Right hop to the neighbouring column."""

    focused = Signal(object)
    hop_requested = Signal(object, int)

    def __init__(self, model: CellModel, delegate: CardDelegate, parent: QWidget | None = None):
        super().__init__(parent)
        self.setItemDelegate(delegate)
        self.setUniformItemSizes(True)  # what keeps 10,000 cards cheap to lay out
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(24)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setObjectName("boardCell")
        # A tinted well per column, so columns read apart without grid lines.
        well = self.palette().color(QPalette.ColorRole.Window).darker(106).name()
        self.setStyleSheet(f"#boardCell {{ background: {well}; border-radius: 6px; }}")
        self.setAccessibleName(model.board.column(model.column_id).name)  # type: ignore[union-attr]
        # The cards last: each setting above lays out every row of a model already set
        # (30,000 cards in one column of a 100,000-need board).
        self.setModel(model)

    @property
    def cell(self) -> CellModel:
        return self.model()  # type: ignore[return-value]

    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.selectionModel().selectedIndexes())
        cards = self.cell.rows()
        return [cards[r].id for r in rows if r < len(cards)]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.modifiers() == Qt.KeyboardModifier.NoModifier and event.key() in (
            Qt.Key.Key_Left,
            Qt.Key.Key_Right,
        ):
            self.hop_requested.emit(self, -1 if event.key() == Qt.Key.Key_Left else 1)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit(self)


class ColumnHeader(QFrame):
    """Name, cards shown, points, and the WIP load as "4 / 5" (an icon and words when over)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("columnHeader")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.name = QLabel()
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        font = self.name.font()
        font.setBold(True)
        self.name.setFont(font)
        self.figures = QLabel()
        self.wip = QLabel()
        self.wip.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.warning_icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.warning_icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size)
        )
        self.alert = QLabel()
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.name, 1)
        top.addWidget(self.wip)
        alert_row = QHBoxLayout()
        alert_row.setContentsMargins(0, 0, 0, 0)
        alert_row.setSpacing(4)
        alert_row.addWidget(self.warning_icon)
        alert_row.addWidget(self.alert, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.figures)
        layout.addLayout(alert_row)
        layout.addStretch(1)
        self.over = False
        self._shown: tuple[object, ...] | None = None

    def show_column(
        self,
        column: ColumnInfo,
        stats: ColumnStats,
        filtered: bool,
        texts: dict[str, str],
        rules: str = "",
    ) -> None:
        """``rules`` states the column's entry rules, in its tooltip ("" when it has none)."""
        shown = (column, stats, filtered, tuple(texts.items()), rules)
        if shown == self._shown:
            return  # a move changes two columns' figures: the others are left as they are
        self._shown = shown
        self.name.setText(column.name)
        if filtered and stats.shown != stats.total:
            count = (
                texts["shown_of"].replace("%1", str(stats.shown)).replace("%2", str(stats.total))
            )
        else:
            count = self.tr("%n need(s)", "", stats.shown)
        points = points_label(stats.points)
        self.figures.setText(f"{count} · {points}")
        self.over = stats.over_limit(column.wip_limit)
        if column.wip_limit is None:
            self.wip.setText("")
            self.wip.setToolTip("")
        else:
            self.wip.setText(f"{stats.total} / {column.wip_limit}")
            self.wip.setToolTip(texts["wip_tip"].replace("%1", str(column.wip_limit)))
        # Over the limit: an icon and words, not colour alone.
        self.alert.setText(texts["over"] if self.over else "")
        self.setToolTip(literal_html(rules) if rules else "")
        self.warning_icon.setVisible(self.over)
        self.alert.setVisible(self.over)
        if self.property("over") == self.over:
            return  # restyling costs more than the rest of a refresh
        self.setProperty("over", self.over)
        self.setStyleSheet(
            "#columnHeader { background: #FDECEA; border: 1px solid #C62828; border-radius: 4px; }"
            " #columnHeader QLabel { color: #8E1B1B; }"
            if self.over
            else "#columnHeader { border-radius: 4px; }"
        )


class LaneHeader(QToolButton):
    """A swimlane's title and count; click to fold or unfold it."""

    def __init__(self, key: LaneKey, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setCheckable(True)
        self.setChecked(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setAutoRaise(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        font = self.font()
        font.setBold(True)
        self.setFont(font)
        self.toggled.connect(self._arrow)
        self._arrow(True)

    def _arrow(self, expanded: bool) -> None:
        self.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)


class BoardView(QWidget):
    """Headers stay on top; lanes and cells scroll beneath them, columns kept aligned."""

    cell_focused = Signal(object)
    hop_requested = Signal(object, int)
    context_menu_requested = Signal(object, object)
    open_requested = Signal(int)
    collapsed_changed = Signal()

    def __init__(self, model: BoardModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.delegate = CardDelegate(self)
        self.collapsed: set[LaneKey] = set()
        self.texts: dict[str, str] = {}
        self.describe_rules: Callable[[frozenset[EntryRule]], str] = lambda _rules: ""
        """The column tooltip's words for its entry rules; the page knows them."""
        self._views: dict[tuple[LaneKey, int], CellView] = {}
        self._headers: list[ColumnHeader] = []
        self._lane_headers: dict[LaneKey, LaneHeader] = {}
        self._lane_rows: dict[LaneKey, QWidget] = {}

        self.header_area = QScrollArea()
        self.header_area.setFrameShape(QFrame.Shape.NoFrame)
        self.header_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.header_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.header_area.setWidgetResizable(False)
        self.header_strip = QWidget()
        self.header_layout = QHBoxLayout(self.header_strip)
        self.header_layout.setContentsMargins(SPACING, SPACING, SPACING, 4)
        self.header_layout.setSpacing(SPACING)
        self.header_area.setWidget(self.header_strip)

        self.body = QScrollArea()
        self.body.setFrameShape(QFrame.Shape.NoFrame)
        self.body.setWidgetResizable(True)
        self.body.horizontalScrollBar().valueChanged.connect(
            self.header_area.horizontalScrollBar().setValue
        )
        self.content: QWidget | None = None
        self.body.viewport().installEventFilter(self)  # a scroll bar appearing narrows it

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header_area)
        layout.addWidget(self.body, 1)
        model.structure_changed.connect(self.rebuild)
        model.contents_changed.connect(self.refresh)

    # ----- building -----------------------------------------------------------------------
    def rebuild(self) -> None:
        """New lanes or columns: new cell views (cheap: a handful of widgets, never per card)."""
        focus_cell = self.current_view()
        focus_key = (focus_cell.cell.lane, focus_cell.cell.column_id) if focus_cell else None
        for header in self._headers:
            self.header_layout.removeWidget(header)
            header.hide()  # gone from the strip now, deleted on the next loop turn
            header.deleteLater()
        self._headers = []
        for _column in self.model.columns:
            header = ColumnHeader()
            self.header_layout.addWidget(header)
            # Shown now, not on the next turn of the loop: the strip's height is taken
            # from its shown headers below (hidden, a rebuild by a filter that changed
            # the lanes left it 0 high, the headers gone until the next refresh).
            header.show()
            self._headers.append(header)
        self._views = {}
        self._lane_headers = {}
        self._lane_rows = {}
        content = QWidget()
        grid = QGridLayout(content)
        grid.setContentsMargins(SPACING, 0, SPACING, SPACING)
        grid.setHorizontalSpacing(SPACING)
        grid.setVerticalSpacing(4)
        lanes_on = self.model.lane_mode != "none"
        columns = self.model.columns
        for lane_index, lane in enumerate(self.model.lanes):
            if lanes_on:
                header = LaneHeader(lane.key)
                header.setChecked(lane.key not in self.collapsed)
                header.toggled.connect(lambda on, key=lane.key: self._fold(key, not on))
                grid.addWidget(header, lane_index * 2, 0, 1, max(1, len(columns)))
                self._lane_headers[lane.key] = header
            for column_index, column in enumerate(columns):
                view = CellView(self.model.cell(lane.key, column.id), self.delegate, content)
                view.focused.connect(self.cell_focused)
                view.viewport().installEventFilter(self)  # drags near the edge scroll lanes
                view.hop_requested.connect(self.hop_requested)
                view.activated.connect(self._activated)
                view.customContextMenuRequested.connect(
                    lambda pos, v=view: self.context_menu_requested.emit(v, pos)
                )
                grid.addWidget(view, lane_index * 2 + 1, column_index)
                self._views[(lane.key, column.id)] = view
        if not lanes_on and self.model.lanes:
            grid.setRowStretch(1, 1)
        else:
            grid.setRowStretch(len(self.model.lanes) * 2, 1)
        old = self.body.takeWidget()
        if old is not None:
            # Out of sight and out of the focus chain now, deleted on the next loop turn:
            # a dialog closing meanwhile must not hand the focus to a dying cell.
            for view in old.findChildren(CellView):
                view.blockSignals(True)
                view.setModel(None)
            old.hide()
            old.deleteLater()
        self.body.setWidget(content)
        self.content = content
        self.refresh()
        if focus_key is not None and focus_key in self._views:
            self._views[focus_key].setFocus()

    def refresh(self) -> None:
        """Figures in the headers and lane titles, and the sizes that follow the cards."""
        filtered = self.model.need_filter.is_narrowing
        for header, column in zip(self._headers, self.model.columns, strict=False):
            stats = self.model.stats.get(column.id)
            if stats is not None:
                rules = self.describe_rules(column.entry_rules)
                header.show_column(column, stats, filtered, self.texts, rules)
        for lane in self.model.lanes:
            lane_header = self._lane_headers.get(lane.key)
            if lane_header is not None:
                count = self.model.lane_counts.get(lane.key, 0)
                lane_header.setText(f"{no_mnemonic(lane.label)}  ({count})")
        self._lay_out()

    def _fold(self, key: LaneKey, folded: bool) -> None:
        if folded:
            self.collapsed.add(key)
        else:
            self.collapsed.discard(key)
        self._lay_out()
        self.collapsed_changed.emit()

    def _lay_out(self) -> None:
        count = max(1, len(self.model.columns))
        available = self.body.viewport().width() - 2 * SPACING - (count - 1) * SPACING
        width = max(MIN_COLUMN_WIDTH, available // count)
        tallest = max((h.sizeHint().height() for h in self._headers), default=0)
        for header in self._headers:
            header.setFixedWidth(width)
            header.setFixedHeight(tallest)  # one height: a column over its limit grows a line
        self.header_strip.adjustSize()
        self.header_area.setFixedHeight(self.header_strip.sizeHint().height())
        lanes_on = self.model.lane_mode != "none"
        for (lane, _column_id), view in self._views.items():
            view.setFixedWidth(width)
            if lanes_on:
                cards = max(
                    (self.model.cell(lane, c.id).rowCount() for c in self.model.columns),
                    default=0,
                )
                view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
                view.setFixedHeight(max(1, cards) * CARD_HEIGHT + 8)
                view.setVisible(lane not in self.collapsed)
            else:
                view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
                view.setMinimumHeight(CARD_HEIGHT + 8)
                view.setMaximumHeight(16_777_215)
        if self.content is not None:
            # Without lanes the columns fill the height and scroll on their own.
            self.body.setVerticalScrollBarPolicy(
                Qt.ScrollBarPolicy.ScrollBarAsNeeded
                if lanes_on
                else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._lay_out()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.body.viewport() and event.type() == QEvent.Type.Resize:
            self._lay_out()
        elif event.type() == QEvent.Type.DragMove and self.model.lane_mode != "none":
            # With lanes, cells are full height and the board scrolls as a whole: carry a
            # card to a lane off screen by holding it near the top or bottom edge.
            position = event.position().toPoint()  # type: ignore[attr-defined]
            y = self.body.viewport().mapFromGlobal(watched.mapToGlobal(position)).y()  # type: ignore[attr-defined]
            self.autoscroll(y)
        return False

    def autoscroll(self, y: int) -> int:
        """Scroll the lanes when ``y`` (body viewport coordinates) is near an edge."""
        bar = self.body.verticalScrollBar()
        height = self.body.viewport().height()
        step = 0
        if y < AUTOSCROLL_MARGIN:
            step = -AUTOSCROLL_STEP
        elif y > height - AUTOSCROLL_MARGIN:
            step = AUTOSCROLL_STEP
        if step:
            bar.setValue(bar.value() + step)
        return step

    def sizeHint(self) -> QSize:
        return QSize(1200, 700)

    # ----- access -------------------------------------------------------------------------
    def views(self) -> list[CellView]:
        return list(self._views.values())

    def view(self, lane: LaneKey, column_id: int) -> CellView | None:
        return self._views.get((lane, column_id))

    def current_view(self) -> CellView | None:
        focus = self.focusWidget()
        for view in self._views.values():
            if view is focus or view.hasFocus():
                return view
        return None

    def lane_header(self, key: LaneKey) -> LaneHeader | None:
        return self._lane_headers.get(key)

    def column_header(self, index: int) -> ColumnHeader:
        return self._headers[index]

    def _activated(self, index: QModelIndex) -> None:
        need_id = index.data(NEED_ID_ROLE)
        if need_id is not None:
            self.open_requested.emit(int(need_id))
