"""The main window as a user drives it: create, edit, filter, delete, undo."""

from __future__ import annotations

import linecache
import traceback
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.fakes import FakeFeedback
from helpers.keys import type_text
from helpers.undo import need_state
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker

from po_desktop import paths
from po_desktop.store import queries
from po_desktop.store.database import Database
from po_desktop.store.queries import NeedRow
from po_desktop.store.services import needs, people, projects
from po_desktop.ui import views
from po_desktop.ui.feedback import Unsaved
from po_desktop.ui.i18n import install_translators
from po_desktop.ui.main_window import MainWindow
from po_desktop.ui.models import NeedTableModel, SprintTableModel
from po_desktop.ui.need_dialog import NeedDialog
from po_desktop.ui.settings import Settings
from po_desktop.ui.workspace import Workspace
from po_desktop.ui.workspace_dialogs import PeopleDialog, ProjectsDialog


@pytest.fixture
def seeded(db: Database) -> Database:
    with db.session() as s:
        erp = projects.create_project(
            s, projects.ProjectInput("ERP", "Déploiement ERP", "internal")
        )
        plat = projects.create_project(s, projects.ProjectInput("PLAT", "Plateforme client"))
        people.create_person(s, people.PersonInput("Léa Martin", "Développeuse", "IT"))
        for i, title in enumerate(["Relances de factures", "Export comptable", "Paie mensuelle"]):
            needs.create_need(
                s,
                needs.NeedInput(title, f"Défi {i} : gagner du temps", erp.id, points=i + 1),
            )
        needs.create_need(
            s, needs.NeedInput("Espace client mobile", "Les clients appellent", plat.id)
        )
    return db


@pytest.fixture
def window(app: QApplication, seeded: Database, qtbot: QtBot) -> Iterator[MainWindow]:
    win = MainWindow(Workspace(seeded))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.workspace.undo_stack.clear()


def _keys(window: MainWindow) -> list[str]:
    """The cards on the board, column by column."""
    return [row.key for cell in window.board.model.cells() for row in cell.rows()]


def _row(window: MainWindow, need_id: int) -> NeedRow:
    return next(r for r in window.need_rows if r.id == need_id)


