"""The PyInstaller bundle, built once per session for every test that runs it (the bundle
itself, the Debian package made from it)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from helpers.commands import report, run

from po_desktop import APP_ID

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "build.spec"
BUILD_TIMEOUT_S = 900


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built folder; skipped only where PyInstaller is not installed."""
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed (pip install -e '.[test]')")
    work = tmp_path_factory.mktemp("pyinstaller")
    result = run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--distpath",
            work / "dist",
            "--workpath",
            work / "build",
            SPEC,
        ],
        cwd=ROOT,
        timeout=BUILD_TIMEOUT_S,
    )
    assert result.returncode == 0, report(result)
    folder = work / "dist" / APP_ID
    assert folder.is_dir(), report(result)
    return folder
