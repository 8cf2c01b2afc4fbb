"""Needs in and out of the workspace as files: the import assistant (CSV or xlsx, one
undoable step) and the export (xlsx or CSV, by the name chosen).

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
    from po_desktop.store.services.import_types import ImportResult


class Exchange(QObject):
    def __init__(self, host: Host) -> None:
        super().__init__(host)
        self.host = host

    def import_needs(self) -> None:
        """Choose a file, then map, preview and import it in the assistant."""
        path = feedback.sink().choose_open(
            self.host.window,
            self.tr("Import needs"),
            Purpose.IMPORT,
            self.tr(
                "Needs files (*.xlsx *.csv *.txt *.json);;Excel workbooks (*.xlsx);;"
                "CSV files, Jira exports (*.csv);;Trello boards (*.json);;*"
            ),
        )
        if path is not None:
            self.host.attempt(self.tr("Import failed"), lambda: self.open_assistant(path))

    def open_assistant(self, path: Path) -> bool:
        """The assistant on ``path``; True when it imported. Raises when the file
        cannot be read at all."""
        from po_desktop.ui.import_dialog import ImportDialog  # loaded on use: start-up time

        return self.host.run_dialog(ImportDialog(self.host, path, self.host.window))

    def import_file(self, path: Path) -> ImportResult:
        """Import a file as it is (columns by their names) as one undoable action;
        raises when nothing was imported."""
        from po_desktop.io.needs_files import open_needs  # loaded on use: start-up time
        from po_desktop.io.needs_table import records
        from po_desktop.store.services.importing import import_needs

        with open_needs(path) as table:
            change = self.host.workspace.perform(
                self.tr("Import needs"), lambda s: import_needs(s, records(table))
            )
        result: ImportResult = change.result
        # An import that changed nothing (every row as stored) is no step to undo.
        self.host.notify(result.summary().render(), undo=not change.empty)
        return result

    def export_needs(self) -> None:
        """An Excel workbook or a CSV file, by the extension of the name chosen."""
        from po_desktop.io.needs_files import export_format, export_needs

        workspace = self.host.workspace
        path = feedback.sink().choose_save(
            self.host.window,
            self.tr("Export needs"),
            Purpose.EXPORT,
            workspace.database.path.with_suffix(".xlsx").name,
            self.tr("Excel workbooks (*.xlsx);;CSV files (*.csv)"),
            ".xlsx",
        )
        if path is None:
            return

        def write(target: Path) -> int:
            export_format(target)  # an unknown extension is refused before anything runs
            if workspace.database.owns(target):
                raise DatabaseFileError("db.output_is_database", path=str(target))
            with workspace.session() as session:
                return export_needs(session, target)

        # A write error too is said (by the atomic writer), and the previous file kept.
        count = self.host.attempt(self.tr("Export failed"), lambda: write(path))
        if count is not None:
            self.host.status(self.tr("%n need(s) exported.", "", count))
