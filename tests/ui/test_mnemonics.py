"""Alt+letter on the main window: each menu and each view's tab has a letter of its own."""

from __future__ import annotations

from collections import Counter

from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from po_desktop.store.database import Database
from po_desktop.ui.main_window import MainWindow
from po_desktop.ui.workspace import Workspace


def _letter(text: str) -> str:
    return QKeySequence.mnemonic(text).toString(QKeySequence.SequenceFormat.PortableText)


def test_every_menu_and_view_tab_has_an_alt_letter_of_its_own(
    any_language: str, db: Database, qtbot: QtBot
) -> None:
    window = MainWindow(Workspace(db))
    qtbot.addWidget(window)
    texts = [a.text() for a in window.menuBar().actions()]
    texts += [window.tabs.tabText(i) for i in range(window.tabs.count())]
    letters = [_letter(text) for text in texts]
    assert all(letters), texts
    shared = {letter for letter, n in Counter(letters).items() if n > 1}
    assert not shared, [t for t, letter in zip(texts, letters, strict=True) if letter in shared]
