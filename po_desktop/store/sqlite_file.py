"""A SQLite file as a file: is it ours, may it be written, is it whole, and what an
error of SQLite's means to its user.

Nothing here imports SQLAlchemy, so the start-up can begin the integrity check
(:mod:`po_desktop.store.check_ahead`) before the heavy imports (see
:mod:`po_desktop.store.engine` for the connections).
"""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from po_desktop.domain.messages import Message
from po_desktop.store import files
from po_desktop.store.errors import DatabaseFileError

APPLICATION_ID = 0x504F4431  # "PОD1": marks a file as ours in the SQLite header
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000

SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
"""Files SQLite keeps beside a database: they belong to it and travel with it."""

NAME_LIMIT = files.NAME_MAX - len("-journal")
"""The longest database name SQLite can use: it must add "-journal" to it."""

PATH_LIMIT = 512 - len("-journal")
"""The longest path SQLite's Unix layer opens (its MAX_PATHNAME), journal suffix included."""

# SQLite's primary result codes (an extended code keeps them in its low byte).
_PERM, _BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT = 3, 5, 6, 8, 10, 11
_FULL, _CANTOPEN, _AUTH, _NOTADB = 13, 14, 23, 26
_KINDS = {
    _CORRUPT: "db.corrupt",
    _NOTADB: "db.corrupt",
    _BUSY: "db.busy_file",
    _LOCKED: "db.busy_file",
    _FULL: "db.disk_full",
    _IOERR: "db.io_error",
    _CANTOPEN: "db.cannot_open",
    _PERM: "db.cannot_open",
    _AUTH: "db.cannot_open",
    _READONLY: "db.ro_recovery",  # at opening: a crash's changes that cannot be rolled back
}


@dataclass(frozen=True)
class FileInfo:
    """What a look at a file found: it is ours, of which schema, and may it be written."""

    path: Path
    exists: bool
    revision: str | None = None
    size: int = 0
    read_only: Message | None = None
    """Why the file can only be read here (a ``db.ro.*`` message), None when it can be written."""
    folder_writable: bool = True
    """Whether files can be created beside an existing file (its lock, its journal)."""


def side_files(path: Path) -> list[Path]:
    return [Path(f"{path}{suffix}") for suffix in SIDE_SUFFIXES]


def check_name(path: Path) -> None:
    """Refuse a name SQLite cannot use before anything is written under it."""
    length = files.size(path.name)
    if length > NAME_LIMIT:
        raise DatabaseFileError("db.name_too_long", name=path.name, length=length, limit=NAME_LIMIT)
    length = files.size(str(path))
    if sys.platform != "win32" and length > PATH_LIMIT:
        raise DatabaseFileError("db.path_too_long", path=str(path), length=length, limit=PATH_LIMIT)


