"""Fill the English catalogue's plural forms: "%n need(s)" -> "%n need" / "%n needs".

Usage: python tools/english_plurals.py resources/translations/po_desktop_en.ts

The English catalogue holds only messages with plural forms (lupdate -pluralonly);
every other English text is the source itself. Prints the plural messages the
"(s)" rule cannot handle, so none stays unfinished silently.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET

WORD = re.compile(r"(\w+)\(s\)")


def forms(source: str) -> tuple[str, str] | None:
    if not WORD.search(source):
        return None
    return WORD.sub(r"\1", source), WORD.sub(r"\1s", source)


def main(ts_path: str) -> int:
    tree = ET.parse(ts_path)
    missing = []
    for message in tree.iter("message"):
        if message.get("numerus") != "yes":
            continue
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        pair = forms(source)
        if pair is None:
            missing.append(source)
            continue
        for child in list(translation):
            translation.remove(child)
        for form in pair:
            ET.SubElement(translation, "numerusform").text = form
        translation.attrib.pop("type", None)
    ET.indent(tree, space="    ")
    with open(ts_path, "wb") as fh:  # the header lupdate writes, so its reruns change nothing
        fh.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(fh, encoding="utf-8", xml_declaration=False)
        fh.write(b"\n")
    for source in missing:
        print(f"no plural rule for: {source}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
