"""When the open workspace's file is deleted, moved or replaced under the app.

A sync tool puts an older copy back, a colleague moves the folder, a cleanup deletes
the file: the app still holds the file it opened (the system keeps a deleted file
alive while it is open), but nothing written there would ever be seen again. So the
identity of the file (device and inode) is noted when it is opened; before a write,
and now and then, the name is checked to still lead to that file. When it does not,
saves are refused with the reason, and the workspace as the app holds it can still be
copied out to a new file from the open connection.
"""

from __future__ import annotations

import enum
import os
import sqlite3
from pathlib import Path

from sqlalchemy import Engine

from po_desktop.domain.messages import os_reason, sqlite_reason
from po_desktop.store import engine as sqlite
from po_desktop.store.errors import DatabaseFileError


class FileState(enum.Enum):
    PRESENT = "present"
    GONE = "gone"
    """Nothing at the name any more: deleted, moved or renamed."""
    REPLACED = "replaced"
    """Another file at the name (an older copy put back by a sync tool)."""


Identity = tuple[int, int]


def identity(path: Path) -> Identity | None:
    """The file a name leads to (device, inode); None when there is none."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino)


def state(path: Path, opened: Identity | None) -> FileState:
    """Whether ``path`` still leads to the file opened as ``opened``."""
    now = identity(path)
    if now is None:
        return FileState.GONE
    if opened is not None and now != opened:
        return FileState.REPLACED
    return FileState.PRESENT


def refusal(path: Path, file_state: FileState) -> DatabaseFileError:
    """The error a write gets while the file is not there."""
    msg_id = "db.gone" if file_state is FileState.GONE else "db.replaced"
    return DatabaseFileError(msg_id, path=str(path))


def save_open(engine: Engine, target: Path) -> Path:
    """Copy the workspace as the open connection sees it (the file may be gone from its
    folder) to ``target``, verified, then renamed into place; returns ``target``."""
    target = Path(target).expanduser().resolve()
    if target.exists() and target.is_dir():
        raise DatabaseFileError("backup.write_failed", path=str(target), detail="is a folder")
    partial = target.with_name(f".{target.name[:40]}.{os.getpid()}.partial")
    raw = engine.raw_connection()
    try:
        sqlite.backup_connection(raw.driver_connection, partial)  # type: ignore[arg-type]
    except DatabaseFileError:
        partial.unlink(missing_ok=True)
        raise
    except (OSError, sqlite3.Error) as exc:  # no room, no permission
        partial.unlink(missing_ok=True)
        detail = (
            os_reason(exc)
            if isinstance(exc, OSError)
            else sqlite_reason(getattr(exc, "sqlite_errorcode", None))
        )
        raise DatabaseFileError("backup.write_failed", path=str(target), detail=detail) from exc
    finally:
        raw.close()
    for suffix in ("-wal", "-shm", "-journal"):  # none may be replayed onto the copy
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    os.replace(partial, target)
    return target
