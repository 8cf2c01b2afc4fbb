"""Every action a user can reach, triggered as a click would: menus, toolbar, context menus.

On the demo workspace and on a new empty one, in French and in English. File choosers
and questions are answered by the feedback double with real files (a backup to restore,
a CSV to import...); dialogs are opened, then cancelled. An exception in any slot fails
the test (pytest-qt), and so does a warning where the action should simply work.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from helpers.fakes import FakeFeedback
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QToolBar
from pytestqt.qtbot import QtBot

from po_desktop.demo import seed_demo
from po_desktop.store import backups
from po_desktop.store.database import open_database
from po_desktop.ui.app import create_application
from po_desktop.ui.feedback import Purpose
from po_desktop.ui.main_window import MainWindow
from po_desktop.ui.settings import Settings
from po_desktop.ui.workspace import Workspace

TODAY = date(2026, 11, 28)


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("every-action")
    demo = folder / "demo.podb"
    with open_database(demo) as db, db.session() as session:
        seed_demo(session, needs=40, seed=5, today=TODAY)
    empty = folder / "empty.podb"
    open_database(empty).close()
    return {"demo": demo, "empty": empty}


@dataclass
class Scene:
    window: MainWindow
    folder: Path
    feedback: FakeFeedback


@pytest.fixture(params=["fr", "en"])
def lang(request: pytest.FixtureRequest, app: QApplication) -> Iterator[str]:
    create_application(request.param)
    yield request.param
    create_application("en")


def _open(template: Path, folder: Path, feedback: FakeFeedback, qtbot: QtBot | None) -> MainWindow:
    """A fresh copy of the workspace in a window, with real files for every chooser;
    closed by pytest-qt after the test, or by ``_close`` when ``qtbot`` is None."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "espace.podb"
    shutil.copyfile(template, path)
    backup = backups.create(path, "manual")
    csv_source = folder / "import.csv"
    if not csv_source.exists():
        from po_desktop.io.csv_needs import write_needs_csv

        with open_database(template, create=False) as db, db.session() as session:
            write_needs_csv(session, csv_source)
    feedback.files = {
        Purpose.DATABASE: folder / "autre espace.podb",
        Purpose.COPY: folder / "copie.podb",
        Purpose.BACKUP: backup,
        Purpose.IMPORT: csv_source,
        Purpose.EXPORT: folder / "export.csv",
        Purpose.CALENDAR: folder / "sprints.ics",
        Purpose.PACK: folder / "revue.pdf",
        Purpose.LETTER: folder,
        Purpose.CARDS: folder / "cartes.pdf",
    }
    window = MainWindow(Workspace(open_database(path)), settings=Settings(folder / "settings.ini"))
    if qtbot is not None:
        qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def _walk(menu: QMenu, trail: str) -> Iterator[tuple[str, QAction]]:
    menu.aboutToShow.emit()  # menus filled when shown (recent files)
    for action in menu.actions():
        if action.isSeparator():
            continue
        name = f"{trail} › {action.text()}"
        if action.menu() is not None:
            yield from _walk(action.menu(), name)  # type: ignore[arg-type]
        else:
            yield name, action


def _close(window: MainWindow) -> None:
    """The window of the previous action closed and deleted, its workspace closed: 47
    windows left alive make every later action slower."""
    window.close()
    window.workspace.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _window_actions(window: MainWindow) -> list[tuple[str, QAction]]:
    found: list[tuple[str, QAction]] = []
    for top in window.menuBar().actions():
        if top.menu() is not None:
            found.extend(_walk(top.menu(), top.text()))  # type: ignore[arg-type]
    for toolbar in window.findChildren(QToolBar):
        found.extend((f"toolbar › {a.text()}", a) for a in toolbar.actions() if a.text())
    return found


EXPECTED_MESSAGES = {
    # Nothing to print without a sprint: said plainly, nothing else happens.
    "pack": ("inform",),
}


