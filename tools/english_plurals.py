"""Fill the English catalogue's plural forms: "%n need(s)" -> "%n need" / "%n needs".

Usage: python tools/english_plurals.py resources/translations/po_desktop_en.ts

The English catalogue holds only messages with plural forms (lupdate -pluralonly);
every other English text is the source itself. A plural text without "(s)" must
be worded to read right for any count; both its forms are the source.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET

WORD = re.compile(r"(\w+)\(s\)")


def forms(source: str) -> tuple[str, str]:
    """Singular and plural; a text without "(s)" is worded to read right for any count
    ("Needs moving in the ranking: %n"), so both forms are the source itself."""
    if not WORD.search(source):
        return source, source
    return WORD.sub(r"\1", source), WORD.sub(r"\1s", source)


def main(ts_path: str) -> int:
    tree = ET.parse(ts_path)
    for message in tree.iter("message"):
        if message.get("numerus") != "yes":
            continue
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        for child in list(translation):
            translation.remove(child)
        for form in forms(source):
            ET.SubElement(translation, "numerusform").text = form
        translation.attrib.pop("type", None)
    ET.indent(tree, space="    ")
    with open(ts_path, "wb") as fh:  # the header lupdate writes, so its reruns change nothing
        fh.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(fh, encoding="utf-8", xml_declaration=False)
        fh.write(b"\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
