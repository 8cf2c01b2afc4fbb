"""The sprint calendar as a product owner uses it: sprints, rituals, capacity that follows."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

import pytest
from helpers.fakes import FakeFeedback
from PySide6.QtCore import QDate, QDateTime, QEvent, Qt, QTime
from PySide6.QtGui import QContextMenuEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QMenu, QToolTip
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from po_desktop.store.database import Database
from po_desktop.store.models import Ceremony, Person, Sprint
from po_desktop.store.services import needs, people, projects, rituals, sprints
from po_desktop.ui.calendar.cadence_dialog import CadenceDialog
from po_desktop.ui.calendar.dialogs import (
    CeremonyDialog,
    CloseSprintDialog,
    SprintDialog,
)
from po_desktop.ui.calendar.page import CalendarPage
from po_desktop.ui.calendar.view import CalendarView
from po_desktop.ui.i18n import install_translators
from po_desktop.ui.main_window import MainWindow
from po_desktop.ui.workspace import Workspace


@pytest.fixture
def window(app: QApplication, db: Database, qtbot: QtBot) -> Iterator[MainWindow]:
    with db.session() as s:
        erp = projects.create_project(s, projects.ProjectInput("ERP", "Déploiement ERP"))
        lea = people.create_person(s, people.PersonInput("Léa Dubois")).id
        marc = people.create_person(s, people.PersonInput("Marc Petit", availability=0.5)).id
        sprints.create_sprint(
            s, sprints.SprintInput("Juillet", "2027-07-12", "2027-07-23", member_ids=[lea, marc])
        )
        for title, points in (("Relances", 3), ("Paie", 5)):
            needs.create_need(s, needs.NeedInput(title, f"Défi : {title}", erp.id, points=points))
    win = MainWindow(Workspace(db))
    qtbot.addWidget(win)
    win.resize(1400, 860)
    win.show()
    win.tabs.setCurrentIndex(MainWindow.CALENDAR)
    win.calendar.calendar.select(date(2027, 7, 14))
    yield win
    win.workspace.undo_stack.clear()


def _page(window: MainWindow) -> CalendarPage:
    return window.calendar


def _sprint_id(window: MainWindow, name: str) -> int:
    return window.workspace.read(lambda s: s.scalar(select(Sprint.id).where(Sprint.name == name)))


def test_capacity_shows_the_holiday_and_follows_needs_moved_into_the_sprint(
    window: MainWindow,
) -> None:
    page = _page(window)
    assert page.capacity is not None and page.capacity.name == "Juillet"
    assert page.capacity.working_days == 9  # 14 July
    assert "National Day" in page.summary.text()  # the app speaks English here
    assert page.capacity.days == 10.8  # 9 x 0.8 + 9 x 0.5 x 0.8
    assert page.people.rowCount() == 2
    assert "Committed: 0 points" in page.load.text()
    juillet = _sprint_id(window, "Juillet")
    window.needs.plan([1, 2], juillet)  # as the board's or the backlog's menu does
    assert page.capacity.committed == 8.0
    assert "Committed: 8 points" in page.load.text()
    window.actions.undo_action.trigger()
    assert page.capacity.committed == 0.0


def test_a_new_sprint_is_proposed_after_the_last_one_monday_to_friday(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """« Nouveau sprint » proposed today's date and 11 days later: over the running sprint
    (refused at OK) and ending on a Saturday."""
    dialog = SprintDialog(window.workspace, None, None, window)
    qtbot.addWidget(dialog)
    assert (dialog.start.value(), dialog.end.value()) == (date(2027, 7, 26), date(2027, 8, 6))
    dialog.name.setText("Août")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    clicked = SprintDialog(window.workspace, None, date(2027, 9, 14), window)  # a Tuesday
    qtbot.addWidget(clicked)
    assert (clicked.start.value(), clicked.end.value()) == (date(2027, 9, 14), date(2027, 9, 24))
    shown: list[SprintDialog] = []
    monkeypatch.setattr(CalendarPage, "_dialog", lambda _self, d: shown.append(d) or False)
    page = _page(window)
    page.calendar.select(date(2027, 7, 14))  # a day of the calendar chosen: not the start
    page.new_sprint_button.click()  # after the last sprint, « Août », from the button
    (offered,) = shown
    qtbot.addWidget(offered)
    assert (offered.start.value(), offered.end.value()) == (date(2027, 8, 9), date(2027, 8, 20))


def test_creating_a_sprint_refuses_bad_dates_and_overlaps_by_name(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = SprintDialog(window.workspace, None, date(2027, 7, 19), window)
    qtbot.addWidget(dialog)
    dialog.name.setText("Août")
    dialog.end.setDate(QDate(2027, 7, 1))
    dialog.accept()
    assert dialog.error.isVisibleTo(dialog) and "must come after its start" in dialog.error.text()
    dialog.end.setDate(QDate(2027, 7, 30))
    dialog.accept()
    assert "overlap the sprint “Juillet”" in dialog.error.text()
    assert dialog.name.text() == "Août"  # nothing typed is lost
    dialog.start.setDate(QDate(2027, 7, 26))
    dialog.end.setDate(QDate(2027, 8, 6))
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert window.sprint_model.rowCount() == 2
    window.actions.undo_action.trigger()
    assert window.sprint_model.rowCount() == 1


def test_clicking_an_empty_day_offers_to_create_and_a_ritual_is_edited_by_double_click(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(window)
    view = page.calendar
    offered: list[date] = []
    view.create_requested.connect(lambda day, _where: offered.append(day))
    monkeypatch.setattr(QMenu, "popup", lambda *_a: None)  # no window system to show it on
    cell = next(h for h in view.hits() if h.kind == "day" and h.day == date(2027, 7, 15))
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=cell.rect.center().toPoint())
    assert offered == [date(2027, 7, 15)] and view.selected == date(2027, 7, 15)
    choices = [a.text() for a in page.create_menu.actions() if not a.isSeparator()]
    assert choices == ["New ritual this day…", "New absence this day…", "New sprint from this day…"]
    dialog = CeremonyDialog(window.workspace, None, date(2027, 7, 15), window)
    qtbot.addWidget(dialog)
    assert dialog.sprint.currentText() == "Juillet"  # the sprint running that day
    dialog.kind.setCurrentIndex(dialog.kind.findData("refinement"))
    dialog.when.setDateTime(QDateTime(QDate(2027, 7, 15), QTime(14, 0)))
    dialog.location.setText("Salle Jura")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    view.repaint()
    entry = next(h for h in view.hits() if h.kind == "ceremony" and h.day == date(2027, 7, 15))
    shown: list[object] = []
    monkeypatch.setattr(CalendarPage, "_dialog", lambda _self, d: shown.append(d) or False)
    qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=entry.rect.center().toPoint())
    (editor,) = shown
    assert isinstance(editor, CeremonyDialog) and editor.ceremony_id == entry.id
    qtbot.addWidget(editor)
    assert editor.location.text() == "Salle Jura"
    editor.duration.setValue(90)
    editor.accept()
    minutes = window.workspace.read(lambda s: s.get(Ceremony, entry.id).duration_minutes)
    assert minutes == 90
    window.actions.undo_action.trigger()
    assert window.workspace.read(lambda s: s.get(Ceremony, entry.id).duration_minutes) == 60


def test_a_double_click_on_a_next_month_s_ritual_opens_that_ritual(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first click on a greyed day of the next month turns the page: the second one
    still opens the ritual clicked, not the one the new page shows at that place."""
    with window.workspace.session() as s:
        made = {
            day: rituals.save_ceremony(
                s,
                None,
                rituals.CeremonyInput("review", datetime.fromisoformat(f"{day}T14:00"), 60, None),
            )
            for day in ("2027-10-01", "2027-10-29")  # the same cell of September's and October's
        }
    view = _page(window).calendar
    view.select(date(2027, 9, 15))
    view.repaint()
    entry = next(h for h in view.hits() if h.kind == "ceremony" and h.day == date(2027, 10, 1))
    shown: list[object] = []
    monkeypatch.setattr(CalendarPage, "_dialog", lambda _self, d: shown.append(d) or False)
    at = entry.rect.center()
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=at.toPoint())
    view.repaint()  # October now, as a window system shows it before the second click
    assert view.selected == date(2027, 10, 1)
    button, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    second = QMouseEvent(
        QEvent.Type.MouseButtonDblClick, at, view.mapToGlobal(at), button, button, none
    )
    QApplication.sendEvent(view, second)
    (editor,) = shown
    qtbot.addWidget(editor)
    assert isinstance(editor, CeremonyDialog)
    assert editor.ceremony_id == made["2027-10-01"] != made["2027-10-29"]


