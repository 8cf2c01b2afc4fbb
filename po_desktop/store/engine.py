"""Everything SQLite-specific: file checks, pragmas, locking, online backup.

The rest of the store speaks plain SQLAlchemy so it can move to PostgreSQL
when a team of product owners outgrows one laptop.
"""

from __future__ import annotations

import contextlib
import errno
import os
import socket
import sqlite3
import stat
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.pool import NullPool

from po_desktop.domain.messages import Message
from po_desktop.domain.text import fold
from po_desktop.store import files
from po_desktop.store.errors import DatabaseFileError, StorageError

# The file checks (SQLAlchemy-free, for the start-up's check ahead), named by the rest
# of the store through this module.
from po_desktop.store.sqlite_file import (  # noqa: F401
    _READONLY,
    APPLICATION_ID,
    BUSY_TIMEOUT_MS,
    NAME_LIMIT,
    PATH_LIMIT,
    SIDE_SUFFIXES,
    FileInfo,
    check_name,
    file_error,
    folder_writable,
    inspect_file,
    read_only_reason,
    read_uri,
    side_files,
    sqlite_error,
)


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy emit BEGIN itself so SAVEPOINTs and rollbacks behave.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()
    _unicode_lower(dbapi_connection)


def _unicode_lower(dbapi_connection: sqlite3.Connection) -> None:
    """SQLite's lower() folds ASCII only: "Équipe" would never equal "équipe". Names are
    compared case-insensitively (teams, sprints, grids), so lower() must know Unicode,
    as PostgreSQL's does."""
    dbapi_connection.create_function(
        "lower", 1, lambda text: None if text is None else str(text).lower(), deterministic=True
    )
    # fold(): without case nor accents, as the app compares what a person types
    # ("echeance" finds "Échéance"): the need picker's search runs in SQL with a LIMIT.
    dbapi_connection.create_function(
        "fold", 1, lambda text: None if text is None else fold(str(text)), deterministic=True
    )


