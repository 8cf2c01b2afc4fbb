"""Resources are found wherever the app is installed, and a missing one is never silent."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from po_desktop import paths

ROOT = Path(__file__).resolve().parents[2]


def test_the_repository_reads_its_top_level_resources() -> None:
    """Editable install or plain checkout: po_desktop/resources does not exist here."""
    assert paths.resources_dir() == ROOT / "resources"


def test_every_expected_resource_ships_and_every_catalogue_is_expected() -> None:
    folder = ROOT / "resources"
    catalogues = {f"translations/{po.stem}.mo" for po in (folder / "translations").glob("*.po")}
    assert catalogues == {r for r in paths.EXPECTED_RESOURCES if r.endswith(".mo")}
    for relative in paths.EXPECTED_RESOURCES:
        if not relative.endswith(".mo"):  # compiled by make, the wheel or the bundle
            assert (folder / relative).is_file(), relative


def test_a_missing_resource_is_logged_once_and_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(paths, "resources_dir", lambda: tmp_path)
    (tmp_path / "fonts").mkdir()
    (tmp_path / "fonts" / "DejaVuSans.ttf").write_bytes(b"font")
    with caplog.at_level(logging.WARNING, logger=paths.__name__):
        assert paths.resource("fonts/DejaVuSans.ttf") == tmp_path / "fonts" / "DejaVuSans.ttf"
        assert paths.resource("fonts/DejaVuSans-Bold.ttf") is None
        assert paths.resource("fonts/DejaVuSans-Bold.ttf") is None
    bold = tmp_path / "fonts" / "DejaVuSans-Bold.ttf"
    assert [r.getMessage() for r in caplog.records] == [
        f"fonts/DejaVuSans-Bold.ttf is missing (looked for {bold}); "
        "reinstall PO Desktop to repair it"
    ]
    missing = paths.missing_resources(["icons/undo.svg"])
    assert "fonts/DejaVuSans-Bold.ttf" in missing
    assert "fonts/DejaVuSans.ttf" not in missing
    assert missing["icons/undo.svg"] == tmp_path / "icons" / "undo.svg"
    assert "translations/po_desktop_fr.mo" in missing


def test_a_resource_the_task_needs_stops_it_with_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pack without its fonts: an error naming the file, not reportlab's "Can't open"."""
    monkeypatch.setattr(paths, "resources_dir", lambda: tmp_path)
    with pytest.raises(paths.MissingResourceError, match=r"fonts/DejaVuSans\.ttf is missing"):
        paths.required_resource("fonts/DejaVuSans.ttf")


def test_files_found_missing_outside_the_resources_are_listed_while_missing(
    tmp_path: Path,
) -> None:
    qtbase = tmp_path / "qtbase_xx.qm"
    paths.report_missing("Qt: qtbase_xx.qm", qtbase)
    assert paths.missing_resources()["Qt: qtbase_xx.qm"] == qtbase
    qtbase.write_bytes(b"")
    assert "Qt: qtbase_xx.qm" not in paths.missing_resources()
