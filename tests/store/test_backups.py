"""Automatic and manual backups: verified, rotated, restored without losing the current file."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from helpers.workspace import add_project, digest, project_codes
from sqlalchemy import select

from po_desktop.domain.backups import BackupPolicy, to_keep
from po_desktop.store import backups
from po_desktop.store.database import open_database
from po_desktop.store.errors import DatabaseFileError
from po_desktop.store.models import Project


def test_rotation_keeps_recent_and_one_per_week() -> None:
    now = datetime(2026, 11, 28, 12, 0)  # a Saturday
    # Every 6 hours for 12 weeks.
    stamps = [now - timedelta(hours=6 * i) for i in range(12 * 7 * 4)]
    kept = to_keep(stamps, BackupPolicy(keep_recent=10, keep_weeks=8), now)
    assert sorted(stamps, reverse=True)[:10] == sorted(kept, reverse=True)[:10]
    older = sorted(kept - set(sorted(stamps, reverse=True)[:10]))
    assert len(older) == 8  # one per week for the 8 weeks before this one
    mondays = {(s - timedelta(days=s.weekday())).date() for s in older}
    assert len(mondays) == 8
    for stamp in older:  # the newest copy of its week: Sunday 18:00
        assert stamp.weekday() == 6 and stamp.hour == 18
    assert min(older) >= now - timedelta(weeks=9)


def test_rotation_with_few_backups_keeps_all() -> None:
    now = datetime(2026, 11, 28, 12, 0)
    stamps = [now - timedelta(days=1), now - timedelta(days=20)]
    assert to_keep(stamps, BackupPolicy(), now) == set(stamps)


def test_policy_clamps_hand_edited_numbers() -> None:
    assert BackupPolicy(keep_recent=0, keep_weeks=-3, every_hours=500).clamped() == BackupPolicy(
        keep_recent=1, keep_weeks=0, every_hours=48
    )


def test_backup_is_a_verified_copy_in_a_folder_per_database(db_path: Path, home: Path) -> None:
    add_project(db_path, "ERP")
    copy = backups.create(db_path, "manual")
    assert copy.parent == backups.folder_for(db_path)
    assert copy.parent.parent == home / "backups"
    conn = sqlite3.connect(copy)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # one self-contained file
    conn.close()
    assert project_codes(copy) == ["ERP"]
    listed = backups.list_backups(db_path)
    assert [b.path for b in listed] == [copy] and listed[0].reason == "manual"


def test_two_databases_with_the_same_name_keep_separate_backups(tmp_path: Path) -> None:
    first = tmp_path / "a" / "po.podb"
    second = tmp_path / "b" / "po.podb"
    for path in (first, second):
        path.parent.mkdir()
        add_project(path, "ERP")
    backups.create(first, "auto")
    assert backups.list_backups(second) == []
    assert backups.folder_for(first) != backups.folder_for(second)


def test_a_damaged_database_gives_no_backup(db_path: Path) -> None:
    add_project(db_path, "ERP")
    size = db_path.stat().st_size
    with db_path.open("r+b") as fh:  # scribble over the pages after the header
        fh.seek(4096)
        fh.write(os.urandom(size - 4096))
    with pytest.raises(DatabaseFileError):
        backups.create(db_path, "auto")
    assert backups.list_backups(db_path) == []  # the bad copy was not left behind


def test_rotate_deletes_only_old_automatic_copies(db_path: Path) -> None:
    add_project(db_path, "ERP")
    now = datetime(2026, 11, 28, 12, 0)
    made = [backups.create(db_path, "auto", now=now - timedelta(hours=4 * i)) for i in range(14)]
    manual = backups.create(db_path, "manual", now=now - timedelta(days=400))
    upgrade = backups.create(db_path, "before-upgrade-from-0002", now=now - timedelta(days=300))
    removed = backups.rotate(db_path, BackupPolicy(keep_recent=5, keep_weeks=0), now=now)
    assert sorted(removed) == sorted(made[5:])
    left = {b.path for b in backups.list_backups(db_path)}
    assert left == {*made[:5], manual, upgrade}


def test_is_due_after_the_interval_only_when_the_workspace_changed(db_path: Path) -> None:
    add_project(db_path, "ERP")
    policy = BackupPolicy(every_hours=4)
    assert backups.is_due(db_path, policy)  # never backed up
    backups.create(db_path, "auto")
    assert not backups.is_due(db_path, policy, elapsed_s=5 * 3600)  # unchanged since
    add_project(db_path, "CRM")
    assert backups.is_due(db_path, policy, elapsed_s=5 * 3600)
    assert not backups.is_due(db_path, policy, elapsed_s=3 * 3600)  # too soon
    assert not backups.is_due(db_path, BackupPolicy(every_hours=0), elapsed_s=5 * 3600)
    assert not backups.is_due(db_path, BackupPolicy(every_hours=6), elapsed_s=5 * 3600)


def test_a_write_is_a_new_version_a_read_is_not(db_path: Path) -> None:
    from po_desktop.store import versions

    add_project(db_path, "ERP")
    first = versions.of_file(db_path)
    with open_database(db_path) as db, db.session() as s:
        s.scalars(select(Project)).all()  # reading changes nothing
        s.commit()
    assert versions.of_file(db_path) == first
    add_project(db_path, "CRM")
    after = versions.of_file(db_path)
    assert after is not None and first is not None and after.counter == first.counter + 1


def test_restore_puts_the_copy_back_and_keeps_the_current_file(db_path: Path) -> None:
    add_project(db_path, "ERP")
    copy = backups.create(db_path, "manual")
    add_project(db_path, "CRM")  # work done after the backup
    before = digest(db_path)
    kept = backups.restore(db_path, copy)
    assert project_codes(db_path) == ["ERP"]
    assert kept is not None and kept.parent == db_path.parent
    # Nothing lost: the file kept aside (with its WAL) still holds the later work.
    assert digest(kept) == before
    assert project_codes(kept) == ["CRM", "ERP"]
    assert copy.exists()


def test_restore_refuses_bad_sources_and_touches_nothing(db_path: Path, tmp_path: Path) -> None:
    add_project(db_path, "ERP")
    before = digest(db_path)
    junk = tmp_path / "junk.podb"
    junk.write_bytes(b"not a database at all" * 100)
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    for source, kind in [(junk, "not_sqlite"), (other, "foreign"), (db_path, "backup.same_file")]:
        with pytest.raises(DatabaseFileError) as caught:
            backups.restore(db_path, source)
        assert caught.value.kind == kind
    with pytest.raises(DatabaseFileError):
        backups.restore(db_path, tmp_path / "missing.podb")
    rotten = backups.create(db_path, "manual")
    data = bytearray(rotten.read_bytes())
    for offset in range(4096, len(data), 7):  # a copy whose pages rotted on the disk
        data[offset] ^= 0x5A
    rotten.write_bytes(bytes(data))
    with pytest.raises(DatabaseFileError) as caught:
        backups.restore(db_path, rotten)
    assert caught.value.kind == "corrupt"
    assert digest(db_path) == before
    assert not list(db_path.parent.glob("*.before-restore-*"))
    assert not list(db_path.parent.glob("*.restoring*"))


def test_restore_refuses_while_the_database_is_open(db_path: Path) -> None:
    add_project(db_path, "ERP")
    copy = backups.create(db_path, "manual")
    with open_database(db_path):
        with pytest.raises(DatabaseFileError) as caught:
            backups.restore(db_path, copy)
        assert caught.value.kind == "locked"
    assert not list(db_path.parent.glob("*.before-restore-*"))


def test_newest_verified_skips_a_rotten_copy(db_path: Path) -> None:
    add_project(db_path, "ERP")
    now = datetime.now()
    good = backups.create(db_path, "auto", now=now - timedelta(hours=2))
    rotten = backups.create(db_path, "auto", now=now - timedelta(hours=1))
    with rotten.open("r+b") as fh:
        fh.seek(0)
        fh.write(b"garbage" * 20)
    found = backups.newest_verified(db_path)
    assert found is not None and found.path == good


def _wal_only_table(path: Path) -> sqlite3.Connection:
    """A change that lives only in the WAL (not checkpointed): the file's latest work."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("CREATE TABLE late_work (x)")
    conn.execute("INSERT INTO late_work VALUES (42)")
    conn.commit()
    return conn  # kept open: closing the last connection would checkpoint


