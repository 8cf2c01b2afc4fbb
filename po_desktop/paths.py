"""Where things live on disk, in one place (data dir, backups, bundled resources)."""

from __future__ import annotations

import functools
import importlib.resources
import logging
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from po_desktop import APP_ID, APP_NAME

HOME_ENV = "PO_DESKTOP_HOME"

_log = logging.getLogger(__name__)
_outside: dict[str, Path] = {}
_warned: set[Path] = set()


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


def cache_dir() -> Path:
    """What the app can always make again; under ``PO_DESKTOP_HOME`` when it is set."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override) / "cache"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_ID, appauthor=False))


def open_copies_dir() -> Path:
    """The temporary copies of attachments opened with other applications."""
    return cache_dir() / "open-copies"


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
    return _resources_dir()


@functools.cache
def _resources_dir() -> Path:
    """:func:`resources_dir`, found once per process: the icons, fonts and translations
    ask for it some forty times before the first paint (importlib.resources each time)."""
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


EXPECTED_RESOURCES: tuple[str, ...] = (
    "fonts/DejaVuSans.ttf",
    "fonts/DejaVuSans-Bold.ttf",
    "fonts/LICENSE-DejaVu.txt",
    "fonts/NotoEmoji-Regular.ttf",
    "fonts/LICENSE-NotoEmoji.txt",
    "icons/LICENSE.md",
    "translations/po_desktop_en.mo",
    "translations/po_desktop_fr.mo",
    "translations/qt_supplement_fr.mo",
)
"""What every installation ships under :func:`resources_dir` (icons: ``ui.icons.NAMES``)."""


class MissingResourceError(FileNotFoundError):
    """A resource the task cannot do without (the pack's fonts): the installation is broken."""


def resource(relative: str) -> Path | None:
    """``resources/<relative>`` (``"fonts/DejaVuSans.ttf"``), or None when it is missing.

    A missing resource is never silent: it is logged (once) and the About dialog lists it
    (:func:`missing_resources`). The caller decides whether it can do without.
    """
    path = resources_dir() / relative
    if path.exists():
        return path
    _warn_missing(relative, path)
    return None


def required_resource(relative: str) -> Path:
    """``resources/<relative>``; :class:`MissingResourceError` when it is not there."""
    path = resource(relative)
    if path is None:
        raise MissingResourceError(
            f"{relative} is missing from {resources_dir()}: reinstall {APP_NAME} to repair it"
        )
    return path


def report_missing(what: str, where: Path) -> None:
    """A file the application needs from elsewhere (Qt's own translations) is not at
    ``where``: logged, and listed by :func:`missing_resources` while it stays missing."""
    _outside[what] = where
    _warn_missing(what, where)


def missing_resources(expected: Iterable[str] = ()) -> dict[str, Path]:
    """What is missing now, and where it was looked for: each of :data:`EXPECTED_RESOURCES`
    and ``expected`` (paths under :func:`resources_dir`), then the files reported by
    :func:`report_missing`."""
    folder = resources_dir()
    found = {
        relative: folder / relative
        for relative in dict.fromkeys((*EXPECTED_RESOURCES, *expected))
        if not (folder / relative).exists()
    }
    found.update((what, where) for what, where in _outside.items() if not where.exists())
    return found


def _warn_missing(what: str, where: Path) -> None:
    if where in _warned:
        return
    _warned.add(where)
    _log.warning("%s is missing (looked for %s); reinstall %s to repair it", what, where, APP_NAME)
