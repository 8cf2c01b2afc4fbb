"""About shows PO Desktop's terms and the notices of every third-party component it ships."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QPlainTextEdit
from pytestqt.qtbot import QtBot

from po_desktop.store.database import Database
from po_desktop.ui.about_dialog import AboutDialog
from po_desktop.ui.workspace import Workspace


def _tabs(dialog: AboutDialog) -> dict[str, str]:
    tabs = {}
    for index in range(dialog.licences.count()):
        page = dialog.licences.widget(index)
        assert isinstance(page, QPlainTextEdit)
        tabs[dialog.licences.tabText(index)] = page.toPlainText()
    return tabs


def test_about_shows_the_licence_and_the_third_party_notices(
    app: QApplication, db: Database, qtbot: QtBot
) -> None:
    dialog = AboutDialog(Workspace(db))
    qtbot.addWidget(dialog)
    tabs = _tabs(dialog)
    assert list(tabs) == [
        "PO Desktop",
        "DejaVu Sans",
        "Noto Emoji",
        "Icons",
        "Third-party components",
    ]
    assert "SIL Open Font License" in tabs["Noto Emoji"]
    assert "All rights reserved" in tabs["PO Desktop"]
    notices = tabs["Third-party components"]
    for expected in (
        "Qt and Qt for Python (LGPL-3.0)",
        "SQLAlchemy",
        "reportlab",
        "holidays",
        "Noto Emoji font (monochrome)",
    ):
        assert expected in notices
    assert "https://download.qt.io/official_releases/qt/" in notices
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in notices