def _on_connect_read_only(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    dbapi_connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    _unicode_lower(dbapi_connection)


def _on_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


def make_engine(
    path: Path | str,
    *,
    read_only: bool = False,
    reason: Message | None = None,
    echo: bool = False,
) -> Engine:
    """An engine whose every connection has foreign keys, WAL, FULL sync and a busy timeout.

    ``read_only`` opens the file in SQLite's read-only mode (``immutable`` on read-only
    media, see :func:`read_uri`). Every write then fails with a :class:`StorageError`
    that says the workspace is read-only and why (``reason``, a ``db.ro.*`` message),
    raised here whichever code path attempted it.
    """
    if read_only:
        uri = read_uri(Path(path))
        engine = create_engine(
            "sqlite://",
            creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
            echo=echo,
            poolclass=NullPool,
        )
        event.listen(engine, "connect", _on_connect_read_only)
        refusal = reason or Message("db.ro.asked", {"path": str(path)})

        def refuse_writes(context: ExceptionContext) -> None:
            cause = context.original_exception
            code = getattr(cause, "sqlite_errorcode", None)
            if code is not None and code & 0xFF == _READONLY:
                raise StorageError("db.read_only_write", reason=refusal) from cause

        event.listen(engine, "handle_error", refuse_writes)
    else:
        engine = create_engine(URL.create("sqlite", database=str(path)), echo=echo)
        event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def _pragma(engine: Engine, sql: str) -> list[tuple[Any, ...]]:
    """Run a pragma outside any transaction (some pragmas are ignored inside one)."""
    raw = engine.raw_connection()
    try:
        return list(raw.driver_connection.execute(sql).fetchall())  # type: ignore[union-attr]
    finally:
        raw.close()


def mark_as_ours(engine: Engine) -> None:
    _pragma(engine, f"PRAGMA application_id={APPLICATION_ID}")


def checkpoint(engine: Engine) -> None:
    """Fold the WAL into the main file so its header and contents stand alone."""
    _pragma(engine, "PRAGMA wal_checkpoint(TRUNCATE)")


def integrity_problems(engine: Engine) -> list[str]:
    rows = _pragma(engine, "PRAGMA integrity_check")
    fk_rows = _pragma(engine, "PRAGMA foreign_key_check")
    problems = [str(r[0]) for r in rows if r[0] != "ok"]
    problems += [f"foreign key: {tuple(r)}" for r in fk_rows]
    return problems


def backup_file(source: Path, destination: Path) -> Path:
    """Copy a live database with SQLite's online backup API, then verify the copy.

    The copy is a self-contained file (rollback journal, no WAL), flushed to the disk;
    the caller renames it into place.
    """
    destination.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(read_uri(source), uri=True)
    try:
        dst = sqlite3.connect(destination)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
            result = dst.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            dst.close()
    finally:
        src.close()
    if result != "ok":
        destination.unlink(missing_ok=True)
        raise DatabaseFileError("db.corrupt", path=str(source), detail=result)
    files.sync_file(destination)
    return destination


def backup_connection(source: sqlite3.Connection, destination: Path) -> Path:
    """Copy what an open connection sees (its file may be gone from its folder) with the
    online backup API, then verify the copy."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    dst = sqlite3.connect(destination)
    try:
        source.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
        result = dst.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        dst.close()
    if result != "ok":
        destination.unlink(missing_ok=True)
        raise DatabaseFileError("db.corrupt", path=str(destination), detail=result)
    return destination


class FileLock:
    """One PO Desktop instance per database, held until it closes or dies (the OS releases
    both locks even after a crash).

    Two locks: an exclusive lock on ``NAME.lock`` beside the database (any instance
    finds it by name; it says who holds it), and on POSIX an exclusive ``flock`` on the
    database file itself, so that a second name for the same file (a hard link, a bind
    mount) cannot get a second writer. On Linux ``flock`` and SQLite's own ``fcntl``
    byte-range locks are independent (tests/store/test_file_safety.py checks it with two
    processes); on NFS, where Linux turns ``flock`` into ``fcntl`` locks that would
    collide with SQLite's, only the ``.lock`` file is used.

    The lock file is opened without following a symbolic link, and refused unless it is
    a regular file with one name: a ``.lock`` planted as a link to another file must
    never truncate that file.
    """

    def __init__(self, db_path: Path) -> None:
        self.database = db_path
        self.path = db_path.with_name(files.fit(db_path.name, ".lock"))
        self._fd: int | None = None
        self._identity: int | None = None
        self._held = False

    def acquire(self, *, create: bool = True) -> None:
        """Take both locks. ``create=False`` (read-only media) uses a ``.lock`` already
        there but creates none."""
        fd = self._open_lock_file(create)
        if fd is not None:
            try:
                _lock(fd)
            except OSError:
                owner = _read_owner(fd)
                os.close(fd)
                raise DatabaseFileError("db.locked", path=str(self.database), owner=owner) from None
            self._fd = fd
            _write_owner(fd)
        self._held = True
        try:
            self.hold_identity()
        except BaseException:
            self.release()
            raise

    def hold_identity(self) -> None:
        """Lock the database file itself (done again once a new database is in place)."""
        if sys.platform == "win32" or self._identity is not None:
            return  # Windows: byte-range locks on the database would block SQLite's reads
        try:
            fd = os.open(self.database, os.O_RDONLY | os.O_CLOEXEC | os.O_NOFOLLOW)
        except FileNotFoundError:
            return  # created later, then locked
        except OSError as exc:
            raise files.os_error(exc, self.database) from exc
        if _on_network_file_system(fd):
            os.close(fd)
            return
        try:
            _lock(fd)
        except BlockingIOError:
            os.close(fd)
            raise DatabaseFileError("db.locked_elsewhere", path=str(self.database)) from None
        except OSError:  # a file system without flock: the .lock file still guards the name
            os.close(fd)
            return
        self._identity = fd

    def release(self) -> None:
        """Drop both locks. Called once SQLite's connections to the file are closed:
        closing any descriptor of a file drops the process's ``fcntl`` locks on it."""
        for fd in (self._identity, self._fd):
            if fd is not None:
                with contextlib.suppress(OSError):
                    _unlock(fd)
                os.close(fd)
        self._fd = self._identity = None
        self._held = False

    @property
    def held(self) -> bool:
        return self._held

    def _open_lock_file(self, create: bool) -> int | None:
        refused = DatabaseFileError("db.lock_unsafe", lock=str(self.path), path=str(self.database))
        try:
            status = os.lstat(self.path)
        except FileNotFoundError:
            status = None
        except OSError as exc:
            raise _lock_failed(self.database, exc) from exc
        if status is not None and not _plain_file(status):
            raise refused
        if status is None and not create:
            return None
        flags = os.O_RDWR | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        flags |= getattr(os, "O_NONBLOCK", 0)  # a FIFO put there must not hang the app
        try:
            fd = os.open(self.path, flags | (os.O_CREAT if create else 0), 0o644)
        except OSError as exc:
            if exc.errno == errno.ELOOP:  # became a symbolic link since lstat
                raise refused from None
            if create or exc.errno not in (errno.EROFS, errno.EACCES, errno.EPERM):
                raise _lock_failed(self.database, exc) from exc
            try:  # read-only media: a lock needs no write access
                fd = os.open(self.path, flags & ~os.O_RDWR | os.O_RDONLY)
            except OSError as again:
                raise _lock_failed(self.database, again) from again
        if not _plain_file(os.fstat(fd)):
            os.close(fd)
            raise refused
        return fd


def _plain_file(status: os.stat_result) -> bool:
    return stat.S_ISREG(status.st_mode) and status.st_nlink == 1


def _lock_failed(database: Path, exc: OSError) -> DatabaseFileError:
    return DatabaseFileError("db.lock_failed", path=str(database), detail=exc.strerror or str(exc))


def _read_owner(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        return os.read(fd, 200).decode("utf-8", "replace").strip() or "?"
    except OSError:  # Windows refuses reads of a locked byte
        return "?"


def _write_owner(fd: int) -> None:
    """Say who holds the lock, for the message a second instance shows."""
    with contextlib.suppress(OSError):  # read-only media: the lock works unsaid
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"pid {os.getpid()} @ {socket.gethostname()}".encode())


_NETWORK_FILE_SYSTEMS = frozenset({"nfs", "nfs4", "cifs", "smb3", "smbfs"})


def _on_network_file_system(fd: int) -> bool:
    """Linux only (elsewhere ``flock`` stays local): the type of the mount holding ``fd``."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        device = os.fstat(fd).st_dev
        mounts = Path("/proc/self/mountinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    wanted = f"{os.major(device)}:{os.minor(device)}"
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) > 2 and fields[2] == wanted and "-" in fields:
            return fields[fields.index("-") + 1] in _NETWORK_FILE_SYSTEMS
    return False


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds only
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def checkpoint_path(path: Path) -> None:
    """Checkpoint a closed database file (tests, CLI maintenance)."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
