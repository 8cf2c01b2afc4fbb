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

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    LongTable,
    PageBreak,
    Paragraph,
    Spacer,
    TableStyle,
)
from reportlab.platypus.paragraph import cleanBlockQuotedText

from po_desktop.domain import formatting
from po_desktop.domain.messages import choice_label
from po_desktop.domain.scoring import score_text
from po_desktop.i18n import plural
from po_desktop.reports.pack_charts import burndown_chart, velocity_chart
from po_desktop.reports.pack_texts import (
    SESSIONS,
    date_text,
    number_text,
    pack_label,
    points_text,
)
from po_desktop.reports.pdf_metadata import Metadata, NumberedCanvas, a4_document
from po_desktop.reports.pdf_text import (
    BOLD,
    FONT,
    clip_title,
    draw_text,
    one_font,
    plain_text,
    register_fonts,
    text,
    typeset,
)
from po_desktop.reports.review import NeedLine, ReviewData


class _Paragraph(Paragraph):
    """A paragraph that breaks its lines once per width: a long table asks each cell's
    height for every page it splits over, then again to draw it, always at its column's
    width. Line breaking depends on the width alone (and the text and style, which never
    change), so the answer at the same width, lines still there, is the one computed."""

    _wrapped: tuple[float, tuple[float, float]] | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        # reportlab's split() drops the lines (blPara) when it pushes the paragraph on:
        # then they are broken again.
        if (
            self._wrapped is not None
            and self._wrapped[0] == avail_width
            and hasattr(self, "blPara")
        ):
            return self._wrapped[1]
        size: tuple[float, float] = super().wrap(avail_width, avail_height)
        self._wrapped = (avail_width, size)
        return size


class _LongTable(LongTable):
    """A long table that measures each row once: reportlab measures the rows a page
    holds when the table is wrapped, then again when it is split there (the heights it
    computed are not kept on the table, only handed to the parts). A row's height
    depends on its cells and the column widths alone, neither of which changes."""

    def _calc_height(self, *args: Any, **kwargs: Any) -> None:
        parent: Any = super()  # reportlab's internals, untyped
        parent._calc_height(*args, **kwargs)
        table: Any = self
        table._argH = table._rowHeights  # rows not reached yet stay None: measured later


