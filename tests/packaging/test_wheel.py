"""The wheel and the sdist, installed the way pip and pipx install them, run as a user would.

Everything else runs the application from the repository, where resources/ sits beside
the code and make has compiled the translations: a wheel without them passed every other
test and shipped an English interface without icons whose pack crashed on its fonts. So:
build the sdist and the wheel, install the wheel with its dependencies in a fresh virtual
environment outside the repository, and from a folder outside the repository (no
PYTHONPATH) run --version, the French pack and the French window. The sdist must rebuild
the same wheel: that is what pip does with it on a machine without a wheel.
"""

from __future__ import annotations

import hashlib
import os
import struct
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
from helpers.commands import active_sprint, clean_env, pdf_fonts, pdf_text, report, run

from po_desktop import APP_ID, APP_NAME, __version__

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
BUILD_TIMEOUT_S = 600
INSTALL_TIMEOUT_S = 900

# Created in the installed environment: the French window's first menu, and what the
# installation reports as missing. Only the installed package is imported.
PROBE = """
import sys
from pathlib import Path

from po_desktop import notices, paths
from po_desktop.store.database import open_database
from po_desktop.ui import icons
from po_desktop.ui.app import create_application
from po_desktop.ui.main_window import MainWindow
from po_desktop.ui.settings import Settings
from po_desktop.ui.workspace import Workspace

app = create_application("fr")
workspace = Workspace(open_database(Path(sys.argv[1])))
window = MainWindow(workspace, settings=Settings(Path(sys.argv[2])))
print("menu:", window.menuBar().actions()[0].text())
print("resources:", paths.resources_dir())
print("missing:", sorted(paths.missing_resources([*icons.expected(), *notices.expected()])))
print("licence:", "All rights reserved" in (notices.project_licence() or ""))
print("notices:", "SQLAlchemy" in (notices.third_party_notices() or ""))
print("icon:", not icons.icon("undo").isNull())
window.close()
"""


def _build(*args: str, out: Path) -> Path:
    """``python -m build`` into ``out`` (isolated: only build-system.requires)."""
    result = run(
        [sys.executable, "-m", "build", *args, "--outdir", str(out)],
        timeout=BUILD_TIMEOUT_S,
        cwd=ROOT,
    )
    assert result.returncode == 0, report(result)
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The wheel built from the repository, the sdist, and the wheel built from that sdist
    (what ``python -m build`` does by default)."""
    work = tmp_path_factory.mktemp("build")
    tree = _build("--wheel", str(ROOT), out=work / "tree")
    via_sdist = _build(str(ROOT), out=work / "sdist")
    return {
        "wheel": next(tree.glob("*.whl")),
        "sdist": next(via_sdist.glob("*.tar.gz")),
        "wheel_from_sdist": next(via_sdist.glob("*.whl")),
    }


@pytest.fixture(scope="module")
def installed(built: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment, outside the repository, with the wheel and its
    dependencies (from the index, or pip's cache): what pipx makes."""
    env_dir = tmp_path_factory.mktemp("pipx") / "venv"
    venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    python = env_dir / ("Scripts" if os.name == "nt" else "bin") / "python"
    result = run(
        [python, "-m", "pip", "install", "--disable-pip-version-check", built["wheel"]],
        timeout=INSTALL_TIMEOUT_S,
        cwd=env_dir,
    )
    assert result.returncode == 0, report(result)
    return env_dir


@pytest.fixture(scope="module")
def outside(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder the commands run in: nowhere near the repository."""
    folder = tmp_path_factory.mktemp("user")
    assert ROOT not in folder.parents
    return folder


def _tool(env_dir: Path, name: str) -> Path:
    folder = env_dir / ("Scripts" if os.name == "nt" else "bin")
    return folder / (f"{name}.exe" if os.name == "nt" else name)


def _app(env_dir: Path, outside: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run([_tool(env_dir, APP_ID), *args], env=clean_env(outside / "home"), cwd=outside)


@pytest.fixture(scope="module")
def workspace(installed: Path, outside: Path) -> Path:
    db = outside / "equipe.podb"
    result = _app(installed, outside, "demo", "--db", str(db), "--needs", "60")
    assert result.returncode == 0, report(result)
    return db


def _members(wheel: Path) -> dict[str, str]:
    """Each file of a wheel but its metadata, with its content's hash."""
    with zipfile.ZipFile(wheel) as archive:
        return {
            name: hashlib.sha256(archive.read(name)).hexdigest()
            for name in archive.namelist()
            if ".dist-info/" not in name
        }


def test_the_wheel_carries_resources_and_compiled_translations(built: dict[str, Path]) -> None:
    names = set(_members(built["wheel"]))
    for expected in (
        "po_desktop/resources/fonts/DejaVuSans.ttf",
        "po_desktop/resources/fonts/DejaVuSans-Bold.ttf",
        "po_desktop/resources/fonts/NotoEmoji-Regular.ttf",
        "po_desktop/resources/fonts/LICENSE-NotoEmoji.txt",
        "po_desktop/resources/icons/undo.svg",
        "po_desktop/resources/translations/po_desktop_fr.mo",
        "po_desktop/resources/translations/qt_supplement_fr.mo",
        "po_desktop/store/migrations/versions/0001_initial_schema.py",
    ):
        assert expected in names, expected
    assert not any(name.endswith((".po", ".pot")) for name in names)


def test_the_sdist_rebuilds_the_same_wheel(built: dict[str, Path]) -> None:
    assert _members(built["wheel_from_sdist"]) == _members(built["wheel"])


def test_version(installed: Path, outside: Path) -> None:
    result = _app(installed, outside, "--version")
    assert result.returncode == 0, report(result)
    assert result.stdout.strip() == f"{APP_NAME} {__version__}"


def test_french_pack_with_embedded_fonts(installed: Path, outside: Path, workspace: Path) -> None:
    pdf = outside / "revue.pdf"
    sprint = str(active_sprint(workspace))
    result = _app(
        installed,
        outside,
        "pack",
        "--db",
        str(workspace),
        "--sprint",
        sprint,
        "-o",
        str(pdf),
        "--lang",
        "fr",
    )
    assert result.returncode == 0, report(result)
    assert result.stderr == "", report(result)  # nothing missing, nothing to warn about
    text = pdf_text(pdf)
    assert "Revue de sprint" in text and "Objectif du sprint" in text, text[:500]
    fonts = pdf_fonts(pdf)
    assert fonts and all(fonts.values()), fonts


def test_french_window_from_the_installed_package(
    installed: Path, outside: Path, workspace: Path
) -> None:
    shot = outside / "tableau.png"
    result = _app(
        installed,
        outside,
        "screenshot",
        "--db",
        str(workspace),
        "--view",
        "board",
        "--lang",
        "fr",
        "-o",
        str(shot),
    )
    assert result.returncode == 0, report(result)
    assert "missing" not in result.stderr, report(result)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1280, 800)

    probe = run(
        [_tool(installed, "python"), "-c", PROBE, workspace, outside / "settings.ini"],
        env=clean_env(outside / "home"),
        cwd=outside,
    )
    assert probe.returncode == 0, report(probe)
    lines = dict(line.split(": ", 1) for line in probe.stdout.splitlines() if ": " in line)
    assert lines["menu"].replace("&", "") == "Fichier", report(probe)
    assert Path(lines["resources"]).is_relative_to(installed), report(probe)
    assert lines["missing"] == "[]", report(probe)
    assert lines["icon"] == "True", report(probe)
    assert lines["licence"] == lines["notices"] == "True", report(probe)  # About's tabs
