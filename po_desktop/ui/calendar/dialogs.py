"""Dialogs of the calendar: sprint, ritual, absence, cadence and sprint close.

Each dialog collects input and runs one service through the workspace, so the
change is one undoable step; a refusal shows its message in the dialog and
keeps everything typed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from po_desktop.domain.cadence import RitualTimes
from po_desktop.domain.enums import CeremonyKind
from po_desktop.domain.messages import choice_label
from po_desktop.store import calendar_forms as forms
from po_desktop.store.services import rituals as ritual_service
from po_desktop.store.services import sprints as service
from po_desktop.ui import screen
from po_desktop.ui.banner import FormError
from po_desktop.ui.fields import DateField, DateTimeField, TimeField, plain_text
from po_desktop.ui.models import format_points
from po_desktop.ui.workspace import Workspace


class _ServiceDialog(QDialog):
    """A form whose OK runs one undoable calendar service; errors stay in the dialog."""

    def __init__(self, workspace: Workspace, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = FormError()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.change: object = None
        self._watched = []

    def typed_ok(self, *fields: DateField | TimeField) -> bool:
        """Every date and time can be read; else the first one is named, focused and
        nothing is saved (a date never silently becomes another)."""
        for field in fields:
            if field.is_valid():
                continue
            if isinstance(field, DateField):
                text = self.tr(
                    "“%1” is not a date between 01/01/2000 and 31/12/2099. "
                    "Type it like 04/01/2027, or pick it in the calendar."
                )
            else:
                text = self.tr("“%1” is not a time of day. Type it like 14:30.")
            self.error.say(text.replace("%1", field.text()))
            field.setFocus()
            field.selectAll()
            # Said until the dates and times read again, not until the next OK.
            self._checked_fields = fields
            for typed in fields:
                if typed not in self._watched:
                    self._watched.append(typed)
                    typed.textChanged.connect(self._typed_again)
            return False
        return True

    _checked_fields: tuple[DateField | TimeField, ...] = ()
    _watched: list[DateField | TimeField]

    def _typed_again(self) -> None:
        if all(field.is_valid() for field in self._checked_fields):
            self.error.hide()

    def run(self, text: str, do: Callable[[Session], object]) -> bool:
        self.change = self.workspace.try_perform(text, do, self.error.refused)
        return self.change is not None

    def people_list(self, chosen: set[int]) -> QListWidget:
        """Active people as a check list (the sprint's team)."""
        widget = QListWidget()
        widget.setMaximumHeight(150)
        people = self.workspace.read(forms.active_people)
        for person_id, name in people:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, person_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if person_id in chosen else Qt.CheckState.Unchecked
            )
            widget.addItem(item)
        return widget

    @staticmethod
    def checked(widget: QListWidget) -> list[int]:
        return [
            int(widget.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked
        ]


class SprintDialog(_ServiceDialog):
    """Create or edit a sprint: name, goal, team, dates, focus factor, members."""

    def __init__(
        self,
        workspace: Workspace,
        sprint_id: int | None = None,
        start: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, "", parent)
        self.sprint_id = sprint_id
        self.setWindowTitle(self.tr("New sprint") if sprint_id is None else self.tr("Edit sprint"))

        loaded = workspace.read(lambda s: forms.sprint_form(s, sprint_id))
        sprint, members, teams = loaded.sprint, loaded.members, loaded.teams
        self.version = sprint.version if sprint else None
        """The sprint's version when the form was filled: its save is built on it."""
        self.name = QLineEdit(sprint.name if sprint else "")
        self.name.setMaxLength(2 * 80)  # UTF-16 units: room for 80 emoji (see NeedDialog)
        self.goal = QPlainTextEdit(sprint.goal if sprint else "")
        self.goal.setMaximumHeight(70)
        self.team = QComboBox()
        self.team.setEditable(True)
        self.team.lineEdit().setPlaceholderText(self.tr("None: the workspace's one team"))
        self.team.addItems(["", *teams])
        self.team.setCurrentText(sprint.team if sprint else "")
        self.team.setToolTip(
            self.tr("Sprints of one team may not overlap; leave empty for a single team")
        )
        first = start or loaded.next_start  # after the last sprint: not over it
        last = first + timedelta(days=11)  # two weeks, Monday to Friday
        while last.weekday() >= 5 and last > first:  # a sprint ends on a working day
            last -= timedelta(days=1)
        self.start = DateField(sprint.start_date if sprint else first)
        self.end = DateField(sprint.end_date if sprint else last)
        self.focus = QDoubleSpinBox()
        self.focus.setRange(0.05, 1.0)
        self.focus.setSingleStep(0.05)
        self.focus.setValue(sprint.focus_factor if sprint else 0.8)
        self.focus.setToolTip(
            self.tr("Share of working time left for sprint work after meetings and support")
        )
        self.members = self.people_list(members)
        self.form.addRow(self.tr("Name:"), self.name)
        self.form.addRow(self.tr("Goal:"), self.goal)
        self.form.addRow(self.tr("Team:"), self.team)
        self.form.addRow(self.tr("Start:"), self.start)
        self.form.addRow(self.tr("End:"), self.end)
        self.form.addRow(self.tr("Focus factor:"), self.focus)
        self.form.addRow(self.tr("Members:"), self.members)
        screen.fit(self, QSize(460, 480))

    def data(self) -> service.SprintInput:
        return service.SprintInput(
            self.name.text(),
            self.start.value(),
            self.end.value(),
            plain_text(self.goal),
            self.team.currentText(),
            self.focus.value(),
            self.checked(self.members),
        )

    def accept(self) -> None:
        if not self.typed_ok(self.start, self.end):
            return
        data, sprint_id = self.data(), self.sprint_id
        if sprint_id is None:
            ok = self.run(
                self.tr("New sprint %1").replace("%1", data.name.strip()),
                lambda s: service.create_sprint(s, data),
            )
        else:
            # Saved after someone else's save, it is refused with who and when, and the
            # dialog stays open with what was typed.
            version = self.version
            ok = self.run(
                self.tr("Edit sprint %1").replace("%1", data.name.strip()),
                lambda s: service.update_sprint(s, sprint_id, data, version=version),
            )
        if ok:
            super().accept()


def _minutes(kind: str) -> int:
    """How long a ritual of ``kind`` usually lasts (the cadence's defaults)."""
    usual = RitualTimes()
    return {
        "daily": usual.daily_minutes,
        "planning": usual.planning_minutes,
        "review": usual.review_minutes,
        "retro": usual.retro_minutes,
    }.get(kind, 60)


class CeremonyDialog(_ServiceDialog):
    """Create or edit a ritual; the sprint it belongs to is the one running that day."""

    def __init__(
        self,
        workspace: Workspace,
        ceremony_id: int | None = None,
        day: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, "", parent)
        self.ceremony_id = ceremony_id
        self.setWindowTitle(
            self.tr("New ritual") if ceremony_id is None else self.tr("Edit ritual")
        )

        on_day = day or date.today()
        loaded = workspace.read(lambda s: forms.ceremony_form(s, ceremony_id, on_day))
        row, sprints, running = loaded.ceremony, loaded.sprints, loaded.running
        self.kind = QComboBox()
        for kind in CeremonyKind:
            self.kind.addItem(choice_label(kind.value).capitalize(), kind.value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(row.kind if row else "refinement")))
        when = row.starts_at if row else datetime.combine(day or date.today(), time(10, 0))
        self.when = DateTimeField(when)
        self.duration = QSpinBox()
        self.duration.setRange(5, 24 * 60)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(" min")
        self.duration.setValue(row.duration_minutes if row else _minutes(self.kind.currentData()))
        if row is None:  # a new ritual lasts what its kind usually does, until typed
            self._minutes_typed = False
            self.duration.valueChanged.connect(self._minutes_changed)
            self.kind.currentIndexChanged.connect(self._kind_changed)
        self.sprint = QComboBox()
        self.sprint.addItem(self.tr("No sprint"), None)
        for sprint_id, name in sprints:
            self.sprint.addItem(name, sprint_id)
        chosen = row.sprint_id if row else running
        self.sprint.setCurrentIndex(max(0, self.sprint.findData(chosen)))
        self.title = QLineEdit(row.title if row else "")
        self.title.setPlaceholderText(self.tr("Optional (default: the kind of ritual)"))
        self.location = QLineEdit(row.location if row else "")
        self.notes = QPlainTextEdit(row.notes if row else "")
        self.notes.setMaximumHeight(70)
        self.form.addRow(self.tr("Ritual:"), self.kind)
        self.form.addRow(self.tr("When:"), self.when)
        self.form.addRow(self.tr("Duration:"), self.duration)
        self.form.addRow(self.tr("Sprint:"), self.sprint)
        self.form.addRow(self.tr("Title:"), self.title)
        self.form.addRow(self.tr("Location:"), self.location)
        self.form.addRow(self.tr("Notes:"), self.notes)
        if ceremony_id is not None:
            delete = self.buttons.addButton(
                self.tr("Delete"), QDialogButtonBox.ButtonRole.DestructiveRole
            )
            delete.clicked.connect(self.delete)

    _setting_minutes = False

    def _minutes_changed(self) -> None:
        if not self._setting_minutes:
            self._minutes_typed = True

    def _kind_changed(self) -> None:
        """Another kind of ritual: its usual length (a daily 15 min), unless one was typed."""
        if self._minutes_typed:
            return
        self._setting_minutes = True
        self.duration.setValue(_minutes(self.kind.currentData()))
        self._setting_minutes = False

    def data(self) -> ritual_service.CeremonyInput:
        moment = self.when.dateTime()
        d, t = moment.date(), moment.time()
        return ritual_service.CeremonyInput(
            self.kind.currentData(),
            datetime(d.year(), d.month(), d.day(), t.hour(), t.minute()),
            self.duration.value(),
            self.sprint.currentData(),
            self.title.text(),
            self.location.text(),
            plain_text(self.notes),
        )

    def accept(self) -> None:
        if not self.typed_ok(*self.when.fields()):
            return
        data, ceremony_id = self.data(), self.ceremony_id
        label = choice_label(data.kind)
        text = self.tr("New ritual: %1") if ceremony_id is None else self.tr("Edit ritual: %1")
        if self.run(
            text.replace("%1", label), lambda s: ritual_service.save_ceremony(s, ceremony_id, data)
        ):
            super().accept()

    def delete(self) -> None:
        ceremony_id = self.ceremony_id
        assert ceremony_id is not None
        text = self.tr("Delete ritual: %1").replace("%1", choice_label(self.kind.currentData()))
        if self.run(text, lambda s: ritual_service.delete_ceremony(s, ceremony_id)):
            super().accept()


