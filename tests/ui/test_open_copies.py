"""Attachments opened with other applications leave no copies behind: one folder the app
owns, emptied when the app quits; what a crashed session left goes at the next start."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from helpers.fakes import FakeFeedback
from PySide6.QtCore import SIGNAL
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from po_desktop import open_copies, paths
from po_desktop.store.database import Database
from po_desktop.store.services import needs, projects
from po_desktop.ui.app import tidy_open_copies
from po_desktop.ui.need_dialog import NeedDialog
from po_desktop.ui.workspace import Workspace

DAY = 24 * 3600


def _age(folder: Path, seconds: float) -> None:
    """Make a folder and everything in it look untouched for ``seconds``."""
    when = time.time() - seconds
    for root, dirs, files in os.walk(folder):
        for name in (*dirs, *files):
            os.utime(os.path.join(root, name), (when, when))
    os.utime(folder, (when, when))


def test_copies_are_read_only_apart_and_go_with_their_session(tmp_path: Path) -> None:
    session = open_copies.OpenCopies(tmp_path / "copies")
    first = session.write("relevé.pdf", b"%PDF-1 un")
    second = session.write("relevé.pdf", b"%PDF-1 deux")  # same name, another need
    assert first != second and first.name == second.name == "relevé.pdf"
    assert (first.read_bytes(), second.read_bytes()) == (b"%PDF-1 un", b"%PDF-1 deux")
    assert not os.access(first, os.W_OK) or os.geteuid() == 0  # an editor asks where to save
    assert session.folder is not None and first.is_relative_to(session.folder)
    session.clean()
    assert not first.exists() and not second.exists()
    assert list((tmp_path / "copies").iterdir()) == []  # the app's folder stays, empty
    assert session.write("note.txt", b"x").read_bytes() == b"x"  # a new session folder


def test_only_what_crashed_sessions_left_for_a_day_is_removed(tmp_path: Path) -> None:
    root = tmp_path / "copies"
    crashed, running, yesterday_opened_today = (open_copies.OpenCopies(root) for _ in range(3))
    old = crashed.write("capture.png", b"png")
    fresh = running.write("note.txt", b"texte")
    kept = yesterday_opened_today.write("ancien.txt", b"a")
    for session in (crashed, yesterday_opened_today):
        assert session.folder is not None
        _age(session.folder, 2 * DAY)
    yesterday_opened_today.write("nouveau.txt", b"b")  # still in use: it stays
    (root / "stray.tmp").write_bytes(b"")
    _age(root / "stray.tmp", 3 * DAY)

    assert open_copies.remove_stale(root) == 2
    assert not old.exists() and not (root / "stray.tmp").exists()
    assert fresh.exists() and kept.exists()
    assert open_copies.remove_stale(tmp_path / "never-made") == 0


def test_opening_an_attachment_writes_into_the_app_s_folder_emptied_on_quit(
    app: QApplication, db: Database, qtbot: QtBot, feedback: FakeFeedback
) -> None:
    with db.session() as s:
        erp = projects.create_project(s, projects.ProjectInput("ERP", "Déploiement ERP"))
        need_id = needs.create_need(s, needs.NeedInput("Relances", "Défi", erp.id))
    root = paths.open_copies_dir()
    leftover = open_copies.OpenCopies(root).write("crash.txt", b"old")
    _age(leftover.parent.parent, 2 * DAY)
    quitting = app.receivers(SIGNAL("aboutToQuit()"))
    tidy_open_copies(app)  # what the application does as it starts
    assert not leftover.exists()
    assert app.receivers(SIGNAL("aboutToQuit()")) == quitting + 1

    dialog = NeedDialog(Workspace(db), need_id=need_id)
    qtbot.addWidget(dialog)
    assert dialog.files is not None
    assert dialog.files.attach("compte rendu.txt", b"bonjour")
    dialog.files.files.setCurrentIndex(dialog.files.model.index(0))
    dialog.files.open_button.click()
    opened = feedback.opened[-1]
    assert opened.read_bytes() == b"bonjour" and opened.is_relative_to(root)
    open_copies.SESSION.clean()  # connected to the application's aboutToQuit
    assert not opened.exists()
    app.aboutToQuit.disconnect(open_copies.SESSION.clean)
    dialog.workspace.undo_stack.clear()


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_a_copy_that_cannot_be_written_is_said_in_the_dialog(
    app: QApplication, db: Database, qtbot: QtBot, feedback: FakeFeedback
) -> None:
    with db.session() as s:
        erp = projects.create_project(s, projects.ProjectInput("ERP", "Déploiement ERP"))
        need_id = needs.create_need(s, needs.NeedInput("Relances", "Défi", erp.id))
    root = paths.open_copies_dir()
    root.parent.mkdir(parents=True, exist_ok=True)
    root.write_bytes(b"")  # a file where the folder should be
    dialog = NeedDialog(Workspace(db), need_id=need_id)
    qtbot.addWidget(dialog)
    assert dialog.files is not None and dialog.files.attach("note.txt", b"x")
    dialog.files.files.setCurrentIndex(dialog.files.model.index(0))
    dialog.files.open_button.click()
    assert not feedback.opened
    assert "“note.txt” cannot be written" in dialog.files.error.text()
    dialog.workspace.undo_stack.clear()
