"""Help: every keyboard shortcut, and a short guide to a week with the app."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from po_desktop.ui import screen
from po_desktop.ui.window_actions import SHORTCUT_NAME


def _plain(text: str) -> str:
    """A menu text without its mnemonic marks and trailing dots: "&Open…" → "Open"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


class ShortcutsDialog(QDialog):
    """The keys of every menu action, then the board's own keys."""

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows: list[tuple[str, str]] = []
        seen: set[str] = set()
        for action in actions:
            keys = [k for k in action.shortcuts() if not k.isEmpty()][:2]  # the usual ones
            name = _plain(action.property(SHORTCUT_NAME) or action.text())
            if not keys or name in seen:
                continue
            seen.add(name)
            text = self.tr(" or ").join(
                k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys
            )
            rows.append((name, text))
        rows += [
            (self.tr("Go from card to card, across columns"), "← → ↑ ↓"),
            (self.tr("Open the selected need"), self.tr("Enter or double click")),
            (self.tr("Select several cards"), self.tr("Ctrl+click, Shift+click")),
            (self.tr("Previous / next month or week (calendar)"), self.tr("Page Up / Page Down")),
            (self.tr("Back to today (calendar)"), self.tr("Home")),
            (
                self.tr("New ritual, absence or sprint on a day (calendar)"),
                self.tr("Right-click the day, or the menu key"),
            ),
        ]
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setAlternatingRowColors(True)
        for row, (name, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(name))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        screen.fit(self, QSize(620, 640))


class GuideDialog(QDialog):
    """A week with the app, in a few paragraphs: where each ritual of the job happens."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Short guide"))
        sections = [
            (
                self.tr("Collect the needs"),
                self.tr(
                    "New need (Ctrl+N) asks first for the problem to solve — “what challenge "
                    "must we meet?” — and only then for the solution the requester has in "
                    "mind. Needs arrive in the board's first column, “to qualify”."
                ),
            ),
            (
                self.tr("Score with the requester"),
                self.tr(
                    "The Scoring view ranks the open needs. F8 goes to the next unscored "
                    "need: fill in each criterion of the grid, then decide go, no-go or "
                    "explore (a rationale is required for the last two). Every save is a "
                    "version; an older one can be restored."
                ),
            ),
            (
                self.tr("Plan the sprint"),
                self.tr(
                    "The Calendar shows each sprint's real capacity: working days less "
                    "public holidays and absences. Move the top-ranked ready needs into the "
                    "sprint from a card's menu until the forecast is reached; the portfolio "
                    "shows whether a project is losing ground."
                ),
            ),
            (
                self.tr("Daily scrum and review"),
                self.tr(
                    "On the board, move cards with Ctrl+← and Ctrl+→ while the team talks; "
                    "Ctrl+Z undoes any mistake. At the review, close the sprint (each "
                    "unfinished need goes to the next sprint or back to the backlog) and "
                    "print the review pack."
                ),
            ),
            (
                self.tr("Your data"),
                self.tr(
                    "The workspace is one file on this computer, usable without a network. "
                    "A verified backup is taken when it is opened, then regularly (every 4 hours "
                    "by default); "
                    "File ▸ Restore a backup puts one back without deleting anything."
                ),
            ),
        ]
        html = "".join(f"<h3>{escape(title)}</h3><p>{escape(text)}</p>" for title, text in sections)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.browser.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        screen.fit(self, QSize(640, 620))
