"""The printed sprint-review pack: A4 portrait, embedded fonts, legible in black and white.

Built with reportlab's platypus from :class:`ReviewData`. Every text a user typed
is escaped before it reaches ``Paragraph`` markup, so a title such as
``<b>R&D</b>`` prints as written. Tables repeat their header row on each page,
headings stay with what follows, and the footer says ``page n / N``.

Text is set in DejaVu Sans; a character it lacks (an emoji) is set in the bundled
monochrome Noto Emoji, and one that neither has prints as U+FFFD, never as a glyph it is
not. French text gets its no-break spaces (before ``: ; ? !`` and ``»``, after ``«``). The
file says what it is: title, subject, author, keywords, language, in its information
dictionary and as XMP metadata.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import IO, Any, cast
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName, PDFStream
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    LongTable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)

from po_desktop import __version__, paths
from po_desktop.domain import formatting
from po_desktop.domain.messages import choice_label
from po_desktop.domain.scoring import score_text
from po_desktop.i18n import N_, NP_, gettext, plural
from po_desktop.reports.review import NeedLine, ReviewData

FONT, BOLD = "PODesktopSans", "PODesktopSans-Bold"
EMOJI = "PODesktopEmoji"
"""Noto Emoji (monochrome): what DejaVu Sans lacks, emoji first."""
TITLE_MAX = 300
"""A table cell shows at most this many characters of a title: a row must fit a page."""

_T: dict[str, str] = {
    "title": N_("Sprint review"),
    "goal": N_("Sprint goal"),
    "dates": N_("Dates"),
    "projects": N_("Projects involved"),
    "team": N_("Team"),
    "po": N_("Product owner"),
    "generated": N_("Generated on"),
    "none": N_("—"),
    "summary": N_("Summary"),
    "committed": N_("Points committed"),
    "completed": N_("Points completed"),
    "rate": N_("Completion rate"),
    "n_done": N_("Needs done"),
    "n_not_done": N_("Needs not done"),
    "n_removed": N_("Removed during the sprint"),
    "n_added": N_("Added during the sprint"),
    "velocity": N_("Velocity of the last sprints"),
    "velocity_note": N_(
        "Light bars: points committed; dark bars: points completed; "
        "dotted line: average of points completed ({avg})."
    ),
    "burndown": N_("Burndown: points left per working day"),
    "burndown_note": N_("Solid line and squares: points left; dashes: ideal line."),
    "done": N_("Completed needs"),
    "not_done": N_("Needs not completed"),
    "removed": N_("Removed from the sprint during it"),
    "outside": N_("Completed outside the sprint"),
    "decisions": N_("Scoring decisions taken during the sprint"),
    "next": N_("Next sprint preview"),
    "next_none": N_("No sprint is planned after this one."),
    "forecast": N_("Forecast capacity"),
    "planned": N_("Already planned (with what this sprint carries over)"),
    "next_full": N_("None: the next sprint is already full for its forecast."),
    "next_needs": N_("Top-ranked ready needs that fit the forecast"),
    "rituals": N_("Rituals of the sprint"),
    "notes": N_("Notes"),
    "attendance": N_("Attendance and sign-off"),
    "key": N_("Key"),
    "need": N_("Need"),
    "project": N_("Project"),
    "points": N_("Points"),
    "requester": N_("Requester"),
    "unit": N_("Business unit"),
    "column": N_("Column"),
    "next_place": N_("Goes to"),
    "backlog": N_("Backlog"),
    "score": N_("Score"),
    "decision": N_("Decision"),
    "rationale": N_("Rationale"),
    "by": N_("Decided by"),
    "decided_on": N_("Date (version)"),
    "ritual": N_("Ritual"),
    "when": N_("Dates"),
    "time": N_("Time"),
    "name": N_("Name"),
    "role": N_("Role"),
    "present": N_("Present"),
    "signature": N_("Signature"),
    "added_mark": N_("* added after the sprint started"),
    "empty": N_("None."),
    "empty_sprint": N_("This sprint holds no need: nothing was committed or completed."),
    "page": N_("page {n} / {total}"),
    "subject": N_("Review pack of the sprint “{name}”, {start} to {end}"),
}


SESSIONS = NP_("{n} session", "{n} sessions")


def _t(key: str, lang: str, **params: object) -> str:
    text = gettext(_T[key], lang)
    return text.format(**params) if params else text


def register_fonts() -> None:
    """The bundled DejaVu Sans (Latin, Greek, Cyrillic, arrows, check marks) and Noto
    Emoji for what it lacks, embedded."""
    if EMOJI in pdfmetrics.getRegisteredFontNames():
        return
    # Regular and bold only: the pack never slants text, and each face costs a parse.
    # Without them the pack cannot embed its fonts: a clear error, not a PDF that depends
    # on the printer's fonts.
    regular = paths.required_resource("fonts/DejaVuSans.ttf")
    bold = paths.required_resource("fonts/DejaVuSans-Bold.ttf")
    emoji = paths.required_resource("fonts/NotoEmoji-Regular.ttf")
    pdfmetrics.registerFont(TTFont(FONT, str(regular)))
    pdfmetrics.registerFont(TTFont(BOLD, str(bold)))
    pdfmetrics.registerFont(TTFont(EMOJI, str(emoji)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)
    pdfmetrics.registerFontFamily(EMOJI, normal=EMOJI, bold=EMOJI, italic=EMOJI, boldItalic=EMOJI)


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
    """The characters a registered font has a glyph for."""
    face = pdfmetrics.getFont(font).face  # type: ignore[attr-defined]
    return frozenset(face.charToGlyph)


def _text_font(char: str, previous: str | None) -> str | None:
    """The font that prints ``char``: DejaVu (regular and bold alike), else Noto Emoji;
    None when neither has it. A joiner or modifier (ZWJ, variation selector, skin tone,
    keycap) stays in the font of the character it belongs to when that font has it."""
    code = ord(char)
    sans = code in _covered(FONT) and code in _covered(BOLD)
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


def _one_font(value: str) -> bool:
    """True when DejaVu Sans (regular and bold) has every character of ``value``."""
    sans, bold = _covered(FONT), _covered(BOLD)
    return all(ord(c) in sans and ord(c) in bold for c in value)


def _draw(canvas: Canvas, x: float, y: float, value: str, size: float) -> None:
    """A one-line string drawn from ``x``, each run in the font that has it."""
    for font, run in _runs(_plain(value, limit=None)):
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


def text(value: object, lang: str = "en") -> str:
    """User text made safe for Paragraph markup: printed exactly as typed, each character
    in a font that has it (in French, with its no-break spaces)."""
    value = str(value).replace("\r\n", "\n").replace("\r", "\n")  # Windows line ends
    cleaned = "".join(c if c in "\n\t" or ord(c) >= 32 else "\ufffd" for c in value)
    parts = []
    for font, run in _runs(typeset(cleaned, lang)):
        markup = escape(run).replace("\n", "<br/>")
        parts.append(f'<font name="{EMOJI}">{markup}</font>' if font == EMOJI else markup)
    return "".join(parts)


def _plain(value: object, limit: int | None = 40) -> str:
    """A short value drawn as a plain string: one line, no control characters."""
    line = "".join(c if ord(c) >= 32 else " " for c in str(value))
    return line if limit is None else line[:limit]


def _short(value: str, limit: int = TITLE_MAX) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _number(value: float | None, lang: str) -> str:
    return "—" if value is None else formatting.number(value, lang)


def _points(value: float | None, lang: str) -> str:
    """A need's points as the app shows them: 0,5 · 3 · 13."""
    return "—" if value is None else formatting.number(value, lang, decimals=2)


