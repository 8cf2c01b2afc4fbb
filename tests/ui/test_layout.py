"""Every view and every dialog at laptop and desktop sizes, in French and in English.

Nothing may be cut or drawn over something else (tests/helpers/layout.py says what
that means), and no dialog may open larger than the screen. Set
``PO_DESKTOP_LAYOUT_SHOTS`` to a folder to keep a PNG of each screen for review.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from helpers.layout import layout_problems
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from po_desktop.demo import seed_demo
from po_desktop.store.database import open_database
from po_desktop.ui import screen
from po_desktop.ui.app import create_application
from po_desktop.ui.main_window import MainWindow
from po_desktop.ui.screenshot import VIEWS, show_view
from po_desktop.ui.settings import Settings
from po_desktop.ui.workspace import Workspace

SIZES = [(1366, 768), (1920, 1080)]
TASKBAR = 40
"""What a desktop keeps for its own panel: the room a window really gets is smaller."""


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("layout") / "demo.podb"
    with open_database(path) as db, db.session() as session:
        seed_demo(session, needs=120, seed=11, today=date(2026, 12, 2))
    return path


@pytest.fixture(scope="module")
def empty(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("layout-empty") / "nouveau.podb"
    open_database(path).close()
    return path


NEEDS_DATA = {"close-sprint"}
"""Views of things a new workspace does not have yet (an active sprint to close)."""


@pytest.fixture(params=["fr", "en"])
def lang(request: pytest.FixtureRequest, app: QApplication) -> Iterator[str]:
    create_application(request.param)
    yield request.param
    create_application("en")


def _check(
    source: Path, tmp_path: Path, size: tuple[int, int], lang: str, qtbot: QtBot, view: str
) -> list[str]:
    copy = tmp_path / f"{source.stem}-{view}.podb"
    shutil.copyfile(source, copy)
    window = MainWindow(Workspace(open_database(copy)), settings=Settings(tmp_path / f"{view}.ini"))
    qtbot.addWidget(window)
    room = QSize(size[0], size[1] - TASKBAR)
    window.resize(room)
    try:
        shown: QWidget = show_view(window, view)
        QApplication.processEvents()
        where = f"{source.stem} {view}"
        problems = [f"{where}: {p}" for p in layout_problems(shown, room)]
        if shown is not window:  # a dialog over the window: the window must fit as well
            problems += [f"{where}: {p}" for p in layout_problems(window, room)]
        folder = os.environ.get("PO_DESKTOP_LAYOUT_SHOTS")
        if folder:
            target = Path(folder) / f"{size[0]}x{size[1]}-{lang}-{source.stem}-{view}.png"
            target.parent.mkdir(parents=True, exist_ok=True)
            shown.grab().save(str(target))
        if shown is not window:
            shown.close()
        return problems
    finally:
        window.close()
        window.workspace.close()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_view_and_dialog_fits_without_clipping(
    size: tuple[int, int],
    lang: str,
    demo: Path,
    empty: Path,
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    problems: list[str] = []
    with screen.pretend(QSize(size[0], size[1] - TASKBAR)):
        for view in VIEWS:
            problems += _check(demo, tmp_path, size, lang, qtbot, view)
            if view not in NEEDS_DATA:  # the first steps of a new workspace, too
                problems += _check(empty, tmp_path, size, lang, qtbot, view)
    assert not problems, "\n".join(problems)