def test_keyboard_moves_through_days_and_months(window: MainWindow, qtbot: QtBot) -> None:
    view = _page(window).calendar
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.selected == date(2027, 7, 22)
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.selected == date(2027, 8, 22)
    assert _page(window).title.text().startswith("August 2027")
    _page(window).week_button.click()
    assert view.visible_range() == (date(2027, 8, 16), date(2027, 8, 22))
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert view.selected == date(2027, 8, 15)


def test_a_new_plan_continues_the_chosen_teams_series(window: MainWindow, qtbot: QtBot) -> None:
    """Its names, length, focus, members, ritual times and places, from the Monday after
    its last sprint; another team chosen, that team's series."""
    with window.workspace.session() as s:
        lea = s.scalar(select(Person.id).where(Person.name == "Léa Dubois"))
        people.create_person(s, people.PersonInput("Émilie Fournier"))
        plateforme = sprints.create_sprint(
            s,
            sprints.SprintInput(
                "Plateforme S14", "2027-08-02", "2027-08-06", team="Plateforme",
                focus_factor=0.7, member_ids=[lea],
            ),
        )  # fmt: skip
        for kind, day, at, minutes, place in (
            ("planning", "02", "09:30", 90, "Salle Jura"),
            ("daily", "03", "09:00", 20, "Open space"),
            ("review", "06", "16:00", 60, ""),
            ("retro", "06", "17:00", 45, ""),
        ):
            at = datetime.fromisoformat(f"2027-08-{day}T{at}")
            rituals.save_ceremony(
                s, None, rituals.CeremonyInput(kind, at, minutes, plateforme, location=place)
            )
        sprints.create_sprint(s, sprints.SprintInput("Sprint 2027-31", "2027-08-02", "2027-08-13"))
    cadence = CadenceDialog(window.workspace, window)
    qtbot.addWidget(cadence)
    assert cadence.team.currentText() == ""  # the last sprint's team
    assert cadence.team.lineEdit().placeholderText() == "None: the workspace's one team"
    assert (cadence.start.value(), cadence.weeks.value()) == (date(2027, 8, 16), 2)
    assert cadence.pattern.text() == "Sprint {year}-{week}"
    assert not cadence.first_number.isEnabled()  # the names count weeks
    cadence.team.setCurrentIndex(cadence.team.findText("Plateforme"))  # picked in the list
    assert (cadence.start.value(), cadence.weeks.value()) == (date(2027, 8, 9), 1)
    assert (cadence.pattern.text(), cadence.first_number.value()) == ("Plateforme S{n}", 15)
    assert cadence.first_number.isEnabled()
    assert cadence.focus.value() == pytest.approx(0.7)
    assert cadence.checked(cadence.members) == [lea]
    names = [cadence.members.item(i).text() for i in range(cadence.members.count())]
    assert names == ["Émilie Fournier", "Léa Dubois", "Marc Petit"]  # not É after M
    assert (cadence.daily.value(), cadence.daily_minutes.value()) == (time(9, 0), 20)
    assert cadence.review.value() == time(16, 0)
    cadence.count.setValue(2)
    cadence.accept()
    with window.workspace.session() as s:
        made = s.scalars(select(Sprint.name).where(Sprint.team == "Plateforme")).all()
        s15 = s.scalar(select(Sprint.id).where(Sprint.name == "Plateforme S15"))
        held = s.execute(
            select(Ceremony.kind, Ceremony.starts_at, Ceremony.duration_minutes, Ceremony.location)
            .where(Ceremony.sprint_id == s15, Ceremony.kind != "daily")
            .order_by(Ceremony.starts_at)
        ).all()
        daily = s.scalars(select(Ceremony.location).where(Ceremony.sprint_id == s15)).all()
    assert sorted(made) == ["Plateforme S14", "Plateforme S15", "Plateforme S16"]
    assert [tuple(row) for row in held] == [
        ("planning", datetime(2027, 8, 9, 9, 30), 90, "Salle Jura"),
        ("review", datetime(2027, 8, 13, 16, 0), 60, ""),
        ("retro", datetime(2027, 8, 13, 17, 0), 45, ""),  # as long after the review
    ]
    assert "Open space" in daily
    typed = CadenceDialog(window.workspace, window)  # a new team's name, letter by letter
    qtbot.addWidget(typed)
    typed.team.setCurrentText("É")
    assert (typed.pattern.text(), typed.first_number.isEnabled()) == ("É {n}", True)
    assert typed.checked(typed.members) == []  # a new team's members: to choose
    typed.members.item(0).setCheckState(Qt.CheckState.Checked)
    typed.team.setCurrentText("Équipe ERP")
    assert typed.members.item(0).checkState() == Qt.CheckState.Checked  # kept
    assert typed.pattern.text() == "Équipe ERP {n}"  # its own series, from 1
    assert typed.first_number.value() == 1
    typed.pattern.setText("Plateforme S{n}")  # another team's series goes on after it
    assert typed.first_number.value() == 17
    typed.pattern.setText("ERP {n}")  # a series of its own starts at 1
    assert typed.first_number.value() == 1
    typed.first_number.setValue(5)  # set by hand: names typed afterwards keep it
    typed.pattern.setText("ERP S{n}")
    assert typed.first_number.value() == 5
    typed.count.setValue(2)
    typed.accept()
    with window.workspace.session() as s:
        made = s.scalars(select(Sprint.name).where(Sprint.team == "Équipe ERP")).all()
    assert sorted(made) == ["ERP S5", "ERP S6"]
    again = CadenceDialog(window.workspace, window)
    qtbot.addWidget(again)
    again.team.setCurrentText("")
    again.count.setValue(2)
    again.accept()
    with window.workspace.session() as s:
        made = s.scalars(select(Sprint.name).where(Sprint.name.like("Sprint 2027-%"))).all()
    assert sorted(made) == ["Sprint 2027-31", "Sprint 2027-33", "Sprint 2027-35"]


