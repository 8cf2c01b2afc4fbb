"""A broken installation (pip without the resources, a file deleted) is logged and shown in
About, in the user's language, instead of a silently English interface without icons."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from po_desktop import paths
from po_desktop.store.database import Database
from po_desktop.ui import icons
from po_desktop.ui.about_dialog import AboutDialog
from po_desktop.ui.app import create_application
from po_desktop.ui.workspace import Workspace


@pytest.fixture
def break_install(
    app: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[], Path]]:
    """Call the fixture's value to empty the resources folder; everything comes back after
    the test (English translators, icons)."""
    empty = tmp_path / "gone"

    def apply() -> Path:
        monkeypatch.setattr(paths, "resources_dir", lambda: empty)
        icons.icon.cache_clear()
        return empty

    yield apply
    monkeypatch.undo()
    icons.icon.cache_clear()
    create_application("en")


def test_a_complete_installation_shows_nothing_missing(
    app: QApplication, db: Database, qtbot: QtBot
) -> None:
    dialog = AboutDialog(Workspace(db))
    qtbot.addWidget(dialog)
    assert dialog.missing.isHidden()
    assert dialog.missing_title.isHidden()


def test_missing_translations_are_logged_not_silent(
    break_install: Callable[[], Path], caplog: pytest.LogCaptureFixture
) -> None:
    gone = break_install()
    with caplog.at_level(logging.WARNING):
        create_application("fr")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert f"translations/po_desktop_fr.mo is missing (looked for {gone / 'translations'}" in logged


def test_about_lists_what_is_missing_in_the_users_language(
    break_install: Callable[[], Path], db: Database, qtbot: QtBot
) -> None:
    create_application("fr")
    gone = break_install()  # after the translators: About speaks French
    dialog = AboutDialog(Workspace(db))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.missing.isVisible()
    assert dialog.missing_title.text().startswith("Manquant dans cette installation")
    listed = dialog.missing.toPlainText().splitlines()
    for what in ("fonts/DejaVuSans.ttf", "translations/po_desktop_fr.mo", "icons/undo.svg"):
        assert f"{what} — {gone / what}" in listed
