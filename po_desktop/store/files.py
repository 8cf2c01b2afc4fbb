"""The store's files on the user's disk, whatever the database engine (no Qt).

Names: every name the app derives from a database's name (its lock, scratch copies,
the file kept aside by a restore, stale side files set aside) fits the 255-byte limit
of common file systems, counted in bytes of the name as the system stores it.

Steps: every rename is followed by a flush of its folder, so that after a power cut
the folder lists the files it listed when the rename returned.

Outputs: a CSV export, a calendar, a review pack or a screenshot is written to a
temporary file beside its target, flushed to the disk, then renamed over the target
in one step. A full disk, a read-only medium, an interruption or a crash half-way
leaves the previous file exactly as it was and no temporary file behind; the error
says why in the user's language.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import hashlib
import os
import secrets
import sys
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from po_desktop.domain.messages import os_reason
from po_desktop.store.errors import DatabaseFileError, StorageError

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


# ----- outputs: written whole or not at all ---------------------------------------------


def output_error(target: Path | str, exc: OSError) -> StorageError:
    """The error to show for an output that could not be written."""
    return StorageError("output.failed", path=str(target), reason=os_reason(exc))


def _final(target: Path) -> Path:
    """Where the bytes go: a symbolic link is followed, so the file it names is updated
    and the link stays a link."""
    return Path(os.path.realpath(target)) if target.is_symlink() else target


def _open_scratch(folder: Path) -> tuple[int, Path]:
    """A new file in ``folder`` with a short random name (a long target name may be at the
    file system's limit already), created as the user's other files are (umask)."""
    while True:
        path = folder / f".po-{secrets.token_hex(4)}.tmp"
        try:
            return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), path
        except FileExistsError:
            continue


def _keep_mode(scratch: Path, target: Path) -> None:
    """A replaced file keeps its permissions (a report shared with the group stays so)."""
    with contextlib.suppress(OSError):
        os.chmod(scratch, target.stat().st_mode & 0o7777)


@contextlib.contextmanager
def atomic_binary(target: Path | str) -> Iterator[BinaryIO]:
    """A binary file open on a temporary beside ``target``; once the block ends without
    error, its content replaces ``target``.

    Any failure, the block's own included, removes the temporary file and leaves
    ``target`` untouched; an OSError becomes a :class:`StorageError` in the user's
    language, other errors (an interruption) pass through as they are.
    """
    requested = Path(target)
    scratch: Path | None = None
    try:
        final = _final(requested)
        fd, scratch = _open_scratch(final.parent)
        fh = os.fdopen(fd, "wb")
        try:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        except BaseException:
            fh.raw.close()  # the rest goes with the file
            raise
        finally:
            fh.close()
        if final.exists():
            _keep_mode(scratch, final)
        os.replace(scratch, final)
        scratch = None
        sync_folder(final.parent)
    except OSError as exc:
        raise output_error(requested, exc) from exc
    finally:
        if scratch is not None:
            with contextlib.suppress(OSError):
                scratch.unlink()


class TextSink:
    """Text encoded into a binary file as it comes, line ends untouched (what the csv
    module wants); what :func:`atomic_text` yields."""

    def __init__(self, raw: BinaryIO, encoding: str) -> None:
        self._raw = raw
        self._encoder = codecs.getincrementalencoder(encoding)()

    def write(self, text: str) -> int:
        self._raw.write(self._encoder.encode(text))
        return len(text)

    def finish(self) -> None:
        self._raw.write(self._encoder.encode("", final=True))


@contextlib.contextmanager
def atomic_text(target: Path | str, *, encoding: str = "utf-8") -> Iterator[TextSink]:
    """Text for ``target``, written as :func:`atomic_binary` writes bytes."""
    with atomic_binary(target) as raw:
        sink = TextSink(raw, encoding)
        yield sink
        sink.finish()


def write_bytes(target: Path | str, data: bytes) -> None:
    """``data`` as the new content of ``target``, all of it or nothing."""
    with atomic_binary(target) as fh:
        fh.write(data)


def write_text(target: Path | str, text: str, *, encoding: str = "utf-8") -> None:
    """``text`` as the new content of ``target`` (line ends untouched), all or nothing."""
    write_bytes(target, text.encode(encoding))
