"""What a new, empty workspace shows: the first steps, each one a click away."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from po_desktop.domain.calendar import REGIONS
from po_desktop.domain.messages import language
from po_desktop.i18n import gettext
from po_desktop.ui import icons
from po_desktop.ui.models import muted


class WelcomePanel(QWidget):
    """Shown in place of the board while the workspace has no need."""

    projects_requested = Signal()
    people_requested = Signal()
    need_requested = Signal()
    import_requested = Signal()
    guide_requested = Signal()
    region_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("A new workspace: four steps to start"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() + 4)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr(
                "Needs belong to projects, are carried out by people, and are planned around "
                "the public holidays of your region. Everything can be changed later."
            )
        )
        intro.setWordWrap(True)

        self.projects_button = QPushButton(self.tr("Create a project…"))
        self.projects_button.clicked.connect(self.projects_requested)
        self.region = QComboBox()
        self.region.setAccessibleName(self.tr("Public holidays"))
        lang = language()
        for code, label in REGIONS.items():
            self.region.addItem(gettext(label, lang), code)
        self.region.activated.connect(lambda: self.region_chosen.emit(self.region.currentData()))
        self.people_button = QPushButton(self.tr("Add people…"))
        self.people_button.clicked.connect(self.people_requested)
        self.need_button = QPushButton(self.tr("New need… (Ctrl+N)"))
        self.need_button.clicked.connect(self.need_requested)
        self.import_button = QPushButton(self.tr("Import needs from a CSV file…"))
        self.import_button.clicked.connect(self.import_requested)
        self.marks: list[QLabel] = []
        steps: list[tuple[str, str, list[QWidget]]] = [
            (
                self.tr("Projects"),
                self.tr(
                    "An external project (the customer platform) or an internal one (the ERP "
                    "roll-out). Its code prefixes the keys of its needs: ERP-1, ERP-2…"
                ),
                [self.projects_button],
            ),
            (
                self.tr("Public holidays"),
                self.tr("The days the team does not work, removed from each sprint's capacity."),
                [self.region],
            ),
            (
                self.tr("People"),
                self.tr(
                    "Who carries out the needs, in IT or elsewhere (marketing, HR, sales "
                    "administration), with their availability."
                ),
                [self.people_button],
            ),
            (
                self.tr("Needs"),
                self.tr(
                    "The problem to solve first, the solution the requester has in mind "
                    "after. A new need lands in the first column of the board."
                ),
                [self.need_button, self.import_button],
            ),
        ]
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        for index, (name, text, widgets) in enumerate(steps):
            mark = QLabel()
            mark.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
            mark.setMinimumWidth(28)
            bold = QFont(mark.font())
            bold.setBold(True)
            bold.setPointSizeF(bold.pointSizeF() + 2)
            mark.setFont(bold)
            self.marks.append(mark)
            heading = QLabel(f"{index + 1}. {name}")
            heading.setFont(bold)
            detail = QLabel(text)
            detail.setWordWrap(True)
            muted(detail)
            row = QHBoxLayout()
            for widget in widgets:
                row.addWidget(widget)
            row.addStretch(1)
            grid.addWidget(mark, 3 * index, 0, 2, 1)
            grid.addWidget(heading, 3 * index, 1)
            grid.addWidget(detail, 3 * index + 1, 1)
            grid.addLayout(row, 3 * index + 2, 1)
        guide = QPushButton(icons.icon("help"), self.tr("Read the short guide"))
        guide.setFlat(True)
        guide.clicked.connect(self.guide_requested)

        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMaximumWidth(760)
        card.setMinimumWidth(420)
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(24, 20, 24, 20)
        card_layout.addWidget(title)
        card_layout.addWidget(intro)
        card_layout.addSpacing(10)
        card_layout.addLayout(grid)
        card_layout.addSpacing(6)
        card_layout.addWidget(guide, 0, Qt.AlignmentFlag.AlignLeft)
        # Centred by stretches, not by an alignment: an aligned item gets its size hint
        # and its wrapped texts would not get the height they need.
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(card, 4)
        middle.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(middle)
        outer.addStretch(2)

    def set_progress(self, projects: int, people: int, region: str) -> None:
        """Tick what is done; the region shown is the workspace's."""
        done = (projects > 0, True, people > 0, False)
        for mark, finished in zip(self.marks, done, strict=True):
            mark.setText("✓" if finished else "○")
            mark.setToolTip(self.tr("Done") if finished else self.tr("To do"))
        self.region.setCurrentIndex(max(0, self.region.findData(region)))
        self.need_button.setDefault(projects > 0)
