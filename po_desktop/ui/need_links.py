"""A need's links in the need dialog: blocks, blocked by, duplicates, relates, parent and
child, each to a need picked by its key or title; and the merge of a duplicate into the
need it duplicates (one undoable step: its comments, files and links move, it is archived).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from po_desktop.domain.enums import LinkKind, LinkRole
from po_desktop.store import dossier_queries, queries
from po_desktop.store.dossier_queries import LinkInfo
from po_desktop.store.errors import PoDesktopError
from po_desktop.store.services import links as link_service
from po_desktop.ui import feedback
from po_desktop.ui.banner import FormError
from po_desktop.ui.need_dossier import ItemsModel
from po_desktop.ui.workspace import Workspace

ROLES: dict[LinkRole, tuple[bool, LinkKind]] = {
    LinkRole.BLOCKS: (True, LinkKind.BLOCKS),
    LinkRole.BLOCKED_BY: (False, LinkKind.BLOCKS),
    LinkRole.DUPLICATES: (True, LinkKind.DUPLICATES),
    LinkRole.RELATES: (True, LinkKind.RELATES),
    LinkRole.PARENT_OF: (True, LinkKind.PARENT),
    LinkRole.CHILD_OF: (False, LinkKind.PARENT),
}
"""What this need can be to another: (this need is the link's source, the link's kind)."""


def role_text(role: LinkRole) -> str:
    return link_service.role_message(role).render()


class LinksPanel(QWidget):
    """The links of one need; every write is one undoable step."""

    def __init__(self, workspace: Workspace, need_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.need_id = need_id
        self.model: ItemsModel[LinkInfo] = ItemsModel(self._line, self)
        self.links = QListView()
        self.links.setModel(self.model)
        self.links.setAccessibleName(self.tr("Links"))
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(role_text(role), role)
        self.other = QComboBox()
        self.other.setEditable(True)
        self.other.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = self.other.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("Key or title of the other need"))
        self.other.setMinimumContentsLength(30)
        self._others_loaded = False
        self.add_button = QPushButton(self.tr("&Link"))
        self.add_button.clicked.connect(self.add_link)
        self.remove_button = QPushButton(self.tr("&Remove link"))
        self.remove_button.clicked.connect(self.remove_link)
        self.merge_button = QPushButton(self.tr("&Merge into the chosen need…"))
        self.merge_button.setToolTip(
            self.tr(
                "This need duplicates the chosen one: its comments, files and links go to it, "
                "and it is archived"
            )
        )
        self.merge_button.clicked.connect(self.merge)
        self.error = FormError()

        pick = QHBoxLayout()
        pick.addWidget(self.role)
        pick.addWidget(self.other, 1)
        pick.addWidget(self.add_button)
        actions = QHBoxLayout()
        actions.addWidget(self.remove_button)
        actions.addWidget(self.merge_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.links, 1)
        layout.addLayout(pick)
        layout.addLayout(actions)
        layout.addWidget(self.error)
        workspace.changes_applied.connect(self._changed)
        self.reload()

    def _line(self, link: LinkInfo) -> str:
        line = f"{role_text(link.role)} {link.other_key} — {link.other_title}"
        if link.other_archived:
            line += " " + self.tr("(archived)")
        elif link.other_done:
            line += " " + self.tr("(done)")
        return line

    def reload(self) -> None:
        self.model.set_items(self.workspace.read(lambda s: dossier_queries.links(s, self.need_id)))
        self.remove_button.setEnabled(bool(self.model.items))

    def _changed(self, _change: object) -> None:
        try:
            self.reload()
        except PoDesktopError:
            self.model.set_items([])

    def showEvent(self, event: QShowEvent) -> None:
        self.load_others()
        super().showEvent(event)

    def load_others(self) -> None:
        """The needs to pick from, read when the tab is first shown."""
        if self._others_loaded:
            return
        self._others_loaded = True
        rows = self.workspace.read(queries.need_rows)
        self.other.clear()
        for row in rows:
            if row.id != self.need_id:
                self.other.addItem(f"{row.key} — {row.title}", row.id)
        self.other.setCurrentIndex(-1)
        completer = QCompleter(self.other.model(), self.other)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.other.setCompleter(completer)

    def chosen(self) -> int | None:
        """The picked need: the one whose line is typed, or whose key starts it."""
        self.load_others()
        text = self.other.currentText().strip()
        index = self.other.findText(text)
        if index < 0 and text:
            key = text.split()[0].upper()
            index = next(
                (
                    i
                    for i in range(self.other.count())
                    if self.other.itemText(i).split()[0].upper() == key
                ),
                -1,
            )
        if index < 0:
            self.error.say(self.tr("Choose the other need in the list (its key or its title)."))
            return None
        value = self.other.itemData(index)
        return value if isinstance(value, int) else None

    def _perform(self, text: str, action: Callable[[Session], object]) -> bool:
        self.error.clear()
        return self.workspace.try_perform(text, action, self.error.refused) is not None

    def add_link(self) -> None:
        other = self.chosen()
        if other is None:
            return
        role = self.role.currentData()
        source_first, kind = ROLES[role]
        source, target = (self.need_id, other) if source_first else (other, self.need_id)
        if self._perform(
            self.tr("Link needs"), lambda s: link_service.link_needs(s, source, kind, target)
        ):
            self.other.setCurrentIndex(-1)

    def remove_link(self) -> None:
        link = self.model.data(self.links.currentIndex(), Qt.ItemDataRole.UserRole)
        if not isinstance(link, LinkInfo):
            self.error.say(self.tr("Choose the link to remove in the list."))
            return
        self._perform(
            self.tr("Remove link"),
            lambda s: link_service.unlink_needs(s, link.source_id, link.kind, link.target_id),
        )

    def merge(self) -> None:
        other = self.chosen()
        if other is None:
            return
        if not feedback.sink().ask(
            self,
            self.tr("Merge a duplicate"),
            self.tr(
                "Close this need as a duplicate of %1? Its comments, files and links go to %1, "
                "and it is archived. You can undo it (Ctrl+Z)."
            ).replace("%1", self.other.currentText().split()[0]),
            yes=self.tr("Merge"),
            no=self.tr("Cancel"),
        ):
            return
        duplicate = self.need_id
        self._perform(
            self.tr("Merge a duplicate"),
            lambda s: link_service.merge_needs(s, duplicate, other),
        )
