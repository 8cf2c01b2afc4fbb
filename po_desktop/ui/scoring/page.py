"""Cotation: the ranked backlog, the value / effort matrix, what-if weights and the form."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from po_desktop.domain.messages import language
from po_desktop.domain.scoring import Grid, ScoringError
from po_desktop.store import queries
from po_desktop.store.errors import PoDesktopError
from po_desktop.store.services import scoring
from po_desktop.ui import feedback
from po_desktop.ui.feedback import Unsaved
from po_desktop.ui.flow import FlowLayout, flowing
from po_desktop.ui.host import Host
from po_desktop.ui.models import NEED_ID_ROLE, NeedTableModel
from po_desktop.ui.pages import NeedListPage
from po_desktop.ui.quick_filters import QuickFilters
from po_desktop.ui.scoring.form import ScoringForm
from po_desktop.ui.scoring.matrix import MatrixPoint, ValueEffortMatrix
from po_desktop.ui.scoring.ranked_model import RankedNeedModel


class WhatIfPanel(QWidget):
    """Other weights to try: the backlog re-ranks at once; nothing is saved until Apply."""

    weights_changed = Signal()
    apply_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toggle = QCheckBox(self.tr("Try other weights (what-if)"))
        self.toggle.setToolTip(
            self.tr("Change the active grid's weights and see the ranking move at once")
        )
        self.toggle.toggled.connect(self._toggled)
        self.grid: Grid | None = None
        self.spins: dict[str, QDoubleSpinBox] = {}
        self._shown: dict[str, float] = {}
        self.body = QFrame()
        self.body.setFrameShape(QFrame.Shape.StyledPanel)
        self.spin_grid = QGridLayout()
        self.spin_grid.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.reset_button = QPushButton(self.tr("Back to the saved weights"))
        self.reset_button.clicked.connect(self.reset)
        self.apply_button = QPushButton(self.tr("Apply these weights…"))
        self.apply_button.setToolTip(
            self.tr("Save these weights in the grid and re-score the needs it scored (undoable)")
        )
        self.apply_button.clicked.connect(self.apply_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.apply_button)
        body_layout = QVBoxLayout(self.body)
        body_layout.addLayout(self.spin_grid)
        body_layout.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.toggle)
        layout.addWidget(self.body)
        self.body.setVisible(False)
        self._update_buttons()

    def is_on(self) -> bool:
        return self.toggle.isChecked()

    def set_on(self, on: bool) -> None:
        self.toggle.setChecked(on)

    def _toggled(self, on: bool) -> None:
        self.body.setVisible(on)
        if not on:
            self.reset()

    def set_grid(self, grid: Grid | None) -> None:
        """The active grid's weights; a different grid ends the simulation."""
        if grid == self.grid:
            return
        self.grid = grid
        while self.spin_grid.count():
            item = self.spin_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.spins = {}
        self._shown = {}
        lang = language()
        for index, spec in enumerate(grid.criteria if grid else ()):
            spin = QDoubleSpinBox()
            spin.setRange(0.01, 1000.0)
            spin.setDecimals(2)
            spin.setSingleStep(0.5)
            spin.setValue(spec.weight)
            self._shown[spec.key] = spin.value()  # as displayed: 2.254 shows as 2.25
            spin.setAccessibleName(spec.label.render(lang))
            spin.setToolTip(
                self.tr("A weight must be above 0; a small weight makes the criterion count little")
            )
            spin.valueChanged.connect(self._edited)
            label = QLabel(spec.label.render(lang))
            label.setBuddy(spin)
            row, column = divmod(index, 3)
            self.spin_grid.addWidget(label, row, 2 * column)
            self.spin_grid.addWidget(spin, row, 2 * column + 1)
            self.spins[spec.key] = spin
        self._update_buttons()

    def weights(self) -> dict[str, float]:
        """The weights the user changed; the others keep their saved value to the last digit
        (a box shows two decimals, a grid may hold more)."""
        return {
            key: spin.value()
            for key, spin in self.spins.items()
            if abs(spin.value() - self._shown[key]) > 1e-9
        }

    def simulated(self) -> Grid | None:
        """The grid with the weights typed, or None while they are the saved ones."""
        if self.grid is None or not self.is_on():
            return None
        grid = self.grid
        for key, weight in self.weights().items():
            grid = grid.with_weight(key, weight)
        return None if grid == self.grid else grid

    def reset(self) -> None:
        if self.grid is None:
            return
        for key, spin in self.spins.items():
            spin.blockSignals(True)
            spin.setValue(self._shown[key])
            spin.blockSignals(False)
        self._edited()

    def _edited(self) -> None:
        self._update_buttons()
        self.weights_changed.emit()

    def _update_buttons(self) -> None:
        changed = self.simulated() is not None
        self.reset_button.setEnabled(changed)
        self.apply_button.setEnabled(changed)

    def set_summary(self, text: str) -> None:
        self.summary.setText(text)


