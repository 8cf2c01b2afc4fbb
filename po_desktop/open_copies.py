"""The temporary copies of attachments opened with the system's applications.

An attachment lives inside the workspace file; opening one writes a copy for the
application that shows it. Every copy goes into one folder the app owns
(:func:`po_desktop.paths.open_copies_dir`), in a folder of the running session: the
session's folder goes when the app quits (:meth:`OpenCopies.clean`), and at start the
folders a crashed or killed session left behind, untouched for a day, go too
(:func:`remove_stale`). A day: another instance running at the same time keeps the
copies it opened today.

Copies are read-only: an application that edits one asks where to save, so an edit is
never written to a copy about to be deleted.
"""

from __future__ import annotations

import logging
import os
import shutil
import stat
import tempfile
import time
from pathlib import Path

from po_desktop import paths

STALE_AFTER_S = 24 * 3600
"""A session folder untouched for this long belongs to a session that is gone."""
SESSION_PREFIX = "session-"

_log = logging.getLogger(__name__)


def _newest_change(folder: Path) -> float:
    """The latest modification time under ``folder`` (itself included)."""
    newest = folder.lstat().st_mtime
    for root, dirs, files in os.walk(folder):
        for name in (*dirs, *files):
            try:
                newest = max(newest, os.lstat(os.path.join(root, name)).st_mtime)
            except OSError:
                continue  # gone meanwhile
    return newest


def _remove(path: Path) -> bool:
    """Remove a copy's folder, read-only files included; False when something stayed
    (a file still held open by an application on Windows): a later start retries."""

    def writable_then_retry(function: object, name: str, _exc: object) -> None:
        os.chmod(name, stat.S_IWRITE | stat.S_IREAD | stat.S_IEXEC)
        function(name)  # type: ignore[operator]

    try:
        if path.is_symlink() or not path.is_dir():
            path.unlink()
        else:
            shutil.rmtree(path, onerror=writable_then_retry)
    except OSError as exc:
        _log.info("Temporary copy %s not removed: %s", path, exc)
        return False
    return True


def remove_stale(root: Path | None = None, *, now: float | None = None) -> int:
    """Remove what sessions left in ``root`` that has not changed for a day; how many
    folders went. Nothing happens when the folder does not exist."""
    root = root or paths.open_copies_dir()
    moment = time.time() if now is None else now
    try:
        entries = list(root.iterdir())
    except OSError:
        return 0
    removed = 0
    for entry in entries:
        try:
            age = moment - (_newest_change(entry) if entry.is_dir() else entry.lstat().st_mtime)
        except OSError:
            continue
        if age > STALE_AFTER_S and _remove(entry):
            removed += 1
    return removed


class OpenCopies:
    """The copies this session opened, in its own folder under ``root``."""

    def __init__(self, root: Path | None = None) -> None:
        self._root = root
        self.folder: Path | None = None
        """This session's folder, made at the first copy; None before and after clean()."""

    @property
    def root(self) -> Path:
        return self._root or paths.open_copies_dir()

    def write(self, name: str, data: bytes) -> Path:
        """A read-only copy named ``name`` (a sanitised file name), for an application to
        open. Each copy has a folder of its own: two files of one name never clash."""
        root = self.root
        if self.folder is None or self.folder.parent != root or not self.folder.is_dir():
            root.mkdir(parents=True, exist_ok=True)
            self.folder = Path(tempfile.mkdtemp(prefix=SESSION_PREFIX, dir=root))
        path = Path(tempfile.mkdtemp(dir=self.folder)) / name
        path.write_bytes(data)
        path.chmod(stat.S_IREAD)
        return path

    def clean(self) -> None:
        """Remove this session's copies (when the app quits)."""
        if self.folder is not None and _remove(self.folder):
            self.folder = None


SESSION = OpenCopies()
"""The running application's copies."""
