"""About: what is running, on which file, what is missing, and the licences of what we ship."""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from po_desktop import APP_NAME, __version__, logs, notices, paths
from po_desktop.store.database import schema_revision
from po_desktop.ui import icons, screen
from po_desktop.ui.workspace import Workspace

LICENCES = (
    ("DejaVu Sans", Path("fonts") / "LICENSE-DejaVu.txt"),
    ("Noto Emoji", Path("fonts") / "LICENSE-NotoEmoji.txt"),
    ("Icons", Path("icons") / "LICENSE.md"),
)


def _read(relative: Path) -> str:
    path = paths.resource(relative.as_posix())
    try:
        return path.read_text(encoding="utf-8") if path is not None else ""
    except OSError:
        return ""


class AboutDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About %1").replace("%1", APP_NAME))

        logo = QLabel()
        logo.setPixmap(icons.app_icon().pixmap(64, 64))
        logo.setAlignment(Qt.AlignmentFlag.AlignTop)
        title = QLabel(
            f"<h2>{APP_NAME} {__version__}</h2>"
            + self.tr("Needs, scoring, board and sprints for product owners — offline.")
        )
        title.setWordWrap(True)
        head = QHBoxLayout()
        head.addWidget(logo)
        head.addWidget(title, 1)

        database = workspace.database
        facts = QFormLayout()
        facts.addRow(self.tr("Database:"), self._selectable(database.location))
        facts.addRow(
            self.tr("Schema version:"), self._selectable(schema_revision(database.engine) or "?")
        )
        facts.addRow(self.tr("Log file:"), self._selectable(str(logs.log_file())))
        facts.addRow(
            self.tr("Running on:"),
            self._selectable(
                f"Python {platform.python_version()} · Qt for Python {pyside_version} · "
                f"{platform.system()} {platform.release()}"
            ),
        )

        # PO Desktop's own terms first, the components it ships last (the bundle's notices,
        # or those of the packages pip installed beside it).
        self.licences = QTabWidget()
        self._add_licence(APP_NAME, notices.project_licence(), notices.LICENCE_FILE)
        for name, relative in LICENCES:
            label = self.tr("Icons") if name == "Icons" else name
            self._add_licence(label, _read(relative), str(relative))
        self._add_licence(
            self.tr("Third-party components"),
            notices.third_party_notices(),
            notices.NOTICES_FILE,
        )

        # A broken installation says so here (the log has it too): what is missing, where.
        missing = paths.missing_resources([*icons.expected(), *notices.expected()])
        self.missing = QPlainTextEdit(
            "\n".join(f"{what} — {where}" for what, where in missing.items())
        )
        self.missing.setReadOnly(True)
        self.missing.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        margins = 2 * (self.missing.frameWidth() + self.missing.document().documentMargin())
        self.missing.setMaximumHeight(int(self.missing.fontMetrics().lineSpacing() * 5 + margins))
        self.missing_title = QLabel(
            self.tr("Missing from this installation (reinstall %1 to repair it):").replace(
                "%1", APP_NAME
            )
        )
        self.missing_title.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(facts)
        layout.addWidget(self.missing_title)
        layout.addWidget(self.missing)
        self.missing_title.setVisible(bool(missing))
        self.missing.setVisible(bool(missing))
        heading = self.tr("Licences of %1 and of the components it ships:")
        layout.addWidget(QLabel(heading.replace("%1", APP_NAME)))
        layout.addWidget(self.licences, 1)
        layout.addWidget(buttons)
        screen.fit(self, QSize(620, 520))

    def _add_licence(self, label: str, text: str | None, file: str) -> None:
        shown = QPlainTextEdit(text or self.tr("Licence file missing: %1").replace("%1", file))
        shown.setReadOnly(True)
        self.licences.addTab(shown, label)

    @staticmethod
    def _selectable(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label
