"""UI tests need the compiled French catalogue; build it when `make` has not."""

from __future__ import annotations

import runpy
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.fakes import FakeFeedback

from po_desktop import paths
from po_desktop.ui.feedback import install


@pytest.fixture(scope="session", autouse=True)
def compiled_translations() -> None:
    """The .qm files beside their sources, compiled by the project's one compile step."""
    tool = Path(__file__).resolve().parents[2] / "tools" / "compile_translations.py"
    runpy.run_path(str(tool))["compile_translations"](paths.resources_dir() / "translations")


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
