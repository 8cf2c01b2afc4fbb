"""Verified copies of a workspace, rotated, and restoring one without losing the current file.

Copies are taken with SQLite's online backup API (a consistent snapshot even while
the app writes), checked with ``PRAGMA integrity_check`` before they count, and
kept in the user data dir, one folder per database. Automatic copies rotate;
copies the user asked for, and those taken before an upgrade, a replace or a
restore, are never deleted by the app.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

from po_desktop import paths
from po_desktop.domain.backups import BackupPolicy, to_keep
from po_desktop.store import engine as sqlite
from po_desktop.store import versions
from po_desktop.store.errors import DatabaseFileError
from po_desktop.store.versions import Version

AUTOMATIC = frozenset({"open", "auto"})
"""Reasons whose copies rotate away; every other reason is kept until the user deletes it."""

_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(
    r"^(?P<stem>.*)-(?P<stamp>\d{8}-\d{6})-"
    r"(?P<reason>[a-z]+(?:-[a-z]+)*?(?:-from-[0-9a-z]+)?)(?:-(?P<n>\d+))?$"
)
"""name-20261128-093000-reason[-n]; a reason may end with a revision (...-from-0002)."""
_SIDE_FILES = ("-wal", "-shm")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime
    """When the copy's name says it was taken: by the wall clock of that day, right or not."""
    reason: str

    @property
    def automatic(self) -> bool:
        return self.reason in AUTOMATIC

    @property
    def version(self) -> Version | None:
        """The workspace version the copy holds (None: unreadable, or from before versions)."""
        return _version_of(self.path)

    def from_the_future(self, now: datetime) -> bool:
        """Stamped later than now: taken while the clock was ahead. Suspect: never a reason
        to skip a copy or to delete one."""
        return self.taken > now + FUTURE_TOLERANCE


FUTURE_TOLERANCE = timedelta(hours=1)
"""Clocks drift and time zones change: within this, a stamp is not from the future."""

_versions: dict[tuple[Path, int, int], Version | None] = {}


def _version_of(path: Path) -> Version | None:
    """Read once per file state: a copy never changes once written."""
    try:
        stat = path.stat()
    except OSError:
        return None
    key = (path, stat.st_mtime_ns, stat.st_size)
    if key not in _versions:
        _versions[key] = versions.of_file(path)
    return _versions[key]


def folder_for(database: Path) -> Path:
    """One folder per database file: two workspaces both named "po-desktop" in different
    folders must never rotate each other's copies away."""
    resolved = Path(database).expanduser().resolve()
    # fsencode: a file name that is not valid UTF-8 (old Linux disks) still gets a folder.
    digest = hashlib.sha1(os.fsencode(resolved), usedforsecurity=False).hexdigest()[:8]
    return paths.backups_dir() / f"{resolved.stem}-{digest}"


def _new_path(database: Path, reason: str, now: datetime) -> Path:
    """A new name every time: a backup never overwrites an earlier one."""
    folder = folder_for(database)
    base = f"{Path(database).stem}-{now.strftime(_STAMP)}-{reason}"
    candidate = folder / f"{base}.podb"
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = folder / f"{base}-{counter}.podb"
    return candidate


def _copy_into(source: Path, target: Path, *, replacing: bool = False) -> Path:
    """Copy ``source`` to ``target`` through a verified ``.partial`` file renamed into place:
    a copy cut short (the app quit, the disk filled) never stands under the real name.

    ``replacing`` drops the replaced file's WAL and shared memory first, which SQLite
    would otherwise replay onto the copy.
    """
    partial = target.with_name(target.name + ".partial")
    try:
        sqlite.backup_file(source, partial)
        if replacing:
            for suffix in (*_SIDE_FILES, "-journal"):
                Path(f"{target}{suffix}").unlink(missing_ok=True)
        os.replace(partial, target)
        return target
    except DatabaseFileError:
        partial.unlink(missing_ok=True)
        raise
    except Exception as exc:  # OSError or sqlite3.Error: no room, no permission
        partial.unlink(missing_ok=True)
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise DatabaseFileError("backup.write_failed", path=str(target), detail=detail) from exc


def create(database: Path, reason: str = "manual", *, now: datetime | None = None) -> Path:
    """Copy ``database`` into its backup folder and verify the copy; returns its path.

    Raises :class:`DatabaseFileError` when the source is damaged (the bad copy is
    removed) or the copy cannot be written.
    """
    return _copy_into(Path(database), _new_path(database, reason, now or datetime.now()))


