"""The cotation form from the keyboard and the mouse wheel, as a tester met it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from helpers.keys import type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from po_desktop.store.database import Database
from po_desktop.store.services import needs, projects, scoring
from po_desktop.ui.main_window import MainWindow
from po_desktop.ui.workspace import Workspace


def _scoring_window(db: Database, qtbot: QtBot) -> MainWindow:
    """The main window at a laptop's size on the cotation view, ERP-1 selected."""
    with db.session() as s:
        erp = projects.create_project(s, projects.ProjectInput("ERP", "Déploiement ERP"))
        for title in ("Relances", "Export comptable"):
            needs.create_need(s, needs.NeedInput(title, f"Défi : {title}", erp.id))
        scoring.add_preset_grid(s, "ice")  # two grids: the form's grid box can change
    window = MainWindow(Workspace(db))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.tabs.setCurrentIndex(MainWindow.SCORING)
    window.scoring.list.select_need(1)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


@pytest.fixture
def window(app: QApplication, db: Database, qtbot: QtBot) -> Iterator[MainWindow]:
    win = _scoring_window(db, qtbot)
    yield win
    win.workspace.undo_stack.clear()


def _focus(widget: QWidget, qtbot: QtBot) -> None:
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def _tab(qtbot: QtBot) -> QWidget:
    """Press Tab where the focus is; the widget that has it next."""
    here = QApplication.focusWidget()
    assert here is not None
    qtbot.keyClick(here, Qt.Key.Key_Tab)
    there = QApplication.focusWidget()
    assert there is not None
    return there


# 1 --------------------------------------------------------------------------------------
def test_tab_in_the_rationale_moves_on_to_decided_by_and_writes_no_tab(
    window: MainWindow, qtbot: QtBot
) -> None:
    form = window.scoring.form
    _focus(form.rationale, qtbot)
    type_text(form.rationale, "Hors périmètre")
    assert _tab(qtbot) is form.decided_by
    assert form.rationale.toPlainText() == "Hors périmètre"  # no tab character typed
    qtbot.keyClick(form.decided_by, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert form.rationale.hasFocus()  # and Shift+Tab comes back
