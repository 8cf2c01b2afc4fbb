"""What the files around a workspace can do to it: a crash's journal, stale side files,
a planted lock, a second name for the same file, names at the length limit.

The faults are real: a process killed in the middle of a transaction, real hard links
and symbolic links, real 247-byte names with accented letters. Faults that need root
(a full disk, a read-only mount) or strace (a crash at each system call) are in
tests/reliability/.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers.workspace import (
    FIXTURES,
    add_project,
    ask,
    check,
    digest,
    holder,
    killed_mid_transaction,
    killed_with_wal,
    project_codes,
    tables,
)
from sqlalchemy import select

from po_desktop.domain import messages
from po_desktop.store import backups, sqlite_file
from po_desktop.store import engine as sqlite
from po_desktop.store.database import open_database
from po_desktop.store.errors import DatabaseFileError, StorageError
from po_desktop.store.migrate import HEAD
from po_desktop.store.models import Project
from po_desktop.store.services import projects

# 1. Only real corruption is called damaged --------------------------------------------


def test_a_crash_in_the_middle_of_a_transaction_is_rolled_back_not_called_damaged(
    tmp_path: Path,
) -> None:
    """The hot -journal of a killed writer: SQLite rolls it back when the file is opened
    for writing; opened read-only it could not, and the file was called damaged (and the
    restore offered then failed the same way)."""
    path = tmp_path / "workspace.podb"
    shutil.copy(FIXTURES / "schema-0001.podb", path)
    before = tables(path)
    killed_mid_transaction(path)
    code, out, err = check(path)
    assert (code, err) == (0, ""), err
    assert "Integrity: OK" in out
    assert not Path(f"{path}-journal").exists()  # rolled back by the check, as by opening
    with open_database(path) as db:
        assert db.migrated_from == "0001" and not db.read_only
        assert db.backup_path is not None and tables(db.backup_path) == before


def test_check_gives_the_verdict_and_the_message_of_opening(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``po-desktop check`` and the app say the same about a file: exit 0 for a usable one,
    2 with the very message opening shows for one that cannot be opened."""
    monkeypatch.setattr(sqlite, "BUSY_TIMEOUT_MS", 200)
    monkeypatch.setattr(sqlite_file, "BUSY_TIMEOUT_MS", 200)  # its check
    healthy = tmp_path / "healthy.podb"
    add_project(healthy, "ERP")
    newer = tmp_path / "newer.podb"
    shutil.copy(healthy, newer)
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    corrupt = tmp_path / "corrupt.podb"
    data = bytearray(healthy.read_bytes())
    for offset in range(4096, len(data), 7):
        data[offset] ^= 0x5A
    corrupt.write_bytes(bytes(data))
    foreign = tmp_path / "zotero.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE items (x)")
    conn.commit()
    conn.close()
    busy = tmp_path / "busy.podb"
    shutil.copy(healthy, busy)
    holder = sqlite3.connect(busy)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        verdicts = {}
        for path in (healthy, newer, corrupt, foreign, busy):
            code, _out, err = check(path)
            try:
                open_database(path).close()
                opened = ""
            except DatabaseFileError as exc:
                opened = f"po-desktop: {exc.render('en')}\n"
            assert err == opened, path.name
            verdicts[path.name] = code
    finally:
        holder.close()
    assert verdicts == {
        "healthy.podb": 0,
        "newer.podb": 2,
        "corrupt.podb": 2,
        "zotero.sqlite": 2,
        "busy.podb": 2,
    }


def test_each_way_a_file_cannot_be_opened_has_its_own_message() -> None:
    ids = [
        "db.corrupt",
        "db.not_sqlite",
        "db.too_new",
        "db.busy_file",
        "db.disk_full",
        "db.io_error",
        "db.cannot_open",
        "db.cannot_write",
        "db.ro_recovery",
        "db.name_too_long",
        "db.lock_unsafe",
        "db.locked_elsewhere",
    ]
    assert set(ids) <= messages.known_ids()
    for lang in ("fr", "en"):
        texts = {
            DatabaseFileError(
                i, path="x", detail="d", revision="9", name="n", length=1, limit=2, lock="l"
            ).render(lang)
            for i in ids
        }
        assert len(texts) == len(ids)


def test_opening_read_only_on_request_refuses_writes_and_upgrades(tmp_path: Path) -> None:
    path = tmp_path / "workspace.podb"
    add_project(path, "ERP")
    before = digest(path)
    with open_database(path, read_only=True) as db:
        assert db.read_only and db.read_only_reason is not None
        assert "as you asked" in db.read_only_reason.render("en")
        with db.session() as session:
            assert [p.code for p in session.scalars(select(Project))] == ["ERP"]
            with pytest.raises(StorageError) as err:
                projects.create_project(session, projects.ProjectInput("CRM", "CRM"))
        assert "lecture seule" in err.value.render("fr")
    assert digest(path) == before
    old = tmp_path / "old.podb"
    shutil.copy(FIXTURES / "schema-0001.podb", old)
    with pytest.raises(DatabaseFileError) as refused:
        open_database(old, read_only=True)
    assert refused.value.kind == "upgrade_needs_write"
    assert "0001" in refused.value.render("en")


