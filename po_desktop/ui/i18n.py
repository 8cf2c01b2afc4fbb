"""The catalogue served to Qt, and the bundled fonts, installed once per application."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtGui import QFontDatabase

from po_desktop import i18n, paths

_log = logging.getLogger(__name__)
_installed: list[QTranslator] = []

FONTS = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
"""The interface's fonts, in resources/fonts (the pack embeds the same two)."""


class CatalogueTranslator(QTranslator):
    """Answers Qt's requests (``self.tr()``, Qt's own widgets) from a gettext catalogue.

    Our texts are looked up by their English text alone: a string keeps its translation
    when its code moves to another class. ``tr(text, disambiguation)`` is the message
    context. The supplement of Qt's own texts (``qt_contexts``) is looked up by Qt's
    context, as Qt's catalogue is.
    """

    def __init__(self, catalogue: i18n.Catalogue, parent: QObject, *, qt_contexts: bool) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self.answers_qt_contexts = qt_contexts

    def isEmpty(self) -> bool:
        return False

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        key: str | None
        if self.answers_qt_contexts:
            key = f"{context}|{disambiguation}" if disambiguation else context
        else:
            key = disambiguation or None
        # None is Qt's null string: the next translator is asked, then the source shown.
        return self._catalogue.find(source, key, n if n >= 0 else None)


def install_translators(app: QCoreApplication, lang: str) -> bool:
    """Load our catalogue and Qt's own (dialog buttons, file chooser, context menus);
    True when ours was found.

    Qt asks the translator installed last first and keeps the first answer: its own
    catalogue goes in last, and our supplement of the Qt strings it leaves in English
    (resources/translations/qt_supplement_<lang>.po) just before it, so the supplement
    never overrides a translation Qt ships.
    """
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    i18n.set_language(lang)
    i18n.catalogue.cache_clear()  # read afresh: a reinstalled or rebuilt catalogue
    QLocale.setDefault(
        QLocale(
            QLocale.Language.French if lang == "fr" else QLocale.Language.English,
            QLocale.Country.France if lang == "fr" else QLocale.Country.UnitedKingdom,
        )
    )
    # For English, our catalogue holds only the plural forms: "1 need", "2 needs".
    found = _install(app, i18n.catalogue(lang), qt_contexts=False)
    if lang == "en":
        return found
    _install(app, i18n.catalogue(lang, i18n.QT_SUPPLEMENT), qt_contexts=True)
    qtbase = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), f"qtbase_{lang}.qm")
    if not qtbase.is_file():
        paths.report_missing(f"Qt: {qtbase.name}", qtbase)
    else:
        translator = QTranslator(app)
        if translator.load(str(qtbase)):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            _log.warning("Qt's translations in %s could not be loaded", qtbase)
    return found


def _install(app: QCoreApplication, catalogue: object, *, qt_contexts: bool) -> bool:
    """Install one of our catalogues; a missing or unreadable one was logged when read."""
    if not isinstance(catalogue, i18n.Catalogue):
        return False
    translator = CatalogueTranslator(catalogue, app, qt_contexts=qt_contexts)
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
