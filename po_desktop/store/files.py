"""Every file the app writes for the user, written atomically (no Qt).

A CSV export, a calendar, a review pack or a screenshot is written to a temporary
file beside its target, flushed to the disk, then renamed over the target in one
step, and the folder itself is flushed so the rename survives a power cut. A full
disk, a read-only medium, an interruption or a crash half-way leaves the previous
file exactly as it was and no temporary file behind; the error says why in the
user's language. Database files and backups have their own rules (store.database,
store.backups).
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from po_desktop.domain.messages import os_reason
from po_desktop.store.errors import StorageError

_UNSUPPORTED = frozenset(
    getattr(errno, name) for name in ("EINVAL", "ENOTSUP", "EOPNOTSUPP") if hasattr(errno, name)
)


def output_error(target: Path | str, exc: OSError) -> StorageError:
    """The error to show for an output that could not be written."""
    return StorageError("output.failed", path=str(target), reason=os_reason(exc))


def _final(target: Path) -> Path:
    """Where the bytes go: a symbolic link is followed, so the file it names is updated
    and the link stays a link."""
    return Path(os.path.realpath(target)) if target.is_symlink() else target


def _scratch(folder: Path) -> tuple[int, Path]:
    """A new file in ``folder`` with a short random name (a long target name may be at the
    file system's limit already), created as the user's other files are (umask)."""
    while True:
        path = folder / f".po-{secrets.token_hex(4)}.tmp"
        try:
            return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), path
        except FileExistsError:
            continue


def _sync_folder(folder: Path) -> None:
    """Flush the folder's entry for the renamed file (POSIX; Windows has no such call)."""
    if os.name == "nt":  # pragma: no cover - exercised on Windows builds only
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in _UNSUPPORTED:  # some network file systems refuse it: harmless
            raise
    finally:
        os.close(fd)


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
        fd, scratch = _scratch(final.parent)
        fh = os.fdopen(fd, "wb")
        try:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        except BaseException:
            fh.raw.close()  # type: ignore[attr-defined]  # the rest goes with the file
            raise
        finally:
            fh.close()
        if final.exists():
            _keep_mode(scratch, final)
        os.replace(scratch, final)
        scratch = None
        _sync_folder(final.parent)
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
