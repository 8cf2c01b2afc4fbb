"""A logout (SIGTERM) closes the application as its close button does.

The real signal goes to a real application process: it must leave with code 0, its
window state in the settings, the database's lock released and its WAL folded in. In
this process, the close itself is driven over an open dialog and an unsaved scoring:
nobody is asked anything, and what was typed is in the log.
"""

from __future__ import annotations

import logging
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers.fakes import FakeFeedback
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from po_desktop.store.database import Database, open_database
from po_desktop.store.services import needs, people, projects
from po_desktop.ui.main_window import MainWindow
from po_desktop.ui.session_end import SessionCloser
from po_desktop.ui.settings import Settings
from po_desktop.ui.workspace import Workspace
from po_desktop.ui.workspace_dialogs import PeopleDialog


def _wait_for(condition: object, what: str, process: subprocess.Popen[str], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if process.poll() is not None:
            pytest.fail(f"the application ended before {what}: {process.communicate()}")
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"no {what} after {timeout} s: {process.communicate()}")
        time.sleep(0.05)


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or os.name == "nt", reason="POSIX signals")
def test_sigterm_closes_the_application_cleanly(tmp_path: Path) -> None:
    home = tmp_path / "home"
    path = tmp_path / "espace.podb"
    with open_database(path) as db, db.session() as s:
        erp = projects.create_project(s, projects.ProjectInput("ERP", "Déploiement ERP"))
        needs.create_need(s, needs.NeedInput("Relances", "Défi", erp.id))
    env = os.environ | {"PO_DESKTOP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    app = subprocess.Popen(
        [sys.executable, "-m", "po_desktop", "--db", str(path), "--lang", "fr"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # Up and idle: the copy taken on opening runs from the event loop, a second after start.
    backups = home / "backups"
    _wait_for(lambda: any(backups.rglob("*-open.podb")), "window", app, timeout=60)
    wal = Path(f"{path}-wal")
    assert wal.exists()  # the application holds the database open
    app.send_signal(signal.SIGTERM)
    try:
        _out, err = app.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        app.kill()
        pytest.fail(f"still running 15 s after SIGTERM: {app.communicate()}")
    assert app.returncode == 0, err
    assert "Traceback" not in err
    settings = QSettings(str(home / "config" / Settings.FILE_NAME), QSettings.Format.IniFormat)
    assert settings.value("window/geometry") and settings.value("window/state")
    assert settings.value("files/last_database") == str(path)
    assert not wal.exists() or wal.stat().st_size == 0  # checkpointed at the close
    with open_database(path) as again:  # the lock went with the close
        assert again.lock is not None and again.lock.held
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    log = (home / "logs" / "po-desktop.log").read_text(encoding="utf-8")
    assert "SIGTERM received: closing cleanly" in log


def test_the_close_unwinds_dialogs_and_drops_an_unsaved_scoring_without_asking(
    app: QApplication,
    db: Database,
    qtbot: QtBot,
    feedback: FakeFeedback,
    caplog: pytest.LogCaptureFixture,
    tmp_path: Path,
) -> None:
    with db.session() as s:
        erp = projects.create_project(s, projects.ProjectInput("ERP", "Déploiement ERP"))
        needs.create_need(s, needs.NeedInput("Relances", "Défi : relancer", erp.id))
        people.create_person(s, people.PersonInput("Hugo Petit"))
    window = MainWindow(Workspace(db), settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentIndex(MainWindow.SCORING)
    window.scoring.list.select_need(1)
    window.scoring.form.inputs["relevance"].setText("5")
    assert window.scoring.form.is_dirty()
    dialog = PeopleDialog(window.workspace, window)
    dialog.list.setCurrentRow(0)
    dialog.name.setText("Hugo Petit (modifié)")  # its own close would ask about this
    closer = SessionCloser(window)
    QTimer.singleShot(0, closer.close)  # the signal arrives while the dialog runs
    with caplog.at_level(logging.INFO, logger="po_desktop"):
        dialog.exec()  # a nested event loop, as feedback.run() gives every dialog
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert feedback.questions == []
    assert "closing “People” without saving" in caplog.text
    assert "unsaved scoring of ERP-1" in caplog.text and "'relevance': '5'" in caplog.text
    assert db._closed and Settings(tmp_path / "settings.ini").window_geometry
    dialog.deleteLater()


def test_a_logout_leaves_a_scoring_page_never_shown_unbuilt(
    app: QApplication, db: Database, qtbot: QtBot, tmp_path: Path
) -> None:
    """The scoring page is built when first shown: a logout that finds it never shown has
    no scoring to drop, and does not build the page (and its modules) just to close it."""
    window = MainWindow(Workspace(db), settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.show()
    closer = SessionCloser(window)
    closer.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert window.views.built_pages() == (None, None)