def _date(day: date, lang: str) -> str:
    return formatting.day(day, lang)


class _Styles:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        base = ParagraphStyle(
            "base", fontName=FONT, bulletFontName=FONT, fontSize=9.5, leading=12.5
        )
        self.body = base
        self.small = ParagraphStyle("small", parent=base, fontSize=8, leading=10)
        self.cell = ParagraphStyle("cell", parent=base, fontSize=8, leading=9.8)
        self.cell_head = ParagraphStyle("cellhead", parent=self.cell, fontName=BOLD)
        self.number = ParagraphStyle("number", parent=self.cell, alignment=TA_RIGHT)
        self.h1 = ParagraphStyle(
            "h1",
            parent=base,
            fontName=BOLD,
            fontSize=15,
            leading=19,
            spaceBefore=6,
            spaceAfter=8,
            keepWithNext=True,
        )
        self.h2 = ParagraphStyle(
            "h2",
            parent=base,
            fontName=BOLD,
            fontSize=12,
            leading=15,
            spaceBefore=10,
            spaceAfter=5,
            keepWithNext=True,
        )
        self.cover_title = ParagraphStyle(
            "cover", parent=base, fontName=BOLD, fontSize=28, leading=34, alignment=TA_CENTER
        )
        self.cover_sub = ParagraphStyle(
            "coversub", parent=base, fontSize=16, leading=21, alignment=TA_CENTER
        )
        self.label = ParagraphStyle("label", parent=base, fontName=BOLD)

    def para(self, value: object, style: ParagraphStyle) -> Paragraph:
        """A paragraph of text as typed (ours or the user's), in this pack's language."""
        return Paragraph(text(value, self.lang), style)


