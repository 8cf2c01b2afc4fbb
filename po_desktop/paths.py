"""Where things live on disk, in one place (data dir, backups, bundled resources)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from po_desktop import APP_ID

HOME_ENV = "PO_DESKTOP_HOME"


def data_dir() -> Path:
    """User data directory; ``PO_DESKTOP_HOME`` overrides it (tests, portable installs)."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_ID, appauthor=False))


def config_dir() -> Path:
    """Preferences and window state; under ``PO_DESKTOP_HOME`` when it is set."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override) / "config"
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_ID, appauthor=False))


def log_dir() -> Path:
    """Rotating log files; under ``PO_DESKTOP_HOME`` when it is set."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override) / "logs"
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_ID, appauthor=False))


def default_database() -> Path:
    return data_dir() / "po-desktop.podb"


def backups_dir() -> Path:
    return data_dir() / "backups"


def resources_dir() -> Path:
    """Bundled resources: next to the frozen executable, or at the repository root."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
