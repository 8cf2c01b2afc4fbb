"""Real file-system faults: a disk that fills up, a medium mounted read-only, one file
mounted under a second name.

Each test mounts its own small tmpfs (root only: ``mount -t tmpfs -o size=…``) and
unmounts it in a finalizer. Elsewhere they skip and say why; CI runs as root.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers.workspace import (
    FIXTURES,
    add_project,
    check,
    digest,
    holder,
    killed_with_wal,
    project_codes,
    tables,
)
from sqlalchemy import select

from po_desktop.store import backups
from po_desktop.store.database import open_database
from po_desktop.store.errors import DatabaseFileError, PoDesktopError, StorageError
from po_desktop.store.models import Project
from po_desktop.store.services import projects

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="tmpfs mounts: Linux"),
    pytest.mark.skipif(
        not hasattr(os, "geteuid") or os.geteuid() != 0,
        reason="mounting a small tmpfs needs root (CI runs as root)",
    ),
]


class Disk:
    """A small tmpfs, its own file system: it fills up, and it can turn read-only."""

    def __init__(self, mount_point: Path) -> None:
        self.root = mount_point

    def fill(self, leave: int = 0) -> None:
        """Write until the file system refuses: not a byte is left, or ``leave`` bytes."""
        fd = os.open(self.root / "filler", os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        try:
            for block in (1 << 16, 4096, 512, 1):
                with contextlib.suppress(OSError):
                    while True:
                        os.write(fd, b"\0" * block)
        finally:
            os.close(fd)
        with pytest.raises(OSError) as full:
            (self.root / "one-more").write_bytes(b"x" * 4096)
        assert full.value.errno == errno.ENOSPC
        (self.root / "one-more").unlink(missing_ok=True)
        if leave:
            filler = self.root / "filler"
            os.truncate(filler, filler.stat().st_size - leave)

    def free(self) -> None:
        (self.root / "filler").unlink()

    def read_only(self) -> None:
        _mount("-o", "remount,ro", str(self.root))


def _mount(*args: str) -> None:
    done = subprocess.run(["mount", *args], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"mount {' '.join(args)} is not permitted here: {done.stderr.strip()}")


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Disk]:
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    _mount("-t", "tmpfs", "-o", "size=2m,mode=0755", "tmpfs", str(mount_point))
    try:
        yield Disk(mount_point)
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=True)


def _listing(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` and its content (a lock file aside: it stays, empty,
    as after any opening)."""
    return {
        str(p.relative_to(folder)): digest(p)
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "filler" and not p.name.endswith(".lock")
    }


def _full_disk_message(err: PoDesktopError) -> None:
    """The user's words: the disk is full, nothing changed, free some space; no English
    from the system (``No space left on device``) or from SQLite in the French text."""
    assert err.message.msg_id == "db.disk_full", err.render("en")
    french, english = err.render("fr"), err.render("en")
    assert "Le disque qui contient" in french and "est plein" in french
    assert "rien n'a été modifié" in french and "Libérez de la place" in french
    assert "is full" in english and "nothing was changed" in english
    for foreign in ("No space", "disk is full", "database or", "Errno", "SQLITE"):
        assert foreign not in french


def _refused_on_full_disk(disk: Disk, action: Callable[[], object]) -> DatabaseFileError:
    """``action`` on a full disk: the full-disk message, and every file there as it was
    (nothing half-written left beside them either)."""
    disk.fill()
    before = _listing(disk.root)
    with pytest.raises(DatabaseFileError) as err:
        action()
    _full_disk_message(err.value)
    assert _listing(disk.root) == before
    disk.free()
    return err.value


def test_creating_a_workspace_on_a_full_disk(disk: Disk) -> None:
    path = disk.root / "nouveau.podb"
    err = _refused_on_full_disk(disk, lambda: open_database(path))
    assert str(path) in err.render("fr")
    assert not path.exists()
    with open_database(path) as db:  # once there is room
        assert db.created


