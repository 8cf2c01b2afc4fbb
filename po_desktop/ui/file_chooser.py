"""File choosers that never open the files they list.

Qt's own file dialog (the one shown where the desktop offers none: a bare X server, some
window managers) asks ``QMimeDatabase`` for each file's type, which reads the start of a
file whose name says too little: the open workspace's ``.podb``, its ``-wal`` and its
``-shm`` included. Closing that descriptor drops every POSIX lock the process holds on
the file, SQLite's own: another process then took the workspace for free, and a refused
second instance closing its connection deleted the ``-wal`` under the running app (the
changes made since were lost at the next crash). Here a file's type and icon come from
its name alone.
"""

from __future__ import annotations

import sys
from enum import Enum

from PySide6.QtCore import QFileInfo, QMimeDatabase
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget


class Mode(Enum):
    OPEN = "open"
    SAVE = "save"
    FOLDER = "folder"


class NameOnlyIcons(QFileIconProvider):
    """Icons and type names from a file's name, never its content (called from the
    dialog's file-information thread as well)."""

    def __init__(self) -> None:
        super().__init__()
        self.mimes = QMimeDatabase()

    def icon(self, what: object) -> QIcon:
        if not isinstance(what, QFileInfo):
            return super().icon(what)  # type: ignore[call-overload,no-any-return]
        kind = QAbstractFileIconProvider.IconType
        generic = super().icon(kind.Folder if what.isDir() else kind.File)
        if what.isDir():
            return generic
        mime = self.mimes.mimeTypeForFile(what.fileName(), QMimeDatabase.MatchMode.MatchExtension)
        return QIcon.fromTheme(mime.iconName(), QIcon.fromTheme(mime.genericIconName(), generic))

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return super().type(info)  # "Folder": no content read for a folder
        name = info.fileName()
        return self.mimes.mimeTypeForFile(name, QMimeDatabase.MatchMode.MatchExtension).comment()


_ICONS: NameOnlyIcons | None = None


def ask(parent: QWidget | None, title: str, start: str, name_filter: str, mode: Mode) -> str | None:
    """The file (or folder) chosen, None when the chooser was cancelled (see
    :func:`chooser` for which one)."""
    dialog = chooser(parent, title, start, name_filter, mode)
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted:
            return None
        chosen = dialog.selectedFiles()
        return chosen[0] if chosen and chosen[0] else None
    finally:
        dialog.deleteLater()


def chooser(
    parent: QWidget | None, title: str, start: str, name_filter: str, mode: Mode
) -> QFileDialog:
    """The file dialog :func:`ask` shows: the system's on Windows and macOS (Windows
    locks files otherwise, macOS runs its panel in a process of its own), Qt's with
    :class:`NameOnlyIcons` elsewhere, where the desktop's would run in this process
    (GTK's, KDE's) and name types as it pleases, by reading the files."""
    global _ICONS
    if _ICONS is None:
        _ICONS = NameOnlyIcons()
    dialog = QFileDialog(parent, title, start, name_filter)
    dialog.setIconProvider(_ICONS)
    if sys.platform not in ("win32", "darwin"):
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    if mode is Mode.SAVE:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    elif mode is Mode.OPEN:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    else:
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
    return dialog