def _read_only_mount(path: Path) -> bool:
    statvfs = getattr(os, "statvfs", None)
    if statvfs is None:  # pragma: no cover - Windows
        return False
    try:
        return bool(statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def folder_writable(folder: Path) -> bool:
    return not _read_only_mount(folder) and os.access(folder, os.W_OK | os.X_OK)


def read_only_reason(path: Path, links: int = 1) -> Message | None:
    """Why an existing file can only be read here; None when it can be written."""
    params: dict[str, Any] = {"path": str(path)}
    if _read_only_mount(path):
        return Message("db.ro.medium", params)
    if links > 1:
        # Two names, two lock files: two instances could write it at once.
        return Message("db.ro.links", params | {"count": links})
    if not os.access(path, os.W_OK):
        return Message("db.ro.file", params)
    if not folder_writable(path.parent):
        return Message("db.ro.folder", params)
    return None


def _read_header(path: Path) -> bytes:
    """The file's first 100 bytes, read without SQLite. Only for a file this process
    has no connection to: closing this descriptor drops every POSIX lock the process
    holds on the file, SQLite's included (see :func:`read_uri`)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        try:
            return os.read(fd, 100)
        finally:
            os.close(fd)
    except OSError as exc:
        raise files.os_error(exc, path, writing=False) from exc


def _wal_index_missing(path: Path, header: bytes) -> tuple[bool, bool]:
    """For a WAL database: (no shared-memory index beside it, a write-ahead log with
    pages in it). A log without its index can only be read where the index can be made."""
    if len(header) < 20 or header[18] != 2:
        return False, False
    wal = Path(f"{path}-wal")
    has_log = wal.exists() and wal.stat().st_size > 0
    return not Path(f"{path}-shm").exists(), has_log


def _uri(path: Path, *, read_only: bool, immutable: bool = False) -> str:
    # Never format a file name into a URL by hand: "%20" or "?" in a name would be
    # decoded and SQLite would open (and write) a different file than the one checked.
    uri = f"{path.resolve().as_uri()}?mode={'ro' if read_only else 'rw'}"
    return uri + "&immutable=1" if immutable else uri


def read_uri(path: Path, header: bytes | None = None) -> str:
    """A read-only connection string for ``path``, wherever it lies.

    A WAL database needs its shared-memory index (``-shm``) to be read; on read-only
    media, where none can be created, SQLite reads it only as ``immutable``, which is
    exact when no write-ahead log is there to be ignored. A log without its index there
    cannot be read: refused, with what to do.
    """
    if header is None and Path(f"{path}-shm").exists():
        # An index is there, so SQLite reads the file as it is: no header needed. Above
        # all, none read here: this process may have the file open (the copy the app
        # takes of its open workspace), and closing any other descriptor of the file
        # would drop the locks SQLite holds on it (POSIX locks belong to the process).
        # Another program would then think itself alone, fold the log into the file and
        # delete it at its close, and the app's next saves would go to a deleted log.
        return _uri(path, read_only=True)
    no_index, has_log = _wal_index_missing(path, header or _read_header(path))
    if no_index and not folder_writable(path.parent):
        if has_log:
            raise DatabaseFileError("db.ro_recovery", path=str(path))
        return _uri(path, read_only=True, immutable=True)
    return _uri(path, read_only=True)


def inspect_file(path: Path, *, recover: bool = True) -> FileInfo:
    """Tell what ``path`` is, or raise the one reason it cannot be opened.

    The header is read first, without SQLite: a file that is not a PO Desktop
    database gets no connection, so not even a ``-journal`` or ``-wal`` appears beside
    it. Ours is opened read-write when it and its folder can be written and ``recover``
    is set, so SQLite rolls back a journal or recovers a log a crash left; then
    ``quick_check``. What fails is told apart by SQLite's result code: damaged, busy,
    full disk, I/O error, cannot open. A file that can only be read here says why in
    ``read_only``.
    """
    check_name(path)
    try:
        status = path.stat()
    except FileNotFoundError:
        return FileInfo(path, exists=False)
    except OSError as exc:
        raise files.os_error(exc, path, writing=False) from exc
    if stat.S_ISDIR(status.st_mode):
        raise DatabaseFileError("db.not_sqlite", path=str(path))
    if status.st_size == 0:
        raise DatabaseFileError("db.empty_file", path=str(path))
    header = _read_header(path)
    if not header.startswith(SQLITE_MAGIC):
        raise DatabaseFileError("db.not_sqlite", path=str(path))
    if len(header) < 100:
        raise DatabaseFileError("db.corrupt", path=str(path), detail="truncated header")
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        # Decided from the header alone: no connection, so not even -wal/-shm files
        # appear beside another application's database.
        raise DatabaseFileError("db.foreign", path=str(path))
    reason = read_only_reason(path, status.st_nlink)
    if reason is not None or not recover:
        uri = read_uri(path, header)
    else:
        uri = _uri(path, read_only=False)
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise sqlite_error(exc, path) from exc
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise DatabaseFileError("db.foreign", path=str(path))
        check = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        if check != "ok":
            raise DatabaseFileError("db.corrupt", path=str(path), detail=check)
        has_version = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()[0]
        if not has_version:
            raise DatabaseFileError("db.corrupt", path=str(path), detail="no schema version")
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is None:
            raise DatabaseFileError("db.corrupt", path=str(path), detail="no schema version")
        return FileInfo(
            path,
            exists=True,
            revision=str(row[0]),
            size=status.st_size,
            read_only=reason,
            folder_writable=folder_writable(path.parent),
        )
    except sqlite3.Error as exc:
        raise sqlite_error(exc, path) from exc
    finally:
        conn.close()


def sqlite_error(exc: sqlite3.Error, path: Path) -> DatabaseFileError:
    """One kind per cause: a file another program holds, or a full disk, is not a damaged
    file (saying "damaged" would send the user to restore an older copy over a healthy one)."""
    code = getattr(exc, "sqlite_errorcode", None)
    name = getattr(exc, "sqlite_errorname", None) or type(exc).__name__
    kind = _KINDS.get(code & 0xFF) if code is not None else None
    if kind is None:
        # No code (a message from the Python layer) or one without a cause of its own.
        text = str(exc).lower()
        kind = "db.busy_file" if "locked" in text else "db.cannot_open"
    if kind == "db.io_error" and files.out_of_room(path.parent):
        kind = "db.disk_full"
    if kind == "db.corrupt":
        return DatabaseFileError(kind, path=str(path), detail=str(exc))
    return DatabaseFileError(kind, path=str(path), detail=name)


def file_error(exc: BaseException, path: Path) -> DatabaseFileError | None:
    """The user's reading of a failure while writing a database file or its copy (a full
    disk, a read-only medium...); None for anything else, which is a bug to report."""
    if isinstance(exc, DatabaseFileError):
        return exc
    cause = getattr(exc, "orig", None)  # SQLAlchemy wraps the driver's error
    if isinstance(cause, sqlite3.Error):
        exc = cause
    if isinstance(exc, sqlite3.Error) and getattr(exc, "sqlite_errorcode", None) is not None:
        if exc.sqlite_errorcode & 0xFF == _READONLY:
            return DatabaseFileError("db.cannot_write", path=str(path))
        return sqlite_error(exc, path)
    if isinstance(exc, OSError):
        return files.os_error(exc, path)
    return None


def record_path(database: Path) -> Path:
    """Where a restore in progress keeps its record: found again from the name alone."""
    return database.with_name(files.fit(database.name, ".restore-intent"))


def restore_pending(database: Path) -> bool:
    """A restore was cut short: :mod:`~po_desktop.store.backups` finishes or undoes it
    before anything opens the file."""
    return os.path.lexists(record_path(database))