class AbsenceDialog(_ServiceDialog):
    def __init__(
        self,
        workspace: Workspace,
        absence_id: int | None = None,
        day: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, "", parent)
        self.absence_id = absence_id
        self.setWindowTitle(
            self.tr("New absence") if absence_id is None else self.tr("Edit absence")
        )

        loaded = workspace.read(lambda s: forms.absence_form(s, absence_id))
        row, people = loaded.absence, loaded.people
        self.person = QComboBox()
        for person_id, name in people:
            self.person.addItem(name, person_id)
        if row is not None:
            self.person.setCurrentIndex(max(0, self.person.findData(row.person_id)))
        first = row.start_date if row else (day or date.today())
        self.start = DateField(first)
        self.end = DateField(row.end_date if row else first)
        self.reason = QLineEdit(row.reason if row else "")
        self.reason.setPlaceholderText(self.tr("Leave, training, client visit…"))
        self.form.addRow(self.tr("Person:"), self.person)
        self.form.addRow(self.tr("From:"), self.start)
        self.form.addRow(self.tr("To (included):"), self.end)
        self.form.addRow(self.tr("Reason:"), self.reason)
        if absence_id is not None:
            delete = self.buttons.addButton(
                self.tr("Delete"), QDialogButtonBox.ButtonRole.DestructiveRole
            )
            delete.clicked.connect(self.delete)

    def accept(self) -> None:
        if self.person.currentData() is None:
            self.error.say(
                self.tr("Add people first (Workspace ▸ People): an absence is someone's.")
            )
            return
        if not self.typed_ok(self.start, self.end):
            return
        absence_id = self.absence_id
        data = ritual_service.AbsenceInput(
            int(self.person.currentData() or 0),
            self.start.value(),
            self.end.value(),
            self.reason.text(),
        )
        text = self.tr("Absence of %1").replace("%1", self.person.currentText())
        if self.run(text, lambda s: ritual_service.save_absence(s, absence_id, data)):
            super().accept()

    def delete(self) -> None:
        absence_id = self.absence_id
        assert absence_id is not None
        text = self.tr("Delete absence of %1").replace("%1", self.person.currentText())
        if self.run(text, lambda s: ritual_service.delete_absence(s, absence_id)):
            super().accept()


