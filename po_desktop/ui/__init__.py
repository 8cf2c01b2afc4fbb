"""Qt user interface: the only package that imports PySide6."""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (installs PySide6's import hook, lightened below)


def _lighten_import_hook() -> None:
    """Answer PySide6's once-per-module question from the file's bytes.

    PySide6 replaces ``__import__``; the first time any module is imported after it, it
    reads that module's whole source through :mod:`inspect` and :mod:`linecache` to see
    whether the module names PySide6 (for its opt-in ``__feature__`` switches,
    PYSIDE-2029): some 130 modules and ~30 ms before the board's first paint, and their
    lines kept in memory. The answer is the same from a search of the source file's bytes;
    a module without a plain ``.py`` file (built in, frozen, in an archive) is left to
    PySide6's own check, as is everything should PySide6 no longer have that check.
    """
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None or getattr(original, "from_bytes", False):
        return

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass  # gone or unreadable: PySide6's own way says so
        return bool(original(module))

    uses_pyside.from_bytes = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]


_lighten_import_hook()
