"""The need editor: the problem statement first, the proposed solution below it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from html import escape

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from po_desktop.domain import formatting
from po_desktop.domain.enums import Source
from po_desktop.domain.messages import choice_label
from po_desktop.domain.readiness import EntryRule, has_problem, unmet_entry_rules
from po_desktop.store import queries
from po_desktop.store.errors import PoDesktopError, ValidationError
from po_desktop.store.services import archive as archive_service
from po_desktop.store.services import needs as need_service
from po_desktop.ui import feedback, screen
from po_desktop.ui.banner import FormError
from po_desktop.ui.board.readiness import EntryRuleTexts
from po_desktop.ui.fields import plain_text
from po_desktop.ui.mail_drop import mail_files, need_from_mail
from po_desktop.ui.need_dossier import DossierPanel
from po_desktop.ui.need_files import FilesPanel
from po_desktop.ui.need_links import LinksPanel
from po_desktop.ui.similar_needs import SimilarNeeds
from po_desktop.ui.workspace import Workspace


@dataclass
class _Choices:
    projects: list[tuple[int, str]]
    columns: list[tuple[int, str]]
    sprints: list[tuple[int, str]]
    people: list[tuple[int, str]]
    units: list[str]
    entry_rules: dict[int, frozenset[EntryRule]]


def _load_choices(session: Session) -> _Choices:
    return _Choices(
        projects=[
            (p.id, f"{p.code} — {p.name}")
            for p in queries.projects(session, include_archived=False)
        ],
        columns=[(c.id, c.name) for c in queries.columns(session)],
        sprints=[(s.id, s.name) for s in queries.sprints(session) if s.state != "closed"],
        people=[(p.id, p.name) for p in queries.people(session) if p.active],
        units=queries.business_units(session),
        entry_rules={c.id: c.entry_rules for c in queries.columns(session)},
    )


def format_points_input(points: float | None) -> str:
    """Points as the user would type them, in their language's decimal mark."""
    if points is None:
        return ""
    return formatting.number(points, decimals=2, group=False)


def show_reference(label: QLabel, ref: str) -> None:
    """Where a need was imported from, read-only: a web address as a link that opens in
    the browser, anything else (a Jira key) as selectable text."""
    if ref.startswith(("https://", "http://")):
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setText(f'<a href="{escape(ref, quote=True)}">{escape(ref)}</a>')
        label.setOpenExternalLinks(True)
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
    else:
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setText(ref)
        label.setOpenExternalLinks(False)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setToolTip(ref)


