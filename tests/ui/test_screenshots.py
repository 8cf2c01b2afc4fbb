"""Every dialog can be drawn without a screen, in French: how reviewers check the wording."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from po_desktop.demo import seed_demo
from po_desktop.ui.screenshot import DIALOGS, render_view


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from datetime import date

    from po_desktop.store.database import open_database

    path = tmp_path_factory.mktemp("shots") / "demo.podb"
    with open_database(path) as db, db.session() as session:
        seed_demo(session, needs=40, seed=3, today=date(2026, 11, 28))
    return path


@pytest.mark.parametrize("view", DIALOGS)
def test_each_dialog_renders_in_french(
    view: str, demo: Path, tmp_path: Path, app: QApplication
) -> None:
    out = tmp_path / f"{view}.png"
    before = demo.read_bytes()
    try:
        render_view(demo, view, out, size=(1280, 800), lang="fr")
    finally:
        from po_desktop.ui.app import create_application

        create_application("en")  # the next tests speak English again
    image = QImage(str(out))
    assert not image.isNull() and image.width() >= 200 and image.height() >= 100
    assert demo.read_bytes() == before  # drawn from a copy: the file is untouched
