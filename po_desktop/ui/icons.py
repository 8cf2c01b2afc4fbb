"""The one place that loads the application's icons (``resources/icons``).

Icons are named, not pathed: callers write ``icon("undo")`` and a typo is a ``KeyError``
that the tests catch, while a file missing from a broken install only costs an empty icon,
a logged warning and a line in the About dialog — an action without its picture still
works, so never crash for it.
Call these once a ``QApplication`` exists (Qt loads the SVG icon engine plugin with it).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from po_desktop import paths

NAMES: frozenset[str] = frozenset(
    {
        "database-new",
        "open",
        "save-copy",
        "recent",
        "import",
        "export",
        "calendar-export",
        "pack",
        "quit",
        "need-new",
        "edit",
        "delete",
        "find",
        "undo",
        "redo",
        "view-board",
        "view-list",
        "view-scoring",
        "view-calendar",
        "projects",
        "people",
        "board-columns",
        "grids",
        "preferences",
        "about",
        "backup",
        "restore",
        "warning",
        "copy",
        "log",
        "close",
        "help",
        "keyboard",
    }
)
"""Every icon drawn for the app; ``resources/icons/<name>.svg`` exists for each."""

APP_ICON_SIZES: tuple[int, ...] = (16, 32, 48, 64, 128, 256)
"""Raster sizes rendered from ``app.svg`` by ``tools/make_app_icons.py``."""


def icons_dir() -> Path:
    return paths.resources_dir() / "icons"


def expected() -> list[str]:
    """Every icon file, relative to the resources folder (the About dialog checks them)."""
    pngs = [f"icons/{app_png_name(size)}" for size in APP_ICON_SIZES]
    return [f"icons/{name}.svg" for name in sorted(NAMES)] + ["icons/app.svg", *pngs]


def app_png_name(size: int) -> str:
    """``app.png`` is the 256 px rendering; smaller ones are ``app-<size>.png``."""
    return "app.png" if size == max(APP_ICON_SIZES) else f"app-{size}.png"


@cache
def icon(name: str) -> QIcon:
    """The icon called ``name``, loaded once and shared (a QIcon is a cheap handle).

    Raises ``KeyError`` for a name not in ``NAMES``: that is a bug in the caller.
    """
    if name not in NAMES:
        raise KeyError(f"no icon named {name!r}")
    path = paths.resource(f"icons/{name}.svg")
    return QIcon(str(path)) if path is not None else QIcon()


@cache
def app_icon() -> QIcon:
    """The application icon: the PNGs rendered from ``app.svg``, or the SVG itself.

    The PNGs come first because window managers and taskbars pick from
    ``availableSizes()``, which Qt's SVG engine leaves empty (and it keeps only one added
    pixmap, so the two cannot be mixed in one QIcon); they also need no SVG plugin.
    The SVG is the fallback when the PNGs are missing.
    """
    result = QIcon()
    for size in APP_ICON_SIZES:
        png = paths.resource(f"icons/{app_png_name(size)}")
        if png is not None:
            result.addFile(str(png), QSize(size, size))
    if result.isNull():
        svg = paths.resource("icons/app.svg")
        result = QIcon(str(svg)) if svg is not None else result
    return result