# 2. Side files stay with their database ----------------------------------------------


def _stale_side_files(tmp_path: Path) -> dict[str, bytes]:
    """A -wal, -shm and hot -journal of other databases, as crashes leave them."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    other = folder / "other.podb"
    add_project(other, "OLD")
    killed_with_wal(other, "CREATE TABLE stale (x)", "INSERT INTO stale VALUES (1)")
    journal = folder / "journal.podb"
    shutil.copy(FIXTURES / f"schema-{HEAD}.podb", journal)
    killed_mid_transaction(journal)
    return {
        "-wal": Path(f"{other}-wal").read_bytes(),
        "-shm": Path(f"{other}-shm").read_bytes(),
        "-journal": Path(f"{journal}-journal").read_bytes(),
    }


def _set_aside(path: Path, stale: dict[str, bytes]) -> None:
    for suffix, data in stale.items():
        assert not Path(f"{path}{suffix}").exists()
        kept = list(path.parent.glob(f"{path.name}{suffix}.stale-*"))
        assert [k.read_bytes() for k in kept] == [data], f"{path.name}{suffix} not kept aside"


def test_a_new_database_never_adopts_side_files_left_under_its_name(tmp_path: Path) -> None:
    """SQLite would replay a stale log or journal into the new file (a foreign table, or
    pages of another database); they are set aside under a name that says what they are."""
    stale = _stale_side_files(tmp_path)
    path = tmp_path / "new.podb"
    for suffix, data in stale.items():
        Path(f"{path}{suffix}").write_bytes(data)
    with open_database(path) as db:
        assert db.created
    conn = sqlite3.connect(path)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()
    assert "stale" not in names and "filler" not in names
    assert project_codes(path) == []
    _set_aside(path, stale)


def test_saving_a_copy_over_a_database_sets_its_side_files_aside(tmp_path: Path) -> None:
    source = tmp_path / "source.podb"
    add_project(source, "ERP")
    stale = _stale_side_files(tmp_path)
    target = tmp_path / "target.podb"
    add_project(target, "OLD")
    for suffix, data in stale.items():
        Path(f"{target}{suffix}").write_bytes(data)
    backups.save_copy(source, target)
    assert project_codes(target) == ["ERP"]
    _set_aside(target, stale)


def test_a_restore_record_that_cannot_be_read_is_refused_and_nothing_moves(
    tmp_path: Path,
) -> None:
    path = tmp_path / "workspace.podb"
    add_project(path, "ERP")
    before = sorted(p.name for p in tmp_path.iterdir())
    record = backups.record_path(path)
    for text in (
        "{not json",
        '{"format": 1, "copy": "../../etc/passwd", "sha256": "0",'
        ' "kept": null, "moves": [["workspace.podb", "../elsewhere"]]}',
    ):
        record.write_text(text, encoding="ascii")
        with pytest.raises(DatabaseFileError) as err:
            open_database(path)
        assert err.value.kind == "backup.restore_record"
        assert str(record) in err.value.render("fr")
    record.unlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert project_codes(path) == ["ERP"]


# 3. The lock cannot be turned against the user ---------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges there")
@pytest.mark.parametrize("link", ["symbolic", "hard"])
def test_a_lock_file_planted_as_a_link_never_truncates_its_target(
    tmp_path: Path, link: str
) -> None:
    """A ``.lock`` made a link to the user's thesis: opening used to empty the thesis."""
    path = tmp_path / "workspace.podb"
    add_project(path, "ERP")
    thesis = tmp_path / "thèse.odt"
    thesis.write_bytes(b"five years of work" * 100)
    lock = sqlite.FileLock(path).path
    lock.unlink()  # left by the last opening
    (lock.symlink_to if link == "symbolic" else lock.hardlink_to)(thesis)
    with pytest.raises(DatabaseFileError) as err:
        open_database(path)
    assert err.value.kind == "lock_unsafe"
    assert str(lock) in err.value.render("en")
    assert thesis.read_bytes() == b"five years of work" * 100
    dangling = tmp_path / "dangling.podb"
    add_project(dangling, "CRM")
    sqlite.FileLock(dangling).path.unlink()
    sqlite.FileLock(dangling).path.symlink_to(tmp_path / "created-through-the-link")
    with pytest.raises(DatabaseFileError):
        open_database(dangling)
    assert not (tmp_path / "created-through-the-link").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_lock_path_that_is_a_pipe_is_refused_without_hanging(tmp_path: Path) -> None:
    path = tmp_path / "workspace.podb"
    add_project(path, "ERP")
    lock = sqlite.FileLock(path).path
    lock.unlink()
    os.mkfifo(lock)
    with pytest.raises(DatabaseFileError) as err:
        open_database(path)
    assert err.value.kind == "lock_unsafe"


