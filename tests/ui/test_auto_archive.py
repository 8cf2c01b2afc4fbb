"""Done and no-go needs leave the board by themselves when a workspace opens and when the
date changes, as one undoable step the status bar tells about."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from po_desktop.store.database import Database, open_database
from po_desktop.store.models import BoardColumn, Need, utcnow
from po_desktop.store.services import archive, needs, projects
from po_desktop.ui.main_window import MainWindow
from po_desktop.ui.workspace import Workspace

TITLES = ("Relances", "Export", "Paie", "Congés", "Portail")


def _fill(db: Database, days_done: tuple[int, ...], setting: int = 30) -> None:
    """A need in the done column per age (days since done), and one still open."""
    with db.session() as s:
        erp = projects.create_project(s, projects.ProjectInput("ERP", "Déploiement ERP"))
        done = s.scalar(select(BoardColumn.id).where(BoardColumn.is_done))
        for title, age in zip(TITLES, days_done, strict=False):
            need_id = needs.create_need(s, needs.NeedInput(title, "Défi", erp.id, column_id=done))
            s.get(Need, need_id).done_at = utcnow() - timedelta(days=age)  # type: ignore[union-attr]
        needs.create_need(s, needs.NeedInput("Ouvert", "Défi", erp.id))
        s.commit()
        archive.set_auto_archive_days(s, setting)


def _window(db: Database, qtbot: QtBot) -> MainWindow:
    win = MainWindow(Workspace(db))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    return win


def _on_board(window: MainWindow) -> list[str]:
    return sorted(
        r.title
        for c in window.board.model.columns
        for r in window.board.model.cell(None, c.id).rows()
    )


@pytest.fixture
def window(app: QApplication, db: Database, qtbot: QtBot) -> Iterator[MainWindow]:
    _fill(db, (40, 31, 29))
    win = _window(db, qtbot)
    yield win
    win.workspace.undo_stack.clear()


def test_opening_archives_what_is_due_and_undo_brings_it_back(window: MainWindow) -> None:
    assert _on_board(window) == ["Export", "Ouvert", "Paie", "Relances"]  # not started yet
    window.auto_archive.start()  # what the application does once its window is up

    assert _on_board(window) == ["Ouvert", "Paie"]
    stack = window.workspace.undo_stack
    assert stack.count() == 1
    assert stack.text(0) == "Archive automatically 2 needs done or no-go for more than 30 days"
    message = window.statusBar().currentMessage()
    assert message.startswith("2 needs done or no-go for more than 30 days left the board")
    assert "Ctrl+Z" in message

    window.actions.undo_action.trigger()
    assert _on_board(window) == ["Export", "Ouvert", "Paie", "Relances"]
    window.actions.redo_action.trigger()
    assert _on_board(window) == ["Ouvert", "Paie"]


def test_the_next_day_the_ones_due_then_leave(window: MainWindow) -> None:
    today = [date(2027, 3, 1)]
    window.auto_archive._today = lambda: today[0]
    window.auto_archive.start()
    assert window.auto_archive.timer.isActive()
    with window.workspace.session() as s:  # "Paie" reaches its 30 days overnight
        need = s.scalars(select(Need).where(Need.title == "Paie")).one()
        need.done_at = utcnow() - timedelta(days=30, minutes=1)
        s.commit()
    assert window.auto_archive.check() is None  # the same day: not again
    assert _on_board(window) == ["Ouvert", "Paie"]
    today[0] += timedelta(days=1)
    change = window.auto_archive.check()
    assert change is not None and len(change.result) == 1
    assert _on_board(window) == ["Ouvert"]
    assert window.workspace.undo_stack.count() == 2  # two days, two steps
    assert window.statusBar().currentMessage().startswith("1 need done or no-go for more than")


def test_nothing_happens_when_the_setting_is_off_or_none_is_due(
    app: QApplication, tmp_path: Path, qtbot: QtBot
) -> None:
    for days, ages in ((0, (400, 90)), (30, (29, 3))):
        with open_database(tmp_path / f"w{days}.podb") as db:
            _fill(db, ages, setting=days)
            win = _window(db, qtbot)
            win.auto_archive.start()
            assert len(_on_board(win)) == 3
            assert win.workspace.undo_stack.count() == 0
            assert win.statusBar().currentMessage() == ""
            win.close()


def test_another_workspace_opened_has_its_own_due_needs_archived(
    window: MainWindow, tmp_path: Path
) -> None:
    window.auto_archive.start()
    other = tmp_path / "autre.podb"
    with open_database(other) as db:
        _fill(db, (60, 50, 40, 1), setting=45)
    assert window.files.switch_database(other)
    assert _on_board(window) == ["Congés", "Ouvert", "Paie"]
    assert window.workspace.undo_stack.text(0).startswith("Archive automatically 2 needs")


def test_the_app_archives_what_is_due_once_its_board_is_painted(
    app: QApplication, db_path: Path, qtbot: QtBot
) -> None:
    """Start-up paints the board first; what is due leaves it just after, as one step."""
    from po_desktop.ui.app import start_gui

    database = open_database(db_path)
    _fill(database, (40, 31, 29))
    database.close()
    _app, window = start_gui(db_path, "en")
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    assert _on_board(window) == ["Export", "Ouvert", "Paie", "Relances"]  # before the paint
    qtbot.waitUntil(lambda: _on_board(window) == ["Ouvert", "Paie"], timeout=3000)
    qtbot.wait(600)  # past the fallback timer too: archived once, one undo step
    assert window.workspace.undo_stack.count() == 1
    window.workspace.undo_stack.clear()
    window.close()
