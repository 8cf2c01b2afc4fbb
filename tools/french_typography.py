"""French typography in a Qt Linguist .ts file: a no-break space before : ; ? ! and »,
after «, so a line never starts with a lone colon.

Usage: python tools/french_typography.py resources/translations/po_desktop_fr.ts
Rewrites translations in place (sources and everything else stay byte for byte) and
prints how many were changed. tests/ui/test_translations.py checks the result.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

NBSP = "\u00a0"
_BEFORE = re.compile(r"(?<=\S)[ \u202f]([:;?!»])")
_AFTER = re.compile(r"«[ \u202f]")
_ELEMENT = re.compile(r"(<(translation|numerusform)(?: [^>]*)?>)(.*?)(</\2>)", re.S)


def typeset(text: str) -> str:
    """``text`` with no-break spaces where French typography wants them."""
    return _AFTER.sub("«" + NBSP, _BEFORE.sub(NBSP + r"\1", text))


def main(path: str) -> int:
    file = Path(path)
    source = file.read_text(encoding="utf-8")
    changed = 0

    def fix(match: re.Match[str]) -> str:
        nonlocal changed
        body = typeset(match[3])
        changed += body != match[3]
        return f"{match[1]}{body}{match[4]}"

    file.write_text(_ELEMENT.sub(fix, source), encoding="utf-8")
    print(f"{changed} translation(s) set in French typography")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:]))
