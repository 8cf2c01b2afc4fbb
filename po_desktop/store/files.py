"""Names and steps the store takes on the user's disk, whatever the database engine.

Every name the app derives from a database's name (its lock, scratch copies, the file
kept aside by a restore, stale side files set aside) fits the 255-byte limit of common
file systems, counted in bytes of the name as the system stores it. Every rename is
followed by a flush of its folder, so that after a power cut the folder lists the files
it listed when the rename returned.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from po_desktop.store.errors import DatabaseFileError

NAME_MAX = 255
"""Bytes in one file name on ext4, APFS, NTFS (as UTF-16 units), exFAT and most others."""

STAMP = "%Y%m%d-%H%M%S"


def size(text: str) -> int:
    """Bytes of a file name as the system stores it (an undecodable name included)."""
    return len(os.fsencode(text))


def clip(text: str, room: int) -> str:
    """The start of ``text`` that fits ``room`` bytes, never cut inside a character."""
    taken = 0
    for index, char in enumerate(text):
        taken += size(char)
        if taken > room:
            return text[:index]
    return text


def digest(text: str) -> str:
    """Eight hex digits that tell one name from another (not a security measure)."""
    return hashlib.sha1(os.fsencode(text), usedforsecurity=False).hexdigest()[:8]


def fit(name: str, suffix: str, limit: int = NAME_MAX) -> str:
    """``name + suffix`` when it fits ``limit`` bytes; otherwise the start of ``name``,
    ``~`` and a digest of the whole name, then ``suffix``.

    The same inputs always give the same name: another instance finds the lock, and
    the next start finds a restore's record, by computing it again.
    """
    whole = name + suffix
    if size(whole) <= limit:
        return whole
    tail = f"~{digest(name)}{suffix}"
    return clip(name, limit - size(tail)) + tail


def scratch(target: Path, purpose: str) -> Path:
    """A short hidden name beside ``target`` for work in progress (``.pod-1a2b3c4d.creating``).

    Derived from the target's name, so the next attempt at the same target finds what a
    crash left and starts clean; the caller holds the target's lock.
    """
    return target.with_name(f".pod-{digest(target.name)}.{purpose}")


def stamp(now: datetime | None = None) -> str:
    return (now or datetime.now()).strftime(STAMP)


def free_name(folder: Path, make: Callable[[int], str], suffixes: tuple[str, ...] = ("",)) -> Path:
    """The first of ``make(1)``, ``make(2)``... that names nothing in ``folder`` yet, nor
    with any of ``suffixes`` added: a clock set back never reuses an earlier name."""
    counter = 1
    while True:
        candidate = folder / make(counter)
        if not any(os.path.lexists(f"{candidate}{suffix}") for suffix in suffixes):
            return candidate
        counter += 1


def sync_file(path: Path) -> None:
    """Push a file's content to the disk before it is renamed into place."""
    mode = os.O_RDWR if sys.platform == "win32" else os.O_RDONLY  # Windows flushes writers only
    fd = os.open(path, mode | getattr(os, "O_CLOEXEC", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sync_folder(folder: Path) -> None:
    """Make a folder's entries (renames, new and removed files) last through a power cut.

    Windows cannot open a folder as a file: its file system journals renames itself.
    """
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds only
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        with contextlib.suppress(OSError):  # some network file systems refuse it
            os.fsync(fd)
    finally:
        os.close(fd)


def move(source: Path, target: Path) -> None:
    """Rename ``source`` to ``target`` (replacing it) and flush the folder."""
    os.replace(source, target)
    sync_folder(target.parent)


def remove(path: Path) -> None:
    path.unlink(missing_ok=True)


def set_aside(path: Path, when: str) -> Path | None:
    """Rename a leftover file to ``NAME.stale-DATE`` beside it (never delete what may be the
    only copy of someone's work); returns the new name, None when there was nothing."""
    if not os.path.lexists(path):
        return None

    def name(counter: int) -> str:
        return fit(path.name, f".stale-{when}" + (f"-{counter}" if counter > 1 else ""))

    aside = free_name(path.parent, name)
    move(path, aside)
    return aside


def out_of_room(folder: Path) -> bool:
    """Whether the file system holding ``folder`` has (next to) no free space left: some
    failures of a full disk reach us as mere I/O errors (SQLite extending its -shm)."""
    statvfs = getattr(os, "statvfs", None)
    if statvfs is None:  # pragma: no cover - Windows
        return False
    try:
        found = statvfs(folder)
    except OSError:
        return False
    return found.f_bavail * found.f_frsize < 64 * 1024


_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
_NO_ACCESS = {errno.EACCES, errno.EPERM, errno.EROFS}


def os_error(exc: OSError, path: Path, *, writing: bool = True) -> DatabaseFileError:
    """A system call's failure as the user must read it: the cause, in their language,
    rather than the system's English ``strerror``."""
    if exc.errno in _FULL:
        return DatabaseFileError("db.disk_full", path=str(path))
    if exc.errno in _NO_ACCESS and writing:
        return DatabaseFileError("db.cannot_write", path=str(path))
    if exc.errno == errno.EIO:
        return DatabaseFileError("db.io_error", path=str(path), detail="EIO")
    code = errno.errorcode.get(exc.errno or 0, str(exc.errno))
    return DatabaseFileError("db.cannot_open", path=str(path), detail=code)
