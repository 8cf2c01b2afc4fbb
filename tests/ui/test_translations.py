"""Every user-visible GUI string has a finished French translation."""

from __future__ import annotations

import shutil
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from po_desktop import paths
from po_desktop.domain import messages

ROOT = Path(__file__).resolve().parents[2]
TS = paths.resources_dir() / "translations" / "po_desktop_fr.ts"


def _lupdate() -> str:
    exe = Path(sys.executable).with_name("pyside6-lupdate")
    return str(exe) if exe.exists() else "pyside6-lupdate"


def test_french_catalogue_covers_every_source_string(tmp_path: Path) -> None:
    """Re-extract strings from the code: a new tr() without a translation fails here."""
    fresh = tmp_path / "po_desktop_fr.ts"
    shutil.copy(TS, fresh)
    sources = sorted(str(p) for p in (ROOT / "po_desktop" / "ui").rglob("*.py"))
    subprocess.run([_lupdate(), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    unfinished = [
        message.findtext("source")
        for message in ET.parse(fresh).iter("message")
        if (message.find("translation").get("type") or "") == "unfinished"  # type: ignore[union-attr]
    ]
    assert unfinished == [], f"French translation missing for: {unfinished}"


def test_english_plural_forms_are_complete(tmp_path: Path) -> None:
    """English shows "1 need" and "2 needs", never "need(s)": every %n message has both."""
    english = paths.resources_dir() / "translations" / "po_desktop_en.ts"
    fresh = tmp_path / english.name
    shutil.copy(english, fresh)
    sources = sorted(str(p) for p in (ROOT / "po_desktop" / "ui").rglob("*.py"))
    subprocess.run(
        [_lupdate(), *sources, "-pluralonly", "-ts", str(fresh)], check=True, capture_output=True
    )
    unfinished = [
        message.findtext("source")
        for message in ET.parse(fresh).iter("message")
        if (message.find("translation").get("type") or "") == "unfinished"  # type: ignore[union-attr]
    ]
    assert unfinished == [], f"English plural forms missing for: {unfinished}"


def test_catalogue_messages_have_both_languages_with_the_same_placeholders() -> None:
    """CLI and service messages: a French text that forgot a {placeholder} fails here."""
    formatter = string.Formatter()
    for msg_id, (french, english) in messages._CATALOG.items():
        assert french.strip() and english.strip(), msg_id
        fields_fr = {name for _t, name, _s, _c in formatter.parse(french) if name}
        fields_en = {name for _t, name, _s, _c in formatter.parse(english) if name}
        assert fields_fr == fields_en, msg_id


def test_french_translations_keep_their_punctuation_with_the_word() -> None:
    """A no-break space keeps "Nom :" whole: no line may start with a lone colon."""
    import re

    loose = re.compile(r"\S [:;?!»]|« ")
    offending = [
        text
        for message in ET.parse(TS).iter("message")
        for node in message.iter()
        if node.tag in ("translation", "numerusform")
        and (text := node.text or "")
        and loose.search(text)
    ]
    assert offending == [], "run tools/french_typography.py: " + repr(offending[:5])