def _table(
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    styles: _Styles,
    numeric: Sequence[int] = (),
    row_height: float | None = None,
    plain: Sequence[int] = (),
) -> LongTable:
    """A table that splits across pages with its header row repeated (none if empty).

    Numbers and the ``plain`` columns (keys, project codes: short by construction)
    are drawn as plain strings; only texts that may wrap, or that need the emoji font,
    become Paragraphs, which is most of the layout time of a 300-need pack.
    """
    short = set(numeric) | set(plain)
    room = [w - 6.5 for w in widths]  # the cell's width less its padding
    size = styles.cell.fontSize
    data: list[list[Any]] = (
        [[styles.para(h, styles.cell_head) for h in header]] if any(header) else []
    )
    for row in rows:
        cells: list[Any] = []
        for i, c in enumerate(row):
            value = str(c)
            if isinstance(c, Paragraph):
                cells.append(c)
            elif not _one_font(value):
                cells.append(styles.para(value if i not in short else _plain(c), styles.cell))
            elif i in short:
                cells.append(_plain(c))
            elif "\n" not in value and pdfmetrics.stringWidth(value, FONT, size) <= room[i]:
                cells.append(_plain(value, limit=None))  # fits on one line: no wrapping needed
            else:
                cells.append(styles.para(c, styles.cell))
        data.append(cells)
    heights = None if row_height is None else [None] + [row_height] * len(rows)
    table = LongTable(
        data,
        colWidths=list(widths),
        rowHeights=heights,
        repeatRows=1 if any(header) else 0,
        splitByRow=True,
        splitInRow=1,  # a cell taller than a page (a long rationale) splits, not fails
    )
    style = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), styles.cell.fontSize),
        ("LEADING", (0, 0), (-1, -1), styles.cell.leading),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.grey),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if any(header):
        style += [
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
            ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
        ]
    first = 1 if any(header) else 0
    style += [("ALIGN", (c, first), (c, -1), "RIGHT") for c in numeric]
    table.setStyle(TableStyle(style))
    return table


@dataclass(frozen=True)
class Metadata:
    """What the file says about itself, in its information dictionary and as XMP."""

    title: str
    subject: str
    author: str
    keywords: tuple[str, ...]
    lang: str
    creator: str = f"PO Desktop {__version__}"


def _xml(value: str) -> str:
    """Text as XML 1.0 element content: escaped, without the characters XML forbids."""
    allowed = "".join(
        c
        for c in value
        if c in "\t\n" or 0x20 <= ord(c) <= 0xD7FF or 0xE000 <= ord(c) <= 0xFFFD or ord(c) > 0xFFFF
    )
    return escape(allowed)


