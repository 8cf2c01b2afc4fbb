"""Opening a database from the GUI, with a way back when the file is found damaged."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale
from PySide6.QtWidgets import QWidget

from po_desktop.store import backups
from po_desktop.store.database import Database, open_database
from po_desktop.store.errors import DatabaseFileError, PoDesktopError
from po_desktop.ui import feedback


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
            feedback.sink().warn(parent, title, exc.render())
            return None
        offer = backups.newest_verified(path)
        if offer is None:
            feedback.sink().warn(parent, title, exc.render())
            return None
        when = QLocale().toString(QDateTime(offer.taken), QLocale.FormatType.LongFormat)
        if not feedback.sink().ask(
            parent,
            title,
            exc.render()
            + "\n\n"
            + QCoreApplication.translate(
                "Recovery",
                "A verified backup of this database from %1 exists. Restore it now? "
                "The damaged file is kept beside it, untouched, under a name ending in "
                "“.before-restore-…”.",
            ).replace("%1", when),
        ):
            return None
        try:
            backups.restore(path, offer.path)
            return open_database(path)
        except PoDesktopError as again:
            feedback.sink().warn(parent, title, again.render())
            return None
    except PoDesktopError as exc:
        feedback.sink().warn(parent, title, exc.render())
        return None