def test_plan_start_and_close_sprints_from_the_page(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    cadence = CadenceDialog(window.workspace, window)
    qtbot.addWidget(cadence)
    assert cadence.start.date() == QDate(2027, 7, 26)  # the Monday after the last sprint
    cadence.count.setValue(2)
    cadence.accept()
    assert window.sprint_model.rowCount() == 3
    juillet = _sprint_id(window, "Juillet")
    window.needs.plan([1, 2], juillet)
    page = _page(window)
    page.select_sprint(juillet)
    assert page.start_button.isEnabled() and not page.close_button.isEnabled()
    page.start_button.click()
    assert page.close_button.isEnabled()
    with window.workspace.session() as s:
        late = needs.create_need(s, needs.NeedInput("Urgent", "Défi", 1, points=2))
    window.needs.plan([late], juillet)  # type: ignore[list-item]
    assert "Added since the start: 1 need, 2 points." in page.load.text()
    window.needs.plan([late], None)  # type: ignore[list-item]
    closing = CloseSprintDialog(window.workspace, juillet, window)
    qtbot.addWidget(closing)
    assert set(closing.combos) == {1, 2}
    closing.combos[2].setCurrentIndex(closing.combos[2].findData(sprints.BACKLOG))
    closing.accept()
    rows = {r.id: r.sprint_id for r in window.need_rows}
    following = _sprint_id(window, "Sprint 1")  # the first numbered sprint after « Juillet »
    assert rows == {1: following, 2: None, 3: None}  # 3 left the sprint before its close
    # Closed, neither need done: the list and the panel keep its 8 points committed (they
    # read the 0 points left in it) beside the velocity, with no forecast to weigh.
    row = page.model.row_at(page.model.row_of(juillet))
    assert (row.state, row.shown_points, row.velocity) == ("closed", 8.0, 0.0)
    page.select_sprint(juillet)
    assert page.load.text() == "Closed: 8 points committed, 0 done (its velocity)."
    path = page.export_ics(tmp_path / "sprints.ics")
    assert path is not None and path.read_bytes().count(b"BEGIN:VEVENT") > 10


def test_month_view_marks_holidays_absences_and_today(window: MainWindow) -> None:
    with window.workspace.session() as s:
        rituals.save_absence(s, None, rituals.AbsenceInput(1, "2027-07-15", "2027-07-16", "Congés"))
    window.workspace.changed_elsewhere()
    view = _page(window).calendar
    assert view.items.holidays[date(2027, 7, 14)] == "National Day"
    view.repaint()
    absences = [h.day for h in view.hits() if h.kind == "absence"]
    assert absences == [date(2027, 7, 15), date(2027, 7, 16)]
    bands = {h.id for h in view.hits() if h.kind == "sprint"}
    assert bands == {_sprint_id(window, "Juillet")}
    assert view.mode == CalendarView.MONTH


def test_the_review_pack_is_exported_for_the_selected_sprint(
    window: MainWindow, tmp_path: Path, feedback: FakeFeedback
) -> None:
    from pypdf import PdfReader

    page = _page(window)
    page.select_sprint(_sprint_id(window, "Juillet"))
    path = page.export_pack(tmp_path / "revue.pdf", open_it=False)
    assert path is not None
    text = "".join(p.extract_text() for p in PdfReader(path).pages)
    assert "Sprint review" in text and "Juillet" in text
    assert page.export_pack(tmp_path / "missing" / "revue.pdf", open_it=False) is None
    assert feedback.warnings and "Cannot write" in feedback.warnings[0]  # said, not crashed


def test_a_click_on_a_sprint_band_selects_the_day_clicked_and_the_sprint_stays_chosen(
    window: MainWindow, qtbot: QtBot
) -> None:
    page = _page(window)
    with window.workspace.session() as s:
        sprints.create_sprint(s, sprints.SprintInput("Août", "2027-08-02", "2027-08-13"))
    window.workspace.changed_elsewhere()
    view = page.calendar
    view.repaint()
    cell = next(h for h in view.hits() if h.kind == "day" and h.day == date(2027, 7, 21))
    band = next(  # Juillet's band in the week of the 21st (it started on the 12th)
        h
        for h in view.hits()
        if h.kind == "sprint" and cell.rect.top() <= h.rect.top() <= cell.rect.bottom()
    )
    where = band.rect.center()
    where.setX(cell.rect.center().x())  # on the band, in the column of Wednesday 21
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=where.toPoint())
    assert view.selected == date(2027, 7, 21)  # not the sprint's first day
    august = _sprint_id(window, "Août")
    page.select_sprint(august)
    window.needs.plan([1], august)  # any change reloads the list of sprints
    assert page.current_sprint_id() == august and page.capacity.name == "Août"  # type: ignore[union-attr]


