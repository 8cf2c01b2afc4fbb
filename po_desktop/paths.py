"""Where things live on disk, in one place (data dir, backups, bundled resources)."""

from __future__ import annotations

import importlib.resources
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
    """The fonts, icons, translations and licences the application ships.

    In the PyInstaller bundle: ``resources/`` among the bundle's files. In an installed
    package (wheel, sdist): ``po_desktop/resources``, read through importlib.resources.
    In the repository or an editable install: the ``resources/`` folder at the top of the
    repository, the same files before installation.
    """
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    installed = importlib.resources.files(__package__ or "po_desktop") / "resources"
    if isinstance(installed, Path) and installed.is_dir():
        return installed
    repository = Path(__file__).resolve().parent.parent / "resources"
    if repository.is_dir():
        return repository
    # Neither: a broken installation. Name the place where the files should be, so that
    # every "missing" message points there.
    return Path(str(installed))
