"""The PyInstaller one-folder bundle, built from build.spec and run as a user would.

Only the built executable proves the spec right: a resource loaded by path, a module
imported by name or a Qt plugin missing from the bundle passes every other test and
fails on the user's machine. One build per session (about a minute; tests/packaging/
conftest.py, shared with the Debian package), then the CLI paths that touch each of
them: migrations (demo), holidays and fonts (pack), Qt with its offscreen plugin, SVG
icons and translations (screenshot).
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from helpers.commands import active_sprint, pdf_text, report, run
from pypdf import PdfReader

from po_desktop import APP_ID, APP_NAME, __version__

pytestmark = pytest.mark.slow

# Qt libraries and packages the spec leaves out: their names on Linux, Windows and macOS.
UNWANTED = re.compile(
    r"Qt6?(Network|WebEngine|Qml|Quick|Pdf|Multimedia|3D|Wayland|EglFS)|tkinter|_tcl_data|pytest"
)


@pytest.fixture(scope="module")
def bundle_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundle's data dir and workspace: module-wide, like the build."""
    return tmp_path_factory.mktemp("bundle-home")


def run_bundle(bundle: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    exe = bundle / (f"{APP_ID}.exe" if os.name == "nt" else APP_ID)
    env = os.environ | {"PO_DESKTOP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return run([exe, *args], env=env)


@pytest.fixture(scope="module")
def workspace(bundle: Path, bundle_home: Path) -> Path:
    """A demo database created by the bundle itself: Alembic runs every migration."""
    db = bundle_home / "w.podb"
    result = run_bundle(bundle, bundle_home, "demo", "--db", str(db), "--needs", "60")
    assert result.returncode == 0, report(result)
    return db


def test_version_is_the_package_version(bundle: Path, bundle_home: Path) -> None:
    result = run_bundle(bundle, bundle_home, "--version")
    assert result.returncode == 0, report(result)
    assert result.stdout.strip() == f"{APP_NAME} {__version__}", report(result)


def test_bundle_holds_what_is_loaded_by_path_and_not_what_is_unused(bundle: Path) -> None:
    names = {path.name for path in bundle.rglob("*")}
    # reportlab falls back to pure Python silently: only the file shows the C code shipped.
    assert any(name.startswith("_rl_accel") for name in names)
    for expected in (
        "po_desktop_fr.mo",
        "qtbase_fr.qm",
        "qt_supplement_fr.mo",
        "DejaVuSans.ttf",
        "NotoEmoji-Regular.ttf",
        "LICENSE-NotoEmoji.txt",
        "0001_initial_schema.py",
        "fr_FR.dat",  # Babel's French numbers and dates
        "en_GB.dat",
    ):
        assert expected in names
    assert "de.dat" not in names  # nor the 700 other locales of Babel
    assert not any(UNWANTED.search(name) for name in names), sorted(
        name for name in names if UNWANTED.search(name)
    )


def test_french_qt_supplement_ships_where_the_app_loads_it(bundle: Path) -> None:
    """Qt's file chooser says "Look in:" in French only through our supplement."""
    from po_desktop.i18n import Catalogue

    found = [p for p in bundle.rglob("qt_supplement_fr.mo") if p.parent.name == "translations"]
    assert [p.parent.parent.name for p in found] == ["resources"], found
    with found[0].open("rb") as stream:
        supplement = Catalogue(stream)
    assert supplement.find("&Look in:", "QFileDialog") == "&Regarder dans\u00a0:"


def test_check_passes_on_the_demo_workspace(
    bundle: Path, bundle_home: Path, workspace: Path
) -> None:
    result = run_bundle(bundle, bundle_home, "check", "--db", str(workspace))
    assert result.returncode == 0, report(result)


def test_needs_go_out_to_a_workbook_and_back(
    bundle: Path, bundle_home: Path, workspace: Path, tmp_path: Path
) -> None:
    """openpyxl is imported only when a workbook is written or read: the analysis must
    still have found it."""
    out = tmp_path / "besoins.xlsx"
    result = run_bundle(
        bundle, bundle_home, "export", "--db", str(workspace), "-o", str(out), "--lang", "fr"
    )
    assert result.returncode == 0, report(result)
    assert out.read_bytes()[:2] == b"PK"
    result = run_bundle(bundle, bundle_home, "import-csv", str(out), "--db", str(workspace))
    assert result.returncode == 0, report(result)
    assert "0 needs created, 0 updated" in result.stdout or "0 besoin créé" in (result.stdout), (
        report(result)
    )


def test_french_pack_is_a_pdf_with_french_text(
    bundle: Path, bundle_home: Path, workspace: Path, tmp_path: Path
) -> None:
    out = tmp_path / "p.pdf"
    sprint = str(active_sprint(workspace))
    result = run_bundle(
        bundle,
        bundle_home,
        "pack",
        "--db",
        str(workspace),
        "--sprint",
        sprint,
        "-o",
        str(out),
        "--lang",
        "fr",
    )
    assert result.returncode == 0, report(result)
    assert out.read_bytes()[:4] == b"%PDF"
    assert len(PdfReader(out).pages) >= 2
    text = pdf_text(out)
    assert "Revue de sprint" in text, text[:500]
    assert "Objectif du sprint" in text, text[:500]


def test_printed_cards_draw_their_qr_codes_in_the_bundle(
    bundle: Path, bundle_home: Path, workspace: Path, tmp_path: Path
) -> None:
    """reportlab's barcode package imports its symbologies by name: the bundle ships them."""
    out = tmp_path / "cards.pdf"
    sprint = str(active_sprint(workspace))
    result = run_bundle(
        bundle, bundle_home, "cards", "--db", str(workspace), "--sprint", sprint, "-o", str(out)
    )
    assert result.returncode == 0, report(result)
    assert out.read_bytes()[:4] == b"%PDF"


def test_board_screenshot_renders_with_qt_fonts_and_translations(
    bundle: Path, bundle_home: Path, workspace: Path, tmp_path: Path
) -> None:
    out = tmp_path / "b.png"
    result = run_bundle(
        bundle,
        bundle_home,
        "screenshot",
        "--db",
        str(workspace),
        "--view",
        "board",
        "--lang",
        "fr",
        "--size",
        "1280x800",
        "-o",
        str(out),
    )
    assert result.returncode == 0, report(result)
    assert out.is_file(), report(result)
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1280, 800)
    # A blank or unstyled window compresses to a few kilobytes; the board is far richer.
    assert len(data) > 30_000, len(data)
    assert "Traceback" not in result.stderr, report(result)


def test_licences_ship_beside_the_executable_and_inside_for_about(bundle: Path) -> None:
    """What the bundle holds, traced to its packages at build time (LGPL: Qt's notice and
    where its sources are); the same file under resources/ for the About dialog."""
    licence = (bundle / "LICENSE.txt").read_text(encoding="utf-8")
    assert "All rights reserved" in licence
    notices = (bundle / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")
    inside = [p for p in bundle.rglob("THIRD-PARTY-NOTICES.txt") if p.parent.name == "resources"]
    assert [p.read_text(encoding="utf-8") for p in inside] == [notices]
    for expected in (
        "Qt and Qt for Python (LGPL-3.0)",
        "https://download.qt.io/official_releases/qt/",
        "\nPySide6_Essentials ",
        "\nshiboken6 ",
        "\nPython 3.",
        "\nSQLAlchemy ",
        "\nreportlab ",
        "GNU LESSER GENERAL PUBLIC LICENSE",
    ):
        assert expected in notices, expected
    if shutil.which("dpkg-query") and any(bundle.rglob("libxcb-cursor.so.0")):
        # A system library PyInstaller collected: its Debian package and source.
        lines = notices.split("\nlibxcb-cursor0 ", 1)[1].splitlines()[1:]
        entry = "\n".join(itertools.takewhile(lambda line: line.startswith("    "), lines))
        assert "ships: libxcb-cursor.so.0" in entry
        assert "apt-get source xcb-util-cursor=" in entry