class _Styles:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._fragments: dict[ParagraphStyle, Any] = {}
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
        """A paragraph of text as typed (ours or the user's), in this pack's language.

        Most are one run of plain text (a title): their one fragment is the style's,
        made once, with this text, instead of reportlab's markup parser run again for
        each (a parser built per paragraph, 465 of them in a pack of 300 needs). Text
        with markup (a line break, the emoji font, an escaped character) is parsed.
        """
        markup = text(value, self.lang)
        template = self._plain_fragment(style)
        if template is None or "<" in markup or "&" in markup:
            return _Paragraph(markup, style)
        cleaned = cleanBlockQuotedText(markup)  # reportlab's own whitespace rule
        if not cleaned:
            return _Paragraph(markup, style)
        fragment = template.clone(text=cleaned)
        for name, attribute in vars(template).items():
            if isinstance(attribute, list):  # links, underlines: this paragraph's own
                setattr(fragment, name, list(attribute))
        return _Paragraph(cleaned, style, frags=[fragment])

    def _plain_fragment(self, style: ParagraphStyle) -> Any:
        """The fragment reportlab's parser makes of plain text in ``style`` (None if a
        plain word does not parse into one fragment holding it, then every text is
        parsed)."""
        if style not in self._fragments:
            frags = Paragraph("x", style).frags
            one = len(frags) == 1 and frags[0].text == "x" and not style.textTransform
            self._fragments[style] = frags[0] if one else None
        return self._fragments[style]


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
            elif not one_font(value):
                cells.append(styles.para(value if i not in short else plain_text(c), styles.cell))
            elif i in short:
                cells.append(plain_text(c))
            elif "\n" not in value and pdfmetrics.stringWidth(value, FONT, size) <= room[i]:
                cells.append(plain_text(value, limit=None))  # fits on one line: no wrapping needed
            else:
                cells.append(styles.para(c, styles.cell))
        data.append(cells)
    heights = None if row_height is None else [None] + [row_height] * len(rows)
    table = _LongTable(
        data,
        colWidths=list(widths),
        rowHeights=heights,
        repeatRows=1 if any(header) else 0,
        splitByRow=True,
        splitInRow=1,  # a cell taller than a page (a long rationale) splits, not fails
    )
    style: list[tuple[Any, ...]] = [  # commands: name, first cell, last cell, values
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

    generated = date_text(data.generated.date(), lang)
    footer_left = f"{clip_title(data.name, 40)} — {pack_label('generated', lang)} {generated}"

    def footer(canvas: Canvas, number: int, total: int) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(colors.black)
        canvas.line(25 * mm, 14 * mm, A4[0] - 18 * mm, 14 * mm)
        draw_text(canvas, 25 * mm, 10 * mm, footer_left, 7.5)
        canvas.setFont(FONT, 7.5)
        canvas.drawRightString(
            A4[0] - 18 * mm, 10 * mm, pack_label("page", lang, n=number, total=total)
        )
        canvas.restoreState()

    meta = metadata(data, lang)
    canvas_class = type(
        "_PackCanvas", (NumberedCanvas,), {"footer": staticmethod(footer), "metadata": meta}
    )
    pages: list[int] = []

    def count(canvas: Canvas, _doc: object) -> None:
        pages.append(canvas.getPageNumber())

    # A wider left margin: room for binding.
    doc = a4_document(output, meta, (25 * mm, 18 * mm, 18 * mm, 20 * mm), 9)
    doc.build(story, onFirstPage=count, onLaterPages=count, canvasmaker=canvas_class)
    return len(pages)


def metadata(data: ReviewData, lang: str) -> Metadata:
    """Title, subject, author and keywords of a sprint's pack, in its language."""
    name = plain_text(clip_title(data.name, 200), limit=None)
    subject = pack_label(
        "subject", lang, name=name, start=date_text(data.start, lang), end=date_text(data.end, lang)
    )
    keywords = [pack_label("title", lang), name]
    keywords += [plain_text(clip_title(p, 200), limit=None) for p in data.projects]
    return Metadata(
        title=f"{pack_label('title', lang)} — {name}",
        subject=typeset(subject, lang),
        author=plain_text(clip_title(data.product_owner, 300), limit=None) or "PO Desktop",
        keywords=tuple(dict.fromkeys(k for k in keywords if k.strip())),
        lang=lang,
    )


def _cover(data: ReviewData, s: _Styles, lang: str) -> list[Any]:
    rows = [
        (pack_label("dates", lang), f"{date_text(data.start, lang)} → {date_text(data.end, lang)}"),
        (pack_label("goal", lang), data.goal or pack_label("none", lang)),
        (pack_label("projects", lang), ", ".join(data.projects) or pack_label("none", lang)),
        (pack_label("team", lang), ", ".join(data.team) or pack_label("none", lang)),
        (pack_label("po", lang), data.product_owner or pack_label("none", lang)),
        (pack_label("generated", lang), date_text(data.generated.date(), lang)),
    ]
    table = _LongTable(
        [[s.para(k, s.label), s.para(clip_title(v, 3000), s.body)] for k, v in rows],
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
        s.para(pack_label("title", lang), s.cover_title),
        Spacer(1, 6 * mm),
        s.para(clip_title(data.name, 200), s.cover_sub),
        Spacer(1, 4 * mm),
        s.para(choice_label(data.state, lang), s.cover_sub),
        Spacer(1, 20 * mm),
        table,
    ]


def _summary(data: ReviewData, s: _Styles, lang: str) -> list[Any]:
    rate = data.completion
    completed = number_text(data.completed_points, lang)
    if data.completed_added_points:
        added = number_text(data.completed_added_points, lang)
        completed += f" ({pack_label('completed_added', lang, points=added)})"
    committed = "committed_start" if data.started else "committed"
    figures = [
        (pack_label(committed, lang), number_text(data.committed_points, lang)),
        (pack_label("completed", lang), completed),
        (pack_label("rate", lang), "—" if rate is None else f"{number_text(rate * 100, lang)} %"),
        (pack_label("n_done", lang), str(len(data.done))),
        (pack_label("n_not_done", lang), str(len(data.not_done))),
        (pack_label("n_removed", lang), str(len(data.removed))),
        (pack_label("n_added", lang), str(data.added)),
    ]
    story: list[Any] = [s.para(pack_label("summary", lang), s.h1)]
    if not (data.done or data.not_done or data.removed):
        story.append(s.para(pack_label("empty_sprint", lang), s.body))
        story.append(Spacer(1, 3 * mm))
    story.append(_table(["", ""], figures, [80 * mm, 25 * mm], s, numeric=(1,), plain=(0,)))
    story.append(CondPageBreak(80 * mm))
    story.append(s.para(pack_label("velocity", lang), s.h2))
    story.append(velocity_chart(data, lang))
    average = data.average_velocity
    story.append(s.para(pack_label("velocity_note", lang, avg=number_text(average, lang)), s.small))
    story.append(CondPageBreak(80 * mm))
    story.append(s.para(pack_label("burndown", lang), s.h2))
    story.append(burndown_chart(data, lang))
    story.append(s.para(pack_label("burndown_note", lang), s.small))
    return story


_NEED_COLUMNS: dict[str, tuple[str, float, Callable[[NeedLine, str], str]]] = {
    # column: (header text key, width in mm, cell); the title takes the width left
    "key": ("key", 20, lambda n, _l: n.key + (" *" if n.added else "")),
    "title": ("need", 0, lambda n, _l: clip_title(n.title)),
    "project": ("project", 18, lambda n, _l: n.project),
    "column": ("column", 25, lambda n, _l: n.column),
    "points": ("points", 15, lambda n, lang: points_text(n.points, lang)),
    "requester": ("requester", 30, lambda n, _l: clip_title(n.requester, 80)),
    "unit": ("unit", 27, lambda n, _l: clip_title(n.business_unit, 60)),
    "goes_to": ("next_place", 37, lambda n, lang: n.goes_to or pack_label("backlog", lang)),
}
_NEED_TABLES = {
    "done": ("key", "title", "project", "points", "requester", "unit"),
    "not_done": ("key", "title", "column", "points", "goes_to"),
    "other": ("key", "title", "project", "column", "points"),
}
_TEXT_WIDTH = 167  # mm between the margins


def _need_table(lines: list[NeedLine], s: _Styles, lang: str, kind: str) -> Any:
    if not lines:
        return s.para(pack_label("empty", lang), s.body)
    columns = _NEED_TABLES[kind]
    specs = [_NEED_COLUMNS[c] for c in columns]
    title = _TEXT_WIDTH - sum(width for _h, width, _cell in specs)
    return _table(
        [pack_label(header, lang) for header, _w, _cell in specs],
        [[cell(n, lang) for _h, _w, cell in specs] for n in lines],
        [(width or title) * mm for _h, width, _cell in specs],
        s,
        numeric=(columns.index("points"),),
        plain=tuple(i for i, c in enumerate(columns) if c in ("key", "project")),
    )


def _need_sections(data: ReviewData, s: _Styles, lang: str) -> list[Any]:
    story: list[Any] = [PageBreak()]
    for kind, lines in (("done", data.done), ("not_done", data.not_done)):
        story.append(s.para(pack_label(kind, lang), s.h1))
        story.append(_need_table(lines, s, lang, kind))
        if any(n.added for n in lines):  # under the table whose keys carry the mark
            story.append(s.para(pack_label("added_mark", lang), s.small))
    story.append(s.para(pack_label("removed", lang), s.h2))
    story.append(_need_table(data.removed, s, lang, "other"))
    story.append(s.para(pack_label("outside", lang), s.h2))
    story.append(_need_table(data.outside, s, lang, "other"))
    if data.attachments:
        story.append(s.para(pack_label("attachments", lang), s.h2))
        headers = [pack_label(name, lang) for name in ("key", "file", "size")]
        rows = [[a.key, a.name, formatting.file_size(a.size, lang)] for a in data.attachments]
        widths = [20 * mm, (_TEXT_WIDTH - 45) * mm, 25 * mm]
        story.append(_table(headers, rows, widths, s, numeric=(2,), plain=(0,)))
    return story


def _decisions(data: ReviewData, s: _Styles, lang: str) -> list[Any]:
    story: list[Any] = [s.para(pack_label("decisions", lang), s.h1)]
    if not data.decisions:
        return [*story, s.para(pack_label("empty", lang), s.body)]
    header = [
        pack_label("need", lang),
        pack_label("score", lang),
        pack_label("decision", lang),
        pack_label("decided_on", lang),
        pack_label("rationale", lang),
        pack_label("by", lang),
    ]
    rows = [
        [
            f"{d.key} — {clip_title(d.title, 200)}",
            "—" if d.version is None else score_text(d.score),  # rounded as on screen
            choice_label(d.decision, lang),
            date_text(d.at.date(), lang) + ("" if d.version is None else f" (v{d.version})"),
            clip_title(d.rationale, 600) or "—",
            clip_title(d.decided_by, 80) or "—",
        ]
        for d in data.decisions
    ]
    widths = [42 * mm, 14 * mm, 18 * mm, 26 * mm, 44 * mm, 23 * mm]
    story.append(_table(header, rows, widths, s, numeric=(1,)))
    return story


def _next(data: ReviewData, s: _Styles, lang: str) -> list[Any]:
    story: list[Any] = [s.para(pack_label("next", lang), s.h1)]
    if data.next_name is None:
        return [*story, s.para(pack_label("next_none", lang), s.body)]
    story.append(Paragraph(f"<b>{text(clip_title(data.next_name, 200))}</b>", s.body))
    sep = " : " if lang == "fr" else ": "  # French puts a (no-break) space before the colon
    goal = clip_title(data.next_goal, 2000) or "—"
    story.append(s.para(f"{pack_label('goal', lang)}{sep}{goal}", s.body))
    forecast = number_text(data.next_forecast, lang)
    points = pack_label("points", lang).lower()
    story.append(s.para(f"{pack_label('forecast', lang)}{sep}{forecast} {points}", s.body))
    planned = number_text(data.next_planned, lang)
    story.append(s.para(f"{pack_label('planned', lang)}{sep}{planned} {points}", s.body))
    story = [KeepTogether(story)]  # the heading and the sprint's figures on one page
    story.append(s.para(pack_label("next_needs", lang), s.h2))
    if not data.next_needs and data.next_forecast is not None:
        return [*story, s.para(pack_label("next_full", lang), s.body)]
    story.append(_need_table(data.next_needs, s, lang, "other"))
    return story


def _rituals(data: ReviewData, s: _Styles, lang: str) -> list[Any]:
    story: list[Any] = [s.para(pack_label("rituals", lang), s.h1)]
    if not data.rituals:
        return [*story, s.para(pack_label("empty", lang), s.body)]
    rows = []
    for r in data.rituals:
        label = r.title or choice_label(r.kind, lang).capitalize()
        if len(r.days) > 3:
            span = f"{date_text(r.days[0], lang)} → {date_text(r.days[-1], lang)}"
            sessions = plural(SESSIONS, len(r.days), lang).format(n=len(r.days))
            when = f"{span} ({sessions})"
        else:
            when = ", ".join(date_text(d, lang) for d in r.days)
        rows.append([clip_title(label, 120), when, r.time])
    story.append(
        _table(
            [pack_label("ritual", lang), pack_label("when", lang), pack_label("time", lang)],
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
        [
            pack_label("name", lang),
            pack_label("role", lang),
            pack_label("present", lang),
            pack_label("signature", lang),
        ],
        rows,
        [55 * mm, 40 * mm, 20 * mm, 50 * mm],
        s,
        row_height=8 * mm,  # room to sign
    )
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey)]))
    title = s.para(pack_label("attendance", lang), s.h2)
    width = _TEXT_WIDTH * mm
    spacer = 6 * mm

    def height(flowable: Flowable, style: ParagraphStyle | None = None) -> float:
        room = flowable.wrap(width, A4[1])[1]
        return room + (style.spaceBefore + style.spaceAfter if style is not None else 0)

    below = height(title, s.h2) + height(table) + spacer
    heading = s.para(pack_label("notes", lang), s.h1)
    heading_height = height(heading, s.h1)
    lines = _RuledLines(width - 2 * mm, below)
    return [
        CondPageBreak(heading_height + lines.fewest * lines.PITCH + below),
        heading,
        lines,
        Spacer(1, spacer),
        KeepTogether([title, table]),
    ]