def xmp_packet(meta: Metadata, created: str, producer: str) -> str:
    """The XMP packet of the pack: Dublin Core title, description, creator, subject
    (keywords) and language; PDF keywords and producer; creation tool and dates."""

    def alt(value: str) -> str:
        return f'<rdf:Alt><rdf:li xml:lang="x-default">{_xml(value)}</rdf:li></rdf:Alt>'

    def items(kind: str, values: Sequence[str]) -> str:
        listed = "".join(f"<rdf:li>{_xml(v)}</rdf:li>" for v in values)
        return f"<rdf:{kind}>{listed}</rdf:{kind}>"

    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <dc:format>application/pdf</dc:format>
   <dc:title>{alt(meta.title)}</dc:title>
   <dc:description>{alt(meta.subject)}</dc:description>
   <dc:creator>{items("Seq", [meta.author])}</dc:creator>
   <dc:subject>{items("Bag", meta.keywords)}</dc:subject>
   <dc:language>{items("Bag", [meta.lang])}</dc:language>
   <pdf:Keywords>{_xml(", ".join(meta.keywords))}</pdf:Keywords>
   <pdf:Producer>{_xml(producer)}</pdf:Producer>
   <xmp:CreatorTool>{_xml(meta.creator)}</xmp:CreatorTool>
   <xmp:CreateDate>{created}</xmp:CreateDate>
   <xmp:ModifyDate>{created}</xmp:ModifyDate>
   <xmp:MetadataDate>{created}</xmp:MetadataDate>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""


class _NumberedCanvas(Canvas):
    """Two passes in one: pages are kept until the end, then stamped 'page n / N'."""

    footer: Callable[[Canvas, int, int], None] = staticmethod(lambda _c, _n, _t: None)
    metadata: Metadata | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Start on the embedded font: the default Helvetica is not embedded, and a
        # PDF that names it depends on the printer's fonts.
        kwargs.setdefault("initialFontName", FONT)
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, page in enumerate(self._pages, start=1):
            self.__dict__.update(page)
            type(self).footer(self, number, total)
            super().showPage()
        meta = type(self).metadata
        document: Any = cast(Any, self)._doc  # reportlab's PDFDocument, untyped
        if meta is not None:
            document.Catalog.Metadata = PDFStream(
                PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
                xmp_packet(meta, _xmp_date(document), document.info.producer).encode("utf-8"),
                filters=[],  # readers find metadata uncompressed
            )
        super().save()


def _xmp_date(document: Any) -> str:
    """The information dictionary's creation date, as XMP writes dates."""
    stamp = document._timeStamp
    year, month, day, hour, minute, second = stamp.YMDhms
    sign = "-" if stamp.dhh < 0 else "+"
    return (
        f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}"
        f"{sign}{abs(stamp.dhh):02d}:{stamp.dmm:02d}"
    )


def build_pack(data: ReviewData, output: Path | IO[bytes], lang: str = "fr") -> int:
    """Write the pack to ``output`` (a file name or a binary file); returns its number
    of pages."""
    register_fonts()
    styles = _Styles(lang)
    story: list[Any] = []
    story += _cover(data, styles, lang)
    story.append(PageBreak())
    story += _summary(data, styles, lang)
    story += _need_sections(data, styles, lang)
    story += _decisions(data, styles, lang)
    story += _next(data, styles, lang)
    story += _rituals(data, styles, lang)
    story += _notes_page(data, styles, lang)

    generated = _date(data.generated.date(), lang)
    footer_left = f"{_short(data.name, 40)} — {_t('generated', lang)} {generated}"

    def footer(canvas: Canvas, number: int, total: int) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(colors.black)
        canvas.line(25 * mm, 14 * mm, A4[0] - 18 * mm, 14 * mm)
        _draw(canvas, 25 * mm, 10 * mm, footer_left, 7.5)
        canvas.setFont(FONT, 7.5)
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, _t("page", lang, n=number, total=total))
        canvas.restoreState()

    meta = metadata(data, lang)
    canvas_class = type(
        "_PackCanvas", (_NumberedCanvas,), {"footer": staticmethod(footer), "metadata": meta}
    )
    pages: list[int] = []

    def count(canvas: Canvas, _doc: object) -> None:
        pages.append(canvas.getPageNumber())

    doc = SimpleDocTemplate(
        output if not isinstance(output, Path) else str(output),
        pagesize=A4,
        leftMargin=25 * mm,  # room for binding
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=20 * mm,
        title=meta.title,
        subject=meta.subject,
        author=meta.author,
        keywords=list(meta.keywords),
        creator=meta.creator,
        lang=lang,
        initialFontName=FONT,  # never the unembedded Helvetica
        initialFontSize=9,
    )
    doc.build(story, onFirstPage=count, onLaterPages=count, canvasmaker=canvas_class)
    return len(pages)