@pytest.mark.skipif(sys.platform == "win32", reason="the identity lock is POSIX flock")
def test_two_names_of_one_file_never_get_two_writers(tmp_path: Path, home: Path) -> None:
    """A hard link made while the workspace is open: each name had its own .lock file, so
    a second instance opened the same file for writing — with its own -wal, which
    corrupts it. The lock is on the file itself now; and a file with two names opens
    read-only, saying why."""
    path = tmp_path / "workspace.podb"
    add_project(path, "ERP")
    other = tmp_path / "autre nom.podb"
    with holder(path, home) as writer:
        os.link(path, other)
        with pytest.raises(DatabaseFileError) as err:
            open_database(other)
        assert err.value.kind == "locked_elsewhere"
        assert "under another name" in err.value.render("en")
        assert ask(writer, "write CRM") == "written"  # the holder still works
    with open_database(other) as db:
        assert db.read_only and db.read_only_reason is not None
        assert "2 names" in db.read_only_reason.render("en")
        assert "liens physiques" in db.read_only_reason.render("fr")
    assert project_codes(other) == ["CRM", "ERP"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="flock vs fcntl: Linux")
def test_the_identity_lock_leaves_sqlite_locks_alone(tmp_path: Path) -> None:
    """``flock`` on the database file and SQLite's own ``fcntl`` byte-range locks are
    independent on Linux: with the lock held, another process writes (it takes SQLite's
    exclusive lock on the file itself, in rollback-journal mode), then this one; yet the
    lock refuses a second holder, even through another name of the file."""
    path = tmp_path / "journal-mode.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    lock = sqlite.FileLock(path)
    lock.acquire()
    try:
        assert lock.held
        script = (
            "import sqlite3, sys\n"
            "conn = sqlite3.connect(sys.argv[1], timeout=0)\n"
            "conn.execute('BEGIN EXCLUSIVE')\n"
            "conn.execute('INSERT INTO t VALUES (1)')\n"
            "conn.commit()\n"
        )
        started = time.monotonic()
        subprocess.run([sys.executable, "-c", script, str(path)], check=True, timeout=30)
        assert time.monotonic() - started < 5  # never waited on a lock
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("INSERT INTO t VALUES (2)")
        conn.commit()
        assert conn.execute("SELECT x FROM t ORDER BY x").fetchall() == [(1,), (2,)]
        link = tmp_path / "link.db"
        os.link(path, link)
        with pytest.raises(DatabaseFileError) as err:
            sqlite.FileLock(link).acquire()
        assert err.value.kind == "locked_elsewhere"
    finally:
        conn.close()
        lock.release()


# 8. Long and odd names --------------------------------------------------------------


def _name(length: int) -> str:
    """A legal name of exactly ``length`` bytes, with two- and three-byte characters."""
    stem = "Besoins de l'équipe — Île-de-France "
    while len((stem + "é.podb").encode()) <= length:
        stem += "é€"[len(stem) % 2]
    while len((stem + ".podb").encode()) < length:
        stem += "x"
    name = stem + ".podb"
    assert len(name.encode()) == length
    return name


def _every_name_fits(*folders: Path) -> None:
    for folder in folders:
        for entry in folder.rglob("*"):
            assert len(os.fsencode(entry.name)) <= 255, entry.name


@pytest.mark.parametrize("length", [240, 247])
def test_the_longest_names_sqlite_can_use_work_everywhere(
    tmp_path: Path, home: Path, length: int
) -> None:
    """Create, back up, restore and save a copy under a 240- or 247-byte name: every name
    derived from it (scratch files, lock, copies, the file kept aside) fits the limit."""
    folder = tmp_path / "dossier"
    folder.mkdir()
    path = folder / _name(length)
    add_project(path, "ERP")
    copy = backups.create(path, "manual")
    assert [b.path for b in backups.list_backups(path)] == [copy]
    add_project(path, "CRM")
    target = tmp_path / "copies" / _name(length)
    target.parent.mkdir()
    backups.save_copy(path, target)
    kept = backups.restore(path, copy)
    assert kept is not None and len(os.fsencode(kept.name)) <= sqlite.NAME_LIMIT
    assert project_codes(path) == ["ERP"]
    assert project_codes(kept) == ["CRM", "ERP"]
    assert project_codes(target) == ["CRM", "ERP"]
    _every_name_fits(tmp_path, home)


def test_a_name_sqlite_cannot_use_is_refused_clearly(tmp_path: Path, home: Path) -> None:
    too_long = tmp_path / _name(250)
    source = tmp_path / "source.podb"
    add_project(source, "ERP")
    copy = backups.create(source, "manual")
    for attempt in (
        lambda: open_database(too_long),
        lambda: backups.save_copy(source, too_long),
        lambda: backups.restore(too_long, copy),
    ):
        with pytest.raises(DatabaseFileError) as err:
            attempt()
        assert err.value.kind == "name_too_long"
        assert "247" in err.value.render("en") and "247" in err.value.render("fr")
    assert not list(tmp_path.glob("Besoins*")) and not list(tmp_path.glob(".pod-*"))
