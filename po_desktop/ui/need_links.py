"""A need's links in the need dialog: blocks, blocked by, duplicates, relates, parent and
child, each to a need picked by its key or title (searched as the user types, a few at a
time: :mod:`po_desktop.store.need_picker`); and the merge of a duplicate into the
need it duplicates (one undoable step: its comments, files and links move, it is archived).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from po_desktop.domain.enums import LinkKind, LinkRole
from po_desktop.store import dossier_queries, need_picker
from po_desktop.store.dossier_queries import LinkInfo
from po_desktop.store.errors import PoDesktopError
from po_desktop.store.need_picker import NeedChoice
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
TYPING_PAUSE_MS = 150
"""The list of matching needs follows the typing after this pause."""


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
        self.choices: ItemsModel[NeedChoice] = ItemsModel(self._choice_line, self)
        """The needs matching what is typed, read a few at a time as the user types."""
        self.other = QLineEdit()
        self.other.setPlaceholderText(self.tr("Key or title of the other need"))
        self.other.setAccessibleName(self.tr("Other need"))
        self.other.setClearButtonEnabled(True)
        self.completer = QCompleter(self.choices, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCompletionRole(Qt.ItemDataRole.DisplayRole)
        self.completer.setMaxVisibleItems(12)
        self.other.setCompleter(self.completer)
        self.typing = QTimer(self)
        self.typing.setSingleShot(True)
        self.typing.setInterval(TYPING_PAUSE_MS)
        self.typing.timeout.connect(self.search)
        self.other.textEdited.connect(lambda _text: self.typing.start())
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

    def _choice_line(self, choice: NeedChoice) -> str:
        return choice.label + (" " + self.tr("(archived)") if choice.archived else "")

    def search(self) -> None:
        """The needs matching what is typed, in the list under it (a few at a time: a
        workspace of 10,000 needs is never read whole)."""
        self.typing.stop()
        text = self.other.text()
        found = self.workspace.read(lambda s: need_picker.pick_needs(s, text, exclude=self.need_id))
        self.choices.set_items(found)
        if found and self.other.hasFocus():
            self.completer.complete()

    def chosen(self) -> NeedChoice | None:
        """The need typed or picked: its key (its line starts with it), or the only need
        whose title holds the words typed; said in the form when there is none."""
        text = self.other.text()
        found = self.workspace.read(
            lambda s: need_picker.find_choice(s, text, exclude=self.need_id)
        )
        if found is None:
            self.error.say(self.tr("Choose the other need in the list (its key or its title)."))
        return found

    def _perform(self, text: str, action: Callable[[Session], object]) -> bool:
        self.error.clear()
        return self.workspace.try_perform(text, action, self.error.refused) is not None

    def add_link(self) -> None:
        choice = self.chosen()
        if choice is None:
            return
        role = self.role.currentData()
        source_first, kind = ROLES[role]
        other = choice.id
        source, target = (self.need_id, other) if source_first else (other, self.need_id)
        if self._perform(
            self.tr("Link needs"), lambda s: link_service.link_needs(s, source, kind, target)
        ):
            self.other.clear()
            self.choices.set_items([])

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
        choice = self.chosen()
        if choice is None:
            return
        if not feedback.sink().ask(
            self,
            self.tr("Merge a duplicate"),
            self.tr(
                "Close this need as a duplicate of %1? Its comments, files and links go to %1, "
                "and it is archived. You can undo it (Ctrl+Z)."
            ).replace("%1", choice.key),
            yes=self.tr("Merge"),
            no=self.tr("Cancel"),
        ):
            return
        duplicate, other = self.need_id, choice.id
        self._perform(
            self.tr("Merge a duplicate"),
            lambda s: link_service.merge_needs(s, duplicate, other),
        )
