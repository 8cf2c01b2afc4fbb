"""The one catalogue: every text a user reads, whichever layer shows it.

Texts are written in English in the code and translated through gettext catalogues
(``resources/translations/po_desktop_<lang>.po``, compiled to ``.mo`` by
tools/compile_translations.py). The same catalogue serves Qt widgets (``self.tr()``, answered
by the translator in ``ui/i18n.py``), services, the command line and the PDF pack, so a term
is translated once. Counts always go through a plural form: "1 besoin", "2 besoins", "1 need".

Why gettext and not Qt Linguist: services, the CLI and the pack run without Qt, and
translators' tools (Poedit, Weblate, Lokalize) all open ``.po`` files. Babel reads and writes
them (``make i18n``) and compiles them; Python's ``gettext`` reads the compiled files.

Marking a text: ``N_("…")`` (one form) or ``NP_("… {count} need …", "… {count} needs …")``
where the text is defined; ``gettext``/``ngettext``/``pgettext`` where it is shown. The
extractor (tools/i18n_catalogue.py) finds these calls, Qt's ``tr()`` and
``QCoreApplication.translate()``.
"""

from __future__ import annotations

import gettext as _gettext
import locale
import logging
import os
from functools import cache
from typing import NamedTuple

from po_desktop import paths

_log = logging.getLogger(__name__)

LANGUAGES = ("fr", "en")
DOMAIN = "po_desktop"
"""The catalogue's name: resources/translations/po_desktop_<lang>.mo."""
QT_SUPPLEMENT = "qt_supplement"
"""The texts of Qt's own widgets that Qt's catalogue leaves in English (French only)."""

_current = "fr"


class Plural(NamedTuple):
    """A message with a count: its English singular and plural (see :func:`NP_`)."""

    singular: str
    plural: str


def N_(message: str) -> str:
    """Marks ``message`` for the catalogue where it is defined; translated where shown."""
    return message


def NP_(singular: str, plural: str) -> Plural:
    """Marks a message with a count for the catalogue, in its two English forms."""
    return Plural(singular, plural)


class Catalogue(_gettext.GNUTranslations):
    """A compiled catalogue that can also say a text is absent (Qt asks several)."""

    def find(
        self, message: str, context: str | None = None, count: int | None = None
    ) -> str | None:
        """The translation of ``message``, or None when the catalogue has none."""
        key = message if context is None else f"{context}\x04{message}"
        if count is None:
            found = self._catalog.get(key)  # type: ignore[attr-defined]
            if found is None:
                found = self._catalog.get((key, 0))  # type: ignore[attr-defined]
        else:
            found = self._catalog.get((key, self.plural(count)))  # type: ignore[attr-defined]
        return found or None


class _Empty(_gettext.NullTranslations):
    """No catalogue: every text stays English (a missing file is reported elsewhere)."""

    def find(
        self, message: str, context: str | None = None, count: int | None = None
    ) -> str | None:
        return None


def system_language() -> str:
    """French when the system locale is French, English otherwise."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:
        loc = ""
    return "fr" if loc.lower().startswith("fr") else "en"


def set_language(lang: str) -> None:
    """The language of every text rendered without one being named."""
    global _current
    _current = lang if lang in LANGUAGES else "en"


def language() -> str:
    return _current


@cache
def catalogue(lang: str, domain: str = DOMAIN) -> Catalogue | _Empty:
    """The compiled catalogue of ``lang``; an empty one when it is missing (logged and
    listed in the About box) or unreadable (logged)."""
    mo = paths.resource(f"translations/{domain}_{lang}.mo")
    if mo is None:
        return _Empty()
    try:
        with mo.open("rb") as stream:
            return Catalogue(stream)
    except (OSError, ValueError) as exc:  # a truncated or foreign file
        _log.warning("The translations in %s could not be read (%s): texts stay English", mo, exc)
        return _Empty()


def gettext(message: str, lang: str | None = None) -> str:
    """``message`` in ``lang`` (the current language by default)."""
    return catalogue(lang or _current).find(message) or message


def pgettext(context: str, message: str, lang: str | None = None) -> str:
    """``message`` as meant in ``context`` ("Sprint" the period, not the verb)."""
    return catalogue(lang or _current).find(message, context) or message


def ngettext(singular: str, plural: str, count: int, lang: str | None = None) -> str:
    """The form of a message that agrees with ``count`` (French: 0 and 1 are singular)."""
    found = catalogue(lang or _current).find(singular, count=count)
    if found:
        return found
    return singular if count == 1 else plural


def plural(message: Plural, count: int, lang: str | None = None) -> str:
    """:func:`ngettext` of a message marked with :func:`NP_`."""
    return ngettext(message.singular, message.plural, count, lang)
