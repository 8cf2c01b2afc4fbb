"""Who changed what, as a PO sees it: "who am I" in the preferences, the author and how
long ago in the need's timeline and on the card, and a form saved after someone else's
save refused with who and when, the typed text kept."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from po_desktop.store import dossier_queries, identity, queries
from po_desktop.store.database import Database
from po_desktop.store.models import Need
from po_desktop.store.services import needs, people, projects
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
    assert " · by Virginie Morel, " in moved and moved.endswith(" ago")

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
