"""Opening a workspace: check the file, lock it, back it up, migrate, seed defaults."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from po_desktop.store import backups, files
from po_desktop.store import engine as sqlite
from po_desktop.store.errors import DatabaseFileError
from po_desktop.store.migrate import HEAD, KNOWN_REVISIONS, upgrade


@dataclass
class Database:
    """An open workspace: one engine, a session factory and the file lock."""

    path: Path
    engine: Engine
    Session: sessionmaker[Session]
    lock: sqlite.FileLock | None
    created: bool = False
    migrated_from: str | None = None
    backup_path: Path | None = None
    _closed: bool = field(default=False, repr=False)

    def session(self) -> Session:
        return self.Session()

    def owns(self, other: Path) -> bool:
        """True when writing ``other`` would overwrite this database or its side files."""
        target = Path(other).expanduser().resolve()
        own = [self.path, *sqlite.side_files(self.path), sqlite.FileLock(self.path).path]
        return target in own

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        with contextlib.suppress(Exception):
            sqlite.checkpoint(self.engine)
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def backup_before_migration(path: Path, revision: str) -> Path:
    return backups.create(path, f"before-upgrade-from-{revision}")


def backup_before_replacing(path: Path) -> Path:
    return backups.create(path, "before-replace")


def open_database(
    path: Path | str,
    *,
    create: bool = True,
    lock: bool = True,
) -> Database:
    """Open (or create) a PO Desktop database, refusing any file that is not ours.

    A refused file is never written to: every check reads it through a
    read-only connection before the first write-capable one exists.
    """
    # Resolved, so a symbolic link cannot put a second lock beside another name.
    path = Path(path).expanduser().resolve()
    info = sqlite.inspect_file(path)
    if not info.exists and not create:
        raise DatabaseFileError("db.not_found", path=str(path))
    if info.revision is not None and info.revision not in KNOWN_REVISIONS:
        raise DatabaseFileError("db.too_new", path=str(path), revision=info.revision)
    if info.exists and not os.access(path, os.W_OK):
        raise DatabaseFileError("db.read_only", path=str(path))

    file_lock: sqlite.FileLock | None = None
    if lock:
        path.parent.mkdir(parents=True, exist_ok=True)
        file_lock = sqlite.FileLock(path)
        file_lock.acquire()
    try:
        backup_path = None
        migrated_from = None
        if info.exists and info.revision != HEAD:
            assert info.revision is not None
            backup_path = backup_before_migration(path, info.revision)
            migrated_from = info.revision
        if not info.exists:
            _create(path)
            if file_lock is not None:
                file_lock.hold_identity()
        eng = sqlite.make_engine(path)
        factory = sessionmaker(eng, expire_on_commit=False)
        if info.exists and info.revision != HEAD:
            upgrade(eng)
        return Database(
            path,
            eng,
            factory,
            file_lock,
            created=not info.exists,
            migrated_from=migrated_from,
            backup_path=backup_path,
        )
    except BaseException:
        if file_lock is not None:
            file_lock.release()
        raise


def _create(path: Path) -> None:
    """Build a new workspace beside the target, then move it into place in one step.

    A crash half-way leaves only a scratch file, never a half-made database
    under the user's chosen name (which would then be refused as damaged).
    """
    from po_desktop.store.services import workspace

    scratch = files.scratch(path, "creating")
    leftovers = [scratch, *sqlite.side_files(scratch)]
    for leftover in leftovers:
        files.remove(leftover)
    eng = sqlite.make_engine(scratch)
    try:
        sqlite.mark_as_ours(eng)
        upgrade(eng)
        with sessionmaker(eng, expire_on_commit=False)() as session:
            workspace.initialize(session)
        sqlite.checkpoint(eng)
        eng.dispose()
        for leftover in leftovers[1:]:
            files.remove(leftover)  # empty after the checkpoint
        files.sync_file(scratch)
    except BaseException:
        eng.dispose()
        for leftover in leftovers:  # a full disk, say: nothing half-made stays behind
            with contextlib.suppress(OSError):
                files.remove(leftover)
        raise
    files.move(scratch, path)


def schema_revision(engine: Engine) -> str | None:
    from sqlalchemy import text

    with engine.connect() as conn:
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def table_counts(session: Session) -> dict[str, int]:
    from sqlalchemy import func

    from po_desktop.store import models

    counted = {
        "projects": models.Project,
        "people": models.Person,
        "needs": models.Need,
        "columns": models.BoardColumn,
        "sprints": models.Sprint,
        "assessments": models.Assessment,
        "ceremonies": models.Ceremony,
        "absences": models.Absence,
        "events": models.NeedEvent,
    }
    return {
        name: session.execute(select(func.count()).select_from(model)).scalar_one()
        for name, model in counted.items()
    }
