"""One catalogue: every text the code shows has its French translation, every count its
plural forms in both languages, and every message id raised exists."""

from __future__ import annotations

import ast
import re
import runpy
import string
from pathlib import Path

from babel.messages.pofile import read_po

from po_desktop import paths
from po_desktop.domain import messages
from po_desktop.domain.messages import Message
from po_desktop.store.services.import_types import ImportResult

ROOT = Path(__file__).resolve().parents[2]
TOOL = runpy.run_path(str(ROOT / "tools" / "i18n_catalogue.py"))
FRENCH = paths.resources_dir() / "translations" / "po_desktop_fr.po"


def _catalogue(lang: str):  # type: ignore[no-untyped-def]
    """The catalogue of ``lang`` as ``make i18n`` would leave it, from the code as it is."""
    template = TOOL["template"](list(TOOL["extract"]()))
    return TOOL["updated"](lang, template)


def test_every_text_of_the_code_has_a_french_translation() -> None:
    """Re-extract texts from the code: a new text without a translation fails here."""
    assert TOOL["unfinished"](_catalogue("fr")) == []


def test_english_plural_forms_are_complete() -> None:
    """English shows "1 need" and "2 needs", never "need(s)": every %n text has both."""
    english = _catalogue("en")
    assert TOOL["unfinished"](english) == []
    for message in english:
        if message.id:
            assert not any("(s)" in form for form in message.string), message.id


def test_the_catalogue_on_disk_is_up_to_date() -> None:
    """The committed .po holds what make i18n gives (run it after changing a text)."""
    with FRENCH.open("rb") as stream:
        committed = read_po(stream, locale="fr")
    fresh = _catalogue("fr")
    assert {m.id if isinstance(m.id, str) else m.id[0] for m in fresh if m.id} == {
        m.id if isinstance(m.id, str) else m.id[0] for m in committed if m.id
    }


def _placeholders(text: str) -> set[str]:
    python = {name for _t, name, _s, _c in string.Formatter().parse(text) if name}
    return python | set(re.findall(r"%(?:\d|n|L1)", text))


def test_translations_keep_every_placeholder() -> None:
    """A French text that forgot a {placeholder} or a %1 fails here."""
    for message in _catalogue("fr"):
        if not message.id:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        targets = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set().union(*(_placeholders(s) for s in sources))
        for form, target in enumerate(targets):
            # The singular may say the count in words: "Supprimer ce besoin" for %n = 1.
            optional = {"count", "%n"} if form == 0 and len(targets) > 1 else set()
            assert wanted - optional <= _placeholders(target) <= wanted, sources[0]


def test_french_translations_keep_their_punctuation_with_the_word() -> None:
    """A no-break space keeps "Nom :" whole: no line may start with a lone colon."""
    loose = re.compile(r"\S [:;?!»]|« ")
    offending = [
        text
        for message in _catalogue("fr")
        if message.id
        for text in (message.string if isinstance(message.string, tuple) else (message.string,))
        if loose.search(text)
    ]
    assert offending == [], "run make i18n: " + repr(offending[:5])


def _raised_ids() -> set[str]:
    """Message ids written in the code: Message("x.y"), translate("x.y"), SomeError("x.y")."""
    found = set()
    for path in (ROOT / "po_desktop").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            first = node.args[0]
            if (
                (name in ("Message", "translate") or name.endswith("Error"))
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
                and re.fullmatch(r"[a-z_]+(\.[a-z_0-9]+)+", first.value)
            ):
                found.add(first.value)
    return found


def test_every_message_id_the_code_raises_is_in_the_catalogue() -> None:
    ids = _raised_ids()
    assert len(ids) > 100  # the scan sees the code
    assert sorted(ids - messages.known_ids()) == []


def test_counts_agree_in_both_languages() -> None:
    """The plural forms reach the user: "1 besoin", "2 besoins", "1 need", "0 besoin"."""

    def exported(count: int, lang: str) -> str:
        return Message("cli.export_done", {"count": count, "path": "x.csv"}).render(lang)

    assert exported(1, "fr") == "1 besoin exporté dans x.csv."
    assert exported(0, "fr") == "0 besoin exporté dans x.csv."  # French: 0 is singular
    assert exported(2, "fr") == "2 besoins exportés dans x.csv."
    assert exported(1, "en") == "1 need exported to x.csv."
    assert exported(1200, "en") == "1,200 needs exported to x.csv."
    assert exported(1200, "fr") == "1\u202f200 besoins exportés dans x.csv."
    summary = ImportResult(created=1, updated=3, projects_created=2).summary().render("fr")
    assert summary == (
        "Import terminé\u00a0: 1 besoin créé, 3 mis à jour, 0 ignoré car inchangé, 2 projets créés."
    )
