"""Plan a team's next sprints, each with its rituals, following its last ones."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from po_desktop.domain.cadence import RitualTimes, following, next_number, numbered, own_series
from po_desktop.store import calendar_forms as forms
from po_desktop.store.services import rituals as ritual_service
from po_desktop.ui import screen
from po_desktop.ui.calendar.dialogs import _ServiceDialog
from po_desktop.ui.fields import DateField, TimeField
from po_desktop.ui.workspace import Workspace


class CadenceDialog(_ServiceDialog):
    """Generate the next sprints of a team with their rituals, skipping public holidays."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, "", parent)
        self.setWindowTitle(self.tr("Plan sprints"))

        today = date.today()
        self.defaults = workspace.read(lambda s: forms.cadence_defaults(s, today))
        self.start = DateField(today)
        self.count = QSpinBox()
        self.count.setRange(1, 52)
        self.count.setValue(6)
        self.weeks = QSpinBox()
        self.weeks.setRange(1, 8)
        self.weeks.valueChanged.connect(  # « 1 semaine », « 2 semaines »
            lambda n: self.weeks.setSuffix(self.tr(" week(s)", "", n))
        )
        self.weeks.setSuffix(self.tr(" week(s)", "", self.weeks.value()))
        self.team = QComboBox()
        self.team.setEditable(True)
        editor = self.team.lineEdit()
        assert editor is not None  # (editable)
        editor.setPlaceholderText(self.tr("None: the workspace's one team"))
        self.team.addItems(["", *self.defaults.teams])
        self.pattern = QLineEdit()
        self.pattern.setToolTip(
            self.tr(
                "{n} is replaced by the sprint's number, {year} and {week} by the ISO year "
                "and week of its first day; a name with none of them ends with the number"
            )
        )
        self.first_number = QSpinBox()
        self.first_number.setRange(1, 9999)
        self.focus = QDoubleSpinBox()
        self.focus.setRange(0.05, 1.0)
        self.focus.setSingleStep(0.05)
        self.members = self.people_list(set())
        self.daily = TimeField(RitualTimes().daily)
        self.daily_minutes = QSpinBox()
        self.daily_minutes.setRange(5, 60)
        self.daily_minutes.setSuffix(" min")
        daily_row = QHBoxLayout()
        daily_row.addWidget(self.daily)
        daily_row.addWidget(self.daily_minutes)
        self.review = TimeField(RitualTimes().review)
        # The series the chosen team's sprints follow: its last sprint's length, names,
        # focus, members and ritual times, from the Monday after it.
        self.pattern.textChanged.connect(self._renumber)
        self.numbered_as = 0  # the first number last proposed: a number typed is kept
        self.named_as = ""  # the names last proposed: names typed are kept
        self.followed: forms.CadencePlan | None = None
        self._follow(self.defaults.team)
        self.team.setCurrentText(self.defaults.team)
        self.team.currentTextChanged.connect(self._follow)
        self.form.addRow(self.tr("First sprint starts:"), self.start)
        self.form.addRow(self.tr("Sprints to create:"), self.count)
        self.form.addRow(self.tr("Length:"), self.weeks)
        self.form.addRow(self.tr("Team:"), self.team)
        self.form.addRow(self.tr("Names:"), self.pattern)
        self.form.addRow(self.tr("First number:"), self.first_number)
        self.form.addRow(self.tr("Focus factor:"), self.focus)
        self.form.addRow(self.tr("Members:"), self.members)
        self.form.addRow(self.tr("Daily scrum:"), daily_row)
        self.form.addRow(self.tr("Review and retrospective from:"), self.review)
        hint = QLabel(
            self.tr(
                "Planning on the first day, a daily scrum on every working day, review and "
                "retrospective on the last day. Public holidays get none; every ritual stays "
                "editable afterwards."
            )
        )
        hint.setWordWrap(True)
        self.form.addRow(hint)
        screen.fit(self, QSize(500, 640))

    def _follow(self, team: str) -> None:
        """Once per series: a new team's name typed letter by letter keeps what was set,
        but for its names, which follow it until they are typed (« ERP {n} »)."""
        plan = self.defaults.plan(team)
        if plan is self.defaults.fresh and self.pattern.text() == self.named_as:
            self.named_as = own_series(team)
            self.pattern.setText(self.named_as)
        if plan is self.followed:
            return
        self.followed = plan
        self.start.setDate(plan.start)
        self.weeks.setValue(plan.weeks)
        if plan is not self.defaults.fresh:
            self.named_as = plan.pattern
            self.pattern.setText(plan.pattern)
        self.first_number.setValue(plan.first_number)
        self.numbered_as = plan.first_number
        self._renumber(self.pattern.text())
        self.focus.setValue(plan.focus)
        for row in range(self.members.count()):
            item = self.members.item(row)
            chosen = int(item.data(Qt.ItemDataRole.UserRole)) in plan.members
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
        self.daily.setTime(plan.rituals.daily)
        self.daily_minutes.setValue(plan.rituals.daily_minutes)
        self.review.setTime(plan.rituals.review)

    def _renumber(self, pattern: str) -> None:
        """Names typed anew number on from their series (« ERP {n} »: 1), unless the
        first number was set by hand."""
        self.first_number.setEnabled(numbered(pattern))
        if self.first_number.value() == self.numbered_as:
            self.numbered_as = next_number(pattern, self.defaults.names)
            self.first_number.setValue(self.numbered_as)

    def accept(self) -> None:
        if not self.typed_ok(self.start, self.daily, self.review):
            return
        review, daily, start = self.review.time(), self.daily.time(), self.start.value()
        assert self.followed is not None and start is not None  # (set on opening; typed_ok)
        rituals = following(
            self.followed.rituals,
            time(daily.hour(), daily.minute()),
            self.daily_minutes.value(),
            time(review.hour(), review.minute()),
        )
        data = ritual_service.CadenceInput(
            start,
            self.count.value(),
            self.weeks.value(),
            self.team.currentText(),
            self.focus.value(),
            self.checked(self.members),
            self.pattern.text() or "Sprint {n}",
            self.first_number.value(),
            rituals,
            self.followed.locations,
        )
        text = self.tr("Plan %n sprint(s)", "", data.count)
        if self.run(text, lambda s: ritual_service.generate_cadence(s, data)):
            super().accept()
