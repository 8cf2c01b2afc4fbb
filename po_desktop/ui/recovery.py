"""Opening a database from the GUI, with a way back when the file is found damaged."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale
from PySide6.QtWidgets import QMessageBox, QWidget

from po_desktop.store import backups
from po_desktop.store.database import Database, open_database
from po_desktop.store.errors import DatabaseFileError, PoDesktopError
from po_desktop.ui.models import literal_html


def open_or_recover(path: Path, parent: QWidget | None, title: str) -> Database | None:
    """Open ``path``; when it is damaged and a verified backup exists, offer to restore it.

    The damaged file is never written to: a restore renames it aside first. Every
    other refusal (locked, foreign, too new...) is shown as it is. None: not opened.
    """
    try:
        return open_database(path)
    except DatabaseFileError as exc:
        # A damaged header reads as "not SQLite" or "empty": with copies of this very file
        # in its backup folder, it was ours, and a copy is worth offering.
        if exc.kind not in ("corrupt", "empty_file", "not_sqlite"):
            QMessageBox.warning(parent, title, literal_html(exc.render()))
            return None
        offer = backups.newest_verified(path)
        if offer is None:
            QMessageBox.warning(parent, title, literal_html(exc.render()))
            return None
        when = QLocale().toString(QDateTime(offer.taken), QLocale.FormatType.LongFormat)
        answer = QMessageBox.question(
            parent,
            title,
            literal_html(
                exc.render()
                + "\n\n"
                + QCoreApplication.translate(
                    "Recovery",
                    "A verified backup of this database from %1 exists. Restore it now? "
                    "The damaged file is kept beside it, untouched, under a name ending in "
                    "“.before-restore-…”.",
                ).replace("%1", when),
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        try:
            backups.restore(path, offer.path)
            return open_database(path)
        except PoDesktopError as again:
            QMessageBox.warning(parent, title, literal_html(again.render()))
            return None
    except PoDesktopError as exc:
        QMessageBox.warning(parent, title, literal_html(exc.render()))
        return None
