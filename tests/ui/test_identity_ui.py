"""Who changed what, as a PO sees it: "who am I" in the preferences, the author and how
long ago in the need's timeline and on the card, and a form saved after someone else's
save refused with who and when, the typed text kept."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest
from helpers.fakes import FakeFeedback
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from po_desktop.store import dossier_queries, identity, queries
from po_desktop.store.database import Database
from po_desktop.store.models import Need, Project, Sprint
from po_desktop.store.services import needs, people, projects, sprints
from po_desktop.ui.feedback import Unsaved
from po_desktop.ui.main_window import MainWindow
from po_desktop.ui.need_dialog import NeedDialog
from po_desktop.ui.preferences_dialog import PreferencesDialog
from po_desktop.ui.workspace import Workspace


@pytest.fixture
def window(app: QApplication, db: Database, qtbot: QtBot) -> Iterator[MainWindow]:
    with db.session() as s:
        erp = projects.create_project(s, projects.ProjectInput("ERP", "Déploiement ERP"))
        needs.create_need(s, needs.NeedInput("Relances", "Défi : gagner du temps", erp.id))
        people.create_person(s, people.PersonInput("Virginie Morel", "PO", login="vmorel"))
    win = MainWindow(Workspace(db))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.workspace.undo_stack.clear()


def _dialog(window: MainWindow, qtbot: QtBot) -> NeedDialog:
    dialog = NeedDialog(window.workspace, need_id=1, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_who_am_i_signs_the_timeline_and_the_card(window: MainWindow, qtbot: QtBot) -> None:
    preferences = PreferencesDialog(window.settings, window.workspace, window)
    qtbot.addWidget(preferences)
    preferences.who_am_i.setText("vmorel")
    assert preferences.signed_as.text() == "Signed as Virginie Morel, a person of this workspace."
    preferences.who_am_i.setText("Paul")
    assert "no person of this workspace" in preferences.signed_as.text()
    preferences.who_am_i.setText("vmorel")
    preferences.accept()
    assert window.settings.who_am_i == "vmorel"
    assert window.workspace.author == identity.Author(1, "Virginie Morel")

    columns = window.workspace.read(lambda s: [c.id for c in queries.columns(s)])
    window.workspace.perform("Move", lambda s: needs.move_needs(s, [1], columns[1]))
    dialog = _dialog(window, qtbot)
    assert dialog.dossier is not None
    model = dialog.dossier.model
    lines = [str(model.data(model.index(i))) for i in range(model.rowCount())]
    moved = next(line for line in lines if "Moved from" in line)
    assert moved.endswith(" · by Virginie Morel, just now")  # seconds ago

    row = {r.id: r for r in window.need_rows}[1]
    assert "Moved by Virginie Morel, " in window.board._tooltip(row)


def test_a_form_saved_after_someone_elses_save_is_refused_and_keeps_the_text(
    window: MainWindow, db: Database, qtbot: QtBot
) -> None:
    dialog = _dialog(window, qtbot)
    with db.session() as other:  # another PO, on another computer, saves first
        identity.sign_in(other, identity.resolve(other, "Virginie Morel"))
        need = other.get(Need, 1)
        assert need is not None
        needs.update_need(other, 1, replace(needs.need_input(need), title="Relances clients"))

    dialog.title.setText("Relances fournisseurs")
    dialog.save()
    assert dialog.isVisible()
    assert dialog.error.text().startswith("Virginie Morel changed ERP-1 at ")
    assert dialog.title.text() == "Relances fournisseurs"
    stored = window.workspace.read(lambda s: s.get(Need, 1).title)  # type: ignore[union-attr]
    assert stored == "Relances clients"
    assert window.workspace.undo_stack.count() == 0


def test_a_persons_login_is_typed_in_the_people_dialog_and_signs_their_changes(
    window: MainWindow, qtbot: QtBot
) -> None:
    from po_desktop.ui.workspace_dialogs import PeopleDialog

    dialog = PeopleDialog(window.workspace, window)
    qtbot.addWidget(dialog)
    dialog.load(1)
    assert dialog.login.text() == "vmorel"
    dialog.login.setText("virginie.morel")
    dialog.current_id = 1
    dialog.save()
    assert window.workspace.sign_in("Virginie.Morel") == identity.Author(1, "Virginie Morel")
    assert window.workspace.sign_in("vmorel") == identity.Author(None, "vmorel")


def test_a_team_window_signs_with_the_person_whose_login_the_server_knows(
    app: QApplication, qtbot: QtBot, tmp_path: object
) -> None:
    """On a team workspace the login role is the author, whatever "who am I" says: the
    timeline of a card moved from that window names the person with that login."""
    from pathlib import Path

    from helpers import postgres
    from sqlalchemy import text
    from sqlalchemy.orm import Session

    from po_desktop.store import team
    from po_desktop.store.database import open_database
    from po_desktop.ui.settings import Settings

    with postgres.scratch_database() as url:
        engine = team.make_server_engine(url)
        try:
            team.create_schema(engine)
            with Session(engine) as session:
                login = session.execute(text("SELECT current_user")).scalar_one()
                people.create_person(session, people.PersonInput("Virginie Morel", login=login))
                erp = projects.create_project(session, projects.ProjectInput("ERP", "ERP"))
                needs.create_need(session, needs.NeedInput("Relances", "Défi", erp.id))
        finally:
            engine.dispose()
        settings = Settings(Path(str(tmp_path)) / "settings.ini")
        settings.who_am_i = "Quelqu'un d'autre"
        win = MainWindow(Workspace(open_database(postgres.address(url))), settings=settings)
        qtbot.addWidget(win)
        try:
            assert win.workspace.author == identity.Author(1, "Virginie Morel")
            columns = win.workspace.read(lambda s: [c.id for c in queries.columns(s)])
            win.workspace.perform("Move", lambda s: needs.move_needs(s, [1], columns[1]))
            timeline = win.workspace.read(lambda s: dossier_queries.activity(s, 1))
            assert [i.author for i in timeline if i.kind == "column"] == ["Virginie Morel"]
        finally:
            win.workspace.undo_stack.clear()
            win.close()
            win.workspace.close()


def _saved_by_virginie(db: Database, save: Callable[[Session], object]) -> None:
    """Another PO, on another computer, saves first."""
    with db.session() as other:
        identity.sign_in(other, identity.resolve(other, "Virginie Morel"))
        save(other)


def test_a_project_saved_after_someone_elses_save_is_refused_and_keeps_the_text(
    window: MainWindow, db: Database, qtbot: QtBot, feedback: FakeFeedback
) -> None:
    from po_desktop.ui.workspace_dialogs import ProjectsDialog

    dialog = ProjectsDialog(window.workspace, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.code.text() == "ERP"
    _saved_by_virginie(
        db,
        lambda s: projects.update_project(
            s, 1, projects.ProjectInput("ERP", "ERP Finance", color="#4A6FA5")
        ),
    )

    dialog.name.setText("ERP Paie")
    assert not dialog.save()
    assert dialog.error.text().startswith("Virginie Morel changed the project ERP at ")
    assert dialog.name.text() == "ERP Paie"
    stored = window.workspace.read(lambda s: s.get(Project, 1).name)  # type: ignore[union-attr]
    assert stored == "ERP Finance"
    assert window.workspace.undo_stack.count() == 0

    feedback.answers.append(Unsaved.DISCARD)  # leaving the item: what was typed goes
    dialog.start_new()
    dialog.reload()  # back to it, as saved now
    assert dialog.name.text() == "ERP Finance"
    dialog.name.setText("ERP Paie")
    assert dialog.save()  # built on her version now: saved
    assert window.workspace.read(lambda s: s.get(Project, 1).name) == "ERP Paie"  # type: ignore[union-attr]


def test_a_sprint_saved_after_someone_elses_save_is_refused_and_keeps_the_text(
    window: MainWindow, db: Database, qtbot: QtBot
) -> None:
    from po_desktop.ui.calendar.dialogs import SprintDialog

    sprint_id = window.workspace.perform(
        "New sprint",
        lambda s: sprints.create_sprint(
            s, sprints.SprintInput("Sprint 12", "2027-01-04", "2027-01-15")
        ),
    ).result
    dialog = SprintDialog(window.workspace, sprint_id, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    _saved_by_virginie(
        db,
        lambda s: sprints.update_sprint(
            s, sprint_id, sprints.SprintInput("Sprint 12", "2027-01-04", "2027-01-15", goal="Paie")
        ),
    )

    dialog.goal.setPlainText("Relances")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.error.text().startswith("Virginie Morel changed the sprint Sprint 12 at ")
    assert dialog.goal.toPlainText() == "Relances"
    stored = window.workspace.read(lambda s: s.get(Sprint, sprint_id).goal)  # type: ignore[union-attr]
    assert stored == "Paie"
