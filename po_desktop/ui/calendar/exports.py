"""The calendar's files: the .ics calendar of the sprints and rituals, and a sprint's
printed review pack. Each is written whole beside its target, then renamed over it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from po_desktop.domain.messages import MAX_ITEMS, Message, language, thousands, translate
from po_desktop.store.errors import DatabaseFileError
from po_desktop.ui import feedback
from po_desktop.ui.feedback import Purpose
from po_desktop.ui.host import Host


class CalendarExports(QObject):
    def __init__(self, host: Host, page: QWidget) -> None:
        super().__init__(page)
        self.host = host
        self.page = page

    def ics(self, path: Path | None = None, sprint_id: int | None = None) -> Path | None:
        """Write the calendar file (one sprint's, or every one); asks where when no path
        is given."""
        if path is None:
            path = feedback.sink().choose_save(
                self.page,
                self.tr("Export the calendar"),
                Purpose.CALENDAR,
                "sprints.ics",
                self.tr("Calendar (*.ics)"),
                ".ics",
            )
            if path is None:
                return None
        from po_desktop.io.ics import export_ics
        from po_desktop.store import files

        lang = language()
        workspace = self.host.workspace
        skipped: list[Message] = []

        def write(target: Path) -> Path:
            if workspace.database.owns(target):  # replacing it would lose the workspace
                raise DatabaseFileError("db.output_is_database", path=str(target))
            files.write_bytes(
                target, workspace.read(lambda s: export_ics(s, sprint_id, lang, skipped))
            )
            return target

        if self.host.attempt(self.tr("Export the calendar"), lambda: write(path)) is None:
            return None
        self.host.status(self.tr("Calendar exported: %1").replace("%1", str(path)))
        if skipped:  # rows an older file holds with dates out of range
            shown = [m.render() for m in skipped[:MAX_ITEMS]]
            if len(skipped) > MAX_ITEMS:
                more = thousands(len(skipped) - MAX_ITEMS)
                shown.append(translate("cli.skipped_more", count=more))
            feedback.sink().warn(self.page, self.tr("Export the calendar"), "\n\n".join(shown))
        return path

    def pack(
        self, sprint_id: int, name: str, path: Path | None = None, *, open_it: bool = True
    ) -> Path | None:
        """The sprint's review pack as a PDF, then opened in the PDF viewer; asks where
        when no path is given."""
        if path is None:
            safe = "".join(c if c.isalnum() or c in "-_ " else "-" for c in name).strip()
            path = feedback.sink().choose_save(
                self.page,
                self.tr("Review pack"),
                Purpose.PACK,
                f"{'revue' if language() == 'fr' else 'review'}-{safe}.pdf",
                self.tr("PDF document (*.pdf)"),
                ".pdf",
            )
            if path is None:
                return None
        from po_desktop.reports.export import export_pack

        progress = QProgressDialog(
            self.tr("Preparing the review pack of %1…").replace("%1", name), "", 0, 0, self.page
        )
        progress.setWindowTitle(self.tr("Review pack"))
        progress.setCancelButton(None)
        progress.setMinimumDuration(0)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.show()
        QApplication.processEvents()
        lang = language()
        workspace = self.host.workspace

        def write(target: Path) -> Path:
            try:
                with workspace.session() as session:
                    export_pack(session, sprint_id, target, lang, database=workspace.database)
            finally:
                progress.close()  # whatever happens, the window is given back, before a word
            return target

        if self.host.attempt(self.tr("Review pack"), lambda: write(path)) is None:
            return None
        self.host.status(self.tr("Review pack saved: %1").replace("%1", str(path)))
        if open_it:
            feedback.sink().open_externally(self.page, path, self.tr("Review pack"))
        return path
