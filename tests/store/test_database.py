"""Opening files: ours are migrated after a backup; anything else is refused untouched."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from po_desktop.store import check_ahead, sqlite_file
from po_desktop.store import engine as sqlite
from po_desktop.store.backups import folder_for
from po_desktop.store.database import open_database
from po_desktop.store.errors import DatabaseFileError
from po_desktop.store.migrate import HEAD, KNOWN_REVISIONS, script_head
from po_desktop.store.models import Base


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _refused(path: Path, kind: str) -> DatabaseFileError:
    before = _digest(path)
    with pytest.raises(DatabaseFileError) as err:
        open_database(path)
    assert err.value.kind == kind
    assert _digest(path) == before, "a refused file must be left byte-for-byte untouched"
    assert str(path) in err.value.render("fr")
    return err.value


def test_new_database_has_pragmas_and_our_marks(db_path: Path) -> None:
    with open_database(db_path) as db:
        assert db.created
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
    raw = sqlite3.connect(db_path)
    assert raw.execute("PRAGMA application_id").fetchone()[0] == sqlite.APPLICATION_ID
    assert raw.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD
    raw.close()
    with open_database(db_path) as again:
        assert not again.created and again.migrated_from is None


def test_head_constant_matches_alembic() -> None:
    assert script_head() == HEAD
    assert KNOWN_REVISIONS[-1] == HEAD


def test_migrations_from_empty_match_the_models(db_path: Path) -> None:
    """Alembic's autogenerate finds nothing to do: migrations and models agree."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with open_database(db_path) as db, db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
        tables = set(inspect(conn).get_table_names())
    assert set(Base.metadata.tables) <= tables


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.podb"
    path.write_bytes(b"")
    assert "empty" in _refused(path, "empty_file").render("en")


def test_random_bytes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.podb"
    path.write_bytes(os.urandom(4096))
    _refused(path, "not_sqlite")


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    assert "another application" in _refused(path, "foreign").render("en")


