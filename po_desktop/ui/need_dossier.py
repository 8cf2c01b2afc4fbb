"""The need's dossier in the need dialog: its comments with its activity timeline (who
moved, planned, estimated, decided, linked, attached, and when), and one's own comments
written, edited and deleted there.

The timeline is a list model (a need's history can grow long); the selected entry is read
whole below it, its web addresses clickable, its text escaped (a comment is never HTML).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from po_desktop.domain import formatting
from po_desktop.domain.enums import EventField
from po_desktop.domain.messages import choice_label
from po_desktop.store import dossier_queries
from po_desktop.store.dossier_queries import ActivityItem, CommentInfo
from po_desktop.store.errors import PoDesktopError
from po_desktop.store.services import dossier as dossier_service
from po_desktop.store.services import links as link_service
from po_desktop.ui.banner import FormError
from po_desktop.ui.workspace import Workspace

_URL = re.compile(r"\bhttps?://[^\s<>\"]+[^\s<>\".,;:!?)\]']")

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")


def linked_html(text: str) -> str:
    """``text`` escaped for HTML, its line breaks kept and its web addresses made links."""
    parts: list[str] = []
    last = 0
    for match in _URL.finditer(text):
        parts.append(html.escape(text[last : match.start()]))
        url = html.escape(match.group(0), quote=True)
        parts.append(f'<a href="{url}">{url}</a>')
        last = match.end()
    parts.append(html.escape(text[last:]))
    return "".join(parts).replace("\n", "<br>")


class ItemsModel(QAbstractListModel, Generic[T]):
    """A list that can grow long, a line of text per item; the item itself as UserRole."""

    def __init__(self, text: Callable[[T], str], parent: QWidget) -> None:
        super().__init__(parent)
        self.items: list[T] = []
        self._text = text

    def set_items(self, items: list[T]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self.items):
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item)
        if role == Qt.ItemDataRole.UserRole:
            return item
        return None


class DossierPanel(QWidget):
    """Comments and activity of one need; every write is one undoable step."""

    def __init__(self, workspace: Workspace, need_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.need_id = need_id
        self.author = workspace.author
        """Who writes here (the "who am I" preference): their comments are theirs to edit."""
        self.comments_only = QCheckBox(self.tr("&Comments only"))
        self.comments_only.toggled.connect(self.reload)
        self.count = QLabel()
        self.model: ItemsModel[ActivityItem] = ItemsModel(
            lambda item: f"{formatting.moment(item.at)} · {self.describe(item)}{self.by(item)}",
            self,
        )
        self.timeline = QListView()
        self.timeline.setModel(self.model)
        self.timeline.setUniformItemSizes(True)
        self.timeline.setAccessibleName(self.tr("Activity"))
        self.timeline.selectionModel().currentChanged.connect(self._show_current)
        self.reader = QTextBrowser()
        self.reader.setOpenExternalLinks(True)
        self.reader.setAccessibleName(self.tr("Selected entry"))
        self.editor = QPlainTextEdit()
        self.editor.setTabChangesFocus(True)
        self.editor.setPlaceholderText(self.tr("Write a comment… (web addresses become links)"))
        self.editor.setMaximumHeight(90)
        self.add_button = QPushButton(self.tr("&Add comment"))
        self.add_button.clicked.connect(self.add_comment)
        self.editing: int | None = None
        """The comment being edited in the editor, if one is."""
        self.edit_button = QPushButton(self.tr("&Edit comment"))
        self.edit_button.setToolTip(self.tr("Edit the selected comment, one of yours"))
        self.edit_button.clicked.connect(self.edit_comment)
        self.delete_button = QPushButton(self.tr("Delete co&mment"))
        self.delete_button.clicked.connect(self.delete_comment)
        self.error = FormError()

        top = QHBoxLayout()
        top.addWidget(self.comments_only)
        top.addStretch(1)
        top.addWidget(self.count)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.timeline)
        split.addWidget(self.reader)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.editor)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        workspace.changes_applied.connect(self._changed)
        self.reload()

    # ----- reading ------------------------------------------------------------------------
    def reload(self) -> None:
        only = self.comments_only.isChecked()
        items = self.workspace.read(
            lambda s: dossier_queries.activity(s, self.need_id, comments_only=only)
        )
        self.model.set_items(items)
        comments = sum(1 for item in items if item.comment is not None)
        self.count.setText(self.tr("%n comment(s)", "", comments))
        if items:
            self.timeline.setCurrentIndex(self.model.index(len(items) - 1))
        else:
            self.reader.clear()
        self._update_buttons()

    def _changed(self, _change: object) -> None:
        if self.isVisible() or self.model.items:
            try:
                self.reload()
            except PoDesktopError:
                self.model.set_items([])  # the need itself was undone away

    def current_comment(self) -> CommentInfo | None:
        index = self.timeline.currentIndex()
        item = self.model.data(index, Qt.ItemDataRole.UserRole) if index.isValid() else None
        return item.comment if isinstance(item, ActivityItem) else None

    def is_mine(self, comment: CommentInfo | None) -> bool:
        if comment is None:
            return False
        if comment.author_id is not None:
            return comment.author_id == self.author.person_id
        return self.author.person_id is None and comment.author == self.author.name

    def _show_current(self, *_args: object) -> None:
        index = self.timeline.currentIndex()
        item = self.model.data(index, Qt.ItemDataRole.UserRole)
        if not isinstance(item, ActivityItem):
            self.reader.clear()
        elif item.comment is not None:
            comment = item.comment
            head = self.tr("%1, %2").replace("%1", html.escape(comment.author))
            head = head.replace("%2", html.escape(formatting.moment(comment.created_at)))
            if comment.edited_at is not None:
                edited = self.tr("edited %1").replace("%1", formatting.moment(comment.edited_at))
                head += f" ({html.escape(edited)})"
            self.reader.setHtml(f"<p><b>{head}</b></p><p>{linked_html(comment.text)}</p>")
        else:
            self.reader.setHtml(f"<p>{html.escape(self.describe(item))}</p>")
        self._update_buttons()

    def _update_buttons(self) -> None:
        mine = self.is_mine(self.current_comment())
        self.edit_button.setEnabled(mine or self.editing is not None)
        self.delete_button.setEnabled(mine)

    def by(self, item: ActivityItem) -> str:
        """Who did it and how long ago: " · by Virginie, 2 min ago" (nothing when unknown)."""
        if not item.author or item.comment is not None:  # a comment names its author
            return ""
        said = self.tr("by %1, %2").replace("%2", formatting.ago(item.at))
        return " · " + said.replace("%1", item.author)

    def describe(self, item: ActivityItem) -> str:
        """One line saying what happened."""
        if item.comment is not None:
            first = item.comment.text.splitlines()[0] if item.comment.text else ""
            return self.tr("%1: %2").replace("%1", item.comment.author).replace("%2", first)
        old = item.old_label or item.old or ""
        new = item.new_label or item.new or ""
        kind = item.kind
        if kind == EventField.CREATED:
            return self.tr("Created in “%1”").replace("%1", new)
        if kind == EventField.COLUMN:
            return self.tr("Moved from “%1” to “%2”").replace("%1", old).replace("%2", new)
        if kind == EventField.SPRINT:
            if item.new is None:
                return self.tr("Taken out of the sprint “%1”").replace("%1", old)
            return self.tr("Planned in the sprint “%1”").replace("%1", new)
        if kind == EventField.POINTS:
            if item.new is None:
                return self.tr("Estimate removed")
            return self.tr("Estimated: %1 points").replace("%1", new)
        if kind == EventField.DECISION:
            value = item.new or item.old or ""
            return self.tr("Decision: %1").replace("%1", choice_label(value) if value else "—")
        if kind == EventField.COMMENT:
            return self.tr("A comment was deleted")
        if kind == EventField.ATTACHMENT:
            if item.new is None:
                return self.tr("File removed: “%1”").replace("%1", old)
            return self.tr("File attached: “%1”").replace("%1", new)
        if kind == EventField.LINK:
            role = link_service.role_message(item.role).render() if item.role else ""
            if item.new is None:
                return self.tr("Link removed: %1 %2").replace("%1", role).replace("%2", old)
            return self.tr("Linked: %1 %2").replace("%1", role).replace("%2", new)
        if kind == EventField.ARCHIVE:
            return self.tr("Archived") if item.new is not None else self.tr("Restored")
        if kind == EventField.MERGE:
            return self.tr("Duplicate merged into this need: %1").replace("%1", new)
        return kind

    # ----- writing ------------------------------------------------------------------------
    def _perform(self, text: str, action: Callable[[Session], object]) -> bool:
        self.error.clear()
        return self.workspace.try_perform(text, action, self.error.refused) is not None

    def add_comment(self) -> None:
        text = self.editor.toPlainText()
        need_id = self.need_id
        if self._perform(
            self.tr("Comment"),
            lambda s: dossier_service.add_comment(s, need_id, text),  # signed by the session
        ):
            self.editor.clear()
            self.reload()

    def edit_comment(self) -> None:
        """First the selected comment comes into the editor; then its new text is saved."""
        if self.editing is None:
            comment = self.current_comment()
            if not self.is_mine(comment) or comment is None:
                return
            self.editing = comment.id
            self.editor.setPlainText(comment.text)
            self.edit_button.setText(self.tr("Save &edit"))
            self.editor.setFocus()
            return
        text, comment_id = self.editor.toPlainText(), self.editing
        if self._perform(
            self.tr("Edit comment"), lambda s: dossier_service.edit_comment(s, comment_id, text)
        ):
            self.editing = None
            self.edit_button.setText(self.tr("&Edit comment"))
            self.editor.clear()
            self.reload()

    def delete_comment(self) -> None:
        comment = self.current_comment()
        if not self.is_mine(comment) or comment is None:
            return
        comment_id = comment.id
        if self._perform(
            self.tr("Delete comment"), lambda s: dossier_service.delete_comment(s, comment_id)
        ):
            self.reload()
