"""The Debian package of the bundle, installed with apt, run, and removed without a trace.

Needs dpkg-deb to build the package, and root with apt-get to install it (a CI container):
skipped with the reason otherwise. The bundle is the session's (tests/packaging/
conftest.py): built once for this test and tests/packaging/test_bundle.py.
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.commands import clean_env, report, run

from po_desktop import APP_ID, APP_NAME, __version__

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
INSTALLED = [
    Path("/opt") / APP_ID,
    Path("/usr/bin") / APP_ID,
    Path("/usr/share/applications") / f"{APP_ID}.desktop",
    Path("/usr/share/mime/packages") / f"{APP_ID}.xml",
    Path("/usr/share/icons/hicolor/256x256/apps") / f"{APP_ID}.png",
    Path("/usr/share/icons/hicolor/16x16/apps") / f"{APP_ID}.png",
    Path("/usr/share/icons/hicolor/scalable/apps") / f"{APP_ID}.svg",
    Path("/usr/share/doc") / APP_ID / "copyright",
]
MIME_DEFINITION = Path("/usr/share/mime/application/x-po-desktop-workspace.xml")


@pytest.fixture(scope="module")
def deb(bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not shutil.which("dpkg-deb"):
        pytest.skip("dpkg-deb is not installed (not a Debian-like system)")
    out = tmp_path_factory.mktemp("deb")
    result = run([sys.executable, ROOT / "tools" / "make_deb.py", bundle, out])
    assert result.returncode == 0, report(result)
    return Path(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def installed(deb: Path) -> Iterator[Path]:
    """The package installed by apt, as a user would; removed whatever happens."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.skip("installing a package needs root and apt-get")
    if run(["dpkg-query", "-W", APP_ID]).returncode == 0:
        pytest.skip(f"{APP_ID} is already installed on this machine: not touching it")
    env = os.environ | {"DEBIAN_FRONTEND": "noninteractive"}
    result = run(["apt-get", "install", "-y", deb], env=env, timeout=600)
    try:
        assert result.returncode == 0, report(result)
        yield deb
    finally:  # removed by the test; purged here (dpkg keeps a removed package's postrm)
        run(["apt-get", "purge", "-y", APP_ID], env=env, timeout=600)


def test_the_package_says_what_it_needs(deb: Path) -> None:
    fields = run(["dpkg-deb", "--field", deb, "Package", "Version", "Depends"])
    assert fields.returncode == 0, report(fields)
    assert f"Package: {APP_ID}\nVersion: {__version__}\n" in fields.stdout
    depends = fields.stdout.split("Depends: ", 1)[1]
    assert "libc6 (>= 2." in depends
    for qt_needs in ("libxcb-cursor0", "libxkbcommon-x11-0", "libegl1"):
        assert qt_needs in depends


def test_installed_it_runs_is_integrated_and_removed_leaves_nothing(
    installed: Path, tmp_path: Path
) -> None:
    for path in INSTALLED:
        assert path.exists(), path
    assert MIME_DEFINITION.is_file()  # update-mime-database ran
    env = clean_env(tmp_path / "home")
    version = run([APP_ID, "--version"], env=env, cwd=tmp_path)
    assert version.returncode == 0, report(version)
    assert version.stdout.strip() == f"{APP_NAME} {__version__}"

    db = tmp_path / "equipe.podb"
    demo = run([APP_ID, "demo", "--db", db, "--needs", "40"], env=env, cwd=tmp_path)
    assert demo.returncode == 0, report(demo)
    shot = tmp_path / "tableau.png"
    args = ["screenshot", "--db", db, "--view", "board", "--lang", "fr", "-o", shot]
    screenshot = run([APP_ID, *args], env=env, cwd=tmp_path)
    assert screenshot.returncode == 0, report(screenshot)
    assert struct.unpack(">II", shot.read_bytes()[16:24]) == (1280, 800)
    assert "missing" not in screenshot.stderr, report(screenshot)

    if shutil.which("desktop-file-validate"):
        valid = run(["desktop-file-validate", INSTALLED[2]])
        assert valid.returncode == 0 and not valid.stdout.strip(), report(valid)
    if shutil.which("gio"):  # what a file manager sees: the type, from the name or the header
        unnamed = tmp_path / "sans-extension"
        shutil.copyfile(db, unnamed)
        for path in (db, unnamed):
            info = run(["gio", "info", "-a", "standard::content-type", path])
            assert "application/x-po-desktop-workspace" in info.stdout, report(info)

    removed = run(
        ["apt-get", "remove", "-y", APP_ID],
        env=os.environ | {"DEBIAN_FRONTEND": "noninteractive"},
        timeout=600,
    )
    assert removed.returncode == 0, report(removed)
    assert [path for path in (*INSTALLED, MIME_DEFINITION) if path.exists()] == []
    status = run(["dpkg-query", "-W", "-f", "${db:Status-Status}", APP_ID])
    assert status.stdout in ("", "not-installed", "config-files"), report(status)
