"""The application log: a few rotating files in the user log dir, for crash reports.

Kept small (5 × 1 MB) because it only has to explain the last problems, and
written by the GUI and by the CLI's unexpected errors alike.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from po_desktop import paths

LOG_NAME = "po-desktop.log"
_handler: logging.Handler | None = None


def log_file() -> Path:
    return paths.log_dir() / LOG_NAME


def configure() -> Path | None:
    """Send the package's log records to the rotating file; None when it cannot be written.

    A log that cannot be written (read-only profile, full disk) must never stop the
    application from starting: records then only go to stderr.
    """
    global _handler
    path = log_file()
    root = logging.getLogger("po_desktop")
    if _handler is not None:
        if getattr(_handler, "baseFilename", None) == str(path):
            return path
        root.removeHandler(_handler)
        _handler.close()
        _handler = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Opened now, not on the first record: a log that cannot be written is known here,
        # and the crash dialog does not point to a file that does not exist.
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=4, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _handler = handler
    return path