class CloseSprintDialog(_ServiceDialog):
    """Close the active sprint: where each unfinished need goes, chosen need by need."""

    def __init__(self, workspace: Workspace, sprint_id: int, parent: QWidget | None = None) -> None:
        super().__init__(workspace, "", parent)
        self.sprint_id = sprint_id

        closing = workspace.read(lambda s: forms.closing(s, sprint_id))
        name, self.following = closing.name, closing.following
        rows = [(n.id, n.key, n.title, n.column, n.points) for n in closing.open_needs]
        self.setWindowTitle(self.tr("Close %1").replace("%1", name))
        self.name = name
        intro = QLabel(
            self.tr(
                "%n need(s) not done. Choose where each one goes; the sprint's velocity "
                "will be recorded.",
                "",
                len(rows),
            )
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        # Where the needs go comes first and stays in sight; long titles are shortened
        # (whole in their tooltip), never pushing the choice off the dialog.
        self.table = QTableWidget(len(rows), 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Destination"), self.tr("Need"), self.tr("Column"), self.tr("Points")]
        )
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.combos: dict[int, QComboBox] = {}
        for row, (need_id, key, title, column, points) in enumerate(rows):
            combo = QComboBox()
            if self.following:
                combo.addItem(
                    self.tr("Next sprint (%1)").replace("%1", self.following), service.NEXT
                )
            combo.addItem(self.tr("Backlog"), service.BACKLOG)
            combo.setAccessibleName(self.tr("Where %1 goes").replace("%1", key))
            self.table.setCellWidget(row, 0, combo)
            self.combos[need_id] = combo
            need = QTableWidgetItem(f"{key} — {title}")
            need.setToolTip(f"{key} — {title}")
            self.table.setItem(row, 1, need)
            self.table.setItem(row, 2, QTableWidgetItem(column))
            points_item = QTableWidgetItem(format_points(points))
            points_item.setTextAlignment(
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
            self.table.setItem(row, 3, points_item)
        header = self.table.horizontalHeader()
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        if rows:
            all_row = QHBoxLayout()
            if self.following:
                to_next = QPushButton(
                    self.tr("All to the next sprint (%1)").replace("%1", self.following)
                )
                to_next.clicked.connect(lambda: self.send_all(service.NEXT))
                all_row.addWidget(to_next)
            to_backlog = QPushButton(self.tr("All to the backlog"))
            to_backlog.clicked.connect(lambda: self.send_all(service.BACKLOG))
            all_row.addWidget(to_backlog)
            all_row.addStretch(1)
            self.form.addRow(all_row)
        self.form.addRow(self.table)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Close the sprint"))
        if not self.following and rows:
            note = QLabel(
                self.tr(
                    "No sprint is planned after this one: unfinished needs go back to the backlog."
                )
            )
            note.setWordWrap(True)
            self.form.addRow(note)
        screen.fit(self, QSize(860, 500))

    def send_all(self, where: str) -> None:
        """Every unfinished need to the same place (each can still be changed after)."""
        for combo in self.combos.values():
            combo.setCurrentIndex(max(0, combo.findData(where)))

    def choices(self) -> dict[int, str]:
        return {need_id: combo.currentData() for need_id, combo in self.combos.items()}

    def accept(self) -> None:
        sprint_id, choices = self.sprint_id, self.choices()
        default = service.NEXT if self.following else service.BACKLOG
        text = self.tr("Close %1").replace("%1", self.name)
        if self.run(text, lambda s: service.close_sprint(s, sprint_id, default, choices)):
            super().accept()
