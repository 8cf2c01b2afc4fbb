"""What a user relies on over years: preferences remembered, files, backups, crashes survived."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.fakes import FakeFeedback
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from po_desktop import logs
from po_desktop.domain.backups import BackupPolicy
from po_desktop.store import backups
from po_desktop.store.database import Database, open_database
from po_desktop.store.models import BoardColumn, Need, NeedEvent, Project
from po_desktop.store.services import needs, projects
from po_desktop.store.services import workspace as workspace_service
from po_desktop.ui.about_dialog import AboutDialog
from po_desktop.ui.crash import CrashDialog, CrashHandler
from po_desktop.ui.main_window import MainWindow
from po_desktop.ui.preferences_dialog import PreferencesDialog
from po_desktop.ui.settings import RECENT_LIMIT, SETTINGS_VERSION, Settings
from po_desktop.ui.workspace import Workspace


@pytest.fixture
def seeded(db: Database) -> Database:
    with db.session() as s:
        erp = projects.create_project(s, projects.ProjectInput("ERP", "Déploiement ERP"))
        for title in ("Relances de factures", "Export comptable", "Paie mensuelle"):
            needs.create_need(s, needs.NeedInput(title, "Gagner du temps", erp.id))
    return db


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "prefs" / "settings.ini")


@pytest.fixture
def window(
    app: QApplication, seeded: Database, settings: Settings, qtbot: QtBot
) -> Iterator[MainWindow]:
    win = MainWindow(Workspace(seeded), settings=settings)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.autobackup.wait()


def _snapshot(path: Path) -> list[tuple[object, ...]]:
    """Everything a user could see change: needs with their column and rank, and events."""
    with open_database(path, lock=False) as db, db.session() as s:
        rows = [
            (n.id, n.title, n.column_id, n.rank, n.assignee_id, n.updated_at)
            for n in s.scalars(select(Need).order_by(Need.id))
        ]
        events = s.query(NeedEvent).count()
    return [*rows, ("events", events)]


# ----- settings ---------------------------------------------------------------------------
def test_settings_round_trip_every_option(tmp_path: Path, app: QApplication) -> None:
    path = tmp_path / "settings.ini"
    first = Settings(path)
    first.language = "fr"
    first.window_geometry = b"\x01\x02geometry"
    first.window_state = b"state\x00"
    first.last_view = 3
    first.backup_policy = BackupPolicy(keep_recent=4, keep_weeks=12, every_hours=2)
    first.set_splitter_state("scoring", b"split")
    first.set_board_state(tmp_path / "w.podb", {"lanes": "project", "filter": {"text": "é"}})
    for name in ("a", "b", "c"):
        first.remember_database(tmp_path / f"{name}.podb")
    first.remember_database(tmp_path / "a.podb")  # opened again: back to the top, once
    first.sync()

    again = Settings(path)
    assert again.language == "fr"
    assert again.window_geometry == b"\x01\x02geometry"
    assert again.window_state == b"state\x00"
    assert again.last_view == 3
    assert again.backup_policy == BackupPolicy(keep_recent=4, keep_weeks=12, every_hours=2)
    assert again.splitter_state("scoring") == b"split"
    assert again.splitter_state("calendar") == b""
    assert again.board_state(tmp_path / "w.podb") == {"lanes": "project", "filter": {"text": "é"}}
    assert again.last_database == str((tmp_path / "a.podb").resolve())
    assert [Path(p).name for p in again.recent_databases] == ["a.podb", "c.podb", "b.podb"]
    for i in range(RECENT_LIMIT + 3):
        again.remember_database(tmp_path / f"many{i}.podb")
    assert len(again.recent_databases) == RECENT_LIMIT


def test_a_hand_edited_settings_file_gives_defaults_not_errors(
    tmp_path: Path, app: QApplication
) -> None:
    path = tmp_path / "settings.ini"
    path.write_text(
        "[general]\nlanguage=klingon\n[window]\nlast_view=banana\n"
        "[backups]\nkeep_recent=100000\nkeep_weeks=-4\nevery_hours=\n"
        "[files]\nrecent={not json\n",
        encoding="utf-8",
    )
    settings = Settings(path)
    assert settings.language == ""
    assert settings.last_view == 0
    assert settings.backup_policy == BackupPolicy(keep_recent=100, keep_weeks=0, every_hours=4)
    assert settings.recent_databases == []
    assert settings.window_geometry == b""


def test_an_older_settings_file_is_upgraded_and_keeps_its_board_state(
    tmp_path: Path, app: QApplication
) -> None:
    path = tmp_path / "settings.ini"
    old = QSettings(str(path), QSettings.Format.IniFormat)  # as version 1 wrote it
    old.setValue("databases/abc/board", '{"lanes": "person"}')
    old.sync()
    del old
    Settings(path).sync()
    reread = QSettings(str(path), QSettings.Format.IniFormat)
    assert int(reread.value("meta/version")) == SETTINGS_VERSION
    assert reread.value("databases/abc/board") == '{"lanes": "person"}'


def test_the_window_comes_back_as_it_was_left(
    app: QApplication, seeded: Database, settings: Settings, qtbot: QtBot
) -> None:
    first = MainWindow(Workspace(seeded), settings=settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(900, 650)  # inside the offscreen screen (800×800: width kept at the minimum)
    first.tabs.setCurrentIndex(MainWindow.CALENDAR)
    first.scoring.splitter.setSizes([300, 700])
    wanted = first.scoring.splitter.sizes()
    path = seeded.path
    first.close()

    with open_database(path) as reopened:
        second = MainWindow(Workspace(reopened), settings=Settings(settings.path))
        qtbot.addWidget(second)
        second.show()
        assert second.tabs.currentIndex() == MainWindow.CALENDAR
        assert second.height() == 650
        assert second.scoring.splitter.sizes() == wanted
        second.close()


# ----- files ------------------------------------------------------------------------------
def test_title_recent_files_and_save_a_copy(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    assert window.windowTitle().startswith("workspace.podb — ")
    first = window.workspace.database.path
    assert window.files.switch_database(tmp_path / "other.podb")
    assert window.windowTitle().startswith("other.podb — ")
    window.files.fill_recent_menu()
    entries = [a for a in window.actions.recent_menu.actions() if a.data()]
    assert [Path(a.data()) for a in entries] == [first]  # the open file is not offered
    entries[0].trigger()
    assert window.workspace.database.path == first
    assert window.settings.last_database == str(first)

    target = tmp_path / "copie.podb"
    target.write_text("an old file the user chose to replace")
    copy = window.files.save_copy(target)
    assert copy == target
    assert not list(tmp_path.glob("*.partial"))
    with open_database(copy, create=False) as db, db.session() as s:
        assert s.query(Need).count() == 3


def test_save_a_copy_refuses_the_open_file(window: MainWindow, feedback: FakeFeedback) -> None:
    before = _snapshot(window.workspace.database.path)
    assert window.files.save_copy(window.workspace.database.path) is None
    assert "open database itself" in feedback.warnings[0]
    assert _snapshot(window.workspace.database.path) == before


def test_backups_taken_while_open_and_restored_from_the_window(
    window: MainWindow, qtbot: QtBot
) -> None:
    path = window.workspace.database.path
    with qtbot.waitSignal(window.autobackup.finished, timeout=20000) as blocker:
        assert window.autobackup.run("open")
    copy, error = blocker.args
    assert error == "" and copy.exists()
    assert [b.reason for b in backups.list_backups(path)] == ["open"]
    assert not window.autobackup.check()  # just copied: nothing due

    first = window.need_rows[0].id
    window.needs.delete([first])  # a mistake noticed too late for Ctrl+Z
    window.workspace.undo_stack.clear()
    assert len(window.need_rows) == 2
    assert window.files.restore_backup(copy)
    assert len(window.need_rows) == 3
    assert window.workspace.undo_stack.count() == 0
    kept = list(path.parent.glob("workspace.podb.before-restore-*"))
    assert [k for k in kept if k.name[-3:] not in ("wal", "shm")]
    assert "restored" in window.statusBar().currentMessage()


def test_a_window_closed_before_its_opening_copy_starts_none(
    seeded: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The copy taken on opening waits a second for the first paint; a window closed
    before then copies nothing afterwards (its thread would outlive the window it
    reports to)."""
    from po_desktop.ui.app import start_gui
    from po_desktop.ui.autobackup import AutoBackup

    path = seeded.path
    seeded.close()
    started: list[str] = []
    monkeypatch.setattr(AutoBackup, "run", lambda _self, reason: started.append(reason))
    _app, window = start_gui(path, "en")
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.close()
    qtbot.wait(1300)
    assert started == []
    assert not window.autobackup.timer.isActive()  # no copy every ten minutes either