def test_truncated_database_is_refused(db_path: Path, tmp_path: Path) -> None:
    with open_database(db_path):
        pass
    data = db_path.read_bytes()
    truncated = tmp_path / "truncated.podb"
    truncated.write_bytes(data[: len(data) // 2])
    _refused(truncated, "corrupt")


def test_corrupt_pages_are_refused(db_path: Path) -> None:
    with open_database(db_path):
        pass
    _damage(db_path)  # the header kept
    _refused(db_path, "corrupt")


def test_newer_schema_is_refused(db_path: Path) -> None:
    with open_database(db_path) as db, db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    sqlite.checkpoint_path(db_path)
    err = _refused(db_path, "too_new")
    assert "newer version" in err.render("en")


def test_a_file_the_user_may_not_write_opens_read_only(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Browsing, exporting and printing still work; every write says why it cannot."""
    from po_desktop.store.errors import StorageError
    from po_desktop.store.services import projects

    with open_database(db_path):
        pass
    db_path.chmod(0o444)
    if os.access(db_path, os.W_OK):  # root ignores permission bits: simulate what users get
        real_access = os.access
        monkeypatch.setattr(
            os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode)
        )
    before = _digest(db_path)
    with open_database(db_path) as db:
        assert db.read_only and db.read_only_reason is not None
        assert "not allowed to change" in db.read_only_reason.render("en")
        assert "Lecture seule" in db.read_only_reason.render("fr")
        with db.session() as s, pytest.raises(StorageError) as err:
            projects.create_project(s, projects.ProjectInput("ERP", "ERP"))
        assert err.value.message.msg_id == "db.read_only_write"
        assert "open read-only" in err.value.render("en")
        assert "readonly" not in err.value.render("en")  # not SQLite's English
    assert _digest(db_path) == before
    with pytest.raises(DatabaseFileError) as refused:
        open_database(db_path, read_only=False)
    assert refused.value.kind == "needs_write"


def test_second_instance_is_told_the_file_is_in_use(db_path: Path) -> None:
    with open_database(db_path):
        with pytest.raises(DatabaseFileError) as err:
            open_database(db_path)
        assert err.value.kind == "locked"
        assert "another PO Desktop" in err.value.render("en")
        assert "pid" in err.value.render("en")
    with open_database(db_path):  # released when the first one closes
        pass


def test_older_schema_is_backed_up_then_migrated(db_path: Path, home: Path) -> None:
    with open_database(db_path) as db, db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0000'"))
    sqlite.checkpoint_path(db_path)
    # Pretend this build knows an older revision '0000' that upgrades to head.
    import po_desktop.store.database as database_module

    calls: list[str] = []
    original = database_module.upgrade

    def fake_upgrade(engine: object, revision: str = "head") -> None:
        calls.append(revision)
        with engine.begin() as conn:  # type: ignore[attr-defined]
            conn.execute(text(f"UPDATE alembic_version SET version_num = '{HEAD}'"))

    database_module.upgrade = fake_upgrade  # type: ignore[assignment]
    database_module.KNOWN_REVISIONS = ("0000", HEAD)  # type: ignore[attr-defined]
    try:
        with open_database(db_path) as db:
            assert db.migrated_from == "0000"
            assert db.backup_path is not None
            assert db.backup_path.parent == folder_for(db_path)
            assert db.backup_path.parent.parent == home / "backups"
            backup = sqlite3.connect(db.backup_path)
            assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == ("0000",)
            backup.close()
    finally:
        database_module.upgrade = original
        database_module.KNOWN_REVISIONS = KNOWN_REVISIONS  # type: ignore[attr-defined]
    assert calls == ["head"]


def test_backup_file_is_verified_copy(db_path: Path, tmp_path: Path) -> None:
    with open_database(db_path):
        pass
    copy = sqlite.backup_file(db_path, tmp_path / "copy.podb")
    with open_database(copy) as db:
        assert not db.created


def test_file_names_are_never_read_as_urls(tmp_path: Path) -> None:
    """'%20' or '?' in a name must not lead SQLite to open (and write) another file."""
    other = tmp_path / "Compta 2024.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE ecritures (montant REAL)")
    conn.commit()
    conn.close()
    before = _digest(other)
    for name in ("Compta%202024.db", "a?mode=ro.podb", "Besoins #1 & co.podb"):
        with open_database(tmp_path / name) as db:
            assert db.created
        assert (tmp_path / name).exists()
        with open_database(tmp_path / name) as again:
            assert not again.created
    assert _digest(other) == before


def test_refusing_a_foreign_wal_database_creates_no_side_files(tmp_path: Path) -> None:
    path = tmp_path / "zotero.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE items (x)")
    conn.commit()
    conn.close()
    listing = sorted(p.name for p in tmp_path.iterdir())
    _refused(path, "foreign")
    assert sorted(p.name for p in tmp_path.iterdir()) == listing


def test_a_symbolic_link_does_not_get_around_the_lock(db_path: Path, tmp_path: Path) -> None:
    link = tmp_path / "elsewhere" / "link.podb"
    link.parent.mkdir()
    with open_database(db_path):
        link.symlink_to(db_path)
        with pytest.raises(DatabaseFileError) as err:
            open_database(link)
        assert err.value.kind == "locked"


def test_lock_file_that_cannot_be_created_is_a_clear_error(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_database(db_path):
        pass

    real_open = os.open

    def refuse_lock(path: object, *args: object, **kwargs: object) -> int:
        if str(path).endswith(".lock"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse_lock)
    with pytest.raises(DatabaseFileError) as err:
        open_database(db_path)
    assert err.value.kind == "lock_failed"
    assert "read-only" in err.value.render("en")


def test_migrations_run_with_foreign_keys_off_so_table_rebuilds_keep_history(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A later revision that rebuilds the need table (batch mode) must not cascade-delete."""
    import shutil

    from po_desktop.store import migrate
    from po_desktop.store.services import needs, projects

    with open_database(db_path) as db, db.session() as s:
        pid = projects.create_project(s, projects.ProjectInput("ERP", "ERP")).id
        needs.create_need(s, needs.NeedInput("A", "B", pid, tags=["x"], points=3))
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, scripts)
    (scripts / "versions" / "0099_rebuild.py").write_text(
        "from alembic import op\n"
        f"revision = '0099'\ndown_revision = '{HEAD}'\nbranch_labels = None\ndepends_on = None\n"
        "def upgrade():\n"
        "    with op.batch_alter_table('need', recreate='always'):\n"
        "        pass\n"
        "def downgrade():\n    pass\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", scripts)
    engine = sqlite.make_engine(db_path)
    try:
        migrate.upgrade(engine)
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM need_event").scalar() == 2
            assert conn.exec_driver_sql("SELECT count(*) FROM need_tag").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()


def test_backups_never_overwrite_each_other(db_path: Path, home: Path) -> None:
    from po_desktop.store.database import backup_before_replacing

    with open_database(db_path):
        pass
    first = backup_before_replacing(db_path)
    second = backup_before_replacing(db_path)  # same second, same reason
    assert first != second and first.exists() and second.exists()


def test_a_new_database_appears_whole_under_its_name(db_path: Path) -> None:
    """Built beside the target and moved into place: no scratch file is left behind."""
    with open_database(db_path) as db:
        assert db.created
    names = sorted(p.name for p in db_path.parent.iterdir())
    assert not [n for n in names if ".creating" in n]
    assert sqlite.inspect_file(db_path).revision == HEAD


def test_a_full_disk_refuses_the_change_and_keeps_the_file(db_path: Path) -> None:
    """SQLITE_FULL, simulated with a page limit: a clear message, nothing half-written."""
    from sqlalchemy import select

    from po_desktop.store.errors import StorageError
    from po_desktop.store.models import Need
    from po_desktop.store.services import needs, projects

    with open_database(db_path) as db:
        with db.session() as s:
            erp = projects.create_project(s, projects.ProjectInput("ERP", "Déploiement ERP"))
            needs.create_need(s, needs.NeedInput("Factures", "Relances", erp.id))
        sqlite.checkpoint(db.engine)
        before = _digest(db_path)
        with db.session() as s:
            pages = s.connection().exec_driver_sql("PRAGMA page_count").scalar()
            s.connection().exec_driver_sql(f"PRAGMA max_page_count={pages}")
            s.commit()
            with pytest.raises(StorageError) as err:
                needs.create_need(s, needs.NeedInput("Paie", "y" * 200_000, erp.id))
            assert err.value.message.msg_id == "db.full"
            assert "disk is full" in err.value.render("en")
            assert "disque est plein" in err.value.render("fr")
            assert [n.title for n in s.scalars(select(Need))] == ["Factures"]
        sqlite.checkpoint(db.engine)
        assert not sqlite.integrity_problems(db.engine)
    assert _digest(db_path) == before


def test_the_lock_is_released_when_the_holder_is_killed(db_path: Path, home: Path) -> None:
    """A crash (SIGKILL: no clean-up code runs) must not lock the user out of their file."""
    import signal
    import subprocess
    import sys
    import time

    with open_database(db_path):
        pass
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from po_desktop.store.database import open_database\n"
            f"db = open_database({str(db_path)!r})\n"
            "print('open', flush=True)\n"
            "time.sleep(60)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ | {"PO_DESKTOP_HOME": str(home)},
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(DatabaseFileError) as err:  # a second instance is refused
            open_database(db_path)
        assert err.value.kind == "locked" and f"pid {holder.pid}" in err.value.render("en")
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
    deadline = time.monotonic() + 10
    while True:  # the OS drops the lock with the process
        try:
            with open_database(db_path) as db:
                assert not sqlite.integrity_problems(db.engine)
            break
        except DatabaseFileError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def test_each_unusable_file_has_its_own_message(db_path: Path, tmp_path: Path) -> None:
    """A user told "damaged" about a file that is merely read-only would restore for nothing."""
    ids = [
        "db.empty_file",
        "db.not_sqlite",
        "db.foreign",
        "db.corrupt",
        "db.too_new",
        "db.read_only",
        "db.locked",
        "db.full",
        "db.busy_file",
    ]
    for lang in ("fr", "en"):
        texts = [
            DatabaseFileError(i, path="x", detail="d", revision="9", owner="o").render(lang)
            for i in ids
        ]
        assert len(set(texts)) == len(ids)


def test_a_file_held_by_another_program_is_busy_not_damaged(db_path: Path) -> None:
    """Called "damaged", a healthy file would be replaced by an older backup."""
    with open_database(db_path):
        pass
    holder = sqlite3.connect(db_path)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        err = _refused(db_path, "busy_file")  # waits for SQLite's busy timeout first
        assert "another program" in err.render("en")
    finally:
        holder.rollback()
        holder.close()


def _checked_ahead(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, *, empty_log: bool = False
) -> list[Path]:
    """A workspace file whose check was made ahead (and ended); the files SQLite's
    integrity check runs on from now, in order. ``empty_log``: the empty write-ahead log
    a session that ended leaves beside the file."""
    from po_desktop.store import database as database_module

    with open_database(db_path):
        pass
    if empty_log:
        Path(f"{db_path}-wal").touch()
    checked: list[Path] = []
    inspect_file = sqlite_file.inspect_file

    def counted(path: Path, **kw: object) -> sqlite.FileInfo:
        checked.append(path)
        return inspect_file(path, **kw)  # type: ignore[arg-type]

    database_module.examine_ahead(db_path)  # the app starts it, and builds its window meanwhile
    check_ahead._ahead[db_path.resolve()][0].join()
    monkeypatch.setattr(sqlite_file, "inspect_file", counted)
    return checked


def _damage(path: Path) -> None:
    """Every page after the header garbled."""
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 7):
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))


