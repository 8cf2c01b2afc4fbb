"""A workspace that can only be read opens for browsing: the window says so and why,
its edit actions wait, and an edit that slips through is refused in words, losing nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.fakes import FakeFeedback
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from po_desktop.store.database import Database, open_database
from po_desktop.store.errors import StorageError
from po_desktop.store.services import needs, projects
from po_desktop.ui.main_window import MainWindow
from po_desktop.ui.settings import Settings
from po_desktop.ui.workspace import Workspace


@pytest.fixture
def path(tmp_path: Path) -> Path:
    file = tmp_path / "portefeuille.podb"
    with open_database(file) as db, db.session() as s:
        erp = projects.create_project(s, projects.ProjectInput("ERP", "Déploiement ERP"))
        needs.create_need(s, needs.NeedInput("Relances", "Défi : relancer", erp.id))
    return file


def _window(qtbot: QtBot, db: Database, tmp_path: Path) -> MainWindow:
    win = MainWindow(Workspace(db), settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    win.show()
    return win


def test_a_read_only_workspace_says_why_and_its_edits_wait(
    app: QApplication, qtbot: QtBot, path: Path, tmp_path: Path, feedback: FakeFeedback
) -> None:
    db = open_database(path, read_only=True)
    win = _window(qtbot, db, tmp_path)
    assert win.read_only_bar.isVisible()
    assert "Read-only" in win.read_only_bar.label.text()
    assert str(path) in win.read_only_bar.label.text()  # which file, and why
    for action in (
        win.actions.new_need_action,
        win.actions.delete_action,
        win.actions.import_action,
    ):
        assert not action.isEnabled(), action.text()
    for index in range(win.tabs.count()):  # coming back to the board re-enables nothing
        win.tabs.setCurrentIndex(index)
        assert not win.board.duplicate_action.isEnabled()
        assert not any(a.isEnabled() for a in win.board.move_actions)
    assert not win.board.acceptDrops()

    # Browsing still works: the need is there and can be exported.
    assert [row.title for row in win.need_rows] == ["Relances"]
    with pytest.raises(StorageError) as refused:
        win.workspace.perform("Delete", lambda s: needs.delete_needs(s, [1]))
    assert "read-only" in refused.value.render("en")
    assert not win.workspace.undo_stack.canUndo()
    win.close()
    db.close()

    with open_database(path) as again:  # the file was never touched
        assert again.read_only is False
        win = _window(qtbot, again, tmp_path)
        assert not win.read_only_bar.isVisible()
        assert win.actions.new_need_action.isEnabled()
        win.close()
