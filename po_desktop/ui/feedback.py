"""The one place the interface shows messages, asks questions and picks files.

Every screen goes through :func:`sink` instead of calling ``QMessageBox``,
``QFileDialog`` or ``QDesktopServices`` itself, so that

- texts are always shown as typed (a need titled ``<b>x</b>`` is never bold);
- file choosers open where the user last chose a file for the same purpose;
- a file that the system cannot open (no PDF viewer) gets a message and a way to
  its folder, instead of nothing;
- tests replace the whole sink with a double that answers questions and file
  choosers, and sees every message and dialog (``tests/ui/fakes.py``).
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QMessageBox,
    QWidget,
)

if TYPE_CHECKING:
    from po_desktop.ui.settings import Settings


class Unsaved(enum.Enum):
    """The answer to "this is not saved": save it, drop it, or stay."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class Purpose(enum.StrEnum):
    """What a file is chosen for: each purpose remembers its own last folder."""

    DATABASE = "database"
    BACKUP = "backup"
    COPY = "copy"
    IMPORT = "import"
    EXPORT = "export"
    CALENDAR = "calendar"
    PACK = "pack"
    LETTER = "letter"
    CARDS = "cards"
    ATTACHMENT = "attachment"


_ANY = "any"
"""The folders remembered under this name: the last one any file chooser used."""


