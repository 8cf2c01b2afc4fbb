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
import json
import os
import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, NoReturn

from po_desktop import paths
from po_desktop.domain.backups import BackupPolicy, to_keep
from po_desktop.store import engine as sqlite
from po_desktop.store import files, versions
from po_desktop.store.errors import DatabaseFileError
from po_desktop.store.sqlite_file import record_path, restore_pending
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

    ``replacing`` sets the replaced file's WAL, shared memory and journal aside
    (``NAME-wal.stale-DATE``) first: SQLite would otherwise replay them onto the copy.
    """
    partial = files.scratch(target, "partial")
    try:
        sqlite.backup_file(source, partial)
        if replacing:
            when = files.stamp()
            for side in sqlite.side_files(target):
                files.set_aside(side, when)
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
    info = sqlite.inspect_file(source, recover=False)  # ours, readable, a known schema
    from po_desktop.store.migrate import KNOWN_REVISIONS

    if info.revision not in KNOWN_REVISIONS:
        raise DatabaseFileError("db.too_new", path=str(source), revision=info.revision)


def restore(database: Path, source: Path, *, now: datetime | None = None) -> Path | None:
    """Put the copy ``source`` in place of ``database``; returns where the current file
    was kept (None when there was none).

    The current file is never deleted: it is renamed aside with its side files (its WAL
    holds its latest changes), so a restore of the wrong copy is itself undone by
    restoring the file kept aside. The caller must hold no connection to ``database``;
    its lock is taken here.

    A kill or a power cut between any two steps leaves, at the next opening, either the
    old workspace or the restored one, whole: the verified copy is made and flushed
    beside the database first, then a record of every rename to come (``NAME.restore-
    intent``) is flushed, then the renames run, each followed by a flush of the folder,
    and the record goes last. :func:`finish_restore`, run by every opening while a record
    is there, finishes the renames when the copy is whole and puts everything back
    otherwise. A rename that fails now (a file in use) puts back what was moved.
    """
    database = Path(database).expanduser().resolve()
    source = Path(source).expanduser().resolve()
    sqlite.check_name(database)
    _check_source(database, source)  # the copy's integrity: checked on the scratch copy
    database.parent.mkdir(parents=True, exist_ok=True)
    lock = sqlite.FileLock(database)
    lock.acquire()
    try:
        finish_restore(database)  # an earlier restore cut short comes first
        copy = files.scratch(database, "restoring")
        try:
            _discard(copy)
            sqlite.backup_file(source, copy)  # verified (integrity_check) and flushed
            files.sync_folder(database.parent)
            record = _plan(database, source, copy, now)
            _write_record(database, record)
        except BaseException as exc:
            _discard(copy)
            files.remove(files.scratch(database, "intent"))
            _raise_failure(exc, database, "backup.restore_failed")
        try:
            _roll_forward(database, record)
        except BaseException as exc:
            _roll_back(database, record)
            _raise_failure(exc, database, "backup.restore_failed")
        kept = record["kept"]
        return database.with_name(kept) if kept else None
    finally:
        lock.release()


_RECORD_FORMAT = 1


def _plan(database: Path, source: Path, copy: Path, now: datetime | None) -> dict[str, Any]:
    """Every rename the restore will make, names relative to the database's folder (and
    where the copy came from, for a human who reads the record)."""
    suffixes = [s for s in ("", *sqlite.SIDE_SUFFIXES) if os.path.lexists(f"{database}{s}")]
    kept = None
    if suffixes:
        # Even without the main file, a stale WAL must go: SQLite would replay it
        # onto the restored copy.
        when = files.stamp(now)

        def name(counter: int) -> str:
            tail = f".before-restore-{when}" + (f"-{counter}" if counter > 1 else "")
            return files.fit(database.name, tail, sqlite.NAME_LIMIT)

        kept = files.free_name(database.parent, name, ("", *sqlite.SIDE_SUFFIXES)).name
    return {
        "format": _RECORD_FORMAT,
        "database": database.name,
        "source": str(source),
        "copy": copy.name,
        "sha256": _sha256(copy),
        "kept": kept,
        "moves": [[database.name + s, f"{kept}{s}"] for s in suffixes],
    }


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _write_record(database: Path, record: dict[str, Any]) -> None:
    """Written whole beside the database, flushed, then renamed into place and the
    folder flushed: the next start finds either no record or a complete one."""
    temporary = files.scratch(database, "intent")
    data = json.dumps(record, indent=1).encode("ascii")  # any file name, escaped
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)
    files.move(temporary, record_path(database))


def _read_record(database: Path) -> dict[str, Any]:
    path = record_path(database)
    try:
        record = json.loads(path.read_text(encoding="ascii"))
        names = [record["copy"], *(name for move in record["moves"] for name in move)]
        if record["kept"] is not None:
            names.append(record["kept"])
        if record["format"] != _RECORD_FORMAT or not all(_plain_name(n) for n in names):
            raise ValueError("unexpected record")
        if not all(len(move) == 2 for move in record["moves"]):
            raise ValueError("unexpected record")
        return record
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DatabaseFileError(
            "backup.restore_record", path=str(database), record=str(path)
        ) from exc


def _plain_name(name: object) -> bool:
    """A name inside the database's folder: a record never moves a file elsewhere."""
    return isinstance(name, str) and name not in ("", ".", "..") and Path(name).name == name


def finish_restore(database: Path) -> bool:
    """Finish or undo a restore that was cut short; False when there was none.

    The caller holds the database's lock. The copy whole (its digest is the record's):
    the remaining renames are made and the copy takes the database's place. The copy
    already in place: only the record is left to remove. Anything else: every file
    moved aside goes back under its name, and the copy is removed.
    """
    if not restore_pending(database):
        return False
    record = _read_record(database)
    copy = database.with_name(record["copy"])
    if copy.exists() and _sha256(copy) == record["sha256"]:
        _roll_forward(database, record)
    elif not copy.exists() and database.exists() and _sha256(database) == record["sha256"]:
        _forget(database)
    else:
        _roll_back(database, record)
    return True


def _roll_forward(database: Path, record: dict[str, Any]) -> None:
    for current, aside in record["moves"]:
        here, there = database.with_name(current), database.with_name(aside)
        if os.path.lexists(here) and not os.path.lexists(there):
            files.move(here, there)
    files.move(database.with_name(record["copy"]), database)
    _forget(database)


def _roll_back(database: Path, record: dict[str, Any]) -> None:
    for current, aside in reversed(record["moves"]):
        here, there = database.with_name(current), database.with_name(aside)
        if os.path.lexists(there) and not os.path.lexists(here):
            files.move(there, here)
    copy = database.with_name(record["copy"])
    for leftover in (copy, *sqlite.side_files(copy)):
        files.remove(leftover)
    _forget(database)


def _forget(database: Path) -> None:
    files.remove(record_path(database))
    files.sync_folder(database.parent)
