"""The open workspace's file deleted, moved or replaced under the app: nothing is lost.

The faults are real: the file is unlinked, renamed, or replaced by an older copy with
os.replace (what a sync tool does), while the window holds it open.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from helpers.fakes import FakeFeedback
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from po_desktop.store.database import Database, open_database
from po_desktop.store.models import Need, Project
from po_desktop.store.services import needs, projects
from po_desktop.ui.feedback import Purpose, Unsaved
from po_desktop.ui.main_window import MainWindow
from po_desktop.ui.settings import Settings
from po_desktop.ui.workspace import Workspace


@pytest.fixture
def window(app: QApplication, db: Database, qtbot: QtBot, tmp_path: Path) -> MainWindow:
    with db.session() as s:
        erp = projects.create_project(s, projects.ProjectInput("ERP", "Déploiement ERP"))
        for title in ("Relances", "Paie", "Congés"):
            needs.create_need(s, needs.NeedInput(title, f"Défi : {title}", erp.id))
    win = MainWindow(Workspace(db), settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    win.show()
    return win


def _titles(path: Path) -> list[str]:
    with open_database(path, create=False) as db, db.session() as s:
        return sorted(s.scalars(select(Need.title)))


def test_a_deleted_file_refuses_saves_and_the_work_is_saved_elsewhere(
    window: MainWindow, feedback: FakeFeedback, tmp_path: Path
) -> None:
    path = window.workspace.database.path
    window.needs.duplicate([1])  # work done before the file disappears
    os.unlink(path)  # a cleanup tool, a colleague, a sync conflict
    window.needs.delete([2])
    assert "no longer where it was" in feedback.warnings[-1]  # said, not "deleted"
    assert len(window.need_rows) == 4  # nothing pretended to be saved
    window.files.check_file()
    assert window.lost_bar.isVisible() and str(path) in window.lost_bar.label.text()

    rescued = tmp_path / "sauvé.podb"
    feedback.files[Purpose.COPY] = rescued
    (save_as,) = window.lost_bar.buttons
    save_as.click()
    assert window.workspace.database.path == rescued.resolve()
    assert not window.lost_bar.isVisible()
    window.needs.delete([2])  # work goes on, in the new file
    window.workspace.close()
    assert _titles(rescued) == ["Congés", "Relances", "Relances"]


def test_a_file_replaced_by_an_older_copy_is_noticed_and_never_written(
    window: MainWindow, feedback: FakeFeedback, tmp_path: Path
) -> None:
    path = window.workspace.database.path
    older = tmp_path / "older.podb"
    shutil.copyfile(path, older)  # what the sync tool had
    window.needs.delete([3])
    os.replace(older, path)  # the sync tool puts its copy back
    window.needs.delete([1])
    assert "replaced by another one" in feedback.warnings[-1]
    copy = tmp_path / "copie.podb"
    assert window.files.save_copy(copy) == copy  # from the workspace the app holds
    assert _titles(copy) == ["Paie", "Relances"]  # with the deletion made before


def test_closing_with_a_lost_file_asks_to_save_it_first(
    window: MainWindow, feedback: FakeFeedback, tmp_path: Path
) -> None:
    os.rename(window.workspace.database.path, tmp_path / "moved elsewhere.podb")
    feedback.answers = [Unsaved.CANCEL]
    assert not window.close()
    assert "Save it to a new file before closing?" in feedback.questions[-1]
    feedback.answers = [Unsaved.SAVE]
    feedback.files[Purpose.COPY] = tmp_path / "gardé.podb"
    assert window.close()
    with open_database(tmp_path / "gardé.podb", create=False) as db, db.session() as s:
        assert [p.code for p in s.scalars(select(Project))] == ["ERP"]
