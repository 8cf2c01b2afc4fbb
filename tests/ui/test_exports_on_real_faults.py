"""The window's exports (needs CSV, calendar, review pack) on a real full disk: each says
so in words and the file already there is kept as it was."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from helpers.fakes import FakeFeedback
from helpers.mounts import fill, small_tmpfs
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from po_desktop.demo import seed_demo
from po_desktop.store.database import open_database
from po_desktop.ui.feedback import Purpose
from po_desktop.ui.main_window import MainWindow
from po_desktop.ui.settings import Settings
from po_desktop.ui.workspace import Workspace


@pytest.fixture
def window(app: QApplication, tmp_path: Path, qtbot: QtBot) -> Iterator[MainWindow]:
    path = tmp_path / "demo.podb"
    with open_database(path) as db, db.session() as session:
        seed_demo(session, needs=80, seed=3, today=date(2027, 3, 10))
    win = MainWindow(Workspace(open_database(path)), settings=Settings(tmp_path / "s.ini"))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


def test_exports_on_a_full_disk_warn_and_keep_the_previous_files(
    window: MainWindow, feedback: FakeFeedback, tmp_path: Path
) -> None:
    with small_tmpfs(tmp_path / "disk") as disk:
        feedback.files = {
            Purpose.EXPORT: disk / "besoins.csv",
            Purpose.CALENDAR: disk / "sprints.ics",
            Purpose.PACK: disk / "revue.pdf",
        }
        for path in feedback.files.values():
            path.write_bytes(b"previous")
        fill(disk)
        window.actions.export_action.trigger()
        window.calendar.export_ics()
        window.export_pack()
        assert len(feedback.warnings) == 3
        for path, warning in zip(feedback.files.values(), feedback.warnings, strict=True):
            assert warning.startswith(f"Cannot write {path}: the disk is full."), warning
            assert path.read_bytes() == b"previous"
        assert sorted(p.name for p in disk.iterdir()) == [
            "besoins.csv",
            "filler.bin",
            "revue.pdf",
            "sprints.ics",
        ]
        assert not feedback.opened  # no viewer opened on a pack that was not written