def test_a_ritual_or_an_absence_opens_its_dialog_from_the_calendar(
    window: MainWindow, db: Database, feedback: FakeFeedback
) -> None:
    with db.session() as s:
        absence = rituals.save_absence(s, None, rituals.AbsenceInput(1, "2027-07-15", "2027-07-16"))
        review = rituals.save_ceremony(
            s, None, rituals.CeremonyInput("review", datetime(2027, 7, 22, 14))
        )
    page = _page(window)
    page.calendar.ceremony_activated.emit(review)  # a double click on the ritual
    page.calendar.absence_activated.emit(absence)
    page.new_ceremony(date(2027, 7, 14))  # the day's menu
    page.new_absence(date(2027, 7, 14))
    assert [shown.title for shown in feedback.shown if shown.kind == "dialog"] == [
        "Edit ritual",
        "Edit absence",
        "New ritual",
        "New absence",
    ]


def test_hovering_a_holiday_names_it_in_a_tooltip(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QToolTip, "showText", lambda _pos, tip, *_a: shown.append(tip))
    view = _page(window).calendar
    view.repaint()
    day = next(h for h in view.hits() if h.kind == "day" and h.day == date(2027, 7, 14))
    at = day.rect.center()
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        at,
        view.mapToGlobal(at),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view, move)
    assert shown == ["<qt>National Day</qt>"]  # as plain text, never as markup


