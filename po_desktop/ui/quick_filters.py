"""The quick filters the board and the ranked backlog share: one vocabulary, one widget."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QWidget

from po_desktop.domain.enums import Decision, Source
from po_desktop.domain.messages import choice_label
from po_desktop.ui.filtering import SCOPES, UNASSIGNED, UNSCORED, NeedFilter
from po_desktop.ui.flow import FlowLayout, flowing


class QuickFilters(QWidget):
    """Scope, source, business unit, person, decision and tag, and a button to clear them.

    The toolbar's text and project filters stay with the window: :meth:`applied`
    adds these choices to them.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._restoring = True  # combos fire while they are filled
        self._wanted: NeedFilter | None = None
        self.scope = self._combo(self.tr("Scope"))
        for scope, label in zip(
            SCOPES,
            (
                self.tr("All needs"),
                self.tr("Active sprint"),
                self.tr("Backlog (no sprint)"),
                self.tr("Archived needs"),
            ),
            strict=True,
        ):
            self.scope.addItem(label, scope)
        self.source = self._combo(self.tr("Source"))
        self.unit = self._combo(self.tr("Business unit"))
        self.assignee = self._combo(self.tr("Assignee"))
        self.decision = self._combo(self.tr("Decision"))
        self.tag = self._combo(self.tr("Tag"))
        fill(self.source, self.tr("Any source"), [(s.value, choice_label(s)) for s in Source])
        fill(
            self.decision,
            self.tr("Any decision"),
            [(UNSCORED, self.tr("Not scored"))] + [(d.value, choice_label(d)) for d in Decision],
        )
        self.set_reference([], [], [])
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear)
        bar = FlowLayout(self)  # wraps on a narrow pane instead of widening it
        bar.addWidget(QLabel(self.tr("Filters:")))
        for combo in self.combos:
            bar.addWidget(combo)
        bar.addWidget(self.clear_button)
        flowing(self)
        self._restoring = False

    @property
    def combos(self) -> tuple[QComboBox, ...]:
        return (self.scope, self.source, self.unit, self.assignee, self.decision, self.tag)

    def _combo(self, name: str) -> QComboBox:
        combo = filter_combo(name)
        combo.currentIndexChanged.connect(self._edited)
        return combo

    def _edited(self) -> None:
        if not self._restoring:
            self.changed.emit()

    def set_reference(
        self, people: list[tuple[int, str]], units: list[str], tags: list[str]
    ) -> None:
        """The names to choose from; a choice that still exists survives a reload."""
        self._restoring = True
        fill(self.unit, self.tr("Any business unit"), [(u, u) for u in units])
        fill(
            self.assignee,
            self.tr("Anyone"),
            [(UNASSIGNED, self.tr("Unassigned")), *people],
        )
        fill(self.tag, self.tr("Any tag"), [(t, t) for t in tags])
        wanted, self._wanted = self._wanted, None
        if wanted is not None:  # a restored filter naming people or tags loaded just now
            for combo, value in (
                (self.unit, wanted.business_unit),
                (self.assignee, wanted.assignee_id),
                (self.tag, wanted.tag),
            ):
                if value is not None:
                    combo.setCurrentIndex(max(0, combo.findData(value)))
        self._restoring = False

    def applied(self, base: NeedFilter) -> NeedFilter:
        return replace(
            base,
            source=self.source.currentData(),
            business_unit=self.unit.currentData(),
            assignee_id=self.assignee.currentData(),
            decision=self.decision.currentData(),
            tag=self.tag.currentData(),
            scope=self.scope.currentData() or "all",
        )

    def waiting(self) -> bool:
        """True while a restored filter names a unit, a person or a tag not loaded yet:
        the combos show "any", but the filter the user left narrows."""
        wanted = self._wanted
        return wanted is not None and any(
            value is not None for value in (wanted.business_unit, wanted.assignee_id, wanted.tag)
        )

    def restore(self, saved: NeedFilter) -> None:
        """Show a saved filter; names not loaded yet are chosen at the next reference."""
        self._wanted = saved
        self._restoring = True
        for combo, value in (
            (self.scope, saved.scope),
            (self.source, saved.source),
            (self.unit, saved.business_unit),
            (self.assignee, saved.assignee_id),
            (self.decision, saved.decision),
            (self.tag, saved.tag),
        ):
            found = combo.findData(value) if value is not None else 0
            combo.setCurrentIndex(max(0, found))
        self._restoring = False

    def clear(self) -> None:
        self._restoring = True
        for combo in self.combos:
            combo.setCurrentIndex(0)
        self._restoring = False
        self.changed.emit()


def filter_combo(name: str) -> QComboBox:
    """A compact combo named for screen readers and tooltips, as in every filter bar."""
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setToolTip(name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    combo.setMaximumWidth(190)
    return combo


def fill(combo: QComboBox, anything: str, items: list[tuple[Any, str]]) -> None:
    """Refill a filter combo, keeping its choice when it still exists."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(anything, None)
    for value, label in items:
        combo.addItem(label, value)
    index = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(0, index))
    combo.blockSignals(False)