class NeedDialog(QDialog):
    """Create or edit a need. Saving goes through the undo stack; errors keep the dialog open."""

    def __init__(
        self,
        workspace: Workspace,
        need_id: int | None = None,
        parent: QWidget | None = None,
        *,
        project_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.need_id = need_id
        self.saved_need_id: int | None = None
        self._loaded_points: float | None = None
        self._loaded_points_text: str | None = None
        self._loaded_column: int | None = None
        self._decision: str | None = None
        """The need's current decision, for the entry rules of a column it is moved to."""
        self._version: int | None = None
        """The need's version when the form was filled: its save is built on it."""
        self.setWindowTitle(self.tr("New need") if need_id is None else self.tr("Edit need"))
        choices = workspace.read(_load_choices)
        self._entry_rules = choices.entry_rules

        self.project = QComboBox()
        for pid, label in choices.projects:
            self.project.addItem(label, pid)
        self.title = QLineEdit()
        # QLineEdit counts UTF-16 units: a 300-character title of emoji is 600 of them, and a
        # cap of 300 cut it in half when the dialog opened. The service checks the real limit.
        self.title.setMaxLength(2 * 300)
        self.title.setPlaceholderText(self.tr("Short name shown on the card"))
        self.problem = QPlainTextEdit()
        self.problem.setPlaceholderText(
            self.tr("What challenge must we meet? Who is hindered, how often, at what cost?")
        )
        self.problem.setTabChangesFocus(True)
        self.solution = QPlainTextEdit()
        self.solution.setPlaceholderText(
            self.tr("The solution the requester has in mind, if any (kept apart from the need)")
        )
        self.solution.setTabChangesFocus(True)
        self.requester = QLineEdit()
        self.requester.setMaxLength(2 * 200)
        self.source = QComboBox()
        for source in Source:
            self.source.addItem(choice_label(source.value), source.value)
        self.business_unit = QComboBox()
        self.business_unit.setEditable(True)
        self.business_unit.addItem("")
        self.business_unit.addItems(choices.units)
        self.technical = QCheckBox(self.tr("Needs development work (IT)"))
        self.technical.setChecked(True)
        self.column = QComboBox()
        for cid, name in choices.columns:
            self.column.addItem(name, cid)
        self.points = QLineEdit()
        self.points.setPlaceholderText(self.tr("e.g. 3 or 0.5 — empty if not estimated"))
        self.sprint = QComboBox()
        self.sprint.addItem(self.tr("Backlog (no sprint)"), None)
        for sid, name in choices.sprints:
            self.sprint.addItem(name, sid)
        self.assignee = QComboBox()
        self.assignee.addItem(self.tr("Unassigned"), None)
        for pid, name in choices.people:
            self.assignee.addItem(name, pid)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("Comma-separated, e.g. GDPR, mobile"))
        self.acceptance = QPlainTextEdit()
        self.acceptance.setTabChangesFocus(True)
        self.acceptance.setPlaceholderText(self.tr("How we will know it is done"))

        self.new_project_button = QPushButton(self.tr("New pro&ject…"))
        self.new_project_button.setToolTip(self.tr("Create a project without leaving this need"))
        self.new_project_button.clicked.connect(self.create_project)
        project_row = QHBoxLayout()
        project_row.addWidget(self.project, 1)
        project_row.addWidget(self.new_project_button)
        self.no_project = QLabel(
            self.tr(
                "This workspace has no project yet. Every need belongs to one: create the "
                "first with “New project…” (a code such as ERP gives the keys ERP-1, ERP-2…)."
            )
        )
        self.no_project.setWordWrap(True)
        self.no_project.setVisible(self.project.count() == 0)

        need_box = QGroupBox(self.tr("The need"))
        need_form = QFormLayout(need_box)
        need_form.addRow(self.no_project)
        project_label = QLabel(self.tr("&Project"))
        project_label.setBuddy(self.project)
        need_form.addRow(project_label, project_row)
        need_form.addRow(self.tr("&Title"), self.title)
        self.similar: SimilarNeeds | None = None
        if need_id is None:  # quick capture: a title and a project are enough
            self.similar = SimilarNeeds(workspace, self.title)
            need_form.addRow("", self.similar)
            self.setAcceptDrops(True)
        need_form.addRow(self.tr("Pro&blem statement"), self.problem)
        need_form.addRow(self.tr("Proposed &solution"), self.solution)
        need_form.addRow(self.tr("Acceptance c&riteria"), self.acceptance)

        origin_box = QGroupBox(self.tr("Origin and routing"))
        grid = QGridLayout(origin_box)
        rows: list[tuple[str, QWidget]] = [
            (self.tr("Re&quester"), self.requester),
            (self.tr("Sour&ce"), self.source),
            (self.tr("B&usiness unit"), self.business_unit),
            ("", self.technical),
            (self.tr("Colu&mn"), self.column),
            (self.tr("P&oints"), self.points),
            (self.tr("Spri&nt"), self.sprint),
            (self.tr("Ass&ignee"), self.assignee),
            (self.tr("Ta&gs"), self.tags),
        ]
        for i, (label_text, widget) in enumerate(rows):
            r, c = divmod(i, 2)
            label = QLabel(label_text)
            label.setBuddy(widget)
            grid.addWidget(label, r, c * 2)
            grid.addWidget(widget, r, c * 2 + 1)
        # Where an imported need comes from (Jira key, Trello card): shown, never edited.
        self.external_ref = QLabel()
        self.external_ref.setWordWrap(True)
        self.external_ref_label = QLabel(self.tr("External reference"))
        grid.addWidget(self.external_ref_label, len(rows) // 2, 2)
        grid.addWidget(self.external_ref, len(rows) // 2, 3)
        self.external_ref_label.hide()
        self.external_ref.hide()

        self.error = FormError()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.archive_button: QPushButton | None = None
        if need_id is not None:
            archived = workspace.read(
                lambda s: need_service.find_need(s, need_id).archived_at is not None
            )
            self.archive_button = buttons.addButton(
                self.tr("Res&tore") if archived else self.tr("Arc&hive"),
                QDialogButtonBox.ButtonRole.ActionRole,
            )
            self.archive_button.setToolTip(
                self.tr("Put the need back on the board")
                if archived
                else self.tr("Take the need off the board; it stays searchable")
            )
            self.archive_button.clicked.connect(partial(self.archive, not archived))

        layout = QVBoxLayout(self)
        self.tabs: QTabWidget | None = None
        self.dossier: DossierPanel | None = None
        self.files: FilesPanel | None = None
        self.links: LinksPanel | None = None
        if need_id is None:
            layout.addWidget(need_box, 3)
            layout.addWidget(origin_box)
        else:
            fields = QWidget()
            fields_layout = QVBoxLayout(fields)
            fields_layout.setContentsMargins(0, 0, 0, 0)
            fields_layout.addWidget(need_box, 3)
            fields_layout.addWidget(origin_box)
            self.dossier = DossierPanel(workspace, need_id)
            self.files = FilesPanel(workspace, need_id)
            self.links = LinksPanel(workspace, need_id)
            self.tabs = QTabWidget()
            self.tabs.addTab(fields, self.tr("Nee&d"))
            self.tabs.addTab(self.dossier, self.tr("Comments and acti&vity"))
            self.tabs.addTab(self.files, self.tr("&Files"))
            self.tabs.addTab(self.links, self.tr("Lin&ks"))
            self.setAcceptDrops(True)
            layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        self._field_widgets: dict[str, QWidget] = {
            "title": self.title,
            "problem": self.problem,
            "solution": self.solution,
            "requester": self.requester,
            "source": self.source,
            "business_unit": self.business_unit,
            "points": self.points,
            "tags": self.tags,
            "acceptance": self.acceptance,
            "project": self.project,
        }
        if need_id is not None:
            self._load(need_id)
        elif project_id is not None:
            self._select(self.project, project_id)
        self.title.setFocus()
        screen.fit(self, QSize(820, 680))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.files is not None:
            self.files.dragEnterEvent(event)
        elif mail_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Files dropped on the dialog of a need are attached to it; an e-mail (.eml, .msg)
        dropped on a new need's makes the need from the mail."""
        if self.files is not None and self.tabs is not None:
            self.tabs.setCurrentWidget(self.files)
            self.files.dropEvent(event)
            return
        mails = mail_files(event.mimeData())
        project_id = self.project.currentData()
        if not mails or project_id is None:
            return
        event.acceptProposedAction()
        need_id = need_from_mail(self.workspace, project_id, mails[0], self.error.refused)
        if need_id is not None:
            self.saved_need_id = need_id
            self.accept()

    def archive(self, archive: bool) -> None:
        """Archive (or restore) the need as it is stored, one undoable step; the dialog
        closes, what was typed unsaved stays unsaved."""
        assert self.need_id is not None
        ids = [self.need_id]
        service = archive_service.archive_needs if archive else archive_service.restore_needs
        text = (
            self.tr("Archive %n need(s)", "", 1)
            if archive
            else self.tr("Restore %n need(s)", "", 1)
        )
        if self.workspace.try_perform(text, lambda s: service(s, ids), self.error.refused):
            self.saved_need_id = self.need_id
            self.accept()

    def create_project(self) -> bool:
        """The projects editor on a new project; the one created is chosen for this need."""
        from po_desktop.ui.workspace_dialogs import ProjectsDialog

        before = {self.project.itemData(i) for i in range(self.project.count())}
        editor = ProjectsDialog(self.workspace, self, create_one=True)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.start_new()
        feedback.sink().run(editor)
        choices = self.workspace.read(_load_choices).projects
        current = self.project.currentData()
        self.project.clear()
        for pid, label in choices:
            self.project.addItem(label, pid)
        created = [pid for pid, _label in choices if pid not in before]
        self._select(self.project, created[-1] if created else current)
        self.no_project.setVisible(self.project.count() == 0)
        return bool(created)

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _load(self, need_id: int) -> None:
        def load(
            session: Session,
        ) -> tuple[need_service.NeedInput, str, str, str | None, str, int]:
            need = need_service.find_need(session, need_id)
            rows = queries.need_rows(session, need_ids=[need.id])
            return (
                need_service.need_input(need),
                need.key,
                f"{need.project.code} — {need.project.name}",
                rows[0].decision if rows else None,
                need.external_ref,
                need.version,
            )

        data, key, project_label, self._decision, ref, self._version = self.workspace.read(load)
        if ref:
            show_reference(self.external_ref, ref)
            self.external_ref_label.show()
            self.external_ref.show()
        self.setWindowTitle(self.tr("Edit need %1").replace("%1", key))
        if self.project.findData(data.project_id) < 0:
            self.project.addItem(project_label, data.project_id)
        self._select(self.project, data.project_id)
        self.title.setText(data.title)
        self.problem.setPlainText(data.problem)
        self.solution.setPlainText(data.solution)
        self.requester.setText(data.requester)
        self._select(self.source, data.source)
        self.business_unit.setCurrentText(data.business_unit)
        self.technical.setChecked(bool(data.technical))
        self._select(self.column, data.column_id)
        self._loaded_column = data.column_id
        self._loaded_points = data.points
        self._loaded_points_text = format_points_input(data.points)
        self.points.setText(self._loaded_points_text)
        if data.sprint_id is not None and self.sprint.findData(data.sprint_id) < 0:
            name = self.workspace.read(
                lambda s: next(x.name for x in queries.sprints(s) if x.id == data.sprint_id)
            )
            self.sprint.addItem(name, data.sprint_id)
        self._select(self.sprint, data.sprint_id)
        if data.assignee_id is not None and self.assignee.findData(data.assignee_id) < 0:
            # An inactive person is not offered for new work but stays on what they hold.
            name = self.workspace.read(
                lambda s: next(p.name for p in queries.people(s) if p.id == data.assignee_id)
            )
            self.assignee.addItem(name, data.assignee_id)
        self._select(self.assignee, data.assignee_id)
        self.tags.setText(", ".join(data.tags))
        self.acceptance.setPlainText(data.acceptance)

    def _points_value(self) -> float | str | None:
        """The stored value when the text was left as shown: no rounding, no false event."""
        text = self.points.text()
        if self._loaded_points_text is not None and text == self._loaded_points_text:
            return self._loaded_points
        return text

    def collect(self) -> need_service.NeedInput:
        return need_service.NeedInput(
            title=self.title.text(),
            problem=plain_text(self.problem),
            project_id=self.project.currentData(),
            solution=plain_text(self.solution),
            requester=self.requester.text(),
            source=self.source.currentData(),
            business_unit=self.business_unit.currentText(),
            technical=self.technical.isChecked(),
            column_id=self.column.currentData(),
            points=self._points_value(),  # text such as "0,5" is parsed by the service
            sprint_id=self.sprint.currentData(),
            assignee_id=self.assignee.currentData(),
            tags=[t for t in self.tags.text().split(",")],
            acceptance=plain_text(self.acceptance),
        )

    def save(self) -> None:
        if self.project.currentData() is None and not self.create_project():
            self.show_error(self.tr("Every need belongs to a project: create one first."), None)
            return
        data = self.collect()
        if not self._entry_allowed(data):
            return  # everything typed stays, to be completed or saved elsewhere

        def refused(exc: PoDesktopError) -> None:
            self.show_error(exc.render(), exc.field if isinstance(exc, ValidationError) else None)

        need_id = self.need_id
        action: Callable[[Session], object]
        if need_id is None:
            text, action = self.tr("Create need"), partial(need_service.create_need, data=data)
        else:
            text = self.tr("Edit need")
            # Built on the version loaded: saved after someone else's save, it is refused
            # with who and when, and the form stays open with what was typed.
            action = partial(
                need_service.update_need, need_id=need_id, data=data, version=self._version
            )
        change = self.workspace.try_perform(text, action, refused)
        if change is None:
            return
        created = change.created("need")
        self.saved_need_id = created[0][0] if created else self.need_id
        self.accept()

    def _entry_allowed(self, data: need_service.NeedInput) -> bool:
        """A need entering a column (created in it, or moved to it here) that breaks the
        column's entry rules asks first, as a move on the board does."""
        column_id = data.column_id
        if column_id is None or column_id == self._loaded_column:
            return True
        if not has_problem(data.problem):
            return True  # refused anyway: the service requires a problem statement
        unmet = unmet_entry_rules(
            self._entry_rules.get(column_id, frozenset()),
            problem=data.problem,
            points=data.points,
            decision=self._decision,
        )
        if not unmet:
            return True
        texts = EntryRuleTexts(self)
        return feedback.sink().ask(
            self,
            texts.title(),
            texts.need_question(self.column.currentText(), unmet),
            yes=self.tr("Save anyway"),
            no=self.tr("Keep editing"),
            default_yes=False,
        )

    def show_error(self, text: str, field: str | None) -> None:
        self.error.say(text)
        widget = self._field_widgets.get(field or "")
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
