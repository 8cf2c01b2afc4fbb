"""The window on a team workspace, against the machine's PostgreSQL: connecting (the
password kept in the keyring, never in the settings), the board of the server, another
person's change shown within a second, and the server gone said without freezing."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from helpers import postgres
from helpers.fakes import FakeFeedback
from helpers.memory_keyring import MemoryKeyring
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import Session

from po_desktop.store import changes, keychain, team
from po_desktop.store.database import open_database
from po_desktop.store.errors import StorageError
from po_desktop.store.models import Need
from po_desktop.store.services import needs, projects
from po_desktop.ui.connect_dialog import ConnectDialog
from po_desktop.ui.main_window import MainWindow
from po_desktop.ui.settings import Settings
from po_desktop.ui.workspace import Workspace

PASSWORD = "mot-de-passe-7Zq"


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    kept = MemoryKeyring()
    keyring.set_keyring(kept)
    yield kept
    keyring.set_keyring(previous)


@pytest.fixture
def server() -> Iterator[str]:
    with postgres.scratch_database() as url:
        engine = team.make_server_engine(url)
        try:
            team.create_schema(engine)
            with Session(engine) as session:
                erp = projects.create_project(session, projects.ProjectInput("ERP", "ERP"))
                needs.create_need(session, needs.NeedInput("Relances", "Défi", erp.id))
        finally:
            engine.dispose()
        yield postgres.address(url)


@pytest.fixture
def local(tmp_path: Path) -> Path:
    path = tmp_path / "perso.podb"
    with open_database(path) as db, db.session() as session:
        erp = projects.create_project(session, projects.ProjectInput("PER", "Perso"))
        needs.create_need(session, needs.NeedInput("Fichier local", "Défi", erp.id))
    return path


def _window(qtbot: QtBot, db: object, tmp_path: Path) -> MainWindow:
    win = MainWindow(Workspace(db), settings=Settings(tmp_path / "settings.ini"))  # type: ignore[arg-type]
    qtbot.addWidget(win)
    win.show()
    return win


def _titles(win: MainWindow) -> list[str]:
    return sorted(row.title for row in win.need_rows)


def test_connecting_opens_the_team_board_and_keeps_the_password_in_the_keyring(
    app: QApplication,
    qtbot: QtBot,
    server: str,
    local: Path,
    tmp_path: Path,
    feedback: FakeFeedback,
    memory_keyring: MemoryKeyring,
) -> None:
    win = _window(qtbot, open_database(local), tmp_path)
    assert _titles(win) == ["Fichier local"]
    url = team.server_url(server)

    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, ConnectDialog)
        dialog.address.setText(f"{url.host}:{url.port}/{url.database}")
        dialog.user.setText(url.username or "")
        dialog.password.setText(PASSWORD)
        dialog.tls.setCurrentIndex(dialog.tls.findData("prefer"))
        dialog.accept()
        assert dialog.connecting and dialog.progress.isVisibleTo(dialog)  # off this thread
        qtbot.waitUntil(lambda: not dialog.connecting, timeout=5000)
        return dialog.result() == QDialog.DialogCode.Accepted

    feedback.on_dialog = fill
    win.actions.connect_action.trigger()
    assert win.workspace.database.is_server
    assert _titles(win) == ["Relances"]
    shown = win.workspace.database.address or ""
    assert shown in win.windowTitle() and "sslmode=prefer" in shown and ":***@" not in shown
    assert PASSWORD not in win.windowTitle()
    kept = keychain.password(win.workspace.database.location)
    assert kept == PASSWORD
    assert list(memory_keyring.kept.values()) == [PASSWORD]
    win.settings.sync()
    assert PASSWORD not in (tmp_path / "settings.ini").read_text(encoding="utf-8")
    assert win.settings.recent_databases[0] == shown
    # File-only actions wait; the status bar names who is connected.
    assert not win.actions.backup_action.isEnabled()
    assert not win.actions.restore_action.isEnabled()
    assert win.actions.new_need_action.isEnabled()
    qtbot.waitUntil(lambda: url.username in win.team.people.text(), timeout=3000)
    win.close()


def test_a_server_that_does_not_answer_is_said_in_the_dialog_keeping_what_was_typed(
    app: QApplication, qtbot: QtBot, memory_keyring: MemoryKeyring
) -> None:
    dialog = ConnectDialog()
    qtbot.addWidget(dialog)
    dialog.address.setText("127.0.0.1:1/equipe")
    dialog.user.setText("virginie")
    dialog.password.setText(PASSWORD)
    started = time.monotonic()
    dialog.accept()
    assert time.monotonic() - started < 0.5  # the window does not wait on the network
    qtbot.waitUntil(lambda: not dialog.connecting, timeout=5000)
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.database is None
    assert dialog.error.text().startswith("The team server does not answer")
    assert dialog.address.text() == "127.0.0.1:1/equipe" and dialog.password.text() == PASSWORD
    assert not memory_keyring.kept  # a password that opened nothing is not kept
    dialog.address.setText("serveur-sans-base")
    dialog.accept()
    assert "server/database" in dialog.error.text()


def test_a_change_made_elsewhere_appears_in_the_window_within_a_second(
    app: QApplication, qtbot: QtBot, server: str, tmp_path: Path
) -> None:
    win = _window(qtbot, open_database(server), tmp_path)
    qtbot.waitUntil(lambda: win.team.listener is not None and bool(win.team.connected))
    elsewhere = open_database(server)  # another person's window, its own connections
    try:
        with elsewhere.session() as session:
            need_id = session.scalars(select(Need.id)).one()
            project_id = session.scalars(select(Need.project_id)).one()
            with changes.capture(session, author="Virginie"):
                needs.update_need(
                    session, need_id, needs.NeedInput("Relances clients", "Défi", project_id)
                )
        started = time.monotonic()
        qtbot.waitUntil(lambda: _titles(win) == ["Relances clients"], timeout=1000)
        assert time.monotonic() - started < 1
        with elsewhere.session() as session, changes.capture(session, author="Virginie"):
            needs.create_need(session, needs.NeedInput("Nouveau", "Défi", project_id))
        qtbot.waitUntil(lambda: _titles(win) == ["Nouveau", "Relances clients"], timeout=1000)
        assert "Virginie" in win.statusBar().currentMessage()
    finally:
        elsewhere.close()
    # One's own change is shown once, by one's own window, not reloaded from the echo.
    reloads: list[object] = []
    win.workspace.changes_applied.connect(reloads.append)
    win.workspace.perform(
        "Renommer",
        lambda s: needs.update_need(
            s, need_id, needs.NeedInput("Relances (bis)", "Défi", project_id)
        ),
    )
    qtbot.wait(600)
    assert len(reloads) == 1
    win.close()


def test_the_server_gone_is_said_within_seconds_without_freezing_and_back_again(
    app: QApplication, qtbot: QtBot, server: str, tmp_path: Path
) -> None:
    db = open_database(server)
    win = _window(qtbot, db, tmp_path)
    qtbot.waitUntil(lambda: bool(win.team.connected) and win.team.copy_ready, timeout=10000)
    name = team.server_url(server).database
    admin = create_engine(postgres.server(), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false'))
            connection.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :d"),
                {"d": name},
            )
        started = time.monotonic()
        qtbot.waitUntil(lambda: win.team_bar.isVisible(), timeout=5000)
        assert time.monotonic() - started < 5
        assert "has not answered since" in win.team_bar.label.text()
        assert win.team.people.text() == "Server unreachable"
        labels = [b.text() for b in win.team_bar.buttons]
        assert labels == ["Open the last local copy (read-only)"]
        # A write is refused at once, in words, instead of waiting for the network.
        started = time.monotonic()
        with pytest.raises(StorageError) as refused:
            win.workspace.perform("x", lambda s: None)
        assert time.monotonic() - started < 1
        assert refused.value.render().startswith("The team server does not answer")
        with admin.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'))
        qtbot.waitUntil(lambda: not win.team_bar.isVisible(), timeout=6000)
        assert win.workspace.unreachable == ""
        # Gone again: the last local copy opens read-only, with the workspace's needs.
        with admin.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false'))
            connection.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :d"),
                {"d": name},
            )
        qtbot.waitUntil(lambda: win.team_bar.isVisible(), timeout=5000)
        win.team_bar.buttons[0].click()
        assert not win.workspace.database.is_server and win.workspace.database.read_only
        assert _titles(win) == ["Relances"]
        assert win.read_only_bar.isVisible() and not win.team_bar.isVisible()
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'))
        admin.dispose()
        win.close()


def _cut_off(name: str) -> None:
    """The server refuses new connections to this database and drops the open ones."""
    admin = create_engine(postgres.server(), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false'))
            connection.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :d"),
                {"d": name},
            )
    finally:
        admin.dispose()


def _let_in(name: str) -> None:
    admin = create_engine(postgres.server(), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'))
    finally:
        admin.dispose()


def test_a_form_being_typed_when_the_server_goes_keeps_its_text_and_saves_once_back(
    app: QApplication, qtbot: QtBot, server: str, tmp_path: Path
) -> None:
    from po_desktop.ui.need_dialog import NeedDialog

    win = _window(qtbot, open_database(server), tmp_path)
    qtbot.waitUntil(lambda: bool(win.team.connected) and win.team.copy_ready, timeout=10000)
    need_id = win.need_rows[0].id
    dialog = NeedDialog(win.workspace, need_id, win)
    qtbot.addWidget(dialog)
    dialog.show()
    name = team.server_url(server).database or ""
    try:
        _cut_off(name)
        qtbot.waitUntil(lambda: win.team_bar.isVisible(), timeout=5000)
        dialog.title.setText("Relances tapées hors ligne")
        started = time.monotonic()
        dialog.save()
        assert time.monotonic() - started < 1
        assert dialog.isVisible() and dialog.title.text() == "Relances tapées hors ligne"
        assert dialog.error.text().startswith("The team server does not answer")
        _let_in(name)
        qtbot.waitUntil(lambda: not win.team_bar.isVisible(), timeout=6000)
        dialog.save()
        assert not dialog.isVisible()
        qtbot.waitUntil(lambda: _titles(win) == ["Relances tapées hors ligne"], timeout=1000)
    finally:
        _let_in(name)
        win.close()


def test_the_recent_list_offers_a_team_workspace_by_its_address_and_the_password_kept(
    app: QApplication,
    qtbot: QtBot,
    server: str,
    local: Path,
    tmp_path: Path,
    feedback: FakeFeedback,
    memory_keyring: MemoryKeyring,
) -> None:
    url = team.server_url(server)
    keychain.save(url, PASSWORD)
    win = _window(qtbot, open_database(local), tmp_path)
    shown = team.shown(url)
    win.settings.remember_database(shown)
    win.settings.remember_database(local)
    win.files.fill_recent_menu()
    entries = [a for a in win.files.recent_menu.actions() if a.data() == shown]
    assert len(entries) == 1 and PASSWORD not in entries[0].text()
    seen: list[tuple[str, str, str]] = []

    def connect(dialog: QDialog) -> bool:
        assert isinstance(dialog, ConnectDialog)
        seen.append((dialog.address.text(), dialog.user.text(), dialog.password.text()))
        dialog.accept()
        qtbot.waitUntil(lambda: not dialog.connecting, timeout=5000)
        return dialog.result() == QDialog.DialogCode.Accepted

    feedback.on_dialog = connect
    entries[0].trigger()
    assert seen == [(f"{url.host}:{url.port}/{url.database}", url.username, PASSWORD)]
    assert win.workspace.database.is_server and _titles(win) == ["Relances"]
    win.close()


def test_the_app_starts_on_the_team_workspace_used_last_or_offers_its_local_copy(
    app: QApplication,
    qtbot: QtBot,
    server: str,
    feedback: FakeFeedback,
    memory_keyring: MemoryKeyring,
) -> None:
    from po_desktop.ui.app import start_gui
    from po_desktop.ui.settings import Settings as AppSettings

    AppSettings().remember_database(team.shown(server))
    _app, window = start_gui(None, "en")
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    assert window.workspace.database.is_server and _titles(window) == ["Relances"]
    qtbot.waitUntil(lambda: window.team.copy_ready, timeout=10000)  # made in the background
    window.close()
    # po-desktop gui --db postgresql://…: the address given, the password from the keyring.
    keychain.save(server, PASSWORD)
    _app, window = start_gui(team.shown(server), "en")
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    assert window.workspace.database.address == team.shown(server)
    window.close()
    # Settings, log, local copies: the password is in none of the app's files.
    home = Path(os.environ["PO_DESKTOP_HOME"])
    files = [p for p in home.rglob("*") if p.is_file()]
    assert any(p.suffix == ".log" for p in files) and any(p.suffix == ".ini" for p in files)
    assert not [p for p in files if PASSWORD.encode() in p.read_bytes()]
    name = team.server_url(server).database or ""
    try:
        _cut_off(name)
        _app, window = start_gui(None, "en")
        assert isinstance(window, MainWindow)
        qtbot.addWidget(window)
        assert feedback.questions[-1].startswith("The team server refused the connection")
        assert "is not currently accepting connections" in feedback.questions[-1]  # why
        assert window.workspace.database.read_only and _titles(window) == ["Relances"]
        qtbot.wait(1100)  # the copy a file gets on opening starts after a second
        window.close()  # and closing waits for it
    finally:
        _let_in(name)


def test_a_move_in_one_window_and_its_undo_appear_in_the_other(
    app: QApplication, qtbot: QtBot, server: str, tmp_path: Path
) -> None:
    first = _window(qtbot, open_database(server), tmp_path / "a")
    second = _window(qtbot, open_database(server), tmp_path / "b")
    for win in (first, second):
        qtbot.waitUntil(lambda w=win: bool(w.team.connected), timeout=3000)  # type: ignore[misc]
    need_id = first.need_rows[0].id
    start = next(r.column_id for r in second.need_rows if r.id == need_id)
    with first.workspace.session() as session:
        from po_desktop.store.models import BoardColumn

        target = session.scalars(select(BoardColumn.id).where(BoardColumn.id != start)).first()
    assert target is not None

    def column_in_second() -> int | None:
        return next(r.column_id for r in second.need_rows if r.id == need_id)

    first.workspace.perform("Move", lambda s: needs.move_needs(s, [need_id], target))
    qtbot.waitUntil(lambda: column_in_second() == target, timeout=1000)
    first.workspace.undo_stack.undo()
    qtbot.waitUntil(lambda: column_in_second() == start, timeout=1000)
    first.close()
    second.close()


def test_browsing_while_the_server_is_gone_reads_nothing_and_a_stray_read_is_said_once(
    app: QApplication, qtbot: QtBot, server: str, tmp_path: Path, feedback: FakeFeedback
) -> None:
    from po_desktop.ui.crash import CrashHandler

    win = _window(qtbot, open_database(server), tmp_path)
    qtbot.waitUntil(lambda: bool(win.team.connected) and win.team.copy_ready, timeout=10000)
    name = team.server_url(server).database or ""
    try:
        _cut_off(name)
        qtbot.waitUntil(lambda: win.team_bar.isVisible(), timeout=5000)
        for index in (1, 2, 3, 0):  # every view: what was shown stays
            started = time.monotonic()
            win.tabs.setCurrentIndex(index)
            assert time.monotonic() - started < 1
        assert _titles(win) == ["Relances"]
        # Pages first shown while the server is gone are built: controls, not a blank tab.
        assert None not in win.views.built_pages()
        # A read elsewhere (a dialog opening) that meets the lost server: one message in
        # the user's words, not a crash report, and not one per click.
        handler = CrashHandler(None)
        for _ in range(3):
            try:
                with win.workspace.session() as session:
                    session.execute(text("SELECT 1"))
            except Exception as exc:
                handler.handle(type(exc), exc, exc.__traceback__)
        assert handler.shown == []
        said = [w for w in feedback.warnings if "does not answer" in w]
        assert len(said) == 1 and said[0].startswith("The team server does not answer")
    finally:
        _let_in(name)
        win.close()


def test_cancelling_while_connecting_leaves_nothing_open(
    app: QApplication, qtbot: QtBot, server: str, memory_keyring: MemoryKeyring
) -> None:
    url = team.server_url(server)
    dialog = ConnectDialog()
    qtbot.addWidget(dialog)
    dialog.address.setText(f"{url.host}:{url.port}/{url.database}")
    dialog.user.setText(url.username or "")
    dialog.password.setText(PASSWORD)
    dialog.accept()
    dialog.reject()
    qtbot.waitUntil(lambda: not dialog.connecting, timeout=5000)
    assert dialog.database is None and dialog.result() == QDialog.DialogCode.Rejected
    assert not memory_keyring.kept


def test_save_a_copy_writes_the_team_workspace_into_a_file_and_file_actions_wait(
    app: QApplication, qtbot: QtBot, server: str, tmp_path: Path, feedback: FakeFeedback
) -> None:
    win = _window(qtbot, open_database(server), tmp_path)
    target = tmp_path / "copie.podb"
    assert win.files.save_copy(target) == target
    with open_database(target, read_only=True) as copy, copy.session() as session:
        assert session.scalars(select(Need.title)).all() == ["Relances"]
    assert win.files.save_as(tmp_path / "ailleurs.podb") is None
    assert not win.files.restore_backup(target)
    assert not (tmp_path / "ailleurs.podb").exists() and win.workspace.database.is_server
    win.close()


def test_a_viewer_gets_a_read_only_window_that_says_why(
    app: QApplication, qtbot: QtBot, server: str, tmp_path: Path
) -> None:
    database = server.rsplit("/", 1)[1]
    login = f"lecteur_{database}"
    admin = create_engine(postgres.server().set(database=database), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE ROLE "{login}" LOGIN IN ROLE po_viewer'))
    try:
        db = open_database(f"postgresql://{login}@{server.split('@', 1)[1]}")
        win = _window(qtbot, db, tmp_path)
        try:
            assert db.read_only
            assert win.read_only_bar.isVisible()
            said = win.read_only_bar.label.text()
            assert "po_viewer" in said and "po_editor" in said
            for action in (
                win.actions.new_need_action,
                win.actions.delete_action,
                win.actions.import_action,
            ):
                assert not action.isEnabled(), action.text()
            assert not any(a.isEnabled() for a in win.board.move_actions)
            assert _titles(win) == ["Relances"]  # the board is there to read
        finally:
            win.close()
            db.close()
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'REVOKE ALL ON ALL TABLES IN SCHEMA public FROM "{login}"'))
            connection.execute(text(f'DROP OWNED BY "{login}"'))
            connection.execute(text(f'DROP ROLE IF EXISTS "{login}"'))
        admin.dispose()