def metadata(data: ReviewData, lang: str) -> Metadata:
    """Title, subject, author and keywords of a sprint's pack, in its language."""
    name = _plain(_short(data.name, 200), limit=None)
    subject = _t(
        "subject", lang, name=name, start=_date(data.start, lang), end=_date(data.end, lang)
    )
    keywords = [_t("title", lang), name]
    keywords += [_plain(_short(p, 200), limit=None) for p in data.projects]
    return Metadata(
        title=f"{_t('title', lang)} — {name}",
        subject=typeset(subject, lang),
        author=_plain(_short(data.product_owner, 300), limit=None) or "PO Desktop",
        keywords=tuple(dict.fromkeys(k for k in keywords if k.strip())),
        lang=lang,
    )


def _cover(data: ReviewData, s: _Styles, lang: str) -> list[Any]:
    rows = [
        (_t("dates", lang), f"{_date(data.start, lang)} → {_date(data.end, lang)}"),
        (_t("goal", lang), data.goal or _t("none", lang)),
        (_t("projects", lang), ", ".join(data.projects) or _t("none", lang)),
        (_t("team", lang), ", ".join(data.team) or _t("none", lang)),
        (_t("po", lang), data.product_owner or _t("none", lang)),
        (_t("generated", lang), _date(data.generated.date(), lang)),
    ]
    table = LongTable(
        [[s.para(k, s.label), s.para(_short(v, 3000), s.body)] for k, v in rows],
        colWidths=[45 * mm, 120 * mm],
        splitInRow=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),  # a table sets its font per cell
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.grey),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return [
        Spacer(1, 55 * mm),
        s.para(_t("title", lang), s.cover_title),
        Spacer(1, 6 * mm),
        s.para(_short(data.name, 200), s.cover_sub),
        Spacer(1, 4 * mm),
        s.para(choice_label(data.state, lang), s.cover_sub),
        Spacer(1, 20 * mm),
        table,
    ]


def _summary(data: ReviewData, s: _Styles, lang: str) -> list[Any]:
    rate = data.completion
    figures = [
        (_t("committed", lang), _number(data.committed_points, lang)),
        (_t("completed", lang), _number(data.completed_points, lang)),
        (_t("rate", lang), "—" if rate is None else f"{_number(rate * 100, lang)} %"),
        (_t("n_done", lang), str(len(data.done))),
        (_t("n_not_done", lang), str(len(data.not_done))),
        (_t("n_removed", lang), str(len(data.removed))),
        (_t("n_added", lang), str(data.added)),
    ]
    story: list[Any] = [s.para(_t("summary", lang), s.h1)]
    if not (data.done or data.not_done or data.removed):
        story.append(s.para(_t("empty_sprint", lang), s.body))
        story.append(Spacer(1, 3 * mm))
    story.append(_table(["", ""], figures, [80 * mm, 25 * mm], s, numeric=(1,), plain=(0,)))
    story.append(CondPageBreak(80 * mm))
    story.append(s.para(_t("velocity", lang), s.h2))
    story.append(_velocity_chart(data, lang))
    average = data.average_velocity
    story.append(s.para(_t("velocity_note", lang, avg=_number(average, lang)), s.small))
    story.append(CondPageBreak(80 * mm))
    story.append(s.para(_t("burndown", lang), s.h2))
    story.append(_burndown_chart(data, lang))
    story.append(s.para(_t("burndown_note", lang), s.small))
    return story


