"""The bundled TrueType fonts, their parse kept between runs.

reportlab reads a font's character map and metrics in Python, value by value: 15 ms
for each DejaVu face, paid by every pack, letter and card sheet, for the same file each
time. What that parse finds (the face's attributes: numbers, strings, lists and dicts)
is kept in the cache folder (:mod:`po_desktop.kept`) and read back next time in a
fraction of that; the font's bytes are read from the font file itself, as reportlab
reads them.

The copy is used only when it was made from this very file (same path, size and
modification time) by this version of reportlab; anything else (no copy yet, another
version, a damaged file, a read-only cache folder) parses the font as before. The face
is the one the parse gives, so the PDF is the same byte for byte.
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
    key = _key(path)
    face = _kept_face(path, key) if key is not None else None
    if face is None:
        font = TTFont(name, str(path))
        if key is not None:
            _keep(font.face, path, key)
        return font
    # What TTFont.__init__ does, but for the parse: the face is the kept one.
    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    vars(font)["_asciiReadable"] = rl_config.ttfAsciiReadable
    unshaped = rl_config.unShapedFontGlob or ()
    font.shapable = not any(fnmatch(name, pattern) for pattern in unshaped)
    return font


def _key(path: Path) -> tuple[Any, ...] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (_FORMAT, reportlab.Version, str(path.resolve()), st.st_size, st.st_mtime_ns)


def _copy_name(path: Path, key: tuple[Any, ...]) -> str:
    where = zlib.crc32(key[2].encode("utf-8"))  # two installs keep a copy each
    return f"fonts/{path.stem}-{where:08x}.marshal"


def _kept_face(path: Path, key: tuple[Any, ...]) -> TTFontFace | None:
    """The face kept for this very file, or None."""
    found = kept.read(_copy_name(path, key), key)
    if found is None:
        return None
    try:
        attributes, names = found[0]
        data = path.read_bytes()
    except (OSError, ValueError, TypeError):
        return None
    if len(data) != key[3]:
        return None
    face = TTFontFace.__new__(TTFontFace)
    state: dict[str, Any] = dict(attributes)
    for attribute, text in names.items():
        state[attribute] = TTFNameBytes(text.encode("utf-8"))
    state["_ttf_data"] = data
    state["_pdfScale"] = _scale(state["unitsPerEm"])
    face.__dict__.update(state)
    return face


def _scale(units_per_em: int) -> Any:
    """reportlab's font units to PDF's (thousandths of the size), as its parse makes it."""
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor


def _keep(face: TTFontFace, path: Path, key: tuple[Any, ...]) -> None:
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
    kept.write(_copy_name(path, key), key, (attributes, names))
