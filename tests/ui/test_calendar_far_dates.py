"""The calendar on a file that holds a sprint ending in 9999 (and a ritual, an absence and a
sprint out of range): every view, dialog and export goes on, and says what to fix."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from helpers.fakes import FakeFeedback
from helpers.far_dates import FAR_SPRINT, YEAR_ONE, insert_far_dates
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from po_desktop.domain.calendar import EARLIEST
from po_desktop.store.database import Database
from po_desktop.store.models import Sprint
from po_desktop.store.services import people, sprints
from po_desktop.ui.calendar.cadence_dialog import CadenceDialog
from po_desktop.ui.calendar.dialogs import SprintDialog
from po_desktop.ui.main_window import MainWindow
from po_desktop.ui.workspace import Workspace

OUT_OF_RANGE = "has dates outside the supported range"


def test_the_calendar_survives_far_dates_and_refuses_to_type_them(
    app: QApplication, db: Database, qtbot: QtBot, feedback: FakeFeedback, tmp_path: Path
) -> None:
    with db.session() as s:
        lea = people.create_person(s, people.PersonInput("Léa Dubois")).id
        sprints.create_sprint(
            s, sprints.SprintInput("Décembre", "2026-12-07", "2026-12-18", member_ids=[lea])
        )
    insert_far_dates(db.path)
    window = MainWindow(Workspace(db))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.tabs.setCurrentIndex(MainWindow.CALENDAR)
    page = window.calendar
    ids = dict(window.workspace.read(lambda s: s.execute(select(Sprint.name, Sprint.id)).all()))

    page.select_sprint(ids[FAR_SPRINT])
    assert page.capacity is None and page.summary.text().startswith(
        f"The sprint “{FAR_SPRINT}” {OUT_OF_RANGE} (4 Jan 2027 → 31 Dec 9999)"
    )
    assert page.edit_button.isEnabled() and not page.start_button.isEnabled()
    for mode in ("week", "month"):
        page.set_mode(mode)
        page.calendar.step(1)
        page.calendar.repaint()
    page.select_sprint(ids[YEAR_ONE])
    assert page.calendar.selected == EARLIEST  # shown at the start of the range
    page.calendar.repaint()
    page.select_sprint(ids["Décembre"])
    assert page.capacity is not None and page.capacity.working_days == 10

    exported = page.export_ics(tmp_path / "sprints.ics")
    assert exported is not None and b"BEGIN:VEVENT" in exported.read_bytes()
    (skipped,) = feedback.warnings
    assert skipped.count(OUT_OF_RANGE) == 2 and "“Fin des temps”" in skipped

    cadence = CadenceDialog(window.workspace, window)
    qtbot.addWidget(cadence)
    assert cadence.start.value() == date(2026, 12, 21)  # after December, not after 9999

    dialog = SprintDialog(window.workspace, None, date(2027, 3, 1), window)
    qtbot.addWidget(dialog)
    dialog.name.setText("Mars")
    dialog.end.setText("31/12/9999")
    dialog.accept()
    assert dialog.error.isVisibleTo(dialog)
    assert "“31/12/9999” is not a date between 01/01/2000 and 31/12/2099" in dialog.error.text()
    assert "Mars" not in ids and window.sprint_model.rowCount() == len(ids)
    # Mended, the date reads again: the message goes then, not at the next OK.
    dialog.end.setText("31/12/209")
    assert dialog.error.isVisibleTo(dialog)
    dialog.end.setText("31/03/2027")
    assert not dialog.error.isVisibleTo(dialog)
    window.close()
