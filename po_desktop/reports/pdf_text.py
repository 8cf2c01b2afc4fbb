"""Text in the PDF pack: its fonts (DejaVu Sans, Noto Emoji for what DejaVu lacks), the
font each character is set in, French spacing, and values made safe to print."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfgen.canvas import Canvas

from po_desktop import paths
from po_desktop.reports import font_faces

FONT, BOLD = "PODesktopSans", "PODesktopSans-Bold"


EMOJI = "PODesktopEmoji"
"""Noto Emoji (monochrome): what DejaVu Sans lacks, emoji first."""


TITLE_MAX = 300
"""A table cell shows at most this many characters of a title: a row must fit a page."""


def register_fonts() -> None:
    """The bundled DejaVu Sans (Latin, Greek, Cyrillic, arrows, check marks), embedded;
    Noto Emoji, for what it lacks, is registered by the first character that needs it
    (see :func:`_covered`): most documents have none, and each face costs a parse."""
    if BOLD in pdfmetrics.getRegisteredFontNames():
        return
    # Regular and bold only: the pack never slants text.
    # Without them the pack cannot embed its fonts: a clear error, not a PDF that depends
    # on the printer's fonts.
    regular = paths.required_resource("fonts/DejaVuSans.ttf")
    bold = paths.required_resource("fonts/DejaVuSans-Bold.ttf")
    pdfmetrics.registerFont(font_faces.load(FONT, regular))
    pdfmetrics.registerFont(font_faces.load(BOLD, bold))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)


def _register_emoji() -> None:
    """Noto Emoji, registered once, before any text is set in it."""
    if EMOJI in pdfmetrics.getRegisteredFontNames():
        return
    emoji = paths.required_resource("fonts/NotoEmoji-Regular.ttf")
    pdfmetrics.registerFont(font_faces.load(EMOJI, emoji))
    pdfmetrics.registerFontFamily(EMOJI, normal=EMOJI, bold=EMOJI, italic=EMOJI, boldItalic=EMOJI)


def escape(value: str) -> str:
    """``&``, ``<`` and ``>`` as XML entities, as ``xml.sax.saxutils.escape`` writes them:
    importing that module loads ``urllib.request``, ``http`` and ``email`` besides."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_ASTRAL = re.compile(r"^(<[0-9A-F]{2}> )<([0-9A-F]{5,6})>$", re.M)


def _to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """reportlab's ToUnicode map of a font subset, with characters beyond U+FFFF written
    as UTF-16 (a surrogate pair) as PDF wants: it writes <1F680>, and readers then lose
    every emoji when text is copied or searched."""
    cmap: str = _REPORTLAB_CMAP(fontname, subset)

    def utf16(match: re.Match[str]) -> str:
        pair = chr(int(match[2], 16)).encode("utf-16-be").hex().upper()
        return f"{match[1]}<{pair}>"

    return _ASTRAL.sub(utf16, cmap)


_REPORTLAB_CMAP = ttfonts.makeToUnicodeCMap


ttfonts.makeToUnicodeCMap = _to_unicode_cmap


@cache
def _covered(font: str) -> frozenset[int]:
    """The characters a registered font has a glyph for (asked of the emoji font, it
    registers it: a character DejaVu lacks is about to be set in it)."""
    if font == EMOJI:
        _register_emoji()
    face = pdfmetrics.getFont(font).face  # type: ignore[attr-defined]
    return frozenset(face.charToGlyph)


@cache
def _sans() -> frozenset[int]:
    """The characters DejaVu Sans has in both faces (regular and bold)."""
    return _covered(FONT) & _covered(BOLD)


def _text_font(char: str, previous: str | None) -> str | None:
    """The font that prints ``char``: DejaVu (regular and bold alike), else Noto Emoji;
    None when neither has it. A joiner or modifier (ZWJ, variation selector, skin tone,
    keycap) stays in the font of the character it belongs to when that font has it."""
    code = ord(char)
    sans = code in _sans()
    if previous == EMOJI and code in _covered(EMOJI) and _joins(char):
        return EMOJI
    if sans:
        return FONT
    return EMOJI if code in _covered(EMOJI) else None


def _joins(char: str) -> bool:
    return unicodedata.category(char) in ("Mn", "Me", "Cf", "Sk") or 0x1F3FB <= ord(char) <= 0x1F3FF


def _runs(value: str) -> list[tuple[str | None, str]]:
    """``value`` cut into (font, text) runs; font None for characters no font has, and
    for line ends and tabs (they are layout, not glyphs)."""
    if "\n" not in value and "\t" not in value and _sans().issuperset(map(ord, value)):
        return [(FONT, value)] if value else []  # most texts: one run, found in C
    runs: list[tuple[str | None, str]] = []
    previous: str | None = None
    for char in value:
        font = None if char in "\n\t" else _text_font(char, previous)
        if font is None and char not in "\n\t" and _invisible(char):
            continue  # a format character no font draws: nothing to print
        if font is None and char not in "\n\t":
            char, font = "\ufffd", FONT  # visibly not the character, never a wrong glyph
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + char)
        else:
            runs.append((font, char))
        previous = font
    return runs


def _invisible(char: str) -> bool:
    return unicodedata.category(char) == "Cf" or 0xFE00 <= ord(char) <= 0xFE0F


def single_font(value: str) -> str:
    """``value`` for a place that draws in one font (chart labels): what only the emoji
    font has prints as U+FFFD there."""
    return "".join("\ufffd" if font == EMOJI else run for font, run in _runs(value))


def one_font(value: str) -> bool:
    """True when DejaVu Sans (regular and bold) has every character of ``value``."""
    return _sans().issuperset(map(ord, value))


def draw_text(canvas: Canvas, x: float, y: float, value: str, size: float) -> None:
    """A one-line string drawn from ``x``, each run in the font that has it."""
    for font, run in _runs(plain_text(value, limit=None)):
        name = font or FONT
        canvas.setFont(name, size)
        canvas.drawString(x, y, run)
        x += pdfmetrics.stringWidth(run, name, size)


_BEFORE = re.compile(r"(?<=\S) ([:;?!»])")


_AFTER = re.compile(r"« ")


def typeset(value: str, lang: str) -> str:
    """French typography: a no-break space before ``: ; ? !`` and ``»`` and after ``«``,
    so no line starts with a lone colon. Only a plain space is replaced: what is printed
    reads the same, only where lines may break changes."""
    if lang != "fr":
        return value
    return _AFTER.sub("«\u00a0", _BEFORE.sub("\u00a0\\1", value))


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f]")
"""Control characters but line ends and tabs: printed as U+FFFD."""


def text(value: object, lang: str = "en") -> str:
    """User text made safe for Paragraph markup: printed exactly as typed, each character
    in a font that has it (in French, with its no-break spaces)."""
    value = str(value).replace("\r\n", "\n").replace("\r", "\n")  # Windows line ends
    cleaned = _CONTROL.sub("\ufffd", value)
    parts = []
    for font, run in _runs(typeset(cleaned, lang)):
        markup = escape(run).replace("\n", "<br/>")
        parts.append(f'<font name="{EMOJI}">{markup}</font>' if font == EMOJI else markup)
    return "".join(parts)


_CONTROL_ANY = re.compile("[\x00-\x1f]")


def plain_text(value: object, limit: int | None = 40) -> str:
    """A short value drawn as a plain string: one line, no control characters."""
    line = _CONTROL_ANY.sub(" ", str(value))
    return line if limit is None else line[:limit]


def clip_title(value: str, limit: int = TITLE_MAX) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"
