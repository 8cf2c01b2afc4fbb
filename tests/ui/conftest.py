"""UI tests: the application's set-up, and a fake for every message box and file chooser."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from helpers.fakes import FakeFeedback

from po_desktop.ui.feedback import install


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
