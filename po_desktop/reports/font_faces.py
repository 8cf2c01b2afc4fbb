"""The bundled TrueType fonts, their parse kept between runs.

reportlab reads a font's character map and metrics in Python, value by value: 15 ms
for each DejaVu face, paid by every pack, letter and card sheet, for the same file each
time. What that parse finds (the face's attributes: numbers, strings, lists and dicts)
is kept in the cache folder (:mod:`po_desktop.kept`) and read back next time in a
fraction of that; the font's bytes are read from the font file itself, as reportlab
reads them.

The copy is used only when it was made from this very file (the same path, and the
same bytes: their size and CRC-32, 0.1 ms to check) by this version of reportlab;
anything else (no copy yet, another font under that name, another version, a damaged
copy, a read-only cache folder) parses the font as before. The face is the one the
parse gives, so the PDF is the same byte for byte.
"""

from __future__ import annotations

import zlib
from fnmatch import fnmatch
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

from po_desktop import kept

_FORMAT = 1
"""Raised when what is kept changes meaning."""

_REREAD = ("_ttf_data", "_pdfScale")
"""Face attributes not kept: the font's bytes (read from its file) and the scale
function reportlab derives from the units per em."""


def load(name: str, path: Path) -> TTFont:
    """The font in ``path`` under ``name``, as ``TTFont(name, path)`` makes it."""
    try:
        data = path.read_bytes()
    except OSError:  # reportlab says what is wrong with it, as before
        return TTFont(name, str(path))
    key = (_FORMAT, reportlab.Version, str(path), len(data), zlib.crc32(data))
    face = _kept_face(key, data)
    if face is None:
        font = TTFont(name, str(path))
        if vars(font.face).get("_ttf_data") == data:  # not replaced between the two reads
            _keep(font.face, key)
        return font
    # What TTFont.__init__ does, but for the parse: the face is the kept one.
    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    vars(font)["_asciiReadable"] = rl_config.ttfAsciiReadable
    unshaped: Any = getattr(rl_config, "unShapedFontGlob", _NO_SHAPING)
    if unshaped is not _NO_SHAPING:  # a reportlab that shapes text (4.1 and later)
        font.shapable = not any(fnmatch(name, pattern) for pattern in unshaped or ())
    return font


_NO_SHAPING = object()
"""reportlab before 4.1 has no ``unShapedFontGlob`` setting, and its fonts no
``shapable`` attribute."""


def _copy_name(key: tuple[Any, ...]) -> str:
    """One copy per font file and content (two installs, an upgraded font: one each)."""
    where = zlib.crc32(key[2].encode("utf-8"))
    return f"fonts/{Path(key[2]).stem}-{where:08x}-{key[4]:08x}.marshal"


def _kept_face(key: tuple[Any, ...], data: bytes) -> TTFontFace | None:
    """The face kept for this very font (the same file, the same bytes), or None."""
    found = kept.read(_copy_name(key), key)
    if found is None:
        return None
    try:
        attributes, names = found[0]
        state: dict[str, Any] = dict(attributes)
        for attribute, text in names.items():
            state[attribute] = TTFNameBytes(text.encode("utf-8"))
        state["_ttf_data"] = data
        state["_pdfScale"] = _scale(state["unitsPerEm"])
    except (KeyError, ValueError, TypeError, AttributeError):
        return None
    face = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(state)
    return face


def _scale(units_per_em: int) -> Any:
    """reportlab's font units to PDF's (thousandths of the size), as its parse makes it."""
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor


def _keep(face: TTFontFace, key: tuple[Any, ...]) -> None:
    """Keep what the parse found: its plain values (marshal refuses anything else)."""
    if not callable(face.__dict__.get("_pdfScale")):
        return  # not the reportlab this module knows: parsed each time
    attributes = {}
    names = {}
    for attribute, value in vars(face).items():
        if attribute in _REREAD:
            continue
        if isinstance(value, TTFNameBytes):
            names[attribute] = value.ustr
        else:
            attributes[attribute] = value
    kept.write(_copy_name(key), key, (attributes, names))