def test_a_restore_that_fails_half_way_puts_everything_back(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_project(db_path, "ERP")
    copy = backups.create(db_path, "manual")
    holder = _wal_only_table(db_path)
    before = {s: Path(f"{db_path}{s}").read_bytes() for s in ("", "-wal")}
    real_replace = os.replace

    def fail_last(src: object, dst: object) -> None:
        if str(src).endswith(".restoring"):  # the copy cannot take the file's place
            raise PermissionError(13, "The file is in use by another process")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", fail_last)
    with pytest.raises(DatabaseFileError) as caught:
        backups.restore(db_path, copy)
    monkeypatch.setattr(os, "replace", real_replace)
    assert caught.value.kind == "backup.restore_failed"
    assert "in use" in caught.value.render("en")
    assert {s: Path(f"{db_path}{s}").read_bytes() for s in ("", "-wal")} == before
    assert not list(db_path.parent.glob("*.before-restore-*"))
    assert not list(db_path.parent.glob("*.restoring*"))
    holder.close()
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT x FROM late_work").fetchall() == [(42,)]  # nothing lost
    conn.close()


def test_save_a_copy_over_an_old_database_ignores_its_leftover_wal(
    db_path: Path, tmp_path: Path
) -> None:
    add_project(db_path, "ERP")
    target = tmp_path / "old.podb"
    add_project(target, "OLD")
    holder = _wal_only_table(target)
    leftovers = {s: Path(f"{target}{s}").read_bytes() for s in ("-wal", "-shm")}
    holder.close()
    for suffix, data in leftovers.items():  # as a crash of that old database left them
        Path(f"{target}{suffix}").write_bytes(data)
    backups.save_copy(db_path, target)
    assert project_codes(target) == ["ERP"]  # the copy, not the old file's WAL replayed
    conn = sqlite3.connect(target)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()
    assert "late_work" not in tables


def test_save_a_copy_refuses_a_database_open_in_another_instance(
    db_path: Path, tmp_path: Path
) -> None:
    add_project(db_path, "ERP")
    target = tmp_path / "busy.podb"
    add_project(target, "OLD")
    with open_database(target):
        with pytest.raises(DatabaseFileError) as caught:
            backups.save_copy(db_path, target)
        assert caught.value.kind == "locked"
    assert project_codes(target) == ["OLD"]


def test_upgrade_copies_keep_their_revision_in_the_listing(db_path: Path) -> None:
    add_project(db_path, "ERP")
    backups.create(db_path, "before-upgrade-from-0002")
    backups.create(db_path, "before-upgrade-from-0002")  # same second: numbered
    reasons = [b.reason for b in backups.list_backups(db_path)]
    assert reasons == ["before-upgrade-from-0002", "before-upgrade-from-0002"]


def _ahead(db_path: Path, days: int, count: int) -> None:
    """Automatic copies taken while the computer's clock ran ``days`` ahead: the process
    clock really faked (libfaketime), the file times as that clock stamped them."""
    import shutil
    import subprocess
    import sys

    if shutil.which("faketime") is None:
        pytest.skip("libfaketime's faketime is not installed (.ci/run installs it on CI)")
    script = (
        "import sys; from pathlib import Path; from po_desktop.store import backups;"
        "from po_desktop.domain.backups import BackupPolicy;"
        "p = Path(sys.argv[1]); backups.create(p, 'auto');"
        "backups.rotate(p, BackupPolicy(keep_recent=3, keep_weeks=2))"
    )
    for index in range(count):
        add_project(db_path, f"F{index}X")  # a change each time: each copy is due
        subprocess.run(
            ["faketime", f"+{days} days", sys.executable, "-c", script, str(db_path)],
            check=True,
        )
    future = (datetime.now() + timedelta(days=days)).timestamp()
    for copy in backups.folder_for(db_path).glob("*.podb"):
        os.utime(copy, (future, future))


def test_after_a_clock_that_ran_ahead_copies_go_on_and_none_is_lost(db_path: Path) -> None:
    add_project(db_path, "ERP")
    _ahead(db_path, 300, 4)
    ahead = {b.path for b in backups.list_backups(db_path)}
    assert len(ahead) == 3  # rotated as usual while the clock was wrong
    assert all(b.taken > datetime.now() for b in backups.list_backups(db_path))
    # The clock is right again. The workspace changes; a copy is due, and taken.
    add_project(db_path, "CRM")
    assert backups.is_due(db_path, BackupPolicy(every_hours=4), elapsed_s=5 * 3600)
    latest = backups.create(db_path, "auto")
    removed = backups.rotate(db_path, BackupPolicy(keep_recent=3, keep_weeks=2))
    assert latest.exists() and latest not in removed  # the newest state, whatever its stamp
    assert backups.newest(db_path).path == latest  # type: ignore[union-attr]
    assert ahead <= {b.path for b in backups.list_backups(db_path)}  # suspects are kept
    assert not backups.has_changes_since_last_copy(db_path)  # nothing new: none due
