"""The feedback sink: file choosers that remember, files that cannot be opened."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from helpers.fakes import FakeFeedback
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from po_desktop.store.database import open_database
from po_desktop.store.services import projects
from po_desktop.ui import file_chooser
from po_desktop.ui.feedback import Feedback, Purpose
from po_desktop.ui.settings import Settings


def test_a_chooser_opens_where_the_last_file_of_its_kind_was_chosen(
    tmp_path: Path, app: object
) -> None:
    exports, databases = tmp_path / "exports", tmp_path / "bases"
    exports.mkdir()
    databases.mkdir()
    settings = Settings(tmp_path / "settings.ini")
    sink = Feedback()
    sink.settings = settings
    sink.remember_folder(Purpose.EXPORT, exports / "besoins.csv")
    sink.remember_folder(Purpose.DATABASE, databases / "equipe.podb")
    settings.sync()

    after_restart = Feedback()
    after_restart.settings = Settings(tmp_path / "settings.ini")
    assert after_restart.folder_for(Purpose.EXPORT) == exports
    assert after_restart.folder_for(Purpose.DATABASE) == databases
    # A purpose not used yet opens where the last file of any kind was chosen: the review
    # pack's first save beside the database just opened (it opened in the home folder).
    assert after_restart.folder_for(Purpose.PACK) == databases
    fresh = Feedback()  # and in a first session, with nothing in the settings yet
    fresh.remember_folder(Purpose.EXPORT, exports / "besoins.xlsx")
    assert fresh.folder_for(Purpose.IMPORT) == exports
    exports.rmdir()  # a folder deleted since: the chooser opens elsewhere, never fails
    assert after_restart.folder_for(Purpose.EXPORT).is_dir()


def test_a_file_nothing_can_open_says_where_it_is_and_offers_its_folder(
    tmp_path: Path, feedback: FakeFeedback
) -> None:
    pack = tmp_path / "revue-Sprint 12.pdf"
    pack.write_bytes(b"%PDF-1.7")
    feedback.can_open = False  # no PDF viewer on this machine
    feedback.answers = [True]
    assert not feedback.open_externally(None, pack, "Review pack")
    assert str(pack) in feedback.questions[0]
    assert feedback.opened == [pack, tmp_path]  # the file, then its folder
    assert str(pack) in feedback.warnings[0]  # the folder would not open either


@pytest.mark.skipif(not Path("/proc/locks").exists(), reason="reads Linux's /proc/locks")
def test_a_file_chooser_on_the_workspace_s_folder_keeps_sqlite_s_locks(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Qt's own file dialog read the start of the workspace's files to name their type:
    closing that descriptor dropped SQLite's locks, and a refused second instance then
    deleted the -wal under the running app (changes lost at the next crash). The
    chooser names types from the file names alone."""
    monkeypatch.setenv("PO_DESKTOP_HOME", str(tmp_path / "home"))
    folder = tmp_path / "docs"
    folder.mkdir()
    database = open_database(folder / "espace.podb")
    try:
        with database.session() as session:
            projects.create_project(session, projects.ProjectInput("ERP", "Déploiement ERP"))
        assert _posix_locks() > 0  # SQLite's, on the -shm
        dialog = file_chooser.chooser(
            None, "Exporter", str(folder), "Excel (*.xlsx)", file_chooser.Mode.SAVE
        )
        qtbot.addWidget(dialog)
        native = not dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
        assert native == (sys.platform in ("win32", "darwin"))  # GTK's and KDE's read too
        dialog.setViewMode(QFileDialog.ViewMode.Detail)  # every file's type shown
        dialog.show()
        qtbot.wait(1500)  # listed, and each file's type named by the information thread
        assert _posix_locks() > 0
    finally:
        database.close()


def _posix_locks() -> int:
    pid = str(os.getpid())
    with open("/proc/locks", encoding="ascii") as locks:
        return sum(1 for line in locks if "POSIX" in line.split() and pid in line.split())
