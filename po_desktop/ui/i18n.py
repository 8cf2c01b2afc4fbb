"""Qt translations and bundled fonts, installed once per application."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFontDatabase

from po_desktop import paths
from po_desktop.domain import messages

_installed: list[QTranslator] = []


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
    folder = paths.resources_dir() / "translations"
    ours = QTranslator(app)
    found = ours.load(str(folder / f"po_desktop_{lang}.qm"))
    if found:  # for English, only the plural forms: "1 need", "2 needs"
        app.installTranslator(ours)
        _installed.append(ours)
    if lang == "en":
        return True
    supplement = QTranslator(app)
    if supplement.load(str(folder / f"qt_supplement_{lang}.qm")):
        app.installTranslator(supplement)
        _installed.append(supplement)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    if qtbase.load(f"qtbase_{lang}", qt_dir):
        app.installTranslator(qtbase)
        _installed.append(qtbase)
    return found


def load_fonts() -> str | None:
    """Register the bundled fonts so every machine renders the same glyphs."""
    family = None
    for font_file in sorted((paths.resources_dir() / "fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(font_file))
        if font_id >= 0 and family is None:
            families = QFontDatabase.applicationFontFamilies(font_id)
            family = families[0] if families else None
    return family