def test_the_sprint_chosen_stays_chosen_when_a_ritual_or_a_sprint_changes(
    window: MainWindow,
) -> None:
    page = _page(window)
    with window.workspace.session() as s:
        sprints.create_sprint(s, sprints.SprintInput("Août", "2027-08-02", "2027-08-13"))
    window.workspace.changed_elsewhere()
    august = _sprint_id(window, "Août")
    page.select_sprint(august)
    ritual = rituals.CeremonyInput("review", datetime(2027, 8, 12, 14, 0), sprint_id=august)
    window.host.perform("Nouveau rituel", lambda s: rituals.save_ceremony(s, None, ritual))
    assert page.current_sprint_id() == august
    window.workspace.undo_stack.undo()
    assert page.current_sprint_id() == august
    window.workspace.undo_stack.redo()
    assert page.current_sprint_id() == august and page.capacity.name == "Août"  # type: ignore[union-attr]


def test_at_the_window_s_smallest_the_sprint_panel_fits_beside_the_month(
    window: MainWindow, qtbot: QtBot
) -> None:
    """At 900×560 the panel's buttons wrap and its details scroll: in one row they held it
    wider than the room left, and the month covered its left edge (« veau sprint… »)."""
    window.resize(window.minimumSize())
    page = _page(window)
    qtbot.waitUntil(lambda: page.width() <= 900)
    assert page.minimumSizeHint().width() <= page.width()
    month, panel = page.calendar.geometry(), page.side_splitter.geometry()
    assert month.right() < panel.left() and panel.right() < page.width()
    for button in (page.new_sprint_button, page.ics_button, page.delete_button, page.pack_button):
        assert button.width() >= button.minimumSizeHint().width()  # whole, wrapped if need be