def test_a_failed_backup_is_said_once_and_changes_nothing(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, feedback: FakeFeedback
) -> None:
    from po_desktop.store.errors import DatabaseFileError

    def full_disk(_path: Path, _reason: str = "auto") -> Path:
        raise DatabaseFileError("backup.write_failed", path="x", detail="No space left on device")

    monkeypatch.setattr(backups, "create", full_disk)
    for _ in range(2):
        with qtbot.waitSignal(window.autobackup.finished, timeout=20000):
            window.autobackup.run("auto")
    assert len(feedback.warnings) == 1 and "No space left" in feedback.warnings[0]
    assert "No space left" in window.statusBar().currentMessage()


# ----- crashes ----------------------------------------------------------------------------
def test_an_unexpected_error_is_reported_rolled_back_and_the_app_goes_on(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    log_path = logs.configure()
    assert log_path is not None
    handler = CrashHandler(log_path, window, parent_widget=lambda: window)
    shown: list[CrashDialog] = []

    def fake_exec(dialog: CrashDialog) -> int:
        shown.append(dialog)
        dialog.copy_report()
        return 1  # Continue

    monkeypatch.setattr(CrashDialog, "exec", fake_exec)
    path = window.workspace.database.path
    before = _snapshot(path)
    undo_count = window.workspace.undo_stack.count()
    real_place = needs._place

    def half_then_fail(*args: object, **kwargs: object) -> None:
        real_place(*args, **kwargs)  # the move is written in the transaction...
        raise RuntimeError("injected fault after the write")  # ...then a bug strikes

    monkeypatch.setattr(needs, "_place", half_then_fail)
    with window.workspace.session() as s:
        done = s.scalar(select(BoardColumn.id).where(BoardColumn.is_done.is_(True)))
    ids = [row.id for row in window.need_rows[:2]]
    try:
        window.needs.move(ids, done, None)
    except RuntimeError as exc:  # what Qt would hand to sys.excepthook
        handler.handle(type(exc), exc, exc.__traceback__)

    assert _snapshot(path) == before  # rolled back: not one card moved, no event
    assert window.workspace.undo_stack.count() == undo_count  # nothing to undo
    assert len(shown) == 1
    report = shown[0].report
    assert "injected fault after the write" in report and "Traceback" in report
    assert str(log_path) in shown[0].log_label.text()
    assert QGuiApplication.clipboard().text() == report
    for handler_ in logging.getLogger("po_desktop").handlers:
        handler_.flush()
    assert "injected fault after the write" in log_path.read_text(encoding="utf-8")

    monkeypatch.setattr(needs, "_place", real_place)  # the app goes on: the same move works
    window.needs.move(ids, done, None)
    with window.workspace.session() as s:
        assert {s.get(Need, i).column_id for i in ids} == {done}  # type: ignore[union-attr]


def test_expected_errors_are_plain_messages_not_crash_reports(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, feedback: FakeFeedback
) -> None:
    from po_desktop.store.errors import StorageError

    handler = CrashHandler(None, window, parent_widget=lambda: window)
    monkeypatch.setattr(CrashDialog, "exec", lambda _d: pytest.fail("not a crash"))
    exc = StorageError("db.busy")
    handler.handle(type(exc), exc, None)
    assert feedback.warnings == ["The database is busy in another program; try again in a moment."]


def test_the_crash_hook_is_installed_and_removed(app: QApplication) -> None:
    import sys

    handler = CrashHandler(None)
    previous = sys.excepthook
    handler.install()
    try:
        assert sys.excepthook == handler.handle
    finally:
        handler.uninstall()
    assert sys.excepthook == previous


# ----- dialogs ----------------------------------------------------------------------------
def test_preferences_save_language_backups_and_the_holiday_region(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = PreferencesDialog(window.settings, window.workspace, window)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    dialog.keep_recent.setValue(20)
    dialog.keep_weeks.setValue(0)
    dialog.every_hours.setValue(0)
    dialog.region.setCurrentIndex(dialog.region.findData("6AE"))
    dialog.accept()
    assert dialog.language_changed
    reread = Settings(window.settings.path)
    assert reread.language == "fr"
    assert reread.backup_policy == BackupPolicy(keep_recent=20, keep_weeks=0, every_hours=0)
    assert window.workspace.read(workspace_service.holiday_region) == "6AE"
    window.workspace.undo_stack.undo()  # the region is team data: one undoable step
    assert window.workspace.read(workspace_service.holiday_region) == ""

    dialog.backup_now.click()
    assert [b.reason for b in backups.list_backups(window.workspace.database.path)] == ["manual"]
    assert "manual" in dialog.backup_status.text()


def test_about_names_the_version_the_file_its_schema_and_the_licences(
    window: MainWindow, qtbot: QtBot
) -> None:
    from po_desktop import __version__
    from po_desktop.store.migrate import HEAD

    dialog = AboutDialog(window.workspace, window)
    qtbot.addWidget(dialog)
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    joined = "\n".join(labels)
    assert __version__ in joined
    assert str(window.workspace.database.path) in joined
    assert HEAD in labels
    assert dialog.licences.count() == 5  # PO Desktop, DejaVu, Noto Emoji, icons, third-party
    for index in range(dialog.licences.count()):
        text = dialog.licences.widget(index).toPlainText()  # type: ignore[attr-defined]
        assert len(text) > 200 and "missing" not in text


def test_a_damaged_database_offers_its_newest_verified_backup(
    window: MainWindow, tmp_path: Path, feedback: FakeFeedback
) -> None:
    import hashlib

    other = tmp_path / "équipe.podb"
    with open_database(other) as db, db.session() as s:
        projects.create_project(s, projects.ProjectInput("CRM", "Refonte CRM"))
    backups.create(other, "auto")
    data = bytearray(other.read_bytes())
    for offset in range(4096, len(data), 7):  # the disk rots every page after the header
        data[offset] ^= 0x5A
    other.write_bytes(bytes(data))
    damaged = hashlib.sha256(bytes(data)).hexdigest()

    feedback.answers = [False, True]
    assert not window.files.switch_database(other)  # "No": nothing is touched
    asked = feedback.questions
    assert "damaged" in asked[0] and "verified backup" in asked[0]
    assert hashlib.sha256(other.read_bytes()).hexdigest() == damaged
    assert window.files.switch_database(other)  # "Yes": the copy is put back and opened
    assert window.workspace.database.path == other.resolve()
    with window.workspace.session() as s:
        assert [p.code for p in s.scalars(select(Project))] == ["CRM"]
    kept = [p for p in tmp_path.glob("équipe.podb.before-restore-*") if p.suffix != ".podb"]
    kept = [p for p in kept if not p.name.endswith(("-wal", "-shm"))]
    assert len(kept) == 1 and hashlib.sha256(kept[0].read_bytes()).hexdigest() == damaged


def test_a_damaged_database_without_backup_is_refused_untouched(
    window: MainWindow, tmp_path: Path, feedback: FakeFeedback
) -> None:
    damaged = tmp_path / "notes.podb"
    with open_database(damaged) as db, db.session() as s:
        projects.create_project(s, projects.ProjectInput("CRM", "Refonte CRM"))
    data = bytearray(damaged.read_bytes())
    for offset in range(4096, len(data), 7):  # every page after the header rots
        data[offset] ^= 0x5A
    damaged.write_bytes(bytes(data))
    assert not window.files.switch_database(damaged)
    assert not feedback.questions  # nothing to offer
    assert len(feedback.warnings) == 1 and "damaged" in feedback.warnings[0]
    assert damaged.read_bytes() == bytes(data)


def test_recent_menu_shows_ampersands_and_greys_out_missing_files(
    window: MainWindow, tmp_path: Path
) -> None:
    first = window.workspace.database.path
    assert window.files.switch_database(tmp_path / "R&D.podb")
    assert window.files.switch_database(first)
    gone = tmp_path / "gone.podb"
    window.settings.remember_database(gone)  # opened once, deleted since
    assert window.files.switch_database(first)  # already open: nothing to do, no "in use" refusal
    window.files.fill_recent_menu()
    entries = {Path(a.data()).name: a for a in window.actions.recent_menu.actions() if a.data()}
    assert set(entries) == {"R&D.podb", "gone.podb"}
    assert entries["R&D.podb"].text().startswith("&") and "R&&D.podb" in entries["R&D.podb"].text()
    assert entries["R&D.podb"].isEnabled() and not entries["gone.podb"].isEnabled()
    assert "(not found)" in entries["gone.podb"].text()


def test_a_failure_before_the_window_opens_is_shown_not_lost(
    app: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    from po_desktop.ui import app as app_module

    def broken(_path: object, _lang: object) -> None:
        raise RuntimeError("settings could not be read")

    shown: list[CrashDialog] = []

    def fake_exec(dialog: CrashDialog) -> int:
        shown.append(dialog)
        return CrashDialog.QUIT

    monkeypatch.setattr(app_module, "start_gui", broken)
    monkeypatch.setattr(CrashDialog, "exec", fake_exec)
    assert app_module.run_gui(None) == 2
    assert len(shown) == 1 and "settings could not be read" in shown[0].report
    assert shown[0].continue_button.isHidden()  # no window to go back to
    shown[0].deleteLater()


def test_error_messages_quote_user_text_as_typed(
    window: MainWindow, feedback: FakeFeedback
) -> None:
    """Qt guesses HTML from the text: a refused tag "<b>x</b>" must not show in bold."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QMessageBox

    from po_desktop.ui.feedback import Feedback

    text = "L'étiquette « <b>x</b> & co » est invalide."
    window._show_failure(text)
    assert feedback.warnings == [text]
    seen: list[tuple[Qt.TextFormat, str]] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append((box.textFormat(), box.text()))
        box.accept()

    QTimer.singleShot(0, read_and_close)
    Feedback().warn(window, "PO Desktop", text)  # the real message box
    assert seen == [(Qt.TextFormat.PlainText, text)]