def _group(*widgets: QWidget) -> QWidget:
    """Widgets kept on one line together (a label and what it names)."""
    group = QWidget()
    row = QHBoxLayout(group)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget)
    return group


class ScoringPage(QWidget):
    """Cotation: open needs ranked by score, and the scoring form of the selected one."""

    open_requested = Signal(int)
    filters_changed = Signal()
    decision_requested = Signal(int)
    """Send this need's decision: once its scoring is saved (asked when it is not)."""

    LIST_TAB, MATRIX_TAB = 0, 1

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        host.on_leave(lambda: not self.form.is_dirty() or self.leave_form())
        self.grid: Grid | None = None
        self.grid_id: int | None = None
        self.list = NeedListPage(
            hidden_columns=(
                NeedTableModel.PROJECT,  # the key says it: ERP-12
                NeedTableModel.STATUS,
                NeedTableModel.POINTS,
                NeedTableModel.SOURCE,
                NeedTableModel.UNIT,
                NeedTableModel.ASSIGNEE,
                NeedTableModel.SPRINT,
                NeedTableModel.TAGS,
                RankedNeedModel.MOVE,
            ),
            model=RankedNeedModel(),
        )
        header = self.list.view.horizontalHeader()
        header.moveSection(header.visualIndex(RankedNeedModel.RANK), 0)
        header.moveSection(header.visualIndex(RankedNeedModel.MOVE), 1)
        self.list.view.setColumnWidth(RankedNeedModel.RANK, 52)
        self.list.view.setColumnWidth(RankedNeedModel.MOVE, 60)
        self.list.open_requested.connect(self.open_requested)
        self.list.view.sortByColumn(RankedNeedModel.RANK, Qt.SortOrder.AscendingOrder)
        self.form = ScoringForm(lambda: host.workspace, self.model.rank_preview)
        self.form.setMinimumWidth(340)
        self.form.decision_requested.connect(self._send_decision)
        self.list.view.selectionModel().currentRowChanged.connect(self._show)
        # A reset (filter, reload) clears the current row without a signal: follow it.
        self.model.modelReset.connect(lambda: self._show(self.list.view.currentIndex()))
        self.model.modelReset.connect(self._schedule_matrix)
        # New rows (a scoring, an undo) or a new filter: the simulation follows them.
        self.model.modelReset.connect(self._resimulate)
        self.model.layoutChanged.connect(self._schedule_matrix)

        self.grid_combo = QComboBox()
        # Follows its items: filled after the first show, it kept the empty width.
        self.grid_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.grid_combo.setAccessibleName(self.tr("Active grid"))
        self.grid_combo.setToolTip(self.tr("The grid new scorings use and the ranking shows"))
        self.grid_combo.activated.connect(self._grid_picked)
        self.grids_button = QPushButton(self.tr("Grids…"))
        self.grids_button.setToolTip(self.tr("Create, edit or remove scoring grids"))
        self.grids_button.clicked.connect(self.show_grids)
        self.next_button = QPushButton(self.tr("Next unscored ▼"))
        self.next_button.setToolTip(self.tr("Next need without a score (F8)"))
        self.next_button.clicked.connect(lambda: self.step_unscored(1))
        self.previous_button = QPushButton(self.tr("Previous unscored ▲"))
        self.previous_button.setToolTip(self.tr("Previous need without a score (Shift+F8)"))
        self.previous_button.clicked.connect(lambda: self.step_unscored(-1))
        # Two groups that wrap as units on a narrow pane: the grid, the scoring session.
        grid_group = _group(QLabel(self.tr("Active grid:")), self.grid_combo, self.grids_button)
        session_group = _group(
            QLabel(self.tr("Scoring session:")), self.previous_button, self.next_button
        )
        top_bar = QWidget()
        top = FlowLayout(top_bar, spacing=12)
        top.addWidget(grid_group)
        top.addWidget(session_group)
        flowing(top_bar)

        self.filters = QuickFilters()
        self.filters.changed.connect(self.filters_changed)

        self.what_if = WhatIfPanel()
        self.what_if.weights_changed.connect(self._simulate)
        self.what_if.apply_requested.connect(self.apply_weights)

        self.matrix = ValueEffortMatrix()
        self.matrix.need_clicked.connect(self._matrix_clicked)
        self._matrix_stale = True
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.list, self.tr("Ranking"))
        self.tabs.addTab(self.matrix, self.tr("Value / effort matrix"))
        self.tabs.currentChanged.connect(self._schedule_matrix)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 6, 0)
        left_layout.addWidget(top_bar)
        left_layout.addWidget(self.filters)
        left_layout.addWidget(self.what_if)
        left_layout.addWidget(self.tabs, 1)
        splitter = self.splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.form)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 500])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._show(QModelIndex())

    @property
    def model(self) -> RankedNeedModel:
        return self.list.model  # type: ignore[return-value]

    # ----- data ---------------------------------------------------------------------------
    def refresh_grid(self) -> None:
        """The grids, the active one and every need's values on it, from the database."""

        def read(session: Session) -> tuple[list[tuple[int, str]], int, Grid, dict]:
            active = scoring.active_model(session)
            names = [(m.id, m.name) for m in scoring.grids(session)]
            return (
                names,
                active.id,
                scoring.grid_of(active),
                queries.latest_values(session, active.id),
            )

        try:
            names, self.grid_id, grid, values = self.host.read(read)
        except PoDesktopError:  # no grid at all: nothing to rank by
            names, self.grid_id, grid, values = [], None, None, {}
        self.grid_combo.clear()
        for model_id, name in names:
            self.grid_combo.addItem(name, model_id)
        self.grid_combo.setCurrentIndex(max(0, self.grid_combo.findData(self.grid_id)))
        changed = grid != self.grid
        self.grid = grid
        self.model.set_grid(grid.criteria if grid else (), values)
        header = self.list.view.horizontalHeader()
        metrics = header.fontMetrics()
        for offset in range(len(self.model.criteria)):
            column = RankedNeedModel.FIRST_CRITERION + offset
            # As wide as the criterion's name needs ("Investissement"), never narrower.
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            self.list.view.setColumnWidth(column, max(48, metrics.horizontalAdvance(title) + 20))
        if changed:
            self.what_if.set_grid(grid)
            self.what_if.set_on(False)
        if header.sortIndicatorSection() >= self.model.columnCount():
            # Sorted by a criterion the new grid does not have: back to the ranking.
            self.list.view.sortByColumn(RankedNeedModel.RANK, Qt.SortOrder.AscendingOrder)

    # ----- what-if ------------------------------------------------------------------------
    def _resimulate(self) -> None:
        if self.model.simulating or self.what_if.simulated() is not None:
            self._simulate()

    def _simulate(self) -> None:
        grid = self.what_if.simulated()
        if grid is None:
            self.model.set_simulation(None)
            self.list.view.setColumnHidden(RankedNeedModel.MOVE, True)
            self.what_if.set_summary("")
            return
        try:
            self.model.set_simulation(self.model.simulate(grid))
        except ScoringError as exc:
            self.what_if.set_summary(exc.render())
            return
        self.list.view.setColumnHidden(RankedNeedModel.MOVE, False)
        moved = self.model.moved_count()
        self.what_if.set_summary(
            self.tr("Needs moving in the ranking: %n. Nothing is saved until you apply.", "", moved)
        )

    def apply_weights(self) -> bool:
        """Save the simulated weights in the grid; the needs it scored are re-scored."""
        grid = self.what_if.simulated()
        if grid is None or self.grid_id is None:
            return False
        if self.form.is_dirty() and not self.leave_form():
            return False  # the typed scoring would land on the grid being replaced
        count = sum(1 for r in self.model.all_rows() if self.model.values_of(r.id) is not None)
        if not feedback.sink().ask(
            self,
            self.tr("Apply these weights"),
            self.tr(
                "Save these weights in the grid “%1”? Each need scored with it (%n) gets a new "
                "version with the new score; earlier versions keep the old weights. "
                "You can undo it.",
                "",
                count,
            ).replace("%1", grid.name),
        ):
            return False
        model_id, weights = self.grid_id, self.what_if.weights()
        if not self.host.perform(
            self.tr("Apply weights to %1").replace("%1", grid.name),
            lambda s: scoring.apply_weights(s, model_id, weights),
            title=self.tr("Apply these weights"),
        ):
            return False
        self.what_if.set_on(False)
        return True

    def _grid_picked(self) -> None:
        model_id = self.grid_combo.currentData()
        if model_id is None or model_id == self.grid_id:
            return
        name = self.grid_combo.currentText()
        self.host.perform(
            self.tr("Make %1 the active grid").replace("%1", name),
            lambda s: scoring.set_active_grid(s, model_id),
            title=self.tr("Active grid"),
        )

    # ----- matrix -------------------------------------------------------------------------
    def _schedule_matrix(self) -> None:
        self._matrix_stale = True
        if self.tabs.currentIndex() == self.MATRIX_TAB:
            QTimer.singleShot(0, self.refresh_matrix)

    def refresh_matrix(self) -> None:
        """The needs the filters show that have values on the active grid."""
        if not self._matrix_stale:
            return
        self._matrix_stale = False
        points: list[MatrixPoint] = []
        grid = self.grid
        if grid is not None:
            for row in self.model.rows():
                values = self.model.values_of(row.id)
                if values is None:
                    continue
                try:
                    value, effort = grid.value_effort(values)
                except ScoringError:
                    continue  # values from before a scale change: not placeable
                points.append(MatrixPoint(row.id, row.key, row.title, value, effort, row.decision))
        self.matrix.set_points(points)
        self.matrix.set_current(self.form.need_id)

    def _matrix_clicked(self, need_id: int) -> None:
        self.list.select_need(need_id)

    # ----- form ---------------------------------------------------------------------------
    def _show(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        need_id = current.data(NEED_ID_ROLE) if current.isValid() else None
        if self.model.rowCount():
            self.form.placeholder.setText(self.tr("Select a need to score it."))
        elif self.model.all_rows():
            self.form.placeholder.setText(self.tr("No need matches these filters."))
        else:
            self.form.placeholder.setText(
                self.tr("No need to score yet: the needs you create are ranked here.")
            )
        if need_id is not None and need_id == self.form.need_id:
            return
        if self.form.is_dirty():
            if need_id is None:
                # A filter or a reload hid the need: keep what was typed, show the history anew.
                self.form.refresh_history()
                return
            if not self.leave_form():
                return
        self.form.load(int(need_id) if need_id is not None else None)
        self.matrix.set_current(self.form.need_id)

    def _send_decision(self, need_id: int) -> None:
        """The letter says what is saved: a scoring being typed is saved (or not) first."""
        if self.form.is_dirty() and not self.leave_form():
            return
        self.decision_requested.emit(need_id)

    def leave_form(self) -> bool:
        """Unsaved scoring: save it, drop it, or stay on its need."""
        answer = feedback.sink().ask_unsaved(
            self,
            self.tr("Unsaved scoring"),
            self.tr("The scoring of %1 is not saved.").replace(
                "%1", self.form.heading.text().split(" — ")[0]
            ),
        )
        staying = self.form.need_id
        if answer is Unsaved.DISCARD:
            return True
        if answer is Unsaved.SAVE and self.form.save():
            return True
        if staying is not None:  # back to the need whose scoring is still being typed
            QTimer.singleShot(0, lambda: self._back_to(staying))
        return False

    def _back_to(self, need_id: int) -> None:
        """Select the need being scored again; if a filter hides it, select nothing."""
        if self.model.row_of(need_id) is None:
            self.list.view.selectionModel().clearCurrentIndex()
            self.list.view.clearSelection()
        else:
            self.list.select_need(need_id)

    def step_unscored(self, step: int) -> bool:
        """The next (or previous) need without a score, in the list's order, ready to be
        scored: the form back at its problem statement, the cursor in the first criterion.
        False when there is none that way."""
        rows = self.model.rows()
        current = self.list.view.currentIndex()
        start = current.row() if current.isValid() else -1
        index = start + step
        while 0 <= index < len(rows):
            if rows[index].score is None:
                self.list.select_need(rows[index].id)
                if self.form.need_id == rows[index].id:  # not kept on an unsaved scoring
                    self.form.start_scoring()
                return True
            index += step
        return False

    def show_grids(self) -> None:
        """The scoring grids: create, edit, weigh, remove."""
        from po_desktop.ui.scoring.grid_dialog import GridsDialog

        if self.form.is_dirty() and not self.leave_form():
            return  # a grid edit could replace the grid the typed scoring uses
        self.host.run_dialog(GridsDialog(self.host.workspace, self.host.window))
