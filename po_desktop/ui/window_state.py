"""Where the user left the window: its size and place, its toolbar, the pages' splitters
and the view they were in, kept in the preferences from one session to the next."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow, QSplitter, QTabWidget

from po_desktop.ui.settings import Settings
from po_desktop.ui.views import Views


def page_splitters(views: Views) -> dict[str, QSplitter]:
    """The splitters of the pages built so far, by the names they are kept under."""
    scoring, calendar = views.built_pages()
    found = {} if scoring is None else {"scoring": scoring.splitter}
    if calendar is not None:
        found |= {"calendar": calendar.splitter, "calendar_side": calendar.side_splitter}
    return found


def restore_splitters(settings: Settings, splitters: dict[str, QSplitter]) -> None:
    """A page just built: its splitters where the user left them."""
    for name, splitter in splitters.items():
        saved = settings.splitter_state(name)
        if saved:
            splitter.restoreState(QByteArray(saved))


def restore(window: QMainWindow, settings: Settings, tabs: QTabWidget) -> None:
    """Size and place, toolbar, the view the user was in (the pages' splitters come with
    each page, when it is built)."""
    geometry = settings.window_geometry
    if geometry:
        window.restoreGeometry(QByteArray(geometry))
    state = settings.window_state
    if state:
        window.restoreState(QByteArray(state))
    tabs.setCurrentIndex(settings.last_view)


def save(window: QMainWindow, settings: Settings, views: Views) -> None:
    settings.window_geometry = bytes(window.saveGeometry().data())
    settings.window_state = bytes(window.saveState().data())
    for name, splitter in page_splitters(views).items():  # a page never built kept its own
        settings.set_splitter_state(name, bytes(splitter.saveState().data()))
    settings.last_view = views.tabs.currentIndex()