def test_models_pass_the_model_tester(window: MainWindow, qtmodeltester) -> None:
    window.tabs.setCurrentIndex(MainWindow.LIST)
    window.tabs.setCurrentIndex(MainWindow.SCORING)
    qtmodeltester.check(window.needs_list.model)
    qtmodeltester.check(window.scoring.model)
    qtmodeltester.check(window.sprint_model)
    qtmodeltester.check(SprintTableModel())
    qtmodeltester.check(NeedTableModel())
    window.needs_list.model.sort(NeedTableModel.TITLE, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(window.needs_list.model)
    for cell in window.board.model.cells():
        qtmodeltester.check(cell)


def test_create_need_through_the_dialog_then_undo_and_redo(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = NeedDialog(window.workspace, parent=window)
    qtbot.addWidget(dialog)
    dialog.project.setCurrentIndex(dialog.project.findData(1))
    type_text(dialog.title, "Tableau de bord RH")
    type_text(dialog.problem, "Les RH ne voient pas les absences à venir.")
    type_text(dialog.solution, "Un tableau Excel partagé")
    type_text(dialog.points, "0,5")
    type_text(dialog.tags, "RH, reporting")
    dialog.technical.setChecked(False)
    dialog.business_unit.setCurrentText("RH")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert "ERP-4" in _keys(window)
    row = next(r for r in window.need_rows if r.key == "ERP-4")
    assert (row.points, row.tags, row.technical) == (0.5, ("reporting", "RH"), False)
    assert window.actions.undo_action.isEnabled()

    window.actions.undo_action.trigger()
    assert "ERP-4" not in _keys(window)
    window.actions.redo_action.trigger()
    assert "ERP-4" in _keys(window)
    assert window.workspace.read(lambda s: needs.find_need(s, "ERP-4").title) == (
        "Tableau de bord RH"
    )


def test_dialog_refuses_an_empty_problem_outside_the_first_column_and_keeps_the_text(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = NeedDialog(window.workspace, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.title, "Nouvelle offre")
    type_text(dialog.points, "trois")
    dialog.column.setCurrentIndex(1)  # quick capture: a title is enough in the first column only
    dialog.save()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.error.isVisible()
    assert "only with a problem statement" in dialog.error.text()
    assert dialog.focusWidget() is dialog.problem
    assert dialog.title.text() == "Nouvelle offre"
    type_text(dialog.problem, "Attirer les PME")
    dialog.save()
    assert "not a valid number" in dialog.error.text()
    assert len(window.need_rows) == 4


def test_edit_need_then_undo_restores_it(window: MainWindow, qtbot: QtBot) -> None:
    dialog = NeedDialog(window.workspace, need_id=1, parent=window)
    qtbot.addWidget(dialog)
    assert dialog.title.text() == "Relances de factures"
    dialog.title.setText("Relances automatiques")
    dialog.save()
    assert _row(window, 1).title == "Relances automatiques"
    window.actions.undo_action.trigger()
    titles = [r.title for r in window.need_rows]
    assert "Relances de factures" in titles and "Relances automatiques" not in titles


def test_project_filter_and_search(window: MainWindow, qtbot: QtBot) -> None:
    window.project_filter.setCurrentIndex(window.project_filter.findData(2))
    assert _keys(window) == ["PLAT-1"]
    assert window.count_label.text() == "Needs shown: 1 of 4"
    window.project_filter.setCurrentIndex(0)
    type_text(window.search, "gagner du temps")  # matches the problem statement
    qtbot.waitUntil(lambda: len(_keys(window)) == 3)
    window.search.clear()
    type_text(window.search, "plat-1")
    qtbot.waitUntil(lambda: _keys(window) == ["PLAT-1"])


def test_list_and_ranking_search_ignore_case_and_accents(window: MainWindow, qtbot: QtBot) -> None:
    window.tabs.setCurrentIndex(MainWindow.LIST)
    type_text(window.search, "DEFI 2 : GAGNER")
    qtbot.waitUntil(lambda: [r.title for r in window.needs_list.model.rows()] == ["Paie mensuelle"])
    assert window.search.text() == "DEFI 2 : GAGNER"
    window.tabs.setCurrentIndex(MainWindow.SCORING)
    qtbot.waitUntil(lambda: [r.title for r in window.scoring.model.rows()] == ["Paie mensuelle"])
    assert window.count_label.text() == "Needs shown: 1 of 4"


def test_card_and_list_tooltips_show_the_problem_statement(
    window: MainWindow, qtbot: QtBot
) -> None:
    """The loaded rows do not keep problem statements: the tooltips read them."""
    assert "Défi 1 : gagner du temps" in window.board._tooltip(_row(window, 2))
    window.tabs.setCurrentIndex(MainWindow.LIST)
    model = window.needs_list.model
    qtbot.waitUntil(lambda: model.rowCount() == 4)
    at = next(i for i, row in enumerate(model.rows()) if row.id == 4)
    tip = str(model.data(model.index(at, NeedTableModel.TITLE), Qt.ItemDataRole.ToolTipRole))
    assert "Les clients appellent" in tip


def test_a_card_hovered_when_the_file_cannot_be_read_shows_its_tooltip_without_error(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The drive holding the workspace was unplugged: hovering a card shows what the
    board holds, without the problem statement it cannot read, and no error box."""
    unplugged = tmp_path / "clé USB" / "portefeuille.podb"
    engine = create_engine(f"sqlite:///file:{unplugged}?mode=rw&uri=true")
    monkeypatch.setattr(window.workspace, "session", sessionmaker(engine))
    tip = window.board._tooltip(_row(window, 2))
    assert "ERP-2 — Export comptable" in tip and "Défi 1" not in tip
    engine.dispose()


def test_delete_selection_then_undo(window: MainWindow, qtbot: QtBot) -> None:
    window.board.view.setFocus()
    window.board.select_need(2)
    window.actions.delete_action.trigger()
    assert "ERP-2" not in _keys(window)
    window.actions.undo_action.trigger()
    assert "ERP-2" in _keys(window)


def test_views_refresh_after_a_change_elsewhere(window: MainWindow) -> None:
    window.workspace.perform("move", lambda s: needs.move_needs(s, [1], _last_column(s)))
    assert _row(window, 1).column_name == "Terminé"
    assert "ERP-1" in [r.key for r in window.board.model.cells()[-1].rows()]
    window.tabs.setCurrentIndex(MainWindow.SCORING)
    scored_keys = [r.key for r in window.scoring.model.rows()]
    assert "ERP-1" not in scored_keys  # the ranked backlog shows open needs only


def _last_column(session: Session) -> int:
    return queries.columns(session)[-1].id


def test_projects_dialog_creates_and_undo_removes(window: MainWindow, qtbot: QtBot) -> None:
    dialog = ProjectsDialog(window.workspace, window)
    qtbot.addWidget(dialog)
    dialog.start_new()
    dialog.code.setText("rh")
    dialog.name.setText("SIRH")
    dialog.save()
    assert not dialog.error.isVisible()
    assert window.project_filter.findText("RH — SIRH") >= 0
    dialog.start_new()
    dialog.code.setText("R")
    dialog.name.setText("Trop court")
    dialog.save()
    assert "Invalid project code" in dialog.error.text()
    window.actions.undo_action.trigger()
    assert window.project_filter.findText("RH — SIRH") < 0


def test_people_dialog_edits(window: MainWindow, qtbot: QtBot) -> None:
    dialog = PeopleDialog(window.workspace, window)
    qtbot.addWidget(dialog)
    assert dialog.name.text() == "Léa Martin"
    dialog.availability.setValue(50)
    dialog.save()
    assert window.workspace.read(queries.people)[0].availability == 0.5
    window.actions.undo_action.trigger()
    assert window.workspace.read(queries.people)[0].availability == 1.0


def test_people_are_listed_in_alphabetical_order_accents_aside(
    window: MainWindow, qtbot: QtBot
) -> None:
    """« Émilie Fournier » among the E, not after « Thomas Petit » (stored bytes put an
    accented capital after every plain letter)."""
    for name in ("Thomas Petit", "Émilie Fournier", "claire Moreau", "Antoine Girard"):
        window.workspace.perform(
            "Person", lambda s, n=name: people.create_person(s, people.PersonInput(n))
        )
    dialog = PeopleDialog(window.workspace, window)
    qtbot.addWidget(dialog)
    names = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert names == [
        "Antoine Girard",
        "claire Moreau",
        "Émilie Fournier",
        "Léa Martin",
        "Thomas Petit",
    ]


def test_a_persons_address_is_typed_checked_and_kept(window: MainWindow, qtbot: QtBot) -> None:
    dialog = PeopleDialog(window.workspace, window)
    qtbot.addWidget(dialog)
    type_text(dialog.email, "lea.martin at exemple.fr")
    dialog.role.setText("Développeuse")
    assert not dialog.save()
    assert not dialog.error.isHidden()
    assert "“lea.martin at exemple.fr” is not an e-mail address" in dialog.error.text()
    # Nothing typed is lost, nothing is saved.
    assert (dialog.email.text(), dialog.role.text()) == ("lea.martin at exemple.fr", "Développeuse")
    assert window.workspace.read(queries.people)[0].email == ""

    dialog.email.setText("Lea.Martin@exemple.fr")
    assert dialog.save()
    assert dialog.error.isHidden()
    assert window.workspace.read(queries.people)[0].email == "Lea.Martin@exemple.fr"
    again = PeopleDialog(window.workspace, window)
    qtbot.addWidget(again)
    assert again.email.text() == "Lea.Martin@exemple.fr"
    window.actions.undo_action.trigger()
    assert window.workspace.read(queries.people)[0].email == ""


def test_french_interface(window: MainWindow, app: QApplication) -> None:
    assert install_translators(app, "fr")
    try:
        french = MainWindow(window.workspace)
        assert french.tabs.tabText(0) == "&Tableau"
        assert french.tabs.tabText(1) == "L&iste"
        assert french.tabs.tabText(2) == "&Cotation"
        assert french.needs_list.model.headerData(0, Qt.Orientation.Horizontal) == "Clé"
        french.close()
    finally:
        install_translators(app, "en")


def test_screenshot_renders_png(seeded: Database, tmp_path: Path, app: QApplication) -> None:
    from po_desktop.ui.screenshot import render_view

    out = tmp_path / "main.png"
    render_view(seeded.path, "main", out, size=(1024, 640), lang="en")
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1024, 640)
    assert not (paths.config_dir() / Settings.FILE_NAME).exists()  # no trace in preferences


def test_import_csv_is_one_undoable_action(window: MainWindow, tmp_path: Path) -> None:
    csv_file = tmp_path / "besoins.csv"
    csv_file.write_bytes(
        "key;title;problem;project;status;points\r\n"
        ";Campagne salon;Trouver des prospects;PLAT;À coter;3\r\n"
        "ERP-1;Relances de factures;Défi 0 : gagner du temps;ERP;Prêt;1\r\n".encode("cp1252")
    )
    result = window.exchange.import_file(csv_file)
    assert (result.created, result.updated) == (1, 1)
    rows = {r.key: r for r in window.need_rows}
    assert rows["PLAT-2"].column_name == "À coter" and rows["ERP-1"].column_name == "Prêt"
    notice = window.notice_bar
    assert notice.isVisible() and "1 need created, 1 updated" in notice.label.text()
    (undo,) = notice.buttons
    undo.click()  # the notice's own Undo
    rows = {r.key: r for r in window.need_rows}
    assert "PLAT-2" not in rows and rows["ERP-1"].column_name == "À qualifier"
    window.actions.redo_action.trigger()
    assert {r.key for r in window.need_rows} >= {"PLAT-2", "ERP-1"}


def test_failed_import_changes_nothing(window: MainWindow, tmp_path: Path) -> None:
    from po_desktop.store.errors import ValidationError

    csv_file = tmp_path / "bad.csv"
    csv_file.write_text(
        "key,title,problem,project,points\n,Ok,Défi,ERP,1\n,Mauvais,Défi,ERP,beaucoup\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as err:
        window.exchange.import_file(csv_file)
    assert "Line 3" in err.value.render("en")
    assert len(window.need_rows) == 4
    assert not window.actions.undo_action.isEnabled()


def test_undoing_a_project_deletion_restores_it_exactly(window: MainWindow, qtbot: QtBot) -> None:
    dialog = ProjectsDialog(window.workspace, window)
    qtbot.addWidget(dialog)
    dialog.start_new()
    dialog.code.setText("RH")
    dialog.name.setText("SIRH")
    dialog.save()
    created_id = dialog.current_id
    dialog.delete()
    assert window.project_filter.findText("RH — SIRH") < 0
    window.actions.undo_action.trigger()  # undo the deletion: same id as before
    assert window.workspace.read(lambda s: projects.find_project(s, "RH").id) == created_id
    window.actions.undo_action.trigger()  # undo the creation still finds it
    assert window.project_filter.findText("RH — SIRH") < 0
    window.actions.redo_action.trigger()  # created again, same id
    assert window.workspace.read(lambda s: projects.find_project(s, "RH").id) == created_id
    window.actions.redo_action.trigger()  # deleted again
    assert window.project_filter.findText("RH — SIRH") < 0


def test_saving_an_unchanged_need_changes_nothing(window: MainWindow, qtbot: QtBot) -> None:
    with window.workspace.session() as s:
        lea = queries.people(s)[0].id
        data = needs.need_input(needs.find_need(s, 1))
        data.assignee_id = lea
        data.points = 1 / 3
        needs.update_need(s, 1, data)
        people.update_person(s, lea, people.PersonInput("Léa Martin", active=False))
    before = window.workspace.read(lambda s: need_state(s, 1))
    dialog = NeedDialog(window.workspace, need_id=1, parent=window)
    qtbot.addWidget(dialog)
    assert dialog.assignee.currentText() == "Léa Martin"
    dialog.save()
    after = window.workspace.read(lambda s: need_state(s, 1))
    assert after is not None and before is not None
    assert after.row["assignee_id"] == lea
    assert after.row["points"] == 1 / 3
    assert len(after.events) == len(before.events)


def test_actions_work_after_switching_database(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    assert window.files.switch_database(tmp_path / "other.podb")
    assert window.windowTitle().startswith("other.podb")
    with window.workspace.session() as s:
        pid = projects.create_project(s, projects.ProjectInput("MKT", "Marketing")).id
        needs.create_need(s, needs.NeedInput("Salon", "Trouver des prospects", pid))
    window.workspace.changed_elsewhere()
    assert _keys(window) == ["MKT-1"]
    window.activateWindow()
    window.board.select_need(window.need_rows[0].id)
    view = window.board.view.current_view()
    assert view is not None
    qtbot.keyClick(view, Qt.Key.Key_Delete)  # one shortcut, not two ambiguous ones
    assert _keys(window) == []
    window.actions.undo_action.trigger()
    assert _keys(window) == ["MKT-1"]


def test_multi_selection_survives_a_reload(window: MainWindow) -> None:
    ids = [r.id for r in window.board.model.cells()[0].rows()[:3]]
    window.board.select_needs(ids, ids[0])
    window.reload()
    assert sorted(window.board.selected_ids()) == sorted(ids)
    assert window.board.current_id() == ids[0]


def test_unsaved_person_edits_are_not_dropped_silently(
    window: MainWindow, qtbot: QtBot, feedback: FakeFeedback
) -> None:
    with window.workspace.session() as s:
        people.create_person(s, people.PersonInput("Hugo Petit", "Chargé de marketing"))
    dialog = PeopleDialog(window.workspace, window)
    qtbot.addWidget(dialog)
    dialog.list.setCurrentRow(0)
    original = dialog.name.text()
    dialog.name.setText(original + " (modifié)")

    feedback.answers = [Unsaved.CANCEL]
    dialog.list.setCurrentRow(1)
    assert feedback.questions
    qtbot.waitUntil(lambda: dialog.list.currentRow() == 0)  # the highlight goes back
    assert dialog.list.item(0).isSelected() and not dialog.list.item(1).isSelected()
    assert dialog.name.text().endswith("(modifié)")
    window.workspace.changed_elsewhere()  # a reload elsewhere keeps the unsaved text too
    assert dialog.name.text().endswith("(modifié)")
    feedback.answers = [Unsaved.SAVE]
    dialog.list.setCurrentRow(1)
    names = [p.name for p in window.workspace.read(queries.people)]
    assert original + " (modifié)" in names


def test_filtering_keeps_column_widths_and_the_detail_pane_follows(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.tabs.setCurrentIndex(MainWindow.LIST)
    window.needs_list.view.setColumnWidth(NeedTableModel.UNIT, 300)
    type_text(window.search, "relances")
    qtbot.waitUntil(lambda: window.needs_list.model.rowCount() == 1)
    assert window.needs_list.view.columnWidth(NeedTableModel.UNIT) == 300
    window.search.clear()
    qtbot.waitUntil(lambda: window.needs_list.model.rowCount() == 4)
    window.tabs.setCurrentIndex(MainWindow.SCORING)
    scoring = window.scoring
    scoring.list.select_need(4)  # PLAT-1
    assert scoring.form.heading.text().startswith("PLAT-1")
    window.project_filter.setCurrentIndex(window.project_filter.findData(1))  # ERP only
    assert not scoring.form.heading.text().startswith("PLAT-1")


def test_order_is_stable_across_reloads(window: MainWindow) -> None:
    window.tabs.setCurrentIndex(MainWindow.LIST)
    model = window.needs_list.model
    model.sort(NeedTableModel.TITLE, Qt.SortOrder.AscendingOrder)
    model.sort(NeedTableModel.PROJECT, Qt.SortOrder.AscendingOrder)  # ties: 3 ERP needs
    before = [r.key for r in model.rows()]
    window.reload()
    assert [r.key for r in model.rows()] == before


def test_switching_database_forgets_the_selection(window: MainWindow, tmp_path: Path) -> None:
    window.board.select_need(1)
    assert window.files.switch_database(tmp_path / "other.podb")
    with window.workspace.session() as s:
        pid = projects.create_project(s, projects.ProjectInput("MKT", "Marketing")).id
        needs.create_need(s, needs.NeedInput("Salon", "Trouver des prospects", pid))
    window.workspace.changed_elsewhere()
    assert window.board.selected_ids() == []


def test_opening_a_workspace_lets_go_of_the_source_lines_imports_left_cached(
    app: QApplication, seeded: Database, qtbot: QtBot
) -> None:
    """PySide6's import hook reads each later module's source and linecache keeps it
    (16 MB at start-up); a crash report still shows the lines of its traceback."""
    linecache.getline(views.__file__, 1)
    win = MainWindow(Workspace(seeded))
    qtbot.addWidget(win)
    assert views.__file__ not in linecache.cache
    try:
        raise RuntimeError("crash")
    except RuntimeError as error:
        report = "".join(traceback.format_exception(error))
    assert 'raise RuntimeError("crash")' in report


def test_the_list_s_titles_stay_readable_on_a_narrow_window(
    window: MainWindow, qtbot: QtBot
) -> None:
    """The title takes the room the other columns leave, but not less than about thirty
    characters: at the window's smallest the list scrolls sideways (the title had shrunk
    to « Bons … » beside full-width columns); on a wide screen it fills the row."""
    from po_desktop.ui.models import NeedTableModel
    from po_desktop.ui.pages import TITLE_MIN

    window.tabs.setCurrentIndex(MainWindow.LIST)
    view = window.needs_list.view
    title = view.horizontalHeader()
    window.resize(window.minimumSize())
    qtbot.waitUntil(lambda: window.width() <= 900 and title.sectionSize(NeedTableModel.TITLE) > 0)
    assert title.sectionSize(NeedTableModel.TITLE) >= TITLE_MIN
    assert view.horizontalScrollBar().maximum() > 0  # the rest is a scroll away
    window.resize(1900, 1000)
    qtbot.waitUntil(lambda: view.viewport().width() > 1500)
    qtbot.waitUntil(lambda: title.length() == view.viewport().width())  # fills the row
    assert view.horizontalScrollBar().maximum() == 0