def _trigger(scene: Scene, name: str, action: QAction) -> bool:
    """Trigger the action if it is enabled; False when it was not."""
    before = len(scene.feedback.shown)
    if not action.isEnabled():
        return False
    action.trigger()
    QApplication.processEvents()
    failures = [s for s in scene.feedback.shown[before:] if s.kind in ("warn", "fail")]
    assert not failures, f"{name}: {failures}"
    return True


def _something_to_undo(window: MainWindow, redo: bool) -> None:
    """Undo and redo need a change first: one that any workspace can make."""
    window.workspace.set_holiday_region("57", "Moselle")
    if redo:
        window.workspace.undo_stack.undo()


def _select_first_card(window: MainWindow) -> list[int]:
    window.tabs.setCurrentIndex(MainWindow.BOARD)
    rows = window.need_rows
    if not rows:
        return []
    window.board.select_need(rows[0].id)
    return [rows[0].id]


@pytest.mark.parametrize("workspace", ["demo", "empty"])
def test_every_menu_and_toolbar_action_works(
    workspace: str,
    lang: str,
    templates: dict[str, Path],
    feedback: FakeFeedback,
    tmp_path: Path,
) -> None:
    window = _open(templates[workspace], tmp_path / "0", feedback, None)
    try:
        names = [name for name, _action in _window_actions(window)]
        assert len(names) > 25
        never_enabled = []
        for index, name in enumerate(names):
            # A new window for each action: an action may switch the database or quit.
            _close(window)
            window = _open(templates[workspace], tmp_path / str(index + 1), feedback, None)
            _select_first_card(window)
            action = dict(_window_actions(window))[name]
            redoing = action in (window.actions.redo_action, window.actions.redo_button)
            if redoing or action in (window.actions.undo_action, window.actions.undo_button):
                _something_to_undo(window, redo=redoing)
            if not _trigger(Scene(window, tmp_path, feedback), name, action):
                never_enabled.append(name)
    finally:
        _close(window)
    # Disabled with good reason only: no other database yet; no card to move on an empty board.
    for name in never_enabled:
        assert name.count("›") == 2, name
    kinds = {s.kind for s in feedback.shown}
    assert "dialog" in kinds and "save" in kinds and "open" in kinds


@pytest.mark.parametrize("workspace", ["demo", "empty"])
def test_every_context_menu_action_works(
    workspace: str,
    lang: str,
    templates: dict[str, Path],
    feedback: FakeFeedback,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(QMenu, "popup", lambda *_a: None)  # no screen to show it on
    window = _open(templates[workspace], tmp_path / "w", feedback, qtbot)
    scene = Scene(window, tmp_path, feedback)
    # The calendar's day menu: a ritual, an absence, a sprint from the clicked day.
    window.tabs.setCurrentIndex(MainWindow.CALENDAR)
    window.calendar._create_menu(TODAY, QPoint(10, 10))
    day_actions = list(_walk(window.calendar.create_menu, "calendar day"))
    assert len(day_actions) == 3
    for name, action in day_actions:
        _trigger(scene, name, action)
    ids = _select_first_card(window)
    if not ids:
        return  # an empty workspace has no card, no row: nothing to right-click
    # The board's card menu, then the same menu on the list and the scoring list.
    for page_index, build in (
        (MainWindow.BOARD, lambda: window.board.card_menu(window.board.selected_ids() or ids)),
        (MainWindow.LIST, lambda: window.need_menu(ids)),
        (MainWindow.SCORING, lambda: window.need_menu(ids)),
    ):
        window.tabs.setCurrentIndex(page_index)
        names = [name for name, _a in _walk(build(), "menu")]
        assert any("…" in n for n in names)
        for name in names:
            if name.endswith(("Delete", "Supprimer")):
                continue  # last: the card is gone after it
            menu = build()
            action = dict(_walk(menu, "menu"))[name]
            _trigger(scene, f"{page_index}: {name}", action)
            menu.deleteLater()
        menu = build()
        delete = [a for n, a in _walk(menu, "menu") if n.endswith(("Delete", "Supprimer"))]
        assert len(delete) == 1
        _trigger(scene, "delete", delete[0])
        window.workspace.undo_stack.undo()  # the card comes back for the next page
        QApplication.processEvents()
