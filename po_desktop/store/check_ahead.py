"""The start-up's integrity check, made in a thread of its own while the app imports its
libraries and builds its window.

The check needs the file checks alone (:mod:`~po_desktop.store.sqlite_file`: no
SQLAlchemy, no Qt), so the GUI command starts it before SQLAlchemy and PySide6 are
imported (:func:`po_desktop.cli._cmd_gui`). They are imported by the caller, before the
thread starts: the thread imports nothing while the caller goes on importing (two
threads importing modules that import each other can fail on a deadlock).
:func:`po_desktop.store.database.examine` takes the verdict with :func:`taken`.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from po_desktop.store.sqlite_file import FileInfo

_ahead: dict[Path, tuple[threading.Thread, list[tuple[FileInfo, tuple[object, ...]]]]] = {}


def start(path: Path | str) -> None:
    """Start :func:`~po_desktop.store.sqlite_file.inspect_file` on ``path`` in a thread of
    its own while the caller does other work (the app imports and builds its window).

    :func:`taken` gives that verdict only when the file, its log and its journal are the
    same (inode, size, modification and change times) before the check began, when it
    ended and when the verdict is taken — a file replaced or written while it was read
    (a sync client swapping a copy in) is checked again. A refusal is not kept:
    :func:`~po_desktop.store.database.examine` meets it again and says it. Nothing is
    checked while a restore is pending (examine finishes or undoes it first). SQLite
    leaves Python's lock while it reads the pages, so at 100,000 needs the integrity
    check (half a second and more) runs beside the start-up instead of before it.
    """
    from po_desktop.store import sqlite_file

    path = Path(path).expanduser().resolve()
    if path in _ahead:
        return
    found: list[tuple[FileInfo, tuple[object, ...]]] = []

    def run() -> None:
        with contextlib.suppress(Exception):  # examine() meets it again, and says it
            if not sqlite_file.restore_pending(path):
                before = stamp(path)
                info = sqlite_file.inspect_file(path)
                if stamp(path) == before:
                    found.append((info, before))

    thread = threading.Thread(target=run, name="examine-ahead", daemon=True)
    _ahead[path] = (thread, found)
    thread.start()


def taken(path: Path) -> FileInfo | None:
    """The verdict :func:`start` found, when nothing changed the files since."""
    ahead = _ahead.pop(path, None)
    if ahead is None:
        return None
    thread, found = ahead
    thread.join()
    if found and found[0][1] == stamp(path) and _same_access(found[0][0], path):
        return found[0][0]
    return None


def _same_access(info: FileInfo, path: Path) -> bool:
    """Whether the file and its folder can still be written as the verdict says: a medium
    remounted read-only since (a USB stick's switch, a share) changes no stamp."""
    from po_desktop.store import sqlite_file

    try:
        links = path.stat().st_nlink
    except OSError:
        return False
    reason = sqlite_file.read_only_reason(path, links)
    return info.read_only == reason and info.folder_writable == sqlite_file.folder_writable(
        path.parent
    )


def stamp(path: Path) -> tuple[object, ...]:
    """What any write to the database, its write-ahead log or its journal changes.

    An empty log or journal counts as none: the check's own connection, the last to
    close, deletes the empty log a previous session left, which changes nothing."""
    stamps: list[object] = []
    for name in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-journal")):
        try:
            st = name.stat()
        except OSError:
            stamps.append(None)
        else:
            empty_side_file = name != path and st.st_size == 0
            stamp = (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_nlink)
            stamps.append(None if empty_side_file else stamp)
    return tuple(stamps)
