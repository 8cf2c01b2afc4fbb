"""Board settings: the workflow's columns, edited as a draft and applied as one undoable action."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from po_desktop.domain.readiness import ENTRY_RULES, EntryRule
from po_desktop.store import queries
from po_desktop.store.services import columns as column_service
from po_desktop.store.services.columns import ColumnSpec
from po_desktop.ui.banner import FormError
from po_desktop.ui.board.readiness import EntryRuleTexts
from po_desktop.ui.workspace import Workspace


@dataclass
class _Draft:
    id: int | None
    name: str
    wip_limit: int | None
    is_done: bool
    cards: int
    entry_rules: frozenset[EntryRule]
    version: int | None = None
    """The column's version when the dialog was filled (None: a new column)."""


class BoardSettingsDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(self.tr("Board columns"))

        def load(session: Session) -> list[_Draft]:
            counts = queries.need_counts_by_column(session)
            specs = column_service.workflow(session)
            return [
                _Draft(
                    s.id,
                    s.name,
                    s.wip_limit,
                    s.is_done,
                    counts.get(s.id or 0, 0),
                    s.entry_rules,
                    s.version,
                )
                for s in specs
            ]

        self.drafts: list[_Draft] = workspace.read(load)
        self.loaded = frozenset(d.id for d in self.drafts if d.id is not None)
        """The columns there were when the dialog was filled: one added since is refused."""
        self._loading = False

        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._show)
        self.add_button = QPushButton(self.tr("&Add column"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.up_button = QPushButton(self.tr("Move &up"))
        self.down_button = QPushButton(self.tr("Move &down"))
        self.add_button.clicked.connect(self.add_column)
        self.remove_button.clicked.connect(self.remove_column)
        self.up_button.clicked.connect(lambda: self.move_column(-1))
        self.down_button.clicked.connect(lambda: self.move_column(1))
        buttons = QVBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.name = QLineEdit()
        self.name.setMaxLength(2 * 60)  # UTF-16 units: room for 60 emoji (see NeedDialog)
        self.name.textEdited.connect(self._edited)
        self.wip = QSpinBox()
        self.wip.setRange(0, 10_000)
        self.wip.setSpecialValueText(self.tr("No limit"))
        self.wip.valueChanged.connect(self._edited)
        self.done_box = QCheckBox(self.tr("Needs in this column are done (velocity, burndown)"))
        self.done_box.toggled.connect(self._edited)
        texts = EntryRuleTexts(self)
        self.rule_boxes: dict[EntryRule, QCheckBox] = {}
        rules = QVBoxLayout()
        rules.setSpacing(2)
        for rule in ENTRY_RULES:
            box = QCheckBox(texts.label(rule))
            box.setToolTip(texts.explanation())
            box.toggled.connect(self._edited)
            rules.addWidget(box)
            self.rule_boxes[rule] = box
        self.rules_hint = QLabel(texts.explanation())
        self.rules_hint.setWordWrap(True)
        self.rules_hint.setEnabled(False)  # greyed: it explains, it is not a setting
        rules.addWidget(self.rules_hint)
        self.cards = QLabel()
        self.cards.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("WIP limit:"), self.wip)
        form.addRow("", self.done_box)
        rules_label = QLabel(self.tr("Entry rules:"))
        rules_label.setToolTip(texts.explanation())
        form.addRow(rules_label, rules)
        form.addRow("", self.cards)

        top = QHBoxLayout()
        top.addWidget(self.list, 2)
        top.addLayout(buttons)
        top.addLayout(form, 3)
        self.error = FormError()
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        box.accepted.connect(self.apply)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(self.error)
        layout.addWidget(box)
        self._refill(0)
        # As wide as the form needs in either language (the layout's minimum: nothing is
        # cut), and tall enough that the list shows the usual workflow without scrolling.
        self.setMinimumHeight(380)  # the wrapped texts' lines, which a minimum size ignores
        hint = self.sizeHint()
        self.resize(hint.width(), max(hint.height(), 420))

    # ----- draft editing ------------------------------------------------------------------
    def _refill(self, current: int) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for draft in self.drafts:
            self.list.addItem(self._label(draft))
        self.list.blockSignals(False)
        # Names as long as they are ("En revue  [3]"), up to a width that leaves the form room.
        needed = self.list.sizeHintForColumn(0) + 2 * self.list.frameWidth() + 24
        self.list.setMinimumWidth(min(max(needed, 140), 260))
        self.list.setCurrentRow(max(0, min(current, len(self.drafts) - 1)))
        self._show(self.list.currentRow())

    def _show(self, row: int) -> None:
        draft = self.drafts[row] if 0 <= row < len(self.drafts) else None
        self._loading = True
        self.name.setText(draft.name if draft else "")
        self.wip.setValue((draft.wip_limit or 0) if draft else 0)
        self.done_box.setChecked(draft.is_done if draft else False)
        for rule, box in self.rule_boxes.items():
            box.setChecked(draft is not None and rule in draft.entry_rules)
        self._loading = False
        for widget in (self.name, self.wip, self.done_box, *self.rule_boxes.values()):
            widget.setEnabled(draft is not None)
        if draft is None:
            self.cards.setText("")
        elif draft.cards:
            self.cards.setText(
                self.tr("%n need(s) in this column: it can be removed once empty.", "", draft.cards)
            )
        else:
            self.cards.setText(self.tr("No need in this column."))
        self.remove_button.setEnabled(
            draft is not None and not draft.cards and len(self.drafts) > 1
        )
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < len(self.drafts) - 1)

    def _edited(self) -> None:
        if self._loading:
            return
        row = self.list.currentRow()
        if not 0 <= row < len(self.drafts):
            return
        draft = self.drafts[row]
        draft.name = self.name.text()
        draft.wip_limit = self.wip.value() or None
        draft.is_done = self.done_box.isChecked()
        draft.entry_rules = frozenset(r for r, box in self.rule_boxes.items() if box.isChecked())
        self.list.item(row).setText(self._label(draft))

    def _label(self, draft: _Draft) -> str:
        label = draft.name or self.tr("(no name)")
        if draft.wip_limit:
            label += f"  [{draft.wip_limit}]"
        if draft.is_done:
            label += "  ✔"
        return label

    def add_column(self) -> None:
        row = self.list.currentRow() + 1 if self.drafts else 0
        self.drafts.insert(row, _Draft(None, self.tr("New column"), None, False, 0, frozenset()))
        self._refill(row)
        self.name.setFocus()
        self.name.selectAll()

    def remove_column(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.drafts) and not self.drafts[row].cards and len(self.drafts) > 1:
            del self.drafts[row]
            self._refill(row)

    def move_column(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if 0 <= row < len(self.drafts) and 0 <= target < len(self.drafts):
            self.drafts[row], self.drafts[target] = self.drafts[target], self.drafts[row]
            self._refill(target)

    # ----- saving -------------------------------------------------------------------------
    def specs(self) -> list[ColumnSpec]:
        """The columns as edited, each built on the version it was loaded at."""
        return [
            ColumnSpec(d.id, d.name, d.wip_limit, d.is_done, d.entry_rules, d.version)
            for d in self.drafts
        ]

    def apply(self) -> None:
        """One undoable action; a refusal (a column someone else changed since the dialog
        opened: who and when) keeps the dialog and every edit as typed."""
        specs, loaded = self.specs(), self.loaded
        if self.workspace.try_perform(
            self.tr("Edit board columns"),
            lambda s: column_service.apply_workflow(s, specs, loaded=loaded),
            self.error.refused,
        ):
            self.accept()