def test_upgrading_on_a_full_disk_keeps_the_old_file(
    disk: Disk, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The copy taken before the upgrade cannot be written (the data folder is on the
    same disk): the file is left as it was."""
    monkeypatch.setenv("PO_DESKTOP_HOME", str(disk.root / "home"))
    path = disk.root / "ancien.podb"
    shutil.copy(FIXTURES / "schema-0001.podb", path)
    err = _refused_on_full_disk(disk, lambda: open_database(path))
    assert str(backups.folder_for(path)) in err.render("fr")
    with open_database(path) as db:  # once there is room
        assert db.migrated_from == "0001"


@pytest.mark.parametrize("room", [16, 96])
def test_an_upgrade_that_runs_out_of_room_keeps_the_old_schema(disk: Disk, room: int) -> None:
    """The copy is taken (elsewhere), then the switch to WAL (16 KiB left) or the
    migration itself (96 KiB) runs out of room: rolled back, the old schema, whole."""
    path = disk.root / "ancien.podb"
    shutil.copy(FIXTURES / "schema-0001.podb", path)
    before = tables(path)
    disk.fill(leave=room * 1024)
    with pytest.raises(DatabaseFileError) as err:
        open_database(path)
    _full_disk_message(err.value)
    assert str(path) in err.value.render("fr")
    disk.free()  # reading a WAL database needs room for its index: looked at once freed
    assert not [p.name for p in disk.root.iterdir() if not p.name.startswith("ancien.podb")]
    assert tables(path) == before
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()
    with open_database(path) as db:
        assert db.migrated_from == "0001"


def test_backing_up_to_a_full_disk(
    disk: Disk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "workspace.podb"
    add_project(path, "ERP")
    monkeypatch.setenv("PO_DESKTOP_HOME", str(disk.root / "home"))
    backups.folder_for(path).mkdir(parents=True)
    before = digest(path)
    folder = backups.folder_for(path)
    err = _refused_on_full_disk(disk, lambda: backups.create(path, "manual"))
    assert str(folder) in err.render("fr")
    assert list(folder.iterdir()) == []  # no partial copy left
    assert digest(path) == before
    assert backups.create(path, "manual").exists()  # once there is room


def test_restoring_onto_a_full_disk(disk: Disk, tmp_path: Path) -> None:
    path = disk.root / "workspace.podb"
    add_project(path, "ERP")
    copy = backups.create(path, "manual")  # in the data folder, elsewhere
    add_project(path, "CRM")
    err = _refused_on_full_disk(disk, lambda: backups.restore(path, copy))
    assert str(path) in err.render("fr")
    assert project_codes(path) == ["CRM", "ERP"]


def test_saving_a_copy_onto_a_full_disk(disk: Disk, tmp_path: Path) -> None:
    source = tmp_path / "workspace.podb"
    add_project(source, "ERP")
    target = disk.root / "copie.podb"
    add_project(target, "OLD")
    err = _refused_on_full_disk(disk, lambda: backups.save_copy(source, target))
    assert str(target) in err.render("fr")
    assert project_codes(target) == ["OLD"]


# A read-only medium -----------------------------------------------------------------


def test_a_workspace_on_a_read_only_medium_opens_read_only(disk: Disk) -> None:
    """A USB stick with its write-protect switch on, a CD, a read-only share: browse,
    export, print; a change says why it cannot be saved; not a byte is written there
    (no lock file, no -shm: the file is read as immutable)."""
    path = disk.root / "workspace.podb"
    add_project(path, "ERP")
    (disk.root / "workspace.podb.lock").unlink()
    disk.read_only()
    before = _listing(disk.root)
    with open_database(path) as db:
        assert db.read_only and db.read_only_reason is not None
        assert "read-only medium" in db.read_only_reason.render("en")
        assert "support en lecture seule" in db.read_only_reason.render("fr")
        with db.session() as session:
            assert [p.code for p in session.scalars(select(Project))] == ["ERP"]
            with pytest.raises(StorageError) as err:
                projects.create_project(session, projects.ProjectInput("CRM", "CRM"))
        assert err.value.message.msg_id == "db.read_only_write"
        assert "read-only medium" in err.value.render("en")
        assert "readonly" not in err.value.render("en")
    assert _listing(disk.root) == before
    code, out, err_text = check(path)
    assert (code, err_text) == (0, "")
    assert "Read-only: " in out and "Integrity: OK" in out
    copy = backups.create(path, "manual")  # a copy of the CD's workspace, elsewhere
    assert project_codes(copy) == ["ERP"]
    assert _listing(disk.root) == before


def test_read_only_media_refuse_what_would_need_a_write(disk: Disk) -> None:
    """An old schema needs an upgrade; a crash's log without its index needs recovery:
    neither can happen on a read-only medium, and each says so (opening and check alike).
    A crash's log with its index is read as it stands."""
    old = disk.root / "ancien.podb"
    shutil.copy(FIXTURES / "schema-0001.podb", old)
    crashed = disk.root / "crash.podb"
    add_project(crashed, "ERP")
    killed_with_wal(crashed, "CREATE TABLE late_work (x)", "INSERT INTO late_work VALUES (42)")
    orphan = disk.root / "orphan.podb"
    for suffix in ("", "-wal"):
        shutil.copy(f"{crashed}{suffix}", f"{orphan}{suffix}")
    disk.read_only()
    for path, kind in ((old, "upgrade_needs_write"), (orphan, "ro_recovery")):
        with pytest.raises(DatabaseFileError) as err:
            open_database(path)
        assert err.value.kind == kind
        code, _out, text = check(path)
        assert (code, text) == (2, f"po-desktop: {err.value.render('en')}\n")
    with open_database(crashed) as db, db.engine.connect() as conn:
        assert db.read_only
        assert conn.exec_driver_sql("SELECT x FROM late_work").fetchall() == [(42,)]


def test_one_file_under_a_second_name_is_still_one_workspace(
    disk: Disk, tmp_path: Path, home: Path
) -> None:
    """A bind mount shows the file under another name, with one link only: the lock on
    the file itself refuses a second writer."""
    path = disk.root / "workspace.podb"
    add_project(path, "ERP")
    elsewhere = tmp_path / "partage" / "mirror.podb"
    elsewhere.parent.mkdir()
    elsewhere.touch()
    _mount("--bind", str(path), str(elsewhere))
    try:
        with holder(path, home):
            assert os.stat(elsewhere).st_nlink == 1
            with pytest.raises(DatabaseFileError) as err:
                open_database(elsewhere)
            assert err.value.kind == "locked_elsewhere"
    finally:
        subprocess.run(["umount", str(elsewhere)], check=True)