def save_copy(database: Path, target: Path) -> Path:
    """A verified copy of ``database`` at a place of the user's choosing (File › Save a copy).

    The copy is made beside the target and renamed over it only once verified, so an
    existing file there is replaced whole or not at all.
    """
    database = Path(database).expanduser().resolve()
    target = Path(target).expanduser().resolve()
    own = [database] + [Path(f"{database}{s}") for s in (*_SIDE_FILES, "-journal", ".lock")]
    if target in own:
        raise DatabaseFileError("db.output_is_database", path=str(target))
    if target.is_dir():
        raise DatabaseFileError("backup.write_failed", path=str(target), detail="is a folder")
    # A PO Desktop instance with the target open would keep writing to it: refused.
    lock = sqlite.FileLock(target)
    lock_was_there = lock.path.exists()
    lock.acquire()
    try:
        return _copy_into(database, target, replacing=True)
    finally:
        lock.release()
        if not lock_was_there:
            lock.path.unlink(missing_ok=True)  # a copy, not an open database: no lock file


def list_backups(database: Path) -> list[Backup]:
    """This database's copies, newest first; files that are not ours are ignored."""
    folder = folder_for(database)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.podb"):
        match = _NAME.match(path.stem)
        if match is None:
            continue
        try:
            taken = datetime.strptime(match["stamp"], _STAMP)
        except ValueError:
            continue
        found.append(Backup(path, taken, match["reason"]))
    found.sort(key=lambda b: (b.taken, b.path.name), reverse=True)
    return found


def newest(database: Path, *, automatic_only: bool = False) -> Backup | None:
    """The copy holding the latest state of the workspace: by version when the copies
    have one (the wall clock may have been wrong), by name otherwise."""
    copies = [b for b in list_backups(database) if b.automatic or not automatic_only]
    if not copies:
        return None
    return max(copies, key=_recency)


def _recency(backup: Backup) -> tuple[int, datetime]:
    version = backup.version
    return (version.counter if version is not None else -1, backup.taken)


def newest_verified(database: Path) -> Backup | None:
    """The newest copy that still passes SQLite's integrity check and is ours (a disk can
    rot a backup too): what to offer when the database itself is found damaged."""
    for backup in list_backups(database):
        try:
            sqlite.inspect_file(backup.path)
            if _integrity_ok(backup.path):
                return backup
        except DatabaseFileError:
            continue
    return None


def _integrity_ok(path: Path) -> bool:
    eng = sqlite.make_engine(path, read_only=True)
    try:
        return not sqlite.integrity_problems(eng)
    finally:
        eng.dispose()


def rotate(database: Path, policy: BackupPolicy, *, now: datetime | None = None) -> list[Path]:
    """Delete the automatic copies the policy no longer keeps; returns what was deleted.

    The most recent copies are the latest versions of the workspace, not the latest
    names: after a clock that was ahead is set right, a new copy is stamped earlier than
    the ones before it and must not be the one deleted. Copies stamped in the future
    are kept (suspect, not old); weekly copies are chosen among the others.
    """
    now = now or datetime.now()
    _remove_stale_partials(database, now)
    automatic = [b for b in list_backups(database) if b.automatic]
    trusted = [b for b in automatic if not b.from_the_future(now)]
    policy = policy.clamped()
    keep = {b.path for b in sorted(automatic, key=_recency, reverse=True)[: policy.keep_recent]}
    weekly = to_keep((b.taken for b in trusted), replace(policy, keep_recent=0), now)
    seen: set[datetime] = set()
    for backup in trusted:  # newest first: of two copies in one second, keep the newer
        if backup.taken in weekly and backup.taken not in seen:
            seen.add(backup.taken)
            keep.add(backup.path)
    removed = []
    for backup in automatic:
        if backup.path in keep or backup.from_the_future(now):
            continue
        try:
            backup.path.unlink()
        except OSError:
            continue  # a copy we cannot delete is simply kept
        removed.append(backup.path)
    return removed


def _remove_stale_partials(database: Path, now: datetime) -> None:
    """A copy cut short (the app killed while writing it) leaves a .partial file: gone after
    a day, so a copy still being written by another instance is never touched."""
    folder = folder_for(database)
    if not folder.is_dir():
        return
    for partial in folder.glob("*.partial"):
        with contextlib.suppress(OSError):
            if now.timestamp() - partial.stat().st_mtime > 86400:
                partial.unlink()


