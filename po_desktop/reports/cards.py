"""Printed cards for a physical board: A4 sheets of 6 or 8 cards to cut out.

Each card shows the need's key, title, points, requester, its project as a black-and-white
pattern (a legend under each sheet names them) and a QR code of the key drawn with
reportlab's own barcode module, so a phone finds the need again. Cut marks in the margins
show where to cut; cards touch, so one cut separates two of them.

Same rules as the pack: embedded fonts with the emoji fallback, user text printed as
typed, legible in black and white, a file that says what it is. A long title shrinks to
fit its card instead of running over the next one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Literal

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepInFrame, Paragraph
from sqlalchemy import select
from sqlalchemy.orm import Session

from po_desktop.domain import formatting
from po_desktop.i18n import N_, NP_, gettext, plural
from po_desktop.reports.card_patterns import draw_pattern
from po_desktop.reports.pdf_metadata import Metadata, NumberedCanvas
from po_desktop.reports.pdf_text import (
    BOLD,
    FONT,
    clip_title,
    draw_text,
    plain_text,
    register_fonts,
    text,
)
from po_desktop.store import queries
from po_desktop.store.errors import NotFoundError
from po_desktop.store.models import Need
from po_desktop.store.services import needs as need_service
from po_desktop.store.services import sprints as sprint_service

PER_PAGE = (6, 8)
"""Cards on one A4 sheet: two columns of three or four."""

LABELS: dict[str, str] = {
    "title_sprint": N_("Cards of the sprint “{name}”"),
    "title_keys": N_("Cards of the selected needs"),
    "sheet": N_("sheet {n} / {total}"),
    "projects": N_("Projects:"),
    "requester": N_("Requester: {name}"),
    "points": N_("pts"),
    "no_points": N_("?"),
}
CARD_COUNT = NP_("{count} card to cut out", "{count} cards to cut out")


def card_label(name: str, lang: str, /, **params: object) -> str:
    found = gettext(LABELS[name], lang)
    return found.format(**params) if params else found


@dataclass(frozen=True)
class Card:
    key: str
    title: str
    points: float | None
    project_code: str
    project_name: str
    requester: str
    pattern: int
    """The project's pattern (see :mod:`po_desktop.reports.card_patterns`)."""


@dataclass(frozen=True)
class CardSet:
    heading: str
    """What the cards are, in the reader's language (the sprint, or a selection)."""
    cards: tuple[Card, ...]


def _cards(session: Session, ids: Sequence[int]) -> list[Card]:
    """The cards of these needs, in this order."""
    projects = queries.projects(session)
    pattern = {p.id: index for index, p in enumerate(sorted(projects, key=lambda p: p.id))}
    names = {p.id: p.name for p in projects}
    rows = {r.id: r for r in queries.need_rows(session, need_ids=list(ids))}
    return [
        Card(
            r.key,
            r.title,
            r.points,
            r.project_code,
            names.get(r.project_id, ""),
            r.requester,
            pattern.get(r.project_id, 0),
        )
        for r in (rows[i] for i in ids if i in rows)
    ]


def sprint_cards(session: Session, sprint_ref: str | int, lang: str) -> CardSet:
    """The cards of a sprint's needs, in the board's order (column, then rank)."""
    sprint = sprint_service.find_sprint(session, sprint_ref)
    ids = list(
        session.scalars(
            select(Need.id)
            .where(Need.sprint_id == sprint.id)
            .order_by(Need.column_id, Need.rank, Need.id)
        )
    )
    if not ids:
        raise NotFoundError("cards.empty_sprint", name=sprint.name)
    name = plain_text(clip_title(sprint.name, 80), limit=None)
    return CardSet(card_label("title_sprint", lang, name=name), tuple(_cards(session, ids)))


def need_cards(session: Session, refs: Sequence[str | int], lang: str) -> CardSet:
    """The cards of these needs (keys or ids), in the order given, each once."""
    ids = list(dict.fromkeys(need_service.find_need(session, ref).id for ref in refs))
    if not ids:
        raise NotFoundError("cards.none")
    return CardSet(card_label("title_keys", lang), tuple(_cards(session, ids)))


# ----- layout ---------------------------------------------------------------------------

PAGE_W, PAGE_H = A4
SIDE, TOP, BOTTOM = 10 * mm, 17 * mm, 21 * mm
"""Margins: the cut marks on every side, the heading above, the legend below."""
COLUMNS = 2
PAD = 4 * mm
BAND = 8 * mm
"""The width of the project's pattern along a card's left edge."""


