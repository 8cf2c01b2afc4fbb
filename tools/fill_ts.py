"""Fill a Qt Linguist .ts file from a Python dict of translations.

Usage: python tools/fill_ts.py FILE.ts DICT.py — DICT.py defines ``FR`` mapping
source text to a translation (or a list of plural forms). Entries already
translated in the .ts are kept unless the dict gives a new text. Prints the
sources still unfinished, so a missing translation is never silent.
"""

from __future__ import annotations

import runpy
import sys
import xml.etree.ElementTree as ET


def main(ts_path: str, dict_path: str) -> int:
    table = runpy.run_path(dict_path)["FR"]
    tree = ET.parse(ts_path)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") == "vanished" or translation.get("type") == "obsolete":
            continue
        value = table.get(source)
        if value is None:
            if translation.get("type") == "unfinished":
                missing.append(source)
            continue
        if message.get("numerus") == "yes":
            forms = value if isinstance(value, list) else [value, value]
            for child in list(translation):
                translation.remove(child)
            for form in forms:
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = value
        translation.attrib.pop("type", None)
    ET.indent(tree, space="    ")
    with open(ts_path, "wb") as fh:
        fh.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(fh, encoding="utf-8", xml_declaration=False)
        fh.write(b"\n")
    for source in missing:
        print("unfinished:", source)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2]))
