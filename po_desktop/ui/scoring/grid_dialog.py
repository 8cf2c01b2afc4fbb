"""Scoring grids: create from a preset, edit criteria and weights, choose the active grid.

Every button is one undoable action. A grid that already scored needs is never
changed under them: saving it makes a new grid, and the dialog says so first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from po_desktop.domain.enums import Direction
from po_desktop.domain.grid_presets import PRESETS
from po_desktop.domain.scoring import CriterionSpec
from po_desktop.store.errors import PoDesktopError, ValidationError
from po_desktop.store.services import scoring
from po_desktop.store.services._base import clean_number
from po_desktop.store.services.scoring import GridDraft
from po_desktop.ui import feedback, screen
from po_desktop.ui.banner import FormError
from po_desktop.ui.feedback import Unsaved
from po_desktop.ui.fields import plain_text
from po_desktop.ui.scoring.form import number_text
from po_desktop.ui.workspace import Workspace

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
T = TypeVar("T")


class GridsDialog(QDialog):
    LABEL_FR, LABEL_EN, WEIGHT, LOW, HIGH, DIRECTION, HELP_FR, HELP_EN = range(8)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(self.tr("Scoring grids"))
        screen.fit(self, QSize(1060, 560))
        self.model_id: int | None = None
        self._preset = "custom"
        self._loaded: GridDraft | None = None
        self._uses = 0
        self.kinds = {
            "default": self.tr("weighted"),
            "custom": self.tr("weighted"),
            "rice": "RICE",
            "wsjf": "WSJF",
            "ice": "ICE",
        }

        self.grid_list = QListWidget()
        self.grid_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.grid_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.grid_list.setMinimumWidth(250)
        self.grid_list.currentItemChanged.connect(self._grid_selected)
        self.new_button = QPushButton(self.tr("New grid"))
        new_menu = QMenu(self.new_button)
        for preset, label in (
            ("default", self.tr("From the default grid")),
            ("rice", self.tr("RICE (reach × impact × confidence / effort)")),
            ("wsjf", self.tr("WSJF (cost of delay / job size)")),
            ("ice", self.tr("ICE (impact × confidence × ease)")),
        ):
            new_menu.addAction(label, lambda p=preset: self.add_preset(p))
        self.new_button.setMenu(new_menu)
        self.duplicate_button = QPushButton(self.tr("Duplicate"))
        self.duplicate_button.clicked.connect(self.duplicate)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete)
        self.activate_button = QPushButton(self.tr("Make active"))
        self.activate_button.setToolTip(self.tr("New scorings and the ranking use the active grid"))
        self.activate_button.clicked.connect(self.activate)
        left = QVBoxLayout()
        left.addWidget(self.grid_list, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.duplicate_button)
        left.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(self.activate_button)
        row.addWidget(self.delete_button)
        left.addLayout(row)

        self.name = QLineEdit()
        self.name.setMaxLength(2 * 80)  # UTF-16 units: room for 80 emoji (see NeedDialog)
        self.name.textEdited.connect(self._edited)
        self.kind = QLabel()
        self.table = QTableWidget(0, 8)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Label (French)"),
                self.tr("Label (English)"),
                self.tr("Weight"),
                self.tr("Min"),
                self.tr("Max"),
                self.tr("Direction"),
                self.tr("Help (French)"),
                self.tr("Help (English)"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        for column, width in ((2, 60), (3, 55), (4, 55), (5, 110)):
            self.table.setColumnWidth(column, width)
        for column in (self.LABEL_FR, self.LABEL_EN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        # Help texts are sentences: edited below the table, not squeezed into its cells.
        self.table.setColumnHidden(self.HELP_FR, True)
        self.table.setColumnHidden(self.HELP_EN, True)
        self.table.itemChanged.connect(self._edited)
        self.table.currentCellChanged.connect(lambda *_cells: self._show_help())
        self.help_fr = QPlainTextEdit()
        self.help_en = QPlainTextEdit()
        self.help_box = QGroupBox(self.tr("What each step of the selected criterion means"))
        help_layout = QGridLayout(self.help_box)
        for column, (label, edit, key) in enumerate(
            (
                (self.tr("In French"), self.help_fr, self.HELP_FR),
                (self.tr("In English"), self.help_en, self.HELP_EN),
            )
        ):
            edit.setTabChangesFocus(True)
            edit.setPlaceholderText(self.tr("e.g. 1: nice to have; 3: saves a team time; 5: …"))
            edit.setMaximumHeight(70)
            edit.textChanged.connect(lambda e=edit, k=key: self._help_edited(e, k))
            help_layout.addWidget(QLabel(label), 0, column)
            help_layout.addWidget(edit, 1, column)
        self.add_button = QPushButton(self.tr("Add a criterion"))
        self.add_button.clicked.connect(self.add_criterion)
        self.remove_button = QPushButton(self.tr("Remove the criterion"))
        self.remove_button.clicked.connect(self.remove_criterion)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.error = FormError()
        self.save_button = QPushButton(self.tr("&Save the grid"))
        self.save_button.clicked.connect(self.save)
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Formula:"), self.kind)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        right.addLayout(row)
        right.addWidget(self.help_box)
        right.addWidget(self.notice)
        right.addWidget(self.error)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        right.addLayout(row)

        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 3)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(close)
        self.workspace.changes_applied.connect(self._changes_applied)
        self.reload()

    # ----- list ---------------------------------------------------------------------------
    def _changes_applied(self, _change: object) -> None:
        self.reload()

    def reload(self) -> None:
        """The grids as stored; the grid being edited stays selected."""

        def read(session: Session) -> list[tuple[int, str, str, bool, int]]:
            return [
                (m.id, m.name, m.preset, m.active, scoring.uses(session, m.id))
                for m in scoring.grids(session)
            ]

        keep = self.model_id
        self.grid_list.blockSignals(True)
        self.grid_list.clear()
        for model_id, name, preset, active, uses in self.workspace.read(read):
            text = f"{name} — {self.kinds.get(preset, preset)}"
            if active:
                text += " " + self.tr("(active)")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, model_id)
            item.setToolTip(self.tr("%n assessment(s) made with it", "", uses))
            if active:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.grid_list.addItem(item)
        self.grid_list.blockSignals(False)
        row = next(
            (i for i in range(self.grid_list.count()) if self._id_at(i) == keep),
            0,
        )
        self.grid_list.setCurrentRow(row)
        self._load(self._id_at(row))

    def _id_at(self, row: int) -> int | None:
        item = self.grid_list.item(row)
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _grid_selected(
        self, current: QListWidgetItem | None, previous: QListWidgetItem | None
    ) -> None:
        if current is None:
            return
        model_id = int(current.data(Qt.ItemDataRole.UserRole))
        if model_id == self.model_id:
            return
        if not self._may_leave():
            self.grid_list.blockSignals(True)
            self.grid_list.setCurrentItem(previous)
            self.grid_list.blockSignals(False)
            return
        # Saving on the way reloads the list and selects the saved grid: the one
        # clicked must be selected again, and shown.
        self.grid_list.blockSignals(True)
        self._select(model_id)
        self.grid_list.blockSignals(False)
        self._load(model_id)

    def _may_leave(self) -> bool:
        if not self.is_dirty():
            return True
        answer = feedback.sink().ask_unsaved(
            self,
            self.tr("Unsaved grid"),
            self.tr("The changes to the grid “%1” are not saved.").replace(
                "%1", self._loaded.name if self._loaded else ""
            ),
        )
        if answer is Unsaved.DISCARD:
            return True
        return answer is Unsaved.SAVE and self.save()

    # ----- editor -------------------------------------------------------------------------
    def _load(self, model_id: int | None) -> None:
        self.model_id = model_id
        self.error.hide()
        if model_id is None:
            return

        def read(session: Session) -> tuple[GridDraft, int, bool]:
            model = scoring.find_model(session, model_id)
            return scoring.draft_of(model), scoring.uses(session, model_id), model.active

        draft, self._uses, active = self.workspace.read(read)
        self._loaded, self._preset = draft, draft.preset
        self.name.setText(draft.name)
        self.kind.setText(self.kinds.get(draft.preset, draft.preset))
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for spec in draft.criteria:
            self._append(spec)
        self.table.setCurrentCell(0 if draft.criteria else -1, self.LABEL_FR)
        self.table.blockSignals(False)
        self._show_help()
        self.activate_button.setEnabled(not active)
        self.delete_button.setEnabled(self._uses == 0 and self.grid_list.count() > 1)
        self.delete_button.setToolTip(
            self.tr("Needs were scored with this grid: it is kept for them") if self._uses else ""
        )
        if self._uses:
            self.notice.setText(
                self.tr(
                    "Used by %n assessment(s). Saving your changes makes a new grid "
                    "(active if this one is); existing assessments stay on this grid.",
                    "",
                    self._uses,
                )
            )
        else:
            self.notice.setText(
                self.tr("No need was scored with this grid yet: it is edited in place.")
            )
        self._update_buttons()

    def _append(self, spec: CriterionSpec) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        texts = {
            self.LABEL_FR: spec.label_fr,
            self.LABEL_EN: spec.label_en,
            self.WEIGHT: number_text(spec.weight),
            self.LOW: number_text(spec.scale_min),
            self.HIGH: number_text(spec.scale_max),
            self.HELP_FR: spec.help_fr,
            self.HELP_EN: spec.help_en,
        }
        for column, text in texts.items():
            item = QTableWidgetItem(text)
            if column in (self.WEIGHT, self.LOW, self.HIGH):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, item)
        self.table.item(row, self.LABEL_FR).setData(KEY_ROLE, spec.key)
        direction = QComboBox()
        direction.addItem(self.tr("benefit"), Direction.BENEFIT.value)
        direction.addItem(self.tr("cost"), Direction.COST.value)
        direction.setCurrentIndex(max(0, direction.findData(spec.direction.value)))
        direction.currentIndexChanged.connect(self._edited)
        self.table.setCellWidget(row, self.DIRECTION, direction)

    def _show_help(self) -> None:
        """The help texts of the selected criterion in the editors below the table."""
        row = self.table.currentRow()
        self.help_box.setEnabled(row >= 0)
        for edit, column in ((self.help_fr, self.HELP_FR), (self.help_en, self.HELP_EN)):
            item = self.table.item(row, column) if row >= 0 else None
            text = item.text() if item is not None else ""
            if edit.toPlainText() != text:
                edit.blockSignals(True)
                edit.setPlainText(text)
                edit.blockSignals(False)

    def _help_edited(self, edit: QPlainTextEdit, column: int) -> None:
        row = self.table.currentRow()
        item = self.table.item(row, column) if row >= 0 else None
        if item is not None and item.text() != plain_text(edit):
            item.setText(plain_text(edit))  # itemChanged: the grid is edited

    def add_criterion(self) -> None:
        keys = {self._key(r) for r in range(self.table.rowCount())}
        number = 1
        while f"c{number}" in keys:
            number += 1
        self.table.blockSignals(True)
        self._append(CriterionSpec(f"c{number}", "", "", 1.0, 1, 5, Direction.BENEFIT))
        self.table.blockSignals(False)
        self.table.setCurrentCell(self.table.rowCount() - 1, self.LABEL_FR)
        self.table.editItem(self.table.currentItem())
        self._edited()

    def remove_criterion(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._edited()

    def _key(self, row: int) -> str:
        return str(self.table.item(row, self.LABEL_FR).data(KEY_ROLE))

    def draft(self) -> GridDraft:
        """The grid as typed; a number that does not parse raises a message to show."""
        criteria = []
        for row in range(self.table.rowCount()):
            text = {
                c: (self.table.item(row, c).text() if self.table.item(row, c) else "")
                for c in range(8)
            }
            label = text[self.LABEL_FR] or text[self.LABEL_EN]
            numbers = []
            for column in (self.WEIGHT, self.LOW, self.HIGH):
                try:
                    number = clean_number(text[column], "number", allow_none=False)
                except ValidationError:
                    raise ValidationError(
                        "scoring.bad_number", value=text[column], criterion=label
                    ) from None
                numbers.append(float(number or 0.0))
            combo = self.table.cellWidget(row, self.DIRECTION)
            criteria.append(
                CriterionSpec(
                    key=self._key(row),
                    label_fr=text[self.LABEL_FR],
                    label_en=text[self.LABEL_EN],
                    weight=numbers[0],
                    scale_min=numbers[1],
                    scale_max=numbers[2],
                    direction=Direction(combo.currentData()),  # type: ignore[attr-defined]
                    help_fr=text[self.HELP_FR],
                    help_en=text[self.HELP_EN],
                )
            )
        return GridDraft(self.name.text(), self._preset, tuple(criteria))

    def is_dirty(self) -> bool:
        if self._loaded is None:
            return False
        try:
            return self.draft() != self._loaded
        except PoDesktopError:
            return True

    def _edited(self) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self.is_dirty())
        self.remove_button.setEnabled(self.table.rowCount() > 0)

    # ----- actions ------------------------------------------------------------------------
    def save(self) -> bool:
        """Save the grid as typed; a refusal shows why and keeps every cell."""
        model_id = self.model_id
        try:
            draft = self.draft()
        except PoDesktopError as exc:
            self.error.refused(exc)
            return False
        saved = self._perform(
            self.tr("Edit grid %1").replace("%1", draft.name.strip()),
            lambda s: scoring.save_grid(s, model_id, draft),
        )
        if saved is None:
            return False
        self.error.hide()
        if saved != model_id:  # a used grid was copied: show the copy
            self._select(saved)
        return True

    def _select(self, model_id: int) -> None:
        for row in range(self.grid_list.count()):
            if self._id_at(row) == model_id:
                self.grid_list.setCurrentRow(row)
                return

    def _perform(self, text: str, action: Callable[[Session], object]) -> int | None:
        """One undoable action; a refusal is shown in the dialog and None returned.
        Returns the grid concerned (the one saved or created), or 0."""
        change = self.workspace.try_perform(text, action, self.error.refused)
        if change is None:
            return None
        result = change.result
        return int(getattr(result, "model_id", result) or 0)

    def _create(self, draft: GridDraft, text: str) -> None:
        created = self._perform(
            text,
            lambda s: scoring.save_grid(
                s, None, replace(draft, name=scoring.free_name(s, draft.name))
            ),
        )
        if created:
            self._select(created)

    def add_preset(self, preset: str) -> None:
        if not self._may_leave():
            return
        grid = PRESETS[preset]
        name = grid.name if preset != "default" else self.tr("New grid")
        self._create(
            GridDraft(name, preset, grid.criteria),
            self.tr("New grid %1").replace("%1", name),
        )

    def duplicate(self) -> None:
        if self._loaded is None or not self._may_leave():
            return
        self._create(self._loaded, self.tr("Duplicate grid %1").replace("%1", self._loaded.name))

    def delete(self) -> None:
        model_id, loaded = self.model_id, self._loaded
        if model_id is None or loaded is None:
            return
        if not feedback.sink().ask(
            self,
            self.tr("Delete grid"),
            self.tr("Delete the grid “%1”? You can undo it.").replace("%1", loaded.name),
        ):
            return
        self._perform(
            self.tr("Delete grid %1").replace("%1", loaded.name),
            lambda s: scoring.delete_grid(s, model_id),
        )

    def activate(self) -> None:
        model_id, loaded = self.model_id, self._loaded
        if model_id is None or loaded is None or not self._may_leave():
            return
        self._perform(
            self.tr("Make %1 the active grid").replace("%1", loaded.name),
            lambda s: scoring.set_active_grid(s, model_id),
        )

    def reject(self) -> None:
        if self._may_leave():
            super().reject()
