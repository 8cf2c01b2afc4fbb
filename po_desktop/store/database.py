"""Opening a workspace: check the file, lock it, back it up, migrate, seed defaults."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from po_desktop.domain.messages import Message
from po_desktop.store import check_ahead, files, sqlite_file, versions
from po_desktop.store import engine as sqlite
from po_desktop.store.errors import DatabaseFileError
from po_desktop.store.migrate import HEAD, KNOWN_REVISIONS, upgrade


@dataclass
class Database:
    """An open workspace: one engine, a session factory and the file lock.

    ``read_only`` is True when the file can only be read here: it lies on read-only
    media, the user may not write it or its folder, it has more than one name (hard
    links), or ``open_database(..., read_only=True)`` asked for it. ``read_only_reason``
    then holds the sentence for the banner the window shows (a :class:`Message`,
    rendered in the user's language: why, and what can still be done — browse, export,
    print). Every write through a read-only database fails with a
    :class:`~po_desktop.store.errors.StorageError` ``db.read_only_write`` naming the
    reason, whatever the code path; nothing is backed up or migrated, and no lock file
    is created where none can be. The UI disables its edit actions from ``read_only``.

    A team workspace (``address`` set: ``postgresql://…``, never with its password) has
    no lock; ``path`` is then its local copy (see :mod:`po_desktop.store.team_open`),
    which file-only features (backups, restore, save as) must not take for the
    workspace: they ask :attr:`is_server` first.
    """

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    """Makes the sessions of this database (see :meth:`session`)."""
    lock: sqlite.FileLock | None
    created: bool = False
    migrated_from: str | None = None
    backup_path: Path | None = None
    read_only: bool = False
    read_only_reason: Message | None = None
    address: str | None = None
    """A team workspace's address as it may be shown (no password); None for a file."""
    url: URL | None = field(default=None, repr=False)
    """The address to connect with (password included): for the window's listener."""
    origin: str = ""
    """What this opening's change announcements carry, so it ignores its own."""
    person: str = ""
    """Who others see connected (a team workspace)."""
    _closed: bool = field(default=False, repr=False)

    @property
    def is_server(self) -> bool:
        return self.address is not None

    @property
    def location(self) -> str:
        """What a recent-workspaces list keeps: the file's path, or the address."""
        return self.address if self.address is not None else str(self.path)

    @property
    def title(self) -> str:
        """The window's title: the file's name, or the address."""
        return self.address if self.address is not None else self.path.name

    def session(self) -> Session:
        return self.sessions()

    def owns(self, other: Path) -> bool:
        """True when writing ``other`` would overwrite this database or its side files."""
        target = Path(other).expanduser().resolve()
        own = [self.path, *sqlite.side_files(self.path), sqlite.FileLock(self.path).path]
        return target in own

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if not self.read_only and not self.is_server:
            with contextlib.suppress(Exception):
                sqlite.checkpoint(self.engine)
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


# store.backups is imported where a backup is made or a restore finished: opening a file
# that needs neither (a review pack's process) does not load it.


def backup_before_migration(path: Path, revision: str) -> Path:
    from po_desktop.store import backups

    return backups.create(path, f"before-upgrade-from-{revision}")


def backup_before_replacing(path: Path) -> Path:
    from po_desktop.store import backups

    return backups.create(path, "before-replace")


def examine(path: Path | str) -> sqlite.FileInfo:
    """The verdict on a file, the same for opening it and for ``po-desktop check``.

    A restore cut short (the app killed, the power lost) is finished or undone first,
    under the database's lock; then :func:`~po_desktop.store.engine.inspect_file` tells
    what the file is (recovering a crash's journal or log on the way) and raises when
    it cannot be opened. A schema this version does not know is refused as too new; one
    that needs an upgrade where the file cannot be written is refused with the reason.
    """
    path = Path(path).expanduser().resolve()
    sqlite.check_name(path)
    if sqlite_file.restore_pending(path):
        from po_desktop.store import backups

        lock = sqlite.FileLock(path)
        lock.acquire()
        try:
            backups.finish_restore(path)
        finally:
            lock.release()
    info = check_ahead.taken(path) or sqlite_file.inspect_file(path)
    if info.revision is not None and info.revision not in KNOWN_REVISIONS:
        raise DatabaseFileError("db.too_new", path=str(path), revision=info.revision)
    if info.read_only is not None:
        _refuse_upgrade(info, info.read_only)
    return info


def examine_ahead(path: Path | str) -> None:
    """The integrity check of ``path`` started in a thread of its own; :func:`examine`
    takes its verdict when nothing changed the files since (see
    :func:`po_desktop.store.check_ahead.start`)."""
    check_ahead.start(path)


def _refuse_upgrade(info: sqlite.FileInfo, reason: Message) -> None:
    if info.exists and info.revision != HEAD:
        raise DatabaseFileError(
            "db.upgrade_needs_write",
            path=str(info.path),
            revision=info.revision,
            head=HEAD,
            reason=reason,
        )


def _read_only(info: sqlite.FileInfo, asked: bool | None) -> Message | None:
    """Why this opening is read-only (None: it is not); refuses what cannot be done."""
    reason = info.read_only
    if reason is not None and asked is False:
        raise DatabaseFileError("db.needs_write", reason=reason)
    if reason is None and asked:
        if not info.exists:
            raise DatabaseFileError("db.not_found", path=str(info.path))
        reason = Message("db.ro.asked", {"path": str(info.path)})
    if reason is not None:
        _refuse_upgrade(info, reason)
    return reason


def open_database(
    path: Path | str | URL,
    *,
    create: bool = True,
    lock: bool = True,
    read_only: bool | None = None,
    local_copy: bool = False,
) -> Database:
    """Open (or create) a PO Desktop database, refusing any file that is not ours.

    A refused file is never written to: its header is read before any connection
    exists (see :func:`examine`). ``read_only``: None decides from the file (a file
    that can only be read here opens read-only, see :class:`Database`); True opens
    read-only anyway; False refuses a file that cannot be written.

    A team workspace's address (``postgresql://…``) opens the workspace on its server
    (:func:`po_desktop.store.team_open.open_server`; ``local_copy`` refreshes its local
    copy first); ``create`` and ``lock`` concern files only.
    """
    from po_desktop.store import team

    if isinstance(path, URL) or team.is_server_address(str(path)):
        from po_desktop.store.team_open import open_server

        address = path if isinstance(path, URL) else str(path)
        return open_server(address, read_only=read_only, local_copy=local_copy)
    # Resolved, so a symbolic link cannot put a second lock beside another name.
    path = Path(path).expanduser().resolve()
    info = examine(path)
    if not info.exists and not create:
        raise DatabaseFileError("db.not_found", path=str(path))
    reason = _read_only(info, read_only)
    file_lock: sqlite.FileLock | None = None
    try:
        if lock:
            path.parent.mkdir(parents=True, exist_ok=True)
            file_lock = sqlite.FileLock(path)
            file_lock.acquire(create=info.folder_writable)
            if not info.exists:  # made by another instance (or a restore) meanwhile?
                info = examine(path)
                reason = _read_only(info, read_only)
        if reason is not None:
            eng = sqlite.make_engine(path, read_only=True, reason=reason)
            return Database(
                path,
                eng,
                sessionmaker(eng, expire_on_commit=False),
                file_lock,
                read_only=True,
                read_only_reason=Message("db.opened_read_only", {"reason": reason}),
            )
        return _open_for_writing(path, info, file_lock)
    except BaseException:
        if file_lock is not None:
            file_lock.release()
        raise


def _open_for_writing(
    path: Path, info: sqlite.FileInfo, file_lock: sqlite.FileLock | None
) -> Database:
    opened: dict[str, Any] = {"created": not info.exists}
    eng: Engine | None = None
    try:
        if info.exists and info.revision != HEAD:
            assert info.revision is not None
            opened["backup_path"] = backup_before_migration(path, info.revision)
            opened["migrated_from"] = info.revision
        if not info.exists:
            _create(path)
            if file_lock is not None:
                file_lock.hold_identity()
        eng = sqlite.make_engine(path)
        if info.exists and info.revision != HEAD:
            upgrade(eng)
    except Exception as exc:
        if eng is not None:
            eng.dispose()
        # A full disk or a medium gone read-only: the user's reading, not SQLite's English.
        known = sqlite.file_error(exc, path)
        if known is None:
            raise
        raise known from exc
    factory = sessionmaker(eng, expire_on_commit=False)
    versions.install(factory)  # each write gives the workspace a new version
    return Database(path, eng, factory, file_lock, **opened)


def _create(path: Path) -> None:
    """Build a new workspace beside the target, then move it into place in one step.

    A crash half-way leaves only a scratch file, never a half-made database
    under the user's chosen name (which would then be refused as damaged). Side files
    another database left under that name (its log, its journal) are set aside, named
    ``NAME-wal.stale-DATE``, not adopted: SQLite would replay them into the new file.
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
    when = files.stamp()
    for side in sqlite.side_files(path):
        files.set_aside(side, when)
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