def qr_size(per_page: int) -> float:
    """The side of a card's QR code (its quiet zone included)."""
    return 22 * mm if per_page == 6 else 19 * mm


def _styles(lang: str, per_page: int) -> dict[str, ParagraphStyle]:
    big = per_page == 6
    return {
        "title": ParagraphStyle(
            "title", fontName=FONT, fontSize=13 if big else 11.5, leading=16 if big else 14
        ),
        "line": ParagraphStyle("line", fontName=FONT, fontSize=8, leading=10),
    }


def _qr(canvas: Canvas, value: str, x: float, y: float, size: float) -> None:
    widget = QrCodeWidget(value, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, x, y)


def _fit(canvas: Canvas, flowables: list[Flowable], x: float, y: float, w: float, h: float,
         mode: Literal["shrink", "truncate"]) -> None:  # fmt: skip
    """Paragraphs in the box whose bottom-left corner is (x, y): scaled down to fit
    (``shrink``) or cut at its edge (``truncate``)."""
    frame = KeepInFrame(w, h, flowables, mode=mode)
    _w, used = frame.wrapOn(canvas, w, h)
    frame.drawOn(canvas, x, y + h - used)


def _card(canvas: Canvas, card: Card, x: float, y: float, w: float, h: float, lang: str,
          per_page: int) -> None:  # fmt: skip
    styles = _styles(lang, per_page)
    draw_pattern(canvas, card.pattern, x + PAD, y + PAD, BAND, h - 2 * PAD)
    left = x + PAD + BAND + 3 * mm
    right = x + w - PAD
    top = y + h - PAD
    # The key, and the points in a ring: what the team reads across the room.
    key_size = 16 if per_page == 6 else 14
    canvas.setFont(BOLD, key_size)
    canvas.drawString(left, top - key_size * 0.85, plain_text(card.key))
    ring = 6.2 * mm
    cx, cy = right - ring, top - ring
    canvas.setLineWidth(1)
    canvas.circle(cx, cy, ring, stroke=1, fill=0)
    points = (
        formatting.number(card.points, lang, decimals=1)
        if card.points is not None
        else card_label("no_points", lang)
    )
    canvas.setFont(BOLD, 12 if len(points) <= 3 else 9)
    canvas.drawCentredString(cx, cy - 1 * mm, points)
    canvas.setFont(FONT, 6)
    canvas.drawCentredString(cx, cy - 4 * mm, card_label("points", lang))
    # The QR code of the key, bottom right; the project and requester beside it.
    qr = qr_size(per_page)
    _qr(canvas, card.key, right - qr + 1.5 * mm, y + PAD - 1.5 * mm, qr)
    lines_w = right - qr - left - 1 * mm
    line = styles["line"]
    project = clip_title(f"{card.project_code} — {card.project_name}", 80)
    requester = clip_title(card.requester.strip(), 80)
    info: list[Flowable] = [Paragraph(f"<b>{text(project, lang)}</b>", line)]
    if requester:
        info.append(Paragraph(text(card_label("requester", lang, name=requester), lang), line))
    _fit(canvas, info, left, y + PAD, lines_w, 2 * line.leading + 1, "truncate")
    # The title takes the room left between the key and the QR code.
    title_top = top - 2 * ring - 2 * mm
    title_bottom = y + PAD + qr
    title = Paragraph(text(clip_title(card.title), lang), styles["title"])
    _fit(canvas, [title], left, title_bottom, right - left, title_top - title_bottom, "shrink")


def _cut_marks(canvas: Canvas, rows: int, card_w: float, card_h: float, count: int) -> None:
    """Ticks in the margins on every cut line, and a faint outline around each of the
    ``count`` cards for scissors."""
    canvas.saveState()
    xs = [SIDE + i * card_w for i in range(COLUMNS + 1)]
    ys = [BOTTOM + i * card_h for i in range(rows + 1)]
    canvas.setStrokeColor(colors.Color(0.75, 0.75, 0.75))
    canvas.setLineWidth(0.3)
    canvas.setDash(1, 2)
    for index in range(count):
        column, row = index % COLUMNS, index // COLUMNS
        canvas.rect(xs[column], ys[rows - row - 1], card_w, card_h, stroke=1, fill=0)
    canvas.setDash()
    canvas.setStrokeColor(colors.black)
    canvas.setLineWidth(0.5)
    for x in xs:
        canvas.line(x, ys[-1] + 2 * mm, x, ys[-1] + 6 * mm)
        canvas.line(x, ys[0] - 2 * mm, x, ys[0] - 7 * mm)
    for y in ys:
        canvas.line(SIDE - 2 * mm, y, SIDE - 8 * mm, y)
        canvas.line(xs[-1] + 2 * mm, y, xs[-1] + 8 * mm, y)
    canvas.restoreState()