def _drawing(height: float) -> Drawing:
    """A drawing the width of the text, starting on the embedded font (not Helvetica)."""
    drawing = Drawing(165 * mm, height)
    drawing.initialFontName = FONT
    drawing.initialFontSize = 8
    return drawing


def _velocity_chart(data: ReviewData, lang: str) -> Drawing:
    drawing = _drawing(62 * mm)
    bars = data.velocity or []
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * mm, 10 * mm
    chart.width, chart.height = 145 * mm, 46 * mm
    chart.data = [[b.committed for b in bars] or [0], [b.completed for b in bars] or [0]]
    chart.categoryAxis.categoryNames = [single_font(_short(b.sprint, 18)) for b in bars] or [""]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = lambda v: _number(v, lang)
    chart.valueAxis.valueMin = 0
    top = max([b.committed for b in bars] + [b.completed for b in bars] + [1])
    chart.valueAxis.valueMax = top * 1.15
    chart.bars[0].fillColor = colors.Color(0.82, 0.82, 0.82)
    chart.bars[1].fillColor = colors.Color(0.2, 0.2, 0.2)
    for series in (0, 1):
        chart.bars[series].strokeColor = colors.black
        chart.bars[series].strokeWidth = 0.5
    chart.barLabelFormat = lambda v: _number(v, lang)
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 6.5
    chart.barLabels.nudge = 6
    drawing.add(chart)
    average = data.average_velocity
    if average is not None and bars:
        y = chart.y + chart.height * average / chart.valueAxis.valueMax
        drawing.add(
            Line(chart.x, y, chart.x + chart.width, y, strokeDashArray=[1.5, 2], strokeWidth=0.8)
        )
        drawing.add(
            String(
                chart.x + chart.width - 2,
                y + 2,
                _number(average, lang),
                fontName=FONT,
                fontSize=7,
                textAnchor="end",
            )
        )
    legend = Legend()
    legend.fontName = FONT
    legend.fontSize = 7
    legend.x, legend.y = 14 * mm, 60 * mm
    legend.columnMaximum = 1
    legend.deltax = 60 * mm
    legend.alignment = "right"
    legend.colorNamePairs = [
        (chart.bars[0].fillColor, _t("committed", lang)),
        (chart.bars[1].fillColor, _t("completed", lang)),
    ]
    drawing.add(legend)
    return drawing


def _burndown_chart(data: ReviewData, lang: str) -> Drawing:
    drawing = _drawing(62 * mm)
    days = [d for d, _v in data.ideal]
    if not days:
        return drawing
    index = {d: i for i, d in enumerate(days)}
    actual = [(index[d], v) for d, v in data.burndown if v is not None and d in index]
    ideal = [(index[d], v) for d, v in data.ideal]
    plot = LinePlot()
    plot.x, plot.y = 12 * mm, 10 * mm
    plot.width, plot.height = 145 * mm, 46 * mm
    plot.data = [ideal, actual or [(0, ideal[0][1])]]
    plot.lines[0].strokeColor = colors.Color(0.45, 0.45, 0.45)
    plot.lines[0].strokeDashArray = [4, 3]
    plot.lines[0].strokeWidth = 1
    plot.lines[1].strokeColor = colors.black
    plot.lines[1].strokeWidth = 1.6
    plot.lines[1].symbol = makeMarker("FilledSquare", size=4)
    plot.xValueAxis.valueMin = 0
    plot.xValueAxis.valueMax = max(1, len(days) - 1)
    plot.xValueAxis.valueSteps = list(range(len(days)))
    plot.xValueAxis.labelTextFormat = lambda i: (
        days[int(i)].strftime("%d/%m") if 0 <= int(i) < len(days) else ""
    )
    plot.xValueAxis.labels.fontName = FONT
    plot.xValueAxis.labels.fontSize = 6.5
    plot.yValueAxis.valueMin = 0
    top = max([v for _i, v in ideal] + [v for _i, v in actual] + [1])
    plot.yValueAxis.valueMax = top * 1.1
    plot.yValueAxis.labels.fontName = FONT
    plot.yValueAxis.labels.fontSize = 7
    plot.yValueAxis.labelTextFormat = lambda v: _number(v, lang)
    drawing.add(plot)
    return drawing


