"""Application start: Qt objects, language, the database, the main window."""

from __future__ import annotations

import gc
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from po_desktop import APP_ID, APP_NAME, __version__, open_copies
from po_desktop.domain import messages
from po_desktop.ui import icons
from po_desktop.ui.i18n import install_translators, load_fonts

if TYPE_CHECKING:
    from po_desktop.ui.settings import Settings


def create_application(lang: str | None, argv: list[str] | None = None) -> QApplication:
    """One QApplication per process; reused when it exists (tests, screenshots)."""
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName(APP_NAME)
        QCoreApplication.setApplicationName(APP_NAME)
        QCoreApplication.setApplicationVersion(__version__)
        app = QApplication(argv if argv is not None else [sys.argv[0]])
        app.setDesktopFileName(APP_ID)
        family = load_fonts()
        if family:
            font = app.font()
            font.setFamily(family)
            app.setFont(font)
    assert isinstance(app, QApplication)
    install_translators(app, lang or messages.system_language())
    return app


def start_gui(
    db_path: Path | str | None, lang: str | None = None
) -> tuple[QApplication, QWidget | None]:
    """Application and main window on screen; None when the database was refused.

    ``db_path`` None opens the database used last (or the default one), and ``lang``
    None speaks the language chosen in the preferences (or the system's).
    """
    from po_desktop import logs
    from po_desktop.ui.settings import Settings

    settings = Settings()
    asked = db_path if isinstance(db_path, str) else None  # an address on the command line
    team_first = asked is not None or (db_path is None and "://" in settings.last_database)
    path = None if team_first else _file_to_open(db_path, settings)
    if path is not None:
        from po_desktop.store.database import examine_ahead

        examine_ahead(path)  # its integrity check runs while the window is being built
    app = create_application(lang or settings.language or None)
    app.setWindowIcon(icons.app_icon())
    log_path = logs.configure()
    from po_desktop.ui.crash import CrashHandler
    from po_desktop.ui.main_window import MainWindow
    from po_desktop.ui.workspace import Workspace

    handler = CrashHandler(log_path, app, parent_widget=QApplication.activeWindow)
    handler.install()
    app.aboutToQuit.connect(handler.uninstall)
    tidy_open_copies(app)

    database = None
    if team_first:
        from po_desktop.ui.team_link import open_last_team

        database = open_last_team(asked or settings.last_database)
        if database is None and asked is not None:
            return app, None
    if database is None:
        from po_desktop.ui.recovery import open_or_recover

        database = open_or_recover(path or _file_to_open(db_path, settings), None, APP_NAME)
    if database is None:
        return app, None
    window = MainWindow(Workspace(database, who_am_i=settings.who_am_i), settings=settings)
    if settings.window_geometry:
        window.show()  # where the user left it (Qt keeps it on a screen that exists)
    else:
        first_size(window)
    # The copy taken on opening waits for the first paint and runs off the GUI thread.
    window.autobackup.open_soon(1000)
    window.autobackup.start()
    # Done and no-go needs past the workspace's days leave the board once it is painted.
    window.views.after_first_paint(window.auto_archive.start)
    if not gc.isenabled():  # paused for the start-up by the command line (cli._cmd_gui)
        window.views.after_first_paint(_resume_collector)
    return app, window


def _resume_collector() -> None:
    """The garbage collector back on once the board is painted, what start-up made
    (modules, the window, the rows: all in use for the session) kept out of its
    walks from now on."""
    gc.collect()  # the little garbage start-up made (a dialog, a migration) goes first
    gc.freeze()
    gc.enable()


def _file_to_open(db_path: Path | str | None, settings: Settings) -> Path:
    """The file asked for, or the one used last when it is still there, or the default."""
    from po_desktop import paths

    if db_path is not None:
        return Path(db_path)
    last = settings.last_database
    usable = last and "://" not in last and Path(last).exists()
    return Path(last) if usable else paths.default_database()


def tidy_open_copies(app: QCoreApplication) -> None:
    """Copies of attachments opened by a session that crashed go now; this session's
    go when the app quits."""
    open_copies.remove_stale()
    app.aboutToQuit.connect(open_copies.SESSION.clean)


def first_size(window: QWidget) -> None:
    """A first start: 1280×800, or the whole screen on a laptop with less room than that."""
    from po_desktop.ui import screen

    room = screen.available_size(window)
    if room.width() < 1280 + screen.MARGIN or room.height() < 800 + screen.MARGIN:
        window.showMaximized()
    else:
        window.resize(1280, 800)
        window.show()


def run_gui(db_path: Path | str | None, lang: str | None = None) -> int:
    try:
        app, window = start_gui(db_path, lang)
    except Exception as exc:
        # Before the event loop runs, nothing hands this to the crash hook; and the
        # windowed Windows build has no console to print it to.
        _report_startup_failure(exc)
        return 2
    if window is None:
        return 2
    from po_desktop.ui import session_end

    session_end.install(app, window)  # a logout (SIGTERM) closes it as its close button does
    return app.exec()


def _report_startup_failure(exc: Exception) -> None:
    from po_desktop import logs
    from po_desktop.ui.crash import CrashDialog

    log_path = logs.configure()
    logging.getLogger(__name__).error("Start-up failed", exc_info=exc)
    if QApplication.instance() is None:
        raise exc
    dialog = CrashDialog((type(exc), exc, exc.__traceback__), log_path)
    dialog.continue_button.hide()  # there is no window to go back to
    dialog.exec()