def test_a_right_click_on_a_day_with_rituals_offers_an_absence_that_day(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every sprint working day has its daily, so a left click there opens nothing to
    create: a right-click on the day, or on its ritual, or the menu key, offers a new
    ritual, absence or sprint that day (an absence could only go on an empty day)."""
    page = _page(window)
    view = page.calendar
    day = date(2027, 7, 15)
    window.workspace.perform(
        "Mêlée",
        lambda s: rituals.save_ceremony(
            s, None, rituals.CeremonyInput("daily", datetime(2027, 7, 15, 9, 15), 15)
        ),
    )
    view.repaint()
    entry = next(h for h in view.hits() if h.kind == "ceremony" and h.day == day)
    offered: list[date] = []
    view.create_requested.connect(lambda chosen, _where: offered.append(chosen))
    monkeypatch.setattr(QMenu, "popup", lambda *_a: None)
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=entry.rect.center().toPoint())
    assert offered == []  # a left click on a ritual selects it, as before
    for reason, pos in (
        (QContextMenuEvent.Reason.Mouse, entry.rect.center().toPoint()),
        (QContextMenuEvent.Reason.Keyboard, view.rect().center()),
    ):
        QApplication.sendEvent(view, QContextMenuEvent(reason, pos, view.mapToGlobal(pos)))
    assert offered == [day, day]
    choices = [a.text() for a in page.create_menu.actions() if not a.isSeparator()]
    assert "New absence this day…" in choices


def test_a_new_ritual_lasts_what_its_kind_usually_does_until_a_length_is_typed(
    window: MainWindow, qtbot: QtBot
) -> None:
    """A daily picked in a new ritual became a 60-minute one (the backlog refinement's)."""
    dialog = CeremonyDialog(window.workspace, None, date(2027, 7, 15), window)
    qtbot.addWidget(dialog)
    assert dialog.duration.value() == 60  # a refinement, first in the list
    dialog.kind.setCurrentIndex(dialog.kind.findData("daily"))
    assert dialog.duration.value() == 15
    dialog.kind.setCurrentIndex(dialog.kind.findData("planning"))
    assert dialog.duration.value() == 120
    dialog.duration.setValue(45)  # typed: kept whatever the kind
    dialog.kind.setCurrentIndex(dialog.kind.findData("daily"))
    assert dialog.duration.value() == 45


def test_need_actions_with_no_need_selected_say_so(window: MainWindow) -> None:
    """On the calendar nothing is selected: Edit ▸ Edit need (Ctrl+E), Delete and
    Archive said nothing and did nothing; now the status bar says what to do first."""
    for action in (window.actions.edit_action, window.actions.delete_action):
        window.statusBar().clearMessage()
        action.trigger()
        assert window.statusBar().currentMessage().startswith("Select a need first")


def test_the_length_of_a_plan_reads_in_weeks_singular_or_plural(
    window: MainWindow, app: QApplication, qtbot: QtBot
) -> None:
    """« 1 semaine », « 2 semaines » (« 1 semaines » before)."""
    assert install_translators(app, "fr")
    try:
        cadence = CadenceDialog(window.workspace, window)
        qtbot.addWidget(cadence)
        cadence.weeks.setValue(1)
        assert cadence.weeks.text() == "1 semaine"
        cadence.weeks.setValue(3)
        assert cadence.weeks.text() == "3 semaines"
    finally:
        install_translators(app, "en")
    english = CadenceDialog(window.workspace, window)
    qtbot.addWidget(english)
    english.weeks.setValue(1)
    assert english.weeks.text() == "1 week"


def test_two_teams_rituals_say_whose_they_are(window: MainWindow) -> None:
    """Two « 09:30 Mêlée » a morning once a second team plans sprints: each says its
    team (its sprint's name for the unnamed team); with one team, nothing is added."""
    view = _page(window).calendar
    day = date(2027, 7, 14)
    juillet = _sprint_id(window, "Juillet")
    with window.workspace.session() as s:
        at = datetime(2027, 7, 14, 9, 30)
        rituals.save_ceremony(s, None, rituals.CeremonyInput("daily", at, 15, juillet))
    window.calendar.refresh(juillet)
    assert [text for _k, _i, text, _c in view._entries_of(day)] == ["09:30 Daily"]
    with window.workspace.session() as s:
        erp = sprints.create_sprint(
            s, sprints.SprintInput("ERP 1", "2027-07-12", "2027-07-23", team="ERP")
        )
        at = datetime(2027, 7, 14, 9, 15)
        rituals.save_ceremony(s, None, rituals.CeremonyInput("daily", at, 15, erp))
        at, titled = datetime(2027, 7, 14, 14, 0), "Revue — Juillet"  # says it already
        rituals.save_ceremony(s, None, rituals.CeremonyInput("review", at, 60, juillet, titled))
    window.calendar.refresh(juillet)
    assert [text for _k, _i, text, _c in view._entries_of(day)] == [
        "09:15 Daily · ERP",
        "09:30 Daily · Juillet",
        "14:00 Review · Juillet",  # its title says it, but a month cell shows the kind
    ]
    review = next(c for c in view.items.ceremonies if c.kind == "review")
    assert view.items.whose(review, review.title) == ""  # the week, the tooltip: said once
