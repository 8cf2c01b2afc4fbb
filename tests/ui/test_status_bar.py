"""The status bar's message fits at 1366 px, with a team workspace's long address and
the people connected beside it: "Changed by Virginie Morel" is read whole."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from po_desktop.store import live
from po_desktop.store.database import open_database
from po_desktop.ui.app import create_application
from po_desktop.ui.main_window import MainWindow
from po_desktop.ui.settings import Settings
from po_desktop.ui.workspace import Workspace

ADDRESS = "postgresql://virginie.morel@pg-portefeuille.interne.example.fr:5432/portefeuille"
PEOPLE = [
    "Virginie Morel",
    "Léa Martin",
    "Karim Benali",
    "Jean-Baptiste Lefèvre-Dubois",
    "Anne-Sophie Rousseau",
    "Moi",
]
CHANGED = {"en": "Changed by Virginie Morel", "fr": "Modifié par Virginie Morel"}


@pytest.fixture(params=["fr", "en"])
def lang(request: pytest.FixtureRequest, app: QApplication) -> Iterator[str]:
    create_application(request.param)
    yield request.param
    create_application("en")


@pytest.fixture
def window(lang: str, tmp_path: Path, qtbot: QtBot) -> MainWindow:
    win = MainWindow(
        Workspace(open_database(tmp_path / "equipe.podb")), settings=Settings(tmp_path / "s.ini")
    )
    qtbot.addWidget(win)
    win.resize(1366, 728)  # 768 less a taskbar
    win.show()
    # What a team window shows on the right (the address, everyone connected).
    win.file_label.setText(ADDRESS)
    win.file_label.setToolTip(ADDRESS)
    win.team._present(PEOPLE)
    QApplication.processEvents()
    return win


def _drawn_width(window: MainWindow) -> int:
    bar = window.status_bar
    return bar.fontMetrics().horizontalAdvance(bar.currentMessage())


def test_who_changed_a_need_is_read_whole_at_1366_px(window: MainWindow, lang: str) -> None:
    bar = window.status_bar
    room = bar.message_room()
    assert bar.fontMetrics().horizontalAdvance(CHANGED[lang]) > room  # Qt alone cut it
    window.team._noticed(live.Notice("autre", "1", "Virginie Morel", ["needs"], []))
    QApplication.processEvents()
    assert bar.currentMessage() == CHANGED[lang]
    assert _drawn_width(window) <= bar.message_room()  # nothing cut
    # The address gave its room and says itself whole in its tooltip.
    during = window.file_label.shown_text()
    assert during != ADDRESS and "…" in during
    assert window.file_label.toolTip() == ADDRESS
    bar.clearMessage()
    QApplication.processEvents()
    assert len(window.file_label.shown_text()) > len(during)  # the room is given back


def test_a_message_longer_than_the_bar_is_elided_with_its_whole_text_in_the_tooltip(
    window: MainWindow,
) -> None:
    bar = window.status_bar
    text = "Virginie Morel, " * 40 + "fin"
    window.host.status(text)
    QApplication.processEvents()
    assert bar.currentMessage().endswith("…") and _drawn_width(window) <= bar.message_room()
    assert bar.toolTip() == text == bar.full_message
