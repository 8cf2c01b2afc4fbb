"""The two questions asked before printing for people outside the app: where the decision
letter goes and in which language, and which cards to print."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from po_desktop.ui import feedback
from po_desktop.ui.feedback import Purpose


class SendDecisionDialog(QDialog):
    """The letter's language, the folder it goes to, and whether to open the draft."""

    def __init__(
        self, heading: str, decision: str, folder: Path, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Send the decision"))
        self.folder = folder
        title = QLabel(heading)
        title.setTextFormat(Qt.TextFormat.PlainText)  # a title is shown as typed
        title.setWordWrap(True)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        explained = QLabel(
            self.tr(
                "A one-page letter (PDF) for the requester: the problem as understood, the "
                "decision and why, the score and the next step; and an e-mail draft with the "
                "letter attached, to check and send from your mail program."
            )
        )
        explained.setWordWrap(True)
        self.language = QComboBox()
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        self.folder_edit = QLineEdit(str(folder))
        self.folder_edit.setReadOnly(True)
        self.folder_edit.setMinimumWidth(280)
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self.choose_folder)
        where = QHBoxLayout()
        where.addWidget(self.folder_edit, 1)
        where.addWidget(choose)
        self.open_draft = QCheckBox(self.tr("Open the e-mail draft in my mail program"))
        self.open_draft.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("Decision:"), QLabel(decision))
        form.addRow(self.tr("Language of the letter:"), self.language)
        form.addRow(self.tr("Folder:"), where)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Write the letter"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(explained)
        layout.addLayout(form)
        layout.addWidget(self.open_draft)
        layout.addWidget(buttons)

    def choose_folder(self) -> None:
        chosen = feedback.sink().choose_folder(
            self, self.tr("Folder for the decision letter"), Purpose.LETTER
        )
        if chosen is not None:
            self.folder = chosen
            self.folder_edit.setText(str(chosen))

    def lang(self) -> str:
        return str(self.language.currentData())


@dataclass(frozen=True)
class SprintChoice:
    id: int
    label: str


class PrintCardsDialog(QDialog):
    """The selected needs or a sprint's, and how many cards per sheet."""

    def __init__(
        self,
        selected: int,
        sprints: list[SprintChoice],
        current: int | None,
        prefer_selection: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print cards"))
        self.selection = QRadioButton(self.tr("The %n selected need(s)", "", selected))
        self.selection.setEnabled(selected > 0)
        self.by_sprint = QRadioButton(self.tr("The needs of the sprint:"))
        self.by_sprint.setEnabled(bool(sprints))
        group = QButtonGroup(self)
        group.addButton(self.selection)
        group.addButton(self.by_sprint)
        self.sprint = QComboBox()
        for sprint in sprints:
            self.sprint.addItem(sprint.label, sprint.id)
        self.sprint.setCurrentIndex(max(0, self.sprint.findData(current)))
        self.sprint.setEnabled(bool(sprints))
        self.sprint.activated.connect(lambda _i: self.by_sprint.setChecked(True))
        offered = selected and (prefer_selection or not sprints)
        (self.selection if offered else self.by_sprint).setChecked(True)
        self.per_page = QComboBox()
        self.per_page.addItem(self.tr("8 cards per sheet"), 8)
        self.per_page.addItem(self.tr("6 larger cards per sheet"), 6)
        sprint_row = QHBoxLayout()
        sprint_row.addWidget(self.by_sprint)
        sprint_row.addWidget(self.sprint, 1)
        explained = QLabel(
            self.tr(
                "A4 sheets to cut out along the marks: each card shows the key, the title, "
                "the points, the requester, the project as a pattern and a QR code of the key."
            )
        )
        explained.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Print…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explained)
        layout.addWidget(self.selection)
        layout.addLayout(sprint_row)
        form = QFormLayout()
        form.addRow(self.tr("Sheets:"), self.per_page)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def sprint_id(self) -> int | None:
        """The sprint chosen, or None for the selected needs."""
        return int(self.sprint.currentData()) if self.by_sprint.isChecked() else None

    def cards_per_page(self) -> int:
        return int(self.per_page.currentData())
