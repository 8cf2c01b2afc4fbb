"""Projects and people: small lists edited in place, every change undoable."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from po_desktop.domain.enums import ProjectKind
from po_desktop.domain.messages import choice_label
from po_desktop.domain.text import EMAIL_MAX
from po_desktop.store import queries
from po_desktop.store.errors import PoDesktopError
from po_desktop.store.services import people as people_service
from po_desktop.store.services import projects as project_service
from po_desktop.ui import feedback, screen
from po_desktop.ui.banner import FormError
from po_desktop.ui.feedback import Unsaved
from po_desktop.ui.workspace import Workspace


def _swatch(color: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


@dataclass(frozen=True)
class EntityOps:
    """The services behind one kind of list (undo is the change protocol's)."""

    create: Callable[[Session, Any], int]
    update: Callable[..., object]
    """``update(session, id, data, version=...)``: refused when the row's version moved."""
    delete: Callable[[Session, int], object]


class _ListEditor(QDialog):
    """A list on the left, a form on the right, an error line under it."""

    ops: EntityOps
    create_text = ""
    edit_text = ""
    delete_text = ""

    def __init__(self, workspace: Workspace, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.current_id: int | None = None
        self._loaded: object = None
        self.loaded_version: int | None = None
        """The version of the item shown when the form was filled (``load`` sets it): its
        save is built on it, and refused with who and when if someone saved it since."""
        self.list = QListWidget()
        self.list.setMinimumWidth(220)
        self.list.currentItemChanged.connect(self._on_current)
        self.form = QFormLayout()
        self.error = FormError()
        self.new_button = QPushButton(self.tr("New"))
        self.save_button = QPushButton(self.tr("Save"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.save_button.setDefault(True)
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addStretch(1)
        actions.addWidget(self.delete_button)
        actions.addWidget(self.save_button)
        right = QVBoxLayout()
        right.addLayout(self.form)
        right.addWidget(self.error)
        right.addStretch(1)
        right.addLayout(actions)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(self.list)
        body.addLayout(right, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(body)
        outer.addWidget(close)
        workspace.changes_applied.connect(self._changes_applied)
        screen.fit(self, QSize(760, 460))

    def _changes_applied(self, _change: object) -> None:
        self.reload()  # an undo elsewhere may concern this list

    def reload(self) -> None:
        """Show the data as stored now, without overwriting edits the user has not saved."""
        dirty = self._is_dirty()
        keep = self.current_id
        self.refresh_choices()
        self.list.blockSignals(True)
        self.list.clear()
        row_to_select = None
        for item_id, label, icon in self.items():
            item = QListWidgetItem(label)
            if icon is not None:
                item.setIcon(icon)
            item.setData(Qt.ItemDataRole.UserRole, item_id)
            self.list.addItem(item)
            if item_id == keep:
                row_to_select = self.list.count() - 1
        if keep is None and dirty:
            self.list.setCurrentRow(-1)  # a new item is being typed: leave it be
        elif row_to_select is not None:
            self.list.setCurrentRow(row_to_select)
            if not dirty:
                self.load(keep)  # type: ignore[arg-type]
                self._loaded = self._input()
        elif self.list.count():
            self.list.setCurrentRow(0)
            self.current_id = self.list.item(0).data(Qt.ItemDataRole.UserRole)
            self.load(self.current_id)
            self._loaded = self._input()
        self.list.blockSignals(False)
        if self.list.count() == 0 and not dirty:
            self.start_new()
        self._update_buttons()

    def _update_buttons(self) -> None:
        """Delete acts on the item shown: nothing to delete while a new one is typed."""
        self.delete_button.setEnabled(self.current_id is not None)

    def _is_dirty(self) -> bool:
        return self._loaded is not None and self._input() != self._loaded

    def refresh_choices(self) -> None:
        """Subclasses rebuild their combo boxes here, keeping the chosen values."""

    def _on_current(self, item: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        if item is None:
            return
        target = item.data(Qt.ItemDataRole.UserRole)
        left_from = self.current_id
        if not self._may_leave():  # saving may rebuild the list: only ids survive it
            # After the click has finished selecting, put the highlight back.
            QTimer.singleShot(0, lambda: self._select_id(left_from))
            return
        self._select_id(target)
        self.current_id = target
        self.error.hide()
        self.load(target)
        self._loaded = self._input()
        self._update_buttons()

    def _select_id(self, item_id: int | None) -> None:
        self.list.blockSignals(True)
        self.list.clearSelection()
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == item_id:
                self.list.setCurrentRow(i, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                break
        else:
            self.list.setCurrentRow(-1)
        self.list.blockSignals(False)

    def _may_leave(self) -> bool:
        """Unsaved edits are never dropped silently: save, discard or stay."""
        if not self._is_dirty():
            return True
        answer = feedback.sink().ask_unsaved(
            self, self.windowTitle(), self.tr("Save the changes to this item?")
        )
        if answer is Unsaved.CANCEL:
            return False
        if answer is Unsaved.SAVE:
            return self.save()
        return True

    def reject(self) -> None:
        if self._may_leave():
            super().reject()

    def start_new(self) -> None:
        if not self._may_leave():
            return
        self.list.blockSignals(True)
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        self.current_id = None
        self.error.hide()
        self.clear_form()
        self._loaded = self._input()
        self._update_buttons()

    def save(self) -> bool:
        """Create or update the item in the form; False (and the reason shown) on error."""
        data = self._input()
        ops, item_id = self.ops, self.current_id
        if item_id is None:
            change = self.workspace.try_perform(
                self.create_text, lambda s: ops.create(s, data), self.error.refused
            )
            if change is None:
                return False
            self.current_id = int(change.result)
        else:
            version = self.loaded_version

            def update(s: Session) -> object:
                return ops.update(s, item_id, data, version=version)

            if not self.workspace.try_perform(self.edit_text, update, self.error.refused):
                return False  # what was typed stays, with the reason
        self.error.hide()  # the value the message was about is saved now
        self._loaded = data
        self.reload()
        self.saved()
        return True

    def saved(self) -> None:
        """Subclasses react to a successful save."""

    def delete(self) -> None:
        if self.current_id is None:
            return
        item_id = self.current_id
        ops = self.ops
        if not self.workspace.try_perform(
            self.delete_text, lambda s: ops.delete(s, item_id), self.delete_refused
        ):
            return
        self.error.hide()
        self.current_id = None
        self._loaded = None
        self.reload()

    def delete_refused(self, exc: PoDesktopError) -> None:
        self.error.refused(exc)

    # Subclasses fill these in.
    def items(self) -> list[tuple[int, str, QIcon | None]]:
        raise NotImplementedError

    def load(self, item_id: int) -> None:
        raise NotImplementedError

    def clear_form(self) -> None:
        raise NotImplementedError

    def _input(self) -> object:
        raise NotImplementedError


class ProjectsDialog(_ListEditor):
    def __init__(
        self, workspace: Workspace, parent: QWidget | None = None, *, create_one: bool = False
    ) -> None:
        """``create_one``: opened to create a project (from a need): closes once it is."""
        super().__init__(workspace, parent)
        self.create_one = create_one
        self.setWindowTitle(self.tr("New project") if create_one else self.tr("Projects"))
        self.ops = EntityOps(
            create=lambda s, data: project_service.create_project(s, data).id,
            update=project_service.update_project,
            delete=project_service.delete_project,
        )
        self.create_text = self.tr("Create project")
        self.edit_text = self.tr("Edit project")
        self.delete_text = self.tr("Delete project")
        self.code = QLineEdit()
        self.code.setMaxLength(10)
        self.code.setPlaceholderText(self.tr("e.g. ERP — prefix of the need keys"))
        self.name = QLineEdit()
        self.kind = QComboBox()
        for kind in ProjectKind:
            self.kind.addItem(choice_label(kind.value), kind.value)
        self.owner = QComboBox()
        self.color = QLineEdit()
        self.color.setMaxLength(7)
        self.swatch = QLabel()  # the colour itself, not only its code
        self.swatch.setFixedSize(22, 22)
        self.color.textChanged.connect(self._show_swatch)
        pick = QPushButton(self.tr("Choose…"))
        pick.clicked.connect(self._pick_color)
        color_row = QHBoxLayout()
        color_row.addWidget(self.swatch)
        color_row.addWidget(self.color)
        color_row.addWidget(pick)
        self.archived = QCheckBox(self.tr("Archived (no new needs)"))
        self.form.addRow(self.tr("&Code"), self.code)
        self.form.addRow(self.tr("&Name"), self.name)
        self.form.addRow(self.tr("&Kind"), self.kind)
        self.form.addRow(self.tr("&Product owner"), self.owner)
        color_label = QLabel(self.tr("Co&lour"))
        color_label.setBuddy(self.color)
        self.form.addRow(color_label, color_row)
        self.form.addRow("", self.archived)
        self.reload()

    def saved(self) -> None:
        if self.create_one:
            self.accept()

    def refresh_choices(self) -> None:
        chosen = self.owner.currentData()
        self.owner.blockSignals(True)
        self.owner.clear()
        self.owner.addItem(self.tr("(none)"), None)
        for person in self.workspace.read(queries.people):
            self.owner.addItem(person.name, person.id)
        self.owner.setCurrentIndex(max(0, self.owner.findData(chosen)))
        self.owner.blockSignals(False)

    def items(self) -> list[tuple[int, str, QIcon | None]]:
        return [
            (p.id, f"{p.code} — {p.name}", _swatch(p.color))
            for p in self.workspace.read(queries.projects)
        ]

    def _show_swatch(self, text: str) -> None:
        colour = QColor(text)
        self.swatch.setPixmap(_swatch(text).pixmap(22, 22) if colour.isValid() else QPixmap())

    def _pick_color(self) -> None:
        chosen = feedback.sink().choose_color(self, self.color.text(), self.tr("Project colour"))
        if chosen is not None:
            self.color.setText(chosen)

    def load(self, item_id: int) -> None:
        project = self.workspace.read(lambda s: project_service.find_project(s, item_id))
        self.loaded_version = project.version
        self.code.setText(project.code)
        self.name.setText(project.name)
        self.kind.setCurrentIndex(self.kind.findData(project.kind))
        self.owner.setCurrentIndex(max(0, self.owner.findData(project.owner_id)))
        self.color.setText(project.color)
        self.archived.setChecked(project.archived)

    def clear_form(self) -> None:
        self.code.clear()
        self.name.clear()
        self.kind.setCurrentIndex(0)
        self.owner.setCurrentIndex(0)
        self.color.setText(self.workspace.read(project_service.free_colour))
        self.archived.setChecked(False)
        self.code.setFocus()

    def _input(self) -> project_service.ProjectInput:
        return project_service.ProjectInput(
            code=self.code.text(),
            name=self.name.text(),
            kind=self.kind.currentData(),
            owner_id=self.owner.currentData(),
            color=self.color.text(),
            archived=self.archived.isChecked(),
        )


class PeopleDialog(_ListEditor):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, parent)
        self.setWindowTitle(self.tr("People"))
        self.ops = EntityOps(
            create=lambda s, data: people_service.create_person(s, data).id,
            update=people_service.update_person,
            delete=people_service.delete_person,
        )
        self.create_text = self.tr("Add person")
        self.edit_text = self.tr("Edit person")
        self.delete_text = self.tr("Remove person")
        self.name = QLineEdit()
        self.role = QLineEdit()
        self.role.setPlaceholderText(self.tr("e.g. Developer, HR manager"))
        self.email = QLineEdit()
        self.email.setMaxLength(EMAIL_MAX)
        self.email.setPlaceholderText(self.tr("name@example.com — finds them as a mail's sender"))
        self.login = QLineEdit()
        self.login.setMaxLength(people_service.LOGIN_MAX)
        self.login.setPlaceholderText(
            self.tr("their login on the team server — signs their changes")
        )
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.availability = QDoubleSpinBox()
        self.availability.setRange(0, 100)
        self.availability.setDecimals(1)
        self.availability.setSingleStep(10)
        self.availability.setSuffix(" %")
        self.active = QCheckBox(self.tr("Active"))
        self.form.addRow(self.tr("&Name"), self.name)
        self.form.addRow(self.tr("&Role"), self.role)
        self.form.addRow(self.tr("&E-mail"), self.email)
        self.form.addRow(self.tr("&Login"), self.login)
        self.form.addRow(self.tr("&Business unit"), self.unit)
        self.form.addRow(self.tr("&Availability"), self.availability)
        self.form.addRow("", self.active)
        self.reload()

    def refresh_choices(self) -> None:
        text = self.unit.currentText()
        self.unit.blockSignals(True)
        self.unit.clear()
        self.unit.addItems(["", *self.workspace.read(queries.business_units)])
        self.unit.setCurrentText(text)
        self.unit.blockSignals(False)

    def items(self) -> list[tuple[int, str, QIcon | None]]:
        inactive = self.tr("inactive")
        return [
            (p.id, p.name if p.active else f"{p.name} ({inactive})", None)
            for p in self.workspace.read(queries.people)
        ]

    def load(self, item_id: int) -> None:
        person = next(p for p in self.workspace.read(queries.people) if p.id == item_id)
        self.loaded_version = person.version
        self.name.setText(person.name)
        self.role.setText(person.role)
        self.email.setText(person.email)
        self.login.setText(person.login)
        self.unit.setCurrentText(person.business_unit)
        self.availability.setValue(person.availability * 100)
        self.active.setChecked(person.active)

    def clear_form(self) -> None:
        self.name.clear()
        self.role.clear()
        self.email.clear()
        self.login.clear()
        self.unit.setCurrentText("")
        self.availability.setValue(100)
        self.active.setChecked(True)
        self.name.setFocus()

    def _input(self) -> people_service.PersonInput:
        return people_service.PersonInput(
            name=self.name.text(),
            role=self.role.text(),
            business_unit=self.unit.currentText(),
            email=self.email.text(),
            login=self.login.text(),
            availability=self.availability.value() / 100,
            active=self.active.isChecked(),
        )

    def delete_refused(self, exc: PoDesktopError) -> None:
        if feedback.sink().ask(
            self,
            self.tr("Person in use"),
            exc.render() + "\n\n" + self.tr("Mark this person inactive instead?"),
        ):
            self.active.setChecked(False)
            self.save()