class Feedback:
    """Messages, questions, file choosers, dialogs and the desktop, as the user sees them."""

    def __init__(self) -> None:
        self.settings: Settings | None = None
        """Where the last folders are kept; None remembers them for this run only."""
        self._folders: dict[str, str] = {}

    # ----- messages -----------------------------------------------------------------------
    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        self._box(parent, QMessageBox.Icon.Information, title, text)

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        """Something the user asked for did not happen; the text says why and what to do."""
        self._box(parent, QMessageBox.Icon.Warning, title, text)

    def fail(self, parent: QWidget | None, title: str, text: str) -> None:
        """Nothing more can be done here (the database cannot be opened)."""
        self._box(parent, QMessageBox.Icon.Critical, title, text)

    def ask(
        self,
        parent: QWidget | None,
        title: str,
        text: str,
        *,
        yes: str | None = None,
        no: str | None = None,
        default_yes: bool = True,
    ) -> bool:
        """A yes / no question; ``yes`` and ``no`` name the buttons after what they do."""
        box = self._make_box(parent, QMessageBox.Icon.Question, title, text)
        yes_button = box.addButton(QMessageBox.StandardButton.Yes)
        no_button = box.addButton(QMessageBox.StandardButton.No)
        if yes:
            yes_button.setText(yes)
        if no:
            no_button.setText(no)
        box.setDefaultButton(yes_button if default_yes else no_button)
        box.setEscapeButton(no_button)
        box.exec()
        return box.clickedButton() is yes_button

    def ask_unsaved(self, parent: QWidget | None, title: str, text: str) -> Unsaved:
        box = self._make_box(parent, QMessageBox.Icon.Question, title, text)
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        # Qt's French for Discard, "Ne pas tenir compte", does not say what happens.
        box.button(QMessageBox.StandardButton.Discard).setText(
            QCoreApplication.translate("Feedback", "Don't save")
        )
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return Unsaved.SAVE
        if answer == QMessageBox.StandardButton.Discard:
            return Unsaved.DISCARD
        return Unsaved.CANCEL

    def _make_box(
        self, parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str
    ) -> QMessageBox:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)  # user text is never read as HTML
        return box

    def _box(self, parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> None:
        box = self._make_box(parent, icon, title, text)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()

    # ----- files --------------------------------------------------------------------------
    def folder_for(self, purpose: Purpose) -> Path:
        """Where the chooser opens: the last folder used for this purpose; for a purpose
        not used yet, the last folder any chooser used (a first import opens where the
        export just went), else Documents."""
        for key in (str(purpose), _ANY):
            remembered = self._folders.get(key)
            if remembered is None and self.settings is not None:
                remembered = self.settings.last_folder(key)
            if remembered and Path(remembered).is_dir():
                return Path(remembered)
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()

    def remember_folder(self, purpose: Purpose, chosen: Path) -> None:
        folder = str(chosen.parent)
        for key in (str(purpose), _ANY):
            self._folders[key] = folder
            if self.settings is not None:
                self.settings.set_last_folder(key, folder)

    def choose_open(
        self,
        parent: QWidget | None,
        title: str,
        purpose: Purpose,
        name_filter: str,
        folder: Path | None = None,
    ) -> Path | None:
        """An existing file; ``folder`` overrides the remembered one (the backup folder)."""
        start = folder if folder is not None and folder.is_dir() else self.folder_for(purpose)
        from po_desktop.ui import file_chooser  # on first use: start-up time

        chosen = file_chooser.ask(parent, title, str(start), name_filter, file_chooser.Mode.OPEN)
        if not chosen:
            return None
        path = Path(chosen)
        if folder is None:
            self.remember_folder(purpose, path)
        return path

    def choose_save(
        self,
        parent: QWidget | None,
        title: str,
        purpose: Purpose,
        suggested_name: str,
        name_filter: str,
        suffix: str,
        folder: Path | None = None,
    ) -> Path | None:
        """A file to write; ``suffix`` (".csv") is added when the user typed none;
        ``folder`` overrides the remembered one."""
        start = (
            folder if folder is not None and folder.is_dir() else self.folder_for(purpose)
        ) / suggested_name
        from po_desktop.ui import file_chooser

        chosen = file_chooser.ask(parent, title, str(start), name_filter, file_chooser.Mode.SAVE)
        if not chosen:
            return None
        path = Path(chosen)
        if not path.suffix:
            path = path.with_name(path.name + suffix)
        self.remember_folder(purpose, path)
        return path

    def choose_folder(self, parent: QWidget | None, title: str, purpose: Purpose) -> Path | None:
        """A folder to write into, starting at the one last chosen for ``purpose``."""
        from po_desktop.ui import file_chooser

        start = str(self.folder_for(purpose))
        chosen = file_chooser.ask(parent, title, start, "", file_chooser.Mode.FOLDER)
        if not chosen:
            return None
        folder = Path(chosen)
        self.remember_folder(purpose, folder / "-")  # remembered as a file's folder is
        return folder

    def choose_color(self, parent: QWidget | None, initial: str, title: str) -> str | None:
        chosen = QColorDialog.getColor(QColor(initial), parent, title)
        return chosen.name().upper() if chosen.isValid() else None

    # ----- dialogs and the desktop --------------------------------------------------------
    def run(self, dialog: QDialog) -> bool:
        """Show a dialog of ours until it is closed; True when it was accepted."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def open_externally(self, parent: QWidget | None, path: Path, title: str) -> bool:
        """Open a file we wrote with the system's application (the PDF viewer).

        When nothing can open it, say where the file is and offer its folder: a pack
        written but never shown must not look like a pack never written.
        """
        if self._open_url(path):
            return True
        if self.ask(
            parent,
            title,
            QCoreApplication.translate(
                "Feedback",
                "No application on this computer opens this file. It is saved here:\n\n%1"
                "\n\nOpen its folder?",
            ).replace("%1", str(path)),
            yes=QCoreApplication.translate("Feedback", "Open the folder"),
            no=QCoreApplication.translate("Feedback", "Close"),
        ) and not self._open_url(path.parent):
            self.warn(
                parent,
                title,
                QCoreApplication.translate(
                    "Feedback", "The folder could not be opened either. The file is here:\n\n%1"
                ).replace("%1", str(path)),
            )
        return False

    def open_folder(self, parent: QWidget | None, folder: Path, title: str) -> bool:
        if self._open_url(folder):
            return True
        self.warn(
            parent,
            title,
            QCoreApplication.translate(
                "Feedback", "The folder could not be opened. It is here:\n\n%1"
            ).replace("%1", str(folder)),
        )
        return False

    def _open_url(self, path: Path) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


_sink = Feedback()


def sink() -> Feedback:
    """The feedback sink every screen uses."""
    return _sink


def install(feedback: Feedback) -> Feedback:
    """Replace the sink (tests install a double); returns the one replaced."""
    global _sink
    previous, _sink = _sink, feedback
    return previous
