"""Qt translations and bundled fonts, installed once per application."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFontDatabase

from po_desktop import paths
from po_desktop.domain import messages

_log = logging.getLogger(__name__)
_installed: list[QTranslator] = []

FONTS = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
"""The interface's fonts, in resources/fonts (the pack embeds the same two)."""


def install_translators(app: QCoreApplication, lang: str) -> bool:
    """Load our catalogue and Qt's own (dialog buttons, file chooser, context menus);
    True when ours was found.

    Qt asks the translator installed last first and keeps the first answer: its own
    catalogue goes in last, and our supplement of the Qt strings it leaves in English
    (resources/translations/qt_supplement_<lang>.ts) just before it, so the supplement
    never overrides a translation Qt ships.
    """
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    messages.set_language(lang)
    QLocale.setDefault(
        QLocale(
            QLocale.Language.French if lang == "fr" else QLocale.Language.English,
            QLocale.Country.France if lang == "fr" else QLocale.Country.UnitedKingdom,
        )
    )
    # For English, our catalogue holds only the plural forms: "1 need", "2 needs".
    found = _install(app, paths.resource(f"translations/po_desktop_{lang}.qm"))
    if lang == "en":
        return True
    _install(app, paths.resource(f"translations/qt_supplement_{lang}.qm"))
    qtbase = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), f"qtbase_{lang}.qm")
    if not qtbase.is_file():
        paths.report_missing(f"Qt: {qtbase.name}", qtbase)
    _install(app, qtbase if qtbase.is_file() else None)
    return found


def _install(app: QCoreApplication, qm: Path | None) -> bool:
    """Load and install one catalogue; a missing one was logged by the caller, an
    unreadable one is logged here."""
    if qm is None:
        return False
    translator = QTranslator(app)
    if not translator.load(str(qm)):
        _log.warning("Translations in %s could not be loaded; the interface stays English", qm)
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True


def load_fonts() -> str | None:
    """Register the bundled fonts so every machine renders the same glyphs."""
    family = None
    for name in FONTS:
        font_file = paths.resource(f"fonts/{name}")
        if font_file is None:
            continue
        font_id = QFontDatabase.addApplicationFont(str(font_file))
        if font_id < 0:
            _log.warning("The font %s could not be loaded; using the system's", font_file)
        elif family is None:
            families = QFontDatabase.applicationFontFamilies(font_id)
            family = families[0] if families else None
    return family
