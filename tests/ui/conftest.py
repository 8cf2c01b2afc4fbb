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
def windows_deleted() -> Iterator[None]:
    """Each test starts without the windows of the tests before it.

    pytest-qt closes the widgets a test registered and asks Qt to delete them later, but
    "later" is the next event loop, which a headless test run rarely starts: without this,
    the windows of earlier tests stay alive (tens of thousands of widgets after the
    every-action test) and every later test that shows a window or processes events pays
    for them."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:  # runs after pytest-qt's deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def feedback() -> Iterator[FakeFeedback]:
    """No test ever waits on a real message box or file chooser: this double answers."""
    fake = FakeFeedback()
    previous = install(fake)
    yield fake
    install(previous)


@pytest.fixture(params=["fr", "en"])
def any_language(request: pytest.FixtureRequest, app: object) -> Iterator[str]:
    """The application in French, then in English; English again for the next tests."""
    from po_desktop.ui.app import create_application

    create_application(request.param)
    try:
        yield request.param
    finally:
        create_application("en")