def is_due(database: Path, policy: BackupPolicy, *, elapsed_s: float | None = None) -> bool:
    """True when the workspace holds changes no copy has, and ``elapsed_s`` (seconds since
    the last copy of this session, measured by a clock that the user's clock settings do
    not move) reaches the policy's interval. None: no copy this session yet."""
    if policy.every_hours <= 0:
        return False
    if elapsed_s is not None and elapsed_s < policy.every_hours * 3600:
        return False
    return has_changes_since_last_copy(database)


def has_changes_since_last_copy(database: Path) -> bool:
    """Whether the workspace's current version is missing from its copies (a copy of an
    unchanged file would only push an older, different one out of the rotation)."""
    copies = list_backups(database)
    if not copies:
        return True
    version = versions.of_file(database)
    if version is None:
        return True  # unreadable here: a copy will say why
    return all(b.version != version for b in copies)


def check_restorable(database: Path, source: Path) -> None:
    """Refuse a copy that cannot replace ``database``: asked before anything is closed,
    so it includes the full integrity check (seconds on a large copy)."""
    _check_source(database, source)
    if not _integrity_ok(Path(source).expanduser().resolve()):
        raise DatabaseFileError("db.corrupt", path=str(source), detail="integrity check")


def _check_source(database: Path, source: Path) -> None:
    """What can be told without reading the whole copy: it exists, is not the database
    itself, is ours and of a schema this version can open."""
    database = Path(database).expanduser().resolve()
    source = Path(source).expanduser().resolve()
    if not source.is_file():
        raise DatabaseFileError("db.not_found", path=str(source))
    if source == database:
        raise DatabaseFileError("backup.same_file", path=str(source))
    info = sqlite.inspect_file(source)  # ours, readable, a known schema (checked below)
    from po_desktop.store.migrate import KNOWN_REVISIONS

    if info.revision not in KNOWN_REVISIONS:
        raise DatabaseFileError("db.too_new", path=str(source), revision=info.revision)


def restore(database: Path, source: Path, *, now: datetime | None = None) -> Path | None:
    """Put the copy ``source`` in place of ``database``; returns where the current file
    was kept (None when there was none).

    The current file is never deleted: it is renamed aside with its WAL (which holds
    its latest changes), so a restore of the wrong copy is itself undone by restoring
    the file kept aside. A rename that fails puts back what was already moved. The
    caller must hold no connection to ``database``; its lock is taken here.
    """
    database = Path(database).expanduser().resolve()
    source = Path(source).expanduser().resolve()
    _check_source(database, source)  # the copy's integrity: checked on the scratch copy
    database.parent.mkdir(parents=True, exist_ok=True)
    lock = sqlite.FileLock(database)
    lock.acquire()
    scratch = database.with_name(database.name + ".restoring")
    scratch_files = [Path(f"{scratch}{s}") for s in ("", "-wal", "-shm", "-journal")]
    moved: list[tuple[Path, Path]] = []
    try:
        for leftover in scratch_files:
            leftover.unlink(missing_ok=True)
        sqlite.backup_file(source, scratch)  # verified (integrity_check) beside the target
        current = [Path(f"{database}{s}") for s in ("", *_SIDE_FILES)]
        kept = None
        if any(p.exists() for p in current):
            # Even without the main file, a stale WAL must go: SQLite would replay it
            # onto the restored copy.
            stamp = (now or datetime.now()).strftime(_STAMP)
            kept = database.with_name(f"{database.name}.before-restore-{stamp}")
            counter = 1
            while any(Path(f"{kept}{s}").exists() for s in ("", *_SIDE_FILES)):
                counter += 1
                kept = database.with_name(f"{database.name}.before-restore-{stamp}-{counter}")
            for path, suffix in zip(current, ("", *_SIDE_FILES), strict=True):
                if path.exists():
                    os.replace(path, Path(f"{kept}{suffix}"))
                    moved.append((path, Path(f"{kept}{suffix}")))
        os.replace(scratch, database)
        return kept
    except BaseException as exc:
        for original, aside in reversed(moved):
            with contextlib.suppress(OSError):
                os.replace(aside, original)
        for leftover in scratch_files:
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
        if isinstance(exc, DatabaseFileError) or not isinstance(exc, Exception):
            raise
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise DatabaseFileError("backup.restore_failed", path=str(database), detail=detail) from exc
    finally:
        lock.release()