def test_a_check_made_ahead_opens_the_unchanged_file_without_checking_again(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked = _checked_ahead(db_path, monkeypatch)
    with open_database(db_path) as database:
        assert database.path == db_path.resolve()
    assert checked == []


def test_an_empty_log_left_beside_the_file_does_not_make_it_checked_twice(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check's own connection deletes that empty log: nothing was written, the
    verdict stands (at 100,000 needs a second check was most of a slow start)."""
    checked = _checked_ahead(db_path, monkeypatch, empty_log=True)
    with open_database(db_path):
        pass
    assert checked == []


def test_a_file_written_after_the_check_ahead_is_checked_again(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked = _checked_ahead(db_path, monkeypatch)
    other = sqlite3.connect(db_path)  # another program writes meanwhile
    other.execute("PRAGMA user_version = 7")
    other.close()
    with open_database(db_path):
        pass
    assert checked == [db_path.resolve()]


def test_a_medium_made_read_only_after_the_check_ahead_is_checked_again(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stick's switch moved, or the share went read-only, after the check ahead: no
    stamp changes, but its verdict said "writable", so it is not taken and the file opens
    read-only, saying why."""
    checked = _checked_ahead(db_path, monkeypatch)
    monkeypatch.setattr(sqlite_file, "_read_only_mount", lambda path: True)
    with open_database(db_path) as database:
        assert database.read_only
    assert checked == [db_path.resolve()]


def test_a_file_damaged_after_the_check_ahead_is_still_refused(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _checked_ahead(db_path, monkeypatch)
    _damage(db_path)
    _refused(db_path, "corrupt")


def test_a_damaged_file_checked_ahead_is_refused(db_path: Path) -> None:
    from po_desktop.store.database import examine_ahead

    with open_database(db_path):
        pass
    _damage(db_path)
    examine_ahead(db_path)
    _refused(db_path, "corrupt")


def test_a_file_written_while_it_is_checked_ahead_is_checked_again(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program (a sync client swapping a copy in) writes the file while the check
    ahead reads it: that verdict was about the file before, so it is not taken."""
    from po_desktop.store import database as database_module

    with open_database(db_path):
        pass
    inspect_file = sqlite_file.inspect_file

    def written_meanwhile(path: Path, **kw: object) -> sqlite.FileInfo:
        info = inspect_file(path, **kw)  # type: ignore[arg-type]
        other = sqlite3.connect(path)
        other.execute("PRAGMA user_version = 7")
        other.close()
        return info

    monkeypatch.setattr(sqlite_file, "inspect_file", written_meanwhile)
    database_module.examine_ahead(db_path)
    check_ahead._ahead[db_path.resolve()][0].join()
    checked: list[Path] = []

    def counted(path: Path, **kw: object) -> sqlite.FileInfo:
        checked.append(path)
        return inspect_file(path, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(sqlite_file, "inspect_file", counted)
    with open_database(db_path):
        pass
    assert checked == [db_path.resolve()]
