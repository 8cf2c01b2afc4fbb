"""What a product owner met in a real week with the app, one test per finding.

Each test drives the window as a person does (keys, clicks, menus) and fails on the
version before the fix. Every menu action and every screen size are covered apart, in
test_every_action.py and test_layout.py.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from helpers.fakes import FakeFeedback
from helpers.keys import type_text
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from po_desktop.store import queries
from po_desktop.store.database import Database, open_database
from po_desktop.store.models import Project, Sprint
from po_desktop.store.services import needs, people, projects, scoring, sprints
from po_desktop.store.services import workspace as workspace_service
from po_desktop.ui import screen
from po_desktop.ui.app import create_application
from po_desktop.ui.calendar.cadence_dialog import CadenceDialog
from po_desktop.ui.calendar.dialogs import CloseSprintDialog, SprintDialog
from po_desktop.ui.main_window import MainWindow
from po_desktop.ui.need_dialog import NeedDialog
from po_desktop.ui.settings import Settings
from po_desktop.ui.workspace import Workspace
from po_desktop.ui.workspace_dialogs import ProjectsDialog


@pytest.fixture
def seeded(db: Database) -> Database:
    with db.session() as s:
        erp = projects.create_project(s, projects.ProjectInput("ERP", "Déploiement ERP"))
        people.create_person(s, people.PersonInput("Léa Martin", "Développeuse", "IT"))
        titles = ["Congés payés", "Relances de factures", "Paie mensuelle", "Congés RTT"]
        for title in titles:
            needs.create_need(s, needs.NeedInput(title, f"Défi : {title}", erp.id, points=2))
    return db


@pytest.fixture
def window(app: QApplication, seeded: Database, qtbot: QtBot, tmp_path: Path) -> MainWindow:
    win = MainWindow(Workspace(seeded), settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    win.resize(1366, 728)
    win.show()
    return win


def _keys(window: MainWindow) -> list[str]:
    return [row.key for cell in window.board.model.cells() for row in cell.rows()]


# 2 --------------------------------------------------------------------------------------
def test_the_scoring_form_gets_room_on_a_laptop(window: MainWindow) -> None:
    """The ranking pane refused to shrink below ~1,000 px: its filter bar was one row."""
    window.tabs.setCurrentIndex(MainWindow.SCORING)
    left = window.scoring.splitter.widget(0)
    assert left.minimumSizeHint().width() < 600
    window.scoring.splitter.setSizes([640, 726])
    QApplication.processEvents()
    assert window.scoring.form.width() >= 600
    # The filter bar wrapped instead: every filter is still there, and visible.
    combos = window.scoring.filters.combos
    assert all(c.isVisible() and c.width() >= c.minimumSizeHint().width() for c in combos)
    assert len({c.y() for c in combos}) > 1  # on two lines


# 3 --------------------------------------------------------------------------------------
def test_the_rank_the_form_announces_is_the_rank_the_table_shows_once_saved(
    window: MainWindow,
) -> None:
    """Ties: same score, a decision further along first, then the older need."""
    with window.workspace.session() as s:
        for need_id, decision in ((2, "go"), (3, "explore")):
            scoring.assess_need(
                s,
                need_id,
                scoring.AssessmentInput(
                    {"relevance": "3", "investment": "3", "time": "3", "resources": "3"},
                    decision,
                    "pour comparer" if decision != "go" else "",
                ),
            )
    window.workspace.changed_elsewhere()
    window.tabs.setCurrentIndex(MainWindow.SCORING)
    page = window.scoring
    page.list.select_need(4)  # the newest need: it loses every tie on age
    form = page.form
    for edit in form.inputs.values():
        edit.setText("3")  # the very score of needs 2 and 3
    form.decision.setCurrentIndex(form.decision.findData("go"))
    announced = form.score_label.text()
    assert "rank 2 of 3" in announced  # behind the older "go", before the "explore"
    assert form.save()
    ranked = {
        r.id: page.model.data(page.model.index(i, page.model.RANK))
        for i, r in enumerate(page.model.rows())
    }
    assert ranked[4] == "2"


# 5 --------------------------------------------------------------------------------------
def _select_all_and_type(widget: QWidget, text: str) -> None:
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(widget, text)


def test_a_date_typed_in_full_is_taken_as_typed(window: MainWindow, qtbot: QtBot) -> None:
    dialog = SprintDialog(window.workspace, None, date(2026, 12, 14), window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("Sprint de janvier")
    _select_all_and_type(dialog.start, "04/01/2027")
    _select_all_and_type(dialog.end, "15/1/27")  # the short forms people type too
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    stored = window.workspace.read(
        lambda s: s.scalar(select(Sprint).where(Sprint.name == "Sprint de janvier"))
    )
    assert (stored.start_date, stored.end_date) == (date(2027, 1, 4), date(2027, 1, 15))


def test_a_date_that_cannot_be_read_is_refused_never_replaced(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = SprintDialog(window.workspace, None, date(2026, 12, 14), window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("Sprint 9999")
    _select_all_and_type(dialog.end, "31/12/9999")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "31/12/9999" in dialog.error.text() and dialog.focusWidget() is dialog.end
    assert window.workspace.read(lambda s: s.scalar(select(Sprint.id))) is None


def test_a_time_typed_in_full_is_taken_as_typed(window: MainWindow, qtbot: QtBot) -> None:
    dialog = CadenceDialog(window.workspace, window)
    qtbot.addWidget(dialog)
    dialog.show()
    _select_all_and_type(dialog.daily, "9h15")
    _select_all_and_type(dialog.review, "14:30")
    assert (dialog.daily.time().hour(), dialog.daily.time().minute()) == (9, 15)
    assert (dialog.review.time().hour(), dialog.review.time().minute()) == (14, 30)


# 6 --------------------------------------------------------------------------------------
@pytest.fixture
def sprint_to_close(window: MainWindow) -> int:
    monday = date.today() - timedelta(days=date.today().weekday())
    with window.workspace.session() as s:
        sprint = _new_sprint(s, "Sprint en cours", monday)
        _new_sprint(s, "Sprint suivant", monday + timedelta(days=14))
        needs.plan_needs(s, [1, 2, 3], sprint)
        sprints.start_sprint(s, sprint)
    window.workspace.changed_elsewhere()
    return sprint


def _new_sprint(session: Session, name: str, start: date) -> int:
    sprints.create_sprint(session, sprints.SprintInput(name, start, start + timedelta(days=11)))
    return session.scalar(select(Sprint.id).where(Sprint.name == name))  # type: ignore[return-value]


def test_closing_a_sprint_shows_where_each_need_goes_and_sends_all_at_once(
    window: MainWindow, qtbot: QtBot, sprint_to_close: int
) -> None:
    with screen.pretend(QSize(1366, 728)):
        dialog = CloseSprintDialog(window.workspace, sprint_to_close, window)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    table = dialog.table
    goes_to = table.horizontalHeader().sectionViewportPosition(0)
    assert goes_to >= 0 and goes_to + table.columnWidth(0) <= table.viewport().width()
    assert set(dialog.choices().values()) == {sprints.NEXT}
    dialog.send_all(sprints.BACKLOG)
    assert set(dialog.choices().values()) == {sprints.BACKLOG}
    dialog.accept()
    planned = window.workspace.read(
        lambda s: [n.sprint_id for n in (needs.find_need(s, i) for i in (1, 2, 3))]
    )
    assert planned == [None, None, None]


# 7 --------------------------------------------------------------------------------------
def test_a_corrected_value_clears_its_message_once_saved(window: MainWindow, qtbot: QtBot) -> None:
    dialog = ProjectsDialog(window.workspace, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start_new()
    dialog.code.setText("R&D!")
    dialog.name.setText("Recherche")
    assert not dialog.save()
    assert dialog.error.isVisible()
    dialog.code.setText("RD")
    assert dialog.save()
    assert not dialog.error.isVisible()


# 8 --------------------------------------------------------------------------------------
def test_empty_future_sprints_do_not_say_a_project_is_losing_ground(
    window: MainWindow, sprint_to_close: int
) -> None:
    window.tabs.setCurrentIndex(MainWindow.CALENDAR)
    window.calendar.refresh()
    portfolio = window.calendar.portfolio
    rows = [portfolio.verticalHeaderItem(r).text() for r in range(portfolio.rowCount())]
    upcoming = rows.index("Sprint suivant")  # nothing planned in it yet
    cells = [portfolio.item(upcoming, c) for c in range(portfolio.columnCount())]
    assert all("▼" not in c.text() for c in cells)
    assert cells[0].toolTip() == "Nothing planned in this sprint yet"


# 9 --------------------------------------------------------------------------------------
def test_f8_from_the_search_box_opens_the_next_unscored_need_ready_to_score(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.search.setFocus()
    type_text(window.search, "Paie")
    QTest.keyClick(window.search, Qt.Key.Key_F8)
    assert window.tabs.currentIndex() == MainWindow.SCORING
    form = window.scoring.form
    assert form.heading.text().startswith("ERP-3")
    first = next(iter(form.inputs.values()))
    qtbot.waitUntil(first.hasFocus)
    assert form.scroll_area.verticalScrollBar().value() == 0  # the problem statement in sight
    assert window.actions.next_unscored_action.shortcut() == QKeySequence("F8")


# 10 -------------------------------------------------------------------------------------
def test_a_filter_kept_from_last_time_says_so_and_clears_in_one_click(
    seeded: Database, qtbot: QtBot, tmp_path: Path, app: QApplication
) -> None:
    settings = Settings(tmp_path / "settings.ini")
    first = MainWindow(Workspace(seeded), settings=settings)
    qtbot.addWidget(first)
    first.search.setText("congés")
    first.close()  # the search is kept for next time
    again = MainWindow(Workspace(open_database(seeded.path)), settings=settings)
    qtbot.addWidget(again)
    again.show()
    assert again.search.text() == "congés"
    bar = again.filter_bar
    assert bar.isVisible()
    assert "needs shown: 2 of 4" in bar.label.text() and "congés" in bar.label.text()
    (show_all,) = bar.buttons
    show_all.click()
    assert again.search.text() == "" and len(_keys(again)) == 4
    assert not bar.isVisible()


def test_a_search_is_kept_once_typing_pauses_not_at_every_keystroke(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    """Keeping the search wrote the settings file to disk between each keystroke and its
    repaint (5 to 15 ms a key); it is kept after a pause in typing, and at once on close."""
    settings_file = tmp_path / "settings.ini"

    def on_disk() -> str:
        return settings_file.read_text(encoding="utf-8") if settings_file.exists() else ""

    window.search.setFocus()
    type_text(window.search, "Paie")
    for _ in range(5):
        QApplication.processEvents()
    assert len(_keys(window)) == 1  # filtered at once
    assert "Paie" not in on_disk()
    qtbot.waitUntil(lambda: "Paie" in on_disk(), timeout=5000)


def test_the_filtered_view_button_keeps_the_focus_when_the_count_changes(
    window: MainWindow, qtbot: QtBot
) -> None:
    """The bar made its "Show all needs" button anew on every refresh: a user on it lost
    the focus when a change elsewhere updated the count."""
    window.search.setText("Congés")
    qtbot.waitUntil(lambda: len(_keys(window)) == 2)
    (show_all,) = window.filter_bar.buttons
    window.activateWindow()
    show_all.setFocus()
    qtbot.waitUntil(show_all.hasFocus)
    congés = next(row.id for cell in window.board.model.cells() for row in cell.rows())
    window.needs.delete([congés])
    assert "needs shown: 1 of 3" in window.filter_bar.label.text()
    assert window.filter_bar.buttons == [show_all]
    assert show_all.hasFocus()


def test_show_all_needs_empties_the_search_box_and_its_clear_button_goes(
    window: MainWindow, qtbot: QtBot
) -> None:
    """The box was emptied with its signals blocked: its ⊗ stayed in an empty box."""
    from PySide6.QtWidgets import QToolButton

    window.search.setText("Congés")
    qtbot.waitUntil(lambda: len(_keys(window)) == 2)
    clear = window.search.findChild(QToolButton)
    assert clear is not None
    qtbot.waitUntil(clear.isVisible)
    (show_all,) = window.filter_bar.buttons
    show_all.click()
    assert window.search.text() == "" and len(_keys(window)) == 4
    qtbot.waitUntil(lambda: not clear.isVisible(), timeout=2000)


# 11 -------------------------------------------------------------------------------------
def test_the_toolbar_does_not_move_after_an_action(window: MainWindow) -> None:
    before = window.actions.undo_button.text()
    window.needs.delete([1])
    assert window.actions.undo_button.text() == before == "Undo"
    assert "Delete" in window.actions.undo_button.toolTip()  # what it would undo, on hover
    assert "Delete" in window.actions.undo_action.text()  # and in the Edit menu


# 14 -------------------------------------------------------------------------------------
def test_ctrl_y_redoes_on_every_platform(window: MainWindow) -> None:
    assert QKeySequence("Ctrl+Y") in window.actions.redo_action.shortcuts()


def test_the_english_points_hint_uses_a_decimal_point(window: MainWindow, qtbot: QtBot) -> None:
    dialog = NeedDialog(window.workspace, parent=window)
    qtbot.addWidget(dialog)
    assert "0.5" in dialog.points.placeholderText()


def test_french_wording_reads_as_french(window: MainWindow, qtbot: QtBot) -> None:
    from po_desktop.ui.preferences_dialog import PreferencesDialog

    create_application("fr")
    try:
        cadence = CadenceDialog(window.workspace, window)
        preferences = PreferencesDialog(window.settings, window.workspace, window)
        qtbot.addWidget(cadence)
        qtbot.addWidget(preferences)
        texts = [label.text() for d in (cadence, preferences) for label in d.findChildren(QLabel)]
        joined = "\n".join(texts)
        assert "Rien les jours fériés" not in joined and "planifient avec." not in joined
        assert "Aucun rituel les jours fériés" in joined
    finally:
        create_application("en")


# 13 -------------------------------------------------------------------------------------
def test_a_holiday_name_is_drawn_whole(window: MainWindow) -> None:
    window.tabs.setCurrentIndex(MainWindow.CALENDAR)
    view = window.calendar.calendar
    view.select(date(2027, 1, 1))
    QApplication.processEvents()
    image = view.grab().toImage()
    cell = next(h.rect for h in view.hits() if h.kind == "day" and h.day == date(2027, 1, 1))
    red = QColor("#B71C1C")
    columns = [
        x
        for x in range(int(cell.left()), int(cell.right()))
        for y in range(int(cell.top()), int(cell.top()) + 24)
        if _close(QColor(image.pixel(x, y)), red)
    ]
    assert columns, "no holiday name drawn"
    drawn = max(columns) - min(columns) + 1
    whole = QFontMetrics(view._small()).tightBoundingRect("Jour de l'an").width()
    assert drawn >= whole - 1  # no letter cut off ("lour de l'an")


def _close(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 120


# 15 -------------------------------------------------------------------------------------
def test_a_pack_no_viewer_can_open_says_where_it_is(
    window: MainWindow, feedback: FakeFeedback, tmp_path: Path, sprint_to_close: int
) -> None:
    feedback.can_open = False
    feedback.answers = [True]  # open its folder
    window.tabs.setCurrentIndex(MainWindow.CALENDAR)
    window.calendar.select_sprint(sprint_to_close)
    path = window.calendar.export_pack(tmp_path / "revue.pdf")
    assert path is not None and path.exists()
    assert str(path) in feedback.questions[0]
    assert feedback.opened == [path, tmp_path]


# Guardrails -----------------------------------------------------------------------------
def test_deleting_several_needs_asks_first(window: MainWindow, feedback: FakeFeedback) -> None:
    feedback.answers = [False]
    window.needs.delete([1, 2])
    assert "ERP-1, ERP-2" in feedback.questions[0]
    assert len(_keys(window)) == 4  # "no": nothing deleted
    feedback.answers = [True]
    window.needs.delete([1, 2])
    assert len(_keys(window)) == 2


def test_deleting_one_need_offers_undo_in_a_notification(
    window: MainWindow, feedback: FakeFeedback
) -> None:
    window.needs.delete([3])
    assert not feedback.questions  # one need: no question, Undo at hand instead
    bar = window.notice_bar
    assert bar.isVisible() and bar.label.text() == "ERP-3 deleted."
    (undo,) = bar.buttons
    undo.click()
    assert "ERP-3" in _keys(window) and not bar.isVisible()


def test_a_notification_goes_once_its_action_is_undone_another_way(
    window: MainWindow, feedback: FakeFeedback
) -> None:
    """Undone by Ctrl+Z or Edit ▸ Undo, the action the bar reports no longer holds: the
    bar goes, rather than say "ERP-3 deleted." beside the need with an Undo for it."""
    bar = window.notice_bar
    window.needs.delete([3])
    assert bar.isVisible() and bar.label.text() == "ERP-3 deleted."
    window.actions.undo_action.trigger()
    assert "ERP-3" in _keys(window) and not bar.isVisible()
    window.actions.redo_action.trigger()
    window.needs.delete([4])
    assert bar.isVisible() and bar.label.text() == "ERP-4 deleted."
    window.actions.undo_action.trigger()  # ERP-4 back: its notice goes
    assert not bar.isVisible()
    window.actions.undo_action.trigger()  # ERP-3 back: no notice to close, none comes back
    assert {"ERP-3", "ERP-4"} <= set(_keys(window)) and not bar.isVisible()


def test_the_notification_undo_never_undoes_a_later_action(
    window: MainWindow, feedback: FakeFeedback
) -> None:
    window.needs.delete([3])
    (undo,) = window.notice_bar.buttons
    window.needs.delete([4])  # another action since: a new notice...
    window.notice_bar.show_message("older", [("Undo", lambda: None)])
    window.needs.delete([2])
    stack = window.workspace.undo_stack
    count = stack.index()
    undo.click()  # the first notice's button, kept by a slow click
    assert stack.index() == count  # nothing undone behind the user's back


def test_starting_a_sprint_over_its_forecast_asks(
    window: MainWindow, feedback: FakeFeedback
) -> None:
    monday = date.today() - timedelta(days=date.today().weekday())
    with window.workspace.session() as s:
        past = _new_sprint(s, "Passé", monday - timedelta(days=28))
        needs.plan_needs(s, [1], past)
        sprints.start_sprint(s, past)
        done = next(c.id for c in queries.columns(s) if c.is_done)
        needs.move_needs(s, [1], done)  # 2 points done: a forecast of 2
        sprints.close_sprint(s, past, sprints.BACKLOG, {})
        upcoming = _new_sprint(s, "Trop chargé", monday)
        needs.plan_needs(s, [2, 3, 4], upcoming)
    window.workspace.changed_elsewhere()
    window.tabs.setCurrentIndex(MainWindow.CALENDAR)
    window.calendar.select_sprint(upcoming)
    feedback.answers = [False]
    assert not window.calendar.start_sprint()
    assert "Trop chargé" in feedback.questions[0]
    feedback.answers = [True]
    assert window.calendar.start_sprint()


def test_a_new_workspace_guides_its_first_steps(
    app: QApplication, db: Database, qtbot: QtBot, tmp_path: Path, feedback: FakeFeedback
) -> None:
    window = MainWindow(Workspace(db), settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.show()
    assert window.board_stack.currentWidget() is window.welcome

    # The first need creates its project on the way, with a colour of its own.
    def fill_project(dialog: QWidget) -> bool:
        assert isinstance(dialog, ProjectsDialog)
        dialog.code.setText("CRM")
        dialog.name.setText("Refonte CRM")
        return dialog.save()

    feedback.on_dialog = fill_project
    need = NeedDialog(window.workspace, parent=window)
    qtbot.addWidget(need)
    assert need.no_project.isVisibleTo(need)
    assert need.create_project()
    assert need.project.currentText() == "CRM — Refonte CRM"
    need.title.setText("Fiche client unique")
    need.problem.setPlainText("Les commerciaux ressaisissent les clients.")
    need.save()
    assert window.board_stack.currentWidget() is window.board

    with db.session() as s:
        second = projects.create_project(s, projects.ProjectInput("ERP", "ERP"))
        colours = [p.color for p in s.scalars(select(Project))]
    assert len(set(colours)) == 2 and second is not None

    window.welcome.region.setCurrentIndex(window.welcome.region.findData("57"))
    window.welcome.region.activated.emit(window.welcome.region.currentIndex())
    assert window.workspace.read(workspace_service.holiday_region) == "57"


def test_help_lists_the_keyboard_shortcuts(window: MainWindow, qtbot: QtBot) -> None:
    # A step on the stack: Undo's own text names it (« Undo Duplicate »), the list does not.
    need = window.need_rows[0]
    window.workspace.perform("Duplicate", lambda s: needs.duplicate_needs(s, [need.id]))
    assert window.actions.undo_action.text() != "&Undo"
    dialog = window.shortcuts_dialog()
    qtbot.addWidget(dialog)
    table = dialog.table
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Next unscored need"] == "F8"
    assert "Ctrl+Y" in rows["Redo"] and rows["New need"] == "Ctrl+N"
    assert rows["Undo"] == "Ctrl+Z" and not any(name.startswith("Undo ") for name in rows)
    assert "Move to next column" in rows
