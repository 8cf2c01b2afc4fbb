"""UI tests need the compiled French catalogue; build it when `make` has not."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.fakes import FakeFeedback

from po_desktop import paths
from po_desktop.ui.feedback import install


@pytest.fixture(scope="session", autouse=True)
def compiled_translations() -> None:
    folder = paths.resources_dir() / "translations"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for source in folder.glob("*.ts"):
        target = source.with_suffix(".qm")
        if not target.exists() or target.stat().st_mtime < source.stat().st_mtime:
            subprocess.run(
                [
                    str(lrelease) if lrelease.exists() else "pyside6-lrelease",
                    "-silent",
                    str(source),
                    "-qm",
                    str(target),
                ],
                check=True,
            )


@pytest.fixture
def app(qapp: object) -> object:
    """The application as the GUI sets it up (fonts, English translators)."""
    from po_desktop.ui.app import create_application

    return create_application("en")


@pytest.fixture(autouse=True)
def feedback() -> Iterator[FakeFeedback]:
    """No test ever waits on a real message box or file chooser: this double answers."""
    fake = FakeFeedback()
    previous = install(fake)
    yield fake
    install(previous)