_NEED_COLUMNS: dict[str, tuple[str, float, Callable[[NeedLine, str], str]]] = {
    # column: (header text key, width in mm, cell); the title takes the width left
    "key": ("key", 20, lambda n, _l: n.key + (" *" if n.added else "")),
    "title": ("need", 0, lambda n, _l: _short(n.title)),
    "project": ("project", 18, lambda n, _l: n.project),
    "column": ("column", 25, lambda n, _l: n.column),
    "points": ("points", 15, lambda n, lang: _points(n.points, lang)),
    "requester": ("requester", 30, lambda n, _l: _short(n.requester, 80)),
    "unit": ("unit", 27, lambda n, _l: _short(n.business_unit, 60)),
    "goes_to": ("next_place", 37, lambda n, lang: n.goes_to or _t("backlog", lang)),
}
_NEED_TABLES = {
    "done": ("key", "title", "project", "points", "requester", "unit"),
    "not_done": ("key", "title", "column", "points", "goes_to"),
    "other": ("key", "title", "project", "column", "points"),
}
_TEXT_WIDTH = 167  # mm between the margins


def _need_table(lines: list[NeedLine], s: _Styles, lang: str, kind: str) -> Any:
    if not lines:
        return s.para(_t("empty", lang), s.body)
    columns = _NEED_TABLES[kind]
    specs = [_NEED_COLUMNS[c] for c in columns]
    title = _TEXT_WIDTH - sum(width for _h, width, _cell in specs)
    return _table(
        [_t(header, lang) for header, _w, _cell in specs],
        [[cell(n, lang) for _h, _w, cell in specs] for n in lines],
        [(width or title) * mm for _h, width, _cell in specs],
        s,
        numeric=(columns.index("points"),),
        plain=tuple(i for i, c in enumerate(columns) if c in ("key", "project")),
    )


def _need_sections(data: ReviewData, s: _Styles, lang: str) -> list[Any]:
    story: list[Any] = [PageBreak()]
    for kind, lines in (("done", data.done), ("not_done", data.not_done)):
        story.append(s.para(_t(kind, lang), s.h1))
        story.append(_need_table(lines, s, lang, kind))
        if any(n.added for n in lines):  # under the table whose keys carry the mark
            story.append(s.para(_t("added_mark", lang), s.small))
    story.append(s.para(_t("removed", lang), s.h2))
    story.append(_need_table(data.removed, s, lang, "other"))
    story.append(s.para(_t("outside", lang), s.h2))
    story.append(_need_table(data.outside, s, lang, "other"))
    return story


def _decisions(data: ReviewData, s: _Styles, lang: str) -> list[Any]:
    story: list[Any] = [s.para(_t("decisions", lang), s.h1)]
    if not data.decisions:
        return [*story, s.para(_t("empty", lang), s.body)]
    header = [
        _t("need", lang),
        _t("score", lang),
        _t("decision", lang),
        _t("decided_on", lang),
        _t("rationale", lang),
        _t("by", lang),
    ]
    rows = [
        [
            f"{d.key} — {_short(d.title, 200)}",
            "—" if d.version is None else score_text(d.score),  # rounded as on screen
            choice_label(d.decision, lang),
            _date(d.at.date(), lang) + ("" if d.version is None else f" (v{d.version})"),
            _short(d.rationale, 600) or "—",
            _short(d.decided_by, 80) or "—",
        ]
        for d in data.decisions
    ]
    widths = [42 * mm, 14 * mm, 18 * mm, 26 * mm, 44 * mm, 23 * mm]
    story.append(_table(header, rows, widths, s, numeric=(1,)))
    return story


