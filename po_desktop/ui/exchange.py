"""Needs in and out of the workspace as files: CSV import (one undoable step) and export.

The calendar (.ics) and the review pack are exported by the calendar page, which knows
the sprint they are about.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from po_desktop.store.errors import DatabaseFileError
from po_desktop.ui import feedback
from po_desktop.ui.feedback import Purpose
from po_desktop.ui.host import Host

if TYPE_CHECKING:
    from po_desktop.store.services.importing import ImportResult


class Exchange(QObject):
    def __init__(self, host: Host) -> None:
        super().__init__(host)
        self.host = host

    def import_csv(self) -> None:
        path = feedback.sink().choose_open(
            self.host.window,
            self.tr("Import needs"),
            Purpose.IMPORT,
            self.tr("CSV files (*.csv);;*"),
        )
        if path is not None:
            self.host.attempt(self.tr("Import failed"), lambda: self.import_file(path))

    def import_file(self, path: Path) -> ImportResult:
        """Import a CSV file as one undoable action; raises when nothing was imported."""
        from po_desktop.io.csv_needs import read_needs_csv  # loaded on use: start-up time
        from po_desktop.store.services.importing import import_needs

        records = read_needs_csv(path)
        change = self.host.workspace.perform(
            self.tr("Import needs"), lambda s: import_needs(s, records)
        )
        result: ImportResult = change.result
        self.host.notify(result.summary().render())
        return result

    def export_csv(self) -> None:
        from po_desktop.io.csv_needs import write_needs_csv  # loaded on use: start-up time

        workspace = self.host.workspace
        path = feedback.sink().choose_save(
            self.host.window,
            self.tr("Export needs"),
            Purpose.EXPORT,
            workspace.database.path.with_suffix(".csv").name,
            self.tr("CSV files (*.csv)"),
            ".csv",
        )
        if path is None:
            return

        def write(target: Path) -> int:
            if workspace.database.owns(target):
                raise DatabaseFileError("db.output_is_database", path=str(target))
            with workspace.session() as session:
                return write_needs_csv(session, target)

        # A write error too is said (by the atomic writer), and the previous file kept.
        count = self.host.attempt(self.tr("Export failed"), lambda: write(path))
        if count is not None:
            self.host.status(self.tr("%n need(s) exported.", "", count))
