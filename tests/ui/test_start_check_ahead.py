"""``po-desktop`` without ``--db`` starts the file's integrity check before Qt is imported:
on the very file the window then opens, or not at all."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from po_desktop import cli, paths
from po_desktop.ui.app import _file_to_open
from po_desktop.ui.settings import Settings


def _last(value: str) -> Settings:
    settings = Settings()
    settings.last_database = value
    settings._qs.sync()  # on disk, as the last session left it
    return settings


def test_the_check_ahead_reads_the_file_the_window_opens(tmp_path: Path, app: QApplication) -> None:
    assert cli._last_file() == paths.default_database()  # a first start: no settings yet
    kept = tmp_path / "Mes projets (2)" / "po-desktop_v1.podb"
    kept.parent.mkdir()
    kept.touch()
    settings = _last(str(kept))
    assert cli._last_file() == kept == _file_to_open(None, settings)
    settings = _last(str(tmp_path / "gone.podb"))  # moved away since: the default one
    assert cli._last_file() == paths.default_database() == _file_to_open(None, settings)


def test_a_last_file_it_cannot_read_for_sure_leaves_the_check_to_the_window(
    tmp_path: Path, app: QApplication
) -> None:
    accented = tmp_path / "Équipe, «\u00a0produit\u00a0».podb"
    accented.touch()
    _last(str(accented))
    assert cli._last_file() is None
    _last("postgresql://po@server/team")  # a team workspace: no file to check
    assert cli._last_file() is None