def _next(data: ReviewData, s: _Styles, lang: str) -> list[Any]:
    story: list[Any] = [s.para(_t("next", lang), s.h1)]
    if data.next_name is None:
        return [*story, s.para(_t("next_none", lang), s.body)]
    story.append(Paragraph(f"<b>{text(_short(data.next_name, 200))}</b>", s.body))
    sep = " : " if lang == "fr" else ": "  # French puts a (no-break) space before the colon
    goal = _short(data.next_goal, 2000) or "—"
    story.append(s.para(f"{_t('goal', lang)}{sep}{goal}", s.body))
    forecast = _number(data.next_forecast, lang)
    points = _t("points", lang).lower()
    story.append(s.para(f"{_t('forecast', lang)}{sep}{forecast} {points}", s.body))
    planned = _number(data.next_planned, lang)
    story.append(s.para(f"{_t('planned', lang)}{sep}{planned} {points}", s.body))
    story.append(s.para(_t("next_needs", lang), s.h2))
    if not data.next_needs and data.next_forecast is not None:
        return [*story, s.para(_t("next_full", lang), s.body)]
    story.append(_need_table(data.next_needs, s, lang, "other"))
    return story


def _rituals(data: ReviewData, s: _Styles, lang: str) -> list[Any]:
    story: list[Any] = [s.para(_t("rituals", lang), s.h1)]
    if not data.rituals:
        return [*story, s.para(_t("empty", lang), s.body)]
    rows = []
    for r in data.rituals:
        label = r.title or choice_label(r.kind, lang).capitalize()
        if len(r.days) > 3:
            span = f"{_date(r.days[0], lang)} → {_date(r.days[-1], lang)}"
            sessions = plural(SESSIONS, len(r.days), lang).format(n=len(r.days))
            when = f"{span} ({sessions})"
        else:
            when = ", ".join(_date(d, lang) for d in r.days)
        rows.append([_short(label, 120), when, r.time])
    story.append(
        _table(
            [_t("ritual", lang), _t("when", lang), _t("time", lang)],
            rows,
            [60 * mm, 85 * mm, 20 * mm],
            s,
        )
    )
    return story


class _RuledLines(Flowable):  # type: ignore[misc]
    """Lines for handwriting: as many as the page holds above what must follow them
    (``below``), from ``fewest`` up to ``most``; when even the fewest do not fit, the
    page breaks before them and they fill the next one."""

    PITCH = 7.5 * mm

    def __init__(self, width: float, below: float, fewest: int = 4, most: int = 13) -> None:
        super().__init__()
        self.width, self.below, self.fewest, self.most = width, below, fewest, most
        self.count = most

    def wrap(self, _avail_width: float, avail_height: float) -> tuple[float, float]:
        room = int((avail_height - self.below) // self.PITCH)
        self.count = min(self.most, max(self.fewest, room))
        self.height = self.count * self.PITCH
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(colors.Color(0.6, 0.6, 0.6))
        canvas.setLineWidth(0.4)
        for i in range(self.count):
            y = self.height - i * self.PITCH
            canvas.line(0, y, self.width, y)


def _notes_page(data: ReviewData, s: _Styles, lang: str) -> list[Any]:
    """Notes, then attendance and sign-off: on the page the rituals end on when they fit
    there with at least four lines to write on, else on a page of their own."""
    names = list(data.team) or [""] * 6
    rows = [[name, data.roles.get(name, ""), "", ""] for name in names]
    rows += [["", "", "", ""] for _ in range(3)]
    table = _table(
        [_t("name", lang), _t("role", lang), _t("present", lang), _t("signature", lang)],
        rows,
        [55 * mm, 40 * mm, 20 * mm, 50 * mm],
        s,
        row_height=8 * mm,  # room to sign
    )
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey)]))
    title = s.para(_t("attendance", lang), s.h2)
    width = _TEXT_WIDTH * mm
    spacer = 6 * mm

    def height(flowable: Flowable, style: ParagraphStyle | None = None) -> float:
        room = flowable.wrap(width, A4[1])[1]
        return room + (style.spaceBefore + style.spaceAfter if style is not None else 0)

    below = height(title, s.h2) + height(table) + spacer
    heading = s.para(_t("notes", lang), s.h1)
    heading_height = height(heading, s.h1)
    lines = _RuledLines(width - 2 * mm, below)
    return [
        CondPageBreak(heading_height + lines.fewest * lines.PITCH + below),
        heading,
        lines,
        Spacer(1, spacer),
        KeepTogether([title, table]),
    ]