def _legend(canvas: Canvas, cards: Sequence[Card], lang: str) -> None:
    """The patterns of the projects on this sheet, with their codes and names."""
    projects = dict.fromkeys((c.pattern, c.project_code, c.project_name) for c in cards)
    canvas.setFont(BOLD, 8)
    label = card_label("projects", lang)
    baseline = 10 * mm
    canvas.drawString(SIDE, baseline, label)
    x = SIDE + canvas.stringWidth(label, BOLD, 8) + 3 * mm
    for pattern, code, name in projects:
        entry = plain_text(clip_title(f"{code} — {name}", 34), limit=None)
        width = 6 * mm + 1.5 * mm + canvas.stringWidth(entry, FONT, 8) + 5 * mm
        if x + width > PAGE_W - SIDE and x > SIDE + 30 * mm:
            x, baseline = SIDE, baseline - 5 * mm
        if baseline < 2 * mm:
            break  # a sheet holds at most 8 projects: room for two lines is plenty
        draw_pattern(canvas, pattern, x, baseline - 0.8 * mm, 6 * mm, 3.6 * mm)
        draw_text(canvas, x + 7.5 * mm, baseline, entry, 8)
        x += width


def metadata(cards: CardSet, lang: str) -> Metadata:
    count = len(cards.cards)
    subject = plural(CARD_COUNT, count, lang).format(count=formatting.integer(count, lang))
    codes = dict.fromkeys(c.project_code for c in cards.cards)
    return Metadata(
        title=cards.heading,
        subject=subject,
        author="PO Desktop",
        keywords=(cards.heading, *codes),
        lang=lang,
    )


def build_cards(
    cards: CardSet,
    output: Path | IO[bytes],
    lang: str = "fr",
    per_page: int = 8,
    today: date | None = None,
) -> int:
    """Write the sheets to ``output`` (a file name or a binary file); returns the number
    of sheets."""
    if per_page not in PER_PAGE:
        raise ValueError(f"per_page must be one of {PER_PAGE}")
    register_fonts()
    rows = per_page // COLUMNS
    card_w = (PAGE_W - 2 * SIDE) / COLUMNS
    card_h = (PAGE_H - TOP - BOTTOM) / rows
    heading = plain_text(cards.heading, limit=None)
    day = formatting.day(today or date.today(), lang)

    def footer(canvas: Canvas, number: int, total: int) -> None:
        canvas.saveState()
        draw_text(canvas, SIDE, PAGE_H - 7 * mm, f"{heading} — {day}", 9)
        canvas.setFont(FONT, 9)
        canvas.drawRightString(
            PAGE_W - SIDE, PAGE_H - 7 * mm, card_label("sheet", lang, n=number, total=total)
        )
        canvas.restoreState()

    meta = metadata(cards, lang)

    class _CardsCanvas(NumberedCanvas):
        pass

    _CardsCanvas.footer = staticmethod(footer)
    _CardsCanvas.metadata = meta
    canvas = _CardsCanvas(
        output if not isinstance(output, Path) else str(output), pagesize=A4, lang=lang
    )
    canvas.setTitle(meta.title)
    canvas.setSubject(meta.subject)
    canvas.setAuthor(meta.author)
    canvas.setKeywords(", ".join(meta.keywords))
    canvas.setCreator(meta.creator)
    sheets = [cards.cards[i : i + per_page] for i in range(0, len(cards.cards), per_page)]
    for sheet in sheets:
        _cut_marks(canvas, rows, card_w, card_h, len(sheet))
        for index, card in enumerate(sheet):
            column, row = index % COLUMNS, index // COLUMNS
            x = SIDE + column * card_w
            y = PAGE_H - TOP - (row + 1) * card_h
            _card(canvas, card, x, y, card_w, card_h, lang, per_page)
        _legend(canvas, sheet, lang)
        canvas.showPage()
    canvas.save()
    return len(sheets)
