"""The files attached to a need, in the need dialog: the list with their sizes and total;
add (a file chooser, files dropped, a screenshot pasted), open, save as, remove; images
previewed.

Opening writes a temporary copy (:mod:`po_desktop.open_copies`: one folder the app
empties when it quits) and hands it to the system's application; a program
(``.exe``, ``.sh``…) is never opened, only saved: the app runs no file it keeps.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QImage,
    QImageWriter,
    QKeySequence,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from po_desktop import open_copies
from po_desktop.domain import formatting
from po_desktop.domain.filenames import is_runnable
from po_desktop.store import dossier_queries
from po_desktop.store.dossier_queries import AttachmentInfo
from po_desktop.store.errors import PoDesktopError
from po_desktop.store.services import dossier as dossier_service
from po_desktop.ui import feedback
from po_desktop.ui.banner import FormError
from po_desktop.ui.feedback import Purpose
from po_desktop.ui.need_dossier import ItemsModel
from po_desktop.ui.workspace import Workspace

Index = QModelIndex | QPersistentModelIndex
PREVIEW_SIZE = 160


def dropped_files(urls: Iterable[object]) -> list[Path]:
    """The local files among dropped addresses (folders and web addresses left out)."""
    paths = []
    for url in urls:
        local = url.toLocalFile() if hasattr(url, "toLocalFile") else ""
        if local and Path(local).is_file():
            paths.append(Path(local))
    return paths


class FilesPanel(QWidget):
    """The attachments of one need; every write is one undoable step."""

    def __init__(self, workspace: Workspace, need_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.need_id = need_id
        self.setAcceptDrops(True)
        self.model: ItemsModel[AttachmentInfo] = ItemsModel(
            lambda item: f"{item.name} — {formatting.file_size(item.size)}", self
        )
        self.files = QListView()
        self.files.setModel(self.model)
        self.files.setUniformItemSizes(True)
        self.files.setAccessibleName(self.tr("Attachments"))
        self.files.selectionModel().currentChanged.connect(self._preview)
        self.files.doubleClicked.connect(lambda _index: self.open_current())
        self.total = QLabel()
        self.preview = QLabel()
        self.preview.setFixedSize(PREVIEW_SIZE, PREVIEW_SIZE)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel(
            self.tr(
                "Drop files here or paste a screenshot (Ctrl+V). 25 MB at most a file: "
                "put larger ones on a shared drive and give their address in a comment."
            )
        )
        self.hint.setWordWrap(True)
        self.add_button = QPushButton(self.tr("A&ttach a file…"))
        self.add_button.clicked.connect(self.choose_and_attach)
        self.paste_button = QPushButton(self.tr("&Paste screenshot"))
        self.paste_button.clicked.connect(self.paste_image)
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.clicked.connect(self.open_current)
        self.save_button = QPushButton(self.tr("Save &as…"))
        self.save_button.clicked.connect(self.save_current)
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.remove_button.clicked.connect(self.remove_current)
        paste = QShortcut(QKeySequence.StandardKey.Paste, self)
        paste.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        paste.activated.connect(self.paste_image)
        self.error = FormError()

        side = QVBoxLayout()
        for button in (
            self.add_button,
            self.paste_button,
            self.open_button,
            self.save_button,
            self.remove_button,
        ):
            side.addWidget(button)
        side.addWidget(self.preview)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.files, 1)
        row.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(self.total)
        layout.addLayout(row, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        workspace.changes_applied.connect(self._changed)
        self.reload()

    # ----- reading ------------------------------------------------------------------------
    def reload(self) -> None:
        items = self.workspace.read(lambda s: dossier_queries.attachments(s, self.need_id))
        self.model.set_items(items)
        size = formatting.file_size(sum(item.size for item in items))
        self.total.setText(self.tr("%n file(s), %1 in all", "", len(items)).replace("%1", size))
        self._preview()

    def _changed(self, _change: object) -> None:
        try:
            self.reload()
        except PoDesktopError:
            self.model.set_items([])

    def current(self) -> AttachmentInfo | None:
        item = self.model.data(self.files.currentIndex(), Qt.ItemDataRole.UserRole)
        return item if isinstance(item, AttachmentInfo) else None

    def _bytes(self, item: AttachmentInfo) -> bytes:
        return self.workspace.read(lambda s: dossier_queries.attachment_bytes(s, item.id))

    def _preview(self, *_args: object) -> None:
        item = self.current()
        for button in (self.open_button, self.save_button, self.remove_button):
            button.setEnabled(item is not None)
        self.preview.clear()
        if item is None or not item.media_type.startswith("image/"):
            return
        pixmap = QPixmap()
        if pixmap.loadFromData(self._bytes(item)):
            self.preview.setPixmap(
                pixmap.scaled(
                    PREVIEW_SIZE,
                    PREVIEW_SIZE,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )

    # ----- writing ------------------------------------------------------------------------
    def _perform(self, text: str, action: Callable[[Session], object]) -> bool:
        self.error.clear()
        done = self.workspace.try_perform(text, action, self.error.refused) is not None
        if done:
            self.reload()
        return done

    def attach(self, name: str, data: bytes) -> bool:
        need_id = self.need_id
        return self._perform(
            self.tr("Attach “%1”").replace("%1", name),
            lambda s: dossier_service.attach_file(s, need_id, name, data),
        )

    def attach_paths(self, paths: Iterable[Path]) -> int:
        """Attach files from the disk; how many were. A file over the limit is refused
        before it is read."""
        done = 0
        for path in paths:
            try:
                dossier_service.refuse_too_big(path.name, path.stat().st_size)
                data = path.read_bytes()
            except PoDesktopError as exc:
                self.error.refused(exc)
                continue
            except OSError as exc:
                self.error.say(
                    self.tr("“%1” cannot be read: %2")
                    .replace("%1", path.name)
                    .replace("%2", exc.strerror or str(exc))
                )
                continue
            done += self.attach(path.name, data)
        return done

    def choose_and_attach(self) -> None:
        path = feedback.sink().choose_open(
            self, self.tr("Attach a file"), Purpose.ATTACHMENT, self.tr("All files (*)")
        )
        if path is not None:
            self.attach_paths([path])

    def paste_image(self) -> bool:
        """The clipboard's image, attached as a PNG named after the time of the paste."""
        image = QGuiApplication.clipboard().image()
        if image.isNull():
            self.error.say(self.tr("The clipboard holds no image to attach."))
            return False
        return self.attach(screenshot_name(datetime.now()), png_bytes(image))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_files(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_files(event.mimeData().urls())
        if paths:
            event.acceptProposedAction()
            self.attach_paths(paths)

    def open_current(self) -> None:
        item = self.current()
        if item is None:
            return
        title = self.tr("Open “%1”").replace("%1", item.name)
        if is_runnable(item.name):
            feedback.sink().warn(
                self,
                title,
                self.tr(
                    "“%1” is a program: PO Desktop never opens one. Save it with “Save as…” "
                    "and have it checked before running it."
                ).replace("%1", item.name),
            )
            return
        try:
            path = open_copies.SESSION.write(item.name, self._bytes(item))
        except OSError as exc:
            self.error.say(
                self.tr("“%1” cannot be written: %2")
                .replace("%1", item.name)
                .replace("%2", exc.strerror or str(exc))
            )
            return
        feedback.sink().open_externally(self, path, title)

    def save_current(self) -> None:
        item = self.current()
        if item is None:
            return
        path = feedback.sink().choose_save(
            self,
            self.tr("Save “%1” as").replace("%1", item.name),
            Purpose.ATTACHMENT,
            item.name,
            self.tr("All files (*)"),
            "",
        )
        if path is None:
            return
        try:
            path.write_bytes(self._bytes(item))
        except OSError as exc:
            self.error.say(
                self.tr("“%1” cannot be written: %2")
                .replace("%1", str(path))
                .replace("%2", exc.strerror or str(exc))
            )

    def remove_current(self) -> None:
        item = self.current()
        if item is None:
            return
        attachment_id = item.id
        self._perform(
            self.tr("Remove “%1”").replace("%1", item.name),
            lambda s: dossier_service.remove_attachment(s, attachment_id),
        )


def screenshot_name(at: datetime) -> str:
    return at.strftime("screenshot-%Y-%m-%d-%H%M%S.png")


def png_bytes(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    QImageWriter(buffer, QByteArray(b"PNG")).write(image)
    data: QByteArray = buffer.data()
    return bytes(data.data())
