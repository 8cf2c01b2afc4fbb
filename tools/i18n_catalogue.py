"""Extract every text the user reads from the code into the catalogue (``make i18n``).

Writes ``resources/translations/po_desktop.pot`` (the template) and brings each
``po_desktop_<lang>.po`` up to date with it through Babel: new texts arrive untranslated,
texts that left the code are dropped, translations of texts still there are kept. Then:

- French translations are set in French typography (a no-break space before ``: ; ? !``
  and ``»``, after ``«``), so a line never starts with a lone colon;
- the English catalogue holds only the texts whose English forms the code cannot give:
  Qt's ``self.tr("%n need(s)", "", n)``, filled as "%n need" / "%n needs".

Prints the texts still without a French translation; tests/ui/test_translations.py fails
while there are any. What counts as a text (see :func:`extract`): the first arguments of
``tr()``, ``QCoreApplication.translate()``, ``N_()``, ``NP_()``, ``gettext()``,
``ngettext()`` and ``pgettext()`` calls, when they are string literals.

Usage: python tools/i18n_catalogue.py [--check]
  --check  write nothing; exit 1 when a text lacks a translation (for tests and CI)
"""

from __future__ import annotations

import argparse
import ast
import io
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "po_desktop"
FOLDER = ROOT / "resources" / "translations"
DOMAIN = "po_desktop"
LANGUAGES = ("fr", "en")

NBSP = "\u00a0"
_BEFORE = re.compile(r"(?<=\S)[ \u202f]([:;?!»])")
_AFTER = re.compile(r"«[ \u202f]")
_ENGLISH_PLURAL = re.compile(r"(\w+)\(s\)")


@dataclass(frozen=True)
class Found:
    """One text found in the code."""

    msgid: str
    plural: str | None
    context: str | None
    where: tuple[str, int]


def _literal(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _name(func: ast.expr) -> tuple[str | None, str]:
    """(owner, name) of a called function: ``self.tr`` → ("self", "tr")."""
    if isinstance(func, ast.Attribute):
        owner = func.value.id if isinstance(func.value, ast.Name) else None
        return owner, func.attr
    if isinstance(func, ast.Name):
        return None, func.id
    return None, ""


def _texts(call: ast.Call) -> tuple[str | None, str | None, str | None] | None:
    """(msgid, plural, context) of a translating call, else None. A Qt text with a count
    (``tr(text, "", n)``) is its own plural: its English forms come from the catalogue."""
    owner, name = _name(call.func)
    args = call.args
    if name == "tr" and args:
        counted = len(args) >= 3 or any(k.arg == "n" for k in call.keywords)
        text = _literal(args[0])
        return text, text if counted else None, _literal(args[1]) if len(args) > 1 else None
    if name == "translate" and owner in ("QCoreApplication", "QApplication") and len(args) >= 2:
        text = _literal(args[1])
        return text, text if len(args) >= 4 else None, _literal(args[2]) if len(args) > 2 else None
    if name in ("N_", "gettext") and args:
        return _literal(args[0]), None, None
    if name in ("NP_", "ngettext") and len(args) >= 2:
        return _literal(args[0]), _literal(args[1]), None
    if name == "pgettext" and len(args) >= 2:
        return _literal(args[1]), None, _literal(args[0])
    return None


def extract(sources: Path = SOURCES) -> Iterator[Found]:
    """Every text marked for translation under ``sources``."""
    for path in sorted(sources.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        relative = path.relative_to(sources.parent).as_posix()
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            texts = _texts(node)
            if texts is None or texts[0] is None:
                continue
            msgid, plural, context = texts
            yield Found(msgid, plural, context or None, (relative, node.lineno))


def template(found: list[Found]) -> Catalog:
    catalog = Catalog(project="PO Desktop", domain=DOMAIN, charset="utf-8", fuzzy=False)
    for item in sorted(found, key=lambda f: f.where):
        msgid: str | tuple[str, str] = (item.msgid, item.plural) if item.plural else item.msgid
        existing = catalog.get(item.msgid, item.context)
        if existing is not None:
            existing.locations.append(item.where)
            continue
        catalog.add(msgid, locations=[item.where], context=item.context)
    return catalog


def typeset(text: str) -> str:
    """``text`` with no-break spaces where French typography wants them."""
    return _AFTER.sub("«" + NBSP, _BEFORE.sub(NBSP + r"\1", text))


def english_forms(source: str) -> tuple[str, str]:
    """ "%n need(s)" → ("%n need", "%n needs"); a text without "(s)" is worded for any
    count ("Needs moving in the ranking: %n"), so both forms are the text itself."""
    return _ENGLISH_PLURAL.sub(r"\1", source), _ENGLISH_PLURAL.sub(r"\1s", source)


def _self_plural(message: Message) -> bool:
    return isinstance(message.id, tuple) and message.id[0] == message.id[1]


def _load(lang: str) -> Catalog:
    path = FOLDER / f"{DOMAIN}_{lang}.po"
    if not path.is_file():
        return Catalog(locale=lang, domain=DOMAIN, project="PO Desktop", fuzzy=False)
    with path.open("rb") as stream:
        return read_po(stream, locale=lang, domain=DOMAIN)


def updated(lang: str, pot: Catalog) -> Catalog:
    """The catalogue of ``lang`` brought up to date with the template."""
    catalog = _load(lang)
    catalog.update(pot, no_fuzzy_matching=True, update_header_comment=False)
    catalog.obsolete.clear()
    if lang == "fr":
        for message in catalog:
            if not message.id:
                continue
            if isinstance(message.string, tuple):
                message.string = tuple(typeset(s) for s in message.string)
            elif message.string:
                message.string = typeset(message.string)
    if lang == "en":
        for message in list(catalog):
            if message.id and not _self_plural(message):
                catalog.delete(message.id, message.context)
            elif message.id and not all(message.string):
                message.string = english_forms(message.id[0])
    return catalog


def unfinished(catalog: Catalog) -> list[str]:
    """Texts of ``catalog`` without a translation, or marked fuzzy."""
    missing = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            missing.append(message.id[0] if isinstance(message.id, tuple) else message.id)
    return missing


def _write(catalog: Catalog, path: Path) -> None:
    """Write ``catalog`` unless only its creation date would change: reruns leave git clean."""
    stream = io.BytesIO()
    write_po(stream, catalog, width=100, sort_output=False, omit_header=False)
    new = stream.getvalue()

    def dateless(data: bytes) -> bytes:
        return re.sub(rb'"POT-Creation-Date: [^"]*"', b"", data)

    if not path.is_file() or dateless(path.read_bytes()) != dateless(new):
        path.write_bytes(new)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; fail on a gap")
    args = parser.parse_args(argv)
    pot = template(list(extract()))
    missing = False
    for lang in LANGUAGES:
        catalog = updated(lang, pot)
        gaps = unfinished(catalog)
        for text in gaps:
            print(f"{lang}: untranslated: {text!r}", file=sys.stderr)
        missing = missing or bool(gaps)
        if not args.check:
            _write(catalog, FOLDER / f"{DOMAIN}_{lang}.po")
    if not args.check:
        _write(pot, FOLDER / f"{DOMAIN}.pot")
        print(f"{len(pot)} texts in {FOLDER / (DOMAIN + '.pot')}")
    return 1 if missing and args.check else 0


if __name__ == "__main__":
    raise SystemExit(main())
