"""The link picker in a workspace of 10,000 needs: it searches as the user types, shows a
few matching needs in its list, and links the one picked."""

from __future__ import annotations

import pytest
from helpers.workspace import many_needs
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from po_desktop.domain.enums import LinkRole
from po_desktop.store import dossier_queries
from po_desktop.store.database import Database
from po_desktop.store.need_picker import PICK_LIMIT
from po_desktop.ui.need_dialog import NeedDialog
from po_desktop.ui.need_links import LinksPanel
from po_desktop.ui.workspace import Workspace

OFFSCREEN_POPUP = "This plugin does not support (raise|grabbing the keyboard)"
"""The list under the typing is a popup: the headless platform says it cannot raise it."""


def _panel(db: Database, qtbot: QtBot) -> tuple[NeedDialog, LinksPanel]:
    with db.session() as s:
        many_needs(s)  # 10,000
    dialog = NeedDialog(Workspace(db), need_id=1)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 700)
    dialog.show()
    panel = dialog.links
    assert panel is not None and dialog.tabs is not None
    dialog.tabs.setCurrentWidget(panel)
    # The list shows under the field the user types in: the dialog must be the active
    # window (after other tests' windows) and the field hold the focus.
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    panel.other.setFocus()
    qtbot.waitUntil(panel.other.hasFocus)
    return dialog, panel


@pytest.mark.qt_log_ignore(OFFSCREEN_POPUP)
def test_typing_lists_the_matches_and_the_picked_one_is_linked(
    app: QApplication, db: Database, qtbot: QtBot
) -> None:
    dialog, panel = _panel(db, qtbot)
    qtbot.keyClicks(panel.other, "ÉCHÉANC")
    qtbot.waitUntil(lambda: panel.choices.rowCount() == 2)
    popup = panel.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    lines = [str(panel.choices.data(panel.choices.index(i))) for i in range(2)]
    assert lines == [
        "ERP-4321 — Échéancier des relances clients",
        "ERP-777 — Relances : ÉCHÉANCES fournisseurs",
    ]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert panel.other.text() == lines[1]
    panel.role.setCurrentIndex(panel.role.findData(LinkRole.BLOCKED_BY))
    panel.add_button.click()
    links = dialog.workspace.read(lambda s: dossier_queries.links(s, 1))
    assert [(link.role, link.other_key) for link in links] == [(LinkRole.BLOCKED_BY, "ERP-777")]
    assert panel.model.rowCount() == 1 and panel.other.text() == ""
    dialog.workspace.undo_stack.clear()


@pytest.mark.qt_log_ignore(OFFSCREEN_POPUP)
def test_a_key_typed_is_enough_and_a_common_word_lists_a_few(
    app: QApplication, db: Database, qtbot: QtBot
) -> None:
    dialog, panel = _panel(db, qtbot)
    qtbot.keyClicks(panel.other, "besoin")
    qtbot.waitUntil(lambda: panel.choices.rowCount() == PICK_LIMIT)  # not 9,997 rows
    panel.other.setText("erp-9999")
    panel.add_button.click()
    links = dialog.workspace.read(lambda s: dossier_queries.links(s, 1))
    assert [(link.role, link.other_key) for link in links] == [(LinkRole.BLOCKS, "ERP-9999")]
    panel.other.setText("ERP-1")  # the need itself
    panel.add_button.click()
    assert "Choose the other need in the list" in panel.error.text()
    dialog.workspace.undo_stack.clear()
