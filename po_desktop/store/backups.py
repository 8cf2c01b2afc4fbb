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
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import NoReturn

from po_desktop import paths
from po_desktop.domain.backups import BackupPolicy, to_keep
from po_desktop.store import engine as sqlite
from po_desktop.store import files
from po_desktop.store.errors import DatabaseFileError

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
    reason: str

    @property
    def automatic(self) -> bool:
        return self.reason in AUTOMATIC


def folder_for(database: Path) -> Path:
    """One folder per database file: two workspaces both named "po-desktop" in different
    folders must never rotate each other's copies away."""
    resolved = Path(database).expanduser().resolve()
    # fsencode: a file name that is not valid UTF-8 (old Linux disks) still gets a folder.
    digest = hashlib.sha1(os.fsencode(resolved), usedforsecurity=False).hexdigest()[:8]
    return paths.backups_dir() / files.fit(resolved.stem, f"-{digest}")


def _new_path(database: Path, reason: str, now: datetime) -> Path:
    """A new name every time: a backup never overwrites an earlier one."""
    folder = folder_for(database)
    tail = f"-{now.strftime(_STAMP)}-{reason}"
    base = _stem_within(database, folder, tail) + tail
    candidate = folder / f"{base}.podb"
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = folder / f"{base}-{counter}.podb"
    return candidate


def _stem_within(database: Path, folder: Path, tail: str) -> str:
    """The database's stem, cut so that a copy's name (``tail``, a number, ``.podb`` and
    SQLite's ``-journal`` included) fits in a file name, and its path in what SQLite opens."""
    room = min(sqlite.NAME_LIMIT, sqlite.PATH_LIMIT - files.size(str(folder)) - 1)
    return files.clip(Path(database).stem, room - files.size(tail + "-99.podb"))


def _copy_into(source: Path, target: Path, *, replacing: bool = False) -> Path:
    """Copy ``source`` to ``target`` through a verified scratch file renamed into place:
    a copy cut short (the app quit, the disk filled) never stands under the real name.

    ``replacing`` drops the replaced file's WAL, shared memory and journal first, which
    SQLite would otherwise replay onto the copy.
    """
    partial = files.scratch(target, "partial")
    try:
        sqlite.backup_file(source, partial)
        if replacing:
            for side in sqlite.side_files(target):
                files.remove(side)
        files.move(partial, target)
        return target
    except BaseException as exc:
        _discard(partial)
        _raise_failure(exc, target, "backup.write_failed")


def _discard(scratch: Path) -> None:
    for leftover in (scratch, *sqlite.side_files(scratch)):
        with contextlib.suppress(OSError):
            files.remove(leftover)


def _failure(exc: Exception, path: Path, msg_id: str) -> DatabaseFileError:
    """What to tell the user about a copy or a restore that failed: a damaged source or a
    full disk each in their own words, anything else under ``msg_id`` with its detail."""
    known = sqlite.file_error(exc, path)
    if known is not None and (known is exc or known.kind == "disk_full"):
        return known
    detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return DatabaseFileError(msg_id, path=str(path), detail=detail)


def _raise_failure(exc: BaseException, path: Path, msg_id: str) -> NoReturn:
    if not isinstance(exc, Exception):
        raise exc
    failure = _failure(exc, path, msg_id)
    if failure is exc:
        raise exc
    raise failure from exc


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
    lock = sqlite.FileLock(target)
    if target in [database, *sqlite.side_files(database), sqlite.FileLock(database).path]:
        raise DatabaseFileError("db.output_is_database", path=str(target))
    if target.is_dir():
        raise DatabaseFileError("backup.write_failed", path=str(target), detail="is a folder")
    sqlite.check_name(target)
    # A PO Desktop instance with the target open would keep writing to it: refused.
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
    for backup in list_backups(database):
        if backup.automatic or not automatic_only:
            return backup
    return None


def newest_verified(database: Path) -> Backup | None:
    """The newest copy that still passes SQLite's integrity check and is ours (a disk can
    rot a backup too): what to offer when the database itself is found damaged."""
    for backup in list_backups(database):
        try:
            sqlite.inspect_file(backup.path, recover=False)
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
    """Delete the automatic copies the policy no longer keeps; returns what was deleted."""
    _remove_stale_partials(database, now or datetime.now())
    automatic = [b for b in list_backups(database) if b.automatic]
    keep = to_keep((b.taken for b in automatic), policy.clamped(), now or datetime.now())
    removed = []
    seen: set[datetime] = set()
    for backup in automatic:  # newest first: of two copies in one second, keep the newer
        if backup.taken in keep and backup.taken not in seen:
            seen.add(backup.taken)
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


def is_due(database: Path, policy: BackupPolicy, *, now: datetime | None = None) -> bool:
    """True when the database changed since its newest copy, and that copy is older than
    the policy's interval (or there is none)."""
    if policy.every_hours <= 0:
        return False
    last = newest(database)
    if last is None:
        return True
    now = now or datetime.now()
    if (now - _taken(last)).total_seconds() < policy.every_hours * 3600:
        return False
    return changed_since(database, last)


def changed_since(database: Path, backup: Backup | None) -> bool:
    """Whether the database was written after ``backup`` was taken (a copy of an unchanged
    file would only push an older, different one out of the rotation)."""
    return backup is None or _modified(database) > _taken(backup)


def _taken(backup: Backup) -> datetime:
    """When the copy was written: the name says, unless the clock was wrong that day
    (a name in the future would otherwise stop every later copy)."""
    try:
        written = datetime.fromtimestamp(backup.path.stat().st_mtime)
    except OSError:
        return backup.taken
    return min(backup.taken, written)


def _modified(database: Path) -> datetime:
    """Last write to the database or its write-ahead log."""
    stamps = []
    for suffix in ("", *_SIDE_FILES):
        candidate = Path(f"{database}{suffix}")
        if candidate.exists():
            stamps.append(candidate.stat().st_mtime)
    return datetime.fromtimestamp(max(stamps)) if stamps else datetime.min


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
    info = sqlite.inspect_file(source, recover=False)  # ours, readable, a known schema
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
    sqlite.check_name(database)
    _check_source(database, source)  # the copy's integrity: checked on the scratch copy
    database.parent.mkdir(parents=True, exist_ok=True)
    lock = sqlite.FileLock(database)
    lock.acquire()
    scratch = files.scratch(database, "restoring")
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
            when = files.stamp(now)

            def name(counter: int) -> str:
                tail = f".before-restore-{when}" + (f"-{counter}" if counter > 1 else "")
                return files.fit(database.name, tail, sqlite.NAME_LIMIT)

            kept = files.free_name(database.parent, name, ("", *_SIDE_FILES))
            for path, suffix in zip(current, ("", *_SIDE_FILES), strict=True):
                if path.exists():
                    files.move(path, Path(f"{kept}{suffix}"))
                    moved.append((path, Path(f"{kept}{suffix}")))
        files.move(scratch, database)
        return kept
    except BaseException as exc:
        for original, aside in reversed(moved):
            with contextlib.suppress(OSError):
                os.replace(aside, original)
        for leftover in scratch_files:
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
        _raise_failure(exc, database, "backup.restore_failed")
    finally:
        lock.release()
