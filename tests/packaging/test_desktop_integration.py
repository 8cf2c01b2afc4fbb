"""Linux desktop integration: the menu entry, the icon, and a .podb that opens on a double click.

The files are checked with the desktop's own tools where they are installed
(desktop-file-validate, update-mime-database and gio); tests/packaging/test_deb.py checks
them installed by the Debian package.
"""

from __future__ import annotations

import configparser
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from helpers.commands import report, run

from po_desktop import APP_ID, cli
from po_desktop.store.database import Database

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
MIME_TYPE = "application/x-po-desktop-workspace"


def _entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_menu_entry_opens_the_file_it_is_given_with_our_icon_and_type() -> None:
    entry = _entry()
    assert entry["Exec"] == f"{APP_ID} %f"
    assert entry["Icon"] == APP_ID
    assert entry["MimeType"] == f"{MIME_TYPE};"
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import make_deb
    finally:
        sys.path.remove(str(ROOT / "tools"))
    from po_desktop.ui import icons

    assert make_deb.ICON_SIZES == icons.APP_ICON_SIZES
    assert make_deb.MIME_TYPE == MIME_TYPE


@pytest.mark.parametrize("path", ["/home/léa/équipe.podb", "équipe.podb", "C:\\équipe.podb"])
def test_a_file_as_first_argument_opens_that_workspace(path: str) -> None:
    assert cli._file_to_open([path]) == ["--db", path]
    assert cli._file_to_open([path, "--lang", "fr"]) == ["--db", path, "--lang", "fr"]


@pytest.mark.parametrize(
    "args", [["demo"], ["chek"], ["--version"], ["--db", "w.podb"], ["check", "--db", "w.podb"], []]
)
def test_commands_and_options_are_not_taken_for_files(args: list[str]) -> None:
    assert cli._file_to_open(args) == args


def test_desktop_file_validate_finds_nothing_to_say() -> None:
    if not shutil.which("desktop-file-validate"):
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    result = run(["desktop-file-validate", DESKTOP])
    assert result.returncode == 0 and not result.stdout.strip(), report(result)


def test_a_workspace_is_recognised_by_its_name_or_its_header(tmp_path: Path, db: Database) -> None:
    """What a file manager sees, from shared-mime-info built with our definition."""
    system = Path("/usr/share/mime/packages/freedesktop.org.xml")
    if not (shutil.which("update-mime-database") and shutil.which("gio") and system.is_file()):
        pytest.skip("needs shared-mime-info and gio (Debian: shared-mime-info, libglib2.0-bin)")
    packages = tmp_path / "xdg" / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copyfile(system, packages / system.name)
    shutil.copyfile(LINUX / f"{APP_ID}.xml", packages / f"{APP_ID}.xml")
    built = run(["update-mime-database", packages.parent])
    assert built.returncode == 0, report(built)

    unnamed = tmp_path / "sans-extension"
    shutil.copyfile(db.path, unnamed)
    other = tmp_path / "autre.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    env = {"XDG_DATA_DIRS": str(tmp_path / "xdg"), "XDG_DATA_HOME": str(tmp_path / "none")}
    seen = {}
    for path in (db.path, unnamed, other):
        info = run(["gio", "info", "-a", "standard::content-type", path], env=env)
        assert info.returncode == 0, report(info)
        seen[path.name] = info.stdout.rsplit(": ", 1)[-1].strip()
    assert seen == {
        db.path.name: MIME_TYPE,
        "sans-extension": MIME_TYPE,
        "autre.sqlite": "application/vnd.sqlite3",
    }
