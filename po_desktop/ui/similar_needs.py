"""Quick capture's second look: while a new need's title is typed, the three existing needs
whose titles come closest, so a duplicate is seen before it is made."""

from __future__ import annotations

import html

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from po_desktop.store import dossier_queries
from po_desktop.store.dossier_queries import SimilarNeed
from po_desktop.ui.workspace import Workspace

PAUSE_MS = 250
"""The typing pause after which the similar needs are looked up."""
SHOWN = 3


class SimilarNeeds(QLabel):
    """A line per similar need (key, title, column), hidden while there is none."""

    def __init__(self, workspace: Workspace, title: QLineEdit, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.title = title
        self.found: list[SimilarNeed] = []
        self.setWordWrap(True)
        self.setVisible(False)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self.look_up)
        title.textEdited.connect(lambda _text: self._timer.start())

    def look_up(self) -> None:
        text = self.title.text().strip()
        self.found = (
            self.workspace.read(lambda s: dossier_queries.similar_needs(s, text, limit=SHOWN))
            if len(text) >= 3
            else []
        )
        if not self.found:
            self.clear()
            self.setVisible(False)
            return
        lines = []
        for need in self.found:
            where = self.tr("archived") if need.archived else need.column
            lines.append(
                f"<b>{html.escape(need.key)}</b> — {html.escape(need.title)} "
                f"<i>({html.escape(where)})</i>"
            )
        head = html.escape(self.tr("Similar needs already in the workspace:"))
        self.setText(f"{head}<br>" + "<br>".join(lines))
        self.setVisible(True)
