"""Everything SQLite-specific: file checks, pragmas, locking, online backup.

The rest of the store speaks plain SQLAlchemy so it can move to PostgreSQL
when a team of product owners outgrows one laptop.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.pool import NullPool

from po_desktop.store.errors import DatabaseFileError

APPLICATION_ID = 0x504F4431  # "PОD1": marks a file as ours in the SQLite header
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


@dataclass(frozen=True)
class FileInfo:
    """What a read-only look at a file found."""

    path: Path
    exists: bool
    revision: str | None = None
    size: int = 0


def inspect_file(path: Path) -> FileInfo:
    """Classify a file without writing a byte to it; raise when it is not usable.

    A missing file is fine (it will be created). Anything else must carry our
    application id and a schema version, and pass SQLite's quick check.
    """
    if not path.exists():
        return FileInfo(path, exists=False)
    if path.is_dir():
        raise DatabaseFileError("db.not_sqlite", path=str(path))
    size = path.stat().st_size
    if size == 0:
        raise DatabaseFileError("db.empty_file", path=str(path))
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise DatabaseFileError("db.corrupt", path=str(path), detail=exc.strerror) from exc
    if not header.startswith(SQLITE_MAGIC):
        raise DatabaseFileError("db.not_sqlite", path=str(path))
    if len(header) < 100:
        raise DatabaseFileError("db.corrupt", path=str(path), detail="truncated header")
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        # Decided from the header alone: no connection, so not even -wal/-shm files
        # appear beside another application's database.
        raise DatabaseFileError("db.foreign", path=str(path))
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise DatabaseFileError("db.corrupt", path=str(path), detail=str(exc)) from exc
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
        return FileInfo(path, exists=True, revision=str(row[0]), size=size)
    except sqlite3.DatabaseError as exc:
        raise _classify(exc, path) from exc
    finally:
        conn.close()


_BUSY_CODES = (5, 6)  # SQLITE_BUSY, SQLITE_LOCKED


def _classify(exc: sqlite3.DatabaseError, path: Path) -> DatabaseFileError:
    """A file another program holds is not a damaged file: saying "damaged" would send the
    user to restore an older copy over a healthy one."""
    code = getattr(exc, "sqlite_errorcode", None)
    if (code is not None and code & 0xFF in _BUSY_CODES) or "locked" in str(exc).lower():
        return DatabaseFileError("db.busy_file", path=str(path))
    return DatabaseFileError("db.corrupt", path=str(path), detail=str(exc))


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


def _on_connect_read_only(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    dbapi_connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    _unicode_lower(dbapi_connection)


def _on_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


def make_engine(path: Path | str, *, read_only: bool = False, echo: bool = False) -> Engine:
    """An engine whose every connection has foreign keys, WAL, FULL sync and a busy timeout.

    ``read_only`` opens the file in SQLite's read-only mode, for checks that
    must not change a byte.
    """
    # Never format a file name into a URL: "%20" or "?" in a name would be decoded
    # and SQLite would open (and write) a different file than the one checked.
    if read_only:
        uri = f"{Path(path).resolve().as_uri()}?mode=ro"
        engine = create_engine(
            "sqlite://",
            creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
            echo=echo,
            poolclass=NullPool,
        )
        event.listen(engine, "connect", _on_connect_read_only)
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
    """Copy a live database with SQLite's online backup API, then verify the copy."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
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
    """An exclusive advisory lock beside the database, released by the OS on exit or crash."""

    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + ".lock")
        self._fh: IO[str] | None = None

    def acquire(self) -> None:
        database = str(self.path.with_suffix(""))
        try:
            fh = self.path.open("a+", encoding="utf-8")
        except OSError as exc:
            raise DatabaseFileError(
                "db.lock_failed", path=database, detail=exc.strerror or str(exc)
            ) from exc
        try:
            _lock(fh)
        except OSError:
            try:
                fh.seek(0)
                owner = fh.read().strip() or "?"
            except OSError:  # Windows refuses reads of a locked byte
                owner = "?"
            fh.close()
            raise DatabaseFileError("db.locked", path=database, owner=owner) from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()} @ {socket.gethostname()}")
        fh.flush()
        self._fh = fh

    def release(self) -> None:
        if self._fh is not None:
            with contextlib.suppress(OSError):
                _unlock(self._fh)
            self._fh.close()
            self._fh = None

    @property
    def held(self) -> bool:
        return self._fh is not None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds only
    import msvcrt

    def _lock(fh: IO[str]) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(fh: IO[str]) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fh: IO[str]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fh: IO[str]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def checkpoint_path(path: Path) -> None:
    """Checkpoint a closed database file (tests, CLI maintenance)."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
